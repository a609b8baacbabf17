import { cellRangeA1, toA1 } from "../../src/core/address";
import { layoutPlan, indicatorName, periodText, PLAN_FIRST_ROW, PLAN_HEADER_ROW } from "../../src/core/layout";
import type { LayoutPlan } from "../../src/core/layoutPlan";
import { at } from "../fixtures/a1";
import { miniTemplate } from "../fixtures/miniTemplate";

function cell(plan: LayoutPlan, a1: string) {
  return plan.cells.find((c) => toA1(c.cell) === a1);
}

describe("periodText", () => {
  test.each([
    ["nam", 2023, "Năm 2023 (từ ngày 15/12/2022-14/12/2023)"],
    ["quy1", 2024, "Quý I năm 2024 (từ ngày 15/12/2023-14/3/2024)"],
    ["6thang", 2024, "6 tháng đầu năm 2024 (từ ngày 15/12/2023-14/6/2024)"],
    ["quy3", 2024, "Quý III năm 2024 (từ ngày 15/6/2024-14/9/2024)"],
  ] as const)("%s %i", (period, year, text) => {
    expect(periodText(period, year)).toBe(text);
  });
});

describe("layoutPlan on a small template", () => {
  const plan = layoutPlan(miniTemplate, { unitName: "Sở Thông tin và Truyền thông", year: 2023, period: "nam", reportNo: "319/BC-STTTT", reportDate: "15/12/2023" });

  test("title block names the unit, the period and the report", () => {
    expect(cell(plan, "A1")?.cellValue).toBe("SỞ THÔNG TIN VÀ TRUYỀN THÔNG");
    expect(cell(plan, "A3")?.cellValue).toBe("PHỤ LỤC");
    expect(cell(plan, "A4")?.cellValue).toBe("THỐNG KÊ SỐ LIỆU BÁO CÁO CẢI CÁCH HÀNH CHÍNH");
    expect(cell(plan, "A5")?.cellValue).toBe("NĂM 2023 CỦA SỞ THÔNG TIN VÀ TRUYỀN THÔNG");
    expect(cell(plan, "A6")?.cellValue).toBe("(Kèm theo Báo cáo số: 319/BC-STTTT ngày 15/12/2023 của Sở Thông tin và Truyền thông)");
    expect(cell(plan, "A7")?.cellValue).toBe("Năm 2023 (từ ngày 15/12/2022-14/12/2023)");
    for (const r of [1, 3, 4, 5, 6, 7]) expect(plan.merges.map(cellRangeA1)).toContain(`A${r}:E${r}`);
  });

  test("two header rows with the official merges", () => {
    const h = PLAN_HEADER_ROW + 1;
    expect([cell(plan, `A${h}`)?.cellValue, cell(plan, `B${h}`)?.cellValue, cell(plan, `C${h}`)?.cellValue, cell(plan, `E${h}`)?.cellValue]).toEqual([
      "STT", "Chỉ tiêu thống kê", "Kết quả thống kê", "Ghi chú",
    ]);
    expect([cell(plan, `C${h + 1}`)?.cellValue, cell(plan, `D${h + 1}`)?.cellValue]).toEqual(["Đơn vị tính", "Số liệu"]);
    expect(plan.merges.map(cellRangeA1)).toEqual(expect.arrayContaining([`A${h}:A${h + 1}`, `B${h}:B${h + 1}`, `C${h}:D${h}`, `E${h}:E${h + 1}`]));
    expect(plan.print.titleRows).toEqual({ first: h - 1, last: h });
    expect(plan.freezeRows).toBe(h + 1);
  });

  test("section rows are bold and every indicator has its row in order", () => {
    const first = PLAN_FIRST_ROW + 1;
    expect(cell(plan, `A${first}`)?.cellValue).toBe("I");
    expect(plan.styles[cell(plan, `B${first}`)!.style].bold).toBe(true);
    expect(cell(plan, `B${first + 1}`)?.cellValue).toBe("Tỷ lệ hoàn thành Kế hoạch CCHC năm");
    expect(cell(plan, `A${first + 5}`)?.cellValue).toBe("II");
    expect(cell(plan, `B${first + 6}`)?.cellValue).toBe("Thống kê TTHC");
    expect(cellRangeA1(plan.range)).toBe(`A1:E${first + 11}`); // 2 sections + 10 indicators
  });

  test("computed cells hold the guarded formulas over the right cells", () => {
    const r = PLAN_FIRST_ROW + 2; // I.1
    expect(cell(plan, `D${r}`)?.formula).toBe(`=IF(N(D${r + 1})=0,"",ROUND(D${r + 2}/D${r + 1}*100,2))`);
    const t = PLAN_FIRST_ROW + 8; // II.1.1
    expect(cell(plan, `D${t}`)?.formula).toBe(`=IF(COUNT(D${t + 1},D${t + 2})=0,"",SUM(D${t + 1},D${t + 2}))`);
    expect(plan.cells.filter((c) => c.formula)).toHaveLength(2);
  });

  test("number formats follow the kind", () => {
    const fmt = (id: string) => {
      const name = plan.names.find((n) => n.indicator === id)!;
      return plan.styles[cell(plan, toA1(name.cell))!.style].numberFormat;
    };
    expect([fmt("I.1"), fmt("I.1.1"), fmt("I.2"), fmt("II.2"), fmt("II.3")]).toEqual(["0.00", "#,##0", "0", "0", "@"]);
  });

  test("names every value cell but group rows", () => {
    expect(plan.names.map((n) => n.name)).toEqual(
      ["I.1", "I.1.1", "I.1.2", "I.2", "II.1.1", "II.1.2", "II.1.3", "II.2", "II.3"].map(indicatorName),
    );
    expect(indicatorName("I.1.2")).toBe("CCHC_I_1_2");
    expect(toA1(plan.names[0].cell)).toBe(`D${PLAN_FIRST_ROW + 2}`);
  });

  test("drop-downs list the codes and show their meanings", () => {
    expect(plan.validations.map((v) => [v.list, v.prompt])).toEqual([
      [["0", "1"], "Không = 0, Có = 1"],
      [["0", "1", "2"], "Trực tuyến = 0, Phát phiếu = 1, Kết hợp = 2"],
    ]);
    for (const v of plan.validations) {
      expect(v.promptTitle.length).toBeLessThanOrEqual(32);
      expect(v.prompt.length).toBeLessThanOrEqual(255);
    }
  });

  test("the official note guidance sits in Ghi chú, in italics", () => {
    const r = plan.names.find((n) => n.indicator === "I.2")!.cell.row + 1;
    expect(cell(plan, `E${r}`)).toEqual({ cell: at(`E${r}`), style: "noteHint", cellValue: "Ghi rõ sáng kiến" });
    expect(plan.styles.noteHint.italic).toBe(true);
    expect(cell(plan, `E${r - 1}`)?.cellValue).toBeUndefined();
  });

  test("rows are as tall as their wrapped label", () => {
    const short = plan.names.find((n) => n.indicator === "I.1.1")!.cell.row;
    expect(plan.rowHeights[short]).toBe(17.5);
    const long = layoutPlan({ ...miniTemplate, indicators: [{ ...miniTemplate.indicators[0], label: "Tỷ lệ ".repeat(40) }] }, {});
    expect(long.rowHeights[PLAN_FIRST_ROW + 1]).toBeGreaterThanOrEqual(3 * 14.5);
  });

  test("A4 portrait, fit to width", () => {
    expect(plan.print).toMatchObject({ paper: "A4", orientation: "portrait", fitToWidth: true });
  });
});

describe("layoutPlan options", () => {
  test("a unit name that looks like a formula stays a plain value", () => {
    const plan = layoutPlan(miniTemplate, { unitName: "=HYPERLINK(1)", year: 2024 });
    expect(cell(plan, "A1")).toEqual({ cell: at("A1"), style: "unitName", cellValue: "=HYPERLINK(1)" });
  });

  test("without a unit or report number the blanks are dotted", () => {
    const plan = layoutPlan(miniTemplate, { year: 2024, period: "quy1" });
    expect(cell(plan, "A5")?.cellValue).toBe("QUÝ I NĂM 2024 CỦA …………");
    expect(cell(plan, "A6")?.cellValue).toBe("(Kèm theo Báo cáo số: ………… ngày ………… của …………)");
  });
});
