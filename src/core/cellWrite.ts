/**
 * What goes into a cell, in one place. A finding's fix, a computed cell, a template cell and a cell put back after a
 * failed write all say the same few things: which cell, the constant or the formula, what the cell then holds, and
 * the number format to set. The derived types add only what truly differs: the indicator's value beside the cell's
 * (a rate of 87.23 is 0.8723 in a `0.00%` cell), the relation a computed cell comes from.
 */
import type { Address, CellRef } from "./address";

/** One cell's content as written (or as it was, for a cell to put back). */
export interface CellWrite {
  /** The cell, on the sheet written (adapters make its A1 text). */
  readonly cell: Address;
  /**
   * What the cell holds once written: the constant (text always stays text: "02" or "=x" are never parsed), or a
   * formula's result where it is known (0.8723 in a `0.00%` cell). null: blank, or a result only the workbook's
   * calculation will give.
   */
  readonly cellValue: number | string | boolean | null;
  /** "=ROUND(D13/D12*100,2)" for a formula; absent for a constant. */
  readonly formula?: string;
  /** Set before the content (a "@" cell would keep a formula as text); absent: the cell keeps its own format. */
  readonly numberFormat?: string;
}

/** A change that resolves a finding: a write that gives the indicator a value, for the user to accept. */
export interface Fix extends CellWrite {
  /**
   * The sheet the cell is on when it is not the appendix's own sheet (the second sheet of an appendix split over
   * two): adapters write the fix there. Absent: the appendix's sheet.
   */
  readonly sheet?: string;
  /** The indicator's value once fixed, as the appendix means it (percent points for a rate: 87.23). */
  readonly value: number | string;
  /** What goes into the cell: the same as `value`, except a fraction where the cell shows percentages. */
  readonly cellValue: number | string;
}

/** A value the calculator derives, for an adapter to write: the formula, and its value for the indicator and the cell. */
export interface Patch extends Fix {
  readonly indicator: string;
  /** Formula text: references are A1 on the same sheet. */
  readonly formula: string;
  readonly value: number;
  readonly cellValue: number;
  /** Catalog relation that gives this cell. */
  readonly relation: string;
}

/** A cell as a host reads it before writing (to put it back if the write fails): its number format is always known. */
export interface CellState extends CellWrite {
  readonly numberFormat: string;
}

/** Where a write goes for a cell a finding names: its position, and its sheet when not the appendix's own. */
export function writeTarget(ref: CellRef): { readonly cell: Address; readonly sheet?: string } {
  return ref.sheet === undefined ? { cell: { row: ref.row, col: ref.col } } : { cell: { row: ref.row, col: ref.col }, sheet: ref.sheet };
}

/** The cell a fix or patch writes, as a finding would name it (with its sheet when not the appendix's own). */
export function writtenCell(w: { readonly cell: Address; readonly sheet?: string }): CellRef {
  return w.sheet === undefined ? w.cell : { ...w.cell, sheet: w.sheet };
}

/** Whether a cell holds nothing: no formula, no value (a formula showing "" is not blank: someone wrote it). */
export function isBlankCell(c: Pick<CellWrite, "cellValue" | "formula">): boolean {
  return !c.formula && (c.cellValue === null || c.cellValue === "");
}

/**
 * Whether writing `fix` over a cell holding `before` replaces something someone put there: anything but a blank cell
 * or the very formula the fix writes. Such a fix is written only once the user has seen old → new and confirmed.
 */
export function replacesContent(before: Pick<CellWrite, "cellValue" | "formula">, fix: Pick<CellWrite, "formula">): boolean {
  if (isBlankCell(before)) return false;
  return !(fix.formula !== undefined && before.formula === fix.formula);
}

/** Whether two states of a cell hold the same: the same formula (or value, text compared as text) and number format. */
export function sameCellState(a: CellState, b: CellState): boolean {
  const content = (c: CellState) => c.formula ?? (c.cellValue === null ? "" : String(c.cellValue));
  return content(a) === content(b) && a.numberFormat === b.numberFormat;
}
