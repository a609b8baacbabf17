/**
 * What clerks type, as other writers save it (test/xlsx/reading, made by scripts/fixtures/reading_fixtures.py; the
 * ExcelJS copy is made here): each slip is read as meant through both .xlsx readers (the streaming one check and fill
 * use, and ExcelJS's), one finding each, and nothing else changes.
 */
import * as fs from "fs";
import * as path from "path";
import { checkWorkbook, templates, unitReport, type Finding, type FoundCheck, type Grid } from "../../src/core";
import { loadWorkbook, readWorkbook } from "../../src/xlsx";
import { readWorkbookSheets } from "../../src/xlsx/package";

const DIR = path.join(__dirname, "reading");

type Reader = (bytes: Uint8Array) => Promise<{ name: string; grid: Grid }[]>;
const readers: [string, Reader][] = [
  ["streaming reader", async (bytes) => readWorkbookSheets(bytes).sheets.map((s) => ({ name: s.name, grid: s.grid }))],
  ["ExcelJS reader", async (bytes) => readWorkbook(bytes)],
];

async function exceljsCopy(bytes: Uint8Array): Promise<Uint8Array> {
  const wb = await loadWorkbook(bytes);
  return new Uint8Array(await wb.xlsx.writeBuffer());
}

const files: [string, () => Promise<Uint8Array>][] = [
  ["openpyxl", async () => fs.readFileSync(path.join(DIR, "openpyxl-slips.xlsx"))],
  ["openpyxl, rows and cells without r", async () => fs.readFileSync(path.join(DIR, "openpyxl-slips-no-r.xlsx"))],
  ["LibreOffice", async () => fs.readFileSync(path.join(DIR, "libreoffice-slips.xlsx"))],
  ["ExcelJS (the openpyxl file saved again)", async () => exceljsCopy(fs.readFileSync(path.join(DIR, "openpyxl-slips.xlsx")))],
];

const summary = (f: Finding) => `${f.indicator} ${f.code} ${f.severity} ${JSON.stringify(f.actual)}${f.expected === null ? "" : ` -> ${f.expected}`}`;

describe.each(files)("%s", (writer, bytesOf) => {
  describe.each(readers)("%s", (_reader, read) => {
    let check: FoundCheck;
    let readGrid: Grid;
    beforeAll(async () => {
      const sheets = await read(await bytesOf());
      const found = checkWorkbook(sheets, templates);
      if (!found.found) throw new Error(`no appendix: ${JSON.stringify(found.failure)}`);
      check = found;
      readGrid = sheets.find((s) => s.name === found.sheet)!.grid;
    });

    it("finds every row, the outlined labels ('I. CÔNG TÁC …', 'c) Khác') included", () => {
      expect(check.location.missing).toEqual([]);
      expect(check.location.unrecognized).toEqual([]);
    });

    it("says each slip once, as meant", () => {
      const on = (id: string) => check.findings.filter((f) => f.indicator === id).map(summary);
      // 87 typed for 41/47 = 87.23: right to the unit, a warning whose fix is 87.23.
      expect(on("I.1")).toEqual(["I.1 rate_rounded warning 87 -> 87.23"]);
      // 1.248 documents: no made-up expected value, and no relation repeats it.
      expect(on("I.1.3")).toEqual(["I.1.3 count_not_whole error 1.248"]);
      // "12/12" became a date: said as a day, never as 45638.
      expect(on("I.2.1")).toEqual(['I.2.1 date_not_number error "12/12"']);
      // "100%" in a count: an error, and the tasks done (5 on time) are not compared with it.
      expect(on("I.4.1")).toEqual(['I.4.1 percent_in_count error "100%"']);
      expect(check.findings.filter((f) => f.relation === "i4_done_le_assigned")).toEqual([]);
      // TRUE in a yes/no row: a warning with the code 1 as its fix.
      expect(on("V.3.1")).toEqual(['V.3.1 boolean_as_code warning "TRUE" -> 1']);
      expect(check.findings.find((f) => f.indicator === "V.3.1")?.fix).toMatchObject({ value: 1, cellValue: 1 });
    });

    it("in consolidation, '100%' in a count is not added as 100, nor 1.248 or a date as numbers", () => {
      const unit = unitReport(`${writer}.xlsx`, readGrid, check);
      expect(["I.4.1", "I.1.3", "I.2.1"].map((id) => unit.values[id])).toEqual([undefined, undefined, undefined]);
      expect(unit.values["I.1.1"]).toBe(47);
    });

    it("a formula saved without its result is said so, unless the writer computed it", () => {
      const formula = check.findings.filter((f) => f.indicator === "II.2.1").map(summary);
      if (writer === "LibreOffice") expect(formula).toEqual([]);
      else expect(formula).toEqual(['II.2.1 formula_no_result warning "=6+7"']);
    });
  });
});
