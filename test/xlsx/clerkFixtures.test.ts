/**
 * Workbooks as clerks make them (test/xlsx/clerks, made by scripts/fixtures/clerk_fixtures.py with openpyxl, some
 * saved again by LibreOffice, one without `r` attributes), and what a careful reviewer says of each: the sheet and
 * value column checked, the period the title names, the questions left unanswered, and the findings each adds to or
 * takes from the same appendix as typed (mau-chuan), without cells, so layouts that move the rows compare the same.
 */
import * as fs from "fs";
import * as path from "path";
import { run } from "../../src/cli/run";
import { readWorkbookSheets } from "../../src/xlsx/package";
import { tempDir } from "../fixtures/tempDir";
import { delta, verdictOf, type Verdict } from "./clerkVerdicts";

jest.setTimeout(120000);

const DIR = path.join(__dirname, "clerks");
const file = (name: string) => path.join(DIR, `${name}.xlsx`);

interface Expected {
  readonly sheet: string;
  readonly column: string;
  readonly period: string | null;
  readonly unanswered: number;
  readonly added: readonly string[];
  readonly removed: readonly string[];
}

const verdicts: [string, Expected][] = [
  // The seed as typed, under 'NĂM 2026': what the others are compared with (11 warnings of the seed's own).
  ["mau-chuan", { sheet: "Phụ lục", column: "D", period: "nam/2026", unanswered: 68, added: [], removed: [] }],
  // 87.2 typed for 41/47 = 87.23: right to one decimal, a warning whose fix is 87.23.
  ["ty-le-mot-so-le", { sheet: "Phụ lục", column: "D", period: "nam/2026", unanswered: 67, added: ["I.1 rate_rounded warning 87.2 -> 87.23"], removed: ["I.1 computed_value_missing warning null -> 87.23"] }],
  // 87 typed (LibreOffice): right to the unit, a warning.
  ["ty-le-lam-tron-so-nguyen", { sheet: "Phụ lục", column: "D", period: "nam/2026", unanswered: 67, added: ["I.1 rate_rounded warning 87 -> 87.23"], removed: ["I.1 computed_value_missing warning null -> 87.23"] }],
  // 66.66 for 2/3: cut instead of rounded, a warning whose fix is 66.67.
  ["ty-le-cat-bot", { sheet: "Phụ lục", column: "D", period: "nam/2026", unanswered: 67, added: ["I.1 rate_rounded warning 66.66 -> 66.67"], removed: ["I.1 computed_value_missing warning null -> 87.23"] }],
  // 0.872 shown as 87.2% by '0.0%': one decimal shown, a warning.
  ["ty-le-dinh-dang-phan-tram", { sheet: "Phụ lục", column: "D", period: "nam/2026", unanswered: 67, added: ["I.1 rate_rounded warning 87.2 -> 87.23"], removed: ["I.1 computed_value_missing warning null -> 87.23"] }],
  // '87,2' typed as text: one finding, the rate's, which says it is text; its fix writes the number 87.23.
  ["ty-le-go-chu", { sheet: "Phụ lục", column: "D", period: "nam/2026", unanswered: 67, added: ["I.1 rate_rounded warning 87.2 -> 87.23"], removed: ["I.1 computed_value_missing warning null -> 87.23"] }],
  // '87,2%' as text: the same one finding; '100 %' in a rate without inputs is only text.
  ["ty-le-chu-phan-tram", { sheet: "Phụ lục", column: "D", period: "nam/2026", unanswered: 67, added: ["I.1 rate_rounded warning 87.2 -> 87.23","III.6.3 number_stored_as_text warning \"100 %\" -> 100"], removed: ["I.1 computed_value_missing warning null -> 87.23"] }],
  // 0.872 in a General cell: a fraction right to one decimal of 87.23, one warning (not an error).
  ["ty-le-phan-so-chung", { sheet: "Phụ lục", column: "D", period: "nam/2026", unanswered: 67, added: ["I.1 rate_rounded warning 87.2 -> 87.23"], removed: ["I.1 computed_value_missing warning null -> 87.23"] }],
  // Checkboxes (LibreOffice keeps TRUE/FALSE): codes 1/0 as warnings; TRUE in 'Tốt = 1 Có vi phạm = 0' says nothing for sure.
  ["o-danh-dau-dung-sai", { sheet: "Phụ lục", column: "D", period: "nam/2026", unanswered: 67, added: ["I.8 code_not_allowed error \"TRUE\"","V.1.1 boolean_as_code warning \"TRUE\" -> 1","V.3.1 boolean_as_code warning \"FALSE\" -> 0","VII.5 boolean_as_code warning \"FALSE\" -> 0"], removed: ["V.3.1 flag_blank warning null"] }],
  // '✓' and '☐' typed in yes/no rows are boxes ticked or not; 'Có', 'CÓ' are words of the codes.
  ["dau-tich-co-khong", { sheet: "Phụ lục", column: "D", period: "nam/2026", unanswered: 67, added: ["I.3.5 code_as_word warning \"CÓ\" -> 1","V.1.1 boolean_as_code warning \"✓\" -> 1","V.3.1 code_as_word warning \"Có\" -> 1","VII.5 boolean_as_code warning \"☐\" -> 0"], removed: ["V.3.1 flag_blank warning null"] }],
  // Codes written with more than their word: '1 (Có)', 'Không (0)', 'Có.', and yes/no answers opening with their word ('Có thực hiện', 'Đã thực hiện'): warnings with the code as the fix.
  ["ma-kem-chu", { sheet: "Phụ lục", column: "D", period: "nam/2026", unanswered: 67, added: ["I.3.5 code_as_word warning \"Có thực hiện\" -> 1","I.7.2 code_as_word warning \"Phát phiếu\" -> 1","III.1 code_as_word warning \"Có.\" -> 1","V.1.1 code_as_word warning \"1 (Có)\" -> 1","V.3.1 code_as_word warning \"Đã thực hiện\" -> 1","VII.5 code_as_word warning \"Không (0)\" -> 0"], removed: ["V.3.1 flag_blank warning null"] }],
  // '2/1', '12/12', '1/2' turned into dates (LibreOffice): errors that name the day; no rate is computed from a date.
  ["ngay-thay-so", { sheet: "Phụ lục", column: "D", period: "nam/2026", unanswered: 68, added: ["I.1 computed_value_blocked warning null","I.1.1 date_not_number error \"2/1\"","I.2.1 date_not_number error \"12/12\"","IV.5.2 date_not_number error \"1/2\""], removed: ["I.1 computed_value_missing warning null -> 87.23"] }],
  // Dates under Excel's built-in format 14 and 'd/m', in a count, a rate and a yes/no row: errors.
  ["ngay-dinh-dang-san", { sheet: "Phụ lục", column: "D", period: "nam/2026", unanswered: 67, added: ["I.1 date_not_number error \"31/3\"","IV.5.1 date_not_number error \"3/1/2026\"","VII.5 date_not_number error \"1/1\""], removed: ["I.1 computed_value_missing warning null -> 87.23"] }],
  // '100%' and 1 shown as 100% in counts of people: errors, a percent where a count belongs.
  ["phan-tram-trong-so-nguoi", { sheet: "Phụ lục", column: "D", period: "nam/2026", unanswered: 68, added: ["IV.2.2 percent_in_count error \"100%\"","IV.5.1 percent_in_count error 100"], removed: [] }],
  // Formulas openpyxl saved without results (header on row 3, no title): said as such, not as blanks.
  ["cong-thuc-chua-luu", { sheet: "Phụ lục", column: "D", period: null, unanswered: 67, added: ["I.1 formula_no_result warning \"=ROUND(D8/D7*100,2)\"","III.4.3 formula_no_result warning \"=D56+D57\"","IV.2.1 formula_no_result warning \"=25+4\""], removed: ["I.1 computed_value_missing warning null -> 87.23"] }],
  // 15 on I.3.4, printed 'Tin, bài': a count read as yes; 3 on a plain yes/no row is not a code.
  ["so-tren-dong-co-khong", { sheet: "Phụ lục", column: "D", period: "nam/2026", unanswered: 67, added: ["I.3.4 count_as_yes warning 15 -> 1","I.3.5 code_not_allowed error 3"], removed: ["I.3.4 flag_blank warning null"] }],
  // 3.036 (a number) in a count: an error, no made-up value, no relation repeating it; '1.248', '1 248', ' 12 ' as text are those numbers; '1,248' in a count can only be 1248.
  ["dau-cham-hang-nghin", { sheet: "Phụ lục", column: "D", period: "nam/2026", unanswered: 68, added: ["III.7.1 number_stored_as_text warning \"1.248\" -> 1248","III.7.2 number_stored_as_text warning \"1 248\" -> 1248","V.4.1 number_stored_as_text warning \"12\" -> 12","VII.2b.1 count_not_whole error 3.036","VII.6 ambiguous_number_resolved warning \"1,248\" -> 1248","VII.6 part_exceeds_whole warning 1248 -> 47"], removed: [] }],
  // Thousands grouped by a no-break or a narrow no-break space: the numbers they show.
  ["khoang-trang-dac-biet", { sheet: "Phụ lục", column: "D", period: "nam/2026", unanswered: 68, added: ["III.7.1 number_stored_as_text warning \"1 248\" -> 1248","III.7.2 number_stored_as_text warning \"1 248\" -> 1248","VII.2b.1 number_stored_as_text warning \"3 036\" -> 3036"], removed: [] }],
  // '47', '41', '3 ' stored as text, on a sheet named 'Phụ lục số liệu': warnings whose fix is the number; the rate still follows from them.
  ["so-luu-dang-chu", { sheet: "Phụ lục số liệu", column: "D", period: "nam/2026", unanswered: 68, added: ["I.1.1 number_stored_as_text warning \"47\" -> 47","I.1.2 number_stored_as_text warning \"41\" -> 41","IV.5.1 number_stored_as_text warning \"3\" -> 3"], removed: [] }],
  // 25.000000000000004 and 3.9999999999999996 (a formula's float noise) in counts: whole numbers, nothing to say.
  ["so-le-do-cong-thuc", { sheet: "Phụ lục", column: "D", period: "nam/2026", unanswered: 68, added: [], removed: [] }],
  // '12 văn bản', '29 phiếu', '47 người': counts typed with their unit, warnings whose fix is the number; '3.' is text.
  ["chu-kem-so", { sheet: "Phụ lục", column: "D", period: "nam/2026", unanswered: 68, added: ["I.1.3 number_stored_as_text warning \"12 văn bản\" -> 12","I.7.1 number_stored_as_text warning \"29 phiếu\" -> 29","IV.5.1 text_not_number error \"3.\"","VII.6 number_stored_as_text warning \"47 người\" -> 47"], removed: [] }],
  // Labels outlined 'I. CÔNG TÁC …', 'II - …', 'a)', 'c) Khác', '2.1.', '+ …', '- …': every row found, nothing else changes.
  ["nhan-dan-muc", { sheet: "Phụ lục", column: "D", period: "nam/2026", unanswered: 68, added: [], removed: [] }],
  // Labels in NFD, with double spaces, a line break and a trailing space (LibreOffice): every row found.
  ["nhan-khoang-trang-nfd", { sheet: "Phụ lục", column: "D", period: "nam/2026", unanswered: 68, added: [], removed: [] }],
  // The form's abbreviations written out ("thủ tục hành chính", "văn bản quy phạm pháp luật", "CCVC" for "công chức,
  // viên chức"), "KH" for "kế hoạch", labels typed without diacritics: every row found.
  ["nhan-viet-tat-khong-dau", { sheet: "Phụ lục", column: "D", period: "nam/2026", unanswered: 68, added: [], removed: [] }],
  // Column A empty, STT in B merged down each group, labels in C, values in E, header on row 8: E checked; 87 typed is a rounded rate.
  ["cot-c-stt-gop-hang-8", { sheet: "Biểu số liệu CCHC", column: "E", period: "nam/2026", unanswered: 67, added: ["I.1 rate_rounded warning 87 -> 87.23"], removed: ["I.1 computed_value_missing warning null -> 87.23"] }],
  // LibreOffice's file with no 'r' on rows and cells, header on row 3: read, not called damaged; 1.248 documents is the one error.
  ["khong-co-r-tieu-de-hang-3", { sheet: "Phụ lục", column: "D", period: null, unanswered: 68, added: ["I.1.3 count_not_whole error 1.248"], removed: [] }],
  // No STT column, a one-row header, sheet 'Thống kê': values in C.
  ["khong-stt-mot-hang-tieu-de", { sheet: "Thống kê", column: "C", period: "nam/2026", unanswered: 68, added: [], removed: [] }],
  // Labels merged over B:C, values in E, header on row 8, 'Quý III năm 2026', sheet 'PL Quý III': the cumulative row filled is an info.
  ["nhan-gop-b-c", { sheet: "PL Quý III", column: "E", period: "quy3/2026", unanswered: 67, added: ["I.7.3 count_rate_disagree info null","VI.3.3 period_not_cumulative info null"], removed: ["I.7.3 count_rate_disagree warning null"] }],
  // 'QUÝ III NĂM 2026': not cumulative (the filled 'lũy kế' row is an info); the year's survey left blank is not asked.
  ["quy-iii-nam-2026", { sheet: "Phụ lục", column: "D", period: "quy3/2026", unanswered: 67, added: ["VI.3.3 period_not_cumulative info null"], removed: ["I.7.3 count_rate_disagree warning null"] }],
  // 'Quí III' (the older spelling, LibreOffice): the same quarter; I.1 typed 87.23 is a 'lũy kế' row filled.
  ["qui-iii-nam-2026", { sheet: "Phụ lục", column: "D", period: "quy3/2026", unanswered: 66, added: ["I.1 period_not_cumulative info null"], removed: ["I.1 computed_value_missing warning null -> 87.23","I.7.3 count_rate_disagree warning null"] }],
  // 'quý 3 năm 2026 (từ 15/6/2026 đến 14/9/2026)': quý III, its dates right.
  ["quy-3-so", { sheet: "Phụ lục", column: "D", period: "quy3/2026", unanswered: 67, added: ["VI.3.3 period_not_cumulative info null"], removed: ["I.7.3 count_rate_disagree warning null"] }],
  // 'QUÝ III/2026 (từ ngày 15/12/2025 đến ngày 14/9/2026)': the dates are not quý III's, a warning on the title.
  ["quy-iii-ngay-sai", { sheet: "Phụ lục", column: "D", period: "quy3/2026", unanswered: 67, added: [" period_dates_mismatch warning \"15/12/2025–14/9/2026\"","I.7.3 count_rate_disagree info null","VI.3.3 period_not_cumulative info null"], removed: ["I.7.3 count_rate_disagree warning null"] }],
  // No period in the title, the sheet named 'PL Quý III 2026': the sheet's name says the quarter.
  ["ky-chi-o-ten-trang", { sheet: "PL Quý III 2026", column: "D", period: "quy3/2026", unanswered: 67, added: ["VI.3.3 period_not_cumulative info null"], removed: ["I.7.3 count_rate_disagree warning null"] }],
  // The title in one cell over three lines ('PHỤ LỤC\nTHỐNG KÊ …\nQUÝ III NĂM 2026'): quý III.
  ["tieu-de-xuong-dong", { sheet: "Phụ lục", column: "D", period: "quy3/2026", unanswered: 67, added: ["VI.3.3 period_not_cumulative info null"], removed: ["I.7.3 count_rate_disagree warning null"] }],
  // Quý III, I.1 = 95.74 (the year's, cumulative) against the quarter's 12 of 47: a warning with no fix (25.53 would overwrite the cumulative rate), and the info.
  ["quy-iii-ty-le-luy-ke", { sheet: "Phụ lục", column: "D", period: "quy3/2026", unanswered: 66, added: ["I.1 period_not_cumulative info null","I.1 rate_mismatch warning 95.74 -> 25.53","I.7.3 count_rate_disagree info null"], removed: ["I.1 computed_value_missing warning null -> 87.23","I.7.3 count_rate_disagree warning null"] }],
  // '6 tháng đầu năm 2026', the survey blank, its note 'Thực hiện vào cuối năm': not asked, nor asked to match the note.
  ["6-thang-dau-nam", { sheet: "Phụ lục", column: "D", period: "6thang/2026", unanswered: 67, added: [], removed: ["I.7.3 count_rate_disagree warning null"] }],
  // '06 THÁNG ĐẦU NĂM 2026' with a leading zero: 6 months; the survey and the ISO cycle left blank are not asked.
  ["06-thang-dau-nam", { sheet: "Phụ lục", column: "D", period: "6thang/2026", unanswered: 67, added: [], removed: ["I.7.3 count_rate_disagree warning null"] }],
  // 'Kỳ báo cáo: từ ngày 15/12/2025 đến ngày 14/6/2026' and a signing date: 6 months, the ISO cycle's blanks not asked.
  ["ky-bao-cao-tu-den", { sheet: "Phụ lục", column: "D", period: "6thang/2026", unanswered: 67, added: ["I.7.3 count_rate_disagree info null"], removed: ["I.7.3 count_rate_disagree warning null"] }],
  // '9 THÁNG NĂM 2026': cumulative, nothing said of the 'lũy kế' rows; the survey's rate is not due (its relation an info).
  ["9-thang-nam-2026", { sheet: "Phụ lục", column: "D", period: "9thang/2026", unanswered: 67, added: ["I.7.3 count_rate_disagree info null"], removed: ["I.7.3 count_rate_disagree warning null"] }],
  // '… NĂM 2026 VÀ PHƯƠNG HƯỚNG, NHIỆM VỤ NĂM 2027': the year 2026, whose ISO audit left blank is asked.
  ["nam-2026-phuong-huong-2027", { sheet: "Phụ lục", column: "D", period: "nam/2026", unanswered: 69, added: ["VII.10.2 flag_blank warning null"], removed: [] }],
  // 'Năm: 2026': the year, whose ISO review left blank is asked.
  ["nam-hai-cham", { sheet: "Phụ lục", column: "D", period: "nam/2026", unanswered: 69, added: ["VII.10.3 flag_blank warning null"], removed: [] }],
];

let base: Verdict;
beforeAll(async () => {
  base = await verdictOf(file("mau-chuan"));
});

it("every workbook the script makes has its verdict here", () => {
  expect(fs.readdirSync(DIR).filter((f) => f.endsWith(".xlsx")).sort()).toEqual(verdicts.map(([n]) => `${n}.xlsx`).sort());
});

describe.each(verdicts)("%s", (name, expected) => {
  it("is checked as a careful reviewer would", async () => {
    const v = await verdictOf(file(name));
    expect(v.missing).toEqual([]);
    const d = delta(base.findings, v.findings);
    expect({ sheet: v.sheet, column: v.column, period: v.period, unanswered: v.unanswered, ...d }).toEqual(expected);
  });
});

describe("cchc fill on the clerks' workbooks", () => {
  let dir: string;
  beforeAll(() => {
    dir = tempDir("cchc-clerks-fill-");
  });
  afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

  /** Fills `name` into a copy; the copy's cell at 0-based (row, col) of the appendix's sheet. */
  async function fill(name: string): Promise<{ out: string; at: (row: number, col: number) => unknown }> {
    const target = path.join(dir, `${name}.xlsx`);
    let out = "";
    const code = await run(["fill", file(name), "-o", target], { out: (t) => (out += t), err: (t) => (out += t) });
    expect(code).toBeLessThan(2);
    const grid = readWorkbookSheets(fs.readFileSync(target)).sheets[0].grid;
    return { out, at: (row, col) => grid.values[row - grid.origin.row]?.[col - grid.origin.col] ?? null };
  }

  it("fills the rate in the value column E (labels merged over B:C), the unit in D untouched", async () => {
    const f = await fill("nhan-gop-b-c");
    expect(f.out).toContain("E11 = 87,23");
    expect(f.at(10, 4)).toBeCloseTo(87.23, 2);
    expect(f.at(10, 3)).toBe("%");
  });

  it("fills a file without `r` attributes, which reads back", async () => {
    const f = await fill("khong-co-r-tieu-de-hang-3");
    expect(f.out).toContain("D6 = 87,23");
    expect(f.at(5, 3)).toBeCloseTo(87.23, 2);
  });

  it("offers no fix for the cumulative rate of a quarter's report", async () => {
    let out = "";
    await run(["check", file("quy-iii-ty-le-luy-ke"), "--json"], { out: (t) => (out += t), err: () => undefined });
    const rate = JSON.parse(out).files[0].findings.find((f: { code: string }) => f.code === "rate_mismatch");
    expect(rate).toMatchObject({ indicator: "I.1", severity: "warning", fix: null });
  });

  it.each(["cong-thuc-chua-luu", "ty-le-go-chu"])(
    "%s: writes nothing (formulas wait for Excel, a typed rate is the clerk's)",
    async (name) => {
      const f = await fill(name);
      expect(f.out).toContain("Không có ô nào cần điền");
    },
  );

  it("says which input keeps the rate blank when that input is a date, and exits 1", async () => {
    let out = "";
    const code = await run(["fill", file("ngay-thay-so"), "-o", path.join(dir, "ngay-lai.xlsx")], { out: (t) => (out += t), err: (t) => (out += t) });
    expect(code).toBe(1);
    expect(out).toContain("Chưa điền ô nào.");
    expect(out).not.toContain("Không có ô nào cần điền");
    expect(out).toMatch(/D(\d+) +Chưa điền Tỷ lệ hoàn thành Kế hoạch CCHC năm \(D\1\): số liệu dùng để tính đang có lỗi \(Số nhiệm vụ đề ra trong kế hoạch \(D\d+\)\)/);
  });
});
