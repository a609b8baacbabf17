/**
 * Nothing lost through the .xlsx path: random workbooks (the sample with random values, formulas, number formats,
 * fills and borders in and around the appendix, plus another sheet) through `cchc fill`. Every cell of every sheet
 * of the output equals the input's (value, formula, number format, fill, border, font), except the patched
 * targets, and those were blank or already held the computed value. The input file is byte-for-byte unchanged.
 */
import { checkWorkbook, templates, toA1 } from "../../src/core";
import ExcelJS from "exceljs";
import fc from "fast-check";
import * as fs from "fs";
import * as path from "path";
import { readWorkbook } from "../../src/xlsx/readWorkbook";
import { run } from "../../src/cli/run";
import { tempDir } from "../fixtures/tempDir";

jest.setTimeout(120000);

const SAMPLE = path.resolve(__dirname, "../../samples/phu-luc-mau-2023.xlsx");
const RUNS = 40;
let dir: string;
beforeAll(() => {
  dir = tempDir("cchc-fillprop-");
});
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

const edit = fc.record({
  row: fc.integer({ min: 1, max: 200 }),
  col: fc.integer({ min: 1, max: 7 }),
  value: fc.oneof(
    fc.constant<ExcelJS.CellValue>(null),
    fc.integer({ min: 0, max: 5000 }),
    fc.double({ min: -1e5, max: 1e5, noNaN: true, noDefaultInfinity: true }),
    fc.constantFrom<ExcelJS.CellValue>("02", "100%", "Có", "=x", { formula: "D13+D14", result: 88 } as ExcelJS.CellFormulaValue),
    fc.string({ maxLength: 10 }),
  ),
  numFmt: fc.option(fc.constantFrom("0.00", "#,##0", "@", "0%"), { nil: undefined }),
  fill: fc.option(fc.constantFrom("FFFFFF00", "FFDDEBF7"), { nil: undefined }),
  border: fc.boolean(),
});

const spec = fc.record({ edits: fc.array(edit, { maxLength: 20 }), other: fc.array(fc.tuple(fc.integer({ min: 1, max: 30 }), fc.string({ maxLength: 8 })), { maxLength: 10 }) });

/** Every cell of every sheet: address -> JSON of what the user would lose (value, formula, style). */
function cellsOf(wb: ExcelJS.Workbook): Map<string, string> {
  const out = new Map<string, string>();
  for (const ws of wb.worksheets) {
    ws.eachRow({ includeEmpty: true }, (row) =>
      row.eachCell({ includeEmpty: true }, (cell) => {
        out.set(`${ws.name}!${cell.address}`, JSON.stringify({ value: cell.value, style: cell.style, merged: cell.isMerged }));
      }),
    );
  }
  return out;
}

let filledRuns = 0;

test("cchc fill: every cell of every sheet kept except blank or agreeing targets; input unchanged", async () => {
  let n = 0;
  await fc.assert(
    fc.asyncProperty(spec, async (s) => {
      const wb = new ExcelJS.Workbook();
      await wb.xlsx.readFile(SAMPLE);
      const ws = wb.worksheets[0];
      for (const e of s.edits) {
        const cell = ws.getCell(e.row, e.col);
        cell.value = e.value;
        if (e.numFmt) cell.numFmt = e.numFmt;
        if (e.fill) cell.fill = { type: "pattern", pattern: "solid", fgColor: { argb: e.fill } };
        if (e.border) cell.border = { bottom: { style: "thin", color: { argb: "FFFF0000" } } };
      }
      const other = wb.addWorksheet("Ghi chép");
      for (const [r, t] of s.other) other.getCell(r, 2).value = t;
      const input = path.join(dir, `in-${n}.xlsx`);
      const output = path.join(dir, `out-${n++}.xlsx`);
      await wb.xlsx.writeFile(input);
      const inputBytes = fs.readFileSync(input);

      // What the engine will patch, and what those cells held.
      const sheets = await readWorkbook(inputBytes);
      const found = checkWorkbook(sheets, templates);
      let out = "";
      const code = await run(["fill", input, "-o", output], { out: (t) => (out += t), err: (t) => (out += t) });
      expect(fs.readFileSync(input).equals(inputBytes)).toBe(true);
      if (!found.found) {
        expect(code).toBe(2);
        expect(fs.existsSync(output)).toBe(false);
        return;
      }
      expect([0, 1]).toContain(code);
      const { patches } = found;
      if (patches.length) filledRuns++;
      const before = new ExcelJS.Workbook();
      await before.xlsx.load(inputBytes as unknown as ExcelJS.Buffer);
      const after = new ExcelJS.Workbook();
      await after.xlsx.readFile(output);
      expect(after.worksheets.map((w) => w.name)).toEqual(before.worksheets.map((w) => w.name));
      const targets = new Set(patches.map((p) => `${found.sheet}!${toA1(p.cell)}`));
      const a = cellsOf(before);
      const b = cellsOf(after);
      for (const k of new Set([...a.keys(), ...b.keys()])) {
        if (targets.has(k)) continue;
        // A cell ExcelJS lists in only one file must be blank and unstyled in the other.
        const blank = JSON.stringify({ value: null, style: {}, merged: false });
        expect([k, b.get(k) ?? blank]).toEqual([k, a.get(k) ?? blank]);
      }
      for (const p of patches) {
        const was = before.getWorksheet(found.sheet)!.getCell(toA1(p.cell)).value;
        const old = was && typeof was === "object" && "result" in was ? was.result : was;
        const agreed = old === null || old === undefined || old === "" || (typeof old === "number" && Math.abs(old - p.value) < 0.005);
        expect([toA1(p.cell), old, agreed]).toEqual([toA1(p.cell), old, true]);
        const now = after.getWorksheet(found.sheet)!.getCell(toA1(p.cell)).value as ExcelJS.CellFormulaValue;
        expect(`=${now.formula}`).toBe(p.formula);
      }
    }),
    { numRuns: RUNS },
  );
  expect(filledRuns).toBeGreaterThan(RUNS / 4);
});
