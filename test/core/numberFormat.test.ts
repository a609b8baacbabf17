import { cellNumberFor, isTextFormat, numberFormat, rateFormatFor, sectionFor, showsPercent, shownDecimals } from "../../src/core/numberFormat";
import { readCell } from "../../src/core/read";
import { derive, type Derivation } from "../../src/core/derivation";
import { inspectCell } from "../../src/core/rules/cellRules";
import { sheetView } from "../../src/core/sheetView";
import { relations, sheet } from "./rulesFixture";

/** The completion rate derived from 41 of 47 into a blank rate cell formatted `format` (D11 = D13 / D12). */
function rateInto(format: string): Derivation {
  const s = sheet({ "I.1": { value: null, numberFormat: format }, "I.1.1": 47, "I.1.2": 41 });
  const rate = relations.find((r) => r.kind === "rate")!;
  const d = derive(rate as Extract<typeof rate, { kind: "rate" }>, { sheet: sheetView(s.grid, s.template, s.location, inspectCell) });
  if (d?.kind !== "derived") throw new Error("the rate is not derived");
  return d;
}

describe("number formats: what a value shows", () => {
  // format, value, percent, decimals, kind of the section that shows it
  test.each<[string, number, boolean, number | null, string]>([
    ["General", 0.5, false, null, "general"],
    ["general", 0.5, false, null, "general"],
    ["", 0.5, false, null, "general"],
    ["0", 3, false, 0, "number"],
    ["0.00", 3, false, 2, "number"],
    ["#,##0", 3036, false, 0, "number"],
    ["#,##0.000", 3036, false, 3, "number"],
    ["0.0#", 1.5, false, 2, "number"],
    ["0.", 1, false, 0, "number"],
    ["0%", 0.87, true, 0, "number"],
    ["0.00%", 0.8723, true, 2, "number"],
    ["0.0 %", 0.8723, true, 1, "number"],
    ["@", 5, false, null, "general"],
    // A quoted, escaped, spacing or fill % is a literal sign: the value is shown as it is.
    ['0.0"%"', 87.2, false, 1, "number"],
    ["0.0\\%", 87.2, false, 1, "number"],
    ["0.0_%", 87.2, false, 1, "number"],
    ["0.0*%", 87.2, false, 1, "number"],
    ['"Tỷ lệ %: "0.00', 87.23, false, 2, "number"],
    // Locales, currencies and colours in brackets are skipped.
    ["[$-42A]0.00", 1.5, false, 2, "number"],
    ["[$-42A]0.00%", 0.015, true, 2, "number"],
    ["[Red]0.00%", 0.5, true, 2, "number"],
    ["[Color10]0.0", 0.5, false, 1, "number"],
    ['#,##0 [$₫-42A]', 1000, false, 0, "number"],
    // Sections: positive;negative;zero;text.
    ["0.00;[Red]-0.00%", 0.8723, false, 2, "number"],
    ["0.00;[Red]-0.00%", 0, false, 2, "number"],
    ["0.00;[Red]-0.00%", -0.5, true, 2, "number"],
    ["0.0;-0.000", 1, false, 1, "number"],
    ["0.0;-0.000", -1, false, 3, "number"],
    ['0%;-0%;"-"', 0, false, null, "literal"],
    ['0%;-0%;"-"', 0.5, true, 0, "number"],
    ["0.00;-0.00;;@", 0, false, null, "literal"],
    ["0.00;-0.00;0;@", 0, false, 0, "number"],
    ['_-* #,##0.00 ₫_-;-* #,##0.00 ₫_-;_-* "-"?? ₫_-;_-@_-', 5, false, 2, "number"],
    ['_-* #,##0.00 ₫_-;-* #,##0.00 ₫_-;_-* "-"?? ₫_-;_-@_-', 0, false, 0, "number"],
    ['_(* #,##0_);_(* (#,##0);_(* "-"_);_(@_)', -3, false, 0, "number"],
    // Conditions pick the section; a section without one takes the rest.
    ["[<1]0.00%;0.00", 0.5, true, 2, "number"],
    ["[<1]0.00%;0.00", 5, false, 2, "number"],
    ["[>=100]#,##0;[<0]-0.0;0.00%", 150, false, 0, "number"],
    ["[>=100]#,##0;[<0]-0.0;0.00%", -2, false, 1, "number"],
    ["[>=100]#,##0;[<0]-0.0;0.00%", 0.5, true, 2, "number"],
    // Dates, times, scientific and fractions fix no decimals.
    ["dd/mm/yyyy", 45275, false, null, "date"],
    ["[h]:mm", 1.5, false, null, "date"],
    ["h:mm AM/PM", 0.5, false, null, "date"],
    ["0.00E+00", 12345, false, null, "number"],
    ["# ?/?", 1.5, false, null, "number"],
    ["General%", 0.5, true, null, "general"],
  ])("%s shows %p: percent %p, decimals %p (%s)", (format, value, percent, decimals, kind) => {
    const s = sectionFor(format, value);
    expect(s).toMatchObject({ percent, decimals, kind });
    expect(showsPercent(format, value)).toBe(percent);
    expect(shownDecimals(format, value)).toBe(decimals);
  });

  test("the text section is the one holding @, or the fourth", () => {
    expect(numberFormat("0.00;-0.00;0;@").text).toMatchObject({ kind: "text" });
    expect(numberFormat('0;-0;0;"n/a"').text).toMatchObject({ kind: "literal" });
    expect(numberFormat("0.00").text).toBeNull();
    expect(isTextFormat("@")).toBe(true);
    expect(isTextFormat("0.00;@")).toBe(false);
    expect(isTextFormat("General")).toBe(false);
  });

  test("never throws, whatever the code", () => {
    for (const code of ['"', "[", "\\", "_", "*", ";;;;;;", "[<", "[>=abc]0", "0.0.0%%", "E+", "x".repeat(10000), undefined, null]) {
      expect(() => sectionFor(code, 1)).not.toThrow();
    }
  });

  test.each<[string, number, number]>([
    ["0.00%", 87.23, 0.8723],
    ["0%", 100, 1],
    ["0.00", 87.23, 87.23],
    ['0.0"%"', 87.2, 87.2],
    ["0.00;[Red]-0.00%", 87.23, 87.23],
    ["General", 2, 2],
  ])("cellNumberFor(%p, %p) = %p: what reads back as the value", (format, value, cell) => {
    expect(cellNumberFor(value, format)).toBe(cell);
    const back = readCell({ value: cell, numberFormat: format });
    expect(back).toMatchObject({ kind: "number", value });
  });
});

describe("reader and calculator agree on which cells show percentages", () => {
  test.each<[string]>([
    ["0.00%"],
    ["0%"],
    ["0.00"],
    ["General"],
    ["0.00;[Red]-0.00%"],
    ["[Red]0.00%;-0.00"],
    ['0.00"%"'],
    ["0.00\\%"],
    ["[$-42A]0.00%"],
    ["[<1]0.00%;0.00"],
    ["@"],
  ])("a rate written into a cell formatted %p reads back as 87.23", (format) => {
    const { value, write } = rateInto(format);
    expect([value, write.value]).toEqual([87.23, 87.23]);
    const written = readCell({ value: write.cellValue, formula: write.formula, numberFormat: write.numberFormat });
    expect(written).toMatchObject({ kind: "number", value: 87.23 });
    // The cell as the user formatted it, before the calculator's format is set, reads the same.
    expect(readCell({ value: write.cellValue, formula: write.formula, numberFormat: format })).toMatchObject({ kind: "number", value: 87.23 });
  });

  test("0.00;[Red]-0.00%: a rate is shown by the first section, so it goes in as percent points", () => {
    // The cell already shows the rate with two decimals: it keeps the user's format, red negatives and all.
    expect(rateInto("0.00;[Red]-0.00%").write).toMatchObject({ formula: "=ROUND(D13/D12*100,2)", cellValue: 87.23, numberFormat: "0.00;[Red]-0.00%" });
    expect(rateInto("0.00%").write).toMatchObject({ formula: "=ROUND(D13/D12,4)", cellValue: 0.8723, numberFormat: "0.00%" });
    expect(readCell({ value: 87.23, numberFormat: "0.00;[Red]-0.00%" })).toMatchObject({ value: 87.23, percent: false, decimals: 2 });
  });
});

describe("the format a rate goes in with", () => {
  test.each<[string | undefined, string]>([
    // A section that shows the rate as a number with two decimals stays as the user made it.
    ["0.00%", "0.00%"],
    ["0.00", "0.00"],
    ["#,##0.00", "#,##0.00"],
    ["0.00;[Red]-0.00%", "0.00;[Red]-0.00%"],
    ["[$-42A]0.00%", "[$-42A]0.00%"],
    ["[<1]0.00%;0.00", "[<1]0.00%;0.00"],
    // Other decimals, General, text or nothing: two decimals, a percent where the section shows one.
    ["0%", "0.00%"],
    ["0.0%", "0.00%"],
    ["0", "0.00"],
    ["General", "0.00"],
    ["@", "0.00"],
    [undefined, "0.00"],
    ["[Red]0.0%;-0.00", "0.00%"],
  ])("into %p: %p", (format, written) => {
    expect(rateFormatFor(format, 87.23)).toBe(written);
  });
});
