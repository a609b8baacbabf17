/**
 * The formula text of computed cells, in one place: the derivation (derivation.ts) writes these as patches
 * and the layout plan (layout.ts) puts them in the template, so a cell never gets two spellings.
 */

/** The rate expression: percent points rounded to 2 decimals, or a fraction (4 decimals) for a cell formatted as %. */
function rateExpression(numeratorA1: string, denominatorA1: string, percentFormat: boolean): string {
  return percentFormat
    ? `ROUND(${numeratorA1}/${denominatorA1},4)`
    : `ROUND(${numeratorA1}/${denominatorA1}*100,2)`;
}

/** "=ROUND(D12/D11*100,2)": the rate the calculator writes once the denominator is known to be above 0. */
export function rateFormula(numeratorA1: string, denominatorA1: string, percentFormat = false): string {
  return `=${rateExpression(numeratorA1, denominatorA1, percentFormat)}`;
}

/**
 * The same rate, shown blank while the denominator is blank or 0: a template is empty when it is made,
 * and a sheet full of #DIV/0! would read as errors.
 */
export function guardedRateFormula(numeratorA1: string, denominatorA1: string, percentFormat = false): string {
  return `=IF(N(${denominatorA1})=0,"",${rateExpression(numeratorA1, denominatorA1, percentFormat)})`;
}

/** "=SUM(D20,D21)": a total of its parts (SUM skips blanks, as the calculator does). */
export function sumFormula(partsA1: readonly string[]): string {
  return `=SUM(${partsA1.join(",")})`;
}

/** The same total, shown blank until one part holds a number. */
export function guardedSumFormula(partsA1: readonly string[]): string {
  const list = partsA1.join(",");
  return `=IF(COUNT(${list})=0,"",SUM(${list}))`;
}

/** Formulas compared as Excel would: case, spaces and `$` do not matter. */
export function sameFormula(a: string | undefined, b: string): boolean {
  if (!a) return false;
  const norm = (f: string) => f.replace(/[\s$]/g, "").toUpperCase();
  return norm(a) === norm(b);
}
