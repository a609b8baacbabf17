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
import { consolidateMessages, formatIssue } from "../../src/core/messages/consolidate";
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
  it("leaves a unit sent twice out of the totals and says which file came first", () => {
    const first = unit("a.xlsx", "Sở Thông tin và Truyền thông tỉnh Sóc Trăng", { "I.2.1": 10 });
    const again = unit("a-sua.xlsx", "SỞ THÔNG TIN VÀ TRUYỀN THÔNG", { "I.2.1": 12 });
    const other = unit("b.xlsx", "Sở Y tế", { "I.2.1": 1 });
    const r = consolidate([first, again, other], [testTemplate]);
    expect(row(r, "I.2.1").total).toEqual({ method: "sum", value: 11 });
    expect(r.columns.map((c) => c.file)).toEqual(["a.xlsx", "b.xlsx"]);
    expect(r.statuses[1]).toMatchObject({ column: null, ready: false, errors: 1 });
    expect(r.issues).toEqual([
      expect.objectContaining({ code: "duplicate_unit", severity: "error", file: "a-sua.xlsx", detail: { firstFile: "a.xlsx" } }),
    ]);
  });

  it("catches the same file given twice even without a unit name", () => {
    const r = consolidate([unit("x.xlsx", null, {}), unit("x.xlsx", null, {})], [testTemplate]);
    expect(codesOf(r, "x.xlsx")).toEqual(["unit_name_missing"]);
    expect(r.statuses[1].issues.map((i) => i.code)).toEqual(["duplicate_unit"]);
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
      expect.objectContaining({ code: "template_mismatch", file: "a.xlsx", detail: { template: "test-2022", expected: "test" } }),
    ]);
    // Listed apart: its ids name other rows, so it is no column of the summary.
    expect(r.columns.map((c) => c.file)).toEqual(["b.xlsx", "c.xlsx"]);
    expect(r.statuses[0]).toMatchObject({ file: "a.xlsx", column: null, ready: false });
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

  it("lists unreadable files and files without an appendix, outside the summary", () => {
    const bad: UnitFailure = { file: "x.pdf", failure: "unreadable", unreadable: { reason: "not_xlsx" } };
    const none: UnitFailure = { file: "y.xlsx", failure: "no_appendix", appendix: { reason: "no_header" } };
    const r = consolidate([bad, unit("a.xlsx", "Sở A", {}), none], [testTemplate]);
    expect(r.columns.map((c) => c.file)).toEqual(["a.xlsx"]);
    expect(r.statuses.map((s) => [s.file, s.column, s.ready, s.errors])).toEqual([
      ["x.pdf", null, false, 1],
      ["a.xlsx", 0, true, 0],
      ["y.xlsx", null, false, 1],
    ]);
    expect(r.issues.map((i) => [i.code, i.detail])).toEqual([
      ["file_unreadable", { reason: "not_xlsx" }],
      ["no_appendix", { reason: "no_header" }],
    ]);
  });

  it("still has rows and statuses when no file could be read", () => {
    const r = consolidate([{ file: "x.xlsx", failure: "unreadable", unreadable: { reason: "damaged" } }], [testTemplate]);
    expect(r.columns).toEqual([]);
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
    file_unreadable: { ...about, code: "file_unreadable", detail: { reason: "encrypted" } },
    no_appendix: { ...about, code: "no_appendix", detail: { reason: "too_few_rows", sheet: "PL", template: "test", matched: 4, needed: 5, total: 17 } },
    duplicate_unit: { ...about, code: "duplicate_unit", detail: { firstFile: "b.xlsx" } },
    period_mismatch: { ...about, code: "period_mismatch", detail: { period: { kind: "6thang", year: 2024 }, expected: { kind: "nam", year: 2023 } } },
    template_mismatch: { ...about, code: "template_mismatch", detail: { template: "x", expected: "test" } },
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
    expect(consolidationIssueCodes).toHaveLength(12);
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

  it("says why a file was left out with the sentences every surface uses for an unreadable file or a missing appendix", () => {
    expect(formatIssue(samples.file_unreadable, "vi", testTemplate)).toBe(
      `${unreadableText({ reason: "encrypted" }, "vi")} Tệp không được đưa vào tổng hợp.`,
    );
    expect(formatIssue(samples.no_appendix, "vi", testTemplate)).toBe(
      "Tệp có bảng giống phụ lục ở trang tính “PL” nhưng chỉ nhận ra 4/17 chỉ tiêu (cần ít nhất 5), quá ít để kiểm tra. Tệp không được đưa vào tổng hợp.",
    );
    expect(formatIssue(samples.no_appendix, "en", testTemplate)).toBe(
      `${appendixFailureText(samples.no_appendix.detail, "en", "file")} The file is left out of the summary.`,
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
