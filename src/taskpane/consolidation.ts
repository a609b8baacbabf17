/**
 * Consolidation in the pane outside Excel: several units' .xlsx files -> the consolidation model -> TONG_HOP.xlsx.
 * Each file is reduced with the same `unitFromBytes` the command line uses; ExcelJS comes with a dynamic import(),
 * so it is only downloaded once a file is read (never inside Excel). Why a file failed is kept as data and worded
 * at render time, so switching the language re-words every message and the workbook written afterwards.
 */
import {
  consolidate, type ConsolidateOptions, type Consolidation, isLockFileName, type Lang, templates, type UnitFailure,
  type UnitReport, type UnreadableReason,
} from "../core";

/** One file as the pane keeps it after reading: the reduced report (the workbook itself is dropped), or why it failed, as data. */
export type ReadUnit = UnitReport | UnitFailure;

/** Reads one unit's bytes into a `ReadUnit`; `modified` (ISO) is the browser's last-modified date of the file. */
export type ReadUnitFn = (name: string, bytes: ArrayBuffer, modified: string | null) => Promise<ReadUnit>;

/** The name of the downloaded summary. */
export const SUMMARY_FILE_NAME = "TONG_HOP.xlsx";

const isXlsxName = (name: string) => /\.xlsx$/i.test(name);

/** Reads a unit with ExcelJS, loaded on first use. */
export const readUnitWithExcelJs: ReadUnitFn = async (name, bytes, modified) => {
  const { unitFromBytes } = await import(/* webpackChunkName: "xlsx" */ "../xlsx");
  return unitFromBytes(name, bytes, undefined, modified);
};

/** The browser's last-modified date of a file (ISO), when it gives one. */
function lastModified(file: File): string | null {
  return Number.isFinite(file.lastModified) && file.lastModified > 0 ? new Date(file.lastModified).toISOString() : null;
}

/** A file that could not be handed to the reader at all. */
function failed(file: string, reason: UnreadableReason): ReadUnit {
  return { file, failure: "unreadable", unreadable: { reason } };
}

/**
 * Reads the files one at a time (only one workbook in memory), calling `onProgress` after each. A file whose name is
 * not .xlsx, whose bytes cannot be read, or whose reading throws is kept as a failure: the others still consolidate.
 * An office lock file (~$…, dropped with a folder's files while a workbook is open) is skipped unread.
 */
export async function readUnits(
  files: readonly File[],
  readUnit: ReadUnitFn,
  onProgress: (done: number, total: number) => void,
): Promise<ReadUnit[]> {
  const units: ReadUnit[] = [];
  for (const [i, file] of files.entries()) {
    if (isLockFileName(file.name)) units.push({ file: file.name, failure: "lock_file" });
    else if (!isXlsxName(file.name)) units.push(failed(file.name, "not_xlsx"));
    else {
      let bytes: ArrayBuffer | null = null;
      try {
        bytes = await file.arrayBuffer();
      } catch (e) {
        console.warn(`CCHC pane: the browser could not read ${file.name}`, e);
        units.push(failed(file.name, "not_read"));
      }
      if (bytes) {
        try {
          units.push(await readUnit(file.name, bytes, lastModified(file)));
        } catch (e) {
          // An unexpected failure on one file's content must not lose the batch: that file is listed as unreadable,
          // and the error goes to the console (it may be a bug of ours rather than the file's).
          console.error(`CCHC pane: reading ${file.name} failed unexpectedly`, e);
          units.push(failed(file.name, "damaged"));
        }
      }
    }
    onProgress(i + 1, files.length);
  }
  return units;
}

/**
 * The consolidation of the read files, for the period and the preferred files the user chose (`--period` and
 * `--prefer` of the command line); failures stay data, worded where they are shown (in the pane's language).
 */
export function consolidateUnits(units: readonly ReadUnit[], options: ConsolidateOptions = {}): Consolidation {
  return consolidate(units, templates, options);
}

/** TONG_HOP.xlsx for `c`, sheets and words in `lang`; ExcelJS loaded on first use. */
export async function summaryWorkbookBytes(c: Consolidation, lang: Lang): Promise<Uint8Array> {
  const { consolidationWorkbook } = await import(/* webpackChunkName: "xlsx" */ "../xlsx");
  return new Uint8Array((await consolidationWorkbook(c, lang).xlsx.writeBuffer()) as ArrayBuffer);
}

/** A unit's file's state in the status table. */
export type UnitState = "ready" | "review" | "set_aside";

/**
 * Ready, to review (in the summary with an error), or set aside (another file of the unit is used, or another form).
 * A file that could not be read is no unit: it has no state here (`Consolidation.unusable`).
 */
export function unitState(status: Consolidation["statuses"][number]): UnitState {
  return status.column === null ? "set_aside" : status.ready ? "ready" : "review";
}
