/**
 * What is wrong with a form, as data: a code, where (sheet, row and column of the workbook, or a path in the JSON
 * document) and the values a message needs. Sentences: src/core/messages/forms.*.ts.
 */
import type { IndicatorKind } from "../catalog/model";

/** The three sheets of a form workbook. */
export type FormSheet = "facts" | "indicators" | "relations";

/** Where a problem is: a cell of the workbook (row 1-based as Excel shows it; column by field), or a JSON path. */
export type FormPlace =
  | { readonly sheet: FormSheet; readonly row?: number; readonly field?: string }
  | { readonly path: string }
  | { readonly file: true };

/** Every problem a form can have, keyed by code with its own values. */
export type FormProblemBody =
  | { readonly code: "file_too_large"; readonly bytes: number; readonly limit: number }
  /** a small file that unpacks into far more cells or bytes than any form (a form has a few thousand cells) */
  | { readonly code: "file_too_many_cells"; readonly cells: number; readonly limit: number }
  /** `bytes` absent: the unpacking was stopped at the program's own limit, past the form's */
  | { readonly code: "file_unpacks_too_large"; readonly bytes?: number; readonly limit: number }
  | { readonly code: "not_a_form"; readonly detail?: string }
  /** a .json form whose bytes are not UTF-8 text */
  | { readonly code: "not_utf8" }
  | { readonly code: "format_version"; readonly version: number }
  | { readonly code: "json_invalid"; readonly expected: string }
  | { readonly code: "sheet_missing"; readonly sheet: FormSheet }
  /** no "Quan hệ" sheet: a form may have no relation, but the specialist should know it checks none */
  | { readonly code: "relations_sheet_missing" }
  | { readonly code: "column_missing"; readonly sheet: FormSheet; readonly field: string }
  | { readonly code: "column_unknown"; readonly sheet: FormSheet; readonly header: string }
  | { readonly code: "unsafe_formula" }
  | { readonly code: "unsafe_text"; readonly text: string }
  | { readonly code: "text_too_long"; readonly limit: number }
  | { readonly code: "too_many_rows"; readonly limit: number }
  | { readonly code: "fact_missing"; readonly field: string }
  | { readonly code: "fact_invalid"; readonly field: string; readonly value: string }
  | { readonly code: "fact_unknown"; readonly key: string }
  | { readonly code: "dates_reversed"; readonly from: string; readonly to: string }
  | { readonly code: "section_invalid"; readonly id: string }
  | { readonly code: "section_duplicate"; readonly id: string }
  | { readonly code: "no_indicators" }
  | { readonly code: "row_before_section" }
  | { readonly code: "label_missing" }
  | { readonly code: "id_missing" }
  | { readonly code: "id_invalid"; readonly id: string }
  | { readonly code: "id_duplicate"; readonly id: string }
  | { readonly code: "id_wrong_section"; readonly id: string; readonly section: string }
  | { readonly code: "parent_missing"; readonly id: string; readonly parent: string }
  | { readonly code: "kind_unknown"; readonly value: string }
  | { readonly code: "kind_needed" }
  | { readonly code: "kind_unit_mismatch"; readonly kind: IndicatorKind; readonly unit: string }
  | { readonly code: "unit_missing" }
  | { readonly code: "period_unknown"; readonly value: string }
  | { readonly code: "periods_source_without_periods" }
  | { readonly code: "yes_no_invalid"; readonly value: string }
  | { readonly code: "exceed_not_percent"; readonly kind: IndicatorKind }
  | { readonly code: "relation_id_missing" }
  | { readonly code: "relation_id_duplicate"; readonly id: string }
  | { readonly code: "relation_kind_unknown"; readonly value: string; readonly known: readonly string[] }
  | { readonly code: "relation_indicator_unknown"; readonly id: string }
  | { readonly code: "relation_arity"; readonly kind: string; readonly expected: string; readonly count: number }
  | { readonly code: "relation_indicator_kind"; readonly id: string; readonly kind: IndicatorKind; readonly expected: readonly IndicatorKind[] }
  | { readonly code: "condition_invalid"; readonly value: string }
  | { readonly code: "condition_missing"; readonly kind: string }
  | { readonly code: "condition_unused"; readonly kind: string }
  | { readonly code: "condition_code_unknown"; readonly id: string; readonly value: number }
  | { readonly code: "severity_invalid"; readonly value: string }
  | { readonly code: "caveat_invalid"; readonly value: string }
  | { readonly code: "reason_missing" }
  | { readonly code: "relation_draft"; readonly id: string };

/** A problem's code. */
export type FormProblemCode = FormProblemBody["code"];

/** One problem with its place and severity: an error makes the form unusable; a warning does not. */
export type FormProblem = FormProblemBody & { readonly severity: "error" | "warning"; readonly at: FormPlace };

/** Problems that never stop a form from being used. */
const WARNINGS: ReadonlySet<FormProblemCode> = new Set<FormProblemCode>([
  "column_unknown",
  "fact_unknown",
  "reason_missing",
  "relation_draft",
  "relations_sheet_missing",
  "unit_missing",
]);

/** A problem at a place, with the severity its code has. */
export function problem(at: FormPlace, body: FormProblemBody): FormProblem {
  return { ...body, severity: WARNINGS.has(body.code) ? "warning" : "error", at };
}

/** True when one of the problems makes the form unusable. */
export function hasErrors(problems: readonly FormProblem[]): boolean {
  return problems.some((p) => p.severity === "error");
}
