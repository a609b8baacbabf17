/**
 * Consolidation for the Department of Home Affairs: many units' appendices -> one summary (a row per indicator, a
 * column per unit, a total where adding up means something), a status per file, and the problems of the batch
 * itself. Pure data; src/xlsx writes it and src/core/messages/consolidate*.ts word it.
 */
import { formKey, type Indicator, type Template } from "../catalog/model";
import type { Finding } from "../finding";
import { readiness, type Readiness } from "../readiness";
import { countBySeverity } from "../findingGroups";
import { periodKey, periodKinds, samePeriod, type Period } from "../period";
import { unitKey } from "../titleInfo";
import { ISSUE_SEVERITY, type ConsolidationIssue, type ConsolidationIssueCode, type IssueDetails, type KeepReason } from "./issues";
import { rateOf, sumOf, totalOf, type SummaryTotal } from "./totals";
import { fileBaseName, type FindingMark, isFailure, type FileModified, type UnitFailure, type UnitReport } from "./unit";

/** Why a readable file is not a column of the summary (null: it is one). */
export type SetAside =
  /** the unit's other file of the same period was kept (newer, or chosen) */
  | "duplicate"
  /** a report of another period from a unit that has a file in the summary */
  | "other_period"
  /** another form: its ids name other rows */
  | "other_form"
  /** the appendix is only on a hidden sheet and the user did not include it */
  | "hidden_sheet";

/** The state of one readable file of the batch (a unit's report), in the order the files were given. */
export interface UnitStatus<F extends FindingMark = Finding> {
  readonly file: string;
  /** The unit as the summary names it: its name from the title block, else the file's base name. */
  readonly unit: string;
  readonly unitName: string | null;
  readonly period: Period | null;
  readonly templateId: string;
  /** The form's version, when the form has one. */
  readonly templateVersion?: string;
  /** The form's title (its id when the form is not among those given). */
  readonly templateTitle: string;
  /** The sheet the appendix was found on. */
  readonly sheet: string;
  /** The appendix's own findings (the consolidation issues are in `issues`). */
  readonly findings: readonly F[];
  /** Errors, warnings and infos: the appendix's findings plus this file's consolidation issues. */
  readonly errors: number;
  readonly warnings: number;
  readonly infos: number;
  readonly issues: readonly ConsolidationIssue[];
  /** Column of this unit in the summary, null when set aside. */
  readonly column: number | null;
  readonly setAside: SetAside | null;
  /** When the file was last saved, as the adapter found it. */
  readonly modified: FileModified | null;
  /**
   * In the summary and ready to send by the rule every surface uses (core/readiness.ts): no error (the appendix's or
   * the batch's), every indicator due answered, none of the appendix's warnings left (a file carries no
   * acknowledgement here; the batch's own warnings, such as a title without the unit's name, are listed, not counted).
   */
  readonly ready: boolean;
  /** What is left before the unit's appendix is ready (`readiness.ready` ignores whether it is in the summary). */
  readonly readiness: Readiness;
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
  /** Not ready (its status's `ready` is false): included, but to be marked. */
  readonly marked: boolean;
}

/** The consolidated batch. */
export interface Consolidation<F extends FindingMark = Finding> {
  /** The template the summary follows (the one most files use). */
  readonly template: Template;
  /** The period of the batch (given, or the one most units report), null when no file says. */
  readonly period: Period | null;
  /** Every period the readable files report, once each, in the order of the year (latest year first): what a user may choose. */
  readonly periods: readonly Period[];
  readonly columns: readonly SummaryColumn[];
  readonly rows: readonly SummaryRow[];
  /** One per readable file with an appendix, in file order. */
  readonly statuses: readonly UnitStatus<F>[];
  /** The files that could not be used at all (unreadable, no appendix, lock files), in file order: no units. */
  readonly unusable: readonly UnitFailure[];
  /** Every consolidation issue, in file order. */
  readonly issues: readonly ConsolidationIssue[];
}

/** Options of a consolidation run. */
export interface ConsolidateOptions {
  /** The period every file must report; by default the one most units report. */
  readonly period?: Period;
  /** Files to keep for their unit when it sent several (`--prefer`, the pane's choice), as the inputs name them. */
  readonly prefer?: readonly string[];
  /**
   * Files whose appendix is only on a hidden sheet, to consolidate all the same (`--include-hidden`, the pane's
   * choice); any other such file is set aside (`hidden_sheet_only`), never consolidated on a guess.
   */
  readonly includeHidden?: readonly string[];
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

/** Orders periods: the later year, then the later end in the year (a period with a year beats one without). */
function periodOrder(p: Pick<Period, "kind" | "year"> | null): number {
  if (!p) return -1;
  return (p.year ?? 0) * 10 + periodKinds.indexOf(p.kind);
}

const modifiedTime = (m: FileModified | null | undefined): number | null => {
  const t = m ? Date.parse(m.at) : NaN;
  return Number.isNaN(t) ? null : t;
};

/** Groups the reports by unit: the same name (by `unitKey`) or the same file given twice. Groups in order of first file. */
function unitGroups<X extends { readonly u: Pick<UnitReport<FindingMark>, "file" | "unitName"> }>(items: readonly X[]): X[][] {
  const groupOf = new Map<string, number>();
  const groups: X[][] = [];
  for (const x of items) {
    const keys = [`file:${x.u.file}`, ...(x.u.unitName ? [`unit:${unitKey(x.u.unitName)}`] : [])];
    const found = keys.map((k) => groupOf.get(k)).find((g) => g !== undefined);
    const g = found ?? groups.push([]) - 1;
    groups[g].push(x);
    for (const k of keys) if (!groupOf.has(k)) groupOf.set(k, g);
  }
  return groups;
}

/**
 * Consolidates a batch. Files are kept in the order given; files that could not be used are listed apart. A unit that
 * sent several files has one in the summary: the one the user preferred, else one of the batch's period, the later
 * period, the one saved later, the first given, in that order; a file of another period is set aside as such (not
 * as a duplicate), a file of the same period as a duplicate, and the choice is said on both files. A file on
 * another form is set aside too (its ids name other rows); a file of another period with no other file of its unit,
 * or with errors, stays in the summary, marked, so nothing disappears silently.
 */
export function consolidate<F extends FindingMark = Finding>(
  inputs: readonly (UnitReport<F> | UnitFailure)[],
  templates: readonly Template[],
  options: ConsolidateOptions = {},
): Consolidation<F> {
  const issuesOf = inputs.map((): ConsolidationIssue[] => []);
  const nameOf = inputs.map((u) => (isFailure(u) ? fileBaseName(u.file) : u.unitName ?? fileBaseName(u.file)));
  const add = <K extends ConsolidationIssueCode>(i: number, code: K, detail: IssueDetails[K], indicator?: string) => {
    const issue = { code, severity: ISSUE_SEVERITY[code], file: inputs[i].file, unit: nameOf[i], ...(indicator ? { indicator } : {}) };
    issuesOf[i].push((detail === null ? issue : { ...issue, detail }) as ConsolidationIssue);
  };
  const titleOf = (id: string) => templates.find((t) => t.id === id)?.title ?? id;
  const setAside = new Map<number, SetAside>();
  const readable = inputs.map((u, i) => ({ u, i })).filter((x): x is { u: UnitReport<F>; i: number } => !isFailure(x.u));

  // An appendix found only on a hidden sheet is checked (its status says what it holds) but taken into the summary
  // only when the user includes it: a hidden "PL 2023" is, as a rule, last period's copy. It takes no part in the
  // choices below (the form, the period, a unit's files), as a file the user has not yet chosen.
  const includeHidden = new Set(options.includeHidden ?? []);
  for (const { u, i } of readable) {
    if (u.hidden !== "fallback") continue;
    if (includeHidden.has(u.file)) add(i, "hidden_sheet_included", { sheet: u.sheet });
    else {
      add(i, "hidden_sheet_only", { sheet: u.sheet });
      setAside.set(i, "hidden_sheet");
    }
  }

  // The form and version most units use; a unit on another form, or on another version of this form, is listed
  // apart: the same indicator id means another row in another form (and may in another version), so its figures
  // cannot be added to these (docs/FORMS.md: consolidate each form on its own).
  // A report that does not say its version (made before forms had one) is on the version of the form with its id.
  const keyOf = (u: UnitReport<F>) => formKey({ id: u.templateId, version: u.templateVersion ?? templates.find((t) => t.id === u.templateId)?.version });
  const common = mostCommon(
    unitGroups(readable.filter((x) => !setAside.has(x.i))).map((g) => g[0]),
    (x) => keyOf(x.u),
  )?.u;
  const template = (common && templates.find((t) => formKey(t) === keyOf(common))) ?? templates[0];
  if (!template) throw new Error("consolidate needs at least one template");
  for (const { u, i } of readable) {
    if (keyOf(u) === formKey(template) || setAside.has(i)) continue;
    add(i, "template_mismatch", {
      template: u.templateId,
      expected: template.id,
      templateTitle: titleOf(u.templateId),
      expectedTitle: template.title,
      ...(u.templateVersion === undefined ? {} : { version: u.templateVersion }),
      ...(template.version === undefined ? {} : { expectedVersion: template.version }),
    });
    setAside.set(i, "other_form");
  }
  const groups = unitGroups(readable.filter((x) => !setAside.has(x.i)));

  // The period most units report: a unit counts once for each period it sent, so its quarterly file beside its
  // annual one is one vote each, not two for the unit. Periods with a year are preferred; the first file wins a tie.
  const votes = groups.flatMap((g) => {
    const seen = new Set<string>();
    return g.filter((x) => x.u.period !== null && !seen.has(periodKey(x.u.period)) && !!seen.add(periodKey(x.u.period)));
  });
  const withYear = votes.filter((x) => x.u.period?.year !== null);
  const period = options.period ?? mostCommon(withYear.length > 0 ? withYear : votes, (x) => periodKey(x.u.period as Period))?.u.period ?? null;
  const batchPeriod: Period | null = period ? { kind: period.kind, year: period.year } : null;

  const prefer = new Set(options.prefer ?? []);
  const kept: { u: UnitReport<F>; i: number }[] = [];
  for (const g of groups) {
    // Rank: preferred; of the batch's period (a period-less file may still be one); the later period; saved later; first given.
    const rank = (x: { u: UnitReport<F>; i: number }) => [
      prefer.has(x.u.file) ? 1 : 0,
      !batchPeriod ? 0 : x.u.period === null ? 1 : samePeriod(x.u.period, batchPeriod) ? 2 : 0,
      periodOrder(x.u.period),
      modifiedTime(x.u.modified) ?? -Infinity,
      -x.i,
    ];
    const best = g.reduce((a, b) => {
      const ra = rank(a);
      const rb = rank(b);
      const d = ra.findIndex((v, k) => v !== rb[k]);
      return d >= 0 && rb[d] > ra[d] ? b : a;
    });
    kept.push(best);
    for (const x of g) {
      if (x === best) continue;
      const k = best.u;
      const o = x.u;
      if (o.period && k.period && !samePeriod(o.period, k.period) && o.file !== k.file) {
        add(x.i, "other_period", { period: { kind: o.period.kind, year: o.period.year }, keptFile: k.file, keptPeriod: { kind: k.period.kind, year: k.period.year } });
        setAside.set(x.i, "other_period");
        continue;
      }
      const why: KeepReason =
        o.file === k.file
          ? "same_file"
          : prefer.has(k.file)
            ? "preferred"
            : periodOrder(k.period) !== periodOrder(o.period)
              ? "period"
              : modifiedTime(k.modified) !== null && modifiedTime(o.modified) !== null && modifiedTime(k.modified) !== modifiedTime(o.modified)
                ? "modified"
                : "first_given";
      add(x.i, "duplicate_unit", { keptFile: k.file, why, modified: o.modified ?? null, keptModified: k.modified ?? null });
      if (why !== "same_file") add(best.i, "kept_over", { otherFile: o.file, why, modified: k.modified ?? null, otherModified: o.modified ?? null });
      setAside.set(x.i, "duplicate");
    }
  }
  kept.sort((a, b) => a.i - b.i);

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

  const statuses: UnitStatus<F>[] = [];
  const columns: SummaryColumn[] = [];
  for (const { u, i } of readable) {
    const issues = issuesOf[i];
    const counts = countBySeverity([...u.findings, ...issues]);
    const errors = counts.error;
    const aside = setAside.get(i) ?? null;
    // The same verdict as the pane's and cchc check's on the appendix; of the batch's own issues only the errors count
    // (another period, the same unit twice): its warnings (no unit name in the title) are about the batch, not the report.
    const batchErrors = issues.filter((x) => x.severity === "error");
    const verdict = readiness({ findings: [...u.findings, ...batchErrors], unanswered: u.unanswered });
    if (aside === null) columns.push({ status: statuses.length, unit: nameOf[i], file: u.file, marked: !verdict.ready });
    statuses.push({
      file: u.file,
      unit: nameOf[i],
      unitName: u.unitName,
      period: u.period,
      templateId: u.templateId,
      ...(u.templateVersion === undefined ? {} : { templateVersion: u.templateVersion }),
      templateTitle: titleOf(u.templateId),
      sheet: u.sheet,
      findings: u.findings,
      errors,
      warnings: counts.warning,
      infos: counts.info,
      issues,
      column: aside === null ? columns.length - 1 : null,
      setAside: aside,
      modified: u.modified ?? null,
      ready: aside === null && verdict.ready,
      readiness: verdict,
    });
  }

  const periods = new Map<string, Period>();
  for (const { u, i } of readable) if (u.period && setAside.get(i) !== "hidden_sheet") periods.set(periodKey(u.period), { kind: u.period.kind, year: u.period.year });
  const reports = columns.map((c) => inputs[readable[c.status].i] as UnitReport<F>);
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
  return {
    template,
    period: batchPeriod,
    periods: [...periods.values()].sort((a, b) => periodOrder(b) - periodOrder(a)),
    columns,
    rows,
    statuses,
    unusable: inputs.filter(isFailure),
    issues: issuesOf.flat(),
  };
}
