/** English sentences about forms. Sheet and column names stay as the form writes them (Vietnamese). */
import { FORM_FORMAT_VERSION } from "../forms/model";
import { FACT_ROWS, FORM_SHEET_NAMES, INDICATOR_COLUMNS, RELATION_COLUMNS } from "../forms/sheets";
import { formatNumber } from "./format";
import type { FormMessages } from "./formsTexts";

const KIND: Record<string, string> = { count: "count", percent: "percent", flag: "yes/no", choice: "choice", group: "group", text: "text" };
const LEVEL: Record<string, string> = { so_nganh: "department (sở, ngành)", ubnd_tinh: "provincial People's Committee", ubnd_huyen: "district People's Committee", ubnd_xa: "commune People's Committee" };
const STATUS: Record<string, string> = { official: "official", draft: "draft", test: "test form, not official" };

const factName = (field: string) => FACT_ROWS.find((f) => f.field === field)?.vi ?? field;
const column = (sheet: string, field: string) =>
  (sheet === "indicators" ? INDICATOR_COLUMNS : sheet === "relations" ? RELATION_COLUMNS : FACT_ROWS).find((c) => c.field === field)?.vi ?? field;
const num = (n: number) => formatNumber(n, "en");
const mb = (bytes: number) => `${(bytes / 1024 / 1024).toFixed(1)} MB`;
const list = (items: readonly string[]) => items.map((s) => `"${s}"`).join(", ");

/** English. */
export const formsEn: FormMessages = {
  place: (sheet, row, col) => `Sheet "${sheet}"${row ? `, row ${row}` : ""}${col ? `, ${sheet === FORM_SHEET_NAMES.facts ? "item" : "column"} "${col}"` : ""}: `,
  path: (path) => `At ${path}: `,
  kind: (k) => KIND[k] ?? k,
  level: (l) => LEVEL[l] ?? l,
  status: (s) => STATUS[s] ?? s,
  describe: (f) =>
    `${f.title} (${[f.province, LEVEL[f.level] ?? f.level].filter(Boolean).join(", ")}; version ${f.version}${f.status !== "official" ? `; ${STATUS[f.status] ?? f.status}` : ""})`,
  currency: {
    period_before_form: (w, f) => `The reporting period ends on ${w.periodEnd}, before the form "${f.id}" applies (${w.validFrom}); check that this is the form of that period.`,
    period_after_form: (w, f) => `The reporting period starts on ${w.periodStart}, after the form "${f.id}" stopped applying (${w.validTo}); a newer form may exist.`,
    other_province: (w, f) => `The title names the province or city "${w.province}", but the form in use is that of ${f.province}; check that this is your province's form.`,
    other_level: (w, f) => `The title reads as a report of a ${LEVEL[w.level]}, but the form in use is for a ${LEVEL[f.level] ?? f.level}.`,
  },
  undecided: {
    no_unit: (u) =>
      `Row ${u.row} (${u.id} "${u.label}") has no unit and no rows under it: ${
        u.assumed === "text" ? "taken as text for now" : u.assumed === "count" ? "taken as a count (its label starts with “Số”)" : `taken as a count in "${u.assumed.slice(6)}", like the row above it`
      }; write its unit and kind.`,
    yes_no_with_count_unit: (u) => `Row ${u.row} (${u.id}) asks "Có …" (yes/no) but its unit is "${u.unit}": if it is a yes/no question, change the unit to "Không = 0 Có = 1".`,
    repeated_stt: (u) => `Row ${u.row}: the STT "${u.stt}" is printed twice in the section; the row gets the id ${u.id}.`,
    rate_inputs: (u) => `Row ${u.row} (${u.id}): the rate has more than two counts under it; the first two were taken as denominator and numerator, check them.`,
    total_or_parts: (u) => `Row ${u.row} (${u.id}): the "- …" rows under it are taken as not exceeding the total; if they add up to it exactly, change the relation kind to "tổng bằng các phần".`,
    note_as_hint: (u) => `Row ${u.row} (${u.id}): the note "${u.note}" was taken as the form's note hint; delete it if it is the clerk's own note.`,
    no_stt_column: () =>
      "The table has no STT column: the outline was guessed from the units (a row without a unit opens a group, the rows with a unit below it belong to it), all in one section; add the STT as printed and review the indicator ids.",
    row_skipped: (u) => `Row ${u.row} "${u.text}" is under no section or numbered row and was left out of the form.`,
    clerk_notes: (u) => `${u.count} notes written by the clerk (citing documents or figures) were not taken into the form as note hints.`,
    facts_to_fill: () => `The "Thông tin" sheet needs filling in: form id, title, issuer and document, level, province, version, dates.`,
  },
  problems: {
    file_too_many_cells: (p) =>
      `The form file holds ${num(p.cells)} cells once unpacked, above the ${num(p.limit)} limit for a form; a form has a few thousand cells, so check that this is the right file.`,
    file_unpacks_too_large: (p) =>
      `The form file unpacks to ${p.bytes === undefined ? "too much data" : mb(p.bytes)}, above the ${mb(p.limit)} limit for a form; this is no ordinary form file, so check that this is the right file.`,
    file_too_large: (p) => `The form file is ${mb(p.bytes)}, above the ${mb(p.limit)} limit for a form; a form is usually a few dozen KB, so check that this is the right file.`,
    not_utf8: () => "This .json file is not UTF-8 text, so it cannot be read as an appendix form; save it again encoded as UTF-8.",
    not_a_form: (p) =>
      `This file is not an appendix form (an .xlsx with the sheets "${FORM_SHEET_NAMES.facts}", "${FORM_SHEET_NAMES.indicators}", "${FORM_SHEET_NAMES.relations}", or a .json following schemas/form.schema.json)${p.detail ? `; the file has: ${p.detail}` : ""}.`,
    format_version: (p) => `The form file is in format version ${p.version}; this program reads format version ${FORM_FORMAT_VERSION} only.`,
    json_invalid: (p, at) => `${at}the value must be ${p.expected === "array" || p.expected === "object" ? `an ${p.expected}` : p.expected === "string" || p.expected === "number" ? `a ${p.expected}` : p.expected === "boolean" ? "true or false" : p.expected}.`,
    relations_sheet_missing: () =>
      `The form file has no sheet "${FORM_SHEET_NAMES.relations}": the form is usable but compares no indicators with each other (each cell is checked alone); add the sheet if the form has relations.`,
    sheet_missing: (p) => `The form file has no sheet "${FORM_SHEET_NAMES[p.sheet]}".`,
    column_missing: (p, at) => `${at}the column "${column(p.sheet, p.field)}" is missing.`,
    column_unknown: (p, at) => `${at}the column "${p.header}" is not part of a form and is ignored.`,
    unsafe_formula: (_p, at) => `${at}the cell holds a formula; a form file may hold only text and numbers, so type the value instead.`,
    unsafe_text: (p, at) =>
      `${at}"${p.text}" looks like a formula or code (it starts with "=", "+" or "@", or holds HTML or script); a form file may not hold such text.`,
    text_too_long: (p, at) => `${at}the text is longer than ${p.limit} characters.`,
    too_many_rows: (p, at) => `${at}the sheet has more than ${p.limit} rows, above the limit for a form.`,
    fact_missing: (p, at) => `${at || `Sheet "${FORM_SHEET_NAMES.facts}": `}"${factName(p.field)}" is missing.`,
    fact_invalid: (p, at) => {
      switch (p.field) {
        case "level":
          return `${at}"${p.value}" is not a reporting level; use one of ${list(["sở, ngành", "UBND tỉnh", "UBND huyện", "UBND xã"])}.`;
        case "status":
          return `${at}"${p.value}" is not a form status; use "chính thức" (official), "bản nháp" (draft) or "thử nghiệm" (test).`;
        case "id":
          return `${at}the form id "${p.value}" may hold only unaccented letters, digits, dots, hyphens and underscores (e.g. so-nganh-2023).`;
        default:
          return `${at}"${p.value}" is not a date (write day/month/year, e.g. 11/3/2022).`;
      }
    },
    fact_unknown: (p, at) => `${at}"${p.key}" is not an item of the "${FORM_SHEET_NAMES.facts}" sheet and is ignored.`,
    dates_reversed: (p, at) => `${at}the form stops applying (${p.to}) before it starts (${p.from}).`,
    section_invalid: (p, at) => `${at}the section id "${p.id}" may hold only unaccented letters or digits (e.g. I, II, A).`,
    section_duplicate: (p, at) => `${at}section "${p.id}" is already given above.`,
    no_indicators: () => `The sheet "${FORM_SHEET_NAMES.indicators}" has no indicator.`,
    row_before_section: (_p, at) => `${at}the indicator comes before the first section row (STT I, II… or kind "phần").`,
    label_missing: (_p, at) => `${at}the indicator has no label.`,
    id_missing: (_p, at) =>
      `${at}the indicator id cannot be derived: the row has no STT and is under no numbered row; write the id in the column "Mã chỉ tiêu".`,
    id_invalid: (p, at) => `${at}the indicator id "${p.id}" is not of the form section, dot, positions separated by dots (e.g. I.1.2).`,
    id_duplicate: (p, at) => `${at}the indicator id "${p.id}" is used above; write another id in the column "Mã chỉ tiêu" (e.g. VII.2b where an STT is printed twice).`,
    id_wrong_section: (p, at) => `${at}the indicator id "${p.id}" does not belong to section ${p.section}, which the row is in.`,
    parent_missing: (p, at) => `${at}the indicator id "${p.id}" sits under "${p.parent}", but no row above has the id "${p.parent}".`,
    kind_unknown: (p, at) => `${at}"${p.value}" is not an indicator kind; use one of "số lượng" (count), "tỷ lệ" (percent), "Có/Không" (yes/no), "lựa chọn" (choice), "nhóm" (group), "chữ" (text).`,
    kind_needed: (_p, at) => `${at}the row has no unit and no rows under it: write its kind ("chữ" for free text, "nhóm" for a heading).`,
    kind_unit_mismatch: (p, at) => {
      if (p.kind === "flag") return `${at}a yes/no indicator needs a unit like "Không = 0 Có = 1"; the unit is "${p.unit}".`;
      if (p.kind === "choice") return `${at}a choice needs a unit listing its codes, e.g. "Trực tuyến = 0 Phát phiếu = 1 Kết hợp = 2"; the unit is "${p.unit}".`;
      return `${at}a group row with no rows under it has no unit; the unit is "${p.unit}" (if it holds a figure, change its kind).`;
    },
    unit_missing: (_p, at) => `${at}the count has no unit.`,
    period_unknown: (p, at) =>
      `${at}"${p.value}" is not a reporting period; use Quý I, Quý II, 6 tháng, Quý III, 9 tháng, Quý IV, Năm (separated by commas), or leave blank when due in every period.`,
    periods_source_without_periods: (_p, at) =>
      `${at}the source of the periods is given but not the periods due; write the periods (e.g. “Năm”) or remove the source.`,
    yes_no_invalid: (p, at) => `${at}"${p.value}" is neither "Có" (yes) nor "Không" (no); blank means no.`,
    exceed_not_percent: (p, at) => `${at}only a rate (%) may exceed 100%; this row is of kind "${p.kind}".`,
    relation_id_missing: (_p, at) => `${at}the relation has no id (a text without spaces, e.g. i1_done_le_planned).`,
    relation_id_duplicate: (p, at) => `${at}the relation id "${p.id}" is used above.`,
    relation_kind_unknown: (p, at) => `${at}"${p.value}" is not a relation kind; use one of ${list(p.known)}.`,
    relation_indicator_unknown: (p, at) => `${at}indicator "${p.id}" is not in the sheet "${FORM_SHEET_NAMES.indicators}".`,
    relation_arity: (p, at) =>
      `${at}the relation "${p.kind}" needs ${p.expected.startsWith("≥") ? `at least ${p.expected.slice(1)}` : p.expected} indicator(s) in this column; it has ${p.count}.`,
    relation_indicator_kind: (p, at) =>
      `${at}indicator "${p.id}" is a ${KIND[p.kind]} indicator; this relation needs a ${p.expected.map((k) => KIND[k]).join(" or ")} indicator.`,
    condition_invalid: (p, at) => `${at}the condition "${p.value}" cannot be read; write "bằng 0" (equals 0), "bằng 0 hoặc 1" or "lớn hơn 0" (above 0).`,
    condition_missing: (p, at) => `${at}the relation "${p.kind}" needs a condition (e.g. "bằng 0" or "lớn hơn 0").`,
    condition_unused: (p, at) => `${at}the relation "${p.kind}" takes no condition; leave this column blank.`,
    condition_code_unknown: (p, at) => `${at}indicator "${p.id}" has no code ${p.value}.`,
    severity_invalid: (p, at) => (p.value ? `${at}the severity "${p.value}" must be "lỗi" (error), "cảnh báo" (warning) or "lưu ý" (info).` : `${at}the severity is blank; write "lỗi" (error), "cảnh báo" (warning) or "lưu ý" (info).`),
    caveat_invalid: (p, at) => `${at}the caveat "${p.value}" must be "có thể gồm kỳ trước" (carried over), "khác thời điểm hoặc phạm vi" (different scope), or blank.`,
    reason_missing: (_p, at) => `${at}the relation has no reason in Vietnamese; a reviewer needs to know why the two figures must agree.`,
    relation_draft: (p, at) =>
      `${at}the relation "${p.id}" was proposed by the program and not yet confirmed; review it, then clear "Có" in the column "Cần xác nhận".`,
  },
};
