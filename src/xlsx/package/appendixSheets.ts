/**
 * A workbook read for the appendix: the streaming reader (readSheets.ts) reads whole only the sheets whose first rows
 * show a heading or a label of one of the candidate forms; every other sheet is probed and dropped. The command
 * line's check and fill, the consolidation (command line and pane) read a unit's file through it. Browser-safe.
 */
import { appendixHint, checkWorkbook, type CheckOptions, FALLBACK_SCAN_ROWS, SCAN_COLS, type SheetGrid, type Template, type WorkbookCheck } from "../../core";
import { readWorkbookSheets, type WorkbookRead } from "./readSheets";

/** Per set of candidate forms: what a sheet's first rows must show to be read whole (built once per set). */
const hints = new WeakMap<readonly Template[], (text: string) => boolean>();

/**
 * The sheets of `bytes` that may hold an appendix of one of `candidates` (and `sheet`, whatever it holds, when given:
 * the user's choice, whose split partner may be another sheet). Throws `StreamReadError` for a file that is not a
 * readable .xlsx.
 */
export function readAppendixSheets(bytes: Uint8Array, candidates: readonly Template[], sheet?: string): WorkbookRead {
  let mayHold = hints.get(candidates);
  if (!mayHold) hints.set(candidates, (mayHold = appendixHint(candidates)));
  return readWorkbookSheets(bytes, { ...(sheet === undefined ? {} : { sheet }), mayHold, probeRows: FALLBACK_SCAN_ROWS, probeCols: SCAN_COLS });
}

/**
 * The one check of the sheets read (checkWorkbook) with what reading only some sheets changes: a workbook whose every
 * sheet the probe ruled out has no appendix ("no_header"), not no sheets; the sheets listed are all the workbook's.
 */
export function checkAppendixSheets(sheets: readonly SheetGrid[], sheetNames: readonly string[], candidates: readonly Template[], options: CheckOptions = {}): WorkbookCheck {
  const check = checkWorkbook(sheets, candidates, options);
  if (check.found) return check;
  const failure = check.failure.reason === "no_sheets" && sheetNames.length ? { reason: "no_header" as const } : check.failure;
  return { ...check, sheets: [...sheetNames], failure };
}
