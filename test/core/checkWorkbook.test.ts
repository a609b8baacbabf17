import { templates } from "../../src/core/catalog";
import { checkWorkbook } from "../../src/core/checkWorkbook";
import { gridFromCells } from "../../src/core/grid";
import { seedGrid } from "../fixtures/seed";

const cover = { name: "Bìa", grid: gridFromCells({ row: 0, col: 0 }, [[{ value: "Báo cáo CCHC năm 2023" }]]) };

describe("checkWorkbook", () => {
  it("finds the appendix on its sheet and analyses it once: findings, the completion-rate patch, no conflict", () => {
    const state = checkWorkbook([cover, { name: "Phụ lục", grid: seedGrid() }], templates);
    if (!state.found) throw new Error("the seed appendix was not found");
    expect(state.sheet).toBe("Phụ lục");
    expect(state.location.missing).toEqual([]);
    expect(state.patches.map((p) => [p.indicator, p.value])).toEqual([["I.1", 87.23]]);
    expect(state.findings.filter((f) => f.severity === "error")).toEqual([]);
    expect(state.conflicts).toEqual([]);
    expect(state.others).toEqual([]);
  });

  it("lists the sheets it looked at when none holds an appendix", () => {
    expect(checkWorkbook([cover], templates)).toEqual({ found: false, sheets: ["Bìa"] });
  });
});
