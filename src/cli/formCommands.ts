/** `cchc form check FORM` and `cchc form import APPENDIX -o FORM`: forms as files a Sở Nội vụ writes and shares. */
import * as path from "path";
import { describeForm, formatFormProblem, hasErrors, type Lang } from "../core";
import { formCliMessages } from "./formMessages";
import type { CliMessages } from "./messages";
import { FileProblem, readBytes } from "./workbookFiles";

/** The form reader, loaded only when a form file is given: it brings ExcelJS, which no other command of this file needs. */
function formReader(): typeof import("../xlsx").readFormBytes {
  // eslint-disable-next-line @typescript-eslint/no-require-imports -- a lazy require: tsx's CommonJS hook serves it, import() would not
  return (require("../xlsx") as typeof import("../xlsx")).readFormBytes;
}

/** Options of `cchc form`. */
export interface FormCommandOptions {
  readonly out?: string;
  readonly force: boolean;
  readonly json: boolean;
  readonly lang: Lang;
}

/** Runs `cchc form SUBCOMMAND ...`; exit status as each subcommand says. */
export async function runForm(
  positional: readonly string[],
  opts: FormCommandOptions,
  m: CliMessages,
  io: { readonly out: (t: string) => void; readonly err: (t: string) => void },
): Promise<number> {
  const fm = formCliMessages(opts.lang);
  const [sub, ...files] = positional;
  const usage = (text: string) => {
    io.err(`${text}\n`);
    return 2;
  };
  if (sub === "check") {
    if (files.length !== 1) return usage(fm.needFormFile);
    return runFormCheck(files[0], opts, m, io);
  }
  if (sub === "import") {
    if (files.length !== 1 || !opts.out) return usage(fm.needImportArgs);
    // eslint-disable-next-line @typescript-eslint/no-require-imports -- a lazy require, as formReader
    const { runFormImport } = require("./formImport") as typeof import("./formImport");
    return runFormImport(files[0], opts.out, opts, m, io);
  }
  return usage(sub === undefined ? fm.needFormFile : fm.unknownFormCommand(sub));
}

/** `cchc form check`: every problem by sheet, row and column; 0 usable, 1 errors, 2 not readable. */
export async function runFormCheck(
  file: string,
  opts: FormCommandOptions,
  m: CliMessages,
  io: { readonly out: (t: string) => void; readonly err: (t: string) => void },
): Promise<number> {
  const fm = formCliMessages(opts.lang);
  let bytes: Buffer;
  try {
    bytes = readBytes(file, m);
  } catch (e) {
    if (!(e instanceof FileProblem)) throw e;
    io.err(`${e.message}\n`);
    return 2;
  }
  const r = await formReader()(bytes, path.basename(file));
  const problems = r.problems.map((p) => ({ severity: p.severity, code: p.code, at: p.at, message: formatFormProblem(p, opts.lang) }));
  // A file that is no form at all (or too large) is "not readable", like an appendix file that is not a workbook.
  const unreadable = !r.ok && r.problems.some((p) => "file" in p.at);
  const errors = problems.filter((p) => p.severity === "error").length;
  const warnings = problems.length - errors;
  if (opts.json) {
    const form = r.ok
      ? { id: r.form.facts.id, version: r.form.facts.version, title: r.form.facts.title, indicators: r.form.template.indicators.length, relations: r.form.template.relations.length }
      : null;
    io.out(`${JSON.stringify({ file, usable: r.ok, form, problems })}\n`);
  } else {
    const lines: string[] = [];
    if (r.ok) {
      lines.push(fm.formCheckHeading(file, describeForm(r.form.facts, opts.lang)));
      lines.push(fm.formCheckCounts(r.form.template.indicators.length, r.form.template.sections.length, r.form.template.relations.length));
    }
    for (const p of problems) lines.push(`  ${p.message}`);
    if (unreadable) lines.splice(0, lines.length, problems.map((p) => p.message).join(" "));
    else lines.push(r.ok ? fm.formCheckOk(file, warnings) : fm.formCheckBad(file, errors, warnings));
    (unreadable ? io.err : io.out)(`${lines.join("\n")}\n`);
  }
  if (unreadable) return 2;
  return r.ok && !hasErrors(r.problems) ? 0 : 1;
}
