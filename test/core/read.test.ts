import type { RawCell } from "../../src/core/grid";
import { EXCEL_ERRORS, readCell } from "../../src/core/read";

const num = (value: number, extra: Partial<{ stored: "number" | "text"; fromFormula: boolean; percent: boolean; decimals: number | null; text: string }> = {}) => ({
  kind: "number",
  value,
  stored: "number",
  fromFormula: false,
  percent: false,
  decimals: null,
  ...extra,
});
const textNum = (value: number, text: string, decimals: number, percent = false) =>
  num(value, { stored: "text", text, decimals, percent });

describe("readCell: real numbers", () => {
  it.each<[string, RawCell, object]>([
    ["an integer, General", { value: 47, numberFormat: "General" }, num(47)],
    ["no format at all", { value: 41 }, num(41)],
    ["a plain-cell percentage stays in points", { value: 87.23 }, num(87.23)],
    ["-0 reads as 0", { value: -0 }, num(0)],
    ["decimals from 0.00", { value: 3.5, numberFormat: "0.00" }, num(3.5, { decimals: 2 })],
    ["decimals from #,##0", { value: 3036, numberFormat: "#,##0" }, num(3036, { decimals: 0 })],
    ["decimals from an accounting format", { value: 5, numberFormat: '#,##0.00_);[Red](#,##0.00)' }, num(5, { decimals: 2 })],
    ["the negative section of a format", { value: -5, numberFormat: "0.0;-0.000" }, num(-5, { decimals: 3 })],
    ["a quoted literal is not a placeholder", { value: 4, numberFormat: '0 "người.00"' }, num(4, { decimals: 0 })],
    ["0.0# shows at most 2", { value: 1.25, numberFormat: "0.0#" }, num(1.25, { decimals: 2 })],
    ["scientific fixes no decimals", { value: 1200, numberFormat: "0.00E+00" }, num(1200)],
    ["a text format (@) on a number", { value: 12, numberFormat: "@" }, num(12)],
    ["0.8723 formatted 0.00% reads 87.23 percent", { value: 0.8723, numberFormat: "0.00%" }, num(87.23, { percent: true, decimals: 2 })],
    ["1 formatted 0% reads 100 percent", { value: 1, numberFormat: "0%" }, num(100, { percent: true, decimals: 0 })],
    ["a quoted % is a literal, not a percentage", { value: 5, numberFormat: '0"%"' }, num(5, { decimals: 0 })],
    ["a formula's cached result", { value: 87.23, formula: "=ROUND(D12/D11*100,2)", numberFormat: "0.00" }, num(87.23, { fromFormula: true, decimals: 2 })],
  ])("%s", (_name, raw, expected) => {
    expect(readCell(raw)).toEqual(expected);
  });
});

describe("readCell: numbers stored as text", () => {
  it.each<[string, object]>([
    [" 41 ", textNum(41, "41", 0)],
    ["02", textNum(2, "02", 0)],
    ["0", textNum(0, "0", 0)],
    ["3.036", textNum(3036, "3.036", 0)],
    ["12.345.678", textNum(12345678, "12.345.678", 0)],
    ["1,234,567", textNum(1234567, "1,234,567", 0)],
    ["1 234 567", textNum(1234567, "1 234 567", 0)],
    ["87,23", textNum(87.23, "87,23", 2)],
    ["87.23", textNum(87.23, "87.23", 2)],
    ["1.5", textNum(1.5, "1.5", 1)],
    ["1,5", textNum(1.5, "1,5", 1)],
    ["0,500", textNum(0.5, "0,500", 3)],
    ["0.500", textNum(0.5, "0.500", 3)],
    ["1234,567", textNum(1234.567, "1234,567", 3)],
    ["1.234,5", textNum(1234.5, "1.234,5", 1)],
    ["1,234.5", textNum(1234.5, "1,234.5", 1)],
    ["1.234.567,89", textNum(1234567.89, "1.234.567,89", 2)],
    ["-5", textNum(-5, "-5", 0)],
    ["+7", textNum(7, "+7", 0)],
    [",5", textNum(0.5, ",5", 1)],
    ["100%", textNum(100, "100%", 0, true)],
    ["87,23 %", textNum(87.23, "87,23 %", 2, true)],
    ["87.23%", textNum(87.23, "87.23%", 2, true)],
    ["\u00a041\u00a0", textNum(41, "41", 0)],
  ])("%j", (value, expected) => {
    expect(readCell({ value })).toEqual(expected);
  });

  it("keeps fromFormula for a formula that returns text", () => {
    expect(readCell({ value: "02", formula: '=TEXT(2,"00")' })).toMatchObject({ kind: "number", value: 2, stored: "text", fromFormula: true });
  });

  it("ignores a % number format on text: Excel does not apply formats to text", () => {
    expect(readCell({ value: "87,23", numberFormat: "0.00%" })).toEqual(textNum(87.23, "87,23", 2));
  });
});

describe("readCell: ambiguous and non-numbers", () => {
  it.each<[string, number[]]>([
    ["1,234", [1.234, 1234]],
    ["12,345", [12.345, 12345]],
    ["999,000", [999, 999000]],
  ])("%j is ambiguous", (value, candidates) => {
    expect(readCell({ value })).toEqual({ kind: "ambiguous", text: value, candidates });
  });

  it.each<[string, number, number, string]>([
    ["29 phiếu", 29, 0, "phiếu"],
    ["12 văn bản", 12, 0, "văn bản"],
    ["1.248 hồ sơ", 1248, 0, "hồ sơ"],
    ["47 người", 47, 0, "người"],
  ])("%j is a count typed with its unit: the number, stored as text, with its words", (value, n, decimals, words) => {
    expect(readCell({ value })).toEqual({ kind: "number", value: n, stored: "text", fromFormula: false, percent: false, decimals, text: value, words });
  });

  it.each(["1.2.3", "15/12/2023", "5.", "1,23,4", "1.234,567.8", "abc", "12a", "1E3", "(5)", "1,2345,678", "3 lần/năm", "2 người 3 ngày", "1,234 người", "Có 3"])(
    "%j is text",
    (value) => {
      expect(readCell({ value })).toEqual({ kind: "text", text: value });
    },
  );

  it("a huge digit string is text, not Infinity", () => {
    const value = "9".repeat(500);
    expect(readCell({ value })).toEqual({ kind: "text", text: value });
  });
});

describe("readCell: blanks, none, words", () => {
  it.each<[string, RawCell]>([
    ["null", { value: null }],
    ["empty string", { value: "" }],
    ["white space", { value: "  \u00a0\t " }],
    ["a formula returning empty text", { value: "", formula: '=IF(A1="","",1)' }],
  ])("%s is blank", (_name, raw) => {
    expect(readCell(raw)).toEqual({ kind: "blank" });
  });

  it.each(["-", "—", "–", "x", "X", "không có", "Không có", "KHÔNG CÓ", " - ", "n/a"])("%j is none", (value) => {
    expect(readCell({ value })).toEqual({ kind: "none", text: value.trim() });
  });

  it.each(["không có", "Không có"])("NFD %j is none, NFC in the reading", (value) => {
    expect(readCell({ value: value.normalize("NFD") })).toEqual({ kind: "none", text: value.normalize("NFC") });
  });

  it.each(["Có", "Không", "không", "có", "Tốt", "Có vi phạm", "Đã thực hiện", "Trực tuyến"])(
    "flag word %j is text for the rules to map",
    (value) => {
      expect(readCell({ value: value.normalize("NFD") })).toEqual({ kind: "text", text: value });
    },
  );

  it.each([true, false])("boolean %s reads as a boolean (the rules decide what it stands for)", (value) => {
    expect(readCell({ value })).toEqual({ kind: "boolean", value, fromFormula: false });
    expect(readCell({ value, formula: "=A1>0" })).toEqual({ kind: "boolean", value, fromFormula: true });
  });
});

describe("readCell: dates where numbers belong", () => {
  // 45638 is 12/12/2024, 45323 is 1/2/2024 (day/month); what Excel stores when "12/12" or "1/2" is typed.
  it.each<[string, RawCell, string]>([
    ["12/12 typed in a Vietnamese Excel (dd/mm)", { value: 45638, numberFormat: "dd/mm" }, "12/12"],
    ["1/2 typed (d/m)", { value: 45323, numberFormat: "d/m" }, "1/2"],
    ["a format showing the year", { value: 45638, numberFormat: "dd/mm/yyyy" }, "12/12/2024"],
    ["an English short date", { value: 45638, numberFormat: "m/d/yyyy" }, "12/12/2024"],
    ["day and month name", { value: 45638, numberFormat: "d-mmm" }, "12/12"],
    ["a locale-tagged date", { value: 45638, numberFormat: "[$-42A]dd/mm/yyyy" }, "12/12/2024"],
    ["a quoted y is a literal", { value: 45638, numberFormat: 'dd/mm" y"' }, "12/12"],
    ["a time alone", { value: 0.0625, numberFormat: "h:mm" }, "1:30"],
  ])("%s reads as a date, never as the serial", (_name, raw, text) => {
    expect(readCell(raw)).toEqual({ kind: "date", serial: raw.value, text, fromFormula: false });
  });
});

describe("readCell: a formula without a saved result", () => {
  it("is uncomputed, not blank", () => {
    expect(readCell({ value: null, formula: "=SUM(D12:D13)" })).toEqual({ kind: "uncomputed", formula: "=SUM(D12:D13)" });
  });
  it("a formula whose result is empty text is blank", () => {
    expect(readCell({ value: "", formula: '=IF(D12="","",D12)' })).toEqual({ kind: "blank" });
  });
});

describe("readCell: Excel errors", () => {
  it.each(["#DIV/0!", "#VALUE!", "#REF!", "#N/A", "#NAME?", "#NUM!", "#NULL!", "#SPILL!", "#CALC!", "#GETTING_DATA"])(
    "%s as a value is an error",
    (code) => {
      expect(EXCEL_ERRORS).toContain(code);
      expect(readCell({ value: code })).toEqual({ kind: "error", code, fromFormula: false });
      expect(readCell({ value: code, formula: "=A1/B1" })).toEqual({ kind: "error", code, fromFormula: true });
    },
  );

  it("lower-case error text reads as the error", () => {
    expect(readCell({ value: "#n/a" })).toEqual({ kind: "error", code: "#N/A", fromFormula: false });
  });

  it("a text that merely starts with # is text", () => {
    expect(readCell({ value: "#1" })).toEqual({ kind: "text", text: "#1" });
  });

  it.each([NaN, Infinity, -Infinity])("the non-number %s reads as #NUM!", (value) => {
    expect(readCell({ value })).toEqual({ kind: "error", code: "#NUM!", fromFormula: false });
  });

  it("a percentage format that overflows reads as #NUM!", () => {
    expect(readCell({ value: Number.MAX_VALUE, numberFormat: "0%" })).toEqual({ kind: "error", code: "#NUM!", fromFormula: false });
  });
});

describe("readCell: a long text is never parsed as a number (docs/READING.md: 40 characters)", () => {
  it("reads 40 characters of digits as a number and 41 as text", () => {
    const digits = (n: number) => "0".repeat(n - 1) + "7";
    expect(readCell({ value: digits(40) })).toMatchObject({ kind: "number", value: 7, stored: "text" });
    expect(readCell({ value: digits(41) })).toEqual({ kind: "text", text: digits(41) });
  });
});
