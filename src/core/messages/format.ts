/** What every message file needs: numbers in the language's format, short indicator names, the finding's details. */
import type { Indicator, Template } from "../catalog/model";
import type { Finding, FindingValue } from "../finding";
import type { Lang } from "../lang";
import type { FindingCode } from "../rules/codes";
import { cleanText } from "../text";

/**
 * A number as the language writes it: "3.036" and "87,23" in Vietnamese, "3,036" and "87.23" in English.
 * At most 4 decimals (a rate's inputs are counts, its value has 2), trailing zeros dropped.
 */
export function formatNumber(n: number, lang: Lang): string {
  const [thousands, decimal] = lang === "vi" ? [".", ","] : [",", "."];
  const fixed = Math.abs(n).toFixed(4).replace(/\.?0+$/, "");
  const [int, frac] = fixed.split(".");
  const grouped = int.length > 3 ? int.replace(/\B(?=(\d{3})+(?!\d))/g, thousands) : int;
  const sign = n < 0 && fixed !== "0" ? "-" : "";
  return `${sign}${grouped}${frac ? decimal + frac : ""}`;
}

const MAX_LABEL = 70;

/**
 * An indicator's label short enough for a sentence: leading "- " and trailing ":" dropped, parenthesised asides
 * dropped ("Tỷ lệ hoàn thành Kế hoạch CCHC năm (Lũy kế đến thời điểm báo cáo)" -> "Tỷ lệ hoàn thành Kế hoạch CCHC
 * năm"), then cut at a word with "…".
 */
export function shortLabel(label: string): string {
  const full = cleanText(label).replace(/^[-–+•]\s*/, "").replace(/\s*:$/, "");
  // Asides in parentheses qualify the label ("(nếu có)", "(Lũy kế đến thời điểm báo cáo)"); the cell follows in
  // parentheses, so they go.
  const s = cleanText(full.replace(/\s*\([^()]*\)/g, "")).replace(/\s*[:,;.]$/, "") || full;
  return clip(s, MAX_LABEL);
}

/** Text cut at a word to at most `max` characters, with "…" when cut. */
export function clip(text: string, max: number): string {
  if (text.length <= max) return text;
  const cut = text.slice(0, max - 1);
  const space = cut.lastIndexOf(" ");
  return `${(space > max / 2 ? cut.slice(0, space) : cut).replace(/[\s,;:]+$/, "")}…`;
}

/** Helpers a message function receives, bound to a language and a template. */
export interface MessageContext {
  readonly lang: Lang;
  /** The indicator, when the template has it. */
  indicator(id: string): Indicator | undefined;
  /** "Số nhiệm vụ đề ra trong kế hoạch (D11)": short label and cell; the id alone when the template lacks it. */
  name(id: string, cell?: string | null): string;
  /** A finding value as typed: numbers in the language's format, text in quotes, blank as the word for blank. */
  value(v: FindingValue | undefined): string;
  /** A number in the language's format (or the value as `value` shows it when it is not a number). */
  num(v: FindingValue | undefined): string;
  /** "0 (Không) hoặc 1 (Có)": an indicator's codes with their official words. */
  codes(id: string): string;
  /** "1 (Có)": one code with its word. */
  code(id: string, value: FindingValue | undefined): string;
  /** A detail value as a string list (empty when absent). */
  list(f: Finding, key: string): readonly string[];
  /** A detail value as a single value (null when absent or a list). */
  one(f: Finding, key: string): FindingValue;
}

/** Builds the helpers for one language and template. */
export function messageContext(lang: Lang, template: Template): MessageContext {
  const byId = new Map(template.indicators.map((i) => [i.id, i]));
  const blank = lang === "vi" ? "(trống)" : "(blank)";
  const value = (v: FindingValue | undefined): string =>
    v === null || v === undefined || v === "" ? blank : typeof v === "number" ? formatNumber(v, lang) : `“${v}”`;
  const num = (v: FindingValue | undefined): string => {
    if (typeof v === "string" && v !== "" && Number.isFinite(Number(v))) return formatNumber(Number(v), lang);
    return value(v);
  };
  const code = (id: string, v: FindingValue | undefined): string => {
    const k = byId.get(id)?.codes?.find((c) => `${c.value}` === `${v}`);
    return k ? `${num(v)} (${k.label})` : num(v);
  };
  return {
    lang,
    indicator: (id) => byId.get(id),
    name: (id, cell) => {
      const label = byId.get(id)?.label;
      const text = label ? shortLabel(label) : id;
      return cell ? `${text} (${cell})` : text;
    },
    value,
    num,
    codes: (id) => {
      const all = (byId.get(id)?.codes ?? []).map((c) => `${c.value} (${c.label})`);
      const or = lang === "vi" ? " hoặc " : " or ";
      return all.length < 2 ? all.join("") : `${all.slice(0, -1).join(", ")}${or}${all[all.length - 1]}`;
    },
    code,
    list: (f, key) => {
      const v = f.detail?.[key];
      return Array.isArray(v) ? (v as readonly string[]) : [];
    },
    one: (f, key) => {
      const v = f.detail?.[key];
      return v === undefined || Array.isArray(v) ? null : (v as FindingValue);
    },
  };
}

/** One language's messages: a function of the finding for every code, and the fix's short label. */
export interface Messages {
  readonly findings: { readonly [K in FindingCode]: (f: Finding, m: MessageContext) => string };
  /** A short button label for the finding's fix ("Đổi thành số 2"). */
  readonly fix: (f: Finding, m: MessageContext) => string;
  /** Said for a code this version does not know (a finding from a newer engine). */
  readonly unknown: (f: Finding, m: MessageContext) => string;
}

/** "A (D12) = 41, B (D13) = 5": indicators with their cells and values, from parallel detail lists. */
export function namedValues(f: Finding, m: MessageContext, ids: string, cells: string, values: string, onlyFilled = false): string[] {
  const idList = m.list(f, ids);
  const cellList = m.list(f, cells);
  const valueList = m.list(f, values);
  return idList
    .map((id, i) => ({ id, cell: cellList[i] ?? "", v: valueList[i] ?? "" }))
    .filter((x) => !onlyFilled || x.v !== "")
    .map((x) => `${m.name(x.id, x.cell || null)} = ${m.num(x.v)}`);
}
