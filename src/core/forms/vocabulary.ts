/**
 * The words of a form workbook: sheet names, column headings and the values a cell may hold (kinds, levels,
 * periods, yes/no...). A form is written in Vietnamese whatever the interface language (like the appendix itself);
 * English words and the JSON codes are accepted too, so a file written by a tool reads the same.
 */
import type { Caveat, DuePeriod, IndicatorKind, RelationSeverity } from "../catalog/model";
import { cleanText, foldDiacritics } from "../text";
import type { FormLevel, FormStatus } from "./model";
import type { FormSheet } from "./problems";

/** A cell's text reduced for matching words: clean, no marks, lower case, inner punctuation spacing folded. */
export function wordKey(text: string): string {
  return foldDiacritics(cleanText(text))
    .replace(/[“”"'’]/g, "")
    .replace(/\s*([,/()%:;=])\s*/g, "$1")
    .replace(/[.:]+$/, "")
    .trim();
}

/** A written value and the words that read as it; `words[0]` is how the form writes it. */
interface Vocabulary<T extends string> {
  readonly entries: readonly { readonly value: T; readonly words: readonly string[] }[];
}

function vocabulary<T extends string>(entries: Record<T, readonly string[]>): Vocabulary<T> {
  return { entries: (Object.keys(entries) as T[]).map((value) => ({ value, words: entries[value] })) };
}

/** The value a cell's text names, or null. The value's own code always reads as itself. */
export function readWord<T extends string>(v: Vocabulary<T>, text: string): T | null {
  const key = wordKey(text);
  for (const e of v.entries) if (e.value === text.trim() || e.words.some((w) => wordKey(w) === key)) return e.value;
  return null;
}

/** How the form writes a value. */
export function writeWord<T extends string>(v: Vocabulary<T>, value: T): string {
  return v.entries.find((e) => e.value === value)?.words[0] ?? value;
}

export const SHEET_NAMES = vocabulary<FormSheet>({
  facts: ["Thông tin", "Facts", "Thong tin mau"],
  indicators: ["Chỉ tiêu", "Indicators", "Danh mục chỉ tiêu"],
  relations: ["Quan hệ", "Relations", "Quan hệ giữa các chỉ tiêu"],
});

export const KINDS = vocabulary<IndicatorKind>({
  count: ["số lượng", "count", "đếm", "số"],
  percent: ["tỷ lệ", "percent", "tỉ lệ", "%", "phần trăm", "tỷ lệ (%)"],
  flag: ["Có/Không", "flag", "có không", "yes/no"],
  choice: ["lựa chọn", "choice", "mã lựa chọn"],
  group: ["nhóm", "group", "tiêu đề nhóm"],
  text: ["chữ", "text", "ghi bằng chữ"],
});

/** The kind word that marks a section row in the indicators sheet. */
export const SECTION_WORDS = ["phần", "section", "mục lớn"];

export const LEVELS = vocabulary<FormLevel>({
  so_nganh: ["sở, ngành", "department", "sở ngành", "sở", "cấp sở"],
  ubnd_tinh: ["UBND tỉnh", "province", "ủy ban nhân dân tỉnh", "ubnd cấp tỉnh", "cấp tỉnh"],
  ubnd_huyen: ["UBND huyện", "district", "ủy ban nhân dân huyện", "ubnd cấp huyện", "cấp huyện"],
  ubnd_xa: ["UBND xã", "commune", "ủy ban nhân dân xã", "ubnd cấp xã", "cấp xã"],
});

export const STATUSES = vocabulary<FormStatus>({
  official: ["chính thức", "official"],
  draft: ["bản nháp", "draft", "nháp"],
  test: ["thử nghiệm (không phải mẫu chính thức)", "test", "thử nghiệm", "mẫu thử"],
});

export const PERIODS = vocabulary<DuePeriod>({
  quy1: ["Quý I", "quy1", "quý 1", "Q1"],
  quy2: ["Quý II", "quy2", "quý 2", "Q2"],
  "6thang": ["6 tháng", "6thang", "6 tháng đầu năm", "sáu tháng"],
  quy3: ["Quý III", "quy3", "quý 3", "Q3"],
  "9thang": ["9 tháng", "9thang", "9 tháng đầu năm", "chín tháng"],
  quy4: ["Quý IV", "quy4", "quý 4", "Q4"],
  nam: ["Năm", "nam", "cả năm", "hằng năm", "year", "annual"],
});

export const SEVERITIES = vocabulary<RelationSeverity>({
  error: ["lỗi", "error"],
  warning: ["cảnh báo", "warning"],
  info: ["lưu ý", "info", "thông tin"],
});

export const CAVEATS = vocabulary<Caveat>({
  carried_over: ["có thể gồm kỳ trước", "carried_over", "carried over", "phát sinh từ kỳ trước"],
  different_scope: ["khác thời điểm hoặc phạm vi", "different_scope", "different scope", "khác phạm vi"],
  overlap: ["có thể tính trùng hoặc gồm cấp huyện, cấp xã", "overlap", "tính trùng"],
});

export const YES = ["Có", "x", "1", "yes", "true", "đúng"];
export const NO = ["Không", "0", "no", "false", "sai"];

/** "Có"/"x"/"1" -> true, "Không"/"0"/"" -> false, anything else -> null. */
export function readYesNo(text: string): boolean | null {
  const key = wordKey(text);
  if (key === "") return false;
  if (YES.some((w) => wordKey(w) === key)) return true;
  if (NO.some((w) => wordKey(w) === key)) return false;
  return null;
}

/** How a list cell writes the empty string (a unit printed blank). */
export const BLANK_ITEM = "(trống)";
const BLANK_WORDS = ["(trống)", "(blank)", "(để trống)"];

/** A list cell: one item per line (or separated by "|"); "(trống)" is the empty string. */
export function readList(text: string): string[] {
  return text
    .split(/\r?\n|\|/)
    .map((s) => cleanText(s))
    .filter((s) => s !== "")
    .map((s) => (BLANK_WORDS.includes(s.toLowerCase()) ? "" : s));
}

/** The list as a cell writes it. */
export function writeList(items: readonly string[]): string {
  return items.map((s) => (s === "" ? BLANK_ITEM : s)).join("\n");
}
