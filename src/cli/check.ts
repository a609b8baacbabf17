/** `cchc check`: the findings of every file, as text grouped by section or as one JSON document. */
import {
  cellA1, countBySeverity, matchedIndicators, missingIndicators, sheetPrefix, writtenCell, describeForm, type ExpectedKind, type Finding, type FindingValue, type Fix, formatFinding,
  formatFormCurrency, checkCurrency, type FoundCheck, type Period, type PeriodKind, periodLabel, type PeriodRead, type FormFacts, groupBySection, type Lang, type Limit, type Location,
  readiness, type Readiness, readinessText, type Severity, type Template, toA1, type ValueChoice,
} from "../core";
import * as path from "path";
import { checkInOrder, threadsFor, type WorkerSetup } from "./checkBatch";
import { isExcelLockFile } from "./fileNames";
import { FileProblem, findAppendix } from "./workbookFiles";
import type { CliMessages } from "./messages";
import { formCliMessages } from "./formMessages";
import type { FormChoice } from "./formOptions";

/** One finding as `--json` prints it: cells as A1 text ("'Sheet 2'!D5" for a cell on another sheet). */
export interface JsonFinding {
  readonly code: string;
  readonly severity: Severity;
  readonly indicator: string;
  readonly cell: string;
  readonly cells: readonly string[];
  readonly message: string;
  readonly actual: FindingValue;
  /** the expected value; for a finding with a `limit`, the limit's value (as before the limit had a field of its own) */
  readonly expected: FindingValue;
  /** what `expected` is: a value the cell must hold, what the other cells give, a likely reading, or a bound */
  readonly expectedKind: ExpectedKind | "limit" | null;
  /** the bound the value breaks ("min" 0, "max" 100), null when the finding has none */
  readonly limit: Limit | null;
  readonly fix: (Omit<Fix, "cell"> & { readonly cell: string }) | null;
}

/** Ready to send (core/readiness.ts) as `--json` prints it: the verdict, what is left, the indicators unanswered. */
export interface ReadinessReport extends Readiness {
  /** the indicators counted in `unanswered`, with their value cells (null: the sheet has no row for it) */
  readonly unansweredIndicators: readonly { readonly indicator: string; readonly cell: string | null }[];
}

/** One file's result as `--json` prints it: findings, or the sentence saying why the file could not be checked. */
export type FileReport =
  | {
      readonly file: string;
      readonly sheet: string;
      /** `sheet` is hidden: "chosen" with --sheet, "fallback" when no visible sheet holds an appendix; null: visible */
      readonly hidden: "chosen" | "fallback" | null;
      readonly template: string;
      /** the form checked against: its facts, and the file it was read from (null: built in) */
      readonly form: FormReport;
      /** how well the sheet matched the form: indicator rows found of the form's rows */
      readonly match: { readonly matched: number; readonly total: number };
      /** why the form may not fit the report (its period, province or level); present only when there is something */
      readonly formWarnings?: readonly { readonly code: string; readonly message: string }[];
      readonly recognized: number;
      readonly missing: readonly string[];
      readonly findings: readonly JsonFinding[];
      readonly summary: { readonly errors: number; readonly warnings: number; readonly infos: number };
      /**
       * ready to send: no error, every indicator due answered, every warning acknowledged (a file on the command line
       * carries no acknowledgement, so any warning leaves it not ready)
       */
      readonly readiness: ReadinessReport;
      /** other sheets holding an appendix too (hidden ones say so); only `sheet` was checked */
      readonly others: readonly { readonly sheet: string; readonly matched: number; readonly hidden: boolean }[];
      /** set when the appendix seems split over `sheet` and another sheet */
      readonly split: { readonly sheets: readonly string[]; readonly matched: number } | null;
      /** merged areas over the value column (only their first cell is read) */
      readonly mergedValueCells: readonly string[];
      /** hidden rows of the appendix (1-based; still checked) */
      readonly hiddenRows: readonly number[];
      /** the sheet has a filter (rows it hides are still checked) */
      readonly filtered: boolean;
      /** the value column checked, why, and every value column seen (one when the table has one) */
      readonly valueColumn: ValueColumnReport;
      /**
       * every sheet checked with its value column: `sheet` alone, or the two parts of an appendix split over two
       * sheets (checked as one)
       */
      readonly sheets: readonly { readonly sheet: string; readonly valueColumn: ValueColumnReport }[];
      /** the report's period the rules went by (rows due, cumulative rows) and where it was read */
      readonly period: PeriodReport;
    }
  | { readonly file: string; readonly error: string };

/** A period as `--json` prints it: its kind, year and name in the output's language. */
export interface PeriodJson {
  readonly kind: PeriodKind;
  readonly year: number | null;
  readonly label: string;
}

/**
 * The report's period as `--json` prints it: the period the rules went by (null: unknown, so every row is due and
 * none is read as cumulative), where it comes from ("title": the title block; "sheet": the sheet's name, the title
 * naming none; "option": --period; null), the dates
 * the title writes for it, and what the title says (which --period may override).
 */
export interface PeriodReport {
  readonly period: PeriodJson | null;
  readonly from: "title" | "sheet" | "option" | null;
  readonly dates: { readonly from: string; readonly to: string } | null;
  readonly title: PeriodJson | null;
}

const periodJson = (p: Period | null, lang: Lang): PeriodJson | null => (p ? { kind: p.kind, year: p.year, label: periodLabel(p, lang) } : null);

/** The period field of a report. */
export function periodReport(r: PeriodRead, lang: Lang): PeriodReport {
  const dated = r.from === "title" ? r.title : null;
  return {
    period: periodJson(r.period, lang),
    from: r.from,
    dates: dated?.from && dated.to ? { from: dated.from, to: dated.to } : null,
    title: periodJson(r.title, lang),
  };
}

/** The value column checked, as `--json` prints it: its letter, why it (`single`: the only one), and all those seen. */
export interface ValueColumnReport {
  readonly checked: string;
  readonly reason: ValueChoice["reason"] | "single";
  readonly seen: readonly { readonly column: string; readonly heading: string | null; readonly checked: boolean }[];
}

const letter = (col: number): string => toA1({ row: 0, col }).replace(/\d+$/, "");

/** The report's value-column field from the location. */
export function valueColumnReport(location: Location): ValueColumnReport {
  const checked = letter(location.columns.value);
  const choice = location.valueChoice;
  if (!choice) return { checked, reason: "single", seen: [{ column: checked, heading: null, checked: true }] };
  return { checked, reason: choice.reason, seen: choice.columns.map((c) => ({ column: letter(c.col), heading: c.heading, checked: c.checked })) };
}

/** The note line naming the value column checked among several, or null when the table has one. */
export function valueColumnLine(r: ValueColumnReport, m: CliMessages): string | null {
  if (r.reason === "single") return null;
  const heading = r.seen.find((s) => s.checked)?.heading ?? null;
  const others = r.seen.filter((s) => !s.checked).map((s) => `${s.column}${s.heading ? ` (“${s.heading}”)` : ""}`).join(", ");
  return m.valueColumnLine(r.checked, heading, r.reason, others);
}

/** The form a result names, as `--json` prints it. */
export interface FormReport {
  readonly id: string;
  readonly version: string;
  readonly title: string;
  readonly province: string;
  readonly level: FormFacts["level"];
  readonly status: FormFacts["status"];
  readonly file: string | null;
}

/** The form's report fields. */
export function formReport(facts: FormFacts, file: string | null): FormReport {
  return { id: facts.id, version: facts.version, title: facts.title, province: facts.province, level: facts.level, status: facts.status, file };
}

/** Warnings that the form may not fit the report (period in use, province, level from the title); absent when none. */
function formWarningsOf(facts: FormFacts, check: FoundCheck, lang: Lang): { formWarnings?: readonly { readonly code: string; readonly message: string }[] } {
  const warnings = checkCurrency(facts, check);
  return warnings.length ? { formWarnings: warnings.map((w) => ({ code: w.code, message: formatFormCurrency(w, facts, lang) })) } : {};
}

/** What the text output needs beyond the JSON report. */
interface Checked {
  readonly report: FileReport;
  readonly template?: Template;
  readonly facts?: FormFacts;
  readonly raw?: readonly Finding[];
  readonly unrecognized?: readonly { readonly row: number; readonly label: string; readonly sheet?: string }[];
  readonly total?: number;
}

async function checkFile(file: string, lang: Lang, m: CliMessages, forms: FormChoice, sheet?: string, column?: number, period?: Period): Promise<Checked> {
  try {
    const found = await findAppendix(file, m, sheet, forms.templates, column, period);
    const { findings, template, location, rest } = found.check;
    const form = forms.formOf(template);
    const matched = matchedIndicators(found.check);
    const report: FileReport = {
      file,
      sheet: found.check.sheet,
      hidden: found.check.hidden,
      template: template.id,
      form: formReport(form.facts, forms.fileOf(form)),
      match: { matched, total: template.indicators.length },
      ...formWarningsOf(form.facts, found.check, lang),
      recognized: matched,
      missing: missingIndicators(found.check),
      findings: findings.map((f) => ({
        code: f.code,
        severity: f.severity,
        indicator: f.indicator,
        cell: cellA1(f.cell),
        cells: f.cells.map(cellA1),
        message: formatFinding(f, lang, template),
        actual: f.actual,
        expected: f.expected ?? f.limit?.value ?? null,
        expectedKind: f.limit ? "limit" : f.expected === null ? null : (f.expectedKind ?? "value"),
        limit: f.limit ?? null,
        fix: f.fix && { ...f.fix, cell: cellA1(writtenCell(f.fix)) },
      })),
      summary: summaryOf(findings),
      readiness: { ...readiness(found.check), unansweredIndicators: found.check.unanswered.map((u) => ({ indicator: u.indicator, cell: u.cell && cellA1(u.cell) })) },
      others: found.check.others.map((o) => ({ sheet: o.sheet, matched: o.matched, hidden: o.hidden })),
      split: found.check.split,
      ...found.sheetNotes,
      valueColumn: valueColumnReport(location),
      sheets: [
        { sheet: found.check.sheet, valueColumn: valueColumnReport(location) },
        ...(rest ? [{ sheet: rest.sheet, valueColumn: valueColumnReport(rest.location) }] : []),
      ],
      period: periodReport(found.check.reportPeriod, lang),
    };
    const unrecognized = [...location.unrecognized, ...(rest?.location.unrecognized.map((u) => ({ ...u, sheet: rest.sheet })) ?? [])];
    return { report, template, facts: form.facts, raw: findings, unrecognized, total: template.indicators.length };
  } catch (e) {
    if (e instanceof FileProblem) return { report: { file, error: e.message } };
    throw e;
  }
}

/** A file's counts as the report names them. */
function summaryOf(findings: readonly Finding[]): { errors: number; warnings: number; infos: number } {
  const c = countBySeverity(findings);
  return { errors: c.error, warnings: c.warning, infos: c.info };
}

function textReport(c: Checked, lang: Lang, m: CliMessages): string[] {
  const r = c.report;
  // The sentence already names the file.
  if ("error" in r) return [r.error];
  const template = c.template!;
  const lines = [r.split ? m.fileHeadingSplit(r.file, r.split.sheets[0], r.split.sheets[1], r.recognized, c.total!) : m.fileHeading(r.file, r.sheet, r.recognized, c.total!)];
  lines.push(formCliMessages(lang).formLine(describeForm(c.facts!, lang), r.match.matched, r.match.total, r.form.file));
  for (const w of r.formWarnings ?? []) lines.push(formCliMessages(lang).formWarning(w.message));
  lines.push(m.periodLine(r.period.period?.label ?? null, r.period.from, r.period.title && r.period.from === "option" ? r.period.title.label : null));
  if (r.split) lines.push(m.splitAppendix(r.split.sheets[0], r.split.sheets[1], r.split.matched));
  if (r.hidden) lines.push(m.checkedHidden(r.sheet, r.hidden === "chosen"));
  const others = r.others.filter((o) => o.sheet !== r.split?.sheets[1]);
  const named = (list: typeof others) => list.map((o) => `“${o.sheet}”`).join(", ");
  const shown = others.filter((o) => !o.hidden);
  const hiddenOthers = others.filter((o) => o.hidden);
  if (shown.length) lines.push(m.otherAppendices(r.sheet, named(shown)));
  if (hiddenOthers.length) lines.push(m.hiddenAppendices(named(hiddenOthers)));
  for (const part of r.sheets) {
    const valueLine = valueColumnLine(part.valueColumn, m);
    if (valueLine) lines.push(r.sheets.length > 1 ? m.onSheet(part.sheet, valueLine) : valueLine);
  }
  if (r.mergedValueCells.length) lines.push(m.mergedValueCells(r.mergedValueCells.join(", ")));
  if (r.hiddenRows.length) lines.push(m.hiddenRows(r.hiddenRows.length, r.hiddenRows.join(", ")));
  if (r.filtered) lines.push(m.filtered);
  if (r.missing.length) lines.push(m.missingRows(r.missing.length, r.missing.join(", ")));
  if (c.unrecognized?.length) {
    const where = (u: { row: number; sheet?: string }) => (u.sheet === undefined ? `${u.row + 1}` : `${sheetPrefix(u.sheet)}${u.row + 1}`);
    lines.push(m.unrecognizedRows(c.unrecognized.length, c.unrecognized.map((u) => `${where(u)} “${u.label}”`).join("; ")));
  }
  if (c.raw!.length === 0) lines.push(m.noFindings);
  const width = Math.max(...Object.values(m.severity).map((s) => s.length));
  for (const group of groupBySection(c.raw!, template)) {
    const section = group.section;
    lines.push("", section ? m.sectionHeading(section.stt, section.label) : m.general);
    for (const f of group.findings) {
      lines.push(`  ${cellA1(f.cell).padEnd(6)} ${m.severity[f.severity].padEnd(width)}  ${formatFinding(f, lang, template)}`);
    }
  }
  lines.push("", m.summary(r.file, r.summary.errors, r.summary.warnings, r.summary.infos));
  const verdict = readinessText(r.readiness, lang);
  lines.push(m.readiness(r.file, verdict.title, verdict.body, r.readiness.ready));
  return lines;
}

/** What checking one file needs besides the file: the same on the main thread and in a worker (checkWorker.ts). */
export interface CheckSettings {
  readonly json: boolean;
  readonly sheet?: string;
  readonly column?: number;
  /** `--period nam/2024`: the report's period, used in place of the title's */
  readonly period?: Period;
  readonly lang: Lang;
}

/** Where the forms come from, so that a worker thread can read the same ones (formOptions.ts). */
export interface FormSource {
  readonly form?: string;
  readonly forms?: string;
  readonly env: Readonly<Record<string, string | undefined>>;
}

/** One file checked: its JSON report, and its text block unless the output is JSON. Plain data (it crosses threads). */
export interface CheckOutcome {
  readonly report: FileReport;
  readonly text: string | null;
}

/** Checks one file as `check` reports it. */
export async function checkOutcome(file: string, s: CheckSettings, forms: FormChoice, m: CliMessages): Promise<CheckOutcome> {
  const c = await checkFile(file, s.lang, m, forms, s.sheet, s.column, s.period);
  return { report: c.report, text: s.json ? null : textReport(c, s.lang, m).join("\n") };
}

/**
 * Runs `check` on `files`; returns the exit status (0 clean, 1 some error finding, 2 some file not checked). A batch
 * is checked on every core when `formSource` says where a worker finds the forms (checkBatch.ts); each file's
 * result is printed as soon as those before it are, so the output is the same whatever the threads.
 */
export async function runCheck(
  files: readonly string[],
  opts: CheckSettings & { readonly forms: FormChoice; readonly formSource?: FormSource; readonly threads?: number },
  m: CliMessages,
  out: (text: string) => void,
  err: (text: string) => void = out,
): Promise<number> {
  // Excel's lock files ("~$a.xlsx", caught by a *.xlsx pattern while a.xlsx is open) are no appendix: skipped, noted.
  const skipped = files.filter(isExcelLockFile);
  const inputs = files.filter((f) => !isExcelLockFile(f));
  const settings: CheckSettings = { json: opts.json, sheet: opts.sheet, column: opts.column, period: opts.period, lang: opts.lang };
  const totals = { errors: 0, warnings: 0, infos: 0, unchecked: 0 };
  const take = (index: number, o: CheckOutcome) => {
    const r = o.report;
    if ("error" in r) totals.unchecked++;
    else {
      totals.errors += r.summary.errors;
      totals.warnings += r.summary.warnings;
      totals.infos += r.summary.infos;
    }
    if (opts.json) out(`${index === 0 ? '{"files":[' : ","}${JSON.stringify(r)}`);
    // A file that could not be checked is said on stderr, as every command says a file problem; the report goes on.
    else if ("error" in r) err(`${r.error}\n`);
    else out(`${blocks++ === 0 ? "" : "\n\n"}${o.text}`);
  };
  let blocks = 0;
  if (!opts.json && skipped.length) {
    out(skipped.map((f) => m.lockFileSkipped(f)).join("\n"));
    blocks++;
  }
  const checkOne = (file: string) => checkOutcome(file, settings, opts.forms, m);
  const threads = opts.formSource ? (opts.threads ?? threadsFor(inputs.length)) : 1;
  const setup: WorkerSetup<CheckWorkerSettings> = { entry: path.join(__dirname, "checkWorker.ts"), settings: { ...settings, formSource: opts.formSource! } };
  await checkInOrder(inputs, checkOne, take, setup, threads);
  if (opts.json) {
    // "skipped" appears only when a file was skipped, so the agreed shape of a plain run stays as it was.
    const skippedJson = skipped.map((file) => ({ file, reason: "excel_lock_file", message: m.lockFileSkipped(file) }));
    out(`${inputs.length ? "]" : '{"files":[]'}${skipped.length ? `,"skipped":${JSON.stringify(skippedJson)}` : ""}}\n`);
  } else {
    if (blocks) out("\n");
    if (inputs.length > 1) out(`${blocks ? "\n" : ""}${m.total(inputs.length, totals.errors, totals.warnings, totals.infos, totals.unchecked)}\n`);
  }
  if (totals.unchecked) return 2;
  return totals.errors > 0 ? 1 : 0;
}

/** What a worker thread is started with: the settings and where to find the forms. */
export type CheckWorkerSettings = CheckSettings & { readonly formSource: FormSource };
