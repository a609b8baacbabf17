/**
 * The cell reader: a raw cell (value, formula, number format, displayed text) to a typed `Reading`.
 * Pure and total: whatever the host hands over, it returns a reading and never throws.
 * What each input reads as is listed in docs/READING.md; the choices a rule must know are here too.
 */
import type { CellValue, RawCell } from "./grid";
import { sectionFor } from "./numberFormat";
import type { Reading } from "./reading";
import { cleanText } from "./text";

/** Excel's error values (and the newer ones of Excel 365), upper case. */
export const EXCEL_ERRORS: readonly string[] = [
  "#NULL!", "#DIV/0!", "#VALUE!", "#REF!", "#NAME?", "#NUM!", "#N/A", "#GETTING_DATA",
  "#SPILL!", "#CALC!", "#FIELD!", "#UNKNOWN!", "#BLOCKED!", "#CONNECT!", "#BUSY!", "#EXTERNAL!", "#PYTHON!",
];
const ERROR_SET = new Set(EXCEL_ERRORS);

/**
 * Texts that say "nothing here", compared after `cleanText` and lower-casing.
 * "không" and "có" alone are NOT here: they are the codes of a 0/1 flag ("Không = 0 Có = 1"), so they
 * read as kind "text" and the rules, which know the row's kind, decide (a code in a flag row, "none" or an
 * error elsewhere). "không có" is never a flag code in the template, so it safely means "none".
 */
const NONE_WORDS = new Set([
  "-", "--", "---", "—", "–", "−", "x", "không có", "ko có", "k có", "n/a", "na", "/",
]);

/** A text longer than this is never a number; keeps the parser's work bounded on huge strings. */
const MAX_NUMBER_TEXT = 40;

/** Reads one cell. Never throws. */
export function readCell(raw: RawCell): Reading {
  const fromFormula = typeof raw.formula === "string" && raw.formula.trimStart().startsWith("=");
  const value: CellValue | undefined = raw.value;
  // A formula with no saved result: nothing is known of its value (an empty-text result arrives as "").
  if ((value === null || value === undefined) && fromFormula) return { kind: "uncomputed", formula: raw.formula!.trim() };
  if (value === null || value === undefined) return { kind: "blank" };
  if (typeof value === "number") return readNumber(value, raw.numberFormat, fromFormula);
  // A boolean is read as such; the rules decide what it stands for (a yes/no row's 1/0, nothing in a count).
  if (typeof value === "boolean") return { kind: "boolean", value, fromFormula };
  if (typeof value !== "string") return { kind: "text", text: safeString(value) };
  return readText(value, fromFormula);
}

function safeString(value: unknown): string {
  try {
    return cleanText(String(value));
  } catch {
    // An exotic object from a faulty adapter: its text is unknowable, and the reader must stay total.
    return "";
  }
}

function readNumber(value: number, numberFormat: string | undefined, fromFormula: boolean): Reading {
  if (!Number.isFinite(value)) return { kind: "error", code: "#NUM!", fromFormula };
  const section = sectionFor(numberFormat, value);
  // "12/12" typed where a number belongs: Excel stored a date serial (45638) and shows a day.
  if (section.kind === "date") return { kind: "date", serial: value, text: dateText(value, numberFormat ?? ""), fromFormula };
  const percent = section.percent;
  let shown = value === 0 ? 0 : value; // -0 reads as 0
  if (percent) {
    // 0.8723 * 100 is 87.22999999999999 in binary; 15 significant digits give back what Excel shows.
    shown = Number((value * 100).toPrecision(15));
    if (!Number.isFinite(shown)) return { kind: "error", code: "#NUM!", fromFormula };
    if (shown === 0) shown = 0;
  }
  return {
    kind: "number",
    value: shown,
    stored: "number",
    fromFormula,
    percent,
    decimals: section.decimals,
  };
}

/**
 * The day (or time) a date serial shows, as the clerk would have typed it: "12/12", "1/2" (day/month, the Vietnamese
 * order), with "/2024" when the format shows the year, "1:30" for a time of day alone. Serials count days from
 * 30/12/1899 (what office-js and both .xlsx readers hand over).
 */
export function dateText(serial: number, numberFormat: string): string {
  const days = Math.floor(serial);
  const minutes = Math.round((serial - days) * 24 * 60);
  const time = `${Math.floor(minutes / 60) % 24}:${String(minutes % 60).padStart(2, "0")}`;
  const d = new Date(Date.UTC(1899, 11, 30) + days * 86400000);
  if (days === 0 || Number.isNaN(d.getTime())) return time;
  const shown = numberFormat.replace(/"[^"]*"|\\.|\[[^\]]*\]/g, "");
  const year = /y/i.test(shown) ? `/${d.getUTCFullYear()}` : "";
  return `${d.getUTCDate()}/${d.getUTCMonth() + 1}${year}`;
}

function readText(value: string, fromFormula: boolean): Reading {
  const text = cleanText(value);
  if (text === "") return { kind: "blank" };
  const upper = text.toUpperCase();
  if (upper.startsWith("#") && ERROR_SET.has(upper)) return { kind: "error", code: upper, fromFormula };
  if (NONE_WORDS.has(text.toLowerCase())) return { kind: "none", text };
  const parsed = text.length <= MAX_NUMBER_TEXT ? parseNumberText(text) : null;
  if (parsed === null) return numberWithWords(text, fromFormula) ?? { kind: "text", text };
  if (parsed.kind === "ambiguous") return { kind: "ambiguous", text, candidates: parsed.candidates };
  return {
    kind: "number",
    value: parsed.value,
    stored: "text",
    fromFormula,
    percent: parsed.percent,
    decimals: parsed.decimals,
    text,
  };
}

/** A number and one or two words after it ("29 phiếu", "12 văn bản", "47 người"): nothing else, no digit after. */
const NUMBER_WITH_WORDS = /^([0-9][0-9., ]*?)\s+(\p{L}+(?: \p{L}+)?)$/u;

/**
 * A count typed with its unit after it ("29 phiếu", "12 văn bản"): the number, stored as text, with the `words` the
 * clerk added; null for anything else (a number that is not one alone, "1,234 người" ambiguous, more than two words).
 */
function numberWithWords(text: string, fromFormula: boolean): Reading | null {
  const m = text.length <= MAX_NUMBER_TEXT ? NUMBER_WITH_WORDS.exec(text) : null;
  const parsed = m ? parseNumberText(m[1].trim()) : null;
  if (!m || parsed?.kind !== "number" || parsed.percent) return null;
  return { kind: "number", value: parsed.value, stored: "text", fromFormula, percent: false, decimals: parsed.decimals, text, words: m[2] };
}

type ParsedText =
  | { kind: "number"; value: number; percent: boolean; decimals: number }
  | { kind: "ambiguous"; candidates: number[] };

const NUMBER_TEXT = /^([+\-\u2212]?)\s?([0-9][0-9., ]*[0-9]|[0-9]|[.,][0-9]+)\s?(%?)$/;

/**
 * Parses a number typed as text. Vietnamese writes "1.234,5"; Excel's English default writes "1,234.5".
 * - digits only ("02", "41"): an integer;
 * - both separators: the last one is the decimal mark, the other must group by threes;
 * - one separator repeated ("12.345.678", "1,234,567"): thousands (a decimal mark appears once);
 * - one "." before exactly three digits after 1-3 digits not starting with 0 ("3.036"): thousands, the
 *   Vietnamese convention the report uses (its "3.036" outgoing documents are 3036);
 * - one "," in that same position ("1,234"): ambiguous, 1.234 in Vietnamese and 1234 in English;
 * - any other single "." or ",": the decimal mark ("87,23", "1.5", "0,500");
 * - spaces may group thousands ("1 234 567"); a trailing "%" marks a percentage.
 * Anything else is not a number (null).
 */
function parseNumberText(text: string): ParsedText | null {
  const m = NUMBER_TEXT.exec(text);
  if (!m) return null;
  const sign = m[1] === "" || m[1] === "+" ? 1 : -1;
  const percent = m[3] === "%";
  let body = m[2];
  if (body.includes(" ")) {
    if (!/^[0-9]{1,3}( [0-9]{3})+([.,][0-9]+)?$/.test(body)) return null;
    body = body.replace(/ /g, "");
  }
  const dots = count(body, ".");
  const commas = count(body, ",");
  const make = (intPart: string, frac: string): ParsedText | null => {
    const v = Number(`${intPart === "" ? "0" : intPart}.${frac === "" ? "0" : frac}`);
    if (!Number.isFinite(v)) return null;
    const value = v === 0 ? 0 : sign * v;
    return { kind: "number", value, percent, decimals: frac.length };
  };
  if (dots === 0 && commas === 0) return make(body, "");
  if (dots > 0 && commas > 0) {
    const lastDot = body.lastIndexOf(".");
    const lastComma = body.lastIndexOf(",");
    const decimalMark = lastDot > lastComma ? "." : ",";
    const groupMark = decimalMark === "." ? "," : ".";
    if (count(body, decimalMark) !== 1) return null;
    const [intPart, frac] = body.split(decimalMark);
    if (!isGrouped(intPart, groupMark)) return null;
    return make(intPart.split(groupMark).join(""), frac);
  }
  const mark = dots > 0 ? "." : ",";
  const parts = body.split(mark);
  if (parts.length > 2) return isGrouped(body, mark) ? make(parts.join(""), "") : null;
  const [intPart, frac] = parts;
  if (frac === "") return null;
  const looksGrouped = frac.length === 3 && /^[1-9][0-9]{0,2}$/.test(intPart);
  if (looksGrouped && mark === ".") return make(intPart + frac, "");
  if (looksGrouped && mark === ",") {
    const asDecimal = make(intPart, frac);
    const asThousands = make(intPart + frac, "");
    if (asDecimal?.kind !== "number" || asThousands?.kind !== "number") return null;
    return { kind: "ambiguous", candidates: [asDecimal.value, asThousands.value] };
  }
  return make(intPart, frac);
}

function count(text: string, ch: string): number {
  let n = 0;
  for (const c of text) if (c === ch) n++;
  return n;
}

/** "12.345.678" grouped by `mark`: a head of 1-3 digits (not a lone leading 0), then groups of exactly 3. */
function isGrouped(text: string, mark: string): boolean {
  const groups = text.split(mark);
  if (groups.length === 1) return /^[0-9]+$/.test(groups[0]);
  if (!/^[1-9][0-9]{0,2}$/.test(groups[0])) return false;
  return groups.slice(1).every((g) => /^[0-9]{3}$/.test(g));
}
