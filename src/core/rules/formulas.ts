/** Formula values and comparisons for the calculator and the fixes; the formula text itself comes from ../formulas. */
import type { RawCell } from "../grid";
import { guardedRateFormula, guardedSumFormula, rateFormula as rateText } from "../formulas";
import { showsPercent } from "../numberFormat";
import { roundTo } from "./numbers";

export { sumFormula } from "../formulas";

/** The layout plan's spelling of a total, blank until a part is filled: the same computation as `sumFormula`. */
export const guardedSum = guardedSumFormula;

/**
 * A rate cell's formula (and the layout plan's guarded spelling of it), the indicator's value in percent points, and
 * what the cell holds: a fraction when the cell's format shows this rate as a percentage, percent points otherwise.
 */
export function rateFormula(
  target: { cell: string; raw: RawCell },
  numerator: { cell: string; value: number },
  denominator: { cell: string; value: number },
): { formula: string; guarded: string; value: number; cellValue: number; numberFormat: string } {
  const value = roundTo((numerator.value / denominator.value) * 100, 2);
  // The section that shows the rate decides, as it does for the reader: "0.00;[Red]-0.00%" shows a rate plainly.
  const percent = showsPercent(target.raw.numberFormat, value);
  return {
    formula: rateText(numerator.cell, denominator.cell, percent),
    guarded: guardedRateFormula(numerator.cell, denominator.cell, percent),
    value,
    cellValue: percent ? roundTo(numerator.value / denominator.value, 4) : value,
    numberFormat: percent ? "0.00%" : "0.00",
  };
}

/** Formulas compared as Excel would: case, spaces and `$` do not matter. */
export function sameFormula(a: string | undefined, b: string): boolean {
  if (!a) return false;
  const norm = (f: string) => f.replace(/[\s$]/g, "").toUpperCase();
  return norm(a) === norm(b);
}
