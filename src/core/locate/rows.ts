/** Matching the sheet's label column to the template's rows (docs/LOCATE.md §2). */
import type { Template } from "../catalog/model";
import type { CellValue, Grid } from "../grid";
import { foldLabel, prepare, similarity } from "../similarity";
import { cleanText, labelKey } from "../text";
import { catalogOf, stripParens, type Catalog, type Item } from "./labels";

/** After the last matched row, the table is taken to have ended once this many rows in a row match nothing. */
export const END_GAP_ROWS = 60;
/** The table must start within this many rows below its header (or first label); bounds the work on big sheets. */
export const START_GAP_ROWS = 100;
/**
 * A tolerant match needs this score (see similarity.ts). Real variants of a label (a typo, no diacritics,
 * "Tỉ"/"Tỷ", "(nếu có)" dropped, one word changed) score 0.8–1; labels that only share a generic opening
 * ("Số nhiệm vụ khác" vs "Số nhiệm vụ đề ra trong kế hoạch") score 0.5–0.6.
 */
export const FUZZY_THRESHOLD = 0.75;
/** A section row whose numeral agrees ("IV" in its STT) needs only this score: section titles get abbreviated. */
const SECTION_THRESHOLD = 0.5;
/** Fuzzy candidates of a row out of order are sought this many template rows around the current position (order context). */
const WINDOW_BEFORE = 10;
const WINDOW_AFTER = 40;

/** A cell as text for matching; blank for booleans and empty cells. */
export function cellText(v: CellValue | undefined): string {
  if (v === null || v === undefined || typeof v === "boolean") return "";
  return typeof v === "number" ? String(v) : v;
}

/** A sheet row's label as typed, and without a leading "I." / "1." / "1.2)" numbering. */
interface RowLabel {
  readonly row: number;
  readonly label: string;
  /** The label without its numbering (the label itself when it has none). */
  readonly rest: string;
  /** A roman numeral from the STT column or the label's numbering: marks a section row. */
  readonly numeral: string | null;
}

/**
 * The outline numbering a clerk types before a label: "I. ", "IV- ", "1. ", "1.2) ", "2/ ", "a) ", "c. ", "(a) ",
 * "(1) ", "đ) ". A letter needs its ")" or "." (or parentheses) and a space after it; a roman numeral or a number may
 * also be followed by "-" or ":"; "1.2 " needs nothing after it. The group that matched is the numbering itself.
 */
const OUTLINE =
  /^(?:\(\s*([IVX]+|\d+(?:\.\d+)*|[a-zđ])\s*\)|(\d+(?:\.\d+)+)\.?(?=\s)|([IVX]+|\d+(?:\.\d+)*\.?|[a-zđ](?=[.)]\s))\s*(?:[.)/]|\s[-–—:]|[-–—:])(?!\d))\s*(?=\S)/iu;

/** A label without its outline numbering ("c) Khác" -> "Khác", "I. CÔNG TÁC …" -> "CÔNG TÁC …") and doubled bullets. */
export function outlineRest(label: string): { rest: string; numbering: string | null } {
  const m = OUTLINE.exec(label);
  // labelKey drops one leading bullet; a doubled "- - " loses the rest here.
  const rest = (m ? label.slice(m[0].length) : label).replace(/^([-–—+•*·]\s*)+/, "");
  return { rest, numbering: m ? (m[1] ?? m[2] ?? m[3]).replace(/\.$/, "") : null };
}

function rowLabel(row: number, label: string, stt: string): RowLabel {
  const { rest, numbering } = outlineRest(label);
  // A single lower-case "i)" or "v)" is a letter of a list; section numerals are upper case or longer.
  const roman = (s: string | null | undefined) => (s && /^[IVX]+$/i.test(s) && !/^[a-z]$/.test(s) ? s.toUpperCase() : null);
  return { row, label, rest, numeral: roman(stt) ?? roman(numbering) };
}

/** The rows matched so far: indicator and section rows (sheet indices), how each matched, and rows that matched nothing. */
export interface MatchState {
  rows: Map<string, number>;
  sectionRows: Map<string, number>;
  matches: { indicator: string; row: number; how: "exact" | "fuzzy"; score: number }[];
  unrecognized: { row: number; label: string }[];
}

/** True when a text has a letter: "(2)", "3" or "—" under a header are column numbers or fillers, not labels. */
export function hasLetter(s: string): boolean {
  return /\p{L}/u.test(s);
}

/** A page-break continuation starts mid-sentence: lower case or an opening parenthesis. */
function continuesLabel(s: string): boolean {
  return /^[\p{Ll}(]/u.test(s);
}

interface Assigned {
  readonly item: number;
  readonly how: "exact" | "fuzzy";
  readonly score: number;
  /** The row below was this label's continuation and is consumed. */
  readonly joined: boolean;
}

/**
 * Matches the label column below `firstRow` to template items in two passes.
 * 1. Exact (labelKey or alias) and diacritic-free equality, in order: a repeated label goes to the first
 *    unmatched item after the previous match (its section and group), so it follows the rows above it.
 *    These matches also fix where the table ends (END_GAP_ROWS).
 * 2. The remaining rows, tolerantly, each only against the items between the matches above and below it
 *    (rows are in template order), so an unknown row cannot take an indicator matched elsewhere.
 */
export function matchRows(grid: Grid, template: Template, cols: { label: number; stt: number | null }, firstRow: number): MatchState {
  const cat = catalogOf(template);
  const lines: RowLabel[] = [];
  const assigned: (Assigned | null)[] = [];
  const taken = new Set<number>();
  const consumed = new Set<number>();
  let cursor = -1;
  let lastMatch = -1;
  /** Last row that matched or might match tolerantly: the table goes on while such rows keep coming. */
  let lastPlausible = -1;
  let skipRow = -1;
  const labelAt = (r: number) => cleanText(cellText(grid.values[r]?.[cols.label]));
  for (let r = firstRow; r < grid.values.length; r++) {
    if (lastPlausible >= 0 && r - lastPlausible > END_GAP_ROWS) break;
    if (lastPlausible < 0 && r - firstRow > START_GAP_ROWS) break;
    if (r === skipRow) continue;
    const label = labelAt(r);
    if (label === "" || !hasLetter(label)) continue;
    const stt = cols.stt === null ? "" : cleanText(cellText(grid.values[r]?.[cols.stt]));
    const line = rowLabel(r, label, stt);
    lines.push(line);
    let hit = exactMatch(cat, line, cursor, taken);
    let joined = false;
    if (!hit) {
      const next = labelAt(r + 1);
      if (next !== "" && continuesLabel(next)) {
        hit = exactMatch(cat, rowLabel(r, `${label} ${next}`, stt), cursor, taken);
        joined = hit !== null;
        if (joined) skipRow = r + 1;
      }
    }
    assigned.push(hit ? { ...hit, joined } : null);
    if (hit) {
      taken.add(hit.item);
      cursor = hit.item;
      lastMatch = joined ? r + 1 : r;
      lastPlausible = lastMatch;
    } else if (fuzzyMatch(cat, line, 0, cat.items.length, cursor, taken, true)) {
      lastPlausible = r;
    }
  }
  // Pass 2: tolerant matches between the exact ones.
  const nextItem: number[] = new Array(lines.length);
  let below = cat.items.length;
  for (let k = lines.length - 1; k >= 0; k--) {
    nextItem[k] = below;
    const a = assigned[k];
    if (a) below = a.item;
  }
  let prev = -1;
  for (let k = 0; k < lines.length; k++) {
    const a = assigned[k];
    if (a) {
      prev = a.item;
      continue;
    }
    const [from, to] = prev < nextItem[k] ? [prev + 1, nextItem[k]] : [prev - WINDOW_BEFORE, prev + 1 + WINDOW_AFTER];
    let hit = fuzzyMatch(cat, lines[k], from, to, prev, taken);
    let joined = false;
    const next = lines[k + 1];
    if (!hit && next && next.row === lines[k].row + 1 && !assigned[k + 1] && continuesLabel(next.label)) {
      hit = fuzzyMatch(cat, rowLabel(lines[k].row, `${lines[k].label} ${next.label}`, ""), from, to, prev, taken);
      joined = hit !== null;
    }
    if (hit) {
      assigned[k] = { ...hit, joined };
      taken.add(hit.item);
      prev = hit.item;
      if (lines[k].row > lastMatch) lastMatch = lines[k].row;
      if (joined) {
        k++; // the continuation row is consumed
        assigned[k] = null;
        consumed.add(k);
      }
    }
  }
  const state: MatchState = { rows: new Map(), sectionRows: new Map(), matches: [], unrecognized: [] };
  const firstAssigned = assigned.findIndex((a) => a !== null);
  // Unknown rows are reported inside the table only: below the header, up to its last matched row.
  for (let k = 0; k < lines.length; k++) {
    const a = assigned[k];
    const sheetRow = lines[k].row + grid.origin.row;
    if (!a) {
      if (!consumed.has(k) && firstAssigned >= 0 && lines[k].row <= lastMatch)
        state.unrecognized.push({ row: sheetRow, label: lines[k].label });
      continue;
    }
    const it = cat.items[a.item];
    if (it.kind === "section") state.sectionRows.set(it.id, sheetRow);
    else {
      state.rows.set(it.id, sheetRow);
      state.matches.push({ indicator: it.id, row: sheetRow, how: a.how, score: round3(a.score) });
    }
  }
  return state;
}

function round3(x: number): number {
  return Math.round(x * 1000) / 1000;
}

/** Exact (labelKey, aliases) or diacritic-free equality; between repeats of a label, order decides. */
function exactMatch(cat: Catalog, line: RowLabel, cursor: number, taken: ReadonlySet<number>): Omit<Assigned, "joined"> | null {
  const keyed = [...(cat.byKey.get(labelKey(line.label)) ?? []), ...(cat.byKey.get(labelKey(line.rest)) ?? [])];
  const exact = pickByOrder(keyed, cursor, taken);
  if (exact !== null) return { item: exact, how: "exact", score: 1 };
  const folded = [...(cat.byFolded.get(foldLabel(line.label)) ?? []), ...(cat.byFolded.get(foldLabel(line.rest)) ?? [])];
  const loose = pickByOrder(folded, cursor, taken);
  return loose === null ? null : { item: loose, how: "fuzzy", score: 1 };
}

/**
 * The best tolerant match among the untaken items in [from, to); ties go to the item nearest after `prev`.
 * `anyWillDo` returns the first item above the threshold (only asks whether the row could be a table row).
 */
function fuzzyMatch(
  cat: Catalog,
  line: RowLabel,
  from: number,
  to: number,
  prev: number,
  taken: ReadonlySet<number>,
  anyWillDo = false,
): Omit<Assigned, "joined"> | null {
  const p = prepare(line.rest);
  if (p.tokens.length === 0) return null;
  const bare = prepare(stripParens(line.rest));
  // A label typed without its "(nếu có)" or "(Lũy kế đến thời điểm báo cáo)" is compared without them too,
  // at a small discount (the parenthesis may have been the difference).
  const scoreOf = (it: Item, floor: number) => {
    const s = similarity(p, it.prepared, floor);
    return it.bare ? Math.max(s, 0.95 * similarity(bare, it.bare, floor)) : s;
  };
  if (line.numeral !== null) {
    const sec = cat.sectionByNumeral.get(line.numeral);
    // With the numeral agreeing, a looser wording is enough: section titles get abbreviated.
    if (sec !== undefined && !taken.has(sec)) {
      const s = scoreOf(cat.items[sec], SECTION_THRESHOLD);
      if (s >= SECTION_THRESHOLD) return { item: sec, how: "fuzzy", score: s };
    }
  }
  let best: { item: number; score: number } | null = null;
  for (let i = Math.max(0, from); i < Math.min(cat.items.length, to); i++) {
    if (taken.has(i)) continue;
    const s = scoreOf(cat.items[i], FUZZY_THRESHOLD);
    if (s < FUZZY_THRESHOLD) continue;
    if (anyWillDo) return { item: i, how: "fuzzy", score: s };
    if (!best || s > best.score + 1e-9 || (Math.abs(s - best.score) <= 1e-9 && nearer(i, best.item, prev))) best = { item: i, score: s };
  }
  return best ? { item: best.item, how: "fuzzy", score: best.score } : null;
}

/** True when item `a` is nearer the cursor than `b` in reading order: items ahead first, then those behind. */
function nearer(a: number, b: number, cursor: number): boolean {
  return orderDistance(a, cursor) < orderDistance(b, cursor);
}

function orderDistance(i: number, cursor: number): number {
  return i > cursor ? i - cursor : 1_000_000 + (cursor - i);
}

/** Among untaken items sharing a label, the first after the cursor (section and group context), else the nearest before. */
function pickByOrder(candidates: readonly number[], cursor: number, taken: ReadonlySet<number>): number | null {
  let best: number | null = null;
  for (const i of candidates) {
    if (taken.has(i)) continue;
    if (best === null || nearer(i, best, cursor)) best = i;
  }
  return best;
}
