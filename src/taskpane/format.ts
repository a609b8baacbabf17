/** Values as the pane shows them, in the user's language. */
import type { FindingValue } from "../core/finding";
import { formatNumber } from "../core/messages/format";
import type { Lang } from "../core/lang";
import type { Messages } from "./messages";

/** A finding value: numbers with the language's separators, text as typed, blank as a word. */
export function formatValue(v: FindingValue | undefined, lang: Lang, t: Messages): string {
  if (v === null || v === undefined || v === "") return t.blank;
  return typeof v === "number" ? formatNumber(v, lang) : v;
}

/** A value written into a cell: a fraction in a %-formatted cell is shown as the percentage it displays. */
export function formatCellValue(value: number | string, numberFormat: string | undefined, lang: Lang): string {
  if (typeof value !== "number") return value;
  return numberFormat?.includes("%") ? `${formatNumber(Math.round(value * 1e6) / 1e4, lang)}%` : formatNumber(value, lang);
}
