/**
 * More layouts of which figures are this period's, of hidden and of split sheets, on workbooks other programs wrote
 * (test/xlsx/layouts, made by scripts/fixtures/layout_fixtures.py with openpyxl and re-saved by LibreOffice): a
 * quarter's report whose period is only in its title, "Kết quả" merged over "Kỳ trước | Kỳ này", a hidden copy
 * beside a visible split, a split with its second part first, a split with two value columns on each part, and a
 * split over two hidden sheets.
 */
import * as fs from "fs";
import * as path from "path";
import { cchcInProcess, cellOf, checkJsonOf } from "../fixtures/cchcInProcess";
import { tempDir } from "../fixtures/tempDir";

jest.setTimeout(60000);

const DIR = path.join(__dirname, "layouts");
let dir: string;
beforeAll(() => {
  dir = tempDir("cchc-layouts-");
});
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

const cchc = cchcInProcess;
const json = checkJsonOf;

type JsonFinding = { code: string; severity: string; indicator: string; cell: string; message: string };

// Every fixture: the title (3 rows), a blank row, the two header rows, section I, then I.1 (the completion rate) on
// 1-based row 8: 0-based row 7.
const RATE_ROW = 7;

describe.each(["openpyxl", "libreoffice"])("written by %s", (writer) => {
  const file = (name: string) => path.join(DIR, `${writer}-${name}.xlsx`);

  test("a quarter's report: the period read from the title, said, and the relations it lowers say why", async () => {
    const j = await json(file("quy-3"));
    expect(j.period).toEqual({
      period: { kind: "quy3", year: 2024, label: "Quý III năm 2024" },
      from: "title",
      dates: { from: "15/6/2024", to: "14/9/2024" },
      title: { kind: "quy3", year: 2024, label: "Quý III năm 2024" },
    });
    expect((await cchc(["check", file("quy-3")])).out).toContain("Kỳ báo cáo: Quý III năm 2024 (đọc từ tiêu đề).");
    // I.1 (the year's rate, cumulative) = 80 beside the quarter's 41 of 47: a warning that says why.
    const rate = j.findings.find((f: JsonFinding) => f.code === "rate_mismatch");
    expect(rate.severity).toBe("warning");
    expect(rate.message).toContain("là số lũy kế từ 15/12/2023, còn báo cáo Quý III năm 2024 (từ 15/6/2024 đến 14/9/2024) không lũy kế");
    // The year's survey, blank with "Thực hiện vào cuối năm", is not asked for in a quarter.
    expect(j.findings.filter((f: JsonFinding) => f.indicator.startsWith("I.7"))).toEqual([]);
    // --period says otherwise: the title is overridden, and said.
    const year = await json(file("quy-3"), "--period", "nam/2024");
    expect([year.period.from, year.period.period.kind, year.period.title.kind]).toEqual(["option", "nam", "quy3"]);
    expect(year.findings.find((f: JsonFinding) => f.code === "rate_mismatch").severity).toBe("error");
    expect((await cchc(["check", file("quy-3"), "--period", "nam/2024", "--lang", "en"])).out).toContain("Period: Year 2024 (from --period; the title says Q3 2024).");
  });

  test("“Kết quả” merged over “Kỳ trước | Kỳ này”: this period's column E is checked and filled, D named", async () => {
    const j = await json(file("ket-qua-ky-truoc-ky-nay"));
    expect(j.valueColumn).toEqual({
      checked: "E",
      reason: "heading",
      seen: [
        { column: "D", heading: "Kết quả / Kỳ trước", checked: false },
        { column: "E", heading: "Kỳ này", checked: true },
      ],
    });
    expect(j.summary).toEqual({ errors: 0, warnings: 11, infos: 0 });
    const out = path.join(dir, `${writer}-ky-nay.xlsx`);
    expect((await cchc(["fill", file("ket-qua-ky-truoc-ky-nay"), "-o", out])).code).toBe(0);
    expect(cellOf(out, "Phụ lục", RATE_ROW, 4)).toBeCloseTo(87.23, 2);
    expect(cellOf(out, "Phụ lục", RATE_ROW, 3)).toBeNull();
  });

  test("a hidden “PL 2023” beside this year's split: the visible parts are checked as one and filled, the hidden one named", async () => {
    const j = await json(file("an-ben-chia"));
    expect([j.sheet, j.hidden, j.split]).toEqual(["PL (IV-VII)", null, { sheets: ["PL (IV-VII)", "PL (I-III)"], matched: 178 }]);
    expect(j.others).toContainEqual({ sheet: "PL 2023", matched: 178, hidden: true });
    expect(j.summary).toEqual({ errors: 0, warnings: 11, infos: 0 });
    const out = path.join(dir, `${writer}-an-ben-chia.xlsx`);
    expect((await cchc(["fill", file("an-ben-chia"), "-o", out])).code).toBe(0);
    expect(cellOf(out, "PL (I-III)", RATE_ROW, 3)).toBeCloseTo(87.23, 2);
    expect(cellOf(out, "PL 2023", RATE_ROW, 3)).toBeNull();
  });

  test("the split with its second part first in tab order is checked as one, as the seed on one sheet", async () => {
    const j = await json(file("chia-nguoc"));
    expect(j.split).toEqual({ sheets: ["PL (IV-VII)", "PL (I-III)"], matched: 178 });
    expect([j.recognized, j.missing, j.summary]).toEqual([178, [], { errors: 0, warnings: 11, infos: 0 }]);
    expect(j.findings.find((f: JsonFinding) => f.code === "computed_value_missing").cell).toBe("'PL (I-III)'!D8");
  });

  test("the split with “Năm 2023 | Năm 2024” on each part: the title's year is checked on both sheets and filled there", async () => {
    const j = await json(file("chia-hai-cot"));
    expect(j.sheets.map((s: { sheet: string; valueColumn: { checked: string; reason: string } }) => [s.sheet, s.valueColumn.checked, s.valueColumn.reason])).toEqual([
      ["PL (IV-VII)", "E", "title_year"],
      ["PL (I-III)", "E", "title_year"],
    ]);
    expect(j.summary).toEqual({ errors: 0, warnings: 11, infos: 0 });
    const out = path.join(dir, `${writer}-hai-cot.xlsx`);
    expect((await cchc(["fill", file("chia-hai-cot"), "-o", out])).code).toBe(0);
    expect(cellOf(out, "PL (I-III)", RATE_ROW, 4)).toBeCloseTo(87.23, 2);
    expect(cellOf(out, "PL (I-III)", RATE_ROW, 3)).toBeNull();
  });

  test("the only appendix split over two hidden sheets: checked as one, never filled nor consolidated unless chosen", async () => {
    const j = await json(file("an-chia"));
    expect([j.hidden, j.split?.sheets, j.recognized]).toEqual(["fallback", ["PL (IV-VII)", "PL (I-III)"], 178]);
    const out = path.join(dir, `${writer}-an-chia.xlsx`);
    const refused = await cchc(["fill", file("an-chia"), "-o", out]);
    expect(refused.code).toBe(2);
    expect(fs.existsSync(out)).toBe(false);
    // Chosen with --sheet, either part brings its partner: checked as one, each target filled on its own sheet.
    for (const sheet of ["PL (IV-VII)", "PL (I-III)"]) {
      const chosen = await json(file("an-chia"), "--sheet", sheet);
      expect([chosen.sheet, chosen.hidden, chosen.recognized, chosen.summary.warnings]).toEqual([sheet, "chosen", 178, 11]);
    }
    expect((await cchc(["fill", file("an-chia"), "-o", out, "--sheet", "PL (IV-VII)"])).code).toBe(0);
    expect(cellOf(out, "PL (I-III)", RATE_ROW, 3)).toBeCloseTo(87.23, 2);
    const summary = path.join(dir, `${writer}-tong-hop-an-chia.xlsx`);
    const aside = JSON.parse((await cchc(["consolidate", file("an-chia"), file("chia-nguoc"), "-o", summary, "--json"])).out);
    expect(aside.units.map((u: { setAside: string | null }) => u.setAside)).toEqual(["hidden_sheet", null]);
    const both = JSON.parse(
      (await cchc(["consolidate", file("an-chia"), file("chia-nguoc"), "-o", summary, "--json", "--force", "--include-hidden", file("an-chia")])).out,
    );
    expect(both.units.map((u: { included: boolean }) => u.included)).toEqual([true, true]);
    // Both parts' figures are the unit's: I.1.1 (47, sheet I–III) and IV.1.1 (4, sheet IV–VII), twice over two units.
    const total = (id: string) => both.totals.find((t: { indicator: string }) => t.indicator === id)?.value;
    expect([total("I.1.1"), total("IV.1.1")]).toEqual([94, 8]);
  });
});
