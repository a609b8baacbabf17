/**
 * Every finding code the engine emits, in one place. `Finding` (../finding.ts) is a union keyed by these, and the
 * message tables (../messages) are typed over it, so the compiler proves each code has its detail and both
 * sentences. The list itself is what tests and docs iterate over.
 */
export const findingCodes = [
  // one cell, from its reading and the indicator's kind
  "excel_error",
  "formula_no_result",
  "date_not_number",
  "text_not_number",
  "number_stored_as_text",
  "ambiguous_number",
  "ambiguous_number_resolved",
  "count_negative",
  "count_not_whole",
  "percent_in_count",
  "percent_out_of_range",
  "percent_above_plan",
  "percent_as_fraction",
  "code_not_allowed",
  "code_as_word",
  "count_as_yes",
  "boolean_as_code",
  "flag_blank",
  "flag_blank_with_note",
  "value_in_group_row",
  // the unit column against the indicator
  "unit_mismatch",
  // relations declared in the catalog
  "part_exceeds_whole",
  "sum_mismatch",
  "rate_mismatch",
  "rate_rounded",
  "flag_contradicts_counts",
  "note_missing",
  "implication_broken",
  "count_rate_disagree",
  // the calculator
  "computed_value_missing",
  "computed_value_conflict",
  "computed_value_blocked",
  "rate_denominator_blank",
  "rate_denominator_zero",
  // the report's period against its rows and its title
  "period_not_cumulative",
  "period_dates_mismatch",
  // the locator: several value columns and nothing telling which is the report's period
  "value_column_ambiguous",
] as const;

/** A finding code the engine emits. */
export type FindingCode = (typeof findingCodes)[number];
