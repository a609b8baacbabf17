/**
 * One unit's .xlsx as the consolidation keeps it: read, the one check of the sheets read (checkAppendixSheets, over
 * src/core/checkWorkbook.ts), reduced. A file that cannot be used is data (unreadable and why, or no appendix and
 * why), worded by the surfaces. Browser-safe: the pane and the command line share it. The file is read by the
 * streaming reader as check and fill read it: only the sheets that may hold the appendix become grids
 * (readAppendixSheets), so a unit's other sheets cost little.
 */
import {
  type FileModified, type Template, templates, type UnitFailure, unitReport, type UnitReport,
} from "../core";
import { documentModified } from "./documentModified";
import { unreadableOf } from "./limits";
import { checkAppendixSheets, readAppendixSheets, StreamReadError, type WorkbookRead } from "./package";
import type { WorkbookBytes } from "./readWorkbook";

/**
 * One unit's bytes reduced to what the consolidation keeps (the appendix looked for among `candidates`). Nothing of the
 * workbook is kept on return: a caller looping over files holds one at a time. `fileModified` (ISO) is the file system's or
 * the browser's date, used when the workbook's own properties give none.
 */
export async function unitFromBytes(
  file: string,
  bytes: WorkbookBytes,
  candidates: readonly Template[] = templates,
  fileModified: string | null = null,
): Promise<UnitReport | UnitFailure> {
  const data = bytes instanceof Uint8Array ? bytes : new Uint8Array(bytes);
  let read: WorkbookRead;
  try {
    read = readAppendixSheets(data, candidates);
  } catch (e) {
    if (!(e instanceof StreamReadError)) throw e;
    return { file, failure: "unreadable", unreadable: unreadableOf(e.reason) };
  }
  const sheets = read.sheets.map((s) => ({ name: s.name, grid: s.grid, hidden: s.hidden }));
  // The check of the sheets read, as `cchc check` and the pane make it: every sheet ruled out is "no appendix".
  const check = checkAppendixSheets(sheets, read.sheetNames, candidates);
  if (!check.found) return { file, failure: "no_appendix", appendix: check.failure };
  // checkWorkbook names one of the sheets it was given.
  const sheet = sheets.find((s) => s.name === check.sheet) as (typeof sheets)[number];
  const saved = documentModified(data);
  const modified: FileModified | null = saved ? { at: saved, from: "properties" } : fileModified ? { at: fileModified, from: "file_system" } : null;
  const rest = check.rest && sheets.find((s) => s.name === check.rest!.sheet);
  return unitReport(file, sheet.grid, check, modified, rest ? rest.grid : null);
}
