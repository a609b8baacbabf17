/**
 * Tolerant label comparison for the locator. Works on diacritic-folded text so a label typed without marks,
 * with a typo, or with a word dropped or added still scores high.
 */
import { foldDiacritics, labelKey } from "./text";

/** A label prepared once for repeated comparison. */
export interface Prepared {
  /** labelKey folded: lower case, no marks, only letters, digits and single spaces. */
  readonly folded: string;
  readonly tokens: readonly string[];
  /** Character bigrams of `folded` with its spaces removed, with multiplicity. */
  readonly bigrams: ReadonlyMap<string, number>;
  readonly bigramCount: number;
}

/** Folds a label for tolerant matching: "- Số TTHC áp dụng:" -> "so tthc ap dung". */
export function foldLabel(text: string): string {
  return foldDiacritics(labelKey(text))
    .replace(/[^a-z0-9]+/g, " ")
    .trim();
}

/** Prepares a label for `similarity`. */
export function prepare(text: string): Prepared {
  const folded = foldLabel(text);
  const tokens = folded === "" ? [] : folded.split(" ");
  const squeezed = folded.replace(/ /g, "");
  const bigrams = new Map<string, number>();
  for (let i = 0; i + 1 < squeezed.length; i++) {
    const b = squeezed.slice(i, i + 2);
    bigrams.set(b, (bigrams.get(b) ?? 0) + 1);
  }
  return { folded, tokens, bigrams, bigramCount: Math.max(0, squeezed.length - 1) };
}

/**
 * Similarity 0..1: the lower of the Sørensen–Dice coefficients on word tokens and on character bigrams.
 * Bigrams forgive typos and split words; tokens keep two labels that share most letters but differ by a
 * meaningful word ("cấp sở" / "cấp phòng") apart. Taking the lower of the two makes a high score need both.
 */
export function similarity(a: Prepared, b: Prepared): number {
  if (a.folded === b.folded) return a.folded === "" ? 0 : 1;
  return Math.min(tokenDice(a.tokens, b.tokens), bigramDice(a, b));
}

function tokenDice(a: readonly string[], b: readonly string[]): number {
  if (a.length === 0 || b.length === 0) return 0;
  const counts = new Map<string, number>();
  for (const t of a) counts.set(t, (counts.get(t) ?? 0) + 1);
  let shared = 0;
  for (const t of b) {
    const n = counts.get(t) ?? 0;
    if (n > 0) {
      shared++;
      counts.set(t, n - 1);
    }
  }
  return (2 * shared) / (a.length + b.length);
}

function bigramDice(a: Prepared, b: Prepared): number {
  if (a.bigramCount === 0 || b.bigramCount === 0) return 0;
  let shared = 0;
  const [small, large] = a.bigrams.size <= b.bigrams.size ? [a.bigrams, b.bigrams] : [b.bigrams, a.bigrams];
  for (const [g, n] of small) shared += Math.min(n, large.get(g) ?? 0);
  return (2 * shared) / (a.bigramCount + b.bigramCount);
}
