/**
 * The form the surfaces check against, and keeping it in the workbook. Inside Excel the form travels with the
 * workbook in its settings, when it fits the settings' size limit; outside Excel it lasts for the session.
 */
import { builtinForms, compileFormJson, type Form, formDocument, type FormDocument, type Template } from "../core";
import type { WorkbookSettings } from "./settings";

/**
 * Most bytes the add-in lets its workbook settings take: Office documents a limit of 2 MB for an add-in's settings in
 * a document (not measured in a real Excel here). The built-in form takes under 100 KB (docs/FORMS.md; test/docs/documentedFigures.test.ts).
 */
export const SETTINGS_MAX_BYTES = 2 * 1024 * 1024;

/** UTF-8 bytes of the settings as they are stored (one JSON string). */
export function settingsBytes(settings: WorkbookSettings): number {
  return new TextEncoder().encode(JSON.stringify(settings)).length;
}

/** The settings with the form kept in them, or how far they would pass the limit. */
export function settingsWithForm(
  settings: WorkbookSettings,
  doc: FormDocument,
): { readonly fits: true; readonly settings: WorkbookSettings } | { readonly fits: false; readonly bytes: number; readonly limit: number } {
  const next = { ...settings, form: doc };
  const bytes = settingsBytes(next);
  return bytes <= SETTINGS_MAX_BYTES ? { fits: true, settings: next } : { fits: false, bytes, limit: SETTINGS_MAX_BYTES };
}

/** The form kept in a workbook's settings, compiled and checked like any form file; null when none or not usable. */
export function formOfSettings(settings: WorkbookSettings): Form | null {
  if (!settings.form) return null;
  const r = compileFormJson(JSON.stringify(settings.form));
  return r.ok ? r.form : null;
}

/** The templates a host checks against for a form in use (null: the built-in forms). */
export function templatesFor(form: Form | null): readonly Template[] {
  return form ? [form.template] : builtinForms.map((f) => f.template);
}

/** A form's document, to keep in the settings. */
export function documentOf(form: Form): FormDocument {
  return formDocument(form.facts, form.template, { reasons: form.reasons, drafts: form.drafts });
}
