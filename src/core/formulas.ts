/**
 * The formula text of computed cells, in one place: the derivation (derivation.ts) writes these as patches
 * and the layout plan (layout.ts) puts them in the template, so a cell never gets two spellings. Cells come in
 * structured and are written here as A1 (sheet-qualified for a cell on another sheet): formula text is output.
 */
import { cellA1, type CellRef } from "./address";

/** The rate expression: percent points rounded to 2 decimals, or a fraction (4 decimals) for a cell formatted as %. */
function rateExpression(numerator: CellRef, denominator: CellRef, percentFormat: boolean): string {
  return percentFormat
    ? `ROUND(${cellA1(numerator)}/${cellA1(denominator)},4)`
    : `ROUND(${cellA1(numerator)}/${cellA1(denominator)}*100,2)`;
}

/** "=ROUND(D12/D11*100,2)": the rate the calculator writes once the denominator is known to be above 0. */
export function rateFormula(numerator: CellRef, denominator: CellRef, percentFormat = false): string {
  return `=${rateExpression(numerator, denominator, percentFormat)}`;
}

/**
 * The same rate, shown blank while the denominator is blank or 0: a template is empty when it is made,
 * and a sheet full of #DIV/0! would read as errors.
 */
export function guardedRateFormula(numerator: CellRef, denominator: CellRef, percentFormat = false): string {
  return `=IF(N(${cellA1(denominator)})=0,"",${rateExpression(numerator, denominator, percentFormat)})`;
}

/** "=SUM(D20,D21)": a total of its parts (SUM skips blanks, as the calculator does). */
export function sumFormula(parts: readonly CellRef[]): string {
  return `=SUM(${parts.map(cellA1).join(",")})`;
}

/** The same total, shown blank until one part holds a number. */
export function guardedSumFormula(parts: readonly CellRef[]): string {
  const list = parts.map(cellA1).join(",");
  return `=IF(COUNT(${list})=0,"",SUM(${list}))`;
}

/** Formulas compared as Excel would: case, spaces and `$` do not matter. */
export function sameFormula(a: string | undefined, b: string): boolean {
  if (!a) return false;
  const norm = (f: string) => f.replace(/[\s$]/g, "").toUpperCase();
  return norm(a) === norm(b);
}
