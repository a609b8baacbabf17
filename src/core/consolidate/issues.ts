/**
 * The problems of a batch, not of one cell: the same unit twice, another period or template, a file that could not
 * be used. Each is data with a code and a typed detail; src/core/messages/consolidate*.ts word them.
 */
import type { Severity } from "../finding";
import type { AppendixFailure } from "../location";
import type { Period } from "../period";
import type { Unreadable } from "../unreadable";

/** What each consolidation issue carries besides its file and unit (null: nothing). */
export interface IssueDetails {
  readonly file_unreadable: Unreadable;
  readonly no_appendix: AppendixFailure;
  readonly duplicate_unit: { readonly firstFile: string };
  readonly period_mismatch: { readonly period: Period; readonly expected: Period };
  readonly template_mismatch: { readonly template: string; readonly expected: string };
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
  file_unreadable: "error",
  no_appendix: "error",
  duplicate_unit: "error",
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
