/** Formula values and comparisons for the calculator and the fixes; the formula text itself comes from ../formulas. */
import type { RawCell } from "../grid";
import { guardedRateFormula, guardedSumFormula, rateFormula as rateText } from "../formulas";
import { roundTo } from "./numbers";

export { sumFormula } from "../formulas";

/** The layout plan's spelling of a total, blank until a part is filled: the same computation as `sumFormula`. */
export const guardedSum = guardedSumFormula;

/** True when a number format shows percentages ("0.00%"), ignoring quoted literals and escaped signs. */
export function isPercentFormat(numberFormat: string | undefined): boolean {
  return !!numberFormat && /%/.test(numberFormat.replace(/"[^"]*"/g, "").replace(/\\%/g, ""));
}

/** A rate cell's formula (and the layout plan's guarded spelling of it), value and format: percent points, or a fraction when the cell is formatted as %. */
export function rateFormula(
  target: { cell: string; raw: RawCell },
  numerator: { cell: string; value: number },
  denominator: { cell: string; value: number },
): { formula: string; guarded: string; value: number; numberFormat: string } {
  const percent = isPercentFormat(target.raw.numberFormat);
  return {
    formula: rateText(numerator.cell, denominator.cell, percent),
    guarded: guardedRateFormula(numerator.cell, denominator.cell, percent),
    value: percent
      ? roundTo(numerator.value / denominator.value, 4)
      : roundTo((numerator.value / denominator.value) * 100, 2),
    numberFormat: percent ? "0.00%" : "0.00",
  };
}

/** Formulas compared as Excel would: case, spaces and `$` do not matter. */
export function sameFormula(a: string | undefined, b: string): boolean {
  if (!a) return false;
  const norm = (f: string) => f.replace(/[\s$]/g, "").toUpperCase();
  return norm(a) === norm(b);
}
