/**
 * Workbooks shaped in ways that could make a check silently wrong: merged value cells, hidden rows, filters,
 * several appendices in one file, an appendix split over two sheets. Each must get a clear answer (a note line in
 * `cchc check`, a field in --json), never a silent choice.
 */
import ExcelJS from "exceljs";
import * as fs from "fs";
import * as path from "path";
import { type Grid, locateInWorkbook, soNganh, templates } from "../../src/core";
import { cchcInProcess, checkJsonOf } from "../fixtures/cchcInProcess";
import { seedGrid } from "../fixtures/seed";
import { tempDir } from "../fixtures/tempDir";

const SAMPLE = path.resolve(__dirname, "../../samples/phu-luc-mau-2023.xlsx");
let dir: string;
beforeAll(() => {
  dir = tempDir("cchc-shapes-");
});
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

/** Rows of the seed grid: the title and header rows, then the sections from `from` (inclusive) to `to` (exclusive). */
function part(from: string, to: string | null): Grid {
  const g = seedGrid();
  const at = (stt: string) => g.values.findIndex((r) => r[0] === stt);
  const keep = <T,>(rows: readonly T[]) => [...rows.slice(0, 7), ...rows.slice(at(from), to ? at(to) : undefined)];
  return {
    origin: { row: 0, col: 0 },
    values: keep(g.values),
    formulas: g.formulas && keep(g.formulas),
    numberFormats: g.numberFormats && keep(g.numberFormats),
    texts: g.texts && keep(g.texts),
  };
}

function addGrid(wb: ExcelJS.Workbook, name: string, grid: Grid): void {
  const ws = wb.addWorksheet(name);
  grid.values.forEach((row, r) => row.forEach((v, c) => v !== null && (ws.getCell(r + 1, c + 1).value = v)));
}

const cchc = cchcInProcess;
const checkJson = checkJsonOf;

async function sampleWith(edit: (wb: ExcelJS.Workbook, ws: ExcelJS.Worksheet) => void, name: string): Promise<string> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(SAMPLE);
  edit(wb, wb.worksheets[0]);
  const file = path.join(dir, name);
  await wb.xlsx.writeFile(file);
  return file;
}

describe("locateInWorkbook says what it did not choose", () => {
  test("one appendix: no others, no split", () => {
    const r = locateInWorkbook([{ name: "Phụ lục", grid: seedGrid() }], templates);
    expect(r.ok && r.others).toEqual([]);
    expect(r.ok && r.split).toBeNull();
  });

  test("two full copies: the first is chosen, the second listed in others, not a split", () => {
    const r = locateInWorkbook(
      [
        { name: "Bản 1", grid: seedGrid() },
        { name: "Bản 2", grid: seedGrid() },
      ],
      templates,
    );
    expect(r.ok && r.sheet).toBe("Bản 1");
    expect(r.ok && r.others).toEqual([{ sheet: "Bản 2", template: soNganh.id, matched: 178, hidden: false }]);
    expect(r.ok && r.split).toBeNull();
  });

  test("sections I–IV on one sheet and V–VII on another: a split, the larger part chosen", () => {
    const r = locateInWorkbook(
      [
        { name: "Phần đầu", grid: part("I", "V") },
        { name: "Phần sau", grid: part("V", null) },
      ],
      templates,
    );
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.sheet).toBe("Phần đầu");
    expect(r.split).toEqual({ sheets: ["Phần đầu", "Phần sau"], matched: 178 });
    // The first part misses exactly the rows of sections V–VII, which the second part holds.
    const laterSections = soNganh.indicators.filter((i) => ["V", "VI", "VII"].includes(i.section)).map((i) => i.id);
    expect([...r.location.missing].sort()).toEqual([...laterSections].sort());
    // The printed report's sections V, VI and VII hold 28 + 9 + 39 rows.
    expect(laterSections).toHaveLength(76);
  });
});

describe("cchc check surfaces each shape", () => {
  test("merged value cells: a note, and mergedValueCells in --json", async () => {
    const file = await sampleWith((_, ws) => ws.mergeCells("D13:D14"), "gop-o.xlsx");
    const r = await cchc(["check", file]);
    expect(r.out).toContain("cột số liệu có ô gộp (D13:D14)");
    expect((await checkJson(file)).mergedValueCells).toEqual(["D13:D14"]);
    const en = await cchc(["check", file, "--lang", "en"]);
    expect(en.out).toContain("the value column has merged cells (D13:D14)");
  });

  test("a merge elsewhere (the title) is no note", async () => {
    const file = await sampleWith(() => undefined, "mau.xlsx");
    const j = await checkJson(file);
    expect(j.mergedValueCells).toEqual([]);
    expect(j.hiddenRows).toEqual([]);
    expect(j.filtered).toBe(false);
    expect(j.others).toEqual([]);
    expect(j.split).toBeNull();
    expect((await cchc(["check", file])).out).not.toContain("Lưu ý");
  });

  test("hidden rows: named, and still checked", async () => {
    const file = await sampleWith((_, ws) => {
      ws.getRow(13).hidden = true;
      ws.getRow(14).hidden = true;
    }, "an-dong.xlsx");
    const r = await cchc(["check", file]);
    expect(r.out).toContain("2 dòng của phụ lục đang bị ẩn (dòng 13, 14)");
    // The blank rate in D12 is computed from D13 and D14 although they are hidden.
    expect(r.out).toMatch(/D12 .*87,23/);
    expect((await checkJson(file)).hiddenRows).toEqual([13, 14]);
  });

  test("a filter: a note that every row is checked", async () => {
    const file = await sampleWith((_, ws) => {
      ws.autoFilter = "A7:E200";
    }, "loc.xlsx");
    expect((await cchc(["check", file])).out).toContain("trang tính đang có bộ lọc");
    expect((await checkJson(file)).filtered).toBe(true);
  });

  test("several appendices: the other sheet is named, with how to pick it", async () => {
    const wb = new ExcelJS.Workbook();
    addGrid(wb, "Năm 2023", seedGrid());
    addGrid(wb, "Năm 2022", seedGrid());
    const file = path.join(dir, "hai-phu-luc.xlsx");
    await wb.xlsx.writeFile(file);
    const r = await cchc(["check", file]);
    expect(r.out).toContain("trang tính “Năm 2022” cũng có phụ lục; chỉ trang “Năm 2023” được kiểm tra (dùng --sheet");
    expect((await checkJson(file)).others).toEqual([{ sheet: "Năm 2022", matched: 178, hidden: false }]);
    // --sheet picks the other one; the sheet left aside is still named, the other way round.
    const picked = JSON.parse((await cchc(["check", file, "--sheet", "Năm 2022", "--json"])).out).files[0];
    expect(picked.sheet).toBe("Năm 2022");
    expect(picked.others).toEqual([{ sheet: "Năm 2023", matched: 178, hidden: false }]);
    expect((await cchc(["check", file, "--sheet", "Năm 2022"])).out).toContain(
      "trang tính “Năm 2023” cũng có phụ lục; chỉ trang “Năm 2022” được kiểm tra",
    );
  });

  test("an appendix split over two sheets: said, with both names, and checked as one (nothing missing)", async () => {
    const wb = new ExcelJS.Workbook();
    addGrid(wb, "Phần đầu", part("I", "V"));
    addGrid(wb, "Phần sau", part("V", null));
    const file = path.join(dir, "chia-doi.xlsx");
    await wb.xlsx.writeFile(file);
    const r = await cchc(["check", file]);
    expect(r.out).toContain("phụ lục có vẻ bị chia ra hai trang tính “Phần đầu” và “Phần sau” (cùng nhau nhận ra 178 chỉ tiêu)");
    expect(r.out).not.toContain("Không tìm thấy");
    // The same findings as the appendix on one sheet: the second sheet's cells named with their sheet.
    expect(r.out).toContain("0 lỗi, 11 cảnh báo, 0 thông tin");
    expect(r.out).toContain("'Phần sau'!D18");
    // The split sheet is not named a second time as "another appendix".
    expect(r.out).not.toContain("cũng có phụ lục");
    const j = await checkJson(file);
    expect(j.split).toEqual({ sheets: ["Phần đầu", "Phần sau"], matched: 178 });
    expect(j.missing).toEqual([]);
    expect(j.sheets.map((s: { sheet: string; valueColumn: { checked: string } }) => [s.sheet, s.valueColumn.checked])).toEqual([
      ["Phần đầu", "D"],
      ["Phần sau", "D"],
    ]);
    expect(j.others).toEqual([{ sheet: "Phần sau", matched: expect.any(Number), hidden: false }]);
  });
});
