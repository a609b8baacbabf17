/**
 * Putting cells back after a write batch that failed part-way. office-js batches are not transactions: the
 * commands before the failing one stay applied. The adapter keeps each sheet's grid as last read (the check's
 * one read), so it knows what the target cells held and can write it back in one more batch, in the order the
 * failed batch wrote them (so a cause that stops the batch at a cell, such as a locked cell on a sheet protected
 * after the check, stops the restore at the same cell, after every cell the failed batch reached is restored).
 * docs/OFFICE.md, "When a write fails".
 */
import { type Address, addressKey, type CellState, type Grid, toA1 } from "../core";
import { literalText } from "./writeCells";

/**
 * A cell's content from what Excel reports. Text typed as "'=x" comes back with formula and value both "=x";
 * a real formula's value is its result, so the two agree only for such text.
 */
function contentOf(formula: unknown, value: unknown): Pick<CellState, "cellValue" | "formula"> {
  const v = value === undefined || value === "" ? null : value;
  const cellValue = v === null || typeof v === "string" || typeof v === "number" || typeof v === "boolean" ? v : String(v);
  if (typeof formula === "string" && formula.startsWith("=") && formula !== value) return { formula, cellValue };
  return { cellValue };
}

/** A sheet's state as last read, plus the cells the add-in wrote since (a later failure restores to those). */
export class SheetMemory {
  private readonly written = new Map<string, CellState>();
  constructor(private readonly grid: Grid) {}

  /**
   * The state of `cell`, or undefined when the read did not cover it: a cell outside the bounded used range has
   * no value, but its number format was never read.
   */
  before(cell: Address): CellState | undefined {
    const known = this.written.get(addressKey(cell));
    if (known) return { ...known, cell };
    const r = cell.row - this.grid.origin.row;
    const c = cell.col - this.grid.origin.col;
    const row = this.grid.values[r];
    if (r < 0 || !row || c < 0 || c >= row.length) return undefined;
    const numberFormat = this.grid.numberFormats?.[r]?.[c];
    if (numberFormat === undefined) return undefined;
    return { cell, ...contentOf(this.grid.formulas?.[r]?.[c], row[c]), numberFormat };
  }

  /** Records what a successful write put into `cell`. */
  wrote(state: CellState): void {
    this.written.set(addressKey(state.cell), state);
  }
}

/** The content to write so that a cell holds what `before` says again, typed as Excel would keep it. */
export function restoreContent(before: CellState): string | number | boolean {
  if (before.formula) return before.formula;
  const v = before.cellValue;
  if (v === null || typeof v !== "string" || v === "") return v ?? "";
  // A text-formatted cell keeps whatever is typed as text; elsewhere "02" or "TRUE" needs the apostrophe.
  return before.numberFormat === "@" ? v : literalText(v);
}

/** Queues, cell after cell in the given order, the number format and content each cell held. */
export function queueRestore(sheet: Excel.Worksheet, cells: readonly CellState[]): void {
  for (const b of cells) {
    const range = sheet.getRange(toA1(b.cell));
    const content = restoreContent(b);
    if (b.numberFormat === "@" && b.formula) {
      // A formula in a text-formatted cell was entered before the format: the same order keeps it a formula.
      range.formulas = [[content]];
      range.numberFormat = [[b.numberFormat]];
    } else {
      range.numberFormat = [[b.numberFormat]];
      range.formulas = [[content]];
    }
  }
}

/** Queues a load of each cell's value, formula and number format; `resolve` gives their states after the sync. */
export function queueReadCells(sheet: Excel.Worksheet, cells: readonly Address[]): { resolve: () => CellState[] } {
  const ranges = cells.map((cell) => {
    const range = sheet.getRange(toA1(cell));
    range.load(["values", "formulas", "numberFormat"]);
    return { cell, range };
  });
  return {
    resolve: () =>
      ranges.map(({ cell, range }) => {
        const nf = range.numberFormat[0]?.[0];
        return { cell, ...contentOf(range.formulas[0]?.[0], range.values[0]?.[0]), numberFormat: typeof nf === "string" ? nf : "General" };
      }),
  };
}
