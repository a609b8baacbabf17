/**
 * The grid a sheet holds after the add-in's own writes, without reading it again: the last read with the written
 * cells laid over it. A re-check after a fill is computed from this (one write, no read): Excel gives a formula
 * the value the calculator computed for it, so the patch's value stands for the formula's result.
 */
import { fromA1 } from "../core/address";
import type { CellValue, Grid } from "../core/grid";
import type { LayoutPlan } from "../core/layoutPlan";
import type { Patch } from "../core/patch";

/** One cell as the add-in wrote it. */
export interface CellWrite {
  readonly cell: string;
  readonly value: CellValue;
  /** "=..." for a formula, else "" */
  readonly formula: string;
  /** kept as it was when absent */
  readonly numberFormat?: string;
}

/** What writing `patches` puts in their cells. */
export function patchWrites(patches: readonly Patch[]): CellWrite[] {
  return patches.map((p) => ({ cell: p.cell, value: p.cellValue, formula: p.formula, numberFormat: p.numberFormat }));
}

/**
 * The grid a freshly rendered plan reads as: its literal values, and its formulas blank (the template's formulas
 * are guarded and show nothing until their inputs are filled), with the plan's number formats.
 */
export function planGrid(plan: LayoutPlan): Grid {
  return withWrites(
    { origin: { row: 0, col: 0 }, values: [] },
    plan.cells.map((c) => ({
      cell: c.cell,
      value: c.formula ? null : (c.value ?? null),
      formula: c.formula ?? "",
      numberFormat: plan.styles[c.style]?.numberFormat,
    })),
  );
}

/** `grid` with `writes` laid over it, grown where a write falls outside it. */
export function withWrites(grid: Grid, writes: readonly CellWrite[]): Grid {
  const points = writes.map((w) => ({ w, at: fromA1(w.cell) })).filter((p): p is { w: CellWrite; at: { row: number; col: number } } => p.at !== null);
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
    values[r][c] = w.value;
    formulas[r][c] = w.formula;
    if (w.numberFormat) numberFormats[r][c] = w.numberFormat;
    texts[r][c] = valueText(w.value);
  }
  return { origin: { row: top, col: left }, values, formulas, numberFormats, texts };
}

/** The displayed text of a value as far as the add-in can tell without Excel's formatter. */
function valueText(value: CellValue): string {
  return value === null ? "" : String(value);
}
