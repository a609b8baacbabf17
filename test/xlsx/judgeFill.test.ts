/**
 * `cchc fill` on workbooks the earlier fixtures do not cover (test/xlsx/judge, made by
 * scripts/fixtures/judge_fixtures.py from one openpyxl workbook, each changed as some writer or office does it).
 * Each either gives a copy in which every part but the appendix sheet, the styles, the workbook part and the
 * content types is byte-identical (local and central records, compressed bytes), the sheet differs only in the
 * target cell (and, where the target lies outside them, the row's spans and the sheet's dimension), the styles
 * only by appended cell formats and the workbook part only by the calc flag, and LibreOffice recalculates the
 * target to 87.23 and shows every other cell as before; or it is refused with one sentence and nothing written.
 */
import * as fs from "fs";
import * as path from "path";
import { run } from "../../src/cli/run";
import { openPackage } from "../../src/xlsx/package/opc";
import { withFullCalcOnLoad } from "../../src/xlsx/package/patchWorkbook";
import { cellFormatCodes } from "../../src/xlsx/package/styles";
import { expectOnlyD4Filled, zipRecords } from "./packageCompare";
import { tempDir } from "../fixtures/tempDir";

jest.setTimeout(300000);

const JUDGE = path.join(__dirname, "judge");
const SHEET = "Phụ lục";

/** What each workbook must give: a copy with D4 filled, or a refusal whose sentence contains the text. */
const EXPECTED: Record<string, { refused: string } | { filled: true; lo?: false }> = {
  "bom-utf8": { filled: true },
  cdata: { filled: true },
  "chuoi-dinh-dang": { filled: true },
  "chuoi-noi-dong": { filled: true },
  "chuoi-tinh-toan": { filled: true },
  "cong-thuc-chung-ben-canh": { filled: true },
  "cong-thuc-chung-de-len-o": { refused: "ô D4 nằm trong vùng D3:D4 dùng chung một công thức" },
  "cong-thuc-mang-ben-canh": { filled: true },
  "dinh-dang-co-dieu-kien": { filled: true },
  "dong-co-spans-dimension-hep": { filled: true },
  "dong-sai-thu-tu-sau": { filled: true },
  "dong-sai-thu-tu-truoc": { refused: "các dòng hoặc ô của trang tính không theo thứ tự nên không chắc ô D4 nằm ở đâu" },
  "google-sheets": { filled: true },
  "he-ngay-1904": { filled: true },
  "khong-nen": { filled: true },
  "khong-co-styles": { filled: true },
  "mo-ta-du-lieu": { filled: true },
  "nhan-la-cong-thuc": { filled: true },
  "nhay-don": { filled: true },
  "o-dich-co-san-kieu-chung": { filled: true },
  "o-dich-chuoi-rong-ten-ncr": { filled: true },
  "phan-ten-khac": { filled: true },
  "strict-ooxml": { filled: true },
  "tham-chieu-ky-tu": { filled: true },
  "tien-to-x": { filled: true },
  utf16: { refused: "bị hỏng hoặc không phải tệp .xlsx hợp lệ" },
  "vung-in-libreoffice": { filled: true },
  "xml-thut-dong": { filled: true },
  zip64: { filled: true },
};

let dir: string;
beforeAll(() => {
  dir = tempDir("cchc-judge-");
});
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

test("every workbook the script makes has an expectation", () => {
  const files = fs.readdirSync(JUDGE).filter((f) => f.endsWith(".xlsx")).map((f) => f.slice(0, -5)).sort();
  expect(files).toEqual(Object.keys(EXPECTED).sort());
});

/** The sheet part without the element of cell `cell` (any prefix, either quote), and without `spans` on its row. */
function withoutCell(xml: string, cell: string): string {
  const row = cell.replace(/^[A-Z]+/, "");
  // Outside XML comments only (a comment may quote a cell).
  return xml
    .split(/(<!--[\s\S]*?-->)/)
    .map((piece) => (piece.startsWith("<!--") ? piece : outsideComments(piece, cell, row)))
    .join("");
}

function outsideComments(xml: string, cell: string, row: string): string {
  return xml
    .replace(new RegExp(`<(\\w+:)?c r=["']${cell}["'](\\s[^>]*?)?(/>|>[\\s\\S]*?</(\\w+:)?c>)`), "")
    .replace(new RegExp(`(<(?:\\w+:)?row r=["']${row}["'][^>]*?) spans=["'][^"']*["']`), "$1");
}

/** The sheet part with its dimension's reference taken out. */
function withoutDimension(xml: string): string {
  return xml.replace(/(<(?:\w+:)?dimension ref=)["'][^"']*["']/, "$1");
}

async function fill(input: string, output: string): Promise<{ code: number; text: string }> {
  let text = "";
  const code = await run(["fill", input, "-o", output], { out: (t) => (text += t), err: (t) => (text += t) });
  return { code, text };
}

describe.each(Object.keys(EXPECTED))("%s", (name) => {
  const expected = EXPECTED[name];
  const input = path.join(JUDGE, `${name}.xlsx`);
  let output: string;
  let inputBytes: Buffer;
  let result: { code: number; text: string };

  beforeAll(async () => {
    output = path.join(dir, `${name}-filled.xlsx`);
    inputBytes = fs.readFileSync(input);
    result = await fill(input, output);
  });

  test("the input is unchanged", () => {
    expect(fs.readFileSync(input).equals(inputBytes)).toBe(true);
  });

  if ("refused" in expected) {
    test("refused in one sentence, nothing written", () => {
      expect(result.code).toBe(2);
      expect(result.text).toContain(expected.refused);
      expect(result.text.trim().split("\n")).toHaveLength(1);
      expect(fs.existsSync(output)).toBe(false);
      expect(fs.readdirSync(dir).filter((f) => f.includes(name))).toEqual([]);
    });
    return;
  }

  test("filled D4 with the completion rate", () => {
    expect([result.code, result.text]).toEqual([0, expect.stringMatching(/Đã điền 1 ô:\n {2}D4 = 87,23 /)]);
  });

  test("only the sheet, the styles, the workbook part and the content types differ; records and order kept", () => {
    const pkg = openPackage(inputBytes);
    const sheet = pkg.sheets.find((s) => s.name === SHEET)!;
    const allowed = new Set([sheet.part, pkg.stylesPart, pkg.workbookPart, "[Content_Types].xml"].flatMap((p) => (p ? [pkg.entry(p)!.name] : [])));
    const a = zipRecords(inputBytes);
    const b = zipRecords(fs.readFileSync(output));
    expect(b.map((r) => r[0])).toEqual(a.map((r) => r[0]));
    const changed = b.filter((r, i) => r[1] !== a[i][1] || r[2] !== a[i][2]).map((r) => r[0]);
    expect(changed.filter((n) => !allowed.has(n))).toEqual([]);
    expect(changed).toContain(pkg.entry(sheet.part)!.name);
  });

  test("the workbook part differs only by the calc flag; the styles only by appended cell formats", () => {
    const before = openPackage(inputBytes);
    const after = openPackage(fs.readFileSync(output));
    expect(after.text(after.workbookPart)).toBe(withFullCalcOnLoad(before.text(before.workbookPart)));
    if (!before.stylesPart) return expect(after.stylesPart).toBeNull();
    const s0 = before.text(before.stylesPart!);
    const s1 = after.text(after.stylesPart!);
    const c0 = cellFormatCodes(s0);
    const c1 = cellFormatCodes(s1);
    expect(c1.slice(0, c0.length)).toEqual(c0);
    const close = (s: string) => s.search(/<\/(\w+:)?cellXfs>/);
    expect(s1.slice(close(s1))).toBe(s0.slice(close(s0)));
  });

  test("the sheet differs only in the target cell (its row's spans and the dimension widened at most)", () => {
    const before = openPackage(inputBytes);
    const after = openPackage(fs.readFileSync(output));
    const part = before.sheets.find((s) => s.name === SHEET)!.part;
    const x0 = before.text(part);
    const x1 = after.text(part);
    expect(x1).not.toBe(x0);
    expect(x1).toMatch(/<(\w+:)?c r=["']D4["'][^>]*>\s*<(\w+:)?f>ROUND\(D6\/D5\*100,2\)<\/(\w+:)?f><(\w+:)?v>87.23</);
    const a = withoutDimension(withoutCell(x1, "D4"));
    const b = withoutDimension(withoutCell(x0, "D4"));
    let i = 0;
    while (i < a.length && a[i] === b[i]) i++;
    expect([a.length === b.length && i === a.length, a.slice(i - 80, i + 80)]).toEqual([true, b.slice(i - 80, i + 80)]);
    const dim = /<(?:\w+:)?dimension ref=["']([^"']*)["']/.exec(x1)?.[1];
    if (dim) expect(dim).toMatch(/^A1:[D-Z]\d+$/);
  });

  test("LibreOffice recalculates D4 to 87.23 and shows every other cell as before", () => {
    expectOnlyD4Filled(input, output, (sheet) => sheet === SHEET);
  });
});

describe("a macro-enabled workbook (.xlsm)", () => {
  const input = path.join(JUDGE, "so-co-macro.xlsm");

  test("filled into an .xlsx name: refused in one sentence (Excel would not open it), nothing written", async () => {
    const output = path.join(dir, "so-co-macro-da-dien.xlsx");
    const r = await fill(input, output);
    expect(r.code).toBe(2);
    expect(r.text.trim().split("\n")).toEqual([expect.stringContaining("là sổ làm việc có macro (.xlsm); tệp kết quả phải có cùng đuôi .xlsm thì Excel mới mở được, ví dụ “so-co-macro-da-dien.xlsm”.")]);
    expect(fs.existsSync(output)).toBe(false);
  });

  test("filled into an .xlsm: D4 written, the VBA project and every other part copied as they were", async () => {
    const output = path.join(dir, "so-co-macro-da-dien.xlsm");
    const r = await fill(input, output);
    expect([r.code, r.text]).toEqual([0, expect.stringMatching(/Đã điền 1 ô:\n {2}D4 = 87,23 /)]);
    const a = zipRecords(fs.readFileSync(input));
    const b = zipRecords(fs.readFileSync(output));
    expect(b.map((x) => x[0])).toEqual(a.map((x) => x[0]));
    const changed = b.filter((x, i) => x[1] !== a[i][1] || x[2] !== a[i][2]).map((x) => x[0]);
    expect(changed).toEqual(["xl/worksheets/sheet1.xml", "xl/styles.xml"]); // the rate's "0.00" as a new cell format
    expect(a.map((x) => x[0])).toContain("xl/vbaProject.bin");
  });

  test("an .xlsx is never written under an .xlsm name", async () => {
    const output = path.join(dir, "chuoi-noi-dong.xlsm");
    const r = await fill(path.join(JUDGE, "chuoi-noi-dong.xlsx"), output);
    expect([r.code, r.text.trim()]).toEqual([2, `Tệp kết quả “${output}” phải có đuôi .xlsx.`]);
    expect(fs.existsSync(output)).toBe(false);
  });
});
