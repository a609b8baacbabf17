/** Findings as sentences: Vietnamese by default, English when chosen. Core findings carry codes; these are their texts. */
import type { Template } from "../catalog/model";
import type { Finding } from "../finding";
import { en } from "./en";
import type { Lang } from "../lang";
import { messageContext, sentence, type Messages } from "./format";
import { vi } from "./vi";

export { formatNumber, formulaText, shortLabel } from "./format";

const byLang: Readonly<Record<Lang, Messages>> = { vi, en };

/** The finding as one sentence in `lang`, naming the indicator (short label and cell) and the values. NFC. */
export function formatFinding(f: Finding, lang: Lang, template: Template): string {
  const m = messageContext(lang, template);
  const text = sentence(byLang[lang].findings, f, m);
  // A relation the period made less severe says why, in the finding's own sentence.
  return (f.relaxed ? `${text} ${byLang[lang].relaxed(f.relaxed, m)}` : text).normalize("NFC");
}

/** A short label for the finding's fix ("Đổi thành số 2"); "" when it has none. */
export function fixLabel(f: Finding, lang: Lang, template: Template): string {
  return byLang[lang].fix(f, messageContext(lang, template)).normalize("NFC");
}

export { expectationText, readinessLeft, readinessText, type ExpectationText } from "./verdicts";
