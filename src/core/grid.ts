import type { Address } from "./address";
import type { CellWrite } from "./cellWrite";

/** What a spreadsheet cell holds, as adapters hand it over. Excel error values arrive as their text ("#DIV/0!"). */
export type CellValue = string | number | boolean | null;

/** One cell as the host gives it: value (a formula's cached result), formula, number format, displayed text. */
export interface RawCell {
  readonly value: CellValue;
  /** "=..." when the cell holds a formula, otherwise "" or absent. */
  readonly formula?: string;
  /** Excel number format code ("General", "0.00", "0.00%"). */
  readonly numberFormat?: string;
  /** The text Excel displays, where the host provides it. */
  readonly text?: string;
}

/**
 * A rectangle of a sheet in parallel row-major arrays, the shape office-js returns
 * (`values`, `formulas`, `numberFormat`, `text`). `origin` is the sheet address of [0][0].
 */
export interface Grid {
  readonly origin: Address;
  readonly values: readonly (readonly CellValue[])[];
  readonly formulas?: readonly (readonly string[])[];
  readonly numberFormats?: readonly (readonly string[])[];
  readonly texts?: readonly (readonly string[])[];
}

const EMPTY: RawCell = { value: null };

/** The cell at a sheet address (not a grid index); blank outside the grid. */
export function cellAt(grid: Grid, at: Address): RawCell {
  const r = at.row - grid.origin.row;
  const c = at.col - grid.origin.col;
  const row = grid.values[r];
  if (!row || c < 0 || c >= row.length) return EMPTY;
  const value = row[c] ?? null;
  const formula = grid.formulas?.[r]?.[c] || undefined;
  return {
    // A formula's empty-text result ("") stays "": a formula with no result at all is null (read.ts tells them apart).
    value: value === "" && !formula ? null : value,
    formula,
    numberFormat: grid.numberFormats?.[r]?.[c] || undefined,
    text: grid.texts?.[r]?.[c] ?? undefined,
  };
}

/** Number of rows in the grid. */
export function rowCount(grid: Grid): number {
  return grid.values.length;
}

/** Number of columns in the widest row. */
export function colCount(grid: Grid): number {
  let n = 0;
  for (const row of grid.values) if (row.length > n) n = row.length;
  return n;
}

/** Builds a grid from rows of raw cells (tests, adapters that read cell by cell). */
export function gridFromCells(origin: Address, rows: readonly (readonly RawCell[])[]): Grid {
  const width = rows.reduce((w, r) => Math.max(w, r.length), 0);
  const pad = <T>(r: readonly RawCell[], f: (c: RawCell) => T, blank: T): T[] =>
    Array.from({ length: width }, (_, i) => (i < r.length ? f(r[i]) : blank));
  return {
    origin,
    values: rows.map((r) => pad(r, (c) => c.value, null)),
    formulas: rows.map((r) => pad(r, (c) => c.formula ?? "", "")),
    numberFormats: rows.map((r) => pad(r, (c) => c.numberFormat ?? "General", "General")),
    texts: rows.map((r) => pad(r, (c) => c.text ?? (c.value == null ? "" : String(c.value)), "")),
  };
}

/**
 * `grid` with `writes` laid over it, grown where a write falls outside it: what a sheet holds after the writes,
 * without reading it again. A formula's cell takes the write's `cellValue` as its result (the calculator's value).
 */
export function withWrites(grid: Grid, writes: readonly CellWrite[]): Grid {
  const points = writes.map((w) => ({ w, at: w.cell }));
  const width = grid.values.reduce((n, r) => Math.max(n, r.length), 0);
  const empty = grid.values.length === 0 || width === 0;
  let top = empty ? Infinity : grid.origin.row;
  let left = empty ? Infinity : grid.origin.col;
  let bottom = empty ? -Infinity : grid.origin.row + grid.values.length - 1;
  let right = empty ? -Infinity : grid.origin.col + width - 1;
  for (const { at } of points) {
    top = Math.min(top, at.row);
    left = Math.min(left, at.col);
    bottom = Math.max(bottom, at.row);
    right = Math.max(right, at.col);
  }
  if (top === Infinity) return grid;
  const rows = bottom - top + 1;
  const cols = right - left + 1;
  const table = <T>(f: (row: number, col: number) => T): T[][] =>
    Array.from({ length: rows }, (_, r) => Array.from({ length: cols }, (_, c) => f(top + r, left + c)));
  const old = <T>(src: readonly (readonly T[])[] | undefined, row: number, col: number): T | undefined =>
    src?.[row - grid.origin.row]?.[col - grid.origin.col];
  const values = table<CellValue>((row, col) => old(grid.values, row, col) ?? null);
  const formulas = table((row, col) => old(grid.formulas, row, col) ?? "");
  const numberFormats = table((row, col) => old(grid.numberFormats, row, col) ?? "General");
  const texts = table((row, col) => old(grid.texts, row, col) ?? valueText(old(grid.values, row, col) ?? null));
  for (const { w, at } of points) {
    const r = at.row - top;
    const c = at.col - left;
    values[r][c] = w.cellValue;
    formulas[r][c] = w.formula ?? "";
    if (w.numberFormat) numberFormats[r][c] = w.numberFormat;
    texts[r][c] = valueText(w.cellValue);
  }
  return { origin: { row: top, col: left }, values, formulas, numberFormats, texts };
}

/** The displayed text of a value as far as can be told without a spreadsheet's formatter. */
function valueText(value: CellValue): string {
  return value === null ? "" : String(value);
}
