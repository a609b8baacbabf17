/**
 * Cell positions, 0-based, and the only place A1 text is made or parsed. Inside the engine positions stay
 * structured; A1 text is made at the edges (messages, adapters, JSON, the pane) and parsed only where text comes
 * from outside (a file, a formula, an office-js address).
 */

/**
 * A cell position on the sheet at hand (the grid being read, the sheet being written), 0-based. It never names a
 * sheet, so a `CellRef` on another sheet cannot pass for one without the compiler saying so.
 */
export interface Address {
  readonly row: number;
  readonly col: number;
  readonly sheet?: never;
}

/**
 * A cell a finding or fix names: its position, and the name of its sheet when that is not the sheet the appendix
 * was read from (an appendix continued on a second sheet). Without `sheet` it is on the appendix's sheet.
 */
export interface CellRef {
  readonly row: number;
  readonly col: number;
  readonly sheet?: string;
}

/** A rectangle of cells, both corners included. */
export interface CellRange {
  readonly from: Address;
  readonly to: Address;
}

/** Builds an address. */
export function address(row: number, col: number): Address {
  return { row, col };
}

/** Column letters for a 0-based column index: 0 -> "A", 26 -> "AA". */
export function columnLetters(col: number): string {
  let n = col + 1;
  let out = "";
  while (n > 0) {
    const rem = (n - 1) % 26;
    out = String.fromCharCode(65 + rem) + out;
    n = Math.floor((n - 1) / 26);
  }
  return out;
}

/** 0-based column index for column letters: "A" -> 0. */
export function columnIndex(letters: string): number {
  let n = 0;
  for (const ch of letters.toUpperCase()) n = n * 26 + (ch.charCodeAt(0) - 64);
  return n - 1;
}

/** "D12" for {row: 11, col: 3} (the position only: `cellA1` names another sheet). */
export function toA1(a: Address | CellRef): string {
  return `${columnLetters(a.col)}${a.row + 1}`;
}

/** "$D$12": the absolute reference (workbook names, print titles). */
export function absoluteA1(a: Address): string {
  return `$${columnLetters(a.col)}$${a.row + 1}`;
}

/** "A1:E3" for two corners. */
export function rangeA1(from: Address, to: Address): string {
  return `${toA1(from)}:${toA1(to)}`;
}

const A1 = /^\$?([A-Za-z]{1,3})\$?(\d{1,7})$/;

/** Parses "D12" or "$D$12"; returns null for anything else. */
export function fromA1(text: string): Address | null {
  const m = A1.exec(text.trim());
  if (!m) return null;
  return { row: Number(m[2]) - 1, col: columnIndex(m[1]) };
}

/** A stable key for maps (the position only: `cellKey` tells sheets apart). */
export function addressKey(a: Address | CellRef): string {
  return `${a.row}:${a.col}`;
}

/** A stable key for maps of cells that may lie on another sheet. */
export function cellKey(c: CellRef): string {
  return c.sheet === undefined ? addressKey(c) : `${c.sheet}!${addressKey(c)}`;
}

/** The position of a cell on the appendix's own sheet; null for a cell on another sheet. */
export function ownSheetAddress(c: CellRef): Address | null {
  return c.sheet === undefined ? { row: c.row, col: c.col } : null;
}

/** The same cell (same sheet, row and column). */
export function sameCell(a: CellRef, b: CellRef): boolean {
  return a.row === b.row && a.col === b.col && a.sheet === b.sheet;
}

/** Reading order: the appendix's own sheet first, then other sheets by name; then row, then column. */
export function compareCells(a: CellRef, b: CellRef): number {
  if (a.sheet !== b.sheet) {
    if (a.sheet === undefined) return -1;
    if (b.sheet === undefined) return 1;
    return a.sheet < b.sheet ? -1 : 1;
  }
  return a.row - b.row || a.col - b.col;
}

/** "Sheet1!" or "'Phụ lục (2)'!": a sheet name as a formula or a reader writes it before a cell. */
export function sheetPrefix(sheet: string): string {
  return /^[A-Za-z_][A-Za-z0-9_.]*$/.test(sheet) && !/^[A-Za-z]{1,3}\d+$/.test(sheet) && !/^[rRcC]\d*$/.test(sheet)
    ? `${sheet}!`
    : `'${sheet.replace(/'/g, "''")}'!`;
}

/** "D12" for a cell on the appendix's sheet, "'Phụ lục (2)'!D12" for one on another sheet. */
export function cellA1(c: CellRef): string {
  return c.sheet === undefined ? toA1(c) : `${sheetPrefix(c.sheet)}${toA1(c)}`;
}

/** "A1:E3", or "D12" for a range of one cell. */
export function cellRangeA1(r: CellRange): string {
  return r.from.row === r.to.row && r.from.col === r.to.col ? toA1(r.from) : rangeA1(r.from, r.to);
}
