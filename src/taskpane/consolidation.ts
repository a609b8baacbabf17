/**
 * Consolidation in the pane outside Excel: several units' .xlsx files -> the consolidation model -> TONG_HOP.xlsx.
 * Each file is reduced with the same `unitFromBytes` the command line uses; ExcelJS comes with a dynamic import(),
 * so it is only downloaded once a file is read (never inside Excel). Why a file failed is kept as a code and worded
 * at render time, so switching the language re-words every message and the workbook written afterwards.
 */
import { templates } from "../core/catalog";
import { consolidate, type Consolidation, type UnitFailure, type UnitReport } from "../core/consolidate";
import type { Lang } from "../core/lang";
import type { AppendixFailure } from "../core/location";
import { appendixFailureText } from "../core/messages/appendix";
import type { WorkbookReadFailure } from "../xlsx";
import type { Messages } from "./messages";

/** Why the pane could not use a file: the adapter's reason, or the browser failing to hand over the bytes. */
export type UnitReadFailure = WorkbookReadFailure | "not_read";

/** The cause of a failed file, kept as data until it is worded. */
export type FailureCause = { readonly kind: "read"; readonly reason: UnitReadFailure } | { readonly kind: "no_appendix"; readonly failure: AppendixFailure };

/** One file as the pane keeps it after reading: the reduced report (the workbook itself is dropped) and why it failed. */
export interface ReadUnit {
  readonly report: UnitReport | UnitFailure;
  readonly cause?: FailureCause;
}

/** Reads one unit's bytes into a `ReadUnit`. */
export type ReadUnitFn = (name: string, bytes: ArrayBuffer) => Promise<ReadUnit>;

/** The name of the downloaded summary. */
export const SUMMARY_FILE_NAME = "TONG_HOP.xlsx";

const isXlsxName = (name: string) => /\.xlsx$/i.test(name);

/** Reads a unit with ExcelJS, loaded on first use. */
export const readUnitWithExcelJs: ReadUnitFn = async (name, bytes) => {
  const { unitFromBytes } = await import(/* webpackChunkName: "xlsx" */ "../xlsx");
  let cause: FailureCause | undefined;
  // The words callbacks are the adapter's only report of why; the sentence itself is made later, in the pane's language.
  const report = await unitFromBytes(name, bytes, {
    readFailure: (reason) => {
      cause = { kind: "read", reason };
      return reason;
    },
    noAppendix: (failure) => {
      cause = { kind: "no_appendix", failure };
      return "";
    },
  });
  return cause ? { report, cause } : { report };
};

/** A file that could not be handed to the reader at all. */
function failed(file: string, reason: UnitReadFailure): ReadUnit {
  return { report: { file, failure: "unreadable" }, cause: { kind: "read", reason } };
}

/**
 * Reads the files one at a time (only one workbook in memory), calling `onProgress` after each. A file whose name is
 * not .xlsx, whose bytes cannot be read, or whose reading throws is kept as a failure: the others still consolidate.
 */
export async function readUnits(
  files: readonly File[],
  readUnit: ReadUnitFn,
  onProgress: (done: number, total: number) => void,
): Promise<ReadUnit[]> {
  const units: ReadUnit[] = [];
  for (const [i, file] of files.entries()) {
    if (!isXlsxName(file.name)) units.push(failed(file.name, "not_xlsx"));
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
          units.push(await readUnit(file.name, bytes));
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

/** The failure's sentence in the pane's language, for the consolidation issue that lists the file. */
function failureDetail(cause: FailureCause | undefined, t: Messages, lang: Lang): string | undefined {
  if (!cause) return undefined;
  return cause.kind === "read" ? t.unitReadFailures[cause.reason] : appendixFailureText(cause.failure, lang);
}

/** The consolidation of the read files, failures worded in `t`'s language. */
export function consolidateUnits(units: readonly ReadUnit[], t: Messages, lang: Lang): Consolidation {
  const reports = units.map(({ report, cause }): UnitReport | UnitFailure => {
    if (!("failure" in report)) return report;
    const detail = failureDetail(cause, t, lang);
    return detail ? { file: report.file, failure: report.failure, detail } : { file: report.file, failure: report.failure };
  });
  return consolidate(reports, templates);
}

/** TONG_HOP.xlsx for `c`, sheets and words in `lang`; ExcelJS loaded on first use. */
export async function summaryWorkbookBytes(c: Consolidation, lang: Lang): Promise<Uint8Array> {
  const { consolidationWorkbook } = await import(/* webpackChunkName: "xlsx" */ "../xlsx");
  return new Uint8Array((await consolidationWorkbook(c, lang).xlsx.writeBuffer()) as ArrayBuffer);
}

/** A unit's state in the status table. */
export type UnitState = "ready" | "review" | "left_out";

/** Ready, to review (in the summary with an error), or left out (unreadable, no appendix, sent twice). */
export function unitState(status: Consolidation["statuses"][number]): UnitState {
  return status.column === null ? "left_out" : status.ready ? "ready" : "review";
}
