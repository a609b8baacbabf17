/**
 * The office-js adapter on hidden sheets and the user's choices, with Microsoft's Excel client against the strict
 * in-memory workbook: a visible appendix before a hidden one, a hidden one named, never filled unless chosen.
 */
import type { CheckState } from "../../src/app/host";
import { seedGrid } from "../fixtures/seed";
import { ModelWorkbook } from "./realClient/workbook";
import { hostOn } from "./workbooks";

type Found = Extract<CheckState, { found: true }>;
function found(state: CheckState): Found {
  if (!state.found) throw new Error("the appendix was not found");
  return state;
}

/** The seed's I.1 completion rate: blank in the seed, computed by fill. */
const RATE = "D9";

describe("hidden sheets inside Excel", () => {
  test("a hidden “PL 2023” before the visible “PL 2024”: the visible one is checked and filled, the hidden one named", async () => {
    const wb = new ModelWorkbook();
    wb.addGrid("PL 2023", seedGrid()).visibility = "Hidden";
    wb.addGrid("PL 2024", seedGrid());
    const { host } = hostOn(wb);
    const state = found(await host.check({ fill: true }));
    expect(state.sheet).toBe("PL 2024");
    expect(state.hidden).toBeNull();
    expect(state.others).toEqual([{ sheet: "PL 2023", template: expect.any(String), matched: 178, hidden: true }]);
    expect(wb.cell("PL 2024", RATE).formula).toBe("=ROUND(D11/D10*100,2)");
    expect(wb.cell("PL 2023", RATE).formula).toBe("");
  });

  test("a very hidden sheet counts as hidden too", async () => {
    const wb = new ModelWorkbook();
    wb.addGrid("Cũ", seedGrid()).visibility = "VeryHidden";
    wb.addGrid("Mới", seedGrid());
    const state = found(await hostOn(wb).host.check());
    expect([state.sheet, state.others.map((o) => o.hidden)]).toEqual(["Mới", [true]]);
  });

  test("the only appendix on a hidden sheet: checked, the ribbon's fill writes nothing until the user chooses it", async () => {
    const wb = new ModelWorkbook();
    wb.addSheet("Bìa", [["BÁO CÁO CẢI CÁCH HÀNH CHÍNH NĂM 2023"]]);
    wb.addGrid("PL", seedGrid()).visibility = "Hidden";
    const { host } = hostOn(wb);
    const state = found(await host.check({ fill: true }));
    expect(state.sheet).toBe("PL");
    expect(state.hidden).toBe("fallback");
    expect(state.patches.length).toBe(1);
    expect(wb.cell("PL", RATE).formula).toBe("");
    host.useChoice({ sheet: "PL" });
    const chosen = found(await host.check({ fill: true }));
    expect(chosen.hidden).toBe("chosen");
    expect(wb.cell("PL", RATE).formula).toBe("=ROUND(D11/D10*100,2)");
    // A re-check computed from the grid (after a fill) keeps the choice.
    const again = await host.applyPatches("PL", [], { recheck: true });
    expect(again && found(again).hidden).toBe("chosen");
  });

  test("the user's value column: checked from then on, re-checks included", async () => {
    const { host } = hostOn(seedWorkbook2());
    host.useChoice({ valueColumn: 4 });
    const state = found(await host.check());
    expect(state.location.columns.value).toBe(4);
    expect(state.location.valueChoice?.reason).toBe("chosen");
    const again = found(await host.check());
    expect(again.location.columns.value).toBe(4);
  });
});

/** The seed appendix with a copy of its values in column F ("Số liệu" twice: nothing tells them apart). */
function seedWorkbook2(): ModelWorkbook {
  const g = seedGrid();
  const widen = <T,>(rows: readonly (readonly T[])[] | undefined, blank: T) =>
    rows?.map((r) => [...r.slice(0, 4), r[3] ?? blank, ...r.slice(4)]);
  const values = widen(g.values, null)!;
  const wb = new ModelWorkbook();
  wb.addGrid("Phụ lục", { origin: g.origin, values, formulas: widen(g.formulas, ""), numberFormats: widen(g.numberFormats, "General"), texts: widen(g.texts, "") });
  return wb;
}
