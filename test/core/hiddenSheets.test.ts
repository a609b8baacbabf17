/** Hidden sheets: a visible appendix is checked before a hidden one, a hidden one is named, and used only when chosen. */
import { soNganh, templates } from "../../src/core/catalog";
import { checkWorkbook, mayUseSheet } from "../../src/core/checkWorkbook";
import { seedGrid } from "../fixtures/seed";

describe("hidden sheets", () => {
  test("a hidden “PL 2023” before the visible “PL 2024”: the visible one is checked, the hidden one named", () => {
    const state = checkWorkbook(
      [
        { name: "PL 2023", grid: seedGrid(), hidden: true },
        { name: "PL 2024", grid: seedGrid() },
      ],
      templates,
    );
    if (!state.found) throw new Error("not found");
    expect(state.sheet).toBe("PL 2024");
    expect(state.hidden).toBeNull();
    expect(mayUseSheet(state)).toBe(true);
    expect(state.others).toEqual([{ sheet: "PL 2023", template: soNganh.id, matched: 178, hidden: true }]);
    expect(state.split).toBeNull();
  });

  test("a hidden sheet matching more rows still loses to a visible one", () => {
    const g = seedGrid();
    const shorter = { ...g, values: g.values.slice(0, g.values.length - 30), formulas: undefined, texts: undefined, numberFormats: undefined };
    const state = checkWorkbook(
      [
        { name: "Cũ", grid: seedGrid(), hidden: true },
        { name: "Mới", grid: shorter },
      ],
      templates,
    );
    expect(state.found && state.sheet).toBe("Mới");
  });

  test("visible others come before hidden ones in the list", () => {
    const state = checkWorkbook(
      [
        { name: "Ẩn", grid: seedGrid(), hidden: true },
        { name: "A", grid: seedGrid() },
        { name: "B", grid: seedGrid() },
      ],
      templates,
    );
    expect(state.found && state.others.map((o) => [o.sheet, o.hidden])).toEqual([
      ["B", false],
      ["Ẩn", true],
    ]);
  });

  test("only a hidden sheet holds the appendix: it is checked, as a fallback nobody may write into", () => {
    const state = checkWorkbook([{ name: "Bìa", grid: { origin: { row: 0, col: 0 }, values: [["Báo cáo"]] } }, { name: "PL", grid: seedGrid(), hidden: true }], templates);
    if (!state.found) throw new Error("not found");
    expect(state.sheet).toBe("PL");
    expect(state.hidden).toBe("fallback");
    expect(mayUseSheet(state)).toBe(false);
    // Checked all the same: its findings are there.
    expect(state.patches.map((p) => p.indicator)).toEqual(["I.1"]);
  });

  test("the user's choice of a hidden sheet is checked, and may be written", () => {
    const state = checkWorkbook(
      [
        { name: "PL 2023", grid: seedGrid(), hidden: true },
        { name: "PL 2024", grid: seedGrid() },
      ],
      templates,
      { sheet: "PL 2023" },
    );
    if (!state.found) throw new Error("not found");
    expect(state.sheet).toBe("PL 2023");
    expect(state.hidden).toBe("chosen");
    expect(mayUseSheet(state)).toBe(true);
    // The other sheets are still looked at (a split appendix's rest may be there): the visible one is named.
    expect(state.others).toEqual([{ sheet: "PL 2024", template: templates[0]!.id, matched: 178, hidden: false }]);
    expect(state.split).toBeNull();
  });

  test("a chosen sheet that does not exist: no sheets", () => {
    expect(checkWorkbook([{ name: "PL", grid: seedGrid() }], templates, { sheet: "Khác" })).toEqual({
      found: false,
      sheets: ["PL"],
      failure: { reason: "no_sheets" },
    });
  });
});
