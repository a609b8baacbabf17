/** The `cchc` command as a function: arguments in, text out, exit status back. `main.ts` wires it to the process. */
import fs from "fs";
import path from "path";
import { fromA1, isReportPeriod, parsePeriodKey } from "../core";
import { parseArgs, type ArgsProblem } from "./args";
import { runCheck } from "./check";
import { runFill } from "./fill";
import { cliMessages, type CliMessages } from "./messages";
import { runForm } from "./formCommands";
import { formCliMessages } from "./formMessages";
import { chooseForms, FORMS_ENV, type FormChoice } from "./formOptions";
import { FileProblem } from "./workbookFiles";

/** Where the command writes. */
export interface CliOutput {
  readonly out: (text: string) => void;
  readonly err: (text: string) => void;
}

function problemText(p: ArgsProblem, m: CliMessages): string {
  switch (p.kind) {
    case "no_command":
      return m.noCommand;
    case "unknown_command":
      return m.unknownCommand(p.command);
    case "unknown_option":
      return m.unknownOption(p.option, p.command);
    case "missing_value":
      return m.missingValue(p.option);
    case "bad_lang":
      return m.badLang(p.value);
  }
}

/** The version in package.json, which `cchc --version` prints (the CLI runs from the checkout, never bundled). */
function packageVersion(): string {
  const pkg = JSON.parse(fs.readFileSync(path.join(__dirname, "..", "..", "package.json"), "utf8")) as { version: string };
  return pkg.version;
}

/** Runs `cchc` with `argv` (without node and the script); resolves to the exit status 0, 1 or 2. */
export async function run(
  argv: readonly string[],
  io: CliOutput,
  now: Date = new Date(),
  env: Readonly<Record<string, string | undefined>> = {},
): Promise<number> {
  const args = parseArgs(argv);
  const m = cliMessages(args.lang);
  const usage = (text: string) => {
    io.err(`${text}\n`);
    return 2;
  };
  if (args.problem) return usage(problemText(args.problem, m));
  if (args.version && !args.help) {
    io.out(`cchc ${packageVersion()}\n`);
    return 0;
  }
  if (args.help || !args.command) {
    const help = {
      template: m.helpTemplate,
      check: m.helpCheck,
      fill: m.helpFill,
      consolidate: m.consolidate.help,
      form: formCliMessages(args.lang).helpForm,
    };
    io.out(args.command ? help[args.command] : m.help);
    return 0;
  }
  const o = args.options;
  const value = (name: string) => (typeof o[name] === "string" ? (o[name] as string) : undefined);
  if (args.command === "form") return runForm(args.positional, { out: value("--out"), force: o["--force"] === true, json: o["--json"] === true, lang: args.lang }, m, io);
  // The forms to check against, read before any appendix: a form file that cannot be used stops the command.
  let forms: FormChoice;
  try {
    forms = await chooseForms({ form: value("--form"), forms: value("--forms") }, env, args.lang, m);
  } catch (e) {
    if (!(e instanceof FileProblem)) throw e;
    return usage(e.message);
  }
  for (const note of forms.notes) io.err(`${note}\n`);
  switch (args.command) {
    case "template": {
      if (args.positional.length !== 1) return usage(m.needOneOut);
      const yearText = value("--year");
      const year = yearText === undefined ? now.getFullYear() : Number(yearText);
      if (yearText !== undefined && !/^\d{4}$/.test(yearText)) return usage(m.badYear(yearText));
      const period = value("--period") ?? "nam";
      if (!isReportPeriod(period)) return usage(m.badPeriod(period));
      // template and consolidate make new workbooks with ExcelJS: loaded only for them, so check and fill never pay for it.
      // eslint-disable-next-line @typescript-eslint/no-require-imports -- a lazy require: tsx's CommonJS hook serves it, import() would not
      const { runTemplate } = require("./template") as typeof import("./template");
      return runTemplate(
        args.positional[0],
        { unit: value("--unit"), year, period, force: o["--force"] === true, template: forms.templates[0] },
        m,
        io.out,
        io.err,
      );
    }
    case "check": {
      if (args.positional.length === 0) return usage(m.needFiles);
      const column = columnOption(value("--column"));
      if (column === null) return usage(m.badColumn(value("--column")!));
      // A worker thread reads the same forms: it is told where they come from (the folder may come from CCHC_FORMS).
      const formSource = { form: value("--form"), forms: value("--forms"), env: { [FORMS_ENV]: env[FORMS_ENV] } };
      const threads = threadsOption(env[THREADS_ENV]);
      const periodText = value("--period");
      const period = periodText === undefined ? undefined : parsePeriodKey(periodText);
      if (period === null) return usage(m.consolidate.badPeriod(periodText!));
      return runCheck(args.positional, { json: o["--json"] === true, sheet: value("--sheet"), column, period, lang: args.lang, forms, formSource, threads }, m, io.out, io.err);
    }
    case "fill": {
      const output = value("--out");
      if (args.positional.length !== 1 || !output) return usage(m.needFillArgs);
      const column = columnOption(value("--column"));
      if (column === null) return usage(m.badColumn(value("--column")!));
      return runFill(args.positional[0], output, { force: o["--force"] === true, sheet: value("--sheet"), column, lang: args.lang, forms }, m, io.out, io.err);
    }
    case "consolidate": {
      const prefer = args.lists["--prefer"] ?? [];
      const includeHidden = args.lists["--include-hidden"] ?? [];
      const opts = { force: o["--force"] === true, json: o["--json"] === true, lang: args.lang, period: value("--period"), prefer, includeHidden, forms };
      // eslint-disable-next-line @typescript-eslint/no-require-imports -- ExcelJS is loaded only for the commands that make new workbooks
      const { runConsolidate } = require("./consolidate") as typeof import("./consolidate");
      return runConsolidate(args.positional, value("--out"), opts, m, io.out, io.err);
    }
  }
}

/** `--column E`: the 0-based sheet column; undefined when not given, null when not a column's letters. */
function columnOption(text: string | undefined): number | undefined | null {
  if (text === undefined) return undefined;
  const at = /^[A-Za-z]{1,3}$/.test(text.trim()) ? fromA1(`${text.trim().toUpperCase()}1`) : null;
  return at ? at.col : null;
}

/** The environment variable setting how many threads a `check` batch uses (1: the main thread alone). */
export const THREADS_ENV = "CCHC_THREADS";

/** CCHC_THREADS=N as a thread count; undefined (the default for this machine) when unset or not a positive number. */
function threadsOption(text: string | undefined): number | undefined {
  const n = Number(text);
  return text && Number.isInteger(n) && n >= 1 ? n : undefined;
}
