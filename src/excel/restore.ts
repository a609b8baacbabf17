/**
 * Putting cells back after a write batch that failed part-way. office-js batches are not transactions: the
 * commands before the failing one stay applied. The adapter keeps each sheet's grid as last read (the check's
 * one read), so it knows what the target cells held and can write it back in one more batch, in the order the
 * failed batch wrote them (so a cause that stops the batch at a cell, such as a locked cell on a sheet protected
 * after the check, stops the restore at the same cell, after every cell the failed batch reached is restored).
 * docs/OFFICE.md, "When a write fails".
 */
import { fromA1, toA1 } from "../core/address";
import type { Grid } from "../core/grid";
import { literalText } from "./writeCells";

/** What a cell held before a write: its content as Excel's `formulas` gives it, and its number format. */
export interface CellBefore {
  readonly cell: string;
  /** "=..." for a formula, else the constant ("" for a blank cell) */
  readonly content: string | number | boolean;
  readonly numberFormat: string;
  /** the content is text even if it starts with "=" (typed with an apostrophe, or written as a value) */
  readonly literal?: boolean;
}

/**
 * A cell's content from what Excel reports. Text typed as "'=x" comes back with formula and value both "=x";
 * a real formula's value is its result, so the two agree only for such text.
 */
function contentOf(formula: unknown, value: unknown): { content: string | number | boolean; literal: boolean } {
  if (typeof formula === "string" && formula.startsWith("=") && formula !== value) return { content: formula, literal: false };
  const v = value ?? "";
  return { content: typeof v === "string" || typeof v === "number" || typeof v === "boolean" ? v : String(v), literal: typeof v === "string" };
}

/** A sheet's state as last read, plus the cells the add-in wrote since (a later failure restores to those). */
export class SheetMemory {
  private readonly written = new Map<string, CellBefore>();
  constructor(private readonly grid: Grid) {}

  /**
   * The state of `cell`, or undefined when the read did not cover it: a cell outside the bounded used range has
   * no value, but its number format was never read.
   */
  before(cell: string): CellBefore | undefined {
    const at = fromA1(cell);
    if (!at) return undefined;
    const a1 = toA1(at);
    const known = this.written.get(a1);
    if (known) return { ...known, cell };
    const r = at.row - this.grid.origin.row;
    const c = at.col - this.grid.origin.col;
    const row = this.grid.values[r];
    if (r < 0 || !row || c < 0 || c >= row.length) return undefined;
    const numberFormat = this.grid.numberFormats?.[r]?.[c];
    if (numberFormat === undefined) return undefined;
    return { cell, ...contentOf(this.grid.formulas?.[r]?.[c], row[c]), numberFormat };
  }

  /** Records what a successful write put into `cell`. */
  wrote(state: CellBefore): void {
    const at = fromA1(state.cell);
    if (at) this.written.set(toA1(at), state);
  }
}

/** The content to write so that a cell holds `before.content` again, typed as Excel would keep it. */
export function restoreContent(before: CellBefore): string | number | boolean {
  const { content } = before;
  if (typeof content !== "string" || content === "" || (content.startsWith("=") && !before.literal)) return content;
  // A text-formatted cell keeps whatever is typed as text; elsewhere "02" or "TRUE" needs the apostrophe.
  return before.numberFormat === "@" ? content : literalText(content);
}

/** Queues, cell after cell in the given order, the number format and content each cell held. */
export function queueRestore(sheet: Excel.Worksheet, cells: readonly CellBefore[]): void {
  for (const b of cells) {
    const range = sheet.getRange(b.cell);
    const content = restoreContent(b);
    if (b.numberFormat === "@" && !b.literal && typeof content === "string" && content.startsWith("=")) {
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
export function queueReadCells(sheet: Excel.Worksheet, cells: readonly string[]): { resolve: () => CellBefore[] } {
  const ranges = cells.map((cell) => {
    const range = sheet.getRange(cell);
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

/** Whether a cell read now holds what `before` says it held. */
export function sameCell(now: CellBefore, before: CellBefore): boolean {
  return String(now.content) === String(before.content) && now.numberFormat === before.numberFormat;
}
