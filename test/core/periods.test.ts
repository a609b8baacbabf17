/**
 * The report's period against its rows: rows due only in some periods (a blank out of period is not asked for, a note
 * explaining a blank is not asked to be matched), quarters that are not cumulative against rows marked "lũy kế", and
 * a title whose dates are not its period's days.
 */
import type { Template } from "../../src/core/catalog/model";
import { checkWorkbook } from "../../src/core/checkWorkbook";
import type { Finding } from "../../src/core/finding";
import type { CellValue, Grid, RawCell } from "../../src/core/grid";
import { formatFinding } from "../../src/core/messages";
import { isCumulativePeriod, periodDates } from "../../src/core/period";
import { periodFromText } from "../../src/core/titleInfo";
import { sheet, testTemplate } from "./rulesFixture";

/** The test template with I.3 (a yes/no flag) due only in the year's report, and I.1 (the rate) cumulative. */
const template: Template = {
  ...testTemplate,
  indicators: testTemplate.indicators.map((i) =>
    i.id === "I.3" ? { ...i, periods: ["nam"], periodsSource: "test" } : i.id === "I.1" ? { ...i, cumulative: true } : i,
  ),
};

/** The sheet of `rulesFixture` with `title` in A1, checked. */
function check(title: string, values: Record<string, CellValue | RawCell>, notes: Record<string, string> = {}): Finding[] {
  const s = sheet({ "I.4": 1, "I.5": 1, ...values }, notes, template);
  const grid: Grid = { ...s.grid, values: s.grid.values.map((r, i) => (i === 0 ? [title, ...r.slice(1)] : r)) };
  const state = checkWorkbook([{ name: "Phụ lục", grid }], [template]);
  if (!state.found) throw new Error("not found");
  return [...state.findings];
}
const codesOn = (found: readonly Finding[], id: string) => found.filter((f) => f.indicator === id).map((f) => [f.code, f.severity]);

describe("the period's days", () => {
  it.each<[string, string, string]>([
    ["quy1", "15/12/2023", "14/3/2024"],
    ["6thang", "15/12/2023", "14/6/2024"],
    ["quy3", "15/6/2024", "14/9/2024"],
    ["9thang", "15/12/2023", "14/9/2024"],
    ["nam", "15/12/2023", "14/12/2024"],
  ])("%s 2024 runs from %s to %s", (kind, from, to) => {
    const d = periodDates(kind as "nam", 2024);
    expect(`${d.from.day}/${d.from.month}/${d.from.year}`).toBe(from);
    expect(`${d.to.day}/${d.to.month}/${d.to.year}`).toBe(to);
  });
  it("quý I, 6 tháng, 9 tháng and năm are cumulative; quý II, III, IV are not", () => {
    expect(["quy1", "quy2", "6thang", "quy3", "9thang", "quy4", "nam"].filter((k) => isCumulativePeriod(k as "nam"))).toEqual(["quy1", "6thang", "9thang", "nam"]);
  });
  it("a range 15/6–14/9 in a title reads as quý III", () => {
    expect(periodFromText("Báo cáo từ ngày 15/6/2024 đến ngày 14/9/2024")?.kind).toBe("quy3");
  });
});

describe("rows due only in some periods", () => {
  it("a blank yes/no row due only in the year is not asked for in a quarter's or 6 months' report", () => {
    for (const title of ["BÁO CÁO QUÝ III NĂM 2024", "BÁO CÁO 6 THÁNG ĐẦU NĂM 2024", "BÁO CÁO QUÝ I NĂM 2024"]) {
      expect([title, codesOn(check(title, {}), "I.3")]).toEqual([title, []]);
    }
  });
  it("…nor is its note, which explains the blank, asked to be matched", () => {
    expect(codesOn(check("BÁO CÁO 6 THÁNG ĐẦU NĂM 2024", {}, { "I.3": "Thực hiện vào cuối năm" }), "I.3")).toEqual([]);
  });
  it("in the year's report (or when the title names no period) it is", () => {
    expect(codesOn(check("BÁO CÁO NĂM 2024", {}), "I.3")).toEqual([["flag_blank", "warning"]]);
    expect(codesOn(check("BÁO CÁO CẢI CÁCH HÀNH CHÍNH", {}), "I.3")).toEqual([["flag_blank", "warning"]]);
  });
  it("a note explaining a blank is no answer to match: a plain flag_blank, not flag_blank_with_note", () => {
    for (const note of ["Thực hiện vào cuối năm", "Chưa thực hiện", "Không phát sinh", "Sẽ thực hiện trong quý IV"]) {
      expect([note, codesOn(check("BÁO CÁO NĂM 2024", {}, { "I.3": note }), "I.3")]).toEqual([note, [["flag_blank", "warning"]]]);
    }
    expect(codesOn(check("BÁO CÁO NĂM 2024", {}, { "I.3": "Kế hoạch số 03/KH ngày 30/01/2024" }), "I.3")).toEqual([["flag_blank_with_note", "warning"]]);
  });
  it("a relation reading a row due only in the year is one step lower in a quarter's report, and says why", () => {
    // I.3 (annual only) = 0 "no control" beside I.3.1 = 5 controls: an error in the year's report.
    const year = check("BÁO CÁO NĂM 2024", { "I.3": 0, "I.3.1": 5 }).find((f) => f.relation === "control_flag");
    expect([year?.severity, year?.relaxed]).toEqual(["error", undefined]);
    const quarter = check("BÁO CÁO QUÝ III NĂM 2024", { "I.3": 0, "I.3.1": 5 }).find((f) => f.relation === "control_flag")!;
    expect(quarter.severity).toBe("warning");
    expect(quarter.relaxed).toEqual({ reason: "not_due", period: { kind: "quy3", year: 2024 }, indicators: ["I.3"], ruleSeverity: "error" });
    expect(formatFinding(quarter, "vi", template)).toContain(
      `Chỉ tiêu I.3 (${template.indicators.find((i) => i.id === "I.3")!.label.replace(/\s*\([^()]*\)/g, "")}) chỉ báo cáo năm; báo cáo Quý III năm 2024 không đối chiếu chỉ tiêu này, nên đây là cảnh báo thay vì lỗi.`,
    );
    expect(formatFinding(quarter, "en", template)).toContain("is reported only in the annual report; the Q3 2024 report is not checked against it, so this is a warning, not an error.");
    // A warning goes down to an info: I.3 = 1 with no I.3.1.
    const info = check("BÁO CÁO QUÝ III NĂM 2024", { "I.3": 1, "I.3.1": 0 }).find((f) => f.relation === "control_needs_reviewed");
    expect([info?.severity, info?.relaxed?.ruleSeverity]).toEqual(["info", "warning"]);
  });
  it("an answer given out of period is still checked", () => {
    expect(codesOn(check("BÁO CÁO QUÝ III NĂM 2024", { "I.3": 2 }), "I.3")).toEqual([["code_not_allowed", "error"]]);
  });
});

describe("a quarter's report against the rows marked lũy kế", () => {
  // I.1 (cumulative) = 80 while I.1.2 / I.1.1 = 41 / 47: in quý III the count may be the quarter's own.
  const values = { "I.3": 1, "I.1.1": 47, "I.1.2": 41, "I.1": 80 };
  it("quý III: the relation between the cumulative rate and the period's counts is a warning, and one info says why", () => {
    const found = check("BÁO CÁO QUÝ III NĂM 2024", values);
    expect(codesOn(found, "I.1")).toEqual([["rate_mismatch", "warning"], ["period_not_cumulative", "info"]]);
    const info = found.find((f) => f.code === "period_not_cumulative")!;
    expect(formatFinding(info, "vi", template)).toBe(
      "Báo cáo Quý III năm 2024 (từ 15/6/2024 đến 14/9/2024) không lũy kế, còn Tỷ lệ hoàn thành Kế hoạch CCHC năm (D11) là số liệu lũy kế từ 15/12/2023; hãy ghi các dòng này lũy kế, các dòng khác chỉ trong kỳ. Các kiểm tra giữa số liệu lũy kế và số liệu trong kỳ (1) vì vậy chỉ là cảnh báo.",
    );
  });
  it("the lowered relation says why in its own sentence, in both languages", () => {
    const rate = check("BÁO CÁO QUÝ III NĂM 2024", values).find((f) => f.code === "rate_mismatch")!;
    expect(rate.relaxed).toEqual({ reason: "not_cumulative", period: { kind: "quy3", year: 2024 }, indicators: ["I.1"], ruleSeverity: "error" });
    expect(formatFinding(rate, "vi", template)).toContain(
      "Chỉ tiêu I.1 (Tỷ lệ hoàn thành Kế hoạch CCHC năm) là số lũy kế từ 15/12/2023, còn báo cáo Quý III năm 2024 (từ 15/6/2024 đến 14/9/2024) không lũy kế: hai số liệu không cùng khoảng thời gian, nên đây là cảnh báo thay vì lỗi.",
    );
    expect(formatFinding(rate, "en", template)).toContain("is cumulative from 15/12/2023, while the Q3 2024 report (15/6/2024 to 14/9/2024) is not");
    // In a cumulative period nothing is lowered, nothing said.
    expect(check("BÁO CÁO NĂM 2024", values).find((f) => f.code === "rate_mismatch")?.relaxed).toBeUndefined();
  });
  it("quý III: the quarter's quotient is not offered as a fix for the cumulative rate", () => {
    const quarter = check("BÁO CÁO QUÝ III NĂM 2024", values).find((f) => f.code === "rate_mismatch")!;
    expect(quarter.fix).toBeNull();
    expect(check("BÁO CÁO NĂM 2024", values).find((f) => f.code === "rate_mismatch")!.fix).toMatchObject({ value: 87.23 });
  });
  it("a period named only by the sheet ('PL Quý III 2024') is the report's", () => {
    const s = sheet({ "I.4": 1, "I.5": 1, ...values }, {}, template);
    const state = checkWorkbook([{ name: "PL Quý III 2024", grid: s.grid }], [template]);
    if (!state.found) throw new Error("not found");
    expect(codesOn([...state.findings], "I.1")).toEqual([["rate_mismatch", "warning"], ["period_not_cumulative", "info"]]);
    const plain = checkWorkbook([{ name: "PL 2024", grid: s.grid }], [template]);
    if (!plain.found) throw new Error("not found");
    expect(codesOn([...plain.findings], "I.1")).toEqual([["rate_mismatch", "error"]]);
  });
  it("6 tháng and năm are cumulative: the error stands and nothing more is said", () => {
    for (const title of ["BÁO CÁO 6 THÁNG ĐẦU NĂM 2024", "BÁO CÁO NĂM 2024", "BÁO CÁO QUÝ I NĂM 2024"]) {
      expect([title, codesOn(check(title, values), "I.1")]).toEqual([title, [["rate_mismatch", "error"]]]);
    }
  });
});

describe("the title's dates against its period", () => {
  const dates = (title: string) => check(title, { "I.3": 1 }).filter((f) => f.code === "period_dates_mismatch");
  it.each([
    "BÁO CÁO QUÝ III NĂM 2024 (từ ngày 15/6/2024 đến ngày 14/9/2024)",
    "BÁO CÁO 6 THÁNG ĐẦU NĂM 2024 (từ ngày 15/12/2023 đến ngày 14/6/2024)",
    "BÁO CÁO NĂM 2024 (Từ ngày 15/12/2023 - 14/12/2024)",
    "BÁO CÁO QUÝ III NĂM 2024",
  ])("%s: agrees", (title) => {
    expect(dates(title)).toEqual([]);
  });
  it("quý III written from 15/12: 9 months' days under a quarter's name", () => {
    const [f] = dates("BÁO CÁO QUÝ III NĂM 2024 (từ ngày 15/12/2023 đến ngày 14/9/2024)");
    expect(f).toMatchObject({ severity: "warning", cell: { row: 0, col: 0 } });
    expect(formatFinding(f, "vi", template)).toBe(
      "Tiêu đề (A1) ghi Quý III năm 2024 từ ngày 15/12/2023 đến ngày 14/9/2024, nhưng kỳ Quý III năm 2024 là từ ngày 15/6/2024 đến ngày 14/9/2024 (không lũy kế); hãy kiểm tra lại kỳ báo cáo và số liệu đã ghi theo kỳ nào.",
    );
  });
  it("6 tháng written from 15/3: a quarter's days under a cumulative period's name", () => {
    expect(dates("BÁO CÁO 6 THÁNG ĐẦU NĂM 2024 (từ ngày 15/3/2024 đến ngày 14/6/2024)").map((f) => f.code)).toEqual(["period_dates_mismatch"]);
  });
});
