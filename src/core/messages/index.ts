/** Findings as sentences: Vietnamese by default, English when chosen. Core findings carry codes; these are their texts. */
import type { Template } from "../catalog/model";
import type { Finding } from "../finding";
import { findingCodes, type FindingCode } from "../rules/codes";
import { en } from "./en";
import type { Lang } from "../lang";
import { messageContext, type Messages } from "./format";
import { vi } from "./vi";

export { formatNumber, shortLabel } from "./format";

const byLang: Readonly<Record<Lang, Messages>> = { vi, en };

function isKnown(code: string): code is FindingCode {
  return (findingCodes as readonly string[]).includes(code);
}

/** The finding as one sentence in `lang`, naming the indicator (short label and cell) and the values. NFC. */
export function formatFinding(f: Finding, lang: Lang, template: Template): string {
  const messages = byLang[lang];
  const m = messageContext(lang, template);
  const text = isKnown(f.code) ? messages.findings[f.code](f, m) : messages.unknown(f, m);
  return text.normalize("NFC");
}

/** A short label for the finding's fix ("Đổi thành số 2"); "" when it has none. */
export function fixLabel(f: Finding, lang: Lang, template: Template): string {
  return byLang[lang].fix(f, messageContext(lang, template)).normalize("NFC");
}
