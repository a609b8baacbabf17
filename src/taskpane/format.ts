/** Values as the pane shows them, in the user's language. */
import { type CellState, type Fix, type FindingValue, formatNumber, formulaText, type Lang, showsPercent } from "../core";
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

/** What a cell holds, as it shows it: a percentage where its format shows one, text as typed, blank as a word. */
export function formatCellContent(state: Pick<CellState, "cellValue" | "numberFormat">, lang: Lang, t: Messages): string {
  const v = state.cellValue;
  if (v === null || v === "") return t.blank;
  if (typeof v === "boolean") return v ? "TRUE" : "FALSE";
  if (typeof v === "number" && showsPercent(state.numberFormat, v)) return `${formatNumber(v * 100, lang)}%`;
  return typeof v === "number" ? formatNumber(v, lang) : v;
}

/** A cell in full, for old → new: its formula as a Vietnamese Excel shows it and the value it gives, or its content. */
export function formatCellState(state: CellState, lang: Lang, t: Messages): string {
  if (!state.formula) return formatCellContent(state, lang, t);
  const shown = state.cellValue === null || state.cellValue === "" ? "" : ` (${formatCellContent(state, lang, t)})`;
  return `${formulaText(state.formula, lang)}${shown}`;
}

/** What a fix writes, in full: its formula and the value it gives, or its value. */
export function formatFixWrite(fix: Fix, lang: Lang): string {
  return fix.formula ? `${formulaText(fix.formula, lang)} (${formatCellValue(fix, lang)})` : formatCellValue(fix, lang);
}
