/** What every message file needs: numbers in the language's format, short indicator names, the finding's details. */
import type { Indicator, Template } from "../catalog/model";
import type { CellRef, Finding, FindingCode, FindingOf, FindingValue, IndicatorValue, PeriodRelaxation } from "../finding";
import type { Lang } from "../lang";
import { cellA1, columnLetters } from "../address";
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

/**
 * A formula as Excel shows it in the language: the workbook keeps en-US formulas ("=ROUND(D14/D13*100,2)"); a
 * Vietnamese Excel, whose list separator is ";" and decimal sign ",", shows "=ROUND(D14/D13*100;2)". Text in double
 * quotes and sheet names in single quotes are left as they are.
 */
export function formulaText(formula: string, lang: Lang): string {
  if (lang !== "vi") return formula;
  let out = "";
  let quote: string | null = null;
  for (let i = 0; i < formula.length; i++) {
    const c = formula[i];
    if (quote) {
      if (c === quote) quote = null;
      out += c;
    } else if (c === '"' || c === "'") {
      quote = c;
      out += c;
    } else if (c === ",") out += ";";
    else if (c === "." && /\d/.test(formula[i - 1] ?? "") && /\d/.test(formula[i + 1] ?? "")) out += ",";
    else out += c;
  }
  return out;
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
  /** A cell as people read it: "D11" ("'Phụ lục (2)'!D11" on another sheet than the appendix's). */
  cell(ref: CellRef): string;
  /** A column as people read it: "D". */
  column(col: number): string;
  /** "Số nhiệm vụ đề ra trong kế hoạch (D11)": short label and cell; the id alone when the template lacks it. */
  name(id: string, cell?: CellRef | null): string;
  /** A finding value as typed: numbers in the language's format, text in quotes, blank as the word for blank. */
  value(v: FindingValue | undefined): string;
  /** A number in the language's format (or the value as `value` shows it when it is not a number). */
  num(v: FindingValue | undefined): string;
  /** "0 (Không) hoặc 1 (Có)": an indicator's codes with their official words. */
  codes(id: string): string;
  /** "1 (Có)": one code with its word. */
  code(id: string, value: FindingValue | undefined): string;
  /** A formula as Excel shows it in the language (formulaText). */
  formula(text: string): string;
}

/** The helpers already built, per template and language: a batch formats tens of thousands of findings. */
const contexts = new WeakMap<Template, Partial<Record<Lang, MessageContext>>>();

/** The helpers for one language and template (built once for each pair; they hold no state). */
export function messageContext(lang: Lang, template: Template): MessageContext {
  let byLang = contexts.get(template);
  if (!byLang) contexts.set(template, (byLang = {}));
  return (byLang[lang] ??= buildContext(lang, template));
}

function buildContext(lang: Lang, template: Template): MessageContext {
  const byId = new Map(template.indicators.map((i) => [i.id, i]));
  const cellText = (ref: CellRef): string => cellA1(ref);
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
    cell: cellText,
    column: columnLetters,
    name: (id, cell) => {
      const label = byId.get(id)?.label;
      const text = label ? shortLabel(label) : id;
      return cell ? `${text} (${cellText(cell)})` : text;
    },
    value,
    num,
    codes: (id) => {
      const all = (byId.get(id)?.codes ?? []).map((c) => `${c.value} (${c.label})`);
      const or = lang === "vi" ? " hoặc " : " or ";
      return all.length < 2 ? all.join("") : `${all.slice(0, -1).join(", ")}${or}${all[all.length - 1]}`;
    },
    code,
    formula: (text) => formulaText(text, lang),
  };
}

/**
 * A sentence for every code, each a function of the finding of that code: the compiler proves every code has one,
 * and each function reads its code's detail with its type.
 */
export type FindingMessages = { readonly [C in FindingCode]: (f: FindingOf<C>, m: MessageContext) => string };

/** One language's messages: a sentence for every code, and the fix's short label. */
export interface Messages {
  readonly findings: FindingMessages;
  /** The sentence saying why the report's period made a relation's finding less severe (`Finding.relaxed`). */
  readonly relaxed: (r: PeriodRelaxation, m: MessageContext) => string;
  /** A short button label for the finding's fix ("Đổi thành số 2"). */
  readonly fix: (f: Finding, m: MessageContext) => string;
}

/** "A (D12) = 41, B (D13) = 5": indicators with their cells and values; only the filled ones when `onlyFilled`. */
export function namedValues(values: readonly IndicatorValue[], m: MessageContext, onlyFilled = false): string[] {
  return values.filter((x) => !onlyFilled || x.value !== null).map((x) => `${m.name(x.indicator, x.cell)} = ${m.num(x.value)}`);
}

/** The sentence for one finding from a language's table: the one place a finding's code picks its function. */
export function sentence(table: FindingMessages, f: Finding, m: MessageContext): string {
  // TypeScript cannot relate `table[f.code]` to `f` through a union; the table's type already ties them together.
  const say = table[f.code] as (f: Finding, m: MessageContext) => string;
  return say(f, m);
}
