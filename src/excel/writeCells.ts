/**
 * Queuing cell writes: computed patches (formula + number format) and one finding's fix. Nothing here syncs;
 * the caller sends everything in one batch.
 */
import { type Fix, type Patch, toA1 } from "../core";

/** Queues every patch on `sheet`: the formula (Excel recalculates the value) and its number format. */
export function queuePatches(sheet: Excel.Worksheet, patches: readonly Patch[]): void {
  for (const p of patches) {
    const range = sheet.getRange(toA1(p.cell));
    // Number format first: a cell formatted as text ("@") would otherwise store the formula as text.
    if (p.numberFormat) range.numberFormat = [[p.numberFormat]];
    range.formulas = [[p.formula]];
  }
}

/** Queues one fix: its formula if it has one, else its value (text kept as text), with its number format. */
export function queueFix(sheet: Excel.Worksheet, fix: Fix): void {
  const range = sheet.getRange(toA1(fix.cell));
  if (fix.numberFormat) range.numberFormat = [[fix.numberFormat]];
  if (fix.formula) range.formulas = [[fix.formula]];
  else range.values = [[typeof fix.cellValue === "string" ? literalText(fix.cellValue) : fix.cellValue]];
}

/**
 * A string Excel must keep as text: writing values or formulas behaves like typing, so "02", "1/2", "=x",
 * "TRUE" or "-" would be turned into a number, a date, a formula or a boolean. A leading apostrophe keeps it
 * literal (Excel stores the text without it and marks the cell quote-prefixed).
 */
export function literalText(text: string): string {
  if (text === "") return text;
  if (/^[=+\-@']/.test(text)) return `'${text}`;
  if (/^\s*[\d.,\s%/:$()]+\s*$/.test(text) && /\d/.test(text)) return `'${text}`;
  if (/^(true|false|đúng|sai)$/i.test(text.trim())) return `'${text}`;
  return text;
}
