/**
 * One number-format parser (src/core/numberFormat.ts) behind every reader of a format, proven on .xlsx files: both
 * readers show a cell by the section its value falls in, and a rate filled into a cell formatted `0.00;[Red]-0.00%` goes in as percent points, reads
 * back as 87.23 and leaves nothing to say.
 */
import ExcelJS from "exceljs";
import * as fs from "fs";
import * as path from "path";
import { cellA1, layoutPlan, soNganh } from "../../src/core";
import { readWorkbook } from "../../src/xlsx";
import { readWorkbookSheets } from "../../src/xlsx/package";
import { cchcInProcess, checkJsonOf } from "../fixtures/cchcInProcess";
import { tempDir } from "../fixtures/tempDir";
import { unitWorkbook } from "./consolidateFixtures";

jest.setTimeout(60_000);

let dir: string;
beforeAll(() => {
  dir = tempDir("cchc-formats-");
});
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

/** Value, format and the text Excel shows. */
const CASES: readonly [number, string, string][] = [
  [0.8723, "0.00%", "87.23%"],
  // Positive numbers take the first section: plain, two decimals, no percent.
  [87.23, "0.00;[Red]-0.00%", "87.23"],
  // A negative one takes the second: a percent.
  [-0.5, "0.00;[Red]-0.00%", "-50.00%"],
  [0, "0.00;[Red]-0.00%", "0.00"],
  [0.5, "[Red]0.00%;-0.00", "50.00%"],
  // Conditions pick the section: 150 by [>=100], 5 by the rest.
  [150, "[>=100]0;0.00", "150"],
  [5, "[>=100]0;0.00", "5.00"],
  // A quoted % is a literal, not a percent.
  [41, '0"%"', "41"],
  [12, "0.0", "12.0"],
];

describe("both .xlsx readers show a cell by the section its value falls in", () => {
  let bytes: Uint8Array;
  beforeAll(async () => {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet("Định dạng");
    CASES.forEach(([value, format], i) => {
      const cell = ws.getCell(i + 1, 1);
      cell.value = value;
      cell.numFmt = format;
    });
    bytes = new Uint8Array(await wb.xlsx.writeBuffer());
  });

  test.each(CASES.map((c, i) => [c[1], c[0], i, c] as const))("%s, %s", async (_f, _v, i, [value, format, shown]) => {
    const streamed = readWorkbookSheets(bytes).sheets[0].grid;
    const viaExcelJs = (await readWorkbook(bytes))[0].grid;
    for (const grid of [streamed, viaExcelJs]) {
      expect(grid.values[i][0]).toBe(value);
      expect(grid.numberFormats?.[i][0]).toBe(format);
      expect(grid.texts?.[i][0]).toBe(shown);
    }
  });
});

describe("a blank rate in a cell formatted 0.00;[Red]-0.00%", () => {
  test("fill writes it as percent points (87.23, not the fraction 0.8723), and the filled copy reads back clean", async () => {
    const source = path.join(dir, "rate-format.xlsx");
    const filled = path.join(dir, "rate-format-filled.xlsx");
    fs.writeFileSync(
      source,
      await unitWorkbook({ unitName: "Sở A", computed: "blank", numberFormats: { "I.1": "0.00;[Red]-0.00%" }, values: { "I.1.1": 47, "I.1.2": 41 } }),
    );
    const rate = layoutPlan(soNganh, { unitName: "Sở A", year: 2023, period: "nam" }).names.find((n) => n.indicator === "I.1")!.cell;

    const before = await checkJsonOf(source);
    const missing = before.findings.find((f: { cell: string; code: string }) => f.cell === cellA1(rate));
    expect(missing).toMatchObject({ code: "computed_value_missing", expected: 87.23 });

    expect((await cchcInProcess(["fill", source, "-o", filled])).code).toBe(0);
    const grid = readWorkbookSheets(fs.readFileSync(filled)).sheets.find((s) => s.grid.values.length > 20)!.grid;
    expect(grid.formulas?.[rate.row][rate.col]).toMatch(/^=ROUND\(D\d+\/D\d+\*100,2\)$/);
    expect(grid.values[rate.row][rate.col]).toBe(87.23);
    expect(grid.numberFormats?.[rate.row][rate.col]).toBe("0.00;[Red]-0.00%");

    const after = await checkJsonOf(filled);
    expect(after.findings.filter((f: { cell: string }) => f.cell === cellA1(rate))).toEqual([]);
  });
});
