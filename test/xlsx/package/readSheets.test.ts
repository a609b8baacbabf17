/**
 * The streaming reader gives the engine the same grids as ExcelJS's reader (values, formulas, number formats,
 * texts) on every test workbook and on random ones; reads what ExcelJS cannot; and probes other sheets without
 * expanding them.
 */
import ExcelJS from "exceljs";
import fc from "fast-check";
import * as fs from "fs";
import * as path from "path";
import { readWorkbook } from "../../../src/xlsx/readWorkbook";
import { readWorkbookSheets, slideFormula, StreamReadError } from "../../../src/xlsx/package/readSheets";
import { entryBytes, readZip, zipOf } from "../../../src/xlsx/package/zip";
import { book } from "./parts";

const ROOT = path.resolve(__dirname, "../../..");
const FILES = [
  ...fs.readdirSync(path.join(ROOT, "test/xlsx/golden")).filter((f) => f.endsWith(".xlsx") && f !== "text-renamed.xlsx").map((f) => `test/xlsx/golden/${f}`),
  "samples/phu-luc-mau-2023.xlsx",
  "test/xlsx/writers/libreoffice.xlsx",
  "test/xlsx/writers/xlsxwriter.xlsx",
];

async function same(bytes: Uint8Array): Promise<void> {
  const a = await readWorkbook(bytes);
  const b = readWorkbookSheets(bytes);
  // One known ExcelJS mistake: a text formula result in a date-formatted cell becomes NaN ("NaN/NaN/NaN").
  // The streaming reader keeps the text; everywhere else the two must agree exactly.
  a.forEach((sheet, i) =>
    sheet.grid.values.forEach((row, r) =>
      row.forEach((v, c) => {
        if (typeof v !== "number" || !Number.isNaN(v)) return;
        const ours = b.sheets[i].grid;
        expect(typeof ours.values[r][c]).toBe("string");
        (row as unknown[])[c] = ours.values[r][c];
        (sheet.grid.texts![r] as string[])[c] = ours.texts![r][c];
      }),
    ),
  );
  expect(b.sheets.map((s) => ({ name: s.name, grid: s.grid, hidden: s.hidden }))).toEqual(a);
}

test.each(FILES)("%s: the same grids as ExcelJS", async (file) => {
  await same(fs.readFileSync(path.join(ROOT, file)));
});

test("random workbooks written by ExcelJS: the same grids", async () => {
  const value = fc.oneof(
    fc.constant<ExcelJS.CellValue>(null),
    fc.integer({ min: -5000, max: 5000 }),
    fc.double({ min: -1e6, max: 1e6, noNaN: true, noDefaultInfinity: true }),
    fc.string({ maxLength: 8 }),
    fc.boolean(),
    fc.constantFrom<ExcelJS.CellValue>(
      "Tỷ lệ & <b>",
      { error: "#DIV/0!" } as ExcelJS.CellErrorValue,
      { formula: "A1+1", result: 3 } as ExcelJS.CellFormulaValue,
      { formula: "\"x\"&A1", result: "x1" } as ExcelJS.CellFormulaValue,
      { richText: [{ text: "Số " }, { text: "liệu", font: { bold: true } }] },
      new Date(Date.UTC(2023, 11, 14)),
    ),
  );
  const cell = fc.record({ row: fc.integer({ min: 1, max: 30 }), col: fc.integer({ min: 1, max: 8 }), value, numFmt: fc.option(fc.constantFrom("0.00", "#,##0", "@", "0%", "0.00%", "dd/mm/yyyy"), { nil: undefined }) });
  await fc.assert(
    fc.asyncProperty(fc.array(cell, { maxLength: 30 }), fc.option(fc.constantFrom("A1:B2", "C3:C5", "D1:F1"), { nil: undefined }), async (cells, merge) => {
      const wb = new ExcelJS.Workbook();
      const ws = wb.addWorksheet("Trang 1");
      wb.addWorksheet("Trống");
      for (const c of cells) {
        const target = ws.getCell(c.row, c.col);
        target.value = c.value;
        if (c.numFmt) target.numFmt = c.numFmt;
      }
      if (merge) ws.mergeCells(merge);
      await same(new Uint8Array(await wb.xlsx.writeBuffer()));
    }),
    { numRuns: 60 },
  );
});

test("a shared formula's cells get the master's formula moved, as ExcelJS moves it", () => {
  expect(slideFormula("SUM(A1:B1)+$C$1+C$2+Sheet2!D4+LOG10(2)", { row: 0, col: 0 }, { row: 2, col: 1 })).toBe("SUM(B3:C3)+$C$1+D$2+Sheet2!E6+LOG10(2)");
  const bytes = book({ sheets: { S: '<row r="1"><c r="A1"><f t="shared" ref="A1:A3" si="0">B1*2</f><v>2</v></c></row><row r="2"><c r="A2"><f t="shared" si="0"/><v>4</v></c></row>' } });
  expect(readWorkbookSheets(bytes).sheets[0].grid.formulas).toEqual([["=B1*2"], ["=B2*2"]]);
});

test("rows and cells without r, inline strings, rich and phonetic runs: read as Excel shows them", () => {
  const body = '<row><c t="inlineStr"><is><t>Chỉ tiêu</t></is></c><c><v>5</v></c></row><row><c t="s"><v>0</v></c></row>';
  const sst = '<sst xmlns="m"><si><r><t>Số </t></r><r><t>liệu</t></r><rPh sb="0" eb="1"><t>x</t></rPh></si></sst>';
  const bytes = book({ sheets: { S: body }, extraParts: [{ name: "xl/sharedStrings.xml", data: sst }], sharedStrings: true });
  expect(readWorkbookSheets(bytes).sheets[0].grid.values).toEqual([["Chỉ tiêu", 5], ["Số liệu", null]]);
});

test("CDATA sections in inline strings, shared strings, values and formulas: their text as it is", () => {
  const body = '<row r="1"><c r="A1" t="inlineStr"><is><t><![CDATA[Chỉ tiêu & <số>]]></t></is></c><c r="B1" t="s"><v>0</v></c><c r="C1" t="str"><f><![CDATA[B1&"x"]]></f><v><![CDATA[Số liệu & x]]></v></c></row>';
  const sst = '<sst xmlns="m"><si><t>Số <![CDATA[liệu]]> &amp;</t></si></sst>';
  const bytes = book({ sheets: { S: body }, extraParts: [{ name: "xl/sharedStrings.xml", data: sst }], sharedStrings: true });
  const grid = readWorkbookSheets(bytes).sheets[0].grid;
  expect(grid.values).toEqual([["Chỉ tiêu & <số>", "Số liệu &", "Số liệu & x"]]);
  expect(grid.formulas).toEqual([["", "", '=B1&"x"']]);
});

describe("only the sheets that may hold the appendix are read whole", () => {
  const header = '<row r="1"><c r="A1" t="inlineStr"><is><t>STT</t></is></c><c r="B1" t="inlineStr"><is><t>Chỉ tiêu thống kê</t></is></c></row><row r="2"><c r="B2"><v>7</v></c></row>';
  let other = "";
  for (let r = 1; r <= 30000; r++) other += `<row r="${r}"><c r="A${r}"><v>${r}</v></c><c r="B${r}"><v>${r * 7 % 1000}</v></c><c r="C${r}"><v>${r % 13}</v></c></row>`;
  const bytes = book({ sheets: { "Dữ liệu": other, "Phụ lục": header } });
  const mayHold = (t: string) => t === "Chỉ tiêu thống kê";

  test("the other sheet is probed over its first rows only, never read whole", () => {
    const read = readWorkbookSheets(bytes, { mayHold, probeRows: 2000 });
    expect(read.sheetNames).toEqual(["Dữ liệu", "Phụ lục"]);
    expect(read.sheets.map((s) => s.name)).toEqual(["Phụ lục"]);
    expect(read.sheets[0].grid.values).toEqual([["STT", "Chỉ tiêu thống kê"], [null, 7]]);
    // The other sheet's part expands to ~2 MB; the probe stops after its first 2,000 rows.
    expect(other.length).toBeGreaterThan(2_000_000);
    expect(read.expandedBytes).toBeLessThan(300_000);
  });

  test("without a probe every worksheet is read; --sheet reads only the one named", () => {
    expect(readWorkbookSheets(bytes).sheets.map((s) => s.name)).toEqual(["Dữ liệu", "Phụ lục"]);
    expect(readWorkbookSheets(bytes, { sheet: "Phụ lục" }).sheets.map((s) => s.name)).toEqual(["Phụ lục"]);
  });
});

test("files that are no workbook: the same reasons as ExcelJS's path", () => {
  const reason = (b: Uint8Array) => {
    try {
      readWorkbookSheets(b);
      return "read";
    } catch (e) {
      return e instanceof StreamReadError ? e.reason : String(e);
    }
  };
  expect(reason(new Uint8Array(0))).toBe("empty");
  expect(reason(new TextEncoder().encode("STT;Chỉ tiêu"))).toBe("not_xlsx");
  expect(reason(Uint8Array.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, 0, 0]))).toBe("old_xls");
  const good = book({ sheets: { S: "" } });
  expect(reason(good.subarray(0, good.length - 30))).toBe("damaged");
  // A package whose root relationship names another part: a workbook under another name is read, a document is not.
  const rels = (target: string) => `<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="${target}"/></Relationships>`;
  const moved = readZip(good).entries.map((e) => ({ name: e.name === "xl/workbook.xml" ? "xl/book.xml" : e.name === "xl/_rels/workbook.xml.rels" ? "xl/_rels/book.xml.rels" : e.name, data: e.name === "_rels/.rels" ? rels("xl/book.xml") : entryBytes(readZip(good), e) }));
  expect(reason(zipOf(moved))).toBe("read");
  const types = '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"/>';
  expect(reason(zipOf([{ name: "[Content_Types].xml", data: types }, { name: "_rels/.rels", data: rels("word/document.xml") }, { name: "word/document.xml", data: "<w:document/>" }]))).toBe("not_xlsx");
  expect(reason(zipOf([{ name: "[Content_Types].xml", data: types }, { name: "_rels/.rels", data: rels("main.xml") }, { name: "main.xml", data: "<other/>" }]))).toBe("not_xlsx");
  expect(reason(zipOf([{ name: "[Content_Types].xml", data: types }, { name: "_rels/.rels", data: rels("nowhere.xml") }]))).toBe("not_xlsx");
});
