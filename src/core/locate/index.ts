/**
 * Finds the appendix on a sheet the add-in may not have made, and in a workbook. The method, its thresholds and
 * its bounds are described in docs/LOCATE.md.
 */
export { FALLBACK_SCAN_ROWS } from "./columns";
export { HEADER_SCAN_ROWS, SCAN_COLS } from "./header";
export { END_GAP_ROWS, FUZZY_THRESHOLD, START_GAP_ROWS } from "./rows";
export { appendixHint } from "./hint";
export { locate, minimumMatches, type LocateOptions } from "./sheet";
export { locateInWorkbook, type HiddenChoice, type OtherAppendix, type SheetToLocate, type SplitAppendix, type WorkbookLocateResult } from "./workbook";
