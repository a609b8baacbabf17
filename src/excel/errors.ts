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
  ) {
    super(
      reason,
      `${reason}${excelCode ? ` (${excelCode})` : ""}${detail ? `: ${detail}` : ""}${partial ? ` [${partial.sheet}: ${partial.cells.join(",")}]` : ""}`,
      partial,
    );
    this.name = "ExcelHostError";
  }
}

/** office-js error codes -> reasons (Excel.ErrorCodes and OfficeExtension.ErrorCodes). */
const BY_EXCEL_CODE: Readonly<Record<string, WorkbookErrorReason>> = {
  AccessDenied: "sheet_protected",
  ItemNotFound: "sheet_missing",
  InvalidOperationInCellEditMode: "cell_edit_mode",
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

/** Any error from an Excel batch as an ExcelHostError (already typed errors pass through). */
export function toExcelHostError(e: unknown): ExcelHostError {
  if (e instanceof ExcelHostError) return e;
  const code = excelCodeOf(e);
  const detail = e instanceof Error ? e.message : typeof e === "string" ? e : undefined;
  return new ExcelHostError((code && BY_EXCEL_CODE[code]) || "excel_failed", code, detail);
}
