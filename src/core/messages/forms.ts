/** Form problems and form descriptions as sentences (Vietnamese by default, English when chosen). */
import type { FormCurrencyWarning } from "../forms/currency";
import type { Undecided } from "../forms/draft";
import type { FormFacts } from "../forms/model";
import type { FormPlace, FormProblem, FormProblemCode, FormSheet } from "../forms/problems";
import { FACT_ROWS, FORM_SHEET_NAMES, INDICATOR_COLUMNS, RELATION_COLUMNS } from "../forms/sheets";
import { formsEn } from "./forms.en";
import { formsVi } from "./forms.vi";
import type { FormMessages } from "./formsTexts";
import type { Lang } from "../lang";

const byLang: Readonly<Record<Lang, FormMessages>> = { vi: formsVi, en: formsEn };

/** The column or fact heading a problem's field is written under, in the form's own words (Vietnamese). */
function columnOf(sheet: FormSheet, field: string | undefined): string | undefined {
  if (!field) return undefined;
  const list = sheet === "facts" ? FACT_ROWS : sheet === "indicators" ? INDICATOR_COLUMNS : RELATION_COLUMNS;
  return list.find((c) => c.field === field)?.vi;
}

/** Where a problem is, as the start of its sentence ("" for the file as a whole). */
export function formPlaceText(at: FormPlace, lang: Lang): string {
  const m = byLang[lang];
  if ("file" in at) return "";
  if ("path" in at) return m.path(at.path);
  return m.place(FORM_SHEET_NAMES[at.sheet], at.row, columnOf(at.sheet, at.field));
}

/** The problem as one sentence in `lang`, starting with its place. NFC. */
export function formatFormProblem(p: FormProblem, lang: Lang): string {
  const texts = byLang[lang].problems as Record<FormProblemCode, (p: FormProblem, place: string) => string>;
  return texts[p.code](p, formPlaceText(p.at, lang)).normalize("NFC");
}

/** The form's name, province, level and version in one phrase. */
export function describeForm(facts: FormFacts, lang: Lang): string {
  return byLang[lang].describe(facts).normalize("NFC");
}

/** The messages of a language (kind, level and status names for surfaces that list them). */
export function formMessages(lang: Lang): FormMessages {
  return byLang[lang];
}

/** What `form import` could not decide, as a sentence. NFC. */
export function formatUndecided(u: Undecided, lang: Lang): string {
  const texts = byLang[lang].undecided as Record<Undecided["code"], (u: Undecided) => string>;
  return texts[u.code](u).normalize("NFC");
}

/** Why the form may not fit the report, as a sentence. NFC. */
export function formatFormCurrency(w: FormCurrencyWarning, facts: FormFacts, lang: Lang): string {
  const texts = byLang[lang].currency as Record<FormCurrencyWarning["code"], (w: FormCurrencyWarning, f: FormFacts) => string>;
  return texts[w.code](w, facts).normalize("NFC");
}
