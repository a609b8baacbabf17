/**
 * One unit's .xlsx as the consolidation keeps it: read, the one check (src/core/checkWorkbook.ts), reduced. A file
 * that cannot be used is data (unreadable and why, or no appendix and why), worded by the surfaces. Browser-safe:
 * the pane and the command line share it.
 */
import type ExcelJS from "exceljs";
import {
  checkWorkbook, type FileModified, type Template, templates, type UnitFailure, unitReport, type UnitReport,
} from "../core";
import { documentModified } from "./documentModified";
import { unreadableOf } from "./limits";
import { WorkbookReadError, loadWorkbook, worksheetGrid, type WorkbookBytes } from "./readWorkbook";

/**
 * One unit's bytes reduced to what the consolidation keeps (the appendix looked for among `candidates`). The workbook
 * is dropped on return: a caller looping over files holds one at a time. `fileModified` (ISO) is the file system's or
 * the browser's date, used when the workbook's own properties give none.
 */
export async function unitFromBytes(
  file: string,
  bytes: WorkbookBytes,
  candidates: readonly Template[] = templates,
  fileModified: string | null = null,
): Promise<UnitReport | UnitFailure> {
  let workbook: ExcelJS.Workbook;
  try {
    workbook = await loadWorkbook(bytes);
  } catch (e) {
    if (!(e instanceof WorkbookReadError)) throw e;
    return { file, failure: "unreadable", unreadable: unreadableOf(e.reason) };
  }
  const sheets = workbook.worksheets.map((w) => ({ name: w.name, grid: worksheetGrid(w), hidden: w.state !== "visible" }));
  const check = checkWorkbook(sheets, candidates);
  if (!check.found) return { file, failure: "no_appendix", appendix: check.failure };
  // checkWorkbook names one of the sheets it was given.
  const sheet = sheets.find((s) => s.name === check.sheet) as (typeof sheets)[number];
  const saved = documentModified(bytes instanceof Uint8Array ? bytes : new Uint8Array(bytes));
  const modified: FileModified | null = saved ? { at: saved, from: "properties" } : fileModified ? { at: fileModified, from: "file_system" } : null;
  return unitReport(file, sheet.grid, check, modified);
}
