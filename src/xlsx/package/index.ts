/**
 * The .xlsx adapter's second entry point, without ExcelJS: the streaming reader and the surgical writer
 * (docs/WRITING.md). The command line's check and fill import it alone, so they never load ExcelJS.
 */
export { refusalText } from "./messages";
export { patchWorkbook, workbookFileExtension, type CellWrite, type PatchRefusal, type PatchResult } from "./patchWorkbook";
export { checkAppendixSheets, readAppendixSheets } from "./appendixSheets";
export { readWorkbookSheets, StreamReadError, type SheetRead, type WorkbookRead } from "./readSheets";
export type { SheetGrid, WorkbookReadFailure } from "../readWorkbook";
export { MAX_CELLS, MAX_EXPANDED_BYTES, MAX_FILE_BYTES, unreadableOf } from "../limits";
