/**
 * What a real Excel punishes and a flattering mock let pass, each on the real-client host: the user's undo stack,
 * marks that vanish between the read and the write, overlapping actions, workbooks past 30 sheets, conditional
 * formats Excel cannot load, why a write was refused, and changes the ribbon's runtime makes.
 */
import { cellA1, toA1 } from "../../src/core";
import { HIGHLIGHT_MARK, wantedMarks } from "../../src/excel/highlights";
import { ExcelHostError } from "../../src/excel/errors";
import { SETTINGS_KEY } from "../../src/excel/settings";
import { workbookErrorMessage } from "../../src/app/hostErrorMessages";
import type { CheckState } from "../../src/app/host";
import type { ExcelHost } from "../../src/excel/excelHost";
import { supportedUpTo } from "./realClient/realExcel";
import { ModelWorkbook, type ModelWorkbook as Book } from "./realClient/workbook";
import { seedGrid } from "../fixtures/seed";
import { APPENDIX, hostOn, markedCells, SEED_WARNING_CELLS, seedWorkbook } from "./workbooks";

type Found = Extract<CheckState, { found: true }>;

function found(state: CheckState | void): Found {
  if (!state || !state.found) throw new Error("the appendix was not found");
  return state;
}

const marksOf = (wb: Book) => wb.sheet(APPENDIX).conditionalFormats.filter((cf) => cf.formula.includes(HIGHLIGHT_MARK));
/** The whole workbook as text (Maps as their entries), to tell that nothing changed. */
const snapshot = (wb: Book) => JSON.stringify(wb, (_k, v: unknown) => (v instanceof Map ? [...v.entries()] : v));
const wait = (ms: number) => new Promise((r) => setTimeout(r, ms));

async function rejection(p: Promise<unknown>): Promise<ExcelHostError> {
  try {
    await p;
  } catch (e) {
    expect(e).toBeInstanceOf(ExcelHostError);
    return e as ExcelHostError;
  }
  throw new Error("expected the action to fail");
}

describe("the user's undo stack", () => {
  test("a second identical check with marking on writes nothing: the marks stay, with the same ids", async () => {
    const { excel, host } = hostOn(seedWorkbook());
    found(await host.check({ highlight: true }));
    const ids = marksOf(excel.model).map((cf) => cf.id);
    expect(markedCells(excel.model)).toEqual(SEED_WARNING_CELLS);
    excel.reset();
    found(await host.check({ highlight: true }));
    expect(excel.counts()).toMatchObject({ writes: 0, mixed: 0 });
    expect(marksOf(excel.model).map((cf) => cf.id)).toEqual(ids);
  });

  test("highlighting the same findings again writes nothing: 1 read, the marks as they were", async () => {
    const { excel, host } = hostOn(seedWorkbook());
    const s = found(await host.check());
    await host.highlight(s.sheet, s.findings);
    const before = marksOf(excel.model).map((cf) => ({ ...cf }));
    excel.reset();
    await host.highlight(s.sheet, s.findings);
    expect(excel.counts()).toMatchObject({ reads: 1, writes: 0, mixed: 0 });
    expect(marksOf(excel.model)).toEqual(before);
  });

  test("marks that change in part: the marks still wanted keep their ids, only the new one is added", async () => {
    const { excel, host } = hostOn(seedWorkbook());
    const s = found(await host.check({ highlight: true }));
    const warnings = marksOf(excel.model).map((cf) => ({ id: cf.id, areas: cf.areas, formula: cf.formula }));
    expect(warnings.length).toBeGreaterThan(0);
    // one error more, on a cell no warning covers
    const warning = s.findings.find((f) => f.severity === "warning")!;
    const error = { ...warning, severity: "error" as const, cell: { row: 150, col: 5 } };
    excel.reset();
    await host.highlight(s.sheet, [error, ...s.findings]);
    expect(excel.counts()).toMatchObject({ reads: 1, writes: 1 });
    const now = marksOf(excel.model);
    expect(now.filter((cf) => warnings.some((w) => w.id === cf.id)).map((cf) => ({ id: cf.id, areas: cf.areas, formula: cf.formula }))).toEqual(warnings);
    expect(now.filter((cf) => !warnings.some((w) => w.id === cf.id)).map((cf) => cf.areas)).toEqual(["F151"]);
  });

  test.each(["1.9", "1.14", "1.17", "1.19"])(
    "on an ExcelApi %s host (below 1.20) the pane's re-check after the user's edit writes neither marks nor pruned settings",
    async (level) => {
      const wb = seedWorkbook();
      wb.settings.set(SETTINGS_KEY, JSON.stringify({ lang: "vi" }));
      let clock = 0;
      const { excel, host } = hostOn(wb, { supported: supportedUpTo(level), now: () => clock });
      found(await host.check({ highlight: true }));
      const marks = marksOf(excel.model).map((cf) => ({ ...cf }));
      // Past the grace after the check's own write (without triggerSource, below 1.14, an edit inside it is missed).
      clock += 10_000;
      const pruned: number[] = [];
      const rechecks: Promise<CheckState>[] = [];
      // As the pane's change handler calls it: marks wanted, acknowledgements to prune.
      const stop = await host.onUserChange(() =>
        rechecks.push(
          host.check({
            userEdit: true,
            highlight: (st) => st.findings,
            saveSettings: () => (pruned.push(1), { lang: "vi", acknowledged: {} }),
          }),
        ),
      );
      excel.reset();
      await excel.model.userEdit(APPENDIX, "D12", "abc");
      await wait(80);
      expect(rechecks).toHaveLength(1);
      const state = found(await rechecks[0]);
      stop();
      expect(state.findings.some((f) => cellA1(f.cell) === "D12")).toBe(true);
      expect(state.marksNote).toBe("kept_for_undo");
      expect(excel.counts()).toMatchObject({ writes: 0, mixed: 0 });
      expect(pruned).toEqual([]);
      expect(wb.settings.get(SETTINGS_KEY)).toBe(JSON.stringify({ lang: "vi" }));
      expect(marksOf(excel.model)).toEqual(marks);
      expect(excel.model.undoStack).toEqual([`${APPENDIX}!D12`]);
    },
  );

  test("on an ExcelApi 1.19 host a re-check after the user's edit writes nothing: Ctrl+Z still undoes the edit", async () => {
    const { excel, host } = hostOn(seedWorkbook(), { supported: supportedUpTo("1.19") });
    found(await host.check({ highlight: true }));
    const rechecks: Promise<CheckState>[] = [];
    const stop = await host.onUserChange(() => rechecks.push(host.check({ highlight: true, userEdit: true })));
    excel.reset();
    await excel.model.userEdit(APPENDIX, "D12", "abc");
    await wait(80);
    expect(rechecks).toHaveLength(1);
    const state = found(await rechecks[0]);
    expect(state.findings.some((f) => cellA1(f.cell) === "D12")).toBe(true);
    expect(state.marksNote).toBe("kept_for_undo");
    expect(excel.counts()).toMatchObject({ reads: 1, writes: 0, mixed: 0 });
    expect(excel.model.undoStack).toEqual([`${APPENDIX}!D12`]);
    stop();
    // An explicit check (the user asks) marks the new findings.
    await host.check({ highlight: true });
    expect(excel.counts().writes).toBe(1);
  });

  test("on an ExcelApi 1.20 host the same re-check marks at once, and the user's undo step survives the write", async () => {
    const { excel, host } = hostOn(seedWorkbook(), { supported: supportedUpTo("1.20") });
    found(await host.check({ highlight: true }));
    excel.reset();
    await excel.model.userEdit(APPENDIX, "D12", "abc");
    await host.check({ highlight: true, userEdit: true });
    expect(excel.counts().writes).toBe(1);
    expect(excel.model.undoStack).toEqual([`${APPENDIX}!D12`]);
  });
});

describe("ItemNotFound is read by where it happened", () => {
  test("the user clears the add-in's rules between the read and the write: the marks are settled, no 'sheet deleted' error", async () => {
    const { excel, host } = hostOn(seedWorkbook());
    const s = found(await host.check({ highlight: true }));
    const dropped = s.findings.find((f) => f.severity !== "info");
    const fewer = s.findings.filter((f) => f !== dropped);
    excel.beforeNextWrite(() => {
      const sheet = excel.model.sheet(APPENDIX);
      sheet.conditionalFormats = sheet.conditionalFormats.filter((cf) => !cf.formula.includes(HIGHLIGHT_MARK));
    });
    await host.highlight(s.sheet, fewer);
    expect(marksOf(excel.model).map((cf) => cf.formula).sort()).toEqual(wantedMarks(fewer).map((m) => m.formula).sort());
  });

  test("a vanished mark during a fill: the cells are put back and the error says what happened, not 'sheet deleted'", async () => {
    const { excel, host } = hostOn(seedWorkbook());
    const s = found(await host.check({ highlight: true }));
    const cells = s.patches.map((p) => excel.model.cell(APPENDIX, toA1(p.cell)));
    // Excel refuses the deletion of a rule that is gone with ItemNotFound at the conditional format.
    excel.failWritesWith("ItemNotFound", 0, "The requested resource doesn't exist.", "ConditionalFormatCollection.getItem");
    const e = await rejection(host.applyPatches(s.sheet, s.patches, { highlight: s.findings.slice(0, 2) }));
    expect(e.reason).toBe("changed_meanwhile");
    expect(workbookErrorMessage(e, "vi")).not.toMatch(/xóa hoặc đổi tên/);
    expect(s.patches.map((p) => excel.model.cell(APPENDIX, toA1(p.cell)))).toEqual(cells);
  });

  test("the user clears the add-in's rules between a fill's read and its write: the cells are put back, the marks settled, 'changed meanwhile'", async () => {
    const { excel, host } = hostOn(seedWorkbook());
    const s = found(await host.check({ highlight: true }));
    const cells = s.patches.map((p) => excel.model.cell(APPENDIX, toA1(p.cell)));
    const fewer = s.findings.filter((f) => f.severity !== "info").slice(1);
    excel.beforeNextWrite(() => {
      const sheet = excel.model.sheet(APPENDIX);
      sheet.conditionalFormats = sheet.conditionalFormats.filter((cf) => !cf.formula.includes(HIGHLIGHT_MARK));
    });
    const e = await rejection(host.applyPatches(s.sheet, s.patches, { highlight: fewer }));
    expect(e.reason).toBe("changed_meanwhile");
    expect(e.location).toMatch(/^ConditionalFormat/);
    expect(s.patches.map((p) => excel.model.cell(APPENDIX, toA1(p.cell)))).toEqual(cells);
    // Settled: no mark of the add-in half there (the new ones complete, nothing of the old).
    expect(marksOf(excel.model).map((cf) => cf.formula).sort()).toEqual(wantedMarks(fewer).map((m) => m.formula).sort());
  });

  test("a sheet that is really gone is still 'sheet deleted or renamed'", async () => {
    const { excel, host } = hostOn(seedWorkbook());
    const s = found(await host.check());
    excel.model.sheet(APPENDIX).name = "Khác";
    const e = await rejection(host.highlight(s.sheet, s.findings));
    expect(e.reason).toBe("sheet_missing");
  });

  test("two pane actions started together run one after the other: no ItemNotFound, the last one's marks remain", async () => {
    const { excel, host } = hostOn(seedWorkbook());
    const s = found(await host.check({ highlight: true }));
    await Promise.all([host.highlight(s.sheet, s.findings.slice(0, 3)), host.clearHighlights(s.sheet)]);
    expect(marksOf(excel.model)).toHaveLength(0);
  });
});

describe("workbooks of more than 30 sheets", () => {
  test.each([
    [31, 31],
    [33, 35],
    [60, 60],
  ])("an appendix on sheet %i of %i is found, in 3 reads (the first 30 sheets, the names, the rest)", async (at, count) => {
    const wb = new ModelWorkbook();
    for (let i = 1; i <= count; i++) {
      if (i === at) wb.addGrid(APPENDIX, seedGrid());
      else wb.addSheet(`Tờ ${i}`, [[`Trang ${i}`]]);
    }
    const { excel, host } = hostOn(wb);
    const state = found(await host.check());
    expect(state.sheet).toBe(APPENDIX);
    expect(excel.counts()).toMatchObject({ reads: 3, writes: 0, mixed: 0 });
    // The re-check reads the appendix's sheet alone, wherever it is.
    excel.reset();
    expect(found(await host.check()).sheet).toBe(APPENDIX);
    expect(excel.counts()).toMatchObject({ reads: 1, total: 1 });
  });

  test("an appendix on sheet 40 of 40 is marked by the check: its marks ride in the read past the 30th sheet", async () => {
    const wb = new ModelWorkbook();
    for (let i = 1; i < 40; i++) wb.addSheet(`Tờ ${i}`, [[`Trang ${i}`]]);
    wb.addGrid(APPENDIX, seedGrid());
    const { excel, host } = hostOn(wb);
    const s = found(await host.check({ highlight: true }));
    expect(marksOf(excel.model).map((cf) => cf.formula).sort()).toEqual(wantedMarks(s.findings).map((m) => m.formula).sort());
    expect(excel.counts()).toMatchObject({ reads: 3, writes: 1, mixed: 0 });
    excel.reset();
    found(await host.check({ highlight: true }));
    expect(excel.counts()).toMatchObject({ reads: 1, writes: 0, mixed: 0 });
  });

  test("up to 30 sheets the check is still one read", async () => {
    const wb = new ModelWorkbook();
    for (let i = 1; i < 30; i++) wb.addSheet(`Tờ ${i}`, [[`Trang ${i}`]]);
    wb.addGrid(APPENDIX, seedGrid());
    const { excel, host } = hostOn(wb);
    found(await host.check());
    expect(excel.counts()).toMatchObject({ reads: 1, total: 1 });
  });
});

describe("conditional formats Excel cannot load (two rules on one range)", () => {
  const broken = { code: "ItemNotFound", location: "ConditionalFormatCollection.getItemAt" };

  test("on another sheet: the check with marking still runs and marks the appendix", async () => {
    const wb = seedWorkbook();
    wb.sheet("Bìa").brokenConditionalFormats = { areas: "A1:B2", ...broken };
    const { excel, host } = hostOn(wb);
    const s = found(await host.check({ highlight: true }));
    expect(s.sheet).toBe(APPENDIX);
    expect(markedCells(excel.model)).toEqual(SEED_WARNING_CELLS);
  });

  test("on the appendix's sheet outside the read window: marks are read only where the add-in puts them", async () => {
    const wb = seedWorkbook();
    wb.sheet(APPENDIX).brokenConditionalFormats = { areas: "AD1:AD50", ...broken };
    const { excel, host } = hostOn(wb);
    found(await host.check({ highlight: true }));
    expect(markedCells(excel.model)).toEqual(SEED_WARNING_CELLS);
    expect(excel.counts()).toMatchObject({ reads: 1, writes: 1 });
  });

  test("on the appendix itself: the check's findings come back unmarked, and marking says why", async () => {
    const wb = seedWorkbook();
    wb.sheet(APPENDIX).brokenConditionalFormats = { areas: "D10:D20", ...broken };
    const warned = jest.spyOn(console, "warn").mockImplementation(() => undefined);
    const { excel, host } = hostOn(wb);
    const s = found(await host.check({ highlight: true }));
    expect(s.findings.map((f) => cellA1(f.cell))).toEqual(SEED_WARNING_CELLS);
    expect(s.marksNote).toBe("unreadable");
    expect(marksOf(excel.model)).toHaveLength(0);
    const e = await rejection(host.highlight(s.sheet, s.findings));
    expect(e.reason).toBe("marks_unreadable");
    warned.mockRestore();
  });
});

describe("conditional formats Excel cannot load, on the appendix: the fill still runs", () => {
  test.each([
    ["the pane's fill with marking on", (host: ExcelHost, s: Found) => host.applyPatches(s.sheet, s.patches, { recheck: true, highlight: true })],
    ["the ribbon's fill", (host: ExcelHost) => host.check({ fill: true, highlight: (st) => st.findings })],
  ])("%s writes the cells unmarked and says why", async (_what, fill) => {
    const wb = seedWorkbook();
    wb.sheet(APPENDIX).brokenConditionalFormats = { areas: "D10:D20", code: "ItemNotFound", location: "ConditionalFormatCollection.getItemAt" };
    const warned = jest.spyOn(console, "warn").mockImplementation(() => undefined);
    const { excel, host } = hostOn(wb);
    const s = found(await host.check());
    expect(s.patches.length).toBeGreaterThan(0);
    const state = found((await fill(host, s)) as CheckState);
    expect(state.marksNote).toBe("unreadable");
    for (const p of s.patches) expect(excel.model.cell(APPENDIX, toA1(p.cell)).formula).toBe(p.formula);
    expect(marksOf(excel.model)).toHaveLength(0);
    warned.mockRestore();
  });
});

describe("why Excel refused", () => {
  test("AccessDenied on a sheet that is not protected: the workbook is read-only, not 'the sheet is protected'", async () => {
    const { excel, host } = hostOn(seedWorkbook());
    const s = found(await host.check());
    excel.model.readOnly = true;
    const e = await rejection(host.applyPatches(s.sheet, s.patches));
    expect(e.reason).toBe("read_only");
  });

  // Every kind of write the add-in makes, on a workbook that takes none: read-only on the desktop, view-only on the web.
  const writesOf: [string, (host: ExcelHost, s: Found) => Promise<unknown>][] = [
    ["a fill", (host, s) => host.applyPatches(s.sheet, s.patches)],
    ["marking", (host, s) => host.highlight(s.sheet, s.findings)],
    ["saving the settings", (host) => host.saveSettings({ lang: "en" })],
    ["inserting the template", (host) => host.insertTemplate({ unitName: "Sở Tư pháp", year: 2026 })],
  ];
  describe.each([
    ["on the desktop (Protected View, a read-only file)", false, "read_only"],
    ["on the web (Viewing mode, view permission only)", true, "view_only"],
  ])("a workbook that takes no write %s", (_where, onWeb, reason) => {
    test.each(writesOf)(`%s is refused as ${reason}, with its own sentence, and nothing changes`, async (_what, write) => {
      const wb = seedWorkbook();
      const { excel, host } = hostOn(wb, { onWeb: () => onWeb });
      const s = found(await host.check());
      excel.model.readOnly = true;
      const before = snapshot(wb);
      const e = await rejection(write(host, s));
      expect(e.reason).toBe(reason);
      const sentence = workbookErrorMessage(e, "vi");
      expect(sentence).not.toBe(workbookErrorMessage("sheet_protected", "vi"));
      expect(sentence).not.toBe(workbookErrorMessage(onWeb ? "read_only" : "view_only", "vi"));
      expect(snapshot(wb) === before).toBe(true);
    });
  });

  test("a template refused by a workbook structure protected after the read says so, not 'read-only'", async () => {
    const { excel, host } = hostOn(seedWorkbook());
    excel.beforeNextWrite(() => {
      excel.model.structureProtected = true;
    });
    const e = await rejection(host.insertTemplate({ unitName: "Sở Tư pháp", year: 2026 }));
    expect(e.reason).toBe("workbook_protected");
  });

  test("AccessDenied on a sheet protected after the check is still 'the sheet is protected'", async () => {
    const { excel, host } = hostOn(seedWorkbook());
    const s = found(await host.check());
    excel.model.sheet(APPENDIX).protected = true;
    const e = await rejection(host.applyPatches(s.sheet, s.patches));
    expect(e.reason).toBe("sheet_protected");
  });

  test.each([
    ["WriteNotSupportedWhenModalDialogOpen", "dialog_open"],
    ["Conflict", "conflict"],
    ["InvalidOrTimedOutSession", "session_expired"],
  ])("%s has its own sentence (%s)", async (code, reason) => {
    const { excel, host } = hostOn(seedWorkbook());
    const s = found(await host.check());
    excel.failWritesWith(code, 0);
    const e = await rejection(host.highlight(s.sheet, s.findings));
    expect(e.reason).toBe(reason);
    expect(workbookErrorMessage(e, "vi")).not.toBe(workbookErrorMessage("excel_failed", "vi"));
  });
});

describe("changes the ribbon's runtime makes", () => {
  test.each(["1.9", "1.14", "1.20"])("ExcelApi %s: the ribbon's fill (another runtime of this add-in) makes the pane re-check; the pane's own writes do not", async (level) => {
    const wb = seedWorkbook();
    const pane = hostOn(wb, { supported: supportedUpTo(level) });
    found(await pane.host.check());
    let rechecks = 0;
    const stop = await pane.host.onUserChange(() => rechecks++);
    const ribbon = hostOn(wb, { supported: supportedUpTo(level) });
    await ribbon.host.check({ fill: true });
    await wait(80);
    expect(rechecks).toBe(1);
    // The pane's own writes still do not.
    const s = found(await pane.host.check());
    await pane.host.applyPatches(s.sheet, s.patches);
    await wait(80);
    expect(rechecks).toBe(1);
    stop();
  });
});
