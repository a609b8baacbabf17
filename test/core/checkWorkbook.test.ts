import { soNganh, templates } from "../../src/core/catalog";
import { checkWorkbook, matchedIndicators } from "../../src/core/checkWorkbook";
import { gridFromCells, type Grid } from "../../src/core/grid";
import { seedGrid, SEED_FIRST_ROW } from "../fixtures/seed";

const cover = { name: "Bìa", grid: gridFromCells({ row: 0, col: 0 }, [[{ value: "Báo cáo CCHC năm 2023" }]]) };

/** The seed sheet cut after `rows` table rows (header and title kept). */
function firstRows(rows: number): Grid {
  const g = seedGrid();
  return { ...g, values: g.values.slice(0, SEED_FIRST_ROW + rows), texts: undefined, formulas: undefined, numberFormats: undefined };
}

/** The seed sheet with only the table rows from `from` on (header and title kept). */
function rowsFrom(from: number): Grid {
  const g = seedGrid();
  return { ...g, values: [...g.values.slice(0, SEED_FIRST_ROW), ...g.values.slice(SEED_FIRST_ROW + from)], texts: undefined, formulas: undefined, numberFormats: undefined };
}

describe("checkWorkbook", () => {
  it("finds the appendix on its sheet and analyses it once: findings, the completion-rate patch, no conflict", () => {
    const state = checkWorkbook([cover, { name: "Phụ lục", grid: seedGrid() }], templates);
    if (!state.found) throw new Error("the seed appendix was not found");
    expect(state.sheet).toBe("Phụ lục");
    expect(state.location.missing).toEqual([]);
    expect(state.patches.map((p) => [p.indicator, p.value])).toEqual([["I.1", 87.23]]);
    expect(state.findings.filter((f) => f.severity === "error")).toEqual([]);
    expect(state.findings).toHaveLength(11);
    expect(state.conflicts).toEqual([]);
    expect(state.others).toEqual([]);
    expect(state.split).toBeNull();
  });

  it("hands back the template object the appendix follows, not an id to look up again", () => {
    const state = checkWorkbook([{ name: "Phụ lục", grid: seedGrid() }], templates);
    expect(state.found && state.template).toBe(soNganh);
  });

  it("lists the sheets it looked at and says why when none holds an appendix", () => {
    expect(checkWorkbook([cover], templates)).toEqual({ found: false, sheets: ["Bìa"], failure: { reason: "no_header" } });
  });

  it("says a workbook without sheets has none", () => {
    expect(checkWorkbook([], templates)).toEqual({ found: false, sheets: [], failure: { reason: "no_sheets" } });
  });

  it("says how many rows matched, of how many, when too few did", () => {
    // Section I's first rows: I, I.1, I.1.1, I.1.2 and I.1.3 (4 indicators).
    const state = checkWorkbook([cover, { name: "PL", grid: firstRows(5) }], templates);
    expect(state).toEqual({
      found: false,
      sheets: ["Bìa", "PL"],
      failure: { reason: "too_few_rows", sheet: "PL", template: soNganh.id, matched: 4, needed: 20, total: 178 },
    });
  });

  it("checks two sheets that each hold too few rows but together enough as one appendix split over them", () => {
    // The first 16 indicators on one sheet, the first 15 of section VII on another: each below 20, together 31.
    const seven = seedGrid().values.findIndex((r) => r[0] === "VII") - SEED_FIRST_ROW;
    const tail = rowsFrom(seven);
    const tailOnly: Grid = { ...tail, values: tail.values.slice(0, SEED_FIRST_ROW + 16) };
    const state = checkWorkbook([{ name: "Phần đầu", grid: firstRows(17) }, { name: "Phần VII", grid: tailOnly }], templates);
    if (!state.found) throw new Error(JSON.stringify(state.failure));
    expect([state.sheet, state.split, state.rest?.sheet]).toEqual(["Phần đầu", { sheets: ["Phần đầu", "Phần VII"], matched: 31 }, "Phần VII"]);
    expect(matchedIndicators(state)).toBe(31);
    expect(state.template).toBe(soNganh);
  });
});
