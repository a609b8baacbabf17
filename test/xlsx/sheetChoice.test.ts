/**
 * Which sheet and which column are the report's, on workbooks other programs wrote (test/xlsx/sheets, made by
 * scripts/fixtures/sheets_fixtures.py with openpyxl and re-saved by LibreOffice): `cchc check --json` says the sheet
 * and column checked and the others seen; `cchc fill` writes only the column checked, never a hidden sheet nobody
 * chose.
 */
import * as fs from "fs";
import * as path from "path";
import { cchcInProcess, cellOf, checkJsonOf } from "../fixtures/cchcInProcess";
import { tempDir } from "../fixtures/tempDir";

jest.setTimeout(60000);

const DIR = path.join(__dirname, "sheets");
let dir: string;
beforeAll(() => {
  dir = tempDir("cchc-sheet-choice-");
});
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

const cchc = cchcInProcess;
const json = checkJsonOf;

// The fixtures' rows: the title (3 rows), a blank row, the header (one row, or two under a merged "Kết quả thống
// kê"), section I, then I.1 (the completion rate, blank): 1-based row 7, or 8 under a two-row header.
const cases = [
  ["nam-2023-2024", "Năm 2023", "Năm 2024", "title_year", 8],
  ["ky-truoc-ky-nay", "Kỳ trước", "Kỳ này", "heading", 7],
  ["cung-ky-ky-bao-cao", "Cùng kỳ", "Kỳ báo cáo", "heading", 8],
  ["ke-hoach-thuc-hien", "Kế hoạch", "Thực hiện", "heading", 7],
] as const;

describe.each(["openpyxl", "libreoffice"])("written by %s", (writer) => {
  const file = (name: string) => path.join(DIR, `${writer}-${name}.xlsx`);

  test.each(cases)("%s: this period's column E is checked, D named", async (name, other, own, reason, rateRow) => {
    const j = await json(file(name));
    expect(j.valueColumn).toEqual({
      checked: "E",
      reason,
      seen: [
        { column: "D", heading: other, checked: false },
        { column: "E", heading: own, checked: true },
      ],
    });
    // Column D's count typed as words ("mười hai") is another period's: not reported. Column E is the seed's.
    expect(j.findings.filter((f: { cell: string }) => f.cell.startsWith("D"))).toEqual([]);
    // The same counts as the seed laid out with one value column (the visible "PL 2024" of an-pl-2023), no error.
    expect(j.summary).toEqual((await json(file("an-pl-2023"))).summary);
    expect(j.summary.errors).toBe(0);
    // The completion rate, blank in E, is what fill computes there; D is left as it was.
    const missing = j.findings.find((f: { code: string }) => f.code === "computed_value_missing");
    expect(missing.cell).toBe(`E${rateRow}`);
    const out = path.join(dir, `${writer}-${name}-filled.xlsx`);
    const filled = await cchc(["fill", file(name), "-o", out]);
    expect(filled.code).toBe(0);
    expect(filled.out).toContain(`E${rateRow} = 87,23`);
    expect(cellOf(out, "Phụ lục", rateRow - 1, 4)).toBeCloseTo(87.23, 2);
    expect(cellOf(out, "Phụ lục", rateRow - 1, 3)).toBe(cellOf(file(name), "Phụ lục", rateRow - 1, 3));
  });

  test("“Số liệu | Số liệu”: ambiguous, said, fill refuses until --column chooses", async () => {
    const j = await json(file("so-lieu-so-lieu"));
    expect(j.valueColumn.reason).toBe("ambiguous");
    expect(j.findings.map((f: { code: string }) => f.code)).toContain("value_column_ambiguous");
    const out = path.join(dir, `${writer}-so-lieu.xlsx`);
    const refused = await cchc(["fill", file("so-lieu-so-lieu"), "-o", out]);
    expect(refused.code).toBe(2);
    expect(refused.err).toContain("chọn cột bằng --column");
    expect(fs.existsSync(out)).toBe(false);
    const chosen = await json(file("so-lieu-so-lieu"), "--column", "E");
    expect(chosen.valueColumn.checked).toBe("E");
    expect(chosen.valueColumn.reason).toBe("chosen");
    expect(chosen.summary.errors).toBe(0);
    expect((await cchc(["fill", file("so-lieu-so-lieu"), "-o", out, "--column", "E"])).code).toBe(0);
  });

  test("a hidden “PL 2023” before the visible “PL 2024”: the visible one is checked and filled, the hidden one named", async () => {
    const j = await json(file("an-pl-2023"));
    expect(j.sheet).toBe("PL 2024");
    expect(j.hidden).toBeNull();
    expect(j.others).toEqual([{ sheet: "PL 2023", matched: 178, hidden: true }]);
    const text = (await cchc(["check", file("an-pl-2023")])).out;
    expect(text).toContain("trang tính ẩn “PL 2023” cũng có phụ lục");
    const out = path.join(dir, `${writer}-an.xlsx`);
    expect((await cchc(["fill", file("an-pl-2023"), "-o", out])).code).toBe(0);
    // Filled on PL 2024 (I.1's rate, row 8); PL 2023 as it was.
    expect(cellOf(out, "PL 2024", 7, 3)).toBeCloseTo(87.23, 2);
    expect(cellOf(out, "PL 2023", 7, 3)).toBeNull();
    // --sheet checks the hidden one, as chosen.
    const chosen = await json(file("an-pl-2023"), "--sheet", "PL 2023");
    expect(chosen.sheet).toBe("PL 2023");
    expect(chosen.hidden).toBe("chosen");
  });

  test("the only appendix on a hidden sheet: checked, never filled unless chosen with --sheet", async () => {
    const j = await json(file("chi-trang-an"));
    expect(j.sheet).toBe("PL");
    expect(j.hidden).toBe("fallback");
    expect((await cchc(["check", file("chi-trang-an"), "--lang", "en"])).out).toContain("only on the hidden sheet “PL”");
    const out = path.join(dir, `${writer}-chi-an.xlsx`);
    const refused = await cchc(["fill", file("chi-trang-an"), "-o", out]);
    expect(refused.code).toBe(2);
    expect(refused.err).toContain("trang tính ẩn “PL”");
    expect(fs.existsSync(out)).toBe(false);
    expect((await cchc(["fill", file("chi-trang-an"), "-o", out, "--sheet", "PL"])).code).toBe(0);
    expect(cellOf(out, "PL", 7, 3)).toBeCloseTo(87.23, 2);
  });

  test("consolidation: an appendix only on a hidden sheet is set aside and said until --include-hidden takes it", async () => {
    const files = [file("an-pl-2023"), file("chi-trang-an")];
    const out = path.join(dir, `${writer}-tong-hop-an.xlsx`);
    const r = await cchc(["consolidate", ...files, "-o", out, "--json"]);
    expect(r.code).toBe(1);
    const units = JSON.parse(r.out).units;
    expect(units.map((u: { sheet: string; included: boolean; setAside: string | null }) => [u.sheet, u.included, u.setAside])).toEqual([
      ["PL 2024", true, null],
      ["PL", false, "hidden_sheet"],
    ]);
    expect(units[1].issues[0]).toMatchObject({ code: "hidden_sheet_only", detail: { sheet: "PL" } });
    expect(units[1].issues[0].message).toContain("trang tính ẩn “PL”");
    const text = await cchc(["consolidate", ...files, "-o", out, "--force", "--lang", "en"]);
    expect(text.out).toContain("only on the hidden sheet “PL”");
    expect(text.out).toContain(`--include-hidden "${files[1]}"`);
    const chosen = await cchc(["consolidate", ...files, "-o", out, "--force", "--json", "--include-hidden", files[1]!]);
    const both = JSON.parse(chosen.out).units;
    expect(both.map((u: { included: boolean }) => u.included)).toEqual([true, true]);
    expect(both[1].issues.map((i: { code: string }) => i.code)).toContain("hidden_sheet_included");
    const stranger = await cchc(["consolidate", ...files, "-o", out, "--force", "--include-hidden", "khac.xlsx"]);
    expect([stranger.code, stranger.err]).toEqual([2, "--include-hidden “khac.xlsx”: tệp này không có trong danh sách tệp cần tổng hợp.\n"]);
  });

  test("sections I–III on one sheet, IV–VII on another: checked as one, each target filled on its own sheet", async () => {
    const j = await json(file("chia-hai-trang"));
    expect(j.split).toEqual({ sheets: ["PL (IV-VII)", "PL (I-III)"], matched: 178 });
    expect(j.sheets.map((s: { sheet: string }) => s.sheet)).toEqual(["PL (IV-VII)", "PL (I-III)"]);
    expect([j.recognized, j.missing]).toEqual([178, []]);
    // The same findings as the appendix on one sheet (the visible "PL 2024" of an-pl-2023 is the seed as it is).
    expect(j.summary).toEqual((await json(file("an-pl-2023"))).summary);
    const rate = j.findings.find((f: { code: string }) => f.code === "computed_value_missing");
    expect(rate.cell).toBe("'PL (I-III)'!D8");
    const out = path.join(dir, `${writer}-chia.xlsx`);
    const filled = await cchc(["fill", file("chia-hai-trang"), "-o", out]);
    expect(filled.code).toBe(0);
    expect(cellOf(out, "PL (I-III)", 7, 3)).toBeCloseTo(87.23, 2);
    // The other sheet's row 8 is untouched.
    expect(cellOf(out, "PL (IV-VII)", 7, 3)).toBe(cellOf(file("chia-hai-trang"), "PL (IV-VII)", 7, 3));
    expect((await json(out)).findings.some((f: { code: string }) => f.code === "computed_value_missing")).toBe(false);
  });
});
