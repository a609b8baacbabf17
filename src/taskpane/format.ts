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
