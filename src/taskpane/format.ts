/** Values as the pane shows them, in the user's language. */
import { type FindingValue, formatNumber, type Lang, showsPercent } from "../core";
import type { Messages } from "./messages";

/** A finding value: numbers with the language's separators, text as typed, blank as a word. */
export function formatValue(v: FindingValue | undefined, lang: Lang, t: Messages): string {
  if (v === null || v === undefined || v === "") return t.blank;
  return typeof v === "number" ? formatNumber(v, lang) : v;
}

/**
 * A value written into a cell, as the cell will show it: the indicator's value, with a percent sign where the written
 * format shows the cell's value (a fraction) as a percentage.
 */
export function formatCellValue(
  write: { readonly value: number | string; readonly cellValue: number | string; readonly numberFormat?: string },
  lang: Lang,
): string {
  if (typeof write.value !== "number") return write.value;
  const percent = typeof write.cellValue === "number" && write.numberFormat !== undefined && showsPercent(write.numberFormat, write.cellValue);
  return percent ? `${formatNumber(write.value, lang)}%` : formatNumber(write.value, lang);
}

/**
 * A number cell's text in the preview, in the language's separators: "87.23" -> "87,23", "3,036.5" -> "3.036,5" in
 * Vietnamese (the format's decimals kept). Text cells are shown exactly as typed.
 */
export function previewNumberText(text: string, numeric: boolean, lang: Lang): string {
  if (!numeric || lang !== "vi" || !/^[-+]?[\d,]*\.?\d+\s*%?$/.test(text.trim())) return text;
  return text.replace(/[.,]/g, (c) => (c === "." ? "," : "."));
}
