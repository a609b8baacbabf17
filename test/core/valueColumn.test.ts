/** Which value column is checked when the sheet holds several periods (docs/LOCATE.md, "Several value columns"). */
import { at } from "../fixtures/a1";
import { checkWorkbook, type FoundCheck } from "../../src/core/checkWorkbook";
import { gridFromCells, type Grid, type RawCell } from "../../src/core/grid";
import { cellOf, testTemplate, twoColumnSheet } from "./rulesFixture";

function check(grid: Grid, valueColumn?: number): FoundCheck {
  const state = checkWorkbook([{ name: "Phụ lục", grid }], [testTemplate], valueColumn === undefined ? {} : { valueColumn });
  if (!state.found) throw new Error(JSON.stringify(state.failure));
  return state;
}

// Last period's figures are consistent; this period's rate is wrong (41/47 is 87.23, not 50).
const last = { "I.1.1": 40, "I.1.2": 30, "I.1": 75 };
const now = { "I.1.1": 47, "I.1.2": 41, "I.1": 50 };
const D = 3;
const E = 4;
const onE = (c: FoundCheck) => c.findings.filter((f) => f.code === "rate_mismatch").map((f) => f.cell);

describe("two value columns: the report's own period is checked", () => {
  it.each([
    ["years, the later one", ["Số liệu năm 2023", "Số liệu năm 2024"], [], "later_year"],
    ["years, the title's", ["Năm 2023", "Năm 2024"], ["BÁO CÁO KẾT QUẢ CCHC NĂM 2024"], "title_year"],
    ["kỳ trước | kỳ này", ["Kỳ trước", "Kỳ này"], [], "heading"],
    ["cùng kỳ | kỳ báo cáo", ["Cùng kỳ năm trước", "Kỳ báo cáo"], [], "heading"],
    ["kế hoạch | thực hiện", ["Kế hoạch", "Thực hiện"], [], "heading"],
  ] as const)("%s", (_name, headings, title, reason) => {
    const c = check(twoColumnSheet(headings, last, now, title));
    expect(c.location.columns.value).toBe(E);
    expect(c.location.valueChoice?.reason).toBe(reason);
    expect(c.location.valueChoice?.columns).toEqual([
      { col: D, heading: headings[0], checked: false },
      { col: E, heading: headings[1], checked: true },
    ]);
    // This period's error is found; last period's figures are not what was checked.
    expect(onE(c)).toEqual([{ ...cellOf("I.1"), col: E }]);
    // The note column stays the note column.
    expect(c.location.columns.note).toBe(5);
    expect(c.findings.some((f) => f.code === "value_column_ambiguous")).toBe(false);
  });

  it("the title's year wins over the later year (a report for 2023 with 2024's plan beside it)", () => {
    const c = check(twoColumnSheet(["Năm 2023", "Năm 2024"], now, last, ["BÁO CÁO NĂM 2023"]));
    expect(c.location.columns.value).toBe(D);
    expect(c.location.valueChoice?.reason).toBe("title_year");
  });

  it("the current period in the left column is found too (kỳ này | kỳ trước)", () => {
    const c = check(twoColumnSheet(["Kỳ này", "Kỳ trước"], now, last));
    expect(c.location.columns.value).toBe(D);
  });

  it("a merged “Kết quả thống kê” over ĐVT | Năm 2023 | Năm 2024", () => {
    const rows: RawCell[][] = Array.from({ length: 8 }, () => []);
    rows.push(["STT", "Chỉ tiêu thống kê", "Kết quả thống kê", null, null, "Ghi chú"].map((value) => ({ value })));
    rows.push([null, null, "ĐVT", "Năm 2023", "Năm 2024", null].map((value) => ({ value })));
    for (const i of testTemplate.indicators) {
      const a = (last as Record<string, number>)[i.id] ?? null;
      const b = (now as Record<string, number>)[i.id] ?? null;
      rows.push([i.stt || null, i.label, i.unit || null, a, b, null].map((value) => ({ value })));
    }
    const c = check(gridFromCells({ row: 0, col: 0 }, rows));
    expect(c.location.columns.unit).toBe(2);
    expect(c.location.columns.value).toBe(E);
    expect(c.location.valueChoice?.columns.map((x) => [x.heading, x.checked])).toEqual([
      ["Năm 2023", false],
      ["Năm 2024", true],
    ]);
  });

  it("nothing telling the columns apart: the first is checked and a warning names them all", () => {
    const c = check(twoColumnSheet(["Số liệu", "Số liệu"], now, last));
    expect(c.location.columns.value).toBe(D);
    expect(c.location.valueChoice?.reason).toBe("ambiguous");
    const f = c.findings.find((x) => x.code === "value_column_ambiguous");
    expect(f).toMatchObject({ severity: "warning", cell: at("D10"), cells: [at("D10"), at("E10")] });
    expect(f?.code === "value_column_ambiguous" && f.detail.columns.map((x) => x.col)).toEqual([D, E]);
  });

  it("a title year no column names is ambiguous, not the later year by default", () => {
    const c = check(twoColumnSheet(["Năm 2022", "Năm 2023"], last, now, ["BÁO CÁO NĂM 2024"]));
    expect(c.location.valueChoice?.reason).toBe("ambiguous");
  });

  it("the user's column is checked, whatever the headings say", () => {
    const c = check(twoColumnSheet(["Số liệu", "Số liệu"], now, last), E);
    expect(c.location.columns.value).toBe(E);
    expect(c.location.valueChoice?.reason).toBe("chosen");
    expect(c.findings.some((f) => f.code === "value_column_ambiguous")).toBe(false);
    const years = check(twoColumnSheet(["Năm 2023", "Năm 2024"], last, now), D);
    expect(years.location.columns.value).toBe(D);
  });

  it("one value column: nothing is chosen, nothing is said", () => {
    const c = check(twoColumnSheet(["Số liệu", "Ghi chú"], now, {}));
    expect(c.location.valueChoice).toBeUndefined();
    expect(c.location.columns.value).toBe(D);
  });
});
