/**
 * The template sheet the pane outside Excel inserts in a session, rendered by ExcelJS (renderPlan.ts): its grid for
 * the session's checks, and the new workbook the copy is then saved as. FileHost imports this module only when a
 * template is inserted, so opening and checking a file never loads ExcelJS.
 */
import type ExcelJS from "exceljs";
import { freeSheetName, type LayoutPlan } from "../core";
import type { CellWrite } from "./package/patchWorkbook";
import { templateWorkbook, workbookBytes } from "./renderPlan";

export { worksheetGrid } from "./readWorkbook";

/** The template rendered alone, named apart from `sheetNames` (the sheets of the user's file). */
export function renderPlan(plan: LayoutPlan, sheetNames: readonly string[]): ExcelJS.Worksheet {
  return templateWorkbook({ ...plan, sheetName: freeSheetName(plan.sheetName, sheetNames) }).worksheets[0];
}

/** A new workbook holding the template sheet with `writes` in its cells (formulas recalculated when opened). */
export async function templateCopy(plan: LayoutPlan, writes: readonly CellWrite[]): Promise<Uint8Array> {
  const workbook = templateWorkbook(plan);
  const ws = workbook.worksheets[0];
  for (const w of writes) {
    const cell = ws.getCell(w.cell.row + 1, w.cell.col + 1);
    cell.value = w.formula ? ({ formula: w.formula.replace(/^=/, ""), result: w.cellValue ?? undefined } as ExcelJS.CellFormulaValue) : w.cellValue;
    if (w.numberFormat) cell.numFmt = w.numberFormat;
  }
  if (writes.length) workbook.calcProperties = { ...workbook.calcProperties, fullCalcOnLoad: true };
  return workbookBytes(workbook);
}
