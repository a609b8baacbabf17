/** Which columns hold the labels, units, values, notes and STT, from the header and from the data (docs/LOCATE.md §1). */
import type { Template } from "../catalog/model";
import type { Grid } from "../grid";
import { cleanText, foldDiacritics, labelKey } from "../text";
import { SCAN_COLS, type Role } from "./header";
import { catalogOf } from "./labels";
import { cellText, hasLetter, matchRows, outlineRest, type MatchState } from "./rows";

/** Without a header, the label column is searched for in this many first rows (and SCAN_COLS first columns). */
export const FALLBACK_SCAN_ROWS = 2000;

/** Sheet columns (grid-relative) of each role. */
export interface Columns {
  stt: number | null;
  label: number;
  unit: number | null;
  value: number;
  note: number | null;
}

/** The label column without a header: the column (of the first ones) whose cells match the most template labels exactly. */
export function guessLabelColumn(grid: Grid, template: Template): { col: number; hits: number; firstRow: number } | null {
  const cat = catalogOf(template);
  const rows = Math.min(grid.values.length, FALLBACK_SCAN_ROWS);
  const hits = new Map<number, { n: number; first: number }>();
  for (let r = 0; r < rows; r++) {
    const row = grid.values[r] ?? [];
    const cols = Math.min(row.length, SCAN_COLS);
    for (let c = 0; c < cols; c++) {
      const v = row[c];
      if (typeof v !== "string" || v.length < 3 || v.length > 400) continue;
      if (!cat.byKey.has(labelKey(v)) && !cat.byKey.has(labelKey(outlineRest(v).rest))) continue;
      const h = hits.get(c) ?? { n: 0, first: r };
      h.n++;
      hits.set(c, h);
    }
  }
  let best: { col: number; hits: number; firstRow: number } | null = null;
  for (const [col, h] of hits) if (!best || h.n > best.hits) best = { col, hits: h.n, firstRow: h.first };
  return best;
}

/** Units the template prints, folded, to recognise a unit column without a header. */
function unitKeys(template: Template): Set<string> {
  const keys = new Set<string>();
  for (const ind of template.indicators) {
    for (const u of [ind.unit, ...(ind.acceptedUnits ?? [])]) if (u) keys.add(foldDiacritics(cleanText(u)));
  }
  return keys;
}

/** How many of `rows` have `col` filled, and how many of those hold a number (or a number typed as text). */
export function numericCells(grid: Grid, col: number, rows: readonly number[]): { filled: number; numeric: number } {
  let filled = 0;
  let numeric = 0;
  for (const r of rows) {
    const v = grid.values[r]?.[col];
    if (v === null || v === undefined || v === "") continue;
    filled++;
    if (typeof v === "number" || (typeof v === "string" && /^\s*[+-]?[\d.,\s]+%?\s*$/.test(v))) numeric++;
  }
  return { filled, numeric };
}

/**
 * Unit and value columns from the data when the header does not name them: the unit column is the one right
 * of the labels whose cells are most often a template unit; the value column is the first column right of the
 * unit (or label) column whose filled cells are mostly (>= 60%) numbers.
 */
export function inferColumns(grid: Grid, template: Template, label: number, matchedRows: readonly number[], known: Partial<Columns>): Columns {
  const width = Math.min(
    SCAN_COLS,
    matchedRows.reduce((w, r) => Math.max(w, grid.values[r]?.length ?? 0), 0),
  );
  let unit = known.unit ?? null;
  if (unit === null) {
    const keys = unitKeys(template);
    let bestHits = 0;
    for (let c = label + 1; c < Math.min(width, label + 4); c++) {
      let hits = 0;
      for (const r of matchedRows) if (keys.has(foldDiacritics(cleanText(cellText(grid.values[r]?.[c]))))) hits++;
      if (hits > bestHits) {
        bestHits = hits;
        unit = c;
      }
    }
    if (bestHits < Math.max(2, matchedRows.length / 5)) unit = null;
  }
  let value = known.value ?? null;
  if (value === null) {
    const from = Math.max(label, unit ?? label) + 1;
    for (let c = from; c < width; c++) {
      const { filled, numeric } = numericCells(grid, c, matchedRows);
      if (filled > 0 && numeric / filled >= 0.6) {
        value = c;
        break;
      }
    }
    if (value === null) value = from;
  }
  let note = known.note === undefined ? null : known.note;
  if (known.note === undefined) {
    // The column right of the values, when it holds text on some matched rows (guidance, decisions cited).
    const c = value + 1;
    const textRows = matchedRows.filter((r) => {
      const v = grid.values[r]?.[c];
      return typeof v === "string" && hasLetter(v);
    }).length;
    if (c < width && textRows > 0) note = c;
  }
  let stt = known.stt ?? null;
  if (stt === null && label > 0) {
    const c = label - 1;
    const numbered = matchedRows.filter((r) => /^(\d+|[IVX]+)$/i.test(cleanText(cellText(grid.values[r]?.[c])))).length;
    if (numbered >= 2) stt = c;
  }
  return { stt, label, unit, value, note };
}

/**
 * The header's "Chỉ tiêu" cell may be merged over several columns with the labels in any of them (an indent
 * column, a merged STT): try it and the next two columns not taken by another role, keep the one that matches most.
 */
export function bestLabelColumn(
  grid: Grid,
  template: Template,
  labelCol: number,
  stt: number | null,
  firstRow: number,
  roles: ReadonlyMap<Role, { col: number }>,
): { col: number; state: MatchState } {
  const taken = new Set([...roles.entries()].filter(([role]) => role !== "label").map(([, at]) => at.col));
  let best: { col: number; state: MatchState } | null = null;
  for (let c = labelCol; c < labelCol + 3; c++) {
    if (c !== labelCol && taken.has(c)) break;
    const state = matchRows(grid, template, { label: c, stt }, firstRow);
    if (!best || state.matches.length > best.state.matches.length) best = { col: c, state };
  }
  return best!;
}
