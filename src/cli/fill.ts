/**
 * `cchc fill`: a copy of the file with the totals and rates written as formulas with their values, and nothing else
 * changed (the surgical writer, src/xlsx/package/patchWorkbook.ts; docs/CLI.md says exactly what changes).
 */
import * as path from "path";
import {
  cellA1, cellKey, describeForm, fillBlocker, matchedIndicators, writtenCell, formatFinding, formatNumber, indicatorById, type Lang, shortLabel,
} from "../core";
import { patchWorkbook, refusalText, workbookFileExtension } from "../xlsx/package";
import { checkOutputName, FileProblem, findAppendix, sameFile, writeOutput } from "./workbookFiles";
import { valueColumnLine, valueColumnReport } from "./check";
import type { CliMessages } from "./messages";
import { formCliMessages } from "./formMessages";
import type { FormChoice } from "./formOptions";

/** What `fill` reports as left alone: computed cells holding a different value the user typed (never overwritten). */
const LEFT_ALONE = new Set(["rate_mismatch", "sum_mismatch", "computed_value_conflict"]);

/**
 * Runs `fill`: reads `input` (never written), writes `output`. Exit status 0 when written with nothing left
 * alone, 1 when written but some computed cell holds a different value or could not be filled because its inputs
 * are in error (the output then names the inputs to fix), 2 when nothing could be written.
 */
export async function runFill(
  input: string,
  output: string,
  opts: { readonly force: boolean; readonly sheet?: string; readonly column?: number; readonly lang: Lang; readonly forms: FormChoice },
  m: CliMessages,
  out: (text: string) => void,
  err: (text: string) => void,
): Promise<number> {
  try {
    const base = path.basename(input, path.extname(input));
    checkOutputName(output, m, err, [".xlsx", ".xlsm", ".xltx", ".xltm", ".xlam"], `${base}-da-dien.xlsx`);
    if (sameFile(input, output)) throw new FileProblem(m.outIsInput(output));
    const found = await findAppendix(input, m, opts.sheet, opts.forms.templates, opts.column);
    // The copy is the same kind of package as the input (a macro-enabled workbook stays one): Excel opens it only
    // under the extension its kind needs.
    const kind = workbookFileExtension(found.bytes);
    if (path.extname(output).toLowerCase() !== kind) {
      throw new FileProblem(kind === ".xlsx" ? m.outNotXlsx(output) : m.outKind(input, kind, `${base}-da-dien${kind}`));
    }
    const { findings, patches, template, location } = found.check;
    // A hidden sheet nobody chose (last period's copy, as a rule) is never written on a guess; nor is one of several
    // value columns nothing tells apart.
    const blocker = fillBlocker(found.check);
    if (blocker?.reason === "hidden_sheet") throw new FileProblem(m.hiddenFill(input, found.check.sheet));
    // Several value columns and nothing saying which is the report's: filling one of them would be a guess.
    const column = valueColumnReport(location);
    if (blocker?.reason === "ambiguous_column") {
      throw new FileProblem(m.ambiguousColumnFill(input, column.seen.map((s) => `${s.column}${s.heading ? ` (“${s.heading}”)` : ""}`).join(", ")));
    }
    const form = opts.forms.formOf(template);
    const patched = new Set(patches.map((p) => cellKey(writtenCell(p))));
    // What the calculator would write but did not: the cell holds a different value the user typed.
    const conflicts = findings.filter((f) => LEFT_ALONE.has(f.code) && !patched.has(cellKey(f.cell)));
    // What it would compute but must not write: the inputs are in error, or the value breaks its own rule.
    const blocked = findings.filter((f) => f.code === "computed_value_blocked");
    // The copy is the input's bytes with the target cells patched; every other part is copied as it is.
    // An appendix split over two sheets: each target into its own sheet, one patch of the package after the other.
    let bytes: Uint8Array = found.bytes;
    const secondSheets = new Set(patches.flatMap((p) => (p.sheet === undefined ? [] : [p.sheet])));
    for (const sheet of [found.check.sheet, ...secondSheets]) {
      const mine = patches.filter((p) => (p.sheet ?? found.check.sheet) === sheet);
      const copy = patchWorkbook(bytes, sheet, mine);
      if (!copy.ok) throw new FileProblem(m.notFilled(input, refusalText(copy.refusal, opts.lang)));
      bytes = copy.bytes;
    }
    await writeOutput(output, bytes, opts.force, m);

    const lines = [
      formCliMessages(opts.lang).formLine(describeForm(form.facts, opts.lang), matchedIndicators(found.check), template.indicators.length, opts.forms.fileOf(form)).trim(),
      ...[valueColumnLine(column, m)].filter((l): l is string => l !== null).map((l) => l.trim()),
      m.filledHeading(patches.length, blocked.length > 0),
    ];
    for (const p of patches) {
      const label = shortLabel(indicatorById(template, p.indicator)?.label ?? p.indicator);
      lines.push(m.filledLine(cellA1(writtenCell(p)), formatNumber(p.value, opts.lang), p.formula, label));
    }
    if (blocked.length) {
      lines.push("", m.blockedHeading(blocked.length));
      for (const f of blocked) lines.push(`  ${cellA1(f.cell).padEnd(6)} ${formatFinding(f, opts.lang, template)}`);
    }
    if (conflicts.length) {
      lines.push("", m.conflictsHeading(conflicts.length));
      for (const f of conflicts) lines.push(`  ${cellA1(f.cell).padEnd(6)} ${formatFinding(f, opts.lang, template)}`);
    }
    lines.push("", m.fillWritten(output));
    out(`${lines.join("\n")}\n`);
    return conflicts.length || blocked.length ? 1 : 0;
  } catch (e) {
    if (!(e instanceof FileProblem)) throw e;
    err(`${e.message}\n`);
    return 2;
  }
}
