/**
 * The office-js adapter on hidden sheets and the user's choices, with Microsoft's Excel client against the strict
 * in-memory workbook: a visible appendix before a hidden one, a hidden one named, never filled unless chosen.
 */
import type { CheckState } from "../../src/app/host";
import { cellA1, type Grid } from "../../src/core";
import { seedGrid, SEED_FIRST_ROW } from "../fixtures/seed";
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

/** The seed sheet with only the table rows of sections `from`..`to` (title and header kept, other rows blank). */
function sections(from: string, to: string | null): Grid {
  const g = seedGrid();
  const at = (stt: string) => g.values.findIndex((r) => r[0] === stt);
  const first = at(from);
  const end = to ? at(to) : g.values.length;
  return { ...g, values: g.values.map((row, r) => (r < SEED_FIRST_ROW || (r >= first && r < end) ? row : row.map(() => null))) };
}

function splitWorkbook(): ModelWorkbook {
  const wb = new ModelWorkbook();
  wb.addGrid("PL I-III", sections("I", "IV"));
  wb.addGrid("PL IV-VII", sections("IV", null));
  return wb;
}

describe("an appendix split over two sheets inside Excel", () => {
  test("checked as one; the ribbon's fill writes the rate into the sheet it belongs on; a re-check reads both sheets", async () => {
    const wb = splitWorkbook();
    const { excel, host } = hostOn(wb);
    const state = found(await host.check({ fill: true }));
    // Both sheets are written in one write.
    expect(excel.counts()).toMatchObject({ reads: 1, writes: 1, mixed: 0 });
    expect([state.sheet, state.rest?.sheet]).toEqual(["PL IV-VII", "PL I-III"]);
    expect(state.patches.map((p) => [p.sheet, p.cell])).toEqual([["PL I-III", { row: 8, col: 3 }]]);
    expect(wb.cell("PL I-III", RATE).formula).toBe("=ROUND(D11/D10*100,2)");
    expect(wb.cell("PL IV-VII", RATE).formula).toBe("");
    excel.reset();
    const again = found(await host.check());
    expect(excel.counts().reads).toBe(1);
    expect(again.rest?.sheet).toBe("PL I-III");
    expect(again.findings.some((f) => f.code === "computed_value_missing")).toBe(false);
    // The in-memory workbook does not calculate: the written formula has no result yet, which is all that changed.
    const codes = (c: Found) => c.findings.filter((f) => f.indicator !== "I.1").map((f) => `${f.code} ${f.indicator} ${cellA1(f.cell)}`);
    expect(codes(again)).toEqual(codes(state));
  });

  test("the pane's fill (applyPatches) and a fix reach the second sheet; the re-check computed from the grids agrees", async () => {
    const wb = splitWorkbook();
    const { host } = hostOn(wb);
    const state = found(await host.check());
    const after = found((await host.applyPatches(state.sheet, state.patches, { recheck: true })) as CheckState);
    expect(wb.cell("PL I-III", RATE).formula).toBe("=ROUND(D11/D10*100,2)");
    expect(after.findings.some((f) => f.code === "computed_value_missing")).toBe(false);
    // "02" typed as text on the first sheet: its fix writes the number there.
    const text = after.findings.find((f) => f.code === "number_stored_as_text" && f.cell.sheet === "PL I-III" && f.actual === "02");
    expect(text?.fix?.sheet).toBe("PL I-III");
    await host.applyFix(after.sheet, text!.fix!, { replace: true });
    expect(wb.cell("PL I-III", cellA1({ row: text!.cell.row, col: text!.cell.col })).value).toBe(2);
  });
});

describe("marks on both sheets of a split appendix inside Excel", () => {
  /** The add-in's marks on a sheet: each conditional format's cells, as A1 areas. */
  const marked = (wb: ModelWorkbook, sheet: string) => wb.sheet(sheet).conditionalFormats.map((cf) => cf.areas).join(",");
  /** The A1 cells a state's warnings and errors sit on, on `sheet` (undefined: the appendix's own). */
  const cellsOn = (state: Found, sheet?: string) =>
    [...new Set(state.findings.filter((f) => f.severity !== "info" && f.cell.sheet === sheet).map((f) => cellA1({ row: f.cell.row, col: f.cell.col })))].sort();
  /** "D8:D9,D12" -> ["D8", "D9", "D12"]. */
  const expand = (areas: string) =>
    areas
      .split(",")
      .filter(Boolean)
      .flatMap((a) => {
        const [from, to] = a.split(":");
        if (!to) return [from!];
        const col = from!.replace(/\d+$/, "");
        const out: string[] = [];
        for (let r = Number(from!.slice(col.length)); r <= Number(to.slice(col.length)); r++) out.push(`${col}${r}`);
        return out;
      })
      .sort();

  test("a check marks each finding on the sheet it lies on, in one read and one write", async () => {
    const wb = splitWorkbook();
    const { excel, host } = hostOn(wb);
    const state = found(await host.check({ highlight: true }));
    expect(excel.counts()).toMatchObject({ reads: 1, writes: 1, mixed: 0 });
    const first = cellsOn(state, "PL I-III");
    // The seed's warnings in sections I-III on the first sheet, those of V-VII on the second (as sorted text).
    expect(first).toEqual(["D19", "D22", "D33", "D43", "D44", "D50", "D9"]);
    expect(cellsOn(state)).toEqual(["D124", "E146", "E175", "E190"]);
    expect(expand(marked(wb, "PL I-III"))).toEqual(first);
    expect(expand(marked(wb, "PL IV-VII"))).toEqual(cellsOn(state));
    // The same marks again: nothing to write.
    excel.reset();
    await host.check({ highlight: true });
    expect(excel.counts()).toMatchObject({ reads: 1, writes: 0 });
  });

  test("the pane's fill with marks, its highlight and its clear reach the second sheet, each in one read and one write at most", async () => {
    const wb = splitWorkbook();
    const { excel, host } = hostOn(wb);
    const state = found(await host.check());
    excel.reset();
    const after = found((await host.applyPatches(state.sheet, state.patches, { recheck: true, highlight: true })) as CheckState);
    expect(excel.counts()).toMatchObject({ reads: 1, writes: 1, mixed: 0 });
    expect(wb.cell("PL I-III", RATE).formula).toBe("=ROUND(D11/D10*100,2)");
    expect(expand(marked(wb, "PL I-III"))).toEqual(cellsOn(after, "PL I-III"));
    excel.reset();
    await host.clearHighlights(after.sheet);
    expect(excel.counts()).toMatchObject({ reads: 1, writes: 1 });
    expect([marked(wb, "PL I-III"), marked(wb, "PL IV-VII")]).toEqual(["", ""]);
    excel.reset();
    await host.highlight(after.sheet, after.findings);
    expect(excel.counts()).toMatchObject({ reads: 1, writes: 1 });
    expect(expand(marked(wb, "PL I-III"))).toEqual(cellsOn(after, "PL I-III"));
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
