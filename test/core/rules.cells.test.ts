import type { CellValue, RawCell } from "../../src/core/grid";
import { validate } from "../../src/core/validate";
import { cellOf, noteOf, sheet } from "./rulesFixture";

/** The findings on one indicator's own cell (no relations), with everything else blank. */
function cellFindings(id: string, value: CellValue | RawCell, notes: Record<string, string> = {}) {
  const s = sheet({ [id]: value }, notes);
  return validate(s.grid, s.template, s.location)
    .filter((f) => f.indicator === id && !f.relation)
    .map((f) => ({ code: f.code, severity: f.severity, cell: f.cell, actual: f.actual, expected: f.expected, limit: f.limit, fix: f.fix }));
}

type Case = [string, string, CellValue | RawCell, { code: string; severity: string; actual?: unknown; expected?: unknown; limit?: unknown; fix?: unknown }[]];

const count = "I.1.1";
const pct = "I.1";
const flag = "I.3";
const choice = "I.5";

describe("cell rules by indicator kind", () => {
  const cases: Case[] = [
    // counts
    ["a whole count", count, 47, []],
    ["zero", count, 0, []],
    ["a count as text", count, "02", [{ code: "number_stored_as_text", severity: "warning", actual: "02", expected: 2, fix: { cell: cellOf(count), value: 2, cellValue: 2 } }]],
    ["a count with VN thousands as text", count, "3.036", [{ code: "number_stored_as_text", severity: "warning", expected: 3036, fix: { cell: cellOf(count), value: 3036, cellValue: 3036 } }]],
    ["a negative count", count, -3, [{ code: "count_negative", severity: "error", actual: -3, expected: null, limit: { bound: "min", value: 0 } }]],
    ["a fractional count: no made-up expected value", count, 2.5, [{ code: "count_not_whole", severity: "error", actual: 2.5, expected: null, fix: null }]],
    ["1.248 people: a thousands dot read as decimals", count, 1.248, [{ code: "count_not_whole", severity: "error", actual: 1.248, expected: null, fix: null }]],
    ["100% in a count (text)", count, "100%", [{ code: "percent_in_count", severity: "error", actual: "100%", expected: null, fix: null }]],
    ["100% in a count (1 formatted 0%)", count, { value: 1, numberFormat: "0%" }, [{ code: "percent_in_count", severity: "error", actual: 100 }]],
    ["a date in a count", count, { value: 45638, numberFormat: "dd/mm" }, [{ code: "date_not_number", severity: "error", actual: "12/12", expected: null, fix: null }]],
    ["a date in a rate", pct, { value: 45323, numberFormat: "d/m" }, [{ code: "date_not_number", severity: "error", actual: "1/2" }]],
    ["a formula without a saved result", count, { value: null, formula: "=D20+D21" }, [{ code: "formula_no_result", severity: "warning", actual: "=D20+D21", fix: null }]],
    ["TRUE in a count", count, true, [{ code: "text_not_number", severity: "error", actual: "TRUE" }]],
    ["a formula's whole count with float noise", count, { value: 3.0000000000004, formula: "=A1*3" }, []],
    ["text in a count", count, "nhiều", [{ code: "text_not_number", severity: "error", actual: "nhiều", fix: null }]],
    ["an Excel error", count, "#DIV/0!", [{ code: "excel_error", severity: "error", actual: "#DIV/0!" }]],
    ["a none word in a count", count, "-", []],
    ["'không' in a count means none", count, "Không", []],
    ["a blank count", count, null, []],
    ["ambiguous 1,234 in a count: only 1234 is whole", count, "1,234", [{ code: "ambiguous_number_resolved", severity: "warning", expected: 1234, fix: { cell: cellOf(count), value: 1234, cellValue: 1234 } }]],
    // percentages
    ["a rate in percent points", pct, 87.23, []],
    ["100 as a number", pct, 100, []],
    ["100% as text", pct, "100%", [{ code: "number_stored_as_text", severity: "warning", actual: "100%", expected: 100, fix: { cell: cellOf(pct), value: 100, cellValue: 100 } }]],
    ["0.8723 in a % cell reads 87.23", pct, { value: 0.8723, numberFormat: "0.00%" }, []],
    // A fix in a cell formatted as % writes the fraction the format shows as the indicator's value.
    ["87,23 as text in a % cell", pct, { value: "87,23", numberFormat: "0.00%" },
      [{ code: "number_stored_as_text", severity: "warning", expected: 87.23, fix: { cell: cellOf(pct), value: 87.23, cellValue: 0.8723 } }]],
    ["100% as text in a % cell", pct, { value: "100%", numberFormat: "0%" },
      [{ code: "number_stored_as_text", severity: "warning", expected: 100, fix: { cell: cellOf(pct), value: 100, cellValue: 1 } }]],
    ["100% as text in a cell whose % is a literal", pct, { value: "100%", numberFormat: '0"%"' },
      [{ code: "number_stored_as_text", severity: "warning", expected: 100, fix: { cell: cellOf(pct), value: 100, cellValue: 100 } }]],
    ["a fraction in a plain % row", pct, 0.87, [{ code: "percent_as_fraction", severity: "warning", actual: 0.87, expected: 87, fix: { cell: cellOf(pct), value: 87, cellValue: 87, numberFormat: "0.00" } }]],
    ["a fraction typed as text", pct, "0,8723", [{ code: "percent_as_fraction", severity: "warning", actual: "0,8723", expected: 87.23 }]],
    ["1 is a legitimate 1%", pct, 1, []],
    ["above 100", pct, 120, [{ code: "percent_out_of_range", severity: "error", actual: 120, expected: null, limit: { bound: "max", value: 100 } }]],
    ["below 0", pct, -5, [{ code: "percent_out_of_range", severity: "error", actual: -5, expected: null, limit: { bound: "min", value: 0 } }]],
    ["ambiguous 1,234 in a % row: only 1.234 fits 0..100", pct, "1,234", [{ code: "ambiguous_number_resolved", severity: "warning", expected: 1.234 }]],
    // flags
    ["flag 1", flag, 1, []],
    ["flag 0", flag, 0, []],
    ["flag 2", flag, 2, [{ code: "code_not_allowed", severity: "error", actual: 2 }]],
    ["flag typed 'Có'", flag, "Có", [{ code: "code_as_word", severity: "warning", actual: "Có", expected: 1, fix: { cell: cellOf(flag), value: 1, cellValue: 1 } }]],
    ["flag typed 'không' (lower case)", flag, "không", [{ code: "code_as_word", severity: "warning", expected: 0, fix: { cell: cellOf(flag), value: 0, cellValue: 0 } }]],
    ["flag typed 'co' without marks", flag, "co", [{ code: "code_as_word", severity: "warning", expected: 1 }]],
    ["flag typed an extra word", flag, "yes", [{ code: "code_as_word", severity: "warning", expected: 1 }]],
    ["flag 1 as text", flag, "1", [{ code: "number_stored_as_text", severity: "warning", expected: 1, fix: { cell: cellOf(flag), value: 1, cellValue: 1 } }]],
    ["flag other text", flag, "đang làm", [{ code: "code_not_allowed", severity: "error", actual: "đang làm" }]],
    ["TRUE in a yes/no row is yes", flag, true, [{ code: "boolean_as_code", severity: "warning", actual: "TRUE", expected: 1, fix: { cell: cellOf(flag), value: 1, cellValue: 1 } }]],
    ["FALSE in a yes/no row is no", flag, false, [{ code: "boolean_as_code", severity: "warning", actual: "FALSE", expected: 0, fix: { cell: cellOf(flag), value: 0, cellValue: 0 } }]],
    ["a checkbox's formula result TRUE", flag, { value: true, formula: "=E30" }, [{ code: "boolean_as_code", severity: "warning", expected: 1 }]],
    ["TRUE in Tốt/Có vi phạm names no code for sure", "I.4", true, [{ code: "code_not_allowed", severity: "error", actual: "TRUE" }]],
    // A code written with more than its word: a stop, its number beside it, a yes/no answer opening with its word.
    ["flag 'Có.'", flag, "Có.", [{ code: "code_as_word", severity: "warning", actual: "Có.", expected: 1, fix: { cell: cellOf(flag), value: 1, cellValue: 1 } }]],
    ["flag '1 (Có)'", flag, "1 (Có)", [{ code: "code_as_word", severity: "warning", expected: 1 }]],
    ["flag 'Không (0)'", flag, "Không (0)", [{ code: "code_as_word", severity: "warning", expected: 0 }]],
    ["flag 'Có = 1'", flag, "Có = 1", [{ code: "code_as_word", severity: "warning", expected: 1 }]],
    ["flag '0 - Không'", flag, "0 - Không", [{ code: "code_as_word", severity: "warning", expected: 0 }]],
    ["flag '1 (Không)': the number and the word disagree", flag, "1 (Không)", [{ code: "code_not_allowed", severity: "error" }]],
    ["flag 'Có thực hiện' in a yes/no row", flag, "Có thực hiện", [{ code: "code_as_word", severity: "warning", expected: 1 }]],
    ["flag 'Chưa thực hiện' in a yes/no row", flag, "Chưa thực hiện", [{ code: "code_as_word", severity: "warning", expected: 0 }]],
    ["flag 'Không tổ chức' in a yes/no row", flag, "Không tổ chức", [{ code: "code_as_word", severity: "warning", expected: 0 }]],
    ["'Có thực hiện' in Tốt/Có vi phạm is no code", "I.4", "Có thực hiện", [{ code: "code_not_allowed", severity: "error" }]],
    ["'Tốt (1)' in Tốt/Có vi phạm", "I.4", "Tốt (1)", [{ code: "code_as_word", severity: "warning", expected: 1 }]],
    // A checkbox typed as a symbol, or a boolean's text (a CSV import): read as the box it draws.
    ["'✓' in a yes/no row is yes", flag, "✓", [{ code: "boolean_as_code", severity: "warning", actual: "✓", expected: 1, fix: { cell: cellOf(flag), value: 1, cellValue: 1 } }]],
    ["'✔' in a yes/no row is yes", flag, "✔", [{ code: "boolean_as_code", severity: "warning", expected: 1 }]],
    ["'☑' in a yes/no row is yes", flag, "☑", [{ code: "boolean_as_code", severity: "warning", expected: 1 }]],
    ["'☐' in a yes/no row is no", flag, "☐", [{ code: "boolean_as_code", severity: "warning", actual: "☐", expected: 0 }]],
    ["'True' typed as text in a yes/no row is yes", flag, "True", [{ code: "boolean_as_code", severity: "warning", expected: 1 }]],
    ["'FALSE' typed as text in a yes/no row is no", flag, "FALSE", [{ code: "boolean_as_code", severity: "warning", expected: 0 }]],
    ["'☒' says nothing for sure", flag, "☒", [{ code: "code_not_allowed", severity: "error" }]],
    ["'✓' in Tốt/Có vi phạm names no code for sure", "I.4", "✓", [{ code: "code_not_allowed", severity: "error", actual: "✓" }]],
    ["'✓' in a count is not a number", "I.1.1", "✓", [{ code: "text_not_number", severity: "error" }]],
    ["flag blank", flag, null, [{ code: "flag_blank", severity: "warning", actual: null, fix: null }]],
    ["flag 'x'", flag, "x", [{ code: "flag_blank", severity: "warning", actual: "x" }]],
    ["flag 'Tốt' in a Tốt/Có vi phạm row", "I.4", "Tốt", [{ code: "code_as_word", severity: "warning", expected: 1 }]],
    ["flag 'Có vi phạm'", "I.4", "Có vi phạm", [{ code: "code_as_word", severity: "warning", expected: 0 }]],
    ["flag 'Có' is not a code of Tốt/Có vi phạm", "I.4", "Có", [{ code: "code_not_allowed", severity: "error" }]],
    // choices
    ["choice 2", choice, 2, []],
    ["choice 3", choice, 3, [{ code: "code_not_allowed", severity: "error", actual: 3 }]],
    ["choice word", choice, "Kết hợp", [{ code: "code_as_word", severity: "warning", expected: 2 }]],
    ["choice blank", choice, null, [{ code: "flag_blank", severity: "warning" }]],
    // group and text rows
    ["a value in a group row", "I.2", 5, [{ code: "value_in_group_row", severity: "warning", actual: 5 }]],
    ["a dash in a group row", "I.2", "-", []],
    ["anything in a text row", "I.7", "Tổ chức hội nghị", []],
  ];

  it.each(cases)("%s", (_name, id, value, expected) => {
    const found = cellFindings(id, value);
    expect(found).toEqual(expected.map((e) => expect.objectContaining({ cell: cellOf(id), ...e })));
  });
});

describe("blank flags and their notes", () => {
  it.each([
    ["a note citing a plan", "Kế hoạch số 03/KH.CCHC-STTTT ngày 30/01/2023", "flag_blank_with_note"],
    ["a placeholder reference", "Quyết định số ...", "flag_blank"],
    ["a placeholder with an ellipsis character", "Kế hoạch số …", "flag_blank"],
    ["no note", "", "flag_blank"],
  ])("%s", (_name, note, code) => {
    const found = cellFindings(flag, null, note ? { [flag]: note } : {});
    expect(found.map((f) => f.code)).toEqual([code]);
  });

  it("the template's own hint is not a note", () => {
    expect(cellFindings("I.4", null, { "I.4": "Ghi rõ nội dung vi phạm." }).map((f) => f.code)).toEqual(["flag_blank"]);
  });

  it("flag_blank_with_note names the note and its cell", () => {
    const s = sheet({}, { [flag]: "Kế hoạch số 03" });
    const f = validate(s.grid, s.template, s.location).find((x) => x.code === "flag_blank_with_note");
    expect(f?.detail).toMatchObject({ note: "Kế hoạch số 03", noteCell: noteOf(flag) });
  });
});
