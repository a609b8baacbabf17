/** What counts as replacing a cell's content (a fix then asks first), and when two states of a cell are the same. */
import { isBlankCell, replacesContent, sameCellState } from "../../src/core";
import { at } from "../fixtures/a1";

const RATE = "=ROUND(D11/D10*100,2)";

describe("replacesContent", () => {
  test.each([
    ["a blank cell", { cellValue: null }, RATE, false],
    ["an empty text", { cellValue: "" }, undefined, false],
    ["the fix's own formula (a stale result)", { cellValue: 80, formula: RATE }, RATE, false],
    ["a typed number", { cellValue: 95 }, RATE, true],
    ["a typed 0", { cellValue: 0 }, undefined, true],
    ["typed text", { cellValue: "02" }, undefined, true],
    ["another formula", { cellValue: 87.23, formula: "=D11/D10*100" }, RATE, true],
    ["a formula showing an empty text", { cellValue: "", formula: '=IF(D10="","",D11/D10)' }, RATE, true],
    ["a formula, for a constant fix", { cellValue: 2, formula: "=1+1" }, undefined, true],
  ] as const)("%s: %s", (_what, before, formula, replaces) => {
    expect(replacesContent(before, { formula })).toBe(replaces);
    expect(isBlankCell(before)).toBe(!replaces && !("formula" in before));
  });
});

describe("sameCellState", () => {
  const cell = at("D9");
  test.each([
    [{ cell, cellValue: 95, numberFormat: "General" }, { cell, cellValue: 95, numberFormat: "General" }, true],
    [{ cell, cellValue: 95, numberFormat: "General" }, { cell, cellValue: "95", numberFormat: "General" }, true],
    [{ cell, cellValue: 95, numberFormat: "General" }, { cell, cellValue: 95, numberFormat: "0.00" }, false],
    [{ cell, cellValue: 87.23, formula: RATE, numberFormat: "0.00" }, { cell, cellValue: 90, formula: RATE, numberFormat: "0.00" }, true],
    [{ cell, cellValue: 87.23, formula: RATE, numberFormat: "0.00" }, { cell, cellValue: 87.23, numberFormat: "0.00" }, false],
    [{ cell, cellValue: null, numberFormat: "General" }, { cell, cellValue: "", numberFormat: "General" }, true],
  ])("%o and %o: %s", (a, b, same) => {
    expect(sameCellState(a, b)).toBe(same);
  });
});
