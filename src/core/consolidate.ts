/**
 * Consolidation for the Department of Home Affairs: many units' appendices -> one summary (a row per
 * indicator, a column per unit, a total where adding up means something), a status per file, and the
 * problems of the batch itself (the same unit twice, another period, another template). Pure data;
 * src/xlsx/consolidateWorkbook.ts writes it and src/core/messages/consolidate.* words it.
 */
import type { Indicator, Template } from "./catalog/model";
import type { FoundCheck } from "./checkWorkbook";
import type { Finding, Severity } from "./finding";
import { countBySeverity } from "./findingGroups";
import type { Grid } from "./grid";
import { inspectCell } from "./rules";
import { sheetView } from "./sheetView";
import { roundTo } from "./rules/numbers";
import { cleanText } from "./text";
import type { Period } from "./titleInfo";
import { periodFromFileName, periodKey, samePeriod, titleInfo, unitKey } from "./titleInfo";

/** A unit's appendix reduced to what the consolidation needs: the workbook can be dropped once this is made. */
export interface UnitReport {
  readonly file: string;
  readonly sheet: string;
  readonly templateId: string;
  /** From the title block; null when it names no unit. */
  readonly unitName: string | null;
  readonly period: Period | null;
  readonly periodFrom: "title" | "file" | null;
  /** Indicator id -> the value the cell is meant to hold (1 for "Có", 87 for 0.87 in a % row), or the calculator's value for a blank total/rate; absent when blank or unreadable. */
  readonly values: Readonly<Record<string, number | string>>;
  /** Ids whose value came from the calculator (the unit left the cell blank). */
  readonly computed: readonly string[];
  readonly findings: readonly Finding[];
  /** Template rows the sheet lacks, and sheet rows that match no template row: signs of another version. */
  readonly rowsMissing: number;
  readonly rowsUnrecognized: number;
}

/** A file that could not be consolidated; `detail` is the adapter's own sentence, if any. */
export interface UnitFailure {
  readonly file: string;
  readonly failure: "unreadable" | "no_appendix";
  readonly detail?: string;
}

/** Every consolidation issue code; messages (consolidate.vi.ts / .en.ts) translate each. */
export const consolidationIssueCodes = [
  "file_unreadable",
  "no_appendix",
  "duplicate_unit",
  "period_mismatch",
  "template_mismatch",
  "unit_name_missing",
  "period_missing",
  "period_year_missing",
  "period_from_file_name",
  "template_rows_differ",
  "same_figures",
  "rate_parts_incomplete",
] as const;

/** A problem of the batch, not of one cell: data with a code, worded by the message files. */
export type ConsolidationIssueCode = (typeof consolidationIssueCodes)[number];

/** One consolidation issue, about one file. */
export interface ConsolidationIssue {
  readonly code: ConsolidationIssueCode;
  readonly severity: Severity;
  readonly file: string;
  /** The unit as the summary names it. */
  readonly unit: string;
  /** Indicator id, for issues about one row. */
  readonly indicator?: string;
  readonly detail?: Readonly<Record<string, string | number | null>>;
}

const ISSUE_SEVERITY: Readonly<Record<ConsolidationIssueCode, Severity>> = {
  file_unreadable: "error",
  no_appendix: "error",
  duplicate_unit: "error",
  period_mismatch: "error",
  template_mismatch: "error",
  unit_name_missing: "warning",
  period_missing: "warning",
  period_year_missing: "warning",
  period_from_file_name: "info",
  template_rows_differ: "warning",
  same_figures: "warning",
  rate_parts_incomplete: "warning",
};

/** The state of one file of the batch, in the order the files were given. */
export interface UnitStatus {
  readonly file: string;
  /** The unit as the summary names it: its name from the title block, else the file's base name. */
  readonly unit: string;
  readonly unitName: string | null;
  readonly period: Period | null;
  readonly templateId: string | null;
  /** The sheet the appendix was found on, null for a file without one. */
  readonly sheet: string | null;
  /** The appendix's own findings (the consolidation issues are in `issues`). */
  readonly findings: readonly Finding[];
  /** Errors, warnings and infos: the appendix's findings plus this file's consolidation issues. */
  readonly errors: number;
  readonly warnings: number;
  readonly infos: number;
  readonly issues: readonly ConsolidationIssue[];
  /** Column of this unit in the summary, null when left out (unreadable, or a duplicate). */
  readonly column: number | null;
  /** In the summary and without any error. */
  readonly ready: boolean;
}

/** How a row's total is made. */
export type SummaryTotal =
  /** counts: the sum over units; null when no unit gave a figure */
  | { readonly method: "sum"; readonly value: number | null }
  /** a rate: sum(numerator) / sum(denominator) x 100, rounded to 2; never an average of the units' rates */
  | { readonly method: "rate"; readonly numerator: string; readonly denominator: string; readonly value: number | null }
  /** a 0/1 flag: how many units answered the yes code */
  | { readonly method: "yes_count"; readonly yes: number; readonly value: number }
  /** a coded choice: how many units chose each code */
  | { readonly method: "choice_counts"; readonly counts: readonly { readonly value: number; readonly label: string; readonly count: number }[] }
  /** nothing meaningful to add up (group rows, text, a percentage without numerator and denominator) */
  | { readonly method: "none" };

/** One row of the summary. */
export type SummaryRow =
  | { readonly kind: "section"; readonly id: string; readonly stt: string; readonly label: string }
  | {
      readonly kind: "indicator";
      readonly indicator: Indicator;
      /** One per summary column; null where the unit gave nothing. */
      readonly values: readonly (number | string | null)[];
      /** Parallel to `values`: true where the value is the calculator's (the unit left the cell blank). */
      readonly computed: readonly boolean[];
      /** How many units gave a value. */
      readonly reported: number;
      readonly total: SummaryTotal;
    };

/** A unit's column in the summary. */
export interface SummaryColumn {
  /** Index into `Consolidation.statuses`. */
  readonly status: number;
  readonly unit: string;
  readonly file: string;
  /** Not ready: included, but to be marked (errors, another period or template). */
  readonly marked: boolean;
}

/** The consolidated batch. */
export interface Consolidation {
  /** The template the summary follows (the one most files use). */
  readonly template: Template;
  /** The period of the batch (given, or the one most files report), null when no file says. */
  readonly period: Period | null;
  readonly columns: readonly SummaryColumn[];
  readonly rows: readonly SummaryRow[];
  readonly statuses: readonly UnitStatus[];
  /** Every consolidation issue, in file order. */
  readonly issues: readonly ConsolidationIssue[];
}

/** Options of a consolidation run. */
export interface ConsolidateOptions {
  /** The period every file must report; by default the one most files report. */
  readonly period?: Period;
}

/** The file's base name without folder or extension: what a unit without a name is called. */
export function fileBaseName(file: string): string {
  return cleanText(file.replace(/^.*[\\/]/, "").replace(/\.[A-Za-z0-9]+$/, "").normalize("NFC")) || file;
}

/**
 * Reduces one checked appendix (the grid of its sheet and the check) to a `UnitReport`: the value of each indicator as the rules read it, the
 * calculator's value where the unit left a total or rate blank, the findings, the title block's unit and period
 * (the file name's period when the title gives none).
 */
export function unitReport(file: string, grid: Grid, check: FoundCheck): UnitReport {
  const { template, location } = check;
  const view = sheetView(grid, template, location, inspectCell);
  const values: Record<string, number | string> = {};
  const computed: string[] = [];
  const patched = new Map(check.patches.map((p) => [p.indicator, p.value]));
  for (const ind of template.indicators) {
    if (ind.kind === "group") continue;
    if (ind.kind === "text") {
      const raw = view.cell(ind.id)?.raw.value;
      const text = raw === null || raw === undefined ? "" : cleanText(String(raw));
      if (text !== "") values[ind.id] = text;
      continue;
    }
    const n = view.number(ind.id);
    if (n.state === "value") values[ind.id] = n.value;
    else if (n.state === "blank" && patched.has(ind.id)) {
      values[ind.id] = patched.get(ind.id) as number;
      computed.push(ind.id);
    }
  }
  const title = titleInfo(grid, location);
  const filePeriod = title.period ? null : periodFromFileName(file);
  return {
    file,
    sheet: check.sheet,
    templateId: template.id,
    unitName: title.unitName,
    period: title.period ?? filePeriod,
    periodFrom: title.period ? "title" : filePeriod ? "file" : null,
    values,
    computed,
    findings: check.findings,
    rowsMissing: location.missing.length,
    rowsUnrecognized: location.unrecognized.length,
  };
}

function isFailure(u: UnitReport | UnitFailure): u is UnitFailure {
  return "failure" in u;
}

/** FNV-1a over the figures: equal fingerprints mean (almost surely) the same figures, in 8 characters. */
function fingerprint(values: Readonly<Record<string, number | string>>): string {
  const text = Object.keys(values)
    .sort()
    .map((k) => `${k}=${values[k]}`)
    .join(";");
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  return h.toString(16).padStart(8, "0");
}

/** Identical figures mean a copied file only when there are enough of them; a nearly empty appendix is common. */
const SAME_FIGURES_MIN_VALUES = 5;

/** Unrecognised rows (with all template rows present) it takes to suspect another template version. */
const UNRECOGNIZED_ROWS_MIN = 3;

/** The value most items give (the first seen wins a tie), or undefined. */
function mostCommon<T>(items: readonly T[], key: (t: T) => string): T | undefined {
  const count = new Map<string, number>();
  const firstOf = new Map<string, T>();
  for (const item of items) {
    const k = key(item);
    count.set(k, (count.get(k) ?? 0) + 1);
    if (!firstOf.has(k)) firstOf.set(k, item);
  }
  let best: T | undefined;
  let bestCount = 0;
  // Map iteration follows first insertion, so on a tie the earlier file's value stays.
  for (const [k, n] of count) {
    if (n > bestCount) {
      best = firstOf.get(k);
      bestCount = n;
    }
  }
  return best;
}

const yesCode = (ind: Indicator): number | undefined => ind.codes?.find((c) => c.value === 1)?.value;

/** The rate relation that gives `id`, when both its numerator and denominator are counts of the template. */
function rateOf(template: Template, id: string): { numerator: string; denominator: string } | undefined {
  const kindOf = new Map(template.indicators.map((i) => [i.id, i.kind]));
  for (const r of template.relations) {
    if (r.kind === "rate" && r.rate === id && kindOf.get(r.numerator) === "count" && kindOf.get(r.denominator) === "count") {
      return { numerator: r.numerator, denominator: r.denominator };
    }
  }
  return undefined;
}

/** How the summary adds up an indicator across units (the same choice the workbook's formulas make). */
export function totalMethod(template: Template, ind: Indicator): SummaryTotal["method"] {
  switch (ind.kind) {
    case "count":
      return "sum";
    case "percent":
      return rateOf(template, ind.id) ? "rate" : "none";
    case "flag":
      return yesCode(ind) === undefined ? "none" : "yes_count";
    case "choice":
      return ind.codes?.length ? "choice_counts" : "none";
    default:
      return "none";
  }
}

function sumOf(values: readonly (number | string | null)[]): number | null {
  let sum: number | null = null;
  for (const v of values) if (typeof v === "number") sum = (sum ?? 0) + v;
  return sum;
}

function totalOf(template: Template, ind: Indicator, values: readonly (number | string | null)[], sums: ReadonlyMap<string, number | null>): SummaryTotal {
  switch (totalMethod(template, ind)) {
    case "sum":
      return { method: "sum", value: sumOf(values) };
    case "rate": {
      const r = rateOf(template, ind.id) as { numerator: string; denominator: string };
      const num = sums.get(r.numerator) ?? null;
      const den = sums.get(r.denominator) ?? null;
      const value = num === null || den === null || den === 0 ? null : roundTo((num / den) * 100, 2);
      return { method: "rate", ...r, value };
    }
    case "yes_count": {
      const yes = yesCode(ind) as number;
      return { method: "yes_count", yes, value: values.filter((v) => v === yes).length };
    }
    case "choice_counts":
      return {
        method: "choice_counts",
        counts: (ind.codes ?? []).map((c) => ({ value: c.value, label: c.label, count: values.filter((v) => v === c.value).length })),
      };
    default:
      return { method: "none" };
  }
}

/**
 * Consolidates a batch. Files are kept in the order given. A unit sent twice keeps its first file in the
 * summary and the later ones are reported and left out (adding them would count the unit twice); a file on another
 * form is reported and left out too (its ids name other rows); a file of another period, or with errors, stays in
 * the summary, marked, so nothing disappears silently.
 */
export function consolidate(
  inputs: readonly (UnitReport | UnitFailure)[],
  templates: readonly Template[],
  options: ConsolidateOptions = {},
): Consolidation {
  const issuesOf = inputs.map((): ConsolidationIssue[] => []);
  const nameOf = inputs.map((u) => (isFailure(u) ? fileBaseName(u.file) : u.unitName ?? fileBaseName(u.file)));
  const add = (i: number, code: ConsolidationIssueCode, extra: Partial<Pick<ConsolidationIssue, "indicator" | "detail">> = {}) =>
    issuesOf[i].push({ code, severity: ISSUE_SEVERITY[code], file: inputs[i].file, unit: nameOf[i], ...extra });

  // Duplicates first: a left-out file must not vote for the batch's period or template.
  const firstByKey = new Map<string, number>();
  const left = new Set<number>();
  inputs.forEach((u, i) => {
    if (isFailure(u)) {
      add(i, u.failure === "unreadable" ? "file_unreadable" : "no_appendix", { detail: { reason: u.detail ?? null } });
      left.add(i);
      return;
    }
    const keys = [`file:${u.file}`, ...(u.unitName ? [`unit:${unitKey(u.unitName)}`] : [])];
    const first = keys.map((k) => firstByKey.get(k)).find((f) => f !== undefined);
    if (first !== undefined) {
      add(i, "duplicate_unit", { detail: { firstFile: inputs[first].file } });
      left.add(i);
      return;
    }
    for (const k of keys) firstByKey.set(k, i);
  });
  const notLeft = () => inputs.map((u, i) => ({ u, i })).filter((x): x is { u: UnitReport; i: number } => !left.has(x.i));

  const templateId = mostCommon(notLeft(), (x) => x.u.templateId)?.u.templateId;
  const template = templates.find((t) => t.id === templateId) ?? templates[0];
  if (!template) throw new Error("consolidate needs at least one template");
  // A unit on another form is listed apart: the same indicator id means another row in another form, so its figures
  // cannot be added to these (docs/FORMS.md: consolidate each form on its own with --form).
  for (const { u, i } of notLeft()) {
    if (u.templateId === template.id) continue;
    add(i, "template_mismatch", { detail: { template: u.templateId, expected: template.id } });
    left.add(i);
  }
  const kept = notLeft();
  const withPeriod = kept.filter((x) => x.u.period !== null);
  const period =
    options.period ??
    mostCommon(
      withPeriod.filter((x) => x.u.period?.year !== null).length > 0 ? withPeriod.filter((x) => x.u.period?.year !== null) : withPeriod,
      (x) => periodKey(x.u.period as Period),
    )?.u.period ??
    null;
  const batchPeriod: Period | null = period ? { kind: period.kind, year: period.year } : null;

  const seenFigures = new Map<string, number>();
  for (const { u, i } of kept) {
    if (!u.unitName) add(i, "unit_name_missing");
    if (!u.period) add(i, "period_missing");
    else {
      if (u.periodFrom === "file") add(i, "period_from_file_name", { detail: { period: periodKey(u.period) } });
      if (batchPeriod && !samePeriod(u.period, batchPeriod)) {
        add(i, "period_mismatch", { detail: { period: periodKey(u.period), expected: periodKey(batchPeriod) } });
      } else if (u.period.year === null) add(i, "period_year_missing", { detail: { period: periodKey(u.period) } });
    }
    // A row or two of the user's own notes is common; missing rows, or many strange ones, suggest another version.
    if (u.rowsMissing > 0 || u.rowsUnrecognized >= UNRECOGNIZED_ROWS_MIN) {
      add(i, "template_rows_differ", { detail: { missing: u.rowsMissing, unrecognized: u.rowsUnrecognized } });
    }
    if (Object.keys(u.values).length >= SAME_FIGURES_MIN_VALUES) {
      const fp = fingerprint(u.values);
      const other = seenFigures.get(fp);
      if (other !== undefined) add(i, "same_figures", { detail: { otherFile: inputs[other].file, otherUnit: nameOf[other] } });
      else seenFigures.set(fp, i);
    }
    for (const r of template.relations) {
      if (r.kind !== "rate" || !rateOf(template, r.rate)) continue;
      const hasNum = typeof u.values[r.numerator] === "number";
      const hasDen = typeof u.values[r.denominator] === "number";
      if (hasNum !== hasDen) {
        add(i, "rate_parts_incomplete", {
          indicator: r.rate,
          detail: { numerator: r.numerator, denominator: r.denominator, given: hasNum ? r.numerator : r.denominator },
        });
      }
    }
  }

  const statuses: UnitStatus[] = [];
  const columns: SummaryColumn[] = [];
  inputs.forEach((u, i) => {
    const findings = isFailure(u) ? [] : u.findings;
    const issues = issuesOf[i];
    const counts = countBySeverity([...findings, ...issues]);
    const errors = counts.error;
    const included = !left.has(i);
    if (included) columns.push({ status: i, unit: nameOf[i], file: u.file, marked: errors > 0 });
    statuses.push({
      file: u.file,
      unit: nameOf[i],
      unitName: isFailure(u) ? null : u.unitName,
      period: isFailure(u) ? null : u.period,
      templateId: isFailure(u) ? null : u.templateId,
      sheet: isFailure(u) ? null : u.sheet,
      findings,
      errors,
      warnings: counts.warning,
      infos: counts.info,
      issues,
      column: included ? columns.length - 1 : null,
      ready: included && errors === 0,
    });
  });

  const reports = columns.map((c) => inputs[c.status] as UnitReport);
  const valuesOf = (id: string) => reports.map((r) => r.values[id] ?? null);
  const sums = new Map<string, number | null>();
  for (const ind of template.indicators) if (ind.kind === "count") sums.set(ind.id, sumOf(valuesOf(ind.id)));
  const rows: SummaryRow[] = [];
  for (const section of template.sections) {
    rows.push({ kind: "section", id: section.id, stt: section.stt, label: section.label });
    for (const ind of template.indicators) {
      if (ind.section !== section.id) continue;
      const values = ind.kind === "group" ? reports.map(() => null) : valuesOf(ind.id);
      rows.push({
        kind: "indicator",
        indicator: ind,
        values,
        computed: reports.map((r) => r.computed.includes(ind.id)),
        reported: values.filter((v) => v !== null).length,
        total: totalOf(template, ind, values, sums),
      });
    }
  }
  return { template, period: batchPeriod, columns, rows, statuses, issues: issuesOf.flat() };
}
