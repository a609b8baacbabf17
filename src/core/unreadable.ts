/**
 * Why a file could not be read, as data: the reader's refusal of its bytes, or (before that) the file system or the
 * browser failing to hand them over. Every surface words it with the one table in src/core/messages/unreadable.ts.
 */

/** The reader's reasons for refusing a file's bytes (src/xlsx/readWorkbook.ts). */
export type WorkbookReadFailure = "not_xlsx" | "old_xls" | "damaged" | "empty" | "encrypted" | "ods" | "too_large" | "too_much_data";

/**
 * Every reason a file may not be read: the reader's, and "not_found", "is_directory", "io_error" (the command line's
 * file system, with the system's code) and "not_read" (the browser could not hand the bytes over).
 */
export type UnreadableReason = WorkbookReadFailure | "not_found" | "is_directory" | "io_error" | "not_read";

/** The limits a "too_large" / "too_much_data" refusal names (src/xlsx/limits.ts). */
export interface FileLimits {
  readonly fileBytes: number;
  readonly expandedBytes: number;
  readonly cells: number;
}

/** A file that could not be read, and why. */
export interface Unreadable {
  readonly reason: UnreadableReason;
  /** the system's code for an "io_error" ("EACCES") */
  readonly system?: string;
  /** the limits passed, with "too_large" and "too_much_data" */
  readonly limits?: FileLimits;
}
