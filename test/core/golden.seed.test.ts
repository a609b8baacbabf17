/**
 * Golden test: the real appendix of the seed report (Sở TTTT Sóc Trăng, 2023) as a sheet, located and analysed.
 * Every finding it yields is listed and justified; its correct figures give no error.
 */
import { at } from "../fixtures/a1";
import { cellA1, toA1 } from "../../src/core/address";
import { soNganh } from "../../src/core/catalog/soNganh";
import { checkWorkbook, type FoundCheck } from "../../src/core/checkWorkbook";
import { withWrites, type Grid } from "../../src/core/grid";
import { fixLabel, formatFinding } from "../../src/core/messages";
import { seedGrid } from "../fixtures/seed";

/** The one check every surface runs, on the seed sheet. */
function checked(grid: Grid): FoundCheck {
  const result = checkWorkbook([{ name: "Phụ lục", grid }], [soNganh]);
  if (!result.found) throw new Error(`the seed appendix was not located: ${JSON.stringify(result.failure)}`);
  return result;
}


describe("golden: the seed appendix", () => {
  const grid = seedGrid();
  const { location, findings, patches } = checked(grid);

  it("is located whole: every indicator has its row", () => {
    expect(location.missing).toEqual([]);
    expect(location.unrecognized).toEqual([]);
    expect(location.columns.value).toBe(3);
    expect(location.columns.note).toBe(4);
  });

  it("yields exactly these findings, errors first, then by row", () => {
    expect(findings.map((f) => [f.severity, f.code, f.indicator, cellA1(f.cell)])).toEqual([
      // I.1: the completion rate is blank although 41 of 47 tasks are done (the report's text says 87,23%).
      ["warning", "computed_value_missing", "I.1", "D9"],
      // I.3.1: "100%" typed as text in a % row: readable, but Excel cannot use it; the fix writes 100.
      ["warning", "number_stored_as_text", "I.3.1", "D19"],
      // I.3.4: a yes/no question (its unit misprinted "Tin, bài") left unanswered.
      ["warning", "flag_blank", "I.3.4", "D22"],
      // I.7.3: 29 survey forms (I.7.1) but no satisfaction rate.
      ["warning", "count_rate_disagree", "I.7.3", "D33"],
      // II.2.3 and II.2.4: "02" typed as text; the fix writes 2.
      ["warning", "number_stored_as_text", "II.2.3", "D43"],
      ["warning", "number_stored_as_text", "II.2.4", "D44"],
      // III.2: the review plan flag is blank while its note cites Kế hoạch số 03/KH.CCHC-STTTT: answer meant, not given.
      ["warning", "flag_blank_with_note", "III.2", "D50"],
      // V.3.1: "Thực hiện tuyển chọn, bổ nhiệm lãnh đạo qua thi tuyển" (Đã thực hiện = 1 / Chưa thực hiện = 0) unanswered.
      ["warning", "flag_blank", "V.3.1", "D124"],
      // VI.3: one public service unit partly self-funded (VI.3.3 = 1), and the group's note keeps the template's
      // placeholder "Văn bản số..." instead of naming the document.
      ["warning", "note_missing", "VI.3", "E146"],
      // VII.4: the provincial reporting system is used (1), and the note only repeats the template's request
      // "Số lượng báo cáo định kỳ đã được điện tử hóa/Số lượng báo cáo định kỳ tại đơn vị" instead of the figures.
      ["warning", "note_missing", "VII.4", "E175"],
      // VII.10.4: subordinate units did not publish ISO (0), and the note only repeats the template's request
      // "(nếu không công bố: ghi rõ lý do)" instead of giving the reason.
      ["warning", "note_missing", "VII.10.4", "E190"],
    ]);
  });

  it("gives no error on the seed's figures (parts within wholes, 2796 + 240 <= 3036, 41 = 41 + blank, 47 accounts <= 25 + 22 staff...)", () => {
    expect(findings.filter((f) => f.severity === "error")).toEqual([]);
  });

  it("computes the blank completion rate as 87.23 from 41/47", () => {
    expect(patches).toEqual([
      { cell: at("D9"), indicator: "I.1", formula: "=ROUND(D11/D10*100,2)", value: 87.23, cellValue: 87.23, relation: "i1_completion_rate", numberFormat: "0.00" },
    ]);
    const rate = findings.find((f) => f.code === "computed_value_missing")!;
    expect(rate.fix).toEqual({ cell: at("D9"), value: 87.23, cellValue: 87.23, formula: "=ROUND(D11/D10*100,2)", numberFormat: "0.00" });
    expect(formatFinding(rate, "vi", soNganh)).toBe(
      "Tỷ lệ hoàn thành Kế hoạch CCHC năm (D9) đang để trống; tính được 87,23 từ Số nhiệm vụ đã hoàn thành (D11) = 41 chia cho Số nhiệm vụ đề ra trong kế hoạch (D10) = 47, nhân 100.",
    );
  });

  it("offers the number for each number stored as text", () => {
    const asText = findings.filter((f) => f.code === "number_stored_as_text").map((f) => [f.indicator, f.actual, f.fix?.value]);
    expect(asText).toEqual([
      ["I.3.1", "100%", 100],
      ["II.2.3", "02", 2],
      ["II.2.4", "02", 2],
    ]);
    expect(fixLabel(findings.find((f) => f.indicator === "II.2.3")!, "vi", soNganh)).toBe("Đổi thành số 2");
  });

  it("puts each finding on its indicator's value cell, or the note cell for a missing note", () => {
    for (const f of findings) {
      const col = f.code === "note_missing" ? location.columns.note! : location.columns.value;
      expect(f.cell).toEqual({ row: location.rows[f.indicator], col });
    }
  });

  it("says every finding in both languages", () => {
    for (const f of findings) {
      const vi = formatFinding(f, "vi", soNganh);
      const en = formatFinding(f, "en", soNganh);
      expect(vi).toContain(cellA1(f.cell));
      expect(en).toContain(cellA1(f.cell));
      expect(vi).not.toBe(en);
      expect(vi).not.toMatch(/undefined|null|NaN/);
    }
  });

  it("is left with only the findings that need the user once every fix is applied", () => {
    const fixes = findings.flatMap((f) => (f.fix ? [f.fix] : []));
    expect(fixes.map((x) => toA1(x.cell))).toEqual(["D9", "D19", "D43", "D44"]);
    const again = checked(withWrites(grid, fixes));
    expect(again.patches).toEqual([]);
    expect(again.findings.map((f) => [f.code, f.indicator])).toEqual([
      ["flag_blank", "I.3.4"],
      ["count_rate_disagree", "I.7.3"],
      ["flag_blank_with_note", "III.2"],
      ["flag_blank", "V.3.1"],
      ["note_missing", "VI.3"],
      ["note_missing", "VII.4"],
      ["note_missing", "VII.10.4"],
    ]);
  });
});
