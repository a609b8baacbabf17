import type { Address } from "./address";

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
  return {
    value: value === "" ? null : value,
    formula: grid.formulas?.[r]?.[c] || undefined,
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
