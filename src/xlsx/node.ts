/** Node-only helpers of the file adapter (reading a workbook from disk); the rest of src/xlsx runs in the browser too. */
import * as fs from "fs";
import { loadWorkbook, readWorkbook, type SheetGrid } from "./readWorkbook";
import type ExcelJS from "exceljs";

/** Reads a workbook file's sheets as grids. Throws `WorkbookReadError` for a file that is not an .xlsx. */
export async function readWorkbookFile(path: string): Promise<SheetGrid[]> {
  return readWorkbook(fs.readFileSync(path));
}

/** Loads a workbook file for editing (the file itself is only read). */
export async function loadWorkbookFile(path: string): Promise<ExcelJS.Workbook> {
  return loadWorkbook(fs.readFileSync(path));
}
