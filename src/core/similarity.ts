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

/**
 * The report's abbreviations and the words they stand for, folded: a clerk writes either ("Số thủ tục hành chính
 * thực hiện rà soát" for "Số lượng TTHC …"), so both fold to the abbreviation.
 */
const SPELLED_OUT: readonly (readonly [RegExp, string])[] = [
  ["thu tuc hanh chinh", "tthc"],
  ["van ban quy pham phap luat", "vbqppl"],
  ["cai cach hanh chinh", "cchc"],
  ["cong chuc vien chuc", "ccvc"],
  ["uy ban nhan dan", "ubnd"],
  ["su nghiep cong lap", "sncl"],
  ["ngan sach nha nuoc", "nsnn"],
  ["cong nghe thong tin", "cntt"],
  ["buu chinh cong ich", "bcci"],
  ["pho bien giao duc phap luat", "pbgdpl"],
].map(([words, short]) => [new RegExp(`\\b${words}\\b`, "g"), short] as const);

/** Folds a label for tolerant matching: "- Số TTHC áp dụng:" -> "so tthc ap dung" (and so does "Số thủ tục hành chính áp dụng"). */
export function foldLabel(text: string): string {
  let folded = foldDiacritics(labelKey(text))
    .replace(/[^a-z0-9]+/g, " ")
    .trim();
  for (const [words, short] of SPELLED_OUT) folded = folded.replace(words, short);
  return folded;
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
 * Similarity 0..1 (0 as soon as it cannot reach `floor`): the lower of two Sørensen–Dice coefficients, on word tokens (a token also matches one a
 * single typo away) and on character bigrams. Bigrams forgive typos and split or joined words; tokens keep
 * two labels that share most letters but differ by a word apart. Taking the lower makes a high score need both.
 */
export function similarity(a: Prepared, b: Prepared, floor = 0): number {
  if (a.folded === b.folded) return a.folded === "" ? 0 : 1;
  // Dice can reach at most 2·min/(sum) of the sizes: a cheap bound that skips most pairs when a floor is given.
  if (diceBound(a.tokens.length, b.tokens.length) < floor || diceBound(a.bigramCount, b.bigramCount) < floor) return 0;
  return Math.min(tokenDice(a.tokens, b.tokens), bigramDice(a, b));
}

function diceBound(m: number, n: number): number {
  return m + n === 0 ? 0 : (2 * Math.min(m, n)) / (m + n);
}

function tokenDice(a: readonly string[], b: readonly string[]): number {
  if (a.length === 0 || b.length === 0) return 0;
  const free = [...a];
  let shared = 0;
  for (const t of b) {
    let at = free.indexOf(t);
    if (at < 0) at = free.findIndex((u) => oneTypoApart(u, t));
    if (at >= 0) {
      shared++;
      free.splice(at, 1);
    }
  }
  return (2 * shared) / (a.length + b.length);
}

/**
 * Words one edit apart ("ta"/"tra", "thàn"/"thành"), when the longer has 3+ letters; never for words with
 * digits ("2023"/"2024", "3"/"4" differ in meaning).
 */
function oneTypoApart(a: string, b: string): boolean {
  if (Math.max(a.length, b.length) < 3 || Math.abs(a.length - b.length) > 1) return false;
  if (/\d/.test(a) || /\d/.test(b)) return false;
  let i = 0;
  while (i < a.length && i < b.length && a[i] === b[i]) i++;
  let j = 0;
  while (j < a.length - i && j < b.length - i && a[a.length - 1 - j] === b[b.length - 1 - j]) j++;
  // What differs after dropping the common head and tail is at most one character on each side.
  return a.length - i - j <= 1 && b.length - i - j <= 1;
}

function bigramDice(a: Prepared, b: Prepared): number {
  if (a.bigramCount === 0 || b.bigramCount === 0) return 0;
  let shared = 0;
  const [small, large] = a.bigrams.size <= b.bigrams.size ? [a.bigrams, b.bigrams] : [b.bigrams, a.bigrams];
  for (const [g, n] of small) shared += Math.min(n, large.get(g) ?? 0);
  return (2 * shared) / (a.bigramCount + b.bigramCount);
}
