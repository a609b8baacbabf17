/**
 * `cchc fill` on workbooks other programs wrote (LibreOffice, openpyxl, XlsxWriter: test/xlsx/writers, made by
 * scripts/fixtures/*.py): the copy is the user's workbook with the target cells added and nothing else different.
 * Every part but the filled sheet, the styles, the workbook part and the content types is byte-identical, local
 * and central records and compressed bytes alike; the workbook part differs only by the calc flag; the styles only
 * by appended cell formats; the sheet only in the target cells. LibreOffice, recalculating on load, shows the
 * targets' expected values and every other cell of every sheet as it showed them in the input.
 */
import * as fs from "fs";
import * as path from "path";
import { run } from "../../src/cli/run";
import { openPackage } from "../../src/xlsx/package/opc";
import { withFullCalcOnLoad } from "../../src/xlsx/package/patchWorkbook";
import { cellFormatCodes } from "../../src/xlsx/package/styles";
import { expectOnlyD4Filled, zipRecords } from "./packageCompare";
import { tempDir } from "../fixtures/tempDir";

jest.setTimeout(180000);

const WRITERS = path.join(__dirname, "writers");
let dir: string;
beforeAll(() => {
  dir = tempDir("cchc-writers-");
});
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

/** The sheet part without the elements of `cells` (what is left must be identical). */
function withoutCells(xml: string, cells: readonly string[]): string {
  let out = xml;
  for (const cell of cells) {
    out = out.replace(new RegExp(`<(\\w+:)?c r="${cell}"(\\s[^>]*?)?(/>|>[\\s\\S]*?</(\\w+:)?c>)`), "");
  }
  return out;
}

async function fill(input: string, output: string): Promise<{ code: number; text: string }> {
  let text = "";
  const code = await run(["fill", input, "-o", output, "--lang", "en"], { out: (t) => (text += t), err: (t) => (text += t) });
  return { code, text };
}

describe.each(["libreoffice", "openpyxl", "xlsxwriter"])("%s", (writer) => {
  const input = path.join(WRITERS, `${writer}.xlsx`);
  let output: string;
  let inputBytes: Buffer;
  let outputBytes: Buffer;
  let targets: string[];

  beforeAll(async () => {
    output = path.join(dir, `${writer}-filled.xlsx`);
    inputBytes = fs.readFileSync(input);
    const r = await fill(input, output);
    expect([r.code, r.text]).toEqual([0, expect.stringContaining("Filled 1 cell:")]);
    targets = [...r.text.matchAll(/^ {2}([A-Z]+\d+) = /gm)].map((m) => m[1]);
    outputBytes = fs.readFileSync(output);
  });

  test("the input is unchanged", () => {
    expect(fs.readFileSync(input).equals(inputBytes)).toBe(true);
  });

  test("every other part is byte-identical, compressed bytes and records included, in the same order", () => {
    const allowed = new Set(["xl/worksheets/sheet1.xml", "xl/styles.xml", "xl/workbook.xml", "[Content_Types].xml"]);
    const a = zipRecords(inputBytes);
    const b = zipRecords(outputBytes);
    expect(b.map((r) => r[0])).toEqual(a.map((r) => r[0]));
    const changed = b.filter((r, i) => r[1] !== a[i][1] || r[2] !== a[i][2]).map((r) => r[0]);
    expect(changed.every((name) => allowed.has(name))).toBe(true);
    expect(changed).toContain("xl/worksheets/sheet1.xml");
    // Parts that matter to the user, named so a lost one shows: charts, pivots, tables, comments, properties.
    expect(a.length).toBeGreaterThanOrEqual(14);
  });

  test("the workbook part differs only by the calc flag; the styles only by appended cell formats", () => {
    const before = openPackage(inputBytes);
    const after = openPackage(outputBytes);
    expect(after.text("xl/workbook.xml")).toBe(withFullCalcOnLoad(before.text("xl/workbook.xml")));
    const s0 = before.text(before.stylesPart!);
    const s1 = after.text(after.stylesPart!);
    const c0 = cellFormatCodes(s0);
    expect(cellFormatCodes(s1).slice(0, c0.length)).toEqual(c0);
    // Everything before <cellXfs> (fonts, fills, borders; numFmts may gain one), and after it, is unchanged.
    const tail = (s: string) => s.slice(s.indexOf("</cellXfs>"));
    expect(tail(s1)).toBe(tail(s0));
    const inner = (s: string) => s.slice(s.indexOf(">", s.indexOf("<cellXfs")) + 1, s.indexOf("</cellXfs>"));
    expect(inner(s1).startsWith(inner(s0))).toBe(true);
  });

  test("the filled sheet differs only in the target cells", () => {
    const before = openPackage(inputBytes).text("xl/worksheets/sheet1.xml");
    const after = openPackage(outputBytes).text("xl/worksheets/sheet1.xml");
    expect(targets).toHaveLength(1); // "Filled 1 cell" above
    expect(after).not.toBe(before);
    // Compared as booleans plus the first difference, so a failure does not print the whole part.
    const a = withoutCells(after, targets);
    const b = withoutCells(before, targets);
    let i = 0;
    while (i < a.length && a[i] === b[i]) i++;
    expect([a.length === b.length && i === a.length, a.slice(i - 80, i + 80)]).toEqual([true, b.slice(i - 80, i + 80)]);
  });

  test("LibreOffice recalculates the targets and shows every other cell of every sheet as before", () => {
    expectOnlyD4Filled(input, output, (sheet) => sheet.startsWith("Phụ lục"));
  });
});
