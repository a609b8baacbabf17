/** Command-line arguments: a small parser with per-command options, reporting misuse as data. */
import { isLang, type Lang } from "../core";

/** The commands of `cchc`. */
export type Command = "template" | "check" | "fill" | "consolidate" | "form";

/** Options each command accepts; `true` = takes a value. */
const OPTIONS: Readonly<Record<Command, Readonly<Record<string, boolean>>>> = {
  template: { "--unit": true, "--year": true, "--period": true, "--force": false, "--form": true },
  check: { "--sheet": true, "--column": true, "--period": true, "--json": false, "--form": true, "--forms": true },
  fill: { "--out": true, "--sheet": true, "--column": true, "--force": false, "--form": true, "--forms": true },
  consolidate: { "--out": true, "--force": false, "--json": false, "--period": true, "--prefer": true, "--include-hidden": true, "--form": true, "--forms": true },
  form: { "--out": true, "--force": false, "--json": false },
};
const COMMON: Readonly<Record<string, boolean>> = { "--lang": true, "--help": false, "--version": false };
const SHORT: Readonly<Record<string, string>> = { "-h": "--help", "-o": "--out" };
/** Options that may be given more than once; every value is kept, in order, in `ParsedArgs.lists`. */
const REPEATABLE: ReadonlySet<string> = new Set(["--prefer", "--include-hidden"]);

/** What went wrong with the arguments; `cli/main.ts` turns it into a sentence. */
export type ArgsProblem =
  | { readonly kind: "no_command" }
  | { readonly kind: "unknown_command"; readonly command: string }
  /** `command` is null for an option given before any command. */
  | { readonly kind: "unknown_option"; readonly option: string; readonly command: Command | null }
  | { readonly kind: "missing_value"; readonly option: string }
  | { readonly kind: "bad_lang"; readonly value: string };

/** Parsed arguments: the command (null for bare `cchc --help`), positional files, and options by long name. */
export interface ParsedArgs {
  readonly command: Command | null;
  readonly lang: Lang;
  readonly help: boolean;
  /** `cchc --version`: print the version and stop. */
  readonly version: boolean;
  readonly positional: readonly string[];
  readonly options: Readonly<Record<string, string | true>>;
  /** Every value of a repeatable option (`--prefer a.xlsx --prefer b.xlsx`), by long name. */
  readonly lists: Readonly<Record<string, readonly string[]>>;
  readonly problem: ArgsProblem | null;
}

function isCommand(s: string): s is Command {
  return s === "template" || s === "check" || s === "fill" || s === "consolidate" || s === "form";
}

/** The language asked for anywhere on the line, so even a misuse message comes out in it. */
function langOf(argv: readonly string[]): { lang: Lang; bad: string | null } {
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    const v = a === "--lang" ? argv[i + 1] : a.startsWith("--lang=") ? a.slice(7) : undefined;
    if (v === undefined) continue;
    return isLang(v) ? { lang: v, bad: null } : { lang: "vi", bad: v };
  }
  return { lang: "vi", bad: null };
}

/** Parses `argv` (without node and the script). Never throws. */
export function parseArgs(argv: readonly string[]): ParsedArgs {
  const { lang, bad } = langOf(argv);
  const positional: string[] = [];
  const options: Record<string, string | true> = {};
  const lists: Record<string, string[]> = {};
  let command: Command | null = null;
  let problem: ArgsProblem | null = bad !== null ? { kind: "bad_lang", value: bad } : null;
  let onlyFiles = false;
  const fail = (p: ArgsProblem) => {
    problem ??= p;
  };

  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    if (!onlyFiles && arg === "--") {
      onlyFiles = true;
      continue;
    }
    if (!onlyFiles && arg.startsWith("-") && arg !== "-") {
      const eq = arg.indexOf("=");
      const raw = eq > 0 && arg.startsWith("--") ? arg.slice(0, eq) : arg;
      const name = SHORT[raw] ?? raw;
      const known = { ...COMMON, ...(command ? OPTIONS[command] : {}) };
      if (!(name in known)) {
        // Before the command, only common options make sense.
        fail({ kind: "unknown_option", option: raw, command });
        continue;
      }
      if (known[name]) {
        const value = eq > 0 && arg.startsWith("--") ? arg.slice(eq + 1) : argv[++i];
        if (value === undefined || (eq < 0 && value.startsWith("--"))) {
          fail({ kind: "missing_value", option: raw });
          continue;
        }
        options[name] = value;
        if (REPEATABLE.has(name)) (lists[name] ??= []).push(value);
      } else {
        options[name] = true;
      }
      continue;
    }
    if (command === null && !onlyFiles) {
      if (isCommand(arg)) command = arg;
      else if (arg === "help") options["--help"] = true;
      else fail({ kind: "unknown_command", command: arg });
      continue;
    }
    positional.push(arg);
  }
  const help = options["--help"] === true;
  const version = options["--version"] === true;
  if (!command && !help && !version) fail({ kind: "no_command" });
  return { command, lang, help, version, positional, options, lists, problem };
}
