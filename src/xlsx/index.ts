/** The .xlsx adapter (ExcelJS), browser-safe. Node file access lives apart in ./node. */
export { loadWorkbook, readWorkbook, worksheetGrid, WorkbookReadError } from "./readWorkbook";
export type { SheetGrid, WorkbookBytes, WorkbookReadFailure } from "./readWorkbook";
export { applyPatches, freeSheetName, renderPlan, templateWorkbook, workbookBytes } from "./renderPlan";
