/** The adapter's pure helpers: names, text escaping, areas, addresses, widths, error codes. */
import { at } from "../fixtures/a1";
import { ExcelHostError, toExcelHostError } from "../../src/excel/errors";
import { compactAreas, markAreas, splitAreas } from "../../src/excel/highlights";
import { addressOrigin } from "../../src/excel/readSheets";
import { charsToPoints } from "../../src/excel/renderPlan";
import { literalText } from "../../src/excel/writeCells";
import type { Finding } from "../../src/core";

test.each([
  ["Số nhiệm vụ", "Số nhiệm vụ"],
  ["02", "'02"],
  ["100%", "'100%"],
  ["1/2", "'1/2"],
  ["3.036", "'3.036"],
  ["=SUM(A1)", "'=SUM(A1)"],
  ["-", "'-"],
  ["+ Khác", "'+ Khác"],
  ["TRUE", "'TRUE"],
  ["Không = 0 Có = 1", "Không = 0 Có = 1"],
  ["", ""],
])("literalText(%j) = %j", (text, expected) => {
  expect(literalText(text)).toBe(expected);
});

test.each([
  [["D12"], "D12"],
  [["D12", "D13", "D14", "E20"], "D12:D14,E20"],
  [["D14", "D12", "D13", "D16"], "D12:D14,D16"],
  [["B2", "C2"], "B2,C2"],
])("compactAreas(%j) = %s", (cells, expected) => {
  expect(compactAreas(cells.map(at))).toBe(expected);
});

test("markAreas: the most severe finding on a cell wins; infos are not marked", () => {
  const f = (a1: string, severity: Finding["severity"]): Finding => ({ code: "excel_error", severity, indicator: "I.1", cell: at(a1), cells: [at(a1)], actual: null, expected: null, fix: null });
  expect(markAreas([f("D10", "warning"), f("D10", "error"), f("D11", "warning"), f("D12", "info")])).toEqual([
    { severity: "error", areas: "D10" },
    { severity: "warning", areas: "D11" },
  ]);
});

test.each([
  ["Sheet1!A1:E200", { row: 0, col: 0 }],
  ["'Phụ lục (2)'!C5:G190", { row: 4, col: 2 }],
  ["'It''s!'!B2", { row: 1, col: 1 }],
])("addressOrigin(%s)", (address, origin) => {
  expect(addressOrigin(address)).toEqual(origin);
});

test("column widths: Excel's character units to points", () => {
  expect(charsToPoints(8.43)).toBe(48);
  expect(charsToPoints(50)).toBeCloseTo(266.25, 2);
});

test("toExcelHostError keeps typed errors and reads office-js codes", () => {
  const typed = new ExcelHostError("sheet_missing");
  expect(toExcelHostError(typed)).toBe(typed);
  expect(toExcelHostError(Object.assign(new Error("x"), { code: "AccessDenied" })).reason).toBe("sheet_protected");
  expect(toExcelHostError("weird").reason).toBe("excel_failed");
});

test("long area lists are cut at commas, every area kept once", () => {
  const cells = Array.from({ length: 400 }, (_, i) => `D${i * 2 + 1}`);
  const parts = splitAreas(cells.join(","), 100);
  expect(parts.length).toBeGreaterThan(10);
  for (const p of parts) expect(p.length).toBeLessThanOrEqual(100);
  expect(parts.join(",").split(",")).toEqual(cells);
  expect(splitAreas("D1")).toEqual(["D1"]);
});
