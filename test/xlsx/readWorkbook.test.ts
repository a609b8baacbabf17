import ExcelJS from "exceljs";
import { cellAt, fromA1 } from "../../src/core";
import { readWorkbook, WorkbookReadError, workbookBytes } from "../../src/xlsx";

async function roundTrip(build: (ws: ExcelJS.Worksheet) => void) {
  const wb = new ExcelJS.Workbook();
  build(wb.addWorksheet("Phụ lục"));
  wb.addWorksheet("Khác").getCell("A1").value = "x";
  const sheets = await readWorkbook(await workbookBytes(wb));
  const grid = sheets[0].grid;
  return { sheets, at: (a1: string) => cellAt(grid, fromA1(a1)!) };
}

describe("readWorkbook", () => {
  test("every sheet, in order, with its name", async () => {
    const { sheets } = await roundTrip((ws) => (ws.getCell("B2").value = 1));
    expect(sheets.map((s) => s.name)).toEqual(["Phụ lục", "Khác"]);
  });

  test.each<[string, ExcelJS.CellValue, string | undefined, object]>([
    ["a number", 47, undefined, { value: 47, text: "47" }],
    ["text that looks like a number", "02", undefined, { value: "02", text: "02" }],
    ["a percentage", 0.8723, "0.00%", { value: 0.8723, numberFormat: "0.00%", text: "87.23%" }],
    ["fixed decimals", 87.2, "0.00", { value: 87.2, text: "87.20" }],
    ["rich text, flattened", { richText: [{ text: "Số " }, { font: { bold: true }, text: "liệu" }] }, undefined, { value: "Số liệu" }],
    ["an error value", { error: "#DIV/0!" } as ExcelJS.CellErrorValue, undefined, { value: "#DIV/0!" }],
    ["a formula with its cached result", { formula: "ROUND(41/47*100,2)", result: 87.23 } as ExcelJS.CellFormulaValue, undefined,
      { value: 87.23, formula: "=ROUND(41/47*100,2)" }],
    ["a formula whose result is an error", { formula: "1/0", result: { error: "#DIV/0!" } } as ExcelJS.CellFormulaValue, undefined,
      { value: "#DIV/0!", formula: "=1/0" }],
    ["a formula with no cached result", { formula: "A1+1" } as ExcelJS.CellFormulaValue, undefined, { value: null, formula: "=A1+1" }],
    ["a boolean", true, undefined, { value: true }],
    ["a date, as its serial number", new Date(Date.UTC(2023, 11, 15)), "dd/mm/yyyy", { value: 45275, text: "15/12/2023" }],
    ["a hyperlink", { text: "cchc.soctrang.gov.vn", hyperlink: "https://cchc.soctrang.gov.vn/" }, undefined, { value: "cchc.soctrang.gov.vn" }],
  ])("%s", async (_name, value, numFmt, expected) => {
    const { at } = await roundTrip((ws) => {
      const c = ws.getCell("D12");
      c.value = value;
      if (numFmt) c.numFmt = numFmt;
    });
    expect(at("D12")).toMatchObject(expected);
  });

  test("a shared formula reads as its own formula, references moved", async () => {
    const { at } = await roundTrip((ws) => {
      ws.getCell("A1").value = 1;
      ws.getCell("A2").value = 2;
      ws.getCell("B1").value = { formula: "A1*10", result: 10, shareType: "shared", ref: "B1:B2" } as ExcelJS.CellFormulaValue;
      ws.getCell("B2").value = { sharedFormula: "B1", result: 20 } as ExcelJS.CellSharedFormulaValue;
    });
    expect([at("B1"), at("B2")]).toEqual([
      expect.objectContaining({ value: 10, formula: "=A1*10" }),
      expect.objectContaining({ value: 20, formula: "=A2*10" }),
    ]);
  });

  test("the grid ends at the last value, not at a far-away formatted cell", async () => {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet("Phụ lục");
    ws.getCell("B3").value = "Chỉ tiêu thống kê";
    ws.getCell("XFD1048576").numFmt = "0.00";
    ws.getCell("A30000").value = "far below the limit";
    const [sheet] = await readWorkbook(await workbookBytes(wb));
    expect([sheet.grid.values.length, sheet.grid.values[0].length]).toEqual([3, 2]);
  });

  test("a merged area holds its value only in the top-left cell", async () => {
    const { at } = await roundTrip((ws) => {
      ws.getCell("C9").value = "Kết quả thống kê";
      ws.mergeCells("C9:D9");
    });
    expect(at("C9").value).toBe("Kết quả thống kê");
    expect(at("D9").value).toBeNull();
  });

  test.each<[string, Uint8Array, string]>([
    ["an empty file", new Uint8Array(), "empty"],
    ["a text file", new TextEncoder().encode("STT\tChỉ tiêu thống kê\n"), "not_xlsx"],
    ["an old .xls", new Uint8Array([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, 0, 0]), "old_xls"],
    ["a truncated zip", new Uint8Array([0x50, 0x4b, 0x03, 0x04, 1, 2, 3, 4, 5]), "damaged"],
  ])("%s is refused with a reason", async (_name, bytes, reason) => {
    await expect(readWorkbook(bytes)).rejects.toEqual(expect.objectContaining({ name: "WorkbookReadError", reason }));
    await expect(readWorkbook(bytes)).rejects.toBeInstanceOf(WorkbookReadError);
  });
});
