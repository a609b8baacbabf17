/**
 * The report's period against its rows: the period read from the title (titleInfo.ts) and the days it covers
 * (period.ts). A quarter's report (quý II, III, IV) is not cumulative, while rows marked "lũy kế" run from 15/12 of the
 * year before: a relation between such a row and the period's own rows may legitimately break, so it is at most a
 * warning, and one info says why. A title whose dates are not the period's days is a warning.
 */
import type { CellRef } from "../address";
import type { Finding, Severity } from "../finding";
import type { Grid } from "../grid";
import { cellAt } from "../grid";
import type { Location } from "../location";
import { isCumulativePeriod, periodDates, type Day, type Period } from "../period";
import type { SheetView } from "../sheetView";
import { cleanText } from "../text";
import { periodFromText } from "../titleInfo";
import type { RelationRule } from "./relationRules";

/** The cumulative rows a relation reads beside rows of the period's own, when the period is not cumulative. */
function mixesCumulative(rule: RelationRule, sheet: SheetView): boolean {
  const located = rule.reads.map((id) => sheet.cell(id)).filter((c) => c !== undefined);
  return located.some((c) => c.indicator.cumulative) && located.some((c) => !c.indicator.cumulative);
}

/** The rows a relation reads that are not due in the report's period (a row of the year's report, in a quarter's). */
function notDue(rule: RelationRule, sheet: SheetView): string[] {
  return [...new Set(rule.reads)].filter((id) => sheet.cell(id)?.due === false);
}

/** One step down: an error becomes a warning, a warning an info. */
const lower = (s: Severity): Severity => (s === "error" ? "warning" : "info");

/**
 * Relation findings the report's period makes less severe, each saying why (`Finding.relaxed`):
 * - a relation reading a row not due in the period (the year's survey, in a quarter's report) is not held against
 *   it: one step down (an error a warning, a warning an info);
 * - in a report that is not cumulative, a relation reading a "lũy kế" row beside the period's own rows may
 *   legitimately break: an error becomes a warning, and no fix is offered (the quarter's quotient written into the
 *   year's cumulative rate would replace a right figure with a wrong one).
 * Returns the findings and the relations lowered for the cumulative rows (the info `period_not_cumulative` names them).
 */
export function periodSeverities(findings: readonly Finding[], rules: readonly RelationRule[], sheet: SheetView): { findings: Finding[]; relaxed: string[] } {
  const period = sheet.period;
  if (!period) return { findings: [...findings], relaxed: [] };
  const at = { kind: period.kind, year: period.year };
  const byId = new Map(rules.map((r) => [r.id, r]));
  const notCumulative = !isCumulativePeriod(period.kind);
  const relaxed = new Set<string>();
  const out = findings.map((found): Finding => {
    const rule = found.relation ? byId.get(found.relation) : undefined;
    if (!rule) return found;
    const mixed = notCumulative && mixesCumulative(rule, sheet);
    // The quarter's quotient is no fix for the year's cumulative rate, whatever the finding's severity.
    const f: Finding = mixed && found.fix ? { ...found, fix: null } : found;
    if (f.severity === "info") return f;
    const due = notDue(rule, sheet);
    if (due.length > 0) {
      return { ...f, severity: lower(f.severity), relaxed: { reason: "not_due", period: at, indicators: due, ruleSeverity: f.severity } };
    }
    if (mixed && f.severity === "error") {
      relaxed.add(rule.id);
      const rows = [...new Set(rule.reads)].filter((id) => sheet.cell(id)?.indicator.cumulative);
      return { ...f, severity: "warning", relaxed: { reason: "not_cumulative", period: at, indicators: rows, ruleSeverity: f.severity } };
    }
    return f;
  });
  return { findings: out, relaxed: [...relaxed] };
}

/**
 * In a quarter's report (not cumulative), the filled rows marked "lũy kế": one info on the first, naming the period's
 * days, the days the cumulative rows run from, and the relations made warnings for it.
 */
export function cumulativeRowsInfo(sheet: SheetView, relaxed: readonly string[]): Finding[] {
  const period = sheet.period;
  if (!period || isCumulativePeriod(period.kind)) return [];
  const rows = sheet.template.indicators.filter((i) => i.cumulative && sheet.number(i.id).state === "value").map((i) => sheet.cell(i.id)!);
  if (rows.length === 0) return [];
  const days = period.year === null ? null : periodDates(period.kind, period.year);
  const since: Day | null = period.year === null ? null : { day: 15, month: 12, year: period.year - 1 };
  return [
    {
      code: "period_not_cumulative",
      severity: "info",
      indicator: rows[0].indicator.id,
      cell: rows[0].cell,
      cells: rows.map((c) => c.cell),
      actual: null,
      expected: null,
      fix: null,
      detail: {
        period: { kind: period.kind, year: period.year },
        from: days?.from ?? null,
        to: days?.to ?? null,
        since,
        rows: rows.map((c) => ({ indicator: c.indicator.id, cell: c.cell })),
        relaxed: [...relaxed],
      },
    },
  ];
}

function dayOf(text: string | undefined): Day | null {
  const m = text ? /^(\d{1,2})\/(\d{1,2})\/(\d{4})$/.exec(text) : null;
  return m ? { day: Number(m[1]), month: Number(m[2]), year: Number(m[3]) } : null;
}

const sameDay = (a: Day, b: Day) => a.day === b.day && a.month === b.month && a.year === b.year;

/** The title cell that writes the period's dates ("từ ngày 15/6/2024 đến ngày 14/9/2024"), or null. */
function rangeCell(grid: Grid, location: Pick<Location, "headerRow">): CellRef | null {
  const width = grid.values.reduce((w, r) => Math.max(w, r.length), 0);
  for (let row = grid.origin.row; row < location.headerRow; row++) {
    for (let c = 0; c < width; c++) {
      const at = { row, col: grid.origin.col + c };
      const v = cellAt(grid, at).value;
      if (typeof v === "string" && periodFromText(cleanText(v))?.from) return at;
    }
  }
  return null;
}

/**
 * The title's dates against its period: "QUÝ III NĂM 2024 (từ 15/12/2023 đến 14/9/2024)" writes 9 months' days under
 * a quarter's name (quý III is 15/6–14/9, not cumulative; quý I, 6 tháng and năm start on 15/12 of the year before).
 */
export function periodDatesFinding(grid: Grid, location: Pick<Location, "headerRow">, period: Period | null): Finding[] {
  if (!period || period.year === null) return [];
  const from = dayOf(period.from);
  const to = dayOf(period.to);
  if (!from || !to) return [];
  const expected = periodDates(period.kind, period.year);
  if (sameDay(from, expected.from) && sameDay(to, expected.to)) return [];
  const cell = rangeCell(grid, location) ?? { row: location.headerRow, col: grid.origin.col };
  return [
    {
      code: "period_dates_mismatch",
      severity: "warning",
      indicator: "",
      cell,
      cells: [cell],
      actual: `${period.from}–${period.to}`,
      expected: null,
      fix: null,
      detail: { period: { kind: period.kind, year: period.year }, written: { from, to }, expected },
    },
  ];
}
