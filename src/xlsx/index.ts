/**
 * The .xlsx adapter's entry point (ExcelJS), browser-safe: what the pane, the ribbon and the command line may use.
 * They import this folder, never its files (eslint.config.mjs).
 */
export { consolidationSteps, consolidationWorkbook, findingRow, type FindingRow, writeConsolidation } from "./consolidateWorkbook";
export { type CopyKind, FileHost, type FilePreview } from "./fileHost";
export { formWorkbook, formWorkbookBytes, readFormBytes } from "./formWorkbook";
export { MAX_CELLS, MAX_EXPANDED_BYTES, MAX_FILE_BYTES } from "./limits";
export { loadWorkbook, readWorkbook, worksheetGrid, WorkbookReadError } from "./readWorkbook";
export { unreadableOf } from "./limits";
export type { SheetGrid, WorkbookBytes, WorkbookReadFailure } from "./readWorkbook";
export { unitFromBytes } from "./unitFromBytes";
export { applyPatches, renderPlan, templateWorkbook, workbookBytes } from "./renderPlan";
export * from "./package";
