/**
 * Whether a form fits the report it checks: the report's period within the form's validity, the province and the
 * level the title names those of the form. A mismatch is a warning about the form, never about the figures.
 */
import type { FoundCheck } from "../checkWorkbook";
import { isoDay, periodDates, type Period } from "../period";
import { foldDiacritics } from "../text";
import type { FormFacts, FormLevel } from "./model";

/** What does not fit. Dates are ISO. */
export type FormCurrencyWarning =
  | { readonly code: "period_before_form"; readonly periodEnd: string; readonly validFrom: string }
  | { readonly code: "period_after_form"; readonly periodStart: string; readonly validTo: string }
  | { readonly code: "other_province"; readonly province: string }
  | { readonly code: "other_level"; readonly level: FormLevel };

/** The ISO dates a period covers (src/core/period.ts); null without a year. */
export function periodRange(p: Period): { start: string; end: string } | null {
  if (p.year === null) return null;
  const { from, to } = periodDates(p.kind, p.year);
  return { start: isoDay(from), end: isoDay(to) };
}

/**
 * "Sở Tư pháp tỉnh Sóc Trăng" -> "Sóc Trăng"; "UBND thành phố Cần Thơ" -> "Cần Thơ"; "Sở Nội vụ tỉnh Bạc Liêu, ngày
 * 10/12/2023" -> "Bạc Liêu"; null when none is named.
 */
export function provinceOf(unitName: string): string | null {
  const text = unitName.normalize("NFC").replace(/\s+/g, " ").trim();
  const lower = text.toLowerCase();
  const at = Math.max(lower.lastIndexOf("tỉnh "), lower.lastIndexOf("thành phố "));
  if (at < 0) return null;
  const name = text.slice(at + (lower.startsWith("tỉnh ", at) ? 5 : 10)).split(/[,;:()]/)[0].replace(/[.]+$/, "").trim();
  return name && name.split(" ").length <= 4 ? name : null;
}

/** The level a unit name says: "Sở …" a department, "UBND xã …" a commune… Null when it does not say. */
function levelOf(unit: string): FormLevel | null {
  const f = foldDiacritics(unit).trim();
  if (/^(so|ban|thanh tra|van phong|chi cuc)\b/.test(f)) return "so_nganh";
  if (/^(ubnd|uy ban nhan dan)\s+(xa|phuong|dac khu|thi tran)\b/.test(f)) return "ubnd_xa";
  if (/^(ubnd|uy ban nhan dan)\s+(huyen|quan|thi xa)\b/.test(f)) return "ubnd_huyen";
  if (/^(ubnd|uy ban nhan dan)\s+(tinh|thanh pho)\b/.test(f)) return "ubnd_tinh";
  return null;
}

/**
 * Warnings about using `facts`'s form for a report of `unitName` over `period` (each may be unknown). The title's
 * other `lines` name the province or level when the unit's name does not ("UBND TỈNH BẠC LIÊU" above "SỞ TƯ PHÁP").
 */
export function formCurrency(facts: FormFacts, unitName: string | null, period: Period | null, lines: readonly string[] = []): FormCurrencyWarning[] {
  const out: FormCurrencyWarning[] = [];
  const range = period ? periodRange(period) : null;
  if (range && facts.validFrom && range.end < facts.validFrom) out.push({ code: "period_before_form", periodEnd: range.end, validFrom: facts.validFrom });
  if (range && facts.validTo && range.start > facts.validTo) out.push({ code: "period_after_form", periodStart: range.start, validTo: facts.validTo });
  const texts = [...(unitName ? [unitName] : []), ...lines];
  const named = texts.map(provinceOf).find((p) => p !== null) ?? null;
  const province = foldDiacritics(facts.province).trim();
  // A form whose province is not written ("(chưa ghi)") has none to compare.
  if (named && /^[a-z ]+$/.test(province) && foldDiacritics(named) !== province) out.push({ code: "other_province", province: named });
  const level = texts.map(levelOf).find((l) => l !== null) ?? null;
  if (level && level !== facts.level) out.push({ code: "other_level", level });
  return out;
}

/** The currency warnings of a check: its title block and the period its rules went by (the user's, else the title's). */
export function checkCurrency(facts: FormFacts, check: Pick<FoundCheck, "title" | "reportPeriod">): FormCurrencyWarning[] {
  return formCurrency(facts, check.title.unitName, check.reportPeriod.period, check.title.lines);
}
