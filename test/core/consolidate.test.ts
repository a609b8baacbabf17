import { at } from "../fixtures/a1";
import type { Template } from "../../src/core/catalog/model";
import { checkWorkbook } from "../../src/core/checkWorkbook";
import {
  consolidate,
  consolidationIssueCodes,
  fileBaseName,
  unitReport,
  type ConsolidationIssueCode,
  type ConsolidationIssueOf,
  type Consolidation,
  type SummaryRow,
  type UnitFailure,
  type UnitReport,
} from "../../src/core/consolidate";
import type { Finding } from "../../src/core/finding";
import type { CellValue, Grid, RawCell } from "../../src/core/grid";
import { appendixFailureText } from "../../src/core/messages/appendix";
import { consolidateMessages, formatIssue, formatUnusable, vietnamTime } from "../../src/core/messages/consolidate";
import { periodLabel } from "../../src/core/messages/period";
import { unreadableText } from "../../src/core/messages/unreadable";
import { sheet, testTemplate } from "./rulesFixture";

/** The fixture sheet with title lines written in column A of its first rows (its table starts at row 11). */
function titledSheet(title: readonly string[], values: Readonly<Record<string, CellValue | RawCell>>) {
  const s = sheet(values);
  const rows = s.grid.values.map((r, i) => (i < title.length ? [title[i], ...r.slice(1)] : r));
  const grid: Grid = { ...s.grid, values: rows, texts: undefined };
  return { ...s, grid };
}

/** A unit report the way the command line and the pane make one: the one check, then reduce. */
function report(file: string, title: readonly string[], values: Readonly<Record<string, CellValue | RawCell>>): UnitReport {
  const { grid } = titledSheet(title, values);
  const check = checkWorkbook([{ name: "Phụ lục", grid }], [testTemplate]);
  if (!check.found) throw new Error(`the fixture sheet was not located: ${JSON.stringify(check.failure)}`);
  return unitReport(file, grid, check);
}

/** A hand-made report: the fields that matter to a test, the rest neutral. */
function unit(file: string, unitName: string | null, values: UnitReport["values"], extra: Partial<UnitReport> = {}): UnitReport {
  return {
    file,
    sheet: "Phụ lục",
    templateId: testTemplate.id,
    unitName,
    period: { kind: "nam", year: 2023 },
    periodFrom: "title",
    values,
    computed: [],
    findings: [],
    unanswered: [],
    rowsMissing: 0,
    rowsUnrecognized: 0,
    ...extra,
  };
}

const error = (): Finding => ({ code: "count_negative", severity: "error", indicator: "I.1.2", cell: at("D13"), cells: [at("D13")], actual: -3, expected: 0, fix: null });

function row(c: Consolidation, id: string): Extract<SummaryRow, { kind: "indicator" }> {
  const r = c.rows.find((x) => x.kind === "indicator" && x.indicator.id === id);
  if (!r || r.kind !== "indicator") throw new Error(`no summary row ${id}`);
  return r;
}

const codesOf = (c: Consolidation, file: string) => c.statuses.find((s) => s.file === file)?.issues.map((i) => i.code);

describe("unitReport", () => {
  it("keeps the value each cell is meant to hold, the calculator's rate for a blank one, and the title's unit and period", () => {
    const r = report(
      "a.xlsx",
      ["PHỤ LỤC", "NĂM 2023 CỦA SỞ Y TẾ", "(Kèm theo Báo cáo số 5/BC-SYT ngày 14/12/2023 của Sở Y tế)"],
      { "I.1.1": 47, "I.1.2": "41", "I.3": "Có", "I.4": 1, "I.5": 2, "I.6.2": 3, "I.6.3": 4, "I.7": "  Rà soát quy chế  " },
    );
    expect(r).toMatchObject({ unitName: "Sở Y tế", period: { kind: "nam", year: 2023 }, periodFrom: "title", templateId: "test" });
    expect(r.values).toEqual({
      "I.1": 87.23,
      "I.1.1": 47,
      "I.1.2": 41,
      "I.3": 1,
      "I.4": 1,
      "I.5": 2,
      "I.6.1": 7,
      "I.6.2": 3,
      "I.6.3": 4,
      "I.7": "Rà soát quy chế",
    });
    expect([...r.computed].sort()).toEqual(["I.1", "I.6.1"]);
    // "41" stored as text and "Có" typed as a word are findings of the unit, kept with it.
    expect(r.findings.map((f) => f.code)).toEqual(expect.arrayContaining(["number_stored_as_text", "code_as_word"]));
  });

  it("takes a rate as the indicator's value (percent points) whether the cell is formatted as % or not, typed or computed", () => {
    const title = ["PHỤ LỤC", "NĂM 2023 CỦA SỞ Y TẾ"];
    const inputs = { "I.1.1": 47, "I.1.2": 41 };
    const blankPercentCell = report("a.xlsx", title, { ...inputs, "I.1": { value: null, numberFormat: "0.00%" } });
    const typedPercentCell = report("b.xlsx", title, { ...inputs, "I.1": { value: 0.8723, numberFormat: "0.00%" } });
    const blankPlainCell = report("c.xlsx", title, { ...inputs, "I.1": { value: null, numberFormat: "0.00" } });
    const blankPlainRateShownBySection = report("d.xlsx", title, { ...inputs, "I.1": { value: null, numberFormat: "0.00;[Red]-0.00%" } });
    expect([blankPercentCell, typedPercentCell, blankPlainCell, blankPlainRateShownBySection].map((r) => [r.values["I.1"], r.computed.includes("I.1")])).toEqual([
      [87.23, true],
      [87.23, false],
      [87.23, true],
      [87.23, true],
    ]);
  });

  it("leaves out blank and unreadable cells and takes the period from the file name when the title has none", () => {
    const r = report("in/BC 6 thang 2024.xlsx", ["PHỤ LỤC"], { "I.1.1": "nhiều", "I.2.1": null, "I.2.2": "#REF!" });
    expect(r.values).toEqual({});
    expect(r).toMatchObject({ unitName: null, period: { kind: "6thang", year: 2024 }, periodFrom: "file" });
  });

  it("takes the period from the sheet's name before the file's when the title has none", () => {
    const { grid } = titledSheet(["PHỤ LỤC"], {});
    const check = checkWorkbook([{ name: "PL Quý III 2024", grid }], [testTemplate]);
    if (!check.found) throw new Error("not located");
    expect(unitReport("in/BC 6 thang 2024.xlsx", grid, check)).toMatchObject({ period: { kind: "quy3", year: 2024 }, periodFrom: "sheet" });
  });
});

describe("consolidate: totals", () => {
  const a = unit("a.xlsx", "Sở A", { "I.1": 87.23, "I.1.1": 47, "I.1.2": 41, "I.3": 1, "I.4": 1, "I.5": 0, "I.6.1": 10, "I.7": "x" });
  const b = unit("b.xlsx", "Sở B", { "I.1": 1.89, "I.1.1": 53, "I.1.2": 1, "I.3": 0, "I.4": 0, "I.5": 2, "I.6.1": 5 });
  const c = unit("c.xlsx", "Sở C", { "I.3": 1, "I.5": 2, "I.6.1": 0 });
  const result = consolidate([a, b, c], [testTemplate]);

  it("has one column per unit and one row per section and indicator, in the template's order", () => {
    expect(result.columns.map((x) => x.unit)).toEqual(["Sở A", "Sở B", "Sở C"]);
    expect(result.rows.map((r) => (r.kind === "section" ? r.id : r.indicator.id))).toEqual(["I", ...testTemplate.indicators.map((i) => i.id)]);
    expect(row(result, "I.6.1").values).toEqual([10, 5, 0]);
  });

  it("adds up counts, blank when no unit gave a figure", () => {
    expect(row(result, "I.1.1").total).toEqual({ method: "sum", value: 100 });
    expect(row(result, "I.1.2").total).toEqual({ method: "sum", value: 42 });
    expect(row(result, "I.6.1").total).toEqual({ method: "sum", value: 15 });
    expect(row(result, "I.2.1").total).toEqual({ method: "sum", value: null });
    expect(row(result, "I.1.1").reported).toBe(2);
  });

  it("recomputes a rate from the summed numerator and denominator, never the mean of the units' rates", () => {
    const rate = row(result, "I.1").total;
    expect(rate).toEqual({ method: "rate", numerator: "I.1.2", denominator: "I.1.1", value: 42 });
    expect(rate.method === "rate" && rate.value).not.toBeCloseTo((87.23 + 1.89) / 2, 1);
  });

  it("counts the units answering yes (code 1), whatever the yes word is", () => {
    expect(row(result, "I.3").total).toEqual({ method: "yes_count", yes: 1, value: 2 });
    expect(row(result, "I.4").total).toEqual({ method: "yes_count", yes: 1, value: 1 });
  });

  it("counts the units per choice", () => {
    expect(row(result, "I.5").total).toEqual({
      method: "choice_counts",
      counts: [
        { value: 0, label: "Trực tuyến", count: 1 },
        { value: 1, label: "Phát phiếu", count: 0 },
        { value: 2, label: "Kết hợp", count: 2 },
      ],
    });
  });

  it("adds up nothing for groups and text", () => {
    expect(row(result, "I.2").total).toEqual({ method: "none" });
    expect(row(result, "I.2").values).toEqual([null, null, null]);
    expect(row(result, "I.7")).toMatchObject({ total: { method: "none" }, values: ["x", null, null], reported: 1 });
  });

  it("gives a blank rate when the denominators add up to 0 or nobody gave the numerator", () => {
    const zero = consolidate([unit("z.xlsx", "Sở Z", { "I.1.1": 0, "I.1.2": 0 })], [testTemplate]);
    expect(row(zero, "I.1").total).toMatchObject({ value: null });
    const noNum = consolidate([unit("n.xlsx", "Sở N", { "I.1.1": 5 })], [testTemplate]);
    expect(row(noNum, "I.1").total).toMatchObject({ value: null });
  });

  it("marks every unit ready when nothing is wrong", () => {
    expect(result.statuses.map((s) => [s.unit, s.ready, s.column])).toEqual([
      ["Sở A", true, 0],
      ["Sở B", true, 1],
      ["Sở C", true, 2],
    ]);
    expect(result.issues).toEqual([]);
    expect(result.period).toEqual({ kind: "nam", year: 2023 });
  });
});

describe("consolidate: what the batch itself gets wrong", () => {
  it("keeps the newer of a unit's two files of the same period, says why on both, and counts the unit once", () => {
    const older = unit("a.xlsx", "Sở Thông tin và Truyền thông tỉnh Sóc Trăng", { "I.2.1": 10 }, { modified: { at: "2023-12-14T02:00:00Z", from: "properties" } });
    const newer = unit("a-sua.xlsx", "SỞ THÔNG TIN VÀ TRUYỀN THÔNG", { "I.2.1": 12 }, { modified: { at: "2023-12-16T08:00:00Z", from: "properties" } });
    const other = unit("b.xlsx", "Sở Y tế", { "I.2.1": 1 });
    const r = consolidate([older, newer, other], [testTemplate]);
    expect(row(r, "I.2.1").total).toEqual({ method: "sum", value: 13 });
    expect(r.columns.map((c) => c.file)).toEqual(["a-sua.xlsx", "b.xlsx"]);
    expect(r.statuses[0]).toMatchObject({ column: null, setAside: "duplicate", ready: false, errors: 0, warnings: 1 });
    expect(r.statuses[1]).toMatchObject({ column: 0, setAside: null, ready: true });
    expect(r.issues.map((i) => [i.file, i.code, i.severity, i.detail])).toEqual([
      ["a.xlsx", "duplicate_unit", "warning", { keptFile: "a-sua.xlsx", why: "modified", modified: older.modified, keptModified: newer.modified }],
      ["a-sua.xlsx", "kept_over", "info", { otherFile: "a.xlsx", why: "modified", modified: newer.modified, otherModified: older.modified }],
    ]);
    // The date is said, in Vietnam's time, with where it comes from.
    expect(formatIssue(r.issues[1], "vi", testTemplate)).toBe(
      "Đơn vị cũng gửi tệp “a.xlsx” cùng kỳ; bảng tổng hợp dùng tệp này vì tệp này được lưu sau (16/12/2023 15:00 theo thuộc tính của tệp; tệp kia: 14/12/2023 09:00 theo thuộc tính của tệp).",
    );
  });

  it("keeps the newer file whichever comes first, falls back to the file system's date, then to the first given", () => {
    const at = (iso: string, from: "properties" | "file_system" = "properties") => ({ modified: { at: iso, from } });
    const kept = (...units: UnitReport[]) => consolidate(units, [testTemplate]).columns.map((c) => c.file);
    expect(kept(unit("new.xlsx", "Sở A", {}, at("2024-01-02T00:00:00Z")), unit("old.xlsx", "Sở A", {}, at("2024-01-01T00:00:00Z")))).toEqual(["new.xlsx"]);
    expect(kept(unit("x.xlsx", "Sở A", {}, at("2024-01-01T00:00:00Z", "file_system")), unit("y.xlsx", "Sở A", {}, at("2024-03-01T00:00:00Z", "file_system")))).toEqual(["y.xlsx"]);
    const undated = consolidate([unit("x.xlsx", "Sở A", {}), unit("y.xlsx", "Sở A", {})], [testTemplate]);
    expect(undated.columns.map((c) => c.file)).toEqual(["x.xlsx"]);
    expect(undated.issues.map((i) => [i.code, i.detail && "why" in i.detail ? i.detail.why : null])).toEqual([
      ["kept_over", "first_given"],
      ["duplicate_unit", "first_given"],
    ]);
  });

  it("keeps the file whose period is the batch's over one without a year, before looking at dates", () => {
    const r = consolidate(
      [
        unit("a-noyear.xlsx", "Sở A", {}, { period: { kind: "nam", year: null }, modified: { at: "2024-05-01T00:00:00Z", from: "properties" } }),
        unit("a.xlsx", "Sở A", {}, { modified: { at: "2024-01-01T00:00:00Z", from: "properties" } }),
      ],
      [testTemplate],
    );
    expect(r.columns.map((c) => c.file)).toEqual(["a.xlsx"]);
    expect(r.issues.find((i) => i.code === "duplicate_unit")?.detail).toMatchObject({ keptFile: "a.xlsx", why: "period" });
  });

  it("takes the file the user prefers, and says it was their choice", () => {
    const older = unit("a.xlsx", "Sở A", { "I.2.1": 10 }, { modified: { at: "2023-01-01T00:00:00Z", from: "properties" } });
    const newer = unit("b.xlsx", "Sở A", { "I.2.1": 12 }, { modified: { at: "2023-06-01T00:00:00Z", from: "properties" } });
    const r = consolidate([older, newer], [testTemplate], { prefer: ["a.xlsx"] });
    expect(r.columns.map((c) => c.file)).toEqual(["a.xlsx"]);
    expect(row(r, "I.2.1").total).toEqual({ method: "sum", value: 10 });
    expect(r.issues.map((i) => [i.file, i.code, i.detail && "why" in i.detail ? i.detail.why : null])).toEqual([
      ["a.xlsx", "kept_over", "preferred"],
      ["b.xlsx", "duplicate_unit", "preferred"],
    ]);
  });

  it("reports a quarterly file in an annual batch as another period of the unit, not as a duplicate", () => {
    const year = unit("a-nam.xlsx", "Sở A", { "I.2.1": 10 });
    const quarter = unit("a-quy1.xlsx", "Sở A", { "I.2.1": 3 }, { period: { kind: "quy1", year: 2023 }, modified: { at: "2024-06-01T00:00:00Z", from: "properties" } });
    const r = consolidate([quarter, year, unit("b.xlsx", "Sở B", { "I.2.1": 1 })], [testTemplate]);
    // The unit's quarterly file does not make the batch quarterly: a unit counts once for each period it sent.
    expect(r.period).toEqual({ kind: "nam", year: 2023 });
    expect(r.columns.map((c) => c.file)).toEqual(["a-nam.xlsx", "b.xlsx"]);
    expect(row(r, "I.2.1").total).toEqual({ method: "sum", value: 11 });
    expect(r.statuses[0]).toMatchObject({ file: "a-quy1.xlsx", setAside: "other_period", column: null });
    expect(r.issues.map((i) => [i.file, i.code, i.detail])).toEqual([
      ["a-quy1.xlsx", "other_period", { period: { kind: "quy1", year: 2023 }, keptFile: "a-nam.xlsx", keptPeriod: { kind: "nam", year: 2023 } }],
    ]);
    expect(formatIssue(r.issues[0], "vi", testTemplate)).toContain("là báo cáo kỳ khác, không phải bản gửi trùng");
    // A unit that sent only other periods keeps its latest one, marked as another period.
    const only = consolidate(
      [
        unit("c-q1.xlsx", "Sở C", {}, { period: { kind: "quy1", year: 2023 } }),
        unit("c-q3.xlsx", "Sở C", {}, { period: { kind: "quy3", year: 2023 } }),
        unit("d.xlsx", "Sở D", {}),
      ],
      [testTemplate],
      { period: { kind: "nam", year: 2023 } },
    );
    expect(only.columns.map((c) => [c.file, c.marked])).toEqual([
      ["c-q3.xlsx", true],
      ["d.xlsx", false],
    ]);
    expect(only.issues.map((i) => [i.file, i.code])).toEqual([
      ["c-q1.xlsx", "other_period"],
      ["c-q3.xlsx", "period_mismatch"],
    ]);
  });

  it("sets aside an appendix found only on a hidden sheet, says which, and takes it in when the user includes it", () => {
    const { grid } = titledSheet(["PHỤ LỤC", "NĂM 2023 CỦA SỞ Y TẾ"], { "I.1.1": 10, "I.1.2": 5 });
    const check = checkWorkbook([{ name: "PL 2023", grid, hidden: true }], [testTemplate]);
    if (!check.found) throw new Error("the fixture sheet was not located");
    const hidden = unitReport("an.xlsx", grid, check);
    expect(hidden).toMatchObject({ sheet: "PL 2023", hidden: "fallback" });
    const inputs = [unit("a.xlsx", "Sở A", { "I.1.1": 47 }), hidden];

    const c = consolidate(inputs, [testTemplate]);
    const s = c.statuses.find((x) => x.file === "an.xlsx")!;
    expect(s).toMatchObject({ setAside: "hidden_sheet", column: null, ready: false });
    expect(s.issues.map((i) => [i.code, i.detail])).toEqual([["hidden_sheet_only", { sheet: "PL 2023" }]]);
    expect(c.columns.map((x) => x.file)).toEqual(["a.xlsx"]);
    expect(row(c, "I.1.1").total).toMatchObject({ value: 47 });
    expect(formatIssue(s.issues[0]!, "vi", testTemplate)).toContain("trang tính ẩn “PL 2023”");

    const chosen = consolidate(inputs, [testTemplate], { includeHidden: ["an.xlsx"] });
    const t = chosen.statuses.find((x) => x.file === "an.xlsx")!;
    expect(t).toMatchObject({ setAside: null, column: 1 });
    expect(t.issues.map((i) => i.code)).toContain("hidden_sheet_included");
    expect(row(chosen, "I.1.1").total).toMatchObject({ value: 57 });
  });

  it("lists every period the files give, latest first, for a user to choose", () => {
    const r = consolidate(
      [unit("a.xlsx", "Sở A", {}, { period: { kind: "quy1", year: 2024 } }), unit("b.xlsx", "Sở B", {}), unit("c.xlsx", "Sở C", {}, { period: { kind: "6thang", year: 2024 } })],
      [testTemplate],
    );
    expect(r.periods).toEqual([
      { kind: "6thang", year: 2024 },
      { kind: "quy1", year: 2024 },
      { kind: "nam", year: 2023 },
    ]);
  });

  it("catches the same file given twice even without a unit name", () => {
    const r = consolidate([unit("x.xlsx", null, {}), unit("x.xlsx", null, {})], [testTemplate]);
    expect(codesOf(r, "x.xlsx")).toEqual(["unit_name_missing"]);
    expect(r.statuses[1].issues.map((i) => [i.code, i.detail && "why" in i.detail ? i.detail.why : null])).toEqual([["duplicate_unit", "same_file"]]);
  });

  it("reports another period against the one most files give, keeping the unit in the summary, marked", () => {
    const r = consolidate(
      [
        unit("a.xlsx", "Sở A", { "I.2.1": 1 }, { period: { kind: "6thang", year: 2024 } }),
        unit("b.xlsx", "Sở B", { "I.2.1": 2 }),
        unit("c.xlsx", "Sở C", { "I.2.1": 3 }, { period: { kind: "nam", year: 2023, from: "15/12/2022", to: "14/12/2023" } }),
        unit("d.xlsx", "Sở D", { "I.2.1": 4 }, { period: { kind: "nam", year: 2022 } }),
      ],
      [testTemplate],
    );
    expect(r.period).toEqual({ kind: "nam", year: 2023 });
    expect(r.issues.map((i) => [i.file, i.code, i.detail])).toEqual([
      ["a.xlsx", "period_mismatch", { period: { kind: "6thang", year: 2024 }, expected: { kind: "nam", year: 2023 } }],
      ["d.xlsx", "period_mismatch", { period: { kind: "nam", year: 2022 }, expected: { kind: "nam", year: 2023 } }],
    ]);
    expect(r.columns.map((c) => c.marked)).toEqual([true, false, false, true]);
    expect(row(r, "I.2.1").total).toEqual({ method: "sum", value: 10 });
  });

  it("takes the period the user gives over the majority", () => {
    const r = consolidate([unit("a.xlsx", "Sở A", {}), unit("b.xlsx", "Sở B", {}, { period: { kind: "quy1", year: 2024 } })], [testTemplate], {
      period: { kind: "quy1", year: 2024 },
    });
    expect(r.issues.map((i) => [i.file, i.code])).toEqual([["a.xlsx", "period_mismatch"]]);
  });

  it("reports another template, lists it apart, and follows the template most files use", () => {
    const other: Template = { ...testTemplate, id: "test-2022" };
    const r = consolidate(
      [unit("a.xlsx", "Sở A", {}, { templateId: "test-2022" }), unit("b.xlsx", "Sở B", {}), unit("c.xlsx", "Sở C", {})],
      [other, testTemplate],
    );
    expect(r.template.id).toBe("test");
    expect(r.issues).toEqual([
      expect.objectContaining({
        code: "template_mismatch",
        file: "a.xlsx",
        detail: { template: "test-2022", expected: "test", templateTitle: testTemplate.title, expectedTitle: testTemplate.title },
      }),
    ]);
    // Listed apart: its ids name other rows, so it is no column of the summary.
    expect(r.columns.map((c) => c.file)).toEqual(["b.xlsx", "c.xlsx"]);
    expect(r.statuses[0]).toMatchObject({ file: "a.xlsx", column: null, setAside: "other_form", ready: false, templateTitle: testTemplate.title });
  });

  it("names a unit without a title after its file and says where the period came from", () => {
    const r = consolidate(
      [
        unit("don-vi/So Xay dung.xlsx", null, {}, { period: { kind: "nam", year: 2023 }, periodFrom: "file" }),
        unit("b.xlsx", "Sở B", {}, { period: null, periodFrom: null }),
        unit("c.xlsx", "Sở C", {}, { period: { kind: "nam", year: null } }),
      ],
      [testTemplate],
    );
    expect(r.columns[0].unit).toBe("So Xay dung");
    expect(r.issues.map((i) => [i.unit, i.code, i.severity])).toEqual([
      ["So Xay dung", "unit_name_missing", "warning"],
      ["So Xay dung", "period_from_file_name", "info"],
      ["Sở B", "period_missing", "warning"],
      ["Sở C", "period_year_missing", "warning"],
    ]);
    // Warnings and infos do not stop a unit from being ready.
    expect(r.statuses.map((s) => s.ready)).toEqual([true, true, true]);
  });

  it("includes a unit with errors, marked, and counts its findings", () => {
    const r = consolidate([unit("a.xlsx", "Sở A", { "I.2.1": 3 }, { findings: [error()] })], [testTemplate]);
    expect(r.columns).toEqual([{ status: 0, unit: "Sở A", file: "a.xlsx", marked: true }]);
    expect(r.statuses[0]).toMatchObject({ errors: 1, warnings: 0, ready: false, column: 0 });
    expect(row(r, "I.2.1").total).toMatchObject({ value: 3 });
  });

  it("lists unreadable files, files without an appendix and lock files apart: no units, no errors counted", () => {
    const bad: UnitFailure = { file: "x.pdf", failure: "unreadable", unreadable: { reason: "not_xlsx" } };
    const none: UnitFailure = { file: "y.xlsx", failure: "no_appendix", appendix: { reason: "no_header" } };
    const lock: UnitFailure = { file: "~$a.xlsx", failure: "lock_file" };
    const r = consolidate([bad, unit("a.xlsx", "Sở A", {}), none, lock], [testTemplate]);
    expect(r.columns.map((c) => c.file)).toEqual(["a.xlsx"]);
    expect(r.statuses.map((s) => [s.file, s.column, s.ready, s.errors])).toEqual([["a.xlsx", 0, true, 0]]);
    expect(r.unusable).toEqual([bad, none, lock]);
    expect(r.issues).toEqual([]);
    expect(formatUnusable(bad, "vi", testTemplate)).toBe(unreadableText({ reason: "not_xlsx" }, "vi"));
    expect(formatUnusable(none, "en", testTemplate)).toBe(appendixFailureText({ reason: "no_header" }, "en", "file"));
    expect(formatUnusable(lock, "vi", testTemplate)).toContain("tệp khóa");
  });

  it("still has rows when no file could be read", () => {
    const r = consolidate([{ file: "x.xlsx", failure: "unreadable", unreadable: { reason: "damaged" } }], [testTemplate]);
    expect(r.columns).toEqual([]);
    expect(r.statuses).toEqual([]);
    expect(r.unusable).toHaveLength(1);
    expect(row(r, "I.2.1")).toMatchObject({ values: [], total: { method: "sum", value: null } });
    expect(r.period).toBeNull();
  });

  it("flags identical figures from different units, and rows that differ from the template", () => {
    const figures = { "I.2.1": 47, "I.2.2": 41, "I.3": 1, "I.5": 2, "I.6.1": 9 };
    const r = consolidate(
      [unit("a.xlsx", "Sở A", figures), unit("b.xlsx", "Sở B", { ...figures }, { rowsMissing: 3, rowsUnrecognized: 1 })],
      [testTemplate],
    );
    expect(r.issues.map((i) => [i.file, i.code, i.detail])).toEqual([
      ["b.xlsx", "template_rows_differ", { missing: 3, unrecognized: 1 }],
      ["b.xlsx", "same_figures", { otherFile: "a.xlsx", otherUnit: "Sở A" }],
    ]);
    // A row or two of notes under the table is not another version; three strange rows may be.
    const rows = (missing: number, unrecognized: number) =>
      consolidate([unit("a.xlsx", "Sở A", {}, { rowsMissing: missing, rowsUnrecognized: unrecognized })], [testTemplate]).issues.map((i) => i.code);
    expect([rows(0, 2), rows(0, 3), rows(1, 0)]).toEqual([[], ["template_rows_differ"], ["template_rows_differ"]]);
    // A nearly empty appendix is common: equal blanks are not a copied file.
    expect(consolidate([unit("a.xlsx", "Sở A", { "I.3": 1 }), unit("b.xlsx", "Sở B", { "I.3": 1 })], [testTemplate]).issues).toEqual([]);
  });

  it("warns when a unit gives a rate's numerator without its denominator (or the reverse)", () => {
    const r = consolidate([unit("a.xlsx", "Sở A", { "I.1.2": 4 }), unit("b.xlsx", "Sở B", { "I.1.1": 4, "I.1.2": 4 })], [testTemplate]);
    expect(r.issues).toEqual([
      expect.objectContaining({
        code: "rate_parts_incomplete",
        severity: "warning",
        file: "a.xlsx",
        indicator: "I.1",
        detail: { numerator: "I.1.2", denominator: "I.1.1", given: "I.1.2" },
      }),
    ]);
  });
});

describe("fileBaseName", () => {
  it.each([
    ["don-vi/So Y te.xlsx", "So Y te"],
    ["C:\\in\\Sở Tư pháp.XLSX", "Sở Tư pháp"],
    ["a", "a"],
  ])("%s -> %s", (file, name) => expect(fileBaseName(file)).toBe(name));
});

describe("consolidation messages", () => {
  const about = { severity: "warning" as const, file: "a.xlsx", unit: "Sở A" };
  /** One issue of each code; the type makes the compiler ask for every code, with its detail. */
  const samples: { readonly [K in ConsolidationIssueCode]: ConsolidationIssueOf<K> } = {
    duplicate_unit: { ...about, code: "duplicate_unit", detail: { keptFile: "b.xlsx", why: "first_given", modified: null, keptModified: null } },
    kept_over: {
      ...about,
      code: "kept_over",
      detail: { otherFile: "b.xlsx", why: "modified", modified: { at: "2024-01-02T00:00:00Z", from: "file_system" }, otherModified: { at: "2024-01-01T00:00:00Z", from: "properties" } },
    },
    other_period: { ...about, code: "other_period", detail: { period: { kind: "quy1", year: 2023 }, keptFile: "b.xlsx", keptPeriod: { kind: "nam", year: 2023 } } },
    hidden_sheet_only: { ...about, code: "hidden_sheet_only", detail: { sheet: "PL 2023" } },
    hidden_sheet_included: { ...about, severity: "info", code: "hidden_sheet_included", detail: { sheet: "PL 2023" } },
    period_mismatch: { ...about, code: "period_mismatch", detail: { period: { kind: "6thang", year: 2024 }, expected: { kind: "nam", year: 2023 } } },
    template_mismatch: { ...about, code: "template_mismatch", detail: { template: "x", expected: "test", templateTitle: "Mẫu X", expectedTitle: "Mẫu thử" } },
    unit_name_missing: { ...about, code: "unit_name_missing" },
    period_missing: { ...about, code: "period_missing" },
    period_year_missing: { ...about, code: "period_year_missing", detail: { period: { kind: "quy1", year: null } } },
    period_from_file_name: { ...about, code: "period_from_file_name", detail: { period: { kind: "nam", year: 2023 } } },
    template_rows_differ: { ...about, code: "template_rows_differ", detail: { missing: 3, unrecognized: 1 } },
    same_figures: { ...about, code: "same_figures", detail: { otherFile: "c.xlsx", otherUnit: "Sở C" } },
    rate_parts_incomplete: { ...about, code: "rate_parts_incomplete", indicator: "I.1", detail: { numerator: "I.1.2", denominator: "I.1.1", given: "I.1.2" } },
  };

  it("has a severity and a sample for every code", () => {
    expect(Object.keys(samples).sort()).toEqual([...consolidationIssueCodes].sort());
    expect(consolidationIssueCodes).toHaveLength(14);
  });

  it.each(consolidationIssueCodes.map((c) => [c]))("words %s in both languages", (code) => {
    const vi = formatIssue(samples[code], "vi", testTemplate);
    const en = formatIssue(samples[code], "en", testTemplate);
    for (const text of [vi, en]) {
      expect(text.length).toBeGreaterThan(20);
      expect(text).toBe(text.normalize("NFC"));
      expect(text).not.toMatch(/undefined|\[object|NaN/);
    }
    expect(vi).not.toBe(en);
  });

  it("names periods and indicators in the sentence", () => {
    expect(formatIssue(samples.period_mismatch, "vi", testTemplate)).toBe("Kỳ báo cáo là 6 tháng đầu năm 2024, khác kỳ của đợt tổng hợp (Năm 2023).");
    expect(formatIssue(samples.rate_parts_incomplete, "en", testTemplate)).toContain(
      "“Số nhiệm vụ đã hoàn thành” is given but “Số nhiệm vụ đề ra trong kế hoạch” is not",
    );
  });

  it("names a form by its title, and by its id too only when two forms share a title", () => {
    expect(formatIssue(samples.template_mismatch, "vi", testTemplate)).toMatch(/^Phụ lục theo mẫu “Mẫu X”, khác mẫu của đợt tổng hợp \(“Mẫu thử”\)/);
    const sameTitle = { ...samples.template_mismatch, detail: { template: "x", expected: "test", templateTitle: "Mẫu", expectedTitle: "Mẫu" } };
    expect(formatIssue(sameTitle, "en", testTemplate)).toContain("“Mẫu (x)”, not the batch's form (“Mẫu (test)”)");
  });

  it("says the dates a choice rests on, in Vietnam's time, and where each date was read", () => {
    expect(vietnamTime("2023-12-14T17:30:00Z")).toBe("15/12/2023 00:30");
    expect(formatIssue(samples.kept_over, "en", testTemplate)).toBe(
      "The unit also sent “b.xlsx” for the same period; the summary uses this file because this file was saved later (02/01/2024 07:00 by the file system's date; the other: 01/01/2024 07:00 by the file's properties).",
    );
  });

  it.each([
    [{ kind: "nam", year: 2023 }, "Năm 2023", "Year 2023"],
    [{ kind: "6thang", year: 2024 }, "6 tháng đầu năm 2024", "First six months 2024"],
    [{ kind: "quy3", year: 2024 }, "Quý III năm 2024", "Q3 2024"],
    [{ kind: "quy1", year: null }, "Quý I", "Q1"],
    [null, "Chưa xác định", "Unknown"],
  ] as const)("period %j reads %s / %s", (p, vi, en) => {
    expect(periodLabel(p, "vi")).toBe(vi);
    expect(periodLabel(p, "en")).toBe(en);
  });

  it("has the same workbook entries in both languages", () => {
    const keys = (o: object): string[] =>
      Object.entries(o).flatMap(([k, v]) => (v && typeof v === "object" ? keys(v).map((s) => `${k}.${s}`) : [k]));
    expect(keys(consolidateMessages("en"))).toEqual(keys(consolidateMessages("vi")));
  });
});
