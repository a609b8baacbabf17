/**
 * The problems of a batch, not of one cell: the same unit twice, another period or template. Each is data with a
 * code and a typed detail; src/core/messages/consolidate*.ts word them. A file that could not be used at all is no
 * unit and has no issue: it is listed apart (`Consolidation.unusable`).
 */
import type { Severity } from "../finding";
import type { Period } from "../period";
import type { FileModified } from "./unit";

/**
 * Why, of a unit's two files of the same period, one was kept: the user chose it, its period is the batch's own (the
 * other's lacks the year), it was saved later, or nothing tells them apart and it came first; or both are the same file.
 */
export type KeepReason = "preferred" | "period" | "modified" | "first_given" | "same_file";

/** What each consolidation issue carries besides its file and unit (null: nothing). */
export interface IssueDetails {
  /** On the file set aside: the unit's file kept instead, and why. */
  readonly duplicate_unit: {
    readonly keptFile: string;
    readonly why: KeepReason;
    readonly modified: FileModified | null;
    readonly keptModified: FileModified | null;
  };
  /** On the file kept: the unit's other file set aside, and why (the choice is said where it is made). */
  readonly kept_over: {
    readonly otherFile: string;
    readonly why: KeepReason;
    readonly modified: FileModified | null;
    readonly otherModified: FileModified | null;
  };
  /**
   * The appendix is only on a hidden sheet (a hidden "PL 2023", as a rule last period's copy): set aside until the
   * user includes it (`--include-hidden FILE`, the pane's choice).
   */
  readonly hidden_sheet_only: { readonly sheet: string };
  /** The hidden sheet was included because the user chose it: said on the file. */
  readonly hidden_sheet_included: { readonly sheet: string };
  /** A report of another period from a unit that has a file in the summary: set aside, not a duplicate. */
  readonly other_period: { readonly period: Period; readonly keptFile: string; readonly keptPeriod: Period | null };
  readonly period_mismatch: { readonly period: Period; readonly expected: Period };
  /** Forms by id and by title (the title is what a user knows; the id when the form is not loaded). */
  readonly template_mismatch: {
    readonly template: string;
    readonly expected: string;
    readonly templateTitle: string;
    readonly expectedTitle: string;
    /** The versions of the unit's form and of the batch's, when the forms have one (the same id: another version). */
    readonly version?: string;
    readonly expectedVersion?: string;
  };
  readonly unit_name_missing: null;
  readonly period_missing: null;
  readonly period_year_missing: { readonly period: Period };
  readonly period_from_file_name: { readonly period: Period };
  readonly template_rows_differ: { readonly missing: number; readonly unrecognized: number };
  readonly same_figures: { readonly otherFile: string; readonly otherUnit: string };
  readonly rate_parts_incomplete: { readonly numerator: string; readonly denominator: string; readonly given: string };
}

/** A consolidation issue's code. */
export type ConsolidationIssueCode = keyof IssueDetails;

/** One consolidation issue of a given code, about one file. */
export type ConsolidationIssueOf<K extends ConsolidationIssueCode> = {
  readonly code: K;
  readonly severity: Severity;
  readonly file: string;
  /** The unit as the summary names it. */
  readonly unit: string;
  /** Indicator id, for issues about one row. */
  readonly indicator?: string;
} & (IssueDetails[K] extends null ? { readonly detail?: undefined } : { readonly detail: IssueDetails[K] });

/** One consolidation issue, about one file: a union keyed by code. */
export type ConsolidationIssue = { [K in ConsolidationIssueCode]: ConsolidationIssueOf<K> }[ConsolidationIssueCode];

/** How serious each issue is: a file left out or not comparable is an error; a doubt is a warning. */
export const ISSUE_SEVERITY: Readonly<Record<ConsolidationIssueCode, Severity>> = {
  // The newer file is kept and the choice stated: nothing left to fix, but worth a look.
  duplicate_unit: "warning",
  kept_over: "info",
  other_period: "warning",
  // Not a fault of the report, but nothing of it is in the summary until the user says so.
  hidden_sheet_only: "warning",
  hidden_sheet_included: "info",
  period_mismatch: "error",
  template_mismatch: "error",
  unit_name_missing: "warning",
  period_missing: "warning",
  period_year_missing: "warning",
  period_from_file_name: "info",
  template_rows_differ: "warning",
  same_figures: "warning",
  rate_parts_incomplete: "warning",
};

/** Every consolidation issue code; messages (consolidate.vi.ts / .en.ts) word each. */
export const consolidationIssueCodes = Object.keys(ISSUE_SEVERITY) as readonly ConsolidationIssueCode[];
