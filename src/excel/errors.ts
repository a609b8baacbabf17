/**
 * Typed errors of the office-js adapter. Every failure of an Excel batch becomes an ExcelHostError, a WorkbookError
 * with a stable `reason` (src/app/hostErrors.ts); the pane (or the ribbon command) turns it into a sentence with
 * `workbookErrorMessage` (src/app/hostErrorMessages.ts). The original office-js code is kept for the log, never
 * shown as the message.
 */
import { WorkbookError, type PartialWrite, type WorkbookErrorReason } from "../app/hostErrors";

/** An Excel action that failed; `reason` picks the message, `excelCode` is what office-js said (for the log). */
export class ExcelHostError extends WorkbookError {
  constructor(
    reason: WorkbookErrorReason,
    readonly excelCode?: string,
    readonly detail?: string,
    partial?: PartialWrite,
    /** where Excel says it failed (`debugInfo.errorLocation`, e.g. "ConditionalFormatCollection.getItem") */
    readonly location?: string,
  ) {
    super(
      reason,
      `${reason}${excelCode ? ` (${excelCode})` : ""}${detail ? `: ${detail}` : ""}${partial ? ` [${partial.sheet}: ${partial.cells.join(",")}]` : ""}`,
      partial,
    );
    this.name = "ExcelHostError";
  }
}

/**
 * office-js error codes -> reasons (Excel.ErrorCodes and OfficeExtension.ErrorCodes). ItemNotFound is read by its
 * location (`itemNotFoundReason`); AccessDenied is refined by the writer, which asks whether the sheet is protected.
 */
const BY_EXCEL_CODE: Readonly<Record<string, WorkbookErrorReason>> = {
  AccessDenied: "sheet_protected",
  InvalidOperationInCellEditMode: "cell_edit_mode",
  WriteNotSupportedWhenModalDialogOpen: "dialog_open",
  Conflict: "conflict",
  InvalidOrTimedOutSession: "session_expired",
  ApiNotFound: "api_unsupported",
  NotImplemented: "api_unsupported",
  UnsupportedFeature: "api_unsupported",
  RequestPayloadSizeLimitExceeded: "payload_too_large",
  ResponsePayloadSizeLimitExceeded: "payload_too_large",
};

/** The office-js error code of anything thrown, if it has one. */
export function excelCodeOf(e: unknown): string | undefined {
  if (e && typeof e === "object" && "code" in e && typeof (e as { code: unknown }).code === "string") {
    return (e as { code: string }).code;
  }
  return undefined;
}

/** Where Excel says an error happened (`debugInfo.errorLocation`), if it says. */
export function errorLocationOf(e: unknown): string | undefined {
  const info = e && typeof e === "object" && "debugInfo" in e ? (e as { debugInfo?: { errorLocation?: unknown } }).debugInfo : undefined;
  return typeof info?.errorLocation === "string" && info.errorLocation ? info.errorLocation : undefined;
}

/**
 * ItemNotFound by where it happened: a sheet looked up (WorksheetCollection.getItem, Worksheet.*) is a sheet deleted
 * or renamed; anything else (a conditional format the user cleared, an undo, the ribbon's runtime or a co-author
 * removed between the read and the write) is a change made meanwhile, and the write is repaired like any other.
 */
function itemNotFoundReason(location: string | undefined): WorkbookErrorReason {
  return location && /^Worksheet(Collection)?\./.test(location) ? "sheet_missing" : "changed_meanwhile";
}

/** Any error from an Excel batch as an ExcelHostError (already typed errors pass through). */
export function toExcelHostError(e: unknown): ExcelHostError {
  if (e instanceof ExcelHostError) return e;
  const code = excelCodeOf(e);
  const detail = e instanceof Error ? e.message : typeof e === "string" ? e : undefined;
  const location = errorLocationOf(e);
  const reason = code === "ItemNotFound" ? itemNotFoundReason(location) : (code && BY_EXCEL_CODE[code]) || "excel_failed";
  return new ExcelHostError(reason, code, detail, undefined, location);
}
