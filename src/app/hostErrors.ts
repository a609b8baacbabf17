/**
 * The errors a host (AppendixHost) throws on purpose, for a surface to say in the user's language: never the raw
 * message. A HostError carries a coarse code; a WorkbookError (an action on an open workbook that failed) carries
 * its reason too, and hostErrorMessages.ts has its sentence. Anything else a host throws is shown as "generic".
 */
import type { FileLimits, Lang, WorkbookReadFailure } from "../core";

/**
 * Why a host operation failed. The file refusals ("empty" to "too_much_data") are the reader's own reasons
 * (src/xlsx/package/readSheets.ts, src/xlsx/readWorkbook.ts), each with its advice.
 */
export type HostErrorCode =
  | "read_failed"
  | "not_xlsx"
  | "no_workbook"
  | "busy"
  | "sample_missing"
  | "generic"
  | "empty"
  | "encrypted"
  | "old_xls"
  | "ods"
  | "too_large"
  | "too_much_data"
  /** the filled copy of a file was not written (CopyRefusedError) */
  | "copy_refused"
  /** a template was inserted in a file and other sheets were filled too: no single copy holds both */
  | "copy_with_template";

/** The host error code of each reason the reader refuses a file for ("damaged" is the pane's "read_failed"). */
export const READ_FAILURE_CODE: Readonly<Record<WorkbookReadFailure, HostErrorCode>> = {
  not_xlsx: "not_xlsx",
  damaged: "read_failed",
  empty: "empty",
  encrypted: "encrypted",
  old_xls: "old_xls",
  ods: "ods",
  too_large: "too_large",
  too_much_data: "too_much_data",
};

/** The reader's reason behind a host error code, when the code is a file refusal. */
export function readFailureOf(code: HostErrorCode): WorkbookReadFailure | undefined {
  return (Object.keys(READ_FAILURE_CODE) as WorkbookReadFailure[]).find((reason) => READ_FAILURE_CODE[reason] === code);
}

/**
 * The file limits a "too_large"/"too_much_data" refusal names. The host that refused fills them in from
 * src/xlsx/limits.ts, so the pane's first bundle never imports the reader (and its inflater) just for three numbers.
 */
export type { FileLimits } from "../core";

/** An error a host throws on purpose; anything else a host throws is shown as "generic". */
export class HostError extends Error {
  constructor(
    readonly code: HostErrorCode,
    message?: string,
    /** set with "too_large" and "too_much_data" */
    readonly limits?: FileLimits,
  ) {
    super(message ?? code);
    this.name = "HostError";
  }
}

/**
 * The filled copy of a file was not written: the surgical writer could not be sure the copy would be the user's
 * workbook with only the target cells changed. `reasons` is its sentence in each language (src/xlsx/package/messages.ts).
 */
export class CopyRefusedError extends HostError {
  constructor(readonly reasons: Readonly<Record<Lang, string>>) {
    super("copy_refused", `copy refused: ${reasons.en}`);
    this.name = "CopyRefusedError";
  }
}

/** Why an action on an open workbook (Excel) failed. */
export type WorkbookErrorReason =
  /** the sheet (or the cell) is protected */
  | "sheet_protected"
  /** the workbook structure is protected: no sheet can be added */
  | "workbook_protected"
  /** the sheet was deleted or renamed since it was read */
  | "sheet_missing"
  /** something else the action worked on changed or vanished meanwhile (a rule cleared, an undo, another window) */
  | "changed_meanwhile"
  /** the workbook is open read-only on the desktop (Protected View, a read-only file, one someone else has open) */
  | "read_only"
  /** the workbook is open for viewing only in Excel on the web (the Viewing mode, or view permission only) */
  | "view_only"
  /** one of Excel's dialogs is open; Excel refuses writes until it is closed */
  | "dialog_open"
  /** a co-author changed the same cells at the same time */
  | "conflict"
  /** Excel's session with the add-in ended (the workbook was closed or reopened, or the connection timed out) */
  | "session_expired"
  /** Excel could not load the sheet's conditional formats (two rules on one range), so the marks cannot be changed */
  | "marks_unreadable"
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

/** The coarse code of each reason (a surface shows "busy" and "generic" itself when it has no sentence for the reason). */
const CODE_OF_REASON: Readonly<Record<WorkbookErrorReason, HostErrorCode>> = {
  sheet_protected: "generic",
  workbook_protected: "generic",
  sheet_missing: "generic",
  changed_meanwhile: "generic",
  read_only: "generic",
  view_only: "generic",
  dialog_open: "busy",
  conflict: "generic",
  session_expired: "generic",
  marks_unreadable: "generic",
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
  readonly cause: WorkbookErrorReason;
}

/** An action on an open workbook that failed: `reason` picks the sentence, `partial` what a failed write may have left. */
export class WorkbookError extends HostError {
  constructor(
    readonly reason: WorkbookErrorReason,
    message?: string,
    readonly partial?: PartialWrite,
  ) {
    super(CODE_OF_REASON[reason], message ?? reason);
    this.name = "WorkbookError";
  }
}

/** The reason code of anything a host threw: a HostError's own code, otherwise "generic". */
export function errorCode(e: unknown): HostErrorCode {
  return e instanceof HostError ? e.code : "generic";
}
