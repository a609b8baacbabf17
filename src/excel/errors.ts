/**
 * Typed errors of the office-js adapter. Every failure of an Excel batch becomes an ExcelHostError with a
 * stable `reason`; the pane (or the ribbon command) turns it into a sentence with `excelErrorMessage`
 * (messages.ts). The original office-js code is kept for the log, never shown as the message.
 */
import { HostError, type HostErrorCode } from "../taskpane/host";

/** Why an Excel action failed. */
export type ExcelErrorReason =
  /** the sheet (or the cell) is protected: AccessDenied */
  | "sheet_protected"
  /** the workbook structure is protected: no sheet can be added */
  | "workbook_protected"
  /** the sheet was deleted or renamed since it was read: ItemNotFound */
  | "sheet_missing"
  /** the user is editing a cell; Excel refuses API calls meanwhile */
  | "cell_edit_mode"
  /** this Excel lacks an API the action needs */
  | "api_unsupported"
  /** a request or response over Excel's 5 MB limit */
  | "payload_too_large"
  /** the workbook settings hold something the add-in did not write */
  | "settings_damaged"
  /** anything else Excel reported */
  | "excel_failed"
  /** a write failed part-way and putting the cells back failed too: `partial` says what may have changed */
  | "partly_written";

/** The pane's coarse code for each reason (the pane shows "busy" and "generic" itself). */
const PANE_CODE: Readonly<Record<ExcelErrorReason, HostErrorCode>> = {
  sheet_protected: "generic",
  workbook_protected: "generic",
  sheet_missing: "generic",
  cell_edit_mode: "busy",
  api_unsupported: "generic",
  payload_too_large: "generic",
  settings_damaged: "generic",
  excel_failed: "generic",
  partly_written: "generic",
};

/** What a write that failed part-way may have left changed (only with reason `partly_written`). */
export interface PartialWrite {
  readonly sheet: string;
  /** cells that may hold the add-in's write instead of what they held before */
  readonly cells: readonly string[];
  /** the sheet was being added by the template insert and may be left half-made */
  readonly newSheet?: boolean;
  /** marks (conditional formats) the add-in added may be left on the sheet */
  readonly marks?: boolean;
  /** the reason of the write's own failure */
  readonly cause: ExcelErrorReason;
}

/** An Excel action that failed; `reason` picks the message, `excelCode` is what office-js said. */
export class ExcelHostError extends HostError {
  constructor(
    readonly reason: ExcelErrorReason,
    readonly excelCode?: string,
    readonly detail?: string,
    readonly partial?: PartialWrite,
  ) {
    super(
      PANE_CODE[reason],
      `${reason}${excelCode ? ` (${excelCode})` : ""}${detail ? `: ${detail}` : ""}${partial ? ` [${partial.sheet}: ${partial.cells.join(",")}]` : ""}`,
    );
    this.name = "ExcelHostError";
  }
}

/** office-js error codes -> reasons (Excel.ErrorCodes and OfficeExtension.ErrorCodes). */
const BY_EXCEL_CODE: Readonly<Record<string, ExcelErrorReason>> = {
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
