/**
 * Which forms a command checks against: the one named by `--form PATH`, the forms of a folder (`--forms DIR` or the
 * CCHC_FORMS environment variable) beside the built-in form, or the built-in form alone. A form file that cannot be
 * used is one sentence: with `--form` the command stops; in a folder the file is skipped and said so.
 */
import * as fs from "fs";
import * as path from "path";
import { builtinForms, type Form, formatFormProblem, formKey, type FormProblem, type Lang, type Template } from "../core";
import { formCliMessages } from "./formMessages";
import type { CliMessages } from "./messages";
import { FileProblem, readBytes } from "./workbookFiles";

/** The form reader, loaded only when a form file is given: it brings ExcelJS, which no other command of this file needs. */
function formReader(): typeof import("../xlsx").readFormBytes {
  // eslint-disable-next-line @typescript-eslint/no-require-imports -- a lazy require: tsx's CommonJS hook serves it, import() would not
  return (require("../xlsx") as typeof import("../xlsx")).readFormBytes;
}

/** The environment variable naming a folder of forms. */
export const FORMS_ENV = "CCHC_FORMS";

/** The forms a command chooses among, and where each came from. */
export interface FormChoice {
  readonly forms: readonly Form[];
  readonly templates: readonly Template[];
  /** The form a located template belongs to. */
  formOf(template: Template): Form;
  /** The file a form was read from; null for a built-in form. */
  fileOf(form: Form): string | null;
  /** Sentences about form files that were skipped (to print on stderr). */
  readonly notes: readonly string[];
}

function choice(entries: readonly { form: Form; file: string | null }[], notes: string[]): FormChoice {
  const byTemplate = new Map(entries.map((e) => [e.form.template, e]));
  return {
    forms: entries.map((e) => e.form),
    templates: entries.map((e) => e.form.template),
    formOf: (t) => byTemplate.get(t)?.form ?? { facts: builtinForms[0].facts, template: t, reasons: {}, drafts: [] },
    fileOf: (f) => entries.find((e) => e.form === f)?.file ?? null,
    notes,
  };
}

/** The first error of a form's problems as a sentence, and how many more there are. */
function firstError(problems: readonly FormProblem[], lang: Lang): { first: string; more: number } {
  const errors = problems.filter((p) => p.severity === "error");
  return { first: errors.length ? formatFormProblem(errors[0], lang) : "", more: Math.max(0, errors.length - 1) };
}

/** Reads one form file; a `FileProblem` with one sentence when it cannot be used. */
export async function readFormFile(file: string, lang: Lang, m: CliMessages): Promise<Form> {
  const bytes = readBytes(file, m);
  const r = await formReader()(bytes, file);
  if (r.ok) return r.form;
  const { first, more } = firstError(r.problems, lang);
  throw new FileProblem(formCliMessages(lang).formUnusable(file, first, more));
}

/** The forms for `--form`/`--forms` (or CCHC_FORMS); the built-in forms when none is given. */
export async function chooseForms(
  opts: { readonly form?: string; readonly forms?: string },
  env: Readonly<Record<string, string | undefined>>,
  lang: Lang,
  m: CliMessages,
): Promise<FormChoice> {
  const fm = formCliMessages(lang);
  if (opts.form !== undefined) return choice([{ form: await readFormFile(opts.form, lang, m), file: opts.form }], []);
  const dir = opts.forms ?? (env[FORMS_ENV] || undefined);
  const builtin = builtinForms.map((form) => ({ form, file: null as string | null }));
  if (dir === undefined) return choice(builtin, []);
  let names: string[];
  try {
    if (!fs.statSync(dir).isDirectory()) throw new Error("not a folder");
    names = fs.readdirSync(dir).filter((n) => /\.(xlsx|json)$/i.test(n) && !n.startsWith("~$")).sort();
  } catch {
    throw new FileProblem(fm.formsDirMissing(dir));
  }
  const notes: string[] = [];
  const found: { form: Form; file: string | null }[] = [];
  for (const name of names) {
    const file = path.join(dir, name);
    try {
      const form = await readFormFile(file, lang, m);
      // Two versions of one form are two candidates (each report matches its own); the same version twice is one.
      const same = found.find((f) => formKey(f.form.template) === formKey(form.template));
      if (same) notes.push(fm.formDuplicate(file, form.facts.id, form.facts.version, same.file ?? ""));
      else found.push({ form, file });
    } catch (e) {
      if (!(e instanceof FileProblem)) throw e;
      notes.push(e.message);
    }
  }
  if (found.length === 0) notes.push(fm.formsDirEmpty(dir));
  // A file of a built-in form (same id and version) replaces it; the other built-in forms, and a built-in form of
  // which the folder holds another version, stay candidates.
  const rest = builtin.filter((b) => !found.some((f) => formKey(f.form.template) === formKey(b.form.template)));
  return choice([...found, ...rest], notes);
}
