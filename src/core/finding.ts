/** The contract between the engine and every surface: findings are data, never display text. */

export type Severity = "error" | "warning" | "info";

/** A value seen or expected, as a finding reports it. */
export type FindingValue = number | string | null;

/** A change that resolves a finding, for the user to accept. */
export interface Fix {
  /** A1 address of the cell to change. */
  readonly cell: string;
  /** The value to write. */
  readonly value: number | string;
  /** A formula to write instead of a plain value, when the fix is a computed cell. */
  readonly formula?: string;
  /** Number format to set with the value (e.g. "0.00" when turning 0.87 into 87). */
  readonly numberFormat?: string;
}

/** One thing the engine has to say about the sheet. `code` picks the message in each language. */
export interface Finding {
  readonly code: string;
  readonly severity: Severity;
  /** Indicator id ("I.1.2"); "" for findings about the sheet as a whole. */
  readonly indicator: string;
  /** Primary cell, A1. */
  readonly cell: string;
  /** Every cell involved, primary first. */
  readonly cells: readonly string[];
  readonly actual: FindingValue;
  readonly expected: FindingValue;
  readonly fix: Fix | null;
  /** Relation id from the catalog, for relation findings. */
  readonly relation?: string;
  /** Extra named values a message may use (the other indicator's id, its value, a caveat...). */
  readonly detail?: Readonly<Record<string, FindingValue | readonly string[]>>;
}

/** Errors first, then warnings, then infos; stable within a severity. */
export function severityRank(s: Severity): number {
  return s === "error" ? 0 : s === "warning" ? 1 : 2;
}
