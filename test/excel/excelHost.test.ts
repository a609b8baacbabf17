
/** What the office-js adapter does to the workbook: never loses the user's data, formatting or sheets. */
import { cellA1 } from "../../src/core";
import { at } from "../fixtures/a1";
import { ExcelHostError } from "../../src/excel/errors";
import { HIGHLIGHT_MARK, MARK_STYLE } from "../../src/excel/highlights";
import { READ_ROWS } from "../../src/excel/readSheets";
import { SETTINGS_KEY } from "../../src/excel/settings";
import type { CheckState } from "../../src/app/host";
import { HostError } from "../../src/app/hostErrors";
import type { WorkbookSettings } from "../../src/app/settings";
import { cellKey, ModelWorkbook } from "./realClient/workbook";
import { supportedUpTo } from "./realClient/realExcel";
import { APPENDIX, bigWorkbook, hostOn, seedWorkbook } from "./workbooks";

function found(state: CheckState): Extract<CheckState, { found: true }> {
  if (!state.found) throw new Error("the appendix was not found");
  return state;
}

async function rejection(p: Promise<unknown>): Promise<ExcelHostError> {
  try {
    await p;
  } catch (e) {
    expect(e).toBeInstanceOf(ExcelHostError);
    return e as ExcelHostError;
  }
  throw new Error("expected the action to fail");
}

describe("check", () => {
  test("a workbook without an appendix: not found, every sheet named", async () => {
    const wb = new ModelWorkbook();
    wb.addSheet("Sheet1", [["a", 1]]);
    wb.addSheet("Trống");
    const { host } = hostOn(wb);
    expect(await host.check()).toEqual({ found: false, sheets: ["Sheet1", "Trống"], failure: { reason: "no_header" } });
  });

  test("an appendix on the 3rd of 3 sheets, shifted to C5, is found with its real addresses", async () => {
    const plain = seedWorkbook();
    const grid = plain.sheets[1];
    const wb = new ModelWorkbook();
    wb.addSheet("A", [["x"]]);
    wb.addSheet("B", [["y"]]);
    const shifted = wb.addSheet("Bảng 3");
    for (const [k, c] of grid.cells) {
      const [r, col] = k.split(":").map(Number);
      shifted.cells.set(`${r + 4}:${col + 2}`, c);
    }
    const { host } = hostOn(wb);
    const state = found(await host.check());
    expect(state.sheet).toBe("Bảng 3");
    expect(state.location.columns.label).toBe(3);
    const original = found(await hostOn(seedWorkbook()).host.check());
    expect(state.patches.map((p) => p.cell)).toEqual(original.patches.map((p) => ({ row: p.cell.row + 4, col: p.cell.col + 2 })));
  });

  test("a re-check after the appendix's sheet was renamed looks everywhere again", async () => {
    const { excel, host } = hostOn(seedWorkbook());
    await host.check();
    excel.model.sheet(APPENDIX).name = "Phụ lục đã đổi tên";
    excel.reset();
    const state = found(await host.check());
    expect(state.sheet).toBe("Phụ lục đã đổi tên");
    expect(excel.counts()).toMatchObject({ reads: 2, total: 2 });
  });

  test("rows below the read window are not read (the window bounds every response)", async () => {
    const wb = seedWorkbook();
    wb.addSheet("Cuối", []).cells.set(`${READ_ROWS + 10}:0`, { value: "xa", formula: "xa", numberFormat: "General" });
    const { host } = hostOn(wb);
    const state = await host.check();
    expect(state.found).toBe(true);
  });

  test("a host that does not propagate null objects: names first, then the sheets (2 reads), with a warning", async () => {
    const wb = seedWorkbook();
    wb.nullPropagation = false;
    const warned = jest.spyOn(console, "warn").mockImplementation(() => undefined);
    const { excel, host } = hostOn(wb);
    const state = found(await host.check());
    expect(state.sheet).toBe(APPENDIX);
    expect(excel.counts()).toMatchObject({ reads: 3, total: 3 }); // the refused read, the names, the sheets
    expect(warned).toHaveBeenCalledTimes(1);
    warned.mockRestore();
  });

  test("over the payload limit, the sheets are read one per round trip instead of failing", async () => {
    const wb = bigWorkbook(300);
    const probe = hostOn(wb);
    await probe.host.check();
    const together = probe.excel.counts().maxResponseBytes;
    const { excel, host } = hostOn(wb);
    excel.payloadLimit = together - 1; // all sheets at once are over it, each sheet alone under it
    const state = found(await host.check());
    expect(state.sheet).toBe(APPENDIX);
    // the failed read, the sheet names, then one read per sheet
    expect(excel.counts().total).toBe(1 + 1 + wb.sheets.length);
    const tiny = hostOn(wb);
    tiny.excel.payloadLimit = 1000; // not even one sheet fits: the typed error
    const e = await rejection(tiny.host.check());
    expect(e.reason).toBe("payload_too_large");
  });
});

describe("highlights", () => {
  test("mark the primary cells by severity with the add-in's own conditional formats", async () => {
    const { excel, host } = hostOn(seedWorkbook());
    const state = found(await host.check());
    await host.highlight(state.sheet, state.findings);
    const cfs = excel.model.sheet(APPENDIX).conditionalFormats;
    const bySeverity = Object.fromEntries(cfs.map((cf) => [cf.formula.replace(/:[0-9a-z]+"\)$/, '")'), cf]));
    for (const severity of ["error", "warning"] as const) {
      const cells = state.findings.filter((f) => f.severity === severity).map((f) => cellA1(f.cell));
      const cf = bySeverity[`=ISTEXT("${HIGHLIGHT_MARK}:${severity}")`];
      if (cells.length === 0) {
        expect(cf).toBeUndefined();
        continue;
      }
      expect(cf.type).toBe("Custom");
      expect(cf.format).toEqual({ "fill.color": MARK_STYLE[severity].fill, "font.color": MARK_STYLE[severity].font });
      const marked = cf.areas.split(",");
      for (const cell of cells) expect(marked.some((a) => a === cell || (a.includes(":") && a.startsWith(cell.replace(/\d+$/, ""))))).toBe(true);
    }
  });

  test("highlight then clear leaves the sheet exactly as it was, the user's own formats and rules included", async () => {
    const { excel, host } = hostOn(seedWorkbook());
    const sheet = excel.model.sheet(APPENDIX);
    sheet.formats.set("D10:D20", { "fill.color": "#DDEBF7", "font.bold": true });
    sheet.conditionalFormats.push({ id: "{user-cf}", type: "CellValue", areas: "D10:D200", formula: "", format: { "font.color": "#FF0000" } });
    sheet.conditionalFormats.push({ id: "{user-custom}", type: "Custom", areas: "E10:E20", formula: "=E10<>\"\"", format: { "fill.color": "#EEEEEE" } });
    const before = excel.model.snapshot(APPENDIX);
    const state = found(await host.check());
    await host.highlight(state.sheet, state.findings);
    expect(excel.model.snapshot(APPENDIX)).not.toEqual(before);
    await host.highlight(state.sheet, state.findings.slice(0, 1)); // re-marking replaces, never stacks
    expect(sheet.conditionalFormats.filter((cf) => cf.formula.includes(HIGHLIGHT_MARK))).toHaveLength(1);
    await host.clearHighlights(state.sheet);
    expect(excel.model.snapshot(APPENDIX)).toEqual(before);
  });

  test("600 scattered marks: several formats, all cleared by one clear", async () => {
    const { excel, host } = hostOn(seedWorkbook());
    const before = excel.model.snapshot(APPENDIX);
    const findings = Array.from({ length: 600 }, (_, i) => ({
      code: "excel_error" as const, severity: (i % 2 ? "error" : "warning") as "error" | "warning", indicator: "", cell: at(`${"DFH"[i % 3]}${Math.floor(i / 3) * 3 + 1}`), cells: [], actual: null, expected: null, fix: null,
    }));
    await host.highlight(APPENDIX, findings);
    expect(excel.model.sheet(APPENDIX).conditionalFormats.length).toBeGreaterThan(2);
    excel.reset();
    await host.clearHighlights(APPENDIX);
    expect(excel.counts()).toMatchObject({ reads: 1, writes: 1 });
    expect(excel.model.snapshot(APPENDIX)).toEqual(before);
  });

  test("marks made in an earlier session are found and cleared too", async () => {
    const first = hostOn(seedWorkbook());
    const state = found(await first.host.check());
    await first.host.highlight(state.sheet, state.findings);
    const second = hostOn(first.excel.model);
    await second.host.clearHighlights(APPENDIX);
    expect(first.excel.model.sheet(APPENDIX).conditionalFormats).toEqual([]);
  });
});

describe("insert template", () => {
  test.each([
    [[], "Phụ lục"],
    [["Phụ lục"], "Phụ lục (2)"],
    [["phụ lục", "PHỤ LỤC (2)"], "Phụ lục (3)"],
  ])("with sheets %j the template goes to a new sheet %s, the others untouched", async (existing, expected) => {
    const wb = new ModelWorkbook();
    wb.addSheet("Bìa", [["giữ nguyên"]]);
    for (const name of existing) wb.addSheet(name, [["dữ liệu của người dùng", 42]]);
    const before = wb.sheets.map((s) => wb.snapshot(s.name));
    const { host } = hostOn(wb);
    const name = await host.insertTemplate({ unitName: "Sở Nội vụ", year: 2024 });
    expect(name).toBe(expected);
    expect(wb.sheets.slice(0, before.length).map((s) => wb.snapshot(s.name))).toEqual(before);
    expect(wb.activeSheet).toBe(expected);
  });

  test("the inserted template is recognised by the next check, with its formulas and drop-downs", async () => {
    const wb = new ModelWorkbook();
    wb.addSheet("Bìa");
    const { host } = hostOn(wb);
    const name = await host.insertTemplate({ unitName: "Sở Nội vụ", year: 2024 });
    const sheet = wb.sheet(name);
    expect([...sheet.cells.values()].some((c) => c.formula.startsWith("=IF("))).toBe(true);
    // As `cchc template` says: 26 drop-downs (flags and choices), a name for each of the 150 value cells;
    // 6 title lines across the table and 4 header merges; the two header rows frozen under the title.
    expect(sheet.validations.size).toBe(26);
    expect(sheet.names.size).toBe(150);
    expect(sheet.merges.length).toBe(10);
    expect(sheet.freezeRows).toBe(10);
    expect(sheet.pageLayout.paperSize).toBe("A4");
    const state = found(await host.check());
    expect(state.sheet).toBe(name);
    expect(state.location.missing).toEqual([]);
  });

  test("a protected workbook structure is refused before anything is written", async () => {
    const wb = seedWorkbook();
    wb.structureProtected = true;
    const { excel, host } = hostOn(wb);
    const e = await rejection(host.insertTemplate({}));
    expect(e.reason).toBe("workbook_protected");
    expect(excel.counts()).toMatchObject({ reads: 1, writes: 0 });
    expect(wb.sheets.map((s) => s.name)).toEqual(["Bìa", APPENDIX]);
  });

  test("a batch failing half-way leaves no half-made sheet behind", async () => {
    const wb = seedWorkbook();
    const { excel, host } = hostOn(wb);
    excel.failWritesWith("GeneralException", 5);
    const e = await rejection(host.insertTemplate({}));
    expect(e.reason).toBe("excel_failed");
    expect(e.excelCode).toBe("GeneralException");
    expect(wb.sheets.map((s) => s.name)).toEqual(["Bìa", APPENDIX]);
  });
});

describe("writes that fail", () => {
  test("a sheet protected when checked: the fill is refused without a round trip", async () => {
    const wb = seedWorkbook();
    wb.sheet(APPENDIX).protected = true;
    const { excel, host } = hostOn(wb);
    const state = found(await host.check());
    excel.reset();
    const e = await rejection(host.applyPatches(state.sheet, state.patches));
    expect(e.reason).toBe("sheet_protected");
    expect(excel.counts().total).toBe(0);
  });

  test("a sheet protected after the check: Excel's error at sync is typed, and no cell changed", async () => {
    const { excel, host } = hostOn(seedWorkbook());
    const state = found(await host.check());
    const before = excel.model.snapshot(APPENDIX);
    excel.model.sheet(APPENDIX).protected = true;
    const e = await rejection(host.applyPatches(state.sheet, state.patches));
    expect(e.reason).toBe("sheet_protected");
    expect(e.excelCode).toBe("AccessDenied");
    expect(e).toBeInstanceOf(HostError);
    excel.model.sheet(APPENDIX).protected = false;
    expect(excel.model.snapshot(APPENDIX)).toEqual(before);
  });

  test.each([
    ["InvalidOperationInCellEditMode", "cell_edit_mode", "busy"],
    ["ApiNotFound", "api_unsupported", "generic"],
    ["RequestPayloadSizeLimitExceeded", "payload_too_large", "generic"],
    ["SomethingNew", "excel_failed", "generic"],
  ])("office-js %s becomes reason %s (pane code %s)", async (code, reason, paneCode) => {
    const { excel, host } = hostOn(seedWorkbook());
    const state = found(await host.check());
    excel.failWritesWith(code);
    const e = await rejection(host.applyPatches(state.sheet, state.patches));
    expect([e.reason, e.code, e.excelCode]).toEqual([reason, paneCode, code]);
  });

  test("the sheet deleted meanwhile: sheet_missing", async () => {
    const { excel, host } = hostOn(seedWorkbook());
    const state = found(await host.check());
    excel.model.sheets.splice(1, 1);
    const e = await rejection(host.applyPatches(state.sheet, state.patches));
    expect(e.reason).toBe("sheet_missing");
  });
});

describe("fixes and undo", () => {
  test("a text fix is written as text, a number as a number, a formula as a formula", async () => {
    const { excel, host } = hostOn(seedWorkbook());
    const replace = { replace: true };
    await host.applyFix(APPENDIX, { cell: at("E12"), value: "02", cellValue: "02" }, replace);
    await host.applyFix(APPENDIX, { cell: at("D19"), value: 2, cellValue: 2 }, replace);
    await host.applyFix(APPENDIX, { cell: at("D9"), value: 87.23, cellValue: 87.23, formula: "=ROUND(D11/D10*100,2)", numberFormat: "0.00" }, replace);
    expect(excel.model.cell(APPENDIX, "E12").value).toBe("02");
    expect(excel.model.cell(APPENDIX, "D19").value).toBe(2);
    expect(excel.model.cell(APPENDIX, "D9")).toMatchObject({ formula: "=ROUND(D11/D10*100,2)", numberFormat: "0.00" });
  });

  test("a fix over what the cell holds is written only with replace; the outcome says what is there", async () => {
    const { excel, host } = hostOn(seedWorkbook());
    await excel.model.userEdit(APPENDIX, "D9", 95);
    const state = found(await host.check());
    const rate = state.findings.find((f) => f.code === "rate_mismatch" && cellA1(f.cell) === "D9")!;
    excel.reset();
    const asked = await host.applyFix(state.sheet, rate.fix!);
    // The cell as the check read it: no round trip, nothing written.
    expect(excel.counts()).toMatchObject({ total: 0 });
    expect(asked).toEqual({ written: false, sheet: APPENDIX, before: { cell: at("D9"), cellValue: 95, numberFormat: "General" } });
    expect(excel.model.cell(APPENDIX, "D9")).toMatchObject({ value: 95 });
    const done = await host.applyFix(state.sheet, rate.fix!, { replace: true });
    expect(excel.counts()).toMatchObject({ reads: 0, writes: 1, total: 1 });
    expect(done).toMatchObject({ written: true, change: { sheet: APPENDIX, before: { cellValue: 95 }, after: { formula: "=ROUND(D11/D10*100,2)" } } });
    expect(excel.model.cell(APPENDIX, "D9").formula).toBe("=ROUND(D11/D10*100,2)");
  });

  // The model keeps what Excel reports: a constant's formula is its text, quote-prefixed text reports itself as both.
  test.each([
    ["a typed number", "D19", 7, "7", "0", { value: 2, cellValue: 2, numberFormat: "0.00" }],
    ["typed text that looks like a number", "E12", "02", "02", "@", { value: 2, cellValue: 2, numberFormat: "0" }],
    ["typed text starting with =", "E20", "=không phải công thức", "=không phải công thức", "General", { value: "ghi chú", cellValue: "ghi chú" }],
    // (the model computes no formula: a formula's value is "" there, before and after)
    ["another formula", "D9", "", "=D11/D10*100", "0.0", { value: 87.23, cellValue: 87.23, formula: "=ROUND(D11/D10*100,2)", numberFormat: "0.00" }],
    ["a blank cell", "D9", "", "", "General", { value: 87.23, cellValue: 87.23, formula: "=ROUND(D11/D10*100,2)", numberFormat: "0.00" }],
  ] as const)("undo puts %s back exactly (content and number format), 1 read + 1 write", async (_what, a1, value, formula, numberFormat, fix) => {
    const wb = seedWorkbook();
    const { excel, host } = hostOn(wb);
    const cell = at(a1);
    wb.sheet(APPENDIX).cells.set(cellKey(cell.row, cell.col), { value, formula, numberFormat });
    found(await host.check());
    const before = { ...excel.model.cell(APPENDIX, a1) };
    const outcome = await host.applyFix(APPENDIX, { cell, ...fix }, { replace: true });
    if (!outcome.written) throw new Error("not written");
    expect(excel.model.cell(APPENDIX, a1)).not.toEqual(before);
    excel.reset();
    expect(await host.undoFix(outcome.change)).toEqual({ undone: true });
    expect(excel.counts()).toMatchObject({ reads: 1, writes: 1, mixed: 0, total: 2 });
    expect(excel.model.cell(APPENDIX, a1)).toEqual(before);
  });

  test("undo leaves a cell the user changed since the fix as it is, and says what it holds", async () => {
    const { excel, host } = hostOn(seedWorkbook());
    await excel.model.userEdit(APPENDIX, "D9", 95);
    found(await host.check());
    const outcome = await host.applyFix(APPENDIX, { cell: at("D9"), value: 87.23, cellValue: 87.23, formula: "=ROUND(D11/D10*100,2)" }, { replace: true });
    if (!outcome.written) throw new Error("not written");
    // The user types 80 before the change handler's re-check: the adapter's memory does not know it, its read does.
    await excel.model.userEdit(APPENDIX, "D9", 80);
    excel.reset();
    expect(await host.undoFix(outcome.change)).toEqual({ undone: false, now: { cell: at("D9"), cellValue: 80, numberFormat: "General" } });
    expect(excel.counts()).toMatchObject({ reads: 1, writes: 0, total: 1 });
    expect(excel.model.cell(APPENDIX, "D9")).toMatchObject({ value: 80 });
  });

  test.each([
    ["1.20", true],
    ["1.14", false],
  ])("on an ExcelApi %s host, writes ask for one undo group: %s", async (top, merged) => {
    const { excel, host } = hostOn(seedWorkbook(), { supported: supportedUpTo(top) });
    const state = found(await host.check());
    excel.reset();
    await host.applyPatches(state.sheet, state.patches);
    expect(excel.syncs.map((s) => s.mergeUndoGroup)).toEqual([merged]);
  });
});

describe("settings", () => {
  test("round-trip through the workbook's settings", async () => {
    const { excel, host } = hostOn(seedWorkbook());
    expect(await host.loadSettings()).toEqual({});
    const settings: WorkbookSettings = {
      unitName: "Sở Thông tin và Truyền thông",
      year: 2023,
      period: "nam",
      lang: "en",
      acknowledged: { "flag_blank|II.1|D22": { reason: "Đã ghi trong báo cáo", fingerprint: "blank" } },
    };
    await host.saveSettings(settings);
    expect(typeof excel.model.settings.get(SETTINGS_KEY)).toBe("string");
    expect(await hostOn(excel.model).host.loadSettings()).toEqual(settings);
  });

  test.each([["{not json"], [JSON.stringify({ period: "tuần" })], [JSON.stringify([1, 2])], [JSON.stringify({ acknowledged: { k: "x" } })]])(
    "a damaged value %s is reported, not guessed",
    async (raw) => {
      const wb = seedWorkbook();
      wb.settings.set(SETTINGS_KEY, raw);
      const e = await rejection(hostOn(wb).host.loadSettings());
      expect(e.reason).toBe("settings_damaged");
    },
  );
});

describe("re-check on change", () => {
  const wait = (ms: number) => new Promise((r) => setTimeout(r, ms));

  test.each([
    ["with triggerSource (ExcelApi 1.14)", true],
    ["with the write guard (no triggerSource)", false],
  ])("%s: the add-in's own writes are ignored, the user's edits re-check once after they settle", async (_label, triggerSource) => {
    let clock = 0;
    const wb = seedWorkbook();
    const { host } = hostOn(wb, { supported: supportedUpTo(triggerSource ? "1.14" : "1.9"), now: () => clock });
    const state = found(await host.check());
    let calls = 0;
    const stop = await host.onUserChange(() => calls++);
    await host.applyPatches(state.sheet, state.patches);
    await wait(60);
    expect(calls).toBe(0);
    clock += 10_000; // past the guard's grace period
    await wb.userEdit(APPENDIX, "D12", 3);
    await wb.userEdit(APPENDIX, "D13", 4);
    await wb.userEdit(APPENDIX, "D14", 5);
    await wait(60);
    expect(calls).toBe(1);
    await wb.userEdit("Bìa", "A5", "khác"); // another sheet: not the appendix
    await wait(60);
    expect(calls).toBe(1);
    stop();
    await wait(10);
    expect(wb.changeEventsRegistered).toBe(0);
    await wb.userEdit(APPENDIX, "D12", 6);
    await wait(60);
    expect(calls).toBe(1);
  });
});
