/**
 * The contract between the engine and every surface: findings are data, never display text. A finding is a union
 * keyed by its code; each code carries the detail its messages need, typed, so the message tables can be checked
 * by the compiler.
 */
import type { CellRef } from "./address";
import type { Caveat } from "./catalog/model";
import type { Fix } from "./cellWrite";
import type { Day, PeriodKind } from "./period";
import type { FindingCode } from "./rules/codes";

export type { FindingCode } from "./rules/codes";

export type Severity = "error" | "warning" | "info";

/** A value seen or expected, as a finding reports it. */
export type FindingValue = number | string | null;

export type { Address, CellRef } from "./address";

export type { Fix } from "./cellWrite";

/** An indicator a finding names, with its value cell (null when the sheet has no row for it). */
export interface IndicatorAt {
  readonly indicator: string;
  readonly cell: CellRef | null;
}

/** An indicator a finding names, with its value cell and the number a relation read there (null: blank or unusable). */
export interface IndicatorValue extends IndicatorAt {
  readonly value: number | null;
}

/** A relation skipped because a cell it reads has no value to go by, and the other indicators it reads. */
export interface SkippedRelation {
  readonly relation: string;
  readonly others: readonly IndicatorAt[];
}

/** The inputs of a rate: numerator / denominator x 100. */
export interface RateInputs {
  readonly kind: "rate";
  readonly numerator: IndicatorValue;
  readonly denominator: IndicatorValue;
}

/**
 * A rate typed otherwise than as a plain number, whose reading warning is folded into the rate's own finding (one
 * slip, one finding): as text ("87,2%"), as a fraction (0.872 for 87.2) or as "1,234" read one way. `actual` is what
 * the cell holds.
 */
export interface TypedRate {
  readonly as: "text" | "fraction" | "ambiguous";
  readonly actual: FindingValue;
}

/** The inputs of a total: the sum of its parts. */
export interface SumInputs {
  readonly kind: "sum";
  readonly parts: readonly IndicatorValue[];
}

/** What the calculator computed a value from. */
export type ComputedInputs = RateInputs | SumInputs;

/**
 * A bound the value must respect where nothing determines one value: a count "≥ 0", a rate "≤ 100", parts "≤ 47"
 * (their whole). A finding with a limit has `expected` null: a bound is not the answer.
 */
export interface Limit {
  readonly bound: "min" | "max";
  readonly value: number;
}

/**
 * What a finding's `expected` is, when it has one:
 * - "value": the value the cell must hold (the relation or the reading determines it: "02" is 2, a blank rate is
 *   its inputs' quotient);
 * - "derived": what the other cells give; either side may be the wrong one (a typed total against its parts, a
 *   typed rate against its inputs), so the user decides;
 * - "reading": what the typed text most likely means, which the user confirms (0,87 in a % row is probably 87).
 */
export type ExpectedKind = "value" | "derived" | "reading";

/** Why the calculator leaves a blank total or rate unfilled although it can compute one. */
export type BlockedReason =
  /** an input carries an error (D14 = 50 above D13 = 47): the value would carry it on */
  | "inputs_in_error"
  /** the value itself breaks the target's rule (a rate above 100) */
  | "value_rejected";

/** The detail each code carries; `undefined` for a code whose finding says everything in its common fields. */
export interface FindingDetails {
  readonly excel_error: undefined;
  /**
   * the formula (the finding's `actual` too), and the relations that read the cell and were skipped for it (their ids,
   * with the other indicators each reads)
   */
  readonly formula_no_result: { readonly formula: string; readonly skipped: readonly SkippedRelation[] };
  /** the day the cell shows, as typed ("12/12") */
  readonly date_not_number: { readonly date: string };
  readonly text_not_number: undefined;
  /** the words typed after the number ("phiếu" in "29 phiếu"), when there are any */
  readonly number_stored_as_text: { readonly words: string } | undefined;
  /** every number the text can be read as */
  readonly ambiguous_number: { readonly candidates: readonly number[] };
  readonly ambiguous_number_resolved: { readonly candidates: readonly number[] };
  readonly count_negative: undefined;
  /** the count meant if the number is a thousands dot read as decimals (1.248 -> 1248), else null */
  readonly count_not_whole: { readonly thousands: number | null };
  readonly percent_in_count: undefined;
  readonly percent_out_of_range: undefined;
  /** a rate against a plan above 100 (the row may exceed 100: `Indicator.mayExceed100`) */
  readonly percent_above_plan: undefined;
  readonly percent_as_fraction: undefined;
  /** the codes the cell accepts */
  readonly code_not_allowed: { readonly codes: readonly number[] };
  readonly code_as_word: undefined;
  /** a yes/no row whose sheet prints a count unit ("Tin, bài") and holds a count above 1, read as yes (1) */
  readonly count_as_yes: { readonly unit: string };
  readonly boolean_as_code: undefined;
  readonly flag_blank: { readonly codes: readonly number[] };
  /** the note that suggests an answer was meant, and its cell */
  readonly flag_blank_with_note: { readonly codes: readonly number[]; readonly note: string; readonly noteCell: CellRef };
  readonly value_in_group_row: undefined;
  /** the finding's cell is the unit cell; this is the indicator's value cell */
  readonly unit_mismatch: { readonly valueCell: CellRef };
  /** every part and whole row of the relation, blank ones with a null value */
  readonly part_exceeds_whole: {
    readonly parts: readonly IndicatorValue[];
    readonly wholes: readonly IndicatorValue[];
    readonly caveat: Caveat | null;
  };
  /** every part of the total, blank ones (counted as 0) with a null value */
  readonly sum_mismatch: { readonly parts: readonly IndicatorValue[]; readonly caveat: Caveat | null };
  /** the inputs, and the decimals the rate cell shows (null: General) */
  readonly rate_mismatch: { readonly inputs: RateInputs; readonly decimals: number | null; readonly typed?: TypedRate };
  /**
   * the rate agrees only as rounded to fewer than 2 decimals (87 or 87.2 for 87.23: `decimals` is what the cell shows
   * or the clerk typed) or cut instead of rounded (66.66 for 66.67: `truncated`); the fix is the 2-decimal value
   */
  readonly rate_rounded: { readonly inputs: RateInputs; readonly decimals: number; readonly truncated: boolean; readonly typed?: TypedRate };
  /** the counts above 0 */
  readonly flag_contradicts_counts: { readonly counts: readonly IndicatorValue[] };
  /** the finding's cell is the note cell; the answer that asks for the note, its cell, and the template's guidance */
  readonly note_missing: {
    readonly answer: number;
    readonly valueCell: CellRef;
    readonly noteHint: string | null;
    /** the sub-row whose value asks for its group row's note (the finding's indicator is the group row) */
    readonly source?: string;
  };
  /** the rows whose value asks (their value), and the rows that should then be above 0 (blank ones null) */
  readonly implication_broken: { readonly given: readonly IndicatorValue[]; readonly then: readonly IndicatorValue[] };
  /** the count (the rate's numerator) and its value; the finding is on the rate */
  readonly count_rate_disagree: { readonly count: IndicatorValue };
  /** the calculator's inputs and formula */
  readonly computed_value_missing: { readonly inputs: ComputedInputs; readonly formula: string };
  readonly computed_value_conflict: { readonly inputs: ComputedInputs; readonly formula: string };
  /**
   * a total or rate the calculator will not write: the value it would give, why not, and the inputs to fix (those an
   * error names; every input for a rejected value)
   */
  readonly computed_value_blocked: {
    readonly inputs: ComputedInputs;
    /** the formula and value it would write; null when an input cannot be read as a number (nothing to compute) */
    readonly formula: string | null;
    readonly value: number | null;
    readonly reason: BlockedReason;
    readonly toFix: readonly IndicatorValue[];
  };
  /** the rate's inputs (the denominator is blank or 0) */
  readonly rate_denominator_blank: { readonly numerator: IndicatorAt; readonly denominator: IndicatorAt };
  readonly rate_denominator_zero: { readonly numerator: IndicatorAt; readonly denominator: IndicatorAt };
  /**
   * a quarter's report (not cumulative) with rows marked "lũy kế" filled: the period, its days (null without a year),
   * the day the cumulative rows run from, the rows, and the relations made warnings for it
   */
  readonly period_not_cumulative: {
    readonly period: { readonly kind: PeriodKind; readonly year: number | null };
    readonly from: Day | null;
    readonly to: Day | null;
    readonly since: Day | null;
    readonly rows: readonly IndicatorAt[];
    readonly relaxed: readonly string[];
  };
  /** the title's period, the days it writes, and the period's own days; the finding's cell is the title cell */
  readonly period_dates_mismatch: {
    readonly period: { readonly kind: PeriodKind; readonly year: number };
    readonly written: { readonly from: Day; readonly to: Day };
    readonly expected: { readonly from: Day; readonly to: Day };
  };
  /** the finding's cell is the checked column's header cell; every value column seen (letter, heading) */
  readonly value_column_ambiguous: {
    readonly columns: readonly { readonly col: number; readonly heading: string | null; readonly checked: boolean }[];
  };
}

type Same<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false;
// The compiler holds the code list and the detail table together: a code without an entry, or an entry without a
// code, fails here.
const _everyCodeHasDetail: Same<keyof FindingDetails, FindingCode> = true;

/**
 * Why a relation's finding is less severe than its rule, from the report's period (docs/FINDINGS.md, "Periods"): it
 * reads a row not due in the period (a row of the year's report, in a quarter's), or, in a report that is not
 * cumulative, a cumulative ("lũy kế") row beside the period's own. Every surface says it with the finding.
 */
export interface PeriodRelaxation {
  readonly reason: "not_due" | "not_cumulative";
  readonly period: { readonly kind: PeriodKind; readonly year: number | null };
  /** the rows that made it so: those not due in the period, or the cumulative ones the relation reads */
  readonly indicators: readonly string[];
  /** the severity the rule gives, before the period lowered it */
  readonly ruleSeverity: Severity;
}

/** What every finding says, whatever its code. */
interface FindingBase<C extends FindingCode> {
  /** Picks the message in each language and the type of `detail`. */
  readonly code: C;
  readonly severity: Severity;
  /** Indicator id ("I.1.2"). */
  readonly indicator: string;
  /** Primary cell (structured; messages, adapters and JSON make its A1 text). */
  readonly cell: CellRef;
  /** Every cell involved, primary first; any may lie on another sheet than the appendix's. */
  readonly cells: readonly CellRef[];
  readonly actual: FindingValue;
  /** The value the cell should hold, or what the other cells give (`expectedKind`); null when nothing gives one. */
  readonly expected: FindingValue;
  /** What `expected` is; absent means "value" (or nothing, when `expected` is null). */
  readonly expectedKind?: ExpectedKind;
  /** A bound the value breaks, where no single value is expected ("≥ 0", "≤ 100", parts "≤ 47"). */
  readonly limit?: Limit;
  readonly fix: Fix | null;
  /** Relation id from the catalog, for relation findings. */
  readonly relation?: string;
  /** Set when the report's period made this relation's finding less severe than its rule, and why. */
  readonly relaxed?: PeriodRelaxation;
}

type DetailOf<C extends FindingCode> = [FindingDetails[C]] extends [undefined]
  ? { readonly detail?: undefined }
  : { readonly detail: FindingDetails[C] };

/** The finding of one code, with that code's detail (a union of them for a union of codes). */
export type FindingOf<C extends FindingCode> = C extends FindingCode ? FindingBase<C> & DetailOf<C> : never;

/** One thing the engine has to say about the sheet: a union keyed by `code`. */
export type Finding = FindingOf<FindingCode>;

/** Errors first, then warnings, then infos; stable within a severity. */
export function severityRank(s: Severity): number {
  return s === "error" ? 0 : s === "warning" ? 1 : 2;
}
