/** `cchc form import APPENDIX.xlsx -o FORM.xlsx`: a draft form from an appendix workbook, and what is left to decide. */
import * as path from "path";
import { compileDocument, draftForm, formatFormProblem, formatUndecided, formJson, type Lang } from "../core";
import { formWorkbookBytes, readWorkbookSheets, StreamReadError, unreadableOf, type WorkbookRead } from "../xlsx";
import { formCliMessages } from "./formMessages";
import type { CliMessages } from "./messages";
import { checkOutputName, FileProblem, readBytes, sameFile, writeOutput } from "./workbookFiles";

const noPlace = { fact: () => ({ file: true as const }), section: () => ({ file: true as const }), indicator: () => ({ file: true as const }), relation: () => ({ file: true as const }) };

/** Writes the draft form; 0 written, 2 nothing written (the sentence says why). */
export async function runFormImport(
  input: string,
  output: string,
  opts: { readonly force: boolean; readonly lang: Lang },
  m: CliMessages,
  io: { readonly out: (t: string) => void; readonly err: (t: string) => void },
): Promise<number> {
  const fm = formCliMessages(opts.lang);
  try {
    const ext = path.extname(output).toLowerCase();
    checkOutputName(output, m, io.err, [".xlsx", ".json"], "mau.xlsx");
    if (sameFile(input, output)) throw new FileProblem(m.outIsInput(output));
    // The reader check and fill use: an appendix any of them reads is one import reads.
    let read: WorkbookRead;
    try {
      read = readWorkbookSheets(readBytes(input, m));
    } catch (e) {
      if (e instanceof StreamReadError) throw new FileProblem(m.unreadable(input, unreadableOf(e.reason)));
      throw e;
    }
    const sheets = read.sheets.map((w) => ({ name: w.name, grid: w.grid, hidden: w.hidden }));
    const draft = draftForm(sheets, { source: path.basename(input) });
    if (!draft) throw new FileProblem(m.noAppendix(input, { reason: "no_header" }));
    // The draft must be a form the checker accepts; a draft it refuses would be a fault here, not the user's.
    const compiled = compileDocument(draft.document, noPlace);
    if (!compiled.ok) throw new Error(compiled.problems.filter((p) => p.severity === "error").map((p) => formatFormProblem(p, "en")).join(" "));
    const bytes = ext === ".json" ? new TextEncoder().encode(formJson(draft.document)) : await formWorkbookBytes(draft.document);
    await writeOutput(output, bytes, opts.force, m);
    const lines = [fm.importWritten(output, draft.document.indicators.length, draft.document.relations.length), fm.importUndecided(draft.undecided.length)];
    for (const u of draft.undecided) lines.push(`  ${formatUndecided(u, opts.lang)}`);
    lines.push(fm.importNext(output));
    io.out(`${lines.join("\n")}\n`);
    return 0;
  } catch (e) {
    if (!(e instanceof FileProblem)) throw e;
    io.err(`${e.message}\n`);
    return 2;
  }
}
