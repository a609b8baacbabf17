/**
 * The text a cell shows where it can be known without a locale, and Excel's date serials: shared by both
 * readers (the streaming one and ExcelJS's), so they give the engine the same grid.
 */
import { type CellValue, sectionFor } from "../core";

const EXCEL_EPOCH_MS = Date.UTC(1899, 11, 30);

/** A date as Excel stores it: days since 1899-12-30 (what office-js hands the Excel adapter too). */
export function dateSerial(d: Date): number {
  return (d.getTime() - EXCEL_EPOCH_MS) / 86400000;
}

/** The date a serial stands for, rounded to the millisecond as ExcelJS rounds it (1904 system: 1,462 days later). */
export function serialDate(serial: number, date1904 = false): Date {
  return new Date(Math.round((serial - 25569 + (date1904 ? 1462 : 0)) * 86400000));
}

function two(n: number): string {
  return String(n).padStart(2, "0");
}

/**
 * The text a cell shows, where it can be known without a locale: percentages and fixed decimals are
 * formatted; other numbers are their plain digits. Excel's own text comes from the Excel adapter.
 */
export function displayText(value: CellValue, format: string, date?: Date): string {
  if (value === null) return "";
  if (date) return `${two(date.getUTCDate())}/${two(date.getUTCMonth() + 1)}/${date.getUTCFullYear()}`;
  if (typeof value !== "number") return typeof value === "boolean" ? (value ? "TRUE" : "FALSE") : value;
  const section = sectionFor(format, value);
  if (section.percent) return `${(value * 100).toFixed(section.decimals ?? 0)}%`;
  return section.decimals === null ? String(value) : value.toFixed(section.decimals);
}
