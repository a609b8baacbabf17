
/**
 * The round-trip budget of every action through the office-js adapter: at most one read and one write,
 * counted on the real-client test host, and no request or response near Excel on the web's 5 MB limit, even beside a
 * sheet of 50,000 rows. Beside each, what a cell-by-cell implementation costs on the same workbook.
 */
import { cellA1, toA1 } from "../../src/core";
import { naiveCellByCellCheck, naiveCellByCellFill, naiveCheckSyncCount } from "./realClient/naive";
import type { RealExcel } from "./realClient/realExcel";
import { APPENDIX, bigWorkbook, hostOn, seedWorkbook } from "./workbooks";
import { READ_ROWS } from "../../src/excel/readWindow";
import type { ExcelHost } from "../../src/excel/excelHost";
import type { CheckState } from "../../src/app/host";

const FIVE_MB = 5 * 1024 * 1024;

function found(state: CheckState): Extract<CheckState, { found: true }> {
  if (!state.found) throw new Error("the appendix was not found");
  return state;
}

async function checked(big = false): Promise<{ excel: RealExcel; host: ExcelHost; state: Extract<CheckState, { found: true }> }> {
  const { excel, host } = hostOn(big ? bigWorkbook() : seedWorkbook());
  const state = found(await host.check());
  excel.reset();
  return { excel, host, state };
}

describe("round trips per action", () => {
  test("check = 1 read, finding the appendix beside another sheet", async () => {
    const { excel, host } = hostOn(seedWorkbook());
    const state = found(await host.check());
    expect(state.sheet).toBe(APPENDIX);
    expect(excel.counts()).toMatchObject({ reads: 1, writes: 0, mixed: 0, total: 1 });
  });

  test("re-check = 1 read, of the appendix's sheet only", async () => {
    const { excel, host } = await checked();
    const first = excel.counts();
    expect(first.total).toBe(0);
    await host.check();
    expect(excel.counts()).toMatchObject({ reads: 1, total: 1 });
  });

  test("fill = 1 read + 1 write, and the formulas land in the cells", async () => {
    const { excel, host } = hostOn(seedWorkbook());
    const state = found(await host.check());
    // The seed's blank completion rate (I.1), 87.23 from 41/47.
    expect(state.patches.map((p) => [toA1(p.cell), p.value])).toEqual([["D9", 87.23]]);
    await host.applyPatches(state.sheet, state.patches);
    expect(excel.counts()).toMatchObject({ reads: 1, writes: 1, mixed: 0, total: 2 });
    for (const p of state.patches) {
      expect(excel.model.cell(APPENDIX, toA1(p.cell)).formula).toBe(p.formula);
      if (p.numberFormat) expect(excel.model.cell(APPENDIX, toA1(p.cell)).numberFormat).toBe(p.numberFormat);
    }
  });

  test("insert template = 1 read + 1 write", async () => {
    const { excel, host } = hostOn(seedWorkbook());
    const name = await host.insertTemplate({ unitName: "Sở Nội vụ", year: 2024, period: "nam" });
    expect(excel.counts()).toMatchObject({ reads: 1, writes: 1, mixed: 0, total: 2 });
    expect(excel.model.sheets.map((s) => s.name)).toContain(name);
  });

  test("highlight = 1 read (the marks as they are now) + 1 write; clear = 1 read + 1 write; clearing a clean sheet = 1 read", async () => {
    const { excel, host, state } = await checked();
    await host.highlight(state.sheet, state.findings);
    expect(excel.counts()).toMatchObject({ reads: 1, writes: 1, total: 2 });
    excel.reset();
    await host.clearHighlights(state.sheet);
    expect(excel.counts()).toMatchObject({ reads: 1, writes: 1, total: 2 });
    expect(excel.model.sheet(APPENDIX).conditionalFormats).toHaveLength(0);
    excel.reset();
    await host.clearHighlights(state.sheet);
    expect(excel.counts()).toMatchObject({ reads: 1, writes: 0, total: 1 });
  });

  test("fix = 1 write (none while it waits for the user's word over a typed value); undo = 1 read + 1 write", async () => {
    const { excel, host } = hostOn(seedWorkbook());
    await excel.model.userEdit(APPENDIX, "D9", 95);
    const state = found(await host.check());
    const fix = state.findings.find((f) => f.code === "rate_mismatch" && cellA1(f.cell) === "D9")!.fix!;
    excel.reset();
    expect((await host.applyFix(state.sheet, fix)).written).toBe(false);
    expect(excel.counts()).toMatchObject({ total: 0 });
    const outcome = await host.applyFix(state.sheet, fix, { replace: true });
    expect(excel.counts()).toMatchObject({ reads: 0, writes: 1, mixed: 0, total: 1 });
    if (!outcome.written) throw new Error("not written");
    excel.reset();
    expect(await host.undoFix(outcome.change)).toEqual({ undone: true });
    expect(excel.counts()).toMatchObject({ reads: 1, writes: 1, mixed: 0, total: 2 });
    expect(excel.model.cell(APPENDIX, "D9")).toMatchObject({ value: 95, formula: "95" });
  });

  test("select a finding's cell = 1 write", async () => {
    const { excel, host, state } = await checked();
    await host.select(state.sheet, state.findings[0].cell);
    expect(excel.counts()).toMatchObject({ reads: 0, writes: 1, total: 1 });
    expect(excel.model.selection).toEqual({ sheet: APPENDIX, address: cellA1(state.findings[0].cell) });
  });

  test("settings: save = 1 write, load = 1 read", async () => {
    const { excel, host } = hostOn(seedWorkbook());
    await host.saveSettings({ unitName: "Sở Tư pháp" });
    expect(excel.counts()).toMatchObject({ writes: 1, total: 1 });
    excel.reset();
    await host.loadSettings();
    expect(excel.counts()).toMatchObject({ reads: 1, total: 1 });
  });

  test("re-check after a user's edit = 1 read (the handler's registration is a one-time setup trip)", async () => {
    const { excel, host } = await checked();
    const rechecks: Promise<CheckState>[] = [];
    const stop = await host.onUserChange(() => rechecks.push(host.check()));
    excel.reset();
    await excel.model.userEdit(APPENDIX, "D12", 5);
    await new Promise((r) => setTimeout(r, 60));
    expect(rechecks).toHaveLength(1);
    await rechecks[0];
    expect(excel.counts()).toMatchObject({ reads: 1, writes: 0, total: 1 });
    stop();
  });
});

describe("payload sizes (Excel on the web refuses over 5 MB)", () => {
  test.each([
    ["the appendix", false],
    ["the appendix beside 50,000 rows of other data", true],
  ])("check on %s stays far under 5 MB each way", async (_label, big) => {
    const { excel, host } = hostOn(big ? bigWorkbook() : seedWorkbook());
    found(await host.check());
    const c = excel.counts();
    expect(c.total).toBe(1);
    expect(c.maxRequestBytes).toBeLessThan(FIVE_MB / 10);
    expect(c.maxResponseBytes).toBeLessThan(FIVE_MB / 2);
  });

  test("the 50,000-row sheet costs the check exactly its bounded window", async () => {
    const small = hostOn(seedWorkbook());
    const window = hostOn(bigWorkbook(READ_ROWS));
    const big = hostOn(bigWorkbook());
    for (const h of [small, window, big]) await h.host.check();
    // The other sheet cut to the window's rows answers to the byte what the whole sheet does, and more than none.
    expect(big.excel.counts().maxResponseBytes).toBe(window.excel.counts().maxResponseBytes);
    expect(window.excel.counts().maxResponseBytes).toBeGreaterThan(small.excel.counts().maxResponseBytes);
  });

  test("fill, highlight and template requests stay under 1 MB", async () => {
    const { excel, host, state } = await checked(true);
    await host.applyPatches(state.sheet, state.patches);
    await host.highlight(state.sheet, state.findings);
    await host.insertTemplate({});
    expect(excel.counts().maxRequestBytes).toBeLessThan(1024 * 1024);
    expect(excel.counts().maxResponseBytes).toBeLessThan(1024 * 1024);
  });
});

describe("the cell-by-cell baseline", () => {
  test("a naive check needs one sync per cell; the adapter needs one", async () => {
    const { excel } = hostOn(seedWorkbook());
    const naive = await naiveCellByCellCheck(excel);
    expect(naive).toBe(naiveCheckSyncCount(excel.model));
    expect(naive).toBeGreaterThan(500);
  });

  test("a naive fill needs one sync per cell written", async () => {
    const { excel, state } = await checked();
    expect(await naiveCellByCellFill(excel, state.sheet, state.patches.map((p) => ({ cell: toA1(p.cell), formula: p.formula })))).toBe(state.patches.length);
  });

  test("on the 50,000-row workbook the naive count runs to hundreds of thousands", () => {
    expect(naiveCheckSyncCount(bigWorkbook())).toBeGreaterThan(400_000);
  });
});
