/**
 * `cchc consolidate FILE.xlsx... -o TONG_HOP.xlsx`: many units' appendices into one summary workbook.
 * Files are read one at a time and reduced at once to their figures and findings, and the summary is written
 * with ExcelJS's streaming writer, so a batch of a thousand files never holds more than one workbook.
 */
import * as fs from "fs";
import ExcelJS from "exceljs";
import {
  consolidate, consolidateMessages, type Consolidation, describeForm, formatIssue, formatUnusable, isFailure, isLockFileName,
  formKey, type Lang, parsePeriodKey, periodLabel, type Template, templates, type UnitFailure, type UnitReport,
} from "../core";
import { consolidationSteps, unitFromBytes } from "../xlsx";
import { cliMessages, type CliMessages } from "./messages";
import type { FormChoice } from "./formOptions";
import { formReport } from "./check";
import { formCliMessages } from "./formMessages";
import { existingName } from "./fileNames";
import { FindingSpill, SpillError, type KeptFinding, type KeptUnit } from "./findingSpill";
import { checkOutputName, FileProblem, fileBytes, sameFile, writeOutputWith } from "./workbookFiles";

/** Options of `consolidate`. */
export interface ConsolidateCliOptions {
  readonly force: boolean;
  readonly json: boolean;
  readonly lang: Lang;
  /** "nam/2023": the period every file must report (default: the one most files give). */
  readonly period?: string;
  /** `--prefer FILE`: files to use for their unit when it sent several. */
  readonly prefer?: readonly string[];
  /** `--include-hidden FILE`: files whose appendix is only on a hidden sheet, to consolidate all the same. */
  readonly includeHidden?: readonly string[];
  /** The forms units are located with (default: the built-in forms); the summary follows the most used one. */
  readonly forms?: FormChoice;
  /** Draw the progress bar (default: stderr is a terminal). */
  readonly progress?: boolean;
}

/** The file system's modified date (ISO), the fallback when the workbook does not record when it was saved. */
function fileSystemModified(file: string): string | null {
  try {
    return fs.statSync(existingName(file)).mtime.toISOString();
  } catch {
    // The file was read a moment ago; without its date it is still a unit, and the choice between two files says so.
    return null;
  }
}

/**
 * One file reduced to what the summary needs, or why it cannot be used (as data). The workbook is dropped on return.
 * A lock file (~$…, caught by a *.xlsx pattern while a workbook is open) is skipped unread.
 */
export async function readUnit(file: string, candidates: readonly Template[] = templates): Promise<UnitReport | UnitFailure> {
  if (isLockFileName(file)) return { file, failure: "lock_file" };
  const read = fileBytes(file);
  if ("unreadable" in read) return { file, failure: "unreadable", unreadable: read.unreadable };
  return unitFromBytes(file, read.bytes, candidates, fileSystemModified(file));
}

/** A findings file that cannot be written (a full temporary disk) as the sentence that says so. */
function spillOrProblem<T>(op: () => T, cm: CliMessages["consolidate"]): T {
  try {
    return op();
  } catch (e) {
    if (e instanceof SpillError) throw new FileProblem(cm.tempFailed(e.folder, e.code));
    throw e;
  }
}

/** A progress bar redrawn in place on a terminal; nothing until `finish` elsewhere (logs stay clean). */
class Progress {
  private last = 0;
  constructor(
    private readonly total: number,
    private readonly live: boolean,
    private readonly text: (done: number, total: number) => string,
    private readonly err: (t: string) => void,
  ) {}
  update(done: number): void {
    if (!this.live) return;
    const now = Date.now();
    // A redraw per file would cost more than reading small files; ten per second is smooth enough.
    if (done < this.total && now - this.last < 100) return;
    this.last = now;
    const width = 30;
    const filled = Math.round((done / Math.max(1, this.total)) * width);
    this.err(`\r[${"#".repeat(filled)}${".".repeat(width - filled)}] ${this.text(done, this.total)}`);
  }
  finish(line: string): void {
    if (this.live) this.err("\r\x1b[2K");
    this.err(`${line}\n`);
  }
}

const STEPS_BETWEEN_PAUSES = 50;

/** Writes the summary atomically (a temporary file beside `output`, then its name), so a failure never leaves half a workbook. */
async function writeSummary(output: string, c: Consolidation<KeptFinding>, spill: FindingSpill, opts: ConsolidateCliOptions, m: CliMessages): Promise<void> {
  await writeOutputWith(output, opts.force, m, async (temp) => {
    const writer = new ExcelJS.stream.xlsx.WorkbookWriter({ filename: temp, useStyles: true, useSharedStrings: false });
    let rows = 0;
    for (const step of consolidationSteps(writer, c, opts.lang, (s) => spill.rows(s.findings))) {
      void step;
      if (++rows % STEPS_BETWEEN_PAUSES === 0) await new Promise((resolve) => setImmediate(resolve));
    }
    await writer.commit();
  });
}

/** The `--json` document: each unit's status and issues, the files that could not be used, each indicator's total. */
function jsonReport(c: Consolidation<KeptFinding>, output: string, lang: Lang, matchOf: ReadonlyMap<string, { matched: number; total: number }>) {
  return {
    output,
    template: c.template.id,
    ...(c.template.version === undefined ? {} : { templateVersion: c.template.version }),
    templateTitle: c.template.title,
    period: c.period ? { kind: c.period.kind, year: c.period.year, label: periodLabel(c.period, lang) } : null,
    periods: c.periods.map((p) => ({ kind: p.kind, year: p.year, label: periodLabel(p, lang) })),
    units: c.statuses.map((s) => ({
      file: s.file,
      unit: s.unit,
      unitName: s.unitName,
      period: s.period ? { kind: s.period.kind, year: s.period.year } : null,
      template: s.templateId,
      ...(s.templateVersion === undefined ? {} : { templateVersion: s.templateVersion }),
      templateTitle: s.templateTitle,
      ...(matchOf.has(s.file) ? { match: matchOf.get(s.file) } : {}),
      sheet: s.sheet,
      modified: s.modified,
      errors: s.errors,
      warnings: s.warnings,
      infos: s.infos,
      ready: s.ready,
      included: s.column !== null,
      setAside: s.setAside,
      issues: s.issues.map((i) => ({
        code: i.code,
        severity: i.severity,
        indicator: i.indicator ?? null,
        message: formatIssue(i, lang, c.template),
        detail: i.detail ?? null,
      })),
    })),
    unusable: c.unusable.map((u) => ({
      file: u.file,
      failure: u.failure,
      reason: u.failure === "unreadable" ? u.unreadable.reason : u.failure === "no_appendix" ? u.appendix.reason : "excel_lock_file",
      message: formatUnusable(u, lang, c.template),
    })),
    totals: c.rows.flatMap((r) =>
      r.kind !== "indicator" || r.total.method === "none"
        ? []
        : [
            {
              indicator: r.indicator.id,
              method: r.total.method,
              value: "value" in r.total ? r.total.value : r.total.counts.map((k) => ({ code: k.value, count: k.count })),
              reported: r.reported,
            },
          ],
    ),
  };
}

function textReport(c: Consolidation<KeptFinding>, lang: Lang): string[] {
  const cm = cliMessages(lang).consolidate;
  const words = consolidateMessages(lang);
  const lines: string[] = [];
  for (const s of c.statuses) {
    lines.push(
      s.setAside === null
        ? cm.fileLine(s.unit, s.file, periodLabel(s.period, lang), s.errors, s.warnings, s.ready)
        : cm.setAsideLine(s.unit, s.file, periodLabel(s.period, lang), words.setAside[s.setAside]),
    );
    for (const i of s.issues) {
      lines.push(cm.issueLine(formatIssue(i, lang, c.template)));
      if (i.code === "duplicate_unit" && i.detail.why !== "same_file") lines.push(cm.preferHint(s.file));
      if (i.code === "hidden_sheet_only") lines.push(cm.includeHiddenHint(s.file));
    }
  }
  const unread = c.unusable.filter((u) => u.failure !== "lock_file");
  if (unread.length > 0) {
    lines.push("", cm.unusableHeading(unread.length));
    for (const u of unread) lines.push(cm.unusableLine(u.file, formatUnusable(u, lang, c.template)));
  }
  // Lock files are no reading failure: a note before everything, as `check` says it.
  const locks = c.unusable.filter((u) => u.failure === "lock_file").map((u) => cliMessages(lang).lockFileSkipped(u.file));
  return locks.length ? [...locks, "", ...lines] : lines;
}

/**
 * Runs `consolidate`; returns the exit status: 0 every unit in the summary ready, 1 some unit has an error or a file
 * is on another form, 2 some file could not be used (the summary is still written) or nothing could be written.
 */
export async function runConsolidate(
  files: readonly string[],
  output: string | undefined,
  opts: ConsolidateCliOptions,
  m: CliMessages,
  out: (text: string) => void,
  err: (text: string) => void,
): Promise<number> {
  const cm = m.consolidate;
  if (files.length === 0 || !output) {
    err(`${cm.needArgs}\n`);
    return 2;
  }
  const period = opts.period === undefined ? undefined : parsePeriodKey(opts.period);
  if (period === null) {
    err(`${cm.badPeriod(opts.period as string)}\n`);
    return 2;
  }
  try {
    checkOutputName(output, m, err, [".xlsx"], "TONG_HOP.xlsx");
    const input = files.find((f) => sameFile(f, output));
    if (input !== undefined) throw new FileProblem(cm.outIsInput(output));
    // Refuse early rather than after reading a thousand files; the write itself checks again.
    if (!opts.force && fs.existsSync(output)) throw new FileProblem(m.outExists(output));
    // `--prefer` names a file as the user typed it: the input it is (another spelling of the path counts).
    const inputOf = (option: string) => (p: string) => {
      const input = files.find((f) => sameFile(f, p));
      if (input === undefined) throw new FileProblem(cm.notInput(option, p));
      return input;
    };
    const prefer = (opts.prefer ?? []).map(inputOf("--prefer"));
    const includeHidden = (opts.includeHidden ?? []).map(inputOf("--include-hidden"));

    const progress = new Progress(files.length, opts.progress ?? process.stderr.isTTY === true, cm.progress, err);
    const candidates = opts.forms?.templates ?? templates;
    const spill = spillOrProblem(() => new FindingSpill(opts.lang), cm);
    let c: Consolidation<KeptFinding>;
    // How well each file matched its form (the rows it has of the form's), for --json: file -> matched, total.
    const matchOf = new Map<string, { matched: number; total: number }>();
    try {
      const units: (KeptUnit | UnitFailure)[] = [];
      for (const [i, file] of files.entries()) {
        const unit = await readUnit(file, candidates);
        if (!isFailure(unit)) {
          const total = candidates.find((t) => formKey(t) === formKey({ id: unit.templateId, version: unit.templateVersion }))?.indicators.length ?? 0;
          matchOf.set(file, { matched: total - unit.rowsMissing, total });
        }
        // Each unit's findings are worded with its own form (readUnit found it among the candidates) and set aside.
        units.push(isFailure(unit) ? unit : spillOrProblem(() => spill.keep(unit, candidates.find((t) => formKey(t) === formKey({ id: unit.templateId, version: unit.templateVersion })) as Template), cm));
        progress.update(i + 1);
      }
      progress.finish(cm.readLine(files.length, files.length));
      c = consolidate(units, candidates, { ...(period ? { period } : {}), prefer, includeHidden });
      await writeSummary(output, c, spill, opts, m);
    } finally {
      spill.close();
    }
    const ready = c.statuses.filter((s) => s.ready).length;
    const marked = c.columns.filter((x) => x.marked).length;
    const aside = c.statuses.filter((s) => s.column === null).length;
    const form = opts.forms?.formOf(c.template);
    if (opts.json) {
      const named = form && opts.forms ? { form: formReport(form.facts, opts.forms.fileOf(form)) } : {};
      out(`${JSON.stringify({ ...jsonReport(c, output, opts.lang, matchOf), ...named })}\n`);
    } else {
      const lines = textReport(c, opts.lang);
      if (form && opts.forms) lines.unshift(formCliMessages(opts.lang).formUsed(describeForm(form.facts, opts.lang), opts.forms.fileOf(form)));
      if (c.columns.length === 0) lines.push(cm.noUsableFile);
      lines.push("", cm.written(output, c.columns.length, ready, marked, aside, c.unusable.filter((u) => u.failure !== "lock_file").length));
      out(`${lines.join("\n")}\n`);
    }
    // A skipped lock file is no failure; a file set aside for a newer one of its unit, or of another period, is stated,
    // not wrong. A unit to review, a file on another form (its figures are missing), or one whose appendix is only on
    // a hidden sheet (waiting for the user's choice) is.
    if (c.unusable.some((u) => u.failure !== "lock_file")) return 2;
    return c.statuses.every((s) => (s.setAside === null ? s.ready : s.setAside !== "other_form" && s.setAside !== "hidden_sheet")) ? 0 : 1;
  } catch (e) {
    if (!(e instanceof FileProblem)) throw e;
    err(`${e.message}\n`);
    return 2;
  }
}
