/** Rounding and comparison shared by the rules and the calculator. */

/**
 * Rounds half away from zero to `decimals` places. The scaled value goes through 15 significant digits first, so
 * binary drift does not flip a half (1.005 -> 1.01, 87.2340425 -> 87.23), and tiny or huge values stay numbers.
 */
export function roundTo(value: number, decimals: number): number {
  if (!Number.isFinite(value)) return value;
  const factor = 10 ** decimals;
  const rounded = Math.round(Number((Math.abs(value) * factor).toPrecision(15)));
  return rounded === 0 ? 0 : (Math.sign(value) * rounded) / factor;
}

/** Decimals assumed when a cell's format does not fix them (General): the 2 the appendix rounds rates to. */
export const DEFAULT_DECIMALS = 2;

/**
 * What "the same" means for a value the user sees with `decimals` places: half a unit of the last shown decimal
 * (±0.005 for 2 decimals, ±0.5 for 0), plus a hair for binary floating point.
 */
export function displayTolerance(decimals: number | null): number {
  return 0.5 * 10 ** -(decimals ?? DEFAULT_DECIMALS) + 1e-9;
}

/** Equal up to floating point noise (sums of counts). */
export function sameNumber(a: number, b: number): boolean {
  return Math.abs(a - b) <= 1e-9 * Math.max(1, Math.abs(a), Math.abs(b));
}

/** A whole number, allowing floating point noise (a formula's 3.0000000001). */
export function isWhole(value: number): boolean {
  return Math.abs(value - Math.round(value)) <= 1e-9;
}

/** Decimals of a number as typed in a General cell (87 -> 0, 87.2 -> 1, 87.234 -> 3). */
export function typedDecimals(n: number): number {
  const text = String(Math.abs(n));
  if (text.includes("e")) return 15;
  const dot = text.indexOf(".");
  return dot < 0 ? 0 : text.length - dot - 1;
}
