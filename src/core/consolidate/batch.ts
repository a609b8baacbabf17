/**
 * Consolidation for the Department of Home Affairs: many units' appendices -> one summary (a row per indicator, a
 * column per unit, a total where adding up means something), a status per file, and the problems of the batch
 * itself. Pure data; src/xlsx writes it and src/core/messages/consolidate*.ts word it.
 */
import type { Indicator, Template } from "../catalog/model";
import type { Finding } from "../finding";
import { countBySeverity } from "../findingGroups";
import { periodKey, samePeriod, type Period } from "../period";
import { unitKey } from "../titleInfo";
import { ISSUE_SEVERITY, type ConsolidationIssue, type ConsolidationIssueCode, type IssueDetails } from "./issues";
import { rateOf, sumOf, totalOf, type SummaryTotal } from "./totals";
import { fileBaseName, isFailure, type UnitFailure, type UnitReport } from "./unit";

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
  const add = <K extends ConsolidationIssueCode>(i: number, code: K, detail: IssueDetails[K], indicator?: string) => {
    const issue = { code, severity: ISSUE_SEVERITY[code], file: inputs[i].file, unit: nameOf[i], ...(indicator ? { indicator } : {}) };
    issuesOf[i].push((detail === null ? issue : { ...issue, detail }) as ConsolidationIssue);
  };

  // Duplicates first: a left-out file must not vote for the batch's period or template.
  const firstByKey = new Map<string, number>();
  const left = new Set<number>();
  inputs.forEach((u, i) => {
    if (isFailure(u)) {
      if (u.failure === "unreadable") add(i, "file_unreadable", u.unreadable);
      else add(i, "no_appendix", u.appendix);
      left.add(i);
      return;
    }
    const keys = [`file:${u.file}`, ...(u.unitName ? [`unit:${unitKey(u.unitName)}`] : [])];
    const first = keys.map((k) => firstByKey.get(k)).find((f) => f !== undefined);
    if (first !== undefined) {
      add(i, "duplicate_unit", { firstFile: inputs[first].file });
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
    add(i, "template_mismatch", { template: u.templateId, expected: template.id });
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
    if (!u.unitName) add(i, "unit_name_missing", null);
    if (!u.period) add(i, "period_missing", null);
    else {
      const period = { kind: u.period.kind, year: u.period.year };
      if (u.periodFrom === "file") add(i, "period_from_file_name", { period });
      if (batchPeriod && !samePeriod(u.period, batchPeriod)) add(i, "period_mismatch", { period, expected: batchPeriod });
      else if (u.period.year === null) add(i, "period_year_missing", { period });
    }
    // A row or two of the user's own notes is common; missing rows, or many strange ones, suggest another version.
    if (u.rowsMissing > 0 || u.rowsUnrecognized >= UNRECOGNIZED_ROWS_MIN) {
      add(i, "template_rows_differ", { missing: u.rowsMissing, unrecognized: u.rowsUnrecognized });
    }
    if (Object.keys(u.values).length >= SAME_FIGURES_MIN_VALUES) {
      const fp = fingerprint(u.values);
      const other = seenFigures.get(fp);
      if (other !== undefined) add(i, "same_figures", { otherFile: inputs[other].file, otherUnit: nameOf[other] });
      else seenFigures.set(fp, i);
    }
    for (const r of template.relations) {
      if (r.kind !== "rate" || !rateOf(template, r.rate)) continue;
      const hasNum = typeof u.values[r.numerator] === "number";
      const hasDen = typeof u.values[r.denominator] === "number";
      if (hasNum !== hasDen) {
        add(i, "rate_parts_incomplete", { numerator: r.numerator, denominator: r.denominator, given: hasNum ? r.numerator : r.denominator }, r.rate);
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
