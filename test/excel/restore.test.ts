
/**
 * What a failed write is restored from (src/excel/restore.ts) and how the adapter keeps it: the last read per
 * sheet, the add-in's own successful writes since, and one read of the cells it lacks.
 */
import { at } from "../fixtures/a1";
import { type Grid, toA1 } from "../../src/core";
import { ExcelHostError } from "../../src/excel/errors";
import { restoreContent, SheetMemory } from "../../src/excel/restore";
import type { CheckState } from "../../src/app/host";
import { seedGrid } from "../fixtures/seed";
import { ModelWorkbook } from "./realClient/workbook";
import { APPENDIX, hostOn, seedWorkbook } from "./workbooks";

function found(state: CheckState): Extract<CheckState, { found: true }> {
  if (!state.found) throw new Error("the appendix was not found");
  return state;
}

async function rejection(p: Promise<unknown>): Promise<ExcelHostError> {
  const e = await p.then(
    () => null,
    (x: unknown) => x,
  );
  expect(e).toBeInstanceOf(ExcelHostError);
  return e as ExcelHostError;
}

/** These tests are about writes and their repair: each fix is the confirmed kind, over whatever the cell holds. */
const REPLACE = { replace: true };

describe("SheetMemory", () => {
  const grid: Grid = {
    origin: { row: 1, col: 1 },
    values: [
      [5, "02", null],
      [true, "=x", 7],
    ],
    formulas: [
      ["", "", ""],
      ["", "=x", "=B2+1"],
    ],
    numberFormats: [
      ["0.00", "@", "#,##0"],
      ["General", "General", "0"],
    ],
  };

  test.each([
    ["B2", { cell: "B2", cellValue: 5, numberFormat: "0.00" }],
    ["C2", { cell: "C2", cellValue: "02", numberFormat: "@" }],
    ["D2", { cell: "D2", cellValue: null, numberFormat: "#,##0" }],
    ["B3", { cell: "B3", cellValue: true, numberFormat: "General" }],
    ["D3", { cell: "D3", formula: "=B2+1", cellValue: 7, numberFormat: "0" }],
    // Text typed as '=x: Excel reports formula and value both "=x"; it stays text.
    ["C3", { cell: "C3", cellValue: "=x", numberFormat: "General" }],
  ])("%s is known from the read", (cell, expected) => {
    expect(new SheetMemory(grid).before(at(cell))).toEqual({ ...expected, cell: at(expected.cell) });
  });

  test.each(["A1", "E2", "B4"])("%s lies outside the read: unknown, never guessed", (cell) => {
    expect(new SheetMemory(grid).before(at(cell))).toBeUndefined();
  });

  test("a write the add-in made since the read is what a later failure restores to", () => {
    const m = new SheetMemory(grid);
    m.wrote({ cell: at("D2"), formula: "=B2*2", cellValue: 10, numberFormat: "0.00" });
    m.wrote({ cell: at("Z9"), cellValue: 1, numberFormat: "General" });
    expect(m.before(at("D2"))).toEqual({ cell: at("D2"), formula: "=B2*2", cellValue: 10, numberFormat: "0.00" });
    expect(m.before(at("Z9"))).toEqual({ cell: at("Z9"), cellValue: 1, numberFormat: "General" });
  });
});

test.each([
  [{ cellValue: "02", numberFormat: "General" }, "'02"],
  [{ cellValue: "02", numberFormat: "@" }, "02"],
  [{ cellValue: "TRUE", numberFormat: "General" }, "'TRUE"],
  [{ formula: "=SUM(D1:D3)", cellValue: 6, numberFormat: "General" }, "=SUM(D1:D3)"],
  [{ cellValue: "=SUM(D1:D3)", numberFormat: "General" }, "'=SUM(D1:D3)"],
  [{ cellValue: "-", numberFormat: "General" }, "'-"],
  [{ cellValue: "Có", numberFormat: "General" }, "Có"],
  [{ cellValue: 87.23, numberFormat: "0.00" }, 87.23],
  [{ cellValue: null, numberFormat: "0.00" }, ""],
  [{ cellValue: "", numberFormat: "0.00" }, ""],
])("restoreContent(%j) = %j: text stays text, formulas stay formulas", (before, expected) => {
  expect(restoreContent({ cell: at("A1"), ...before })).toEqual(expected);
});

describe("the adapter's memory of each sheet", () => {
  test("a fix before any check: the target is read first (1 read + 1 write), and a failure is still put back", async () => {
    const wb = seedWorkbook();
    wb.sheet(APPENDIX).cells.set("40:3", { value: 12, formula: "12", numberFormat: "#,##0" });
    const { excel, host } = hostOn(wb);
    await host.applyFix(APPENDIX, { cell: at("D41"), value: 15, cellValue: 15 }, REPLACE);
    expect(excel.counts()).toMatchObject({ reads: 1, writes: 1, total: 2 });
    expect(wb.cell(APPENDIX, "D41")).toEqual({ value: 15, formula: "15", numberFormat: "#,##0" });
    const before = wb.snapshot(APPENDIX);
    excel.reset();
    excel.failWritesWith("GeneralException", 1);
    const e = await rejection(host.applyFix(APPENDIX, { cell: at("D41"), value: 99, cellValue: 99, numberFormat: "0.0" }, REPLACE));
    expect(e.reason).toBe("excel_failed");
    expect(wb.snapshot(APPENDIX)).toEqual(before);
    // Known now: no read before the write, just the write and the restore.
    expect(excel.counts()).toMatchObject({ reads: 0, writes: 2 });
  });

  test("a fill that succeeded, then a fix on the same cell failing part-way: restored to the filled formula, not to the old blank", async () => {
    const { excel, host } = hostOn(seedWorkbook());
    const state = found(await host.check());
    const [p] = state.patches;
    await host.applyPatches(state.sheet, [p]);
    const filled = excel.model.snapshot(APPENDIX);
    excel.failWritesWith("AccessDenied", 1);
    const e = await rejection(host.applyFix(state.sheet, { cell: p.cell, value: 1, cellValue: 1, numberFormat: "0" }, REPLACE));
    // Not a protected sheet: the refusal is read as a read-only workbook.
    expect(e.reason).toBe("read_only");
    expect(excel.model.snapshot(APPENDIX)).toEqual(filled);
    expect(excel.model.cell(APPENDIX, toA1(p.cell)).formula).toBe(p.formula);
  });

  test("text that looks like a formula, written by a fix, is put back as text after a later failure", async () => {
    const { excel, host } = hostOn(seedWorkbook());
    found(await host.check());
    await host.applyFix(APPENDIX, { cell: at("E20"), value: "=không phải công thức", cellValue: "=không phải công thức" }, REPLACE);
    const before = excel.model.snapshot(APPENDIX);
    expect(excel.model.cell(APPENDIX, "E20")).toMatchObject({ value: "=không phải công thức" });
    excel.failWritesWith("GeneralException", 1);
    await rejection(host.applyFix(APPENDIX, { cell: at("E20"), value: 5, cellValue: 5, numberFormat: "0" }, REPLACE));
    expect(excel.model.snapshot(APPENDIX)).toEqual(before);
  });

  test("an undo whose write fails part-way (the format set, the content refused) leaves the cell as the fix left it", async () => {
    const wb = seedWorkbook();
    wb.sheet(APPENDIX).cells.set("40:3", { value: 12, formula: "12", numberFormat: "#,##0" });
    const { excel, host } = hostOn(wb);
    found(await host.check());
    const outcome = await host.applyFix(APPENDIX, { cell: at("D41"), value: 15, cellValue: 15, numberFormat: "0.0" }, REPLACE);
    if (!outcome.written) throw new Error("not written");
    const fixed = wb.snapshot(APPENDIX);
    excel.reset();
    excel.failWritesWith("GeneralException", 1);
    const e = await rejection(host.undoFix(outcome.change));
    expect(e.reason).toBe("excel_failed");
    expect(wb.snapshot(APPENDIX)).toEqual(fixed);
    // The cell read, the undo refused, the fix's state written back.
    expect(excel.counts()).toMatchObject({ reads: 1, writes: 2 });
    // Tried again, it goes through.
    expect(await host.undoFix(outcome.change)).toEqual({ undone: true });
    expect(wb.cell(APPENDIX, "D41")).toEqual({ value: 12, formula: "12", numberFormat: "#,##0" });
  });

  test("a cell below the read window is read before writing it, not guessed", async () => {
    const wb = seedWorkbook();
    wb.sheet(APPENDIX).cells.set("700:3", { value: "", formula: "", numberFormat: "0.0%" });
    const { excel, host } = hostOn(wb);
    found(await host.check());
    excel.reset();
    const before = wb.snapshot(APPENDIX);
    excel.failWritesWith("GeneralException", 1);
    const e = await rejection(host.applyFix(APPENDIX, { cell: at("D701"), value: 3, cellValue: 3, numberFormat: "0" }, REPLACE));
    expect(e.reason).toBe("excel_failed");
    expect(wb.snapshot(APPENDIX)).toEqual(before);
    expect(excel.counts()).toMatchObject({ reads: 1, writes: 2 });
  });

  test("after partly_written the memory of the sheet is dropped: the next write reads its target first", async () => {
    const { excel, host } = hostOn(seedWorkbook());
    const state = found(await host.check());
    excel.failWritesWith("GeneralException", 1);
    excel.failWritesWith("GeneralException", 0);
    const e = await rejection(host.applyPatches(state.sheet, state.patches));
    expect(e.reason).toBe("partly_written");
    excel.reset();
    await host.applyFix(state.sheet, { cell: at("E20"), value: "ghi chú", cellValue: "ghi chú" }, REPLACE);
    expect(excel.counts()).toMatchObject({ reads: 1, writes: 1, total: 2 });
  });

  test("the sheet gone before the fill: sheet_missing, no restore attempted", async () => {
    const { excel, host } = hostOn(seedWorkbook());
    const state = found(await host.check());
    excel.model.sheets.splice(1, 1);
    excel.reset();
    const e = await rejection(host.applyPatches(state.sheet, state.patches));
    expect(e.reason).toBe("sheet_missing");
    expect(excel.counts().total).toBe(1);
  });
});

describe("other appendices and a split, for the pane", () => {
  /** The seed grid's title and header rows, then its rows from section `from` up to (not including) `to`. */
  function part(from: string, to: string | null): Grid {
    const g = seedGrid();
    const at = (stt: string) => g.values.findIndex((r) => r[0] === stt);
    const keep = <T,>(rows: readonly T[]) => [...rows.slice(0, 7), ...rows.slice(at(from), to ? at(to) : undefined)];
    return { origin: { row: 0, col: 0 }, values: keep(g.values), formulas: g.formulas && keep(g.formulas), numberFormats: g.numberFormats && keep(g.numberFormats) };
  }

  test("two copies: the second named in `others`, still there after a re-check that reads one sheet", async () => {
    const wb = seedWorkbook();
    wb.addGrid("Năm 2022", seedGrid());
    const { excel, host } = hostOn(wb);
    const first = found(await host.check());
    expect(first.sheet).toBe(APPENDIX);
    expect(first.others).toEqual([{ sheet: "Năm 2022", template: expect.any(String), matched: expect.any(Number), hidden: false }]);
    expect(first.split).toBeNull();
    excel.reset();
    const again = found(await host.check());
    expect(excel.counts().reads).toBe(1);
    expect(again.others).toEqual(first.others);
  });

  test("sections I–IV on one sheet and V–VII on another: `split` names both", async () => {
    const wb = new ModelWorkbook();
    wb.addGrid("Phần đầu", part("I", "V"));
    wb.addGrid("Phần sau", part("V", null));
    const { host } = hostOn(wb);
    const state = found(await host.check());
    expect(state.split).toEqual({ sheets: ["Phần đầu", "Phần sau"], matched: expect.any(Number) });
  });

  test("one appendix: no others, no split", async () => {
    const state = found(await hostOn(seedWorkbook()).host.check());
    expect([state.others, state.split]).toEqual([[], null]);
  });
});
