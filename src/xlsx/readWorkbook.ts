/**
 * .xlsx -> the engine's grids. Browser-safe (no Node imports): the command line and the pane outside Excel
 * both hand it the file's bytes.
 */
import ExcelJS from "exceljs";
import type { Address, CellState, CellValue, Grid, SheetGrid, WorkbookReadFailure } from "../core";
import { dateSerial, displayText } from "./cellText";
import { inspectWorkbookBytes, MAX_GRID_COLS, MAX_GRID_ROWS } from "./limits";
import { numberRowsAndCells } from "./rowNumbers";

export type { SheetGrid } from "../core";
/**
 * Why a file could not be read as a workbook (src/core/unreadable.ts). "too_large": the file passes MAX_FILE_BYTES;
 * "too_much_data": it expands past MAX_EXPANDED_BYTES, MAX_ENTRIES or MAX_CELLS (limits.ts).
 */
export type { WorkbookReadFailure } from "../core";

/** Thrown by `loadWorkbook`/`readWorkbook` for a file that is not a readable .xlsx (misuse of the file, not a bug). */
export class WorkbookReadError extends Error {
  constructor(readonly reason: WorkbookReadFailure, readonly causeText?: string) {
    super(`workbook not readable: ${reason}${causeText ? ` (${causeText})` : ""}`);
    this.name = "WorkbookReadError";
  }
}

/** Bytes as ExcelJS wants them in Node and in the browser. */
export type WorkbookBytes = ArrayBuffer | Uint8Array;

function bytesOf(data: WorkbookBytes): Uint8Array {
  return data instanceof Uint8Array ? data : new Uint8Array(data);
}

/**
 * Loads an .xlsx, telling a non-zip file, an old .xls, a password-protected workbook, an .ods and a damaged zip
 * apart; bytes past the limits of limits.ts are refused before ExcelJS sees them.
 */
export async function loadWorkbook(data: WorkbookBytes): Promise<ExcelJS.Workbook> {
  const bytes = bytesOf(data);
  const inspected = inspectWorkbookBytes(bytes);
  if (!inspected.ok) {
    const f = inspected.failure;
    throw new WorkbookReadError(f.reason, "detail" in f ? f.detail : undefined);
  }
  let workbook = new ExcelJS.Workbook();
  try {
    // ExcelJS's typings want a Node Buffer; at run time it takes any ArrayBuffer view (JSZip underneath).
    await workbook.xlsx.load(bytes as unknown as ExcelJS.Buffer);
  } catch (e) {
    // Rows and cells without `r` (some writers omit it; Excel and LibreOffice open the file): numbered, then read.
    let numbered: Uint8Array | null = null;
    try {
      numbered = numberRowsAndCells(bytes);
    } catch {
      numbered = null;
    }
    if (!numbered) throw new WorkbookReadError("damaged", e instanceof Error ? e.message : String(e));
    workbook = new ExcelJS.Workbook();
    try {
      await workbook.xlsx.load(numbered as unknown as ExcelJS.Buffer);
    } catch (again) {
      throw new WorkbookReadError("damaged", again instanceof Error ? again.message : String(again));
    }
  }
  if (workbook.worksheets.length === 0) throw new WorkbookReadError("damaged", "no worksheet");
  return workbook;
}

/** A scalar from whatever ExcelJS holds (a formula's result, rich text, a hyperlink, an error). */
function scalar(v: unknown): { value: CellValue; date?: Date } {
  if (v === null || v === undefined) return { value: null };
  if (typeof v === "number" || typeof v === "string" || typeof v === "boolean") return { value: v };
  if (v instanceof Date) return { value: dateSerial(v), date: v };
  if (typeof v === "object") {
    const o = v as Record<string, unknown>;
    if (typeof o.error === "string") return { value: o.error };
    if (Array.isArray(o.richText)) return { value: o.richText.map((r: { text?: string }) => r.text ?? "").join("") };
    if ("formula" in o || "sharedFormula" in o) return scalar(o.result);
    if (typeof o.text === "string") return { value: o.text };
    if (o.text && typeof o.text === "object") return scalar(o.text);
  }
  return { value: String(v) };
}


/** The last row and column holding a value or formula (styles alone do not count), within the limits. */
function usedExtent(ws: ExcelJS.Worksheet): { rows: number; cols: number } {
  let rows = 0;
  let cols = 0;
  ws.eachRow({ includeEmpty: false }, (row, r) => {
    if (r > MAX_GRID_ROWS) return;
    row.eachCell({ includeEmpty: false }, (cell, c) => {
      if (c > MAX_GRID_COLS || cell.value === null || cell.value === undefined) return;
      rows = Math.max(rows, r);
      cols = Math.max(cols, c);
    });
  });
  return { rows, cols };
}

/** One worksheet as a grid from A1 to its last used cell; a merged area's value sits only in its top-left cell. */
export function worksheetGrid(ws: ExcelJS.Worksheet): Grid {
  const { rows, cols } = usedExtent(ws);
  const values: CellValue[][] = [];
  const formulas: string[][] = [];
  const numberFormats: string[][] = [];
  const texts: string[][] = [];
  for (let r = 1; r <= rows; r++) {
    const vRow: CellValue[] = [];
    const fRow: string[] = [];
    const nRow: string[] = [];
    const tRow: string[] = [];
    const row = ws.getRow(r);
    for (let c = 1; c <= cols; c++) {
      const cell = row.getCell(c);
      const format = cell.numFmt || "General";
      if (cell.isMerged && cell.master !== cell) {
        vRow.push(null);
        fRow.push("");
        nRow.push(format);
        tRow.push("");
        continue;
      }
      const { value, date, formula } = contentOf(cell);
      vRow.push(value);
      fRow.push(formula);
      nRow.push(format);
      tRow.push(displayText(value, format, date));
    }
    values.push(vRow);
    formulas.push(fRow);
    numberFormats.push(nRow);
    texts.push(tRow);
  }
  return { origin: { row: 0, col: 0 }, values, formulas, numberFormats, texts };
}

/** A cell's value (a formula's result) and its formula ("=…", or "" for a constant). */
function contentOf(cell: ExcelJS.Cell): { value: CellValue; date?: Date; formula: string } {
  const formula = cell.type === ExcelJS.ValueType.Formula ? cell.formula : "";
  // ExcelJS leaves an empty-text result ("") out of a formula's value; its result still holds it.
  const { value, date } = scalar(formula ? (cell.result ?? null) : cell.value);
  return { value, date, formula: formula ? `=${formula}` : "" };
}

/** What one cell holds, as a grid reads it: its value (a formula's result), its formula and its number format. */
export function cellState(ws: ExcelJS.Worksheet, at: Address): CellState {
  const cell = ws.getCell(at.row + 1, at.col + 1);
  const { value, formula } = contentOf(cell);
  const numberFormat = cell.numFmt || "General";
  return formula ? { cell: at, cellValue: value, formula, numberFormat } : { cell: at, cellValue: value, numberFormat };
}

/** Every worksheet of an .xlsx as a grid, in workbook order. Throws `WorkbookReadError` for a file that is not one. */
export async function readWorkbook(data: WorkbookBytes): Promise<SheetGrid[]> {
  const workbook = await loadWorkbook(data);
  return workbook.worksheets.map((ws) => ({ name: ws.name, grid: worksheetGrid(ws), hidden: ws.state !== "visible" }));
}
