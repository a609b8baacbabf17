
/**
 * The combined actions (one read and one write per user action): check with marks, selection and
 * settings; fill with marks and a re-check computed without a read; insert with settings and the new sheet's
 * state from the plan. Each is counted, and its result compared with the chain of single operations it replaces
 * run on a twin workbook: same findings, same cells, same marks, same selection.
 */
import { cellA1, type Finding, fromA1, type Patch, sameCell, toA1 } from "../../src/core";
import { ExcelHostError } from "../../src/excel/errors";
import { SETTINGS_KEY } from "../../src/excel/settings";
import type { CheckState } from "../../src/app/host";
import type { WorkbookSettings } from "../../src/app/settings";
import { ModelWorkbook } from "./realClient/workbook";
import { APPENDIX, hostOn, markedCells, SEED_WARNING_CELLS, seedWorkbook } from "./workbooks";

type Found = Extract<CheckState, { found: true }>;

function found(state: CheckState | void): Found {
  if (!state || !state.found) throw new Error("the appendix was not found");
  return state;
}

/** What a check says, without the fields that only say how it was obtained. */
function said(state: CheckState | void) {
  const s = found(state);
  return { sheet: s.sheet, location: s.location, findings: s.findings, patches: s.patches, conflicts: s.conflicts };
}

/** The add-in's marks on a sheet, without their ids (the two runs number them differently). */
function marksOf(wb: ModelWorkbook, sheet = APPENDIX) {
  return wb.sheet(sheet).conditionalFormats.map((cf) => ({ areas: cf.areas, formula: cf.formula, format: cf.format }));
}

function cellsOf(wb: ModelWorkbook, sheet = APPENDIX) {
  return [...wb.sheet(sheet).cells].sort();
}

/** Excel computes a written formula; the mock does not: give the patched cells the values Excel would. */
function recalculate(wb: ModelWorkbook, patches: readonly Patch[]): void {
  for (const p of patches) {
    const at = p.cell;
    const cells = wb.sheet(APPENDIX).cells;
    const k = `${at.row}:${at.col}`;
    cells.set(k, { ...cells.get(k)!, value: p.cellValue });
  }
}

/** The seed workbook with cells typed over: a number, or null to empty the cell. */
function edited(edits: Record<string, number | null>): ModelWorkbook {
  const wb = seedWorkbook();
  const cells = wb.sheet(APPENDIX).cells;
  for (const [cell, value] of Object.entries(edits)) {
    const at = fromA1(cell)!;
    const k = `${at.row}:${at.col}`;
    if (value === null) cells.delete(k);
    else cells.set(k, { numberFormat: "General", ...cells.get(k), value, formula: String(value) });
  }
  return wb;
}

// On the seed, D9 is a blank rate the calculator fills and D58 a total of the rows under it; a negative count is
// an error. The tests take what the engine says of these workbooks, never a hard-coded result.
/** Errors and warnings, and two cells to fill (D9 and the emptied total D58). */
const rich = () => edited({ D12: -5, D58: null });
/**
 * The same with the rate holding a different user value: a conflict, left alone and marked by the ribbon's fill (a
 * typed total is never a conflict: the total or a part may be the wrong one).
 */
const withConflict = () => edited({ D12: -5, D9: 95, D58: null });

const errorsOnly = (s: Found): readonly Finding[] => s.findings.filter((f) => f.severity === "error");

describe("check with marks (the ribbon's check)", () => {
  test.each([
    ["every finding", true as const],
    ["the errors only", errorsOnly],
  ])("marking %s: 1 read + 1 write, the same findings, marks and selection as check + highlight + select", async (_label, choice) => {
    const chain = hostOn(rich());
    const c = found(await chain.host.check());
    const marked = choice === true ? c.findings : choice(c);
    await chain.host.highlight(c.sheet, marked);
    await chain.host.select(c.sheet, marked[0].cell);

    const { excel, host } = hostOn(rich());
    const state = await host.check({ highlight: choice, select: true, loadSettings: true });
    expect(excel.counts()).toMatchObject({ reads: 1, writes: 1, mixed: 0, total: 2 });
    expect(said(state)).toEqual(said(c));
    expect(marksOf(excel.model)).toEqual(marksOf(chain.excel.model));
    expect(marksOf(excel.model).length).toBeGreaterThan(0);
    expect(excel.model.selection).toEqual(chain.excel.model.selection);
    expect(cellsOf(excel.model)).toEqual(cellsOf(rich()));
  });

  test("the pane's re-check: marks without acknowledged warnings and the pruned settings, in one write", async () => {
    const { excel, host } = hostOn(rich());
    const first = found(await host.check());
    const acknowledged = first.findings.find((f) => f.severity === "warning")!;
    excel.reset();
    const saved: WorkbookSettings = { lang: "vi", acknowledged: {} };
    const active = (s: Found) => s.findings.filter((f) => !sameCell(f.cell, acknowledged.cell));
    const state = found(await host.check({ highlight: active, saveSettings: () => saved }));
    expect(excel.counts()).toMatchObject({ reads: 1, writes: 1, mixed: 0, total: 2 });
    expect(JSON.parse(excel.model.settings.get(SETTINGS_KEY) as string)).toEqual(saved);
    const chain = hostOn(rich());
    await chain.host.highlight(APPENDIX, active(found(await chain.host.check())));
    expect(marksOf(excel.model)).toEqual(marksOf(chain.excel.model));
    expect(active(state).length).toBeLessThan(state.findings.length);
    expect(said(state)).toEqual(said(first));
    // nothing to save and nothing to change: no write
    excel.reset();
    await host.check({ saveSettings: () => undefined });
    expect(excel.counts()).toMatchObject({ reads: 1, writes: 0, total: 1 });
  });

  test("nothing to mark and no mark on the sheet: 1 read, no write", async () => {
    const { excel, host } = hostOn(seedWorkbook());
    found(await host.check({ highlight: () => [], select: true }));
    expect(excel.counts()).toMatchObject({ reads: 1, writes: 0, total: 1 });
    expect(excel.model.selection).toBeNull();
  });

  test("nothing to mark but old marks: the one write removes them", async () => {
    const wb = seedWorkbook();
    const first = hostOn(wb);
    await first.host.check({ highlight: true });
    expect(markedCells(wb)).toEqual(SEED_WARNING_CELLS);
    const { excel, host } = hostOn(wb);
    await host.check({ highlight: () => [] });
    expect(excel.counts()).toMatchObject({ reads: 1, writes: 1, total: 2 });
    expect(wb.sheet(APPENDIX).conditionalFormats).toHaveLength(0);
  });

  test("a re-check with marks whose findings did not change writes nothing: 1 read, the marks as they were", async () => {
    const { excel, host } = hostOn(seedWorkbook());
    await host.check({ highlight: true });
    const once = marksOf(excel.model);
    excel.reset();
    await host.check({ highlight: true });
    expect(excel.counts()).toMatchObject({ reads: 1, writes: 0, total: 1 });
    expect(marksOf(excel.model)).toEqual(once);
  });

  test("a re-check with marks after an edit changes them: still 1 read + 1 write", async () => {
    const { excel, host } = hostOn(seedWorkbook());
    await host.check({ highlight: true });
    const once = marksOf(excel.model);
    await excel.model.userEdit(APPENDIX, "D12", "abc");
    excel.reset();
    await host.check({ highlight: true });
    expect(excel.counts()).toMatchObject({ reads: 1, writes: 1, total: 2 });
    expect(marksOf(excel.model)).not.toEqual(once);
  });

  test.each([
    ["saved settings", JSON.stringify({ lang: "en", unitName: "Sở Tư pháp" }), { lang: "en", unitName: "Sở Tư pháp" }],
    ["no settings", null, {}],
  ])("%s come back with the check, in its one read", async (_label, raw, expected) => {
    const wb = seedWorkbook();
    if (raw) wb.settings.set(SETTINGS_KEY, raw);
    const { excel, host } = hostOn(wb);
    const state = await host.check({ loadSettings: true });
    expect(state.settings).toEqual(expected);
    expect(excel.counts()).toMatchObject({ reads: 1, total: 1 });
    // and on a re-check, which reads one sheet
    excel.reset();
    expect((await host.check({ loadSettings: true })).settings).toEqual(expected);
    expect(excel.counts()).toMatchObject({ reads: 1, total: 1 });
  });

  test("damaged settings do not stop the check: left out, and logged", async () => {
    const wb = seedWorkbook();
    wb.settings.set(SETTINGS_KEY, "{not json");
    const logged = jest.spyOn(console, "error").mockImplementation(() => undefined);
    const { host } = hostOn(wb);
    const state = found(await host.check({ loadSettings: true }));
    expect(state.settings).toBeUndefined();
    expect(logged).toHaveBeenCalledWith(expect.stringContaining("settings are damaged"), expect.any(ExcelHostError));
    logged.mockRestore();
  });

  test("no appendix: the settings still come back, and nothing is written", async () => {
    const wb = new ModelWorkbook();
    wb.addSheet("Sheet1", [["x"]]);
    wb.settings.set(SETTINGS_KEY, JSON.stringify({ lang: "en" }));
    const { excel, host } = hostOn(wb);
    const state = await host.check({ loadSettings: true, highlight: true, select: true });
    expect(state).toEqual({ found: false, sheets: ["Sheet1"], failure: { reason: "no_header" }, settings: { lang: "en" } });
    expect(excel.counts()).toMatchObject({ reads: 1, writes: 0, total: 1 });
  });
});

describe("fill with marks (the ribbon's fill) and with a re-check (the pane's fill)", () => {
  test("ribbon fill (check with fill): 1 read + 1 write, the same cells and marks as check + applyPatches + highlight(conflicts)", async () => {
    const chain = hostOn(withConflict());
    const c = found(await chain.host.check());
    expect(c.conflicts.map((f) => cellA1(f.cell))).toEqual(["D9"]);
    await chain.host.applyPatches(c.sheet, c.patches);
    await chain.host.highlight(c.sheet, c.conflicts);

    const { excel, host } = hostOn(withConflict());
    const state = await host.check({ loadSettings: true, fill: true, highlight: (s) => s.conflicts });
    // the state read: its patches are those written
    expect(said(state)).toEqual(said(c));
    expect(excel.counts()).toMatchObject({ reads: 1, writes: 1, mixed: 0, total: 2 });
    expect(cellsOf(excel.model)).toEqual(cellsOf(chain.excel.model));
    expect(marksOf(excel.model)).toEqual(marksOf(chain.excel.model));
  });

  test.each([
    // no marks involved: one write
    ["no marks", undefined, { reads: 0, writes: 1 }],
    // the marks on the sheet are read first (they may have changed since the check), then the one write
    ["every finding marked", true as const, { reads: 1, writes: 1 }],
    ["the errors marked", errorsOnly, { reads: 1, writes: 1 }],
  ])("fill with re-check after a check (%s): the state a re-read gives, the same marks", async (_label, highlight, trips) => {
    const chain = hostOn(rich());
    const c = found(await chain.host.check());
    await chain.host.applyPatches(c.sheet, c.patches);
    recalculate(chain.excel.model, c.patches);
    const reread = found(await chain.host.check());
    if (highlight) await chain.host.highlight(reread.sheet, highlight === true ? reread.findings : highlight(reread));

    const { excel, host } = hostOn(rich());
    const state = found(await host.check());
    // The blank completion rate (D9) and the total blanked in D58.
    expect(state.patches.map((p) => toA1(p.cell))).toEqual(["D9", "D58"]);
    excel.reset();
    const after = await host.applyPatches(state.sheet, state.patches, { recheck: true, highlight });
    expect(excel.counts()).toMatchObject({ ...trips, mixed: 0 });
    expect(said(after)).toEqual(said(reread));
    // the fill changed something: the re-check no longer proposes the patches it wrote
    expect(found(after).patches.length).toBeLessThan(state.patches.length);
    recalculate(excel.model, state.patches);
    expect(cellsOf(excel.model)).toEqual(cellsOf(chain.excel.model));
    expect(marksOf(excel.model)).toEqual(marksOf(chain.excel.model));
  });

  test("marks made by another runtime (the ribbon) after the pane's check are replaced too, not left behind", async () => {
    const wb = rich();
    const pane = hostOn(wb);
    const state = found(await pane.host.check());
    // the ribbon's Check, in its own runtime with its own ExcelHost, marks every finding
    await hostOn(wb).host.check({ highlight: true });
    await pane.host.applyPatches(state.sheet, state.patches, { recheck: true, highlight: errorsOnly });

    const chain = hostOn(rich());
    const c = found(await chain.host.check());
    await chain.host.applyPatches(c.sheet, c.patches);
    recalculate(chain.excel.model, c.patches);
    const reread = found(await chain.host.check());
    await chain.host.highlight(reread.sheet, errorsOnly(reread));
    expect(marksOf(wb)).toEqual(marksOf(chain.excel.model));
  });

  test("the re-check keeps the other appendices the last full read saw", async () => {
    const { host } = hostOn(withConflict());
    const state = found(await host.check());
    const after = found(await host.applyPatches(state.sheet, state.patches, { recheck: true }));
    expect(after.others).toEqual(state.others);
    expect(after.split).toEqual(state.split);
  });

  test("a sheet never read: written, then read once for the re-check", async () => {
    const probe = found(await hostOn(seedWorkbook()).host.check());
    const { excel, host } = hostOn(seedWorkbook());
    const after = found(await host.applyPatches(APPENDIX, probe.patches, { recheck: true }));
    expect(after.sheet).toBe(APPENDIX);
    expect(excel.counts().writes).toBe(1);
  });

  test("the marks' part of a fill fails: the cells are put back and the error is the write's", async () => {
    const twin = hostOn(withConflict());
    const t = found(await twin.host.check());
    await twin.host.highlight(t.sheet, t.findings);
    await twin.host.check();
    twin.excel.reset();
    await twin.host.applyPatches(t.sheet, t.patches, { highlight: t.conflicts });
    const commands = twin.excel.syncs.find((s) => s.kind === "write")!.commands;

    const { excel, host } = hostOn(withConflict());
    const s = found(await host.check());
    await host.highlight(s.sheet, s.findings);
    await host.check();
    const cells = cellsOf(excel.model);
    // the last command of the batch: deleting the last old mark, after every patch and every new mark
    excel.failWritesWith("GeneralException", commands - 1);
    const error = await host.applyPatches(s.sheet, s.patches, { highlight: s.conflicts }).then(
      () => null,
      (e: unknown) => e,
    );
    expect(error).toBeInstanceOf(ExcelHostError);
    expect((error as ExcelHostError).reason).not.toBe("partly_written");
    expect(cellsOf(excel.model)).toEqual(cells);
    // the adds were all in and an old mark gone: the marks were rolled forward to the conflicts'
    expect(marksOf(excel.model)).toEqual(marksOf(twin.excel.model));
  });

  test("a mark the user deleted after the check: the fill reads the marks as they are, no error", async () => {
    const chain = hostOn(seedWorkbook());
    const c = found(await chain.host.check());
    await chain.host.applyPatches(c.sheet, c.patches, { highlight: c.conflicts.length ? c.conflicts : c.findings.slice(0, 1) });

    const { excel, host } = hostOn(seedWorkbook());
    const s = found(await host.check({ highlight: true }));
    await host.check();
    // the user deletes one of the add-in's marks in Excel's conditional formatting manager
    excel.model.sheet(APPENDIX).conditionalFormats.splice(0, 1);
    await host.applyPatches(s.sheet, s.patches, { highlight: s.conflicts.length ? s.conflicts : s.findings.slice(0, 1) });
    expect(cellsOf(excel.model)).toEqual(cellsOf(chain.excel.model));
    expect(marksOf(excel.model)).toEqual(marksOf(chain.excel.model));
  });
});

describe("insert the template with its settings (the pane's Start)", () => {
  const settings: WorkbookSettings = { unitName: "Sở Nội vụ", year: 2024, period: "nam", lang: "vi" };

  function coverOnly(): ModelWorkbook {
    const wb = new ModelWorkbook();
    wb.addSheet("Bìa", [["BÁO CÁO"]]);
    return wb;
  }

  test("1 read + 1 write; the settings saved; the new sheet's state equals a fresh check of it", async () => {
    const { excel, host } = hostOn(coverOnly());
    let inserted: CheckState | null = null;
    const name = await host.insertTemplate({ unitName: "Sở Nội vụ", year: 2024, period: "nam", settings, checked: (s) => (inserted = s) });
    expect(excel.counts()).toMatchObject({ reads: 1, writes: 1, mixed: 0, total: 2 });
    expect(JSON.parse(excel.model.settings.get(SETTINGS_KEY) as string)).toEqual(settings);
    expect(found(inserted!).sheet).toBe(name);

    const fresh = found(await hostOn(excel.model).host.check());
    expect(fresh.sheet).toBe(name);
    // The strict workbook holds the template's formulas showing "" (as Excel computes them): the same state.
    expect(fresh.findings.filter((f) => f.code === "formula_no_result")).toEqual([]);
    expect(said(inserted!)).toEqual(said(fresh));
  });

  test("the next re-check reads only the new sheet and learns its id", async () => {
    const { excel, host } = hostOn(coverOnly());
    await host.insertTemplate({ settings, checked: () => undefined });
    excel.reset();
    const again = found(await host.check());
    expect(excel.counts()).toMatchObject({ reads: 1, total: 1 });
    const full = hostOn(excel.model);
    await full.host.check();
    // one sheet's loads, not the thirty-sheet walk
    expect(excel.syncs[0].requestBytes).toBeLessThan(full.excel.syncs[0].requestBytes / 5);
    expect(again.sheet).toBe(excel.model.sheets[1].name);
  });

  test("without `checked` and `settings` it is the insert it always was", async () => {
    const { excel, host } = hostOn(coverOnly());
    await host.insertTemplate({ year: 2024 });
    expect(excel.counts()).toMatchObject({ reads: 1, writes: 1, total: 2 });
    expect(excel.model.settings.has(SETTINGS_KEY)).toBe(false);
  });
});

