import type { Template } from "./catalog/model";
import type { Finding, TypedRate } from "./finding";
import { sameCell } from "./address";
import type { Grid } from "./grid";
import type { Location } from "./location";
import { inspectCell } from "./rules/cellRules";
import { cumulativeRowsInfo, periodSeverities } from "./rules/periodRules";
import { relationRule, type RelationRule } from "./rules/relationRules";
import { sheetView, type SheetView } from "./sheetView";
import { unitMismatch } from "./rules/unitRule";

/** Every finding the rules give on a located appendix: cell rules in template order, then relations in catalog order. */
export function validate(grid: Grid, template: Template, location: Location): Finding[] {
  return validateSheet(sheetView(grid, template, location, inspectCell));
}

/** `validate` on a sheet already read (analyze reads once for validate and compute). */
export function validateSheet(sheet: SheetView): Finding[] {
  const units = sheet.template.indicators.flatMap((i) => {
    const c = sheet.cell(i.id);
    const f = c ? unitMismatch(c) : null;
    return f ? [f] : [];
  });
  const rules = sheet.template.relations.map(relationRule);
  const cells = sheet.cellFindings.filter((f) => !notAsked(f, sheet)).map((f) => withSkipped(f, rules, sheet));
  const period = periodSeverities(rules.flatMap((r) => r.run(sheet)), rules, sheet);
  const rates = oneFindingPerRate(cells, period.findings);
  return [...rates.cells, ...units, ...rates.relations, ...cumulativeRowsInfo(sheet, period.relaxed)];
}

/** The reading warnings a rate's own finding says for it, and how the rate was typed. */
const TYPED_AS: Readonly<Partial<Record<Finding["code"], TypedRate["as"]>>> = {
  number_stored_as_text: "text",
  percent_as_fraction: "fraction",
  ambiguous_number_resolved: "ambiguous",
};

/**
 * One slip, one finding on a rate: "87,2%" typed as text (or 0.872 as a fraction) for 41/47 = 87.23 is one warning,
 * the rate's (rate_rounded, rate_mismatch), which says how it was typed and whose fix writes the number; the reading
 * warning, whose fix would write 87.2, goes.
 */
function oneFindingPerRate(cells: readonly Finding[], relations: readonly Finding[]): { cells: Finding[]; relations: Finding[] } {
  const folded = new Set<Finding>();
  const out = relations.map((f): Finding => {
    if (f.code !== "rate_rounded" && f.code !== "rate_mismatch") return f;
    const slip = cells.find((c) => TYPED_AS[c.code] !== undefined && c.indicator === f.indicator && sameCell(c.cell, f.cell));
    if (!slip) return f;
    folded.add(slip);
    const typed: TypedRate = { as: TYPED_AS[slip.code]!, actual: slip.actual };
    return f.code === "rate_rounded" ? { ...f, detail: { ...f.detail, typed } } : { ...f, detail: { ...f.detail, typed } };
  });
  return { cells: cells.filter((c) => !folded.has(c)), relations: out };
}

/**
 * An unanswered question that is not asked: its `askedUnlessZero` rows add up to 0 (a blank counts as 0), e.g. the
 * survey's form when no survey was made. Only the plain blank goes; a blank next to a note that cites an answer stays.
 */
function notAsked(f: Finding, sheet: SheetView): boolean {
  if (f.code !== "flag_blank") return false;
  const rows = sheet.cell(f.indicator)?.indicator.askedUnlessZero;
  if (!rows?.length) return false;
  return rows.every((id) => {
    const n = sheet.number(id);
    return n.state === "value" ? n.value === 0 : n.state === "blank" || n.state === "missing";
  });
}

/** A formula with no saved result names the relations that read its cell, skipped for want of its value. */
function withSkipped(f: Finding, rules: readonly RelationRule[], sheet: SheetView): Finding {
  if (f.code !== "formula_no_result") return f;
  const skipped = rules
    .filter((r) => r.reads.includes(f.indicator))
    .map((r) => ({
      relation: r.id,
      others: [...new Set(r.reads)].filter((id) => id !== f.indicator && sheet.cell(id)).map((id) => ({ indicator: id, cell: sheet.cell(id)!.cell })),
    }));
  return { ...f, detail: { ...f.detail, skipped } };
}
