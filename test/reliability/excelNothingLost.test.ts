
/**
 * Nothing lost, through the office-js adapter on the counting mock, over random workbooks (fast-check): the seed
 * appendix with random values, formulas, number formats, fills, borders and conditional formats written in and
 * around it, beside random other sheets.
 * - check + highlight + clear leaves every sheet exactly as before (cells, formats, conditional formats, merges);
 * - fill changes only its target cells, and only cells that were blank or already held the computed value;
 * - inserting the template adds one sheet and leaves every other sheet as it was;
 * - a write that fails part-way reports a typed reason with a sentence saying what to do.
 */
import fc from "fast-check";
import { type CellValue, columnLetters, type Patch, templates, toA1 } from "../../src/core";
import { ExcelHostError } from "../../src/excel/errors";
import { MARK_STYLE, markFormula } from "../../src/excel/highlights";
import { workbookErrorMessage } from "../../src/app/hostErrorMessages";
import type { CheckState } from "../../src/app/host";
import { ModelWorkbook, type ModelConditionalFormat, type ModelSheet } from "../excel/realClient/workbook";
import { APPENDIX, hostOn } from "../excel/workbooks";
import { seedGrid } from "../fixtures/seed";

const RUNS = 60;

/** A random edit of one cell: a value, a formula or a number format, anywhere in A1:H200 (the appendix is A1:E192). */
const cellEdit = fc.record({
  row: fc.integer({ min: 0, max: 199 }),
  col: fc.integer({ min: 0, max: 7 }),
  value: fc.oneof(
    fc.constant<CellValue>(null),
    fc.integer({ min: -5, max: 5000 }),
    fc.double({ min: -1e6, max: 1e6, noNaN: true }),
    fc.constantFrom("02", "100%", "Có", "x", "=SUM(D1:D3)", "'=text", "87,23", ""),
    fc.string({ maxLength: 12 }),
  ),
  formula: fc.option(fc.constantFrom("=D13+D14", "=ROUND(D14/D13*100,2)", "=1/0", "=A1"), { nil: undefined }),
  numberFormat: fc.constantFrom("General", "0.00", "#,##0", "@", "0%", "dd/mm/yyyy"),
});

const area = fc
  .record({ top: fc.integer({ min: 0, max: 199 }), left: fc.integer({ min: 0, max: 7 }), height: fc.integer({ min: 0, max: 20 }), width: fc.integer({ min: 0, max: 3 }) })
  .map(({ top, left, height, width }) => `${columnLetters(left)}${top + 1}:${columnLetters(left + width)}${top + 1 + height}`);

/** A user's fill and border settings, as the mock records format writes. */
const formatEdit = fc.record({
  target: area,
  format: fc.oneof(
    fc.record({ "fill.color": fc.constantFrom("#FFFF00", "#DDEBF7", "#FFC7CE") }),
    fc.record({ "borders.EdgeBottom.style": fc.constantFrom("Continuous", "Dash"), "borders.EdgeBottom.color": fc.constantFrom("#000000", "#FF0000") }),
    fc.record({ "font.bold": fc.boolean(), "fill.color": fc.constant("#E2EFDA") }),
  ),
});

const userRule = fc.record({ areas: area, type: fc.constantFrom("Custom", "CellValue"), color: fc.constantFrom("#FF0000", "#00B050") });

const otherSheet = fc.array(fc.array(fc.oneof(fc.constant<CellValue>(null), fc.integer(), fc.string({ maxLength: 8 })), { minLength: 1, maxLength: 6 }), { maxLength: 15 });

const workbookSpec = fc.record({
  edits: fc.array(cellEdit, { maxLength: 25 }),
  formats: fc.array(formatEdit, { maxLength: 6 }),
  rules: fc.array(userRule, { maxLength: 3 }),
  merges: fc.array(area, { maxLength: 2 }),
  others: fc.array(otherSheet, { maxLength: 2 }),
});

type Spec = typeof workbookSpec extends fc.Arbitrary<infer T> ? T : never;

function build(spec: Spec): ModelWorkbook {
  const wb = new ModelWorkbook();
  spec.others.forEach((rows, i) => wb.addSheet(`Khác ${i + 1}`, rows));
  const sheet = wb.addGrid(APPENDIX, seedGrid());
  for (const e of spec.edits) {
    const k = `${e.row}:${e.col}`;
    if (e.value === null && !e.formula) {
      sheet.cells.delete(k);
      continue;
    }
    const value = e.value === null ? "" : e.value;
    sheet.cells.set(k, { value, formula: e.formula ?? String(value), numberFormat: e.numberFormat });
  }
  for (const f of spec.formats) sheet.formats.set(f.target, { ...sheet.formats.get(f.target), ...f.format });
  spec.rules.forEach((r, i) =>
    sheet.conditionalFormats.push({ id: `{user-${i}}`, type: r.type, areas: r.areas, formula: r.type === "Custom" ? "=A1<>\"\"" : "", format: { "fill.color": r.color } }),
  );
  sheet.merges.push(...spec.merges);
  return wb;
}

function snapshots(wb: ModelWorkbook): Record<string, unknown> {
  return Object.fromEntries(wb.sheets.map((s) => [s.name, wb.snapshot(s.name)]));
}

function cellsOf(s: ModelSheet): Map<string, unknown> {
  return new Map([...s.cells].map(([k, c]) => [k, JSON.stringify(c)]));
}

const isFound = (s: CheckState): s is Extract<CheckState, { found: true }> => s.found;

test("check + highlight + clear: every sheet exactly as before", async () => {
  await fc.assert(
    fc.asyncProperty(workbookSpec, async (spec) => {
      const wb = build(spec);
      const { host } = hostOn(wb);
      const before = snapshots(wb);
      const state = await host.check();
      expect(snapshots(wb)).toEqual(before);
      if (!isFound(state)) return;
      await host.highlight(state.sheet, state.findings);
      await host.clearHighlights(state.sheet);
      expect(snapshots(wb)).toEqual(before);
    }),
    { numRuns: RUNS },
  );
});

test("fill: only target cells change, and only those that were blank or agreed", async () => {
  let patchedSome = 0;
  await fc.assert(
    fc.asyncProperty(workbookSpec, async (spec) => {
      const wb = build(spec);
      const { host } = hostOn(wb);
      const state = await host.check();
      if (!isFound(state)) return;
      const sheetsBefore = snapshots(wb);
      const target = wb.sheet(state.sheet);
      const cellsBefore = cellsOf(target);
      const formatsBefore = JSON.stringify([...target.formats].sort());
      await host.applyPatches(state.sheet, state.patches);
      if (state.patches.length) patchedSome++;
      const keys = new Set(
        state.patches.map((p) => {
          const a = p.cell;
          return `${a.row}:${a.col}`;
        }),
      );
      // Every other sheet untouched.
      for (const s of wb.sheets) if (s.name !== state.sheet) expect(wb.snapshot(s.name)).toEqual(sheetsBefore[s.name]);
      // On the appendix's sheet, every non-target cell, every format and rule as before.
      const after = cellsOf(target);
      for (const k of new Set([...cellsBefore.keys(), ...after.keys()])) if (!keys.has(k)) expect([k, after.get(k)]).toEqual([k, cellsBefore.get(k)]);
      expect(JSON.stringify([...target.formats].sort())).toBe(formatsBefore);
      for (const p of state.patches) {
        const a = p.cell;
        const was = cellsBefore.get(`${a.row}:${a.col}`);
        const old = was ? (JSON.parse(was as string) as { value: unknown; formula: string }) : { value: "", formula: "" };
        // Blank, or holding the value (or the very formula) the calculator writes.
        const agreed = old.value === "" || old.value === p.value || old.formula === p.formula || (typeof old.value === "number" && Math.abs(old.value - p.value) < 0.005);
        expect([p.cell, old, agreed]).toEqual([p.cell, old, true]);
        expect(wb.cell(state.sheet, toA1(p.cell)).formula).toBe(p.formula);
      }
    }),
    { numRuns: RUNS },
  );
  // The property must have been exercised on real fills, not only on workbooks with nothing to fill.
  expect(patchedSome).toBeGreaterThan(RUNS / 4);
});

test("insert template: one sheet added, every other sheet as before", async () => {
  await fc.assert(
    fc.asyncProperty(workbookSpec, fc.string({ maxLength: 30 }), async (spec, unitName) => {
      const wb = build(spec);
      const { host } = hostOn(wb);
      const before = snapshots(wb);
      const names = wb.sheets.map((s) => s.name);
      const name = await host.insertTemplate({ unitName, year: 2024, period: "nam" });
      expect(names).not.toContain(name);
      expect(wb.sheets.map((s) => s.name).filter((n) => n !== name)).toEqual(names);
      for (const n of names) expect(wb.snapshot(n)).toEqual(before[n]);
    }),
    { numRuns: 30 },
  );
});

describe("a write that fails", () => {
  async function failing() {
    const wb = build({ edits: [], formats: [{ target: "D10:D20", format: { "fill.color": "#DDEBF7" } }], rules: [], merges: [], others: [[["x"]]] });
    const { excel, host } = hostOn(wb);
    const state = await host.check();
    if (!isFound(state)) throw new Error("the seed appendix was not found");
    return { wb, excel, host, state };
  }

  test.each([
    // AccessDenied on a sheet that is not protected: the workbook is open read-only
    ["AccessDenied", "", "read_only"],
    ["ItemNotFound", "WorksheetCollection.getItem", "sheet_missing"],
    ["ItemNotFound", "ConditionalFormatCollection.getItem", "changed_meanwhile"],
    ["ApiNotFound", "", "api_unsupported"],
    ["RequestPayloadSizeLimitExceeded", "", "payload_too_large"],
    ["WriteNotSupportedWhenModalDialogOpen", "", "dialog_open"],
  ])("%s at %j on the first write: typed %s, a sentence in both languages, no cell changed", async (code, location, reason) => {
    const { wb, excel, host, state } = await failing();
    const before = snapshots(wb);
    excel.failWritesWith(code, 0, code, location || undefined);
    const e = await host.applyPatches(state.sheet, state.patches).then(
      () => null,
      (x: unknown) => x,
    );
    expect(e).toBeInstanceOf(ExcelHostError);
    expect((e as ExcelHostError).reason).toBe(reason);
    expect(workbookErrorMessage((e as ExcelHostError).reason, "vi")).toMatch(/\.$/);
    expect(workbookErrorMessage((e as ExcelHostError).reason, "en")).toMatch(/\.$/);
    expect(snapshots(wb)).toEqual(before);
  });

  test.each([
    ["ApiNotFound", "api_unsupported"],
    ["RequestPayloadSizeLimitExceeded", "payload_too_large"],
  ])("highlight refused with %s (no conditional formats in this Excel, too many marks): %s, the sheet unchanged", async (code, reason) => {
    const { wb, excel, host, state } = await failing();
    const before = snapshots(wb);
    excel.failWritesWith(code, 0);
    const e = await host.highlight(state.sheet, state.findings).then(
      () => null,
      (x: unknown) => x,
    );
    expect((e as ExcelHostError).reason).toBe(reason);
    expect(snapshots(wb)).toEqual(before);
  });

  test("a template insert refused part-way (request too large): no half-made sheet, other sheets unchanged", async () => {
    const { wb, excel, host } = await failing();
    const before = snapshots(wb);
    excel.failWritesWith("RequestPayloadSizeLimitExceeded", 5);
    const e = await host.insertTemplate({ unitName: "Sở X", year: 2024, period: "nam" }).then(
      () => null,
      (x: unknown) => x,
    );
    expect((e as ExcelHostError).reason).toBe("payload_too_large");
    expect(snapshots(wb)).toEqual(before);
  });

  test("the sheet renamed after the check: sheet_missing, nothing written anywhere", async () => {
    const { wb, host, state } = await failing();
    wb.sheet(APPENDIX).name = "Đổi tên";
    const before = snapshots(wb);
    const e = await host.applyPatches(state.sheet, state.patches).then(
      () => null,
      (x: unknown) => x,
    );
    expect((e as ExcelHostError).reason).toBe("sheet_missing");
    expect(snapshots(wb)).toEqual(before);
    // The next check finds the appendix under its new name.
    const again = await host.check();
    expect(again.found && again.sheet).toBe("Đổi tên");
  });

  test("highlight on a sheet deleted meanwhile: sheet_missing, the other sheets untouched", async () => {
    const { wb, host, state } = await failing();
    wb.sheets.splice(wb.sheets.findIndex((s) => s.name === APPENDIX), 1);
    const before = snapshots(wb);
    const e = await host.highlight(state.sheet, state.findings).then(
      () => null,
      (x: unknown) => x,
    );
    expect((e as ExcelHostError).reason).toBe("sheet_missing");
    expect(snapshots(wb)).toEqual(before);
  });

  test("a fix on a sheet protected after the check: refused, with what to do, nothing changed", async () => {
    const { wb, excel, host, state } = await failing();
    const fix = state.findings.find((f) => f.fix)?.fix;
    expect(fix).toBeDefined();
    wb.sheet(APPENDIX).protected = true;
    const before = snapshots(wb);
    excel.reset();
    const e = await host.applyFix(state.sheet, fix!).then(
      () => null,
      (x: unknown) => x,
    );
    expect((e as ExcelHostError).reason).toBe("sheet_protected");
    expect(workbookErrorMessage("sheet_protected", "vi")).toContain("bỏ bảo vệ trang tính");
    expect(snapshots(wb)).toEqual(before);
  });
});

/**
 * office-js batches are not transactions: commands before the failing one stay applied. The adapter puts the
 * target cells back from the last read (one more write), in the order they were written; when that fails too it
 * says `partly_written` with the cells that differ. "At write k of n": the failure is injected at the k-th write
 * command of the batch, the earlier ones applied (as Excel does).
 */
describe("a write that fails part-way is put back", () => {
  const userFormats: Spec = {
    edits: [],
    formats: [{ target: "D10:D20", format: { "fill.color": "#DDEBF7" } }],
    rules: [{ areas: "D12:D40", type: "Custom", color: "#00B050" }],
    merges: [],
    others: [[["x", 1]]],
  };

  /** The seed appendix with a number format and an agreeing value on some fill targets, checked. */
  async function checked() {
    const wb = build(userFormats);
    const { excel, host } = hostOn(wb);
    const seen = await host.check();
    if (!isFound(seen)) throw new Error("the seed appendix was not found");
    // The seed has one computed cell blank: blank every total and rate too, so that the fill has three targets.
    const template = templates.find((t) => t.id === seen.location.template)!;
    const col = seen.location.columns.value;
    for (const r of template.relations) {
      const id = r.kind === "rate" ? r.rate : r.kind === "sum_equals" ? r.total : null;
      const row = id ? seen.location.rows[id] : undefined;
      if (row !== undefined) wb.sheet(seen.sheet).cells.delete(`${row}:${col}`);
    }
    const first = await host.check();
    if (!isFound(first)) throw new Error("the seed appendix was not found");
    // Give the targets something to lose: a number format of the user's on the first two (blank) targets.
    const [a, b] = first.patches;
    wb.sheet(first.sheet).cells.set(`${a.cell.row}:${a.cell.col}`, { value: "", formula: "", numberFormat: "#,##0.0" });
    wb.sheet(first.sheet).cells.set(`${b.cell.row}:${b.cell.col}`, { value: "", formula: "", numberFormat: "0.000" });
    const state = await host.check();
    expect(state.found && state.patches.map((p) => p.cell)).toEqual(first.patches.map((p) => p.cell));
    if (!isFound(state)) throw new Error("the seed appendix was not found after the edit");
    // And a third target holding a number of the user's, as when the user confirms overwriting a conflict.
    const userNumber = [...wb.sheet(state.sheet).cells].find(([k, c]) => Number(k.split(":")[1]) === col && Number(k.split(":")[0]) > 12 && typeof c.value === "number")!;
    const [row] = userNumber[0].split(":").map(Number);
    const overwrite: Patch = { cell: { row, col }, indicator: "test", formula: "=1+1", value: 2, cellValue: 2, relation: "test" };
    const patches = [...state.patches, overwrite];
    expect(patches).toHaveLength(3);
    excel.reset();
    return { wb, excel, host, state, patches };
  }

  /** Write commands a successful run of `act` sends, measured on a fresh copy. */
  async function writeCommands(act: (h: Awaited<ReturnType<typeof checked>>) => Promise<unknown>): Promise<number> {
    const h = await checked();
    await act(h);
    const writes = h.excel.syncs.filter((s) => s.kind === "write");
    expect(writes).toHaveLength(1);
    return writes[0].commands;
  }

  /** 0, 1, the middle and the last write of n. */
  const points = (n: number) => [...new Set([0, 1, Math.floor(n / 2), n - 1])].filter((k) => k >= 0 && k < n);

  async function failure(p: Promise<unknown>): Promise<ExcelHostError> {
    const e = await p.then(
      () => null,
      (x: unknown) => x,
    );
    expect(e).toBeInstanceOf(ExcelHostError);
    return e as ExcelHostError;
  }

  test("the reproduction: three patches, AccessDenied at the third write: the first writes undone, 'no cell was changed' true", async () => {
    const { wb, excel, host, state, patches } = await checked();
    const three = patches;
    expect(three).toHaveLength(3);
    const before = snapshots(wb);
    excel.failWritesWith("AccessDenied", 3);
    const e = await failure(host.applyPatches(state.sheet, three));
    // The sheet is not protected: Excel refused because the workbook is read-only (one read tells, after the repair).
    expect(e.reason).toBe("read_only");
    expect(snapshots(wb)).toEqual(before);
    expect(workbookErrorMessage(e, "vi")).toContain("Không có ô nào bị thay đổi");
    expect(workbookErrorMessage(e, "en")).toContain("No cell was changed");
    // The failed write, the protection read that tells why, and the restore.
    expect(excel.counts()).toMatchObject({ reads: 1, writes: 2, mixed: 0, total: 3 });
  });

  test("fill: at every sampled write k of n, the workbook exactly as before (cells, formats, conditional formats)", async () => {
    const n = await writeCommands(({ host, state, patches }) => host.applyPatches(state.sheet, patches));
    expect(n).toBeGreaterThanOrEqual(4);
    for (const k of points(n)) {
      const { wb, excel, host, state, patches } = await checked();
      const before = snapshots(wb);
      excel.failWritesWith("GeneralException", k);
      const e = await failure(host.applyPatches(state.sheet, patches));
      expect([k, e.reason, e.excelCode]).toEqual([k, "excel_failed", "GeneralException"]);
      expect(snapshots(wb)).toEqual(before);
      expect(excel.counts().writes).toBe(2);
    }
  });

  test("fix: the number format written and the value refused: both put back", async () => {
    const { wb, excel, host, state, patches } = await checked();
    const cell = patches[1].cell; // blank, formatted 0.000
    const fix = { cell, value: 87.5, cellValue: 87.5, numberFormat: "0.0" };
    const n = await writeCommands(({ host: h, state: s }) => h.applyFix(s.sheet, fix));
    expect(n).toBe(2);
    const before = snapshots(wb);
    excel.failWritesWith("AccessDenied", 1);
    const e = await failure(host.applyFix(state.sheet, fix));
    expect(e.reason).toBe("read_only");
    expect(snapshots(wb)).toEqual(before);
    expect(wb.cell(state.sheet, toA1(cell)).numberFormat).toBe("0.000");
  });

  test("a sheet protected after the check with the first targets unlocked: Excel stops at the first locked cell, the restore too, every cell as before", async () => {
    const { wb, excel, host, state, patches } = await checked();
    const sheet = wb.sheet(state.sheet);
    const before = snapshots(wb);
    sheet.protected = true;
    sheet.unlocked = new Set(patches.slice(0, 2).map((p) => toA1(p.cell)));
    const e = await failure(host.applyPatches(state.sheet, patches));
    expect([e.reason, e.excelCode]).toEqual(["sheet_protected", "AccessDenied"]);
    expect(snapshots(wb)).toEqual({ ...before, [state.sheet]: { ...(before[state.sheet] as object), protected: true, unlocked: {} } });
    // The write, the protection read that tells why Excel refused, the restore (stopped at the same locked cell),
    // one read that finds every cell as before.
    expect(excel.counts()).toMatchObject({ writes: 2, reads: 2 });
    expect(workbookErrorMessage(e, "en")).toContain("No cell was changed");
  });

  // Each patch is written as its formula, then its number format: a write stopped at command k has reached the
  // first ceil(k / 2) patches (D9, then D58).
  test.each([
    [1, ["D9"]],
    [2, ["D9"]],
    [3, ["D9", "D58"]],
  ])("the restore failing too (write stopped at %i): partly_written with exactly the cells that differ, in vi and en", async (k, reached) => {
    const { wb, excel, host, state, patches } = await checked();
    const before = snapshots(wb);
    const cellsBefore = new Map(patches.map((p) => [toA1(p.cell), JSON.stringify(wb.cell(state.sheet, toA1(p.cell)))]));
    excel.failWritesWith("GeneralException", k);
    excel.failWritesWith("GeneralException", 0);
    const e = await failure(host.applyPatches(state.sheet, patches));
    expect(e.reason).toBe("partly_written");
    const changed = patches.map((p) => toA1(p.cell)).filter((c) => JSON.stringify(wb.cell(state.sheet, c)) !== cellsBefore.get(c));
    expect(patches.map((p) => toA1(p.cell))).toEqual(["D9", "D58", "D14"]);
    expect(changed).toEqual(reached);
    expect(e.partial).toEqual({ sheet: state.sheet, cells: changed, cause: "excel_failed" });
    // Nothing but those cells changed.
    for (const s of wb.sheets) if (s.name !== state.sheet) expect(wb.snapshot(s.name)).toEqual(before[s.name]);
    const vi = workbookErrorMessage(e, "vi");
    const en = workbookErrorMessage(e, "en");
    for (const c of changed) {
      expect(vi).toContain(c);
      expect(en).toContain(c);
    }
    expect(vi).toContain("Ctrl+Z");
    expect(vi).toContain("Kiểm tra lại");
    expect(vi).not.toContain("Không có ô nào bị thay đổi");
    expect(en).toContain("Ctrl+Z");
    expect(en).not.toContain("No cell was changed");
    expect(vi).toBe(vi.normalize("NFC"));
    // The bare reason (what a caller holding only the reason shows) still says what to do.
    expect(workbookErrorMessage("partly_written", "vi")).toContain("Ctrl+Z");
    expect(workbookErrorMessage("partly_written", "en")).toContain("Ctrl+Z");
  });

  test("a long list of cells is cut with a count", async () => {
    const cells = Array.from({ length: 30 }, (_, i) => `D${i + 10}`);
    const e = new ExcelHostError("partly_written", "X", undefined, { sheet: "Phụ lục", cells, cause: "sheet_protected" });
    expect(workbookErrorMessage(e, "vi")).toContain("D21 và 18 ô khác");
    expect(workbookErrorMessage(e, "en")).toContain("D21 and 18 more");
    expect(workbookErrorMessage(e, "vi")).not.toContain("D22");
  });

  test("template insert: at every sampled write k of n, no new sheet and every sheet as before", async () => {
    const n = await writeCommands(({ host }) => host.insertTemplate({ unitName: "Sở X", year: 2024, period: "nam" }));
    expect(n).toBeGreaterThan(50);
    for (const k of points(n)) {
      const { wb, excel, host } = await checked();
      const before = snapshots(wb);
      excel.failWritesWith("GeneralException", k);
      const e = await failure(host.insertTemplate({ unitName: "Sở X", year: 2024, period: "nam" }));
      expect([k, e.reason]).toEqual([k, "excel_failed"]);
      expect(snapshots(wb)).toEqual(before);
    }
  });

  test("template insert whose half-made sheet cannot be removed: partly_written naming the sheet to delete", async () => {
    const { wb, excel, host } = await checked();
    excel.failWritesWith("GeneralException", 20);
    excel.failWritesWith("AccessDenied", 0);
    const e = await failure(host.insertTemplate({ unitName: "Sở X", year: 2024, period: "nam" }));
    expect(e.reason).toBe("partly_written");
    expect(e.partial).toMatchObject({ sheet: "Phụ lục (2)", newSheet: true, cause: "excel_failed" });
    // Honest: the sheet is there, half-made, and the message says to delete it.
    expect(wb.find("Phụ lục (2)")).toBeDefined();
    expect(workbookErrorMessage(e, "vi")).toContain("“Phụ lục (2)”");
    expect(workbookErrorMessage(e, "vi")).toContain("xóa trang tính đó");
    expect(workbookErrorMessage(e, "en")).toContain("Delete that sheet");
  });

  test("highlight with no marks before: at every write k of n, exactly as before (the user's own rules kept)", async () => {
    const n = await writeCommands(({ host, state }) => host.highlight(state.sheet, state.findings));
    expect(n).toBeGreaterThan(3);
    for (let k = 0; k < n; k++) {
      const { wb, excel, host, state } = await checked();
      const before = snapshots(wb);
      excel.failWritesWith("GeneralException", k);
      const e = await failure(host.highlight(state.sheet, state.findings));
      expect([k, e.reason]).toEqual([k, "excel_failed"]);
      expect(snapshots(wb)).toEqual(before);
    }
  });

  /** The add-in's marks on a sheet, without their ids: where, which rule, which colors. */
  const marksOf = (wb: ModelWorkbook, sheet: string) =>
    wb
      .sheet(sheet)
      .conditionalFormats.filter((cf) => cf.formula.includes("CCHC-ADDIN"))
      .map(({ areas, formula, format }) => ({ areas, formula, format }));

  test("re-marking over old marks: stopped before an old mark is deleted, the sheet exactly as before; after, the new set is completed", async () => {
    // The marks a successful re-mark with only the errors leaves.
    /** Marks as an earlier session left them (two, so that a batch can stop between deleting them). */
    const oldMarks = (wb: ModelWorkbook, sheet: string) =>
      wb.sheet(sheet).conditionalFormats.push(
        { id: "{old-error}", type: "Custom", areas: "D30:D31", formula: markFormula("error", "D30:D31"), format: { "fill.color": MARK_STYLE.error.fill } },
        { id: "{old-warning}", type: "Custom", areas: "D33", formula: markFormula("warning", "D33"), format: { "fill.color": MARK_STYLE.warning.fill } },
      );
    const ref = await checked();
    oldMarks(ref.wb, ref.state.sheet);
    // Fewer marks than before: the first three marked findings only.
    const fewer = ref.state.findings.filter((f) => f.severity !== "info").slice(0, 3);
    await ref.host.highlight(ref.state.sheet, fewer);
    const expected = marksOf(ref.wb, ref.state.sheet);
    const remark = ref.excel.syncs.filter((s) => s.kind === "write").at(-1)!.commands;
    const adds = 4 * expected.length;
    expect(remark).toBeGreaterThan(adds + 1);
    let rolledForward = 0;
    for (let k = 0; k < remark; k++) {
      const { wb, excel, host, state } = await checked();
      oldMarks(wb, state.sheet);
      const before = snapshots(wb);
      excel.failWritesWith("GeneralException", k);
      const outcome = await host.highlight(state.sheet, fewer).then(
        () => null,
        (x: unknown) => x as ExcelHostError,
      );
      // Until an old mark is deleted (the first delete is write `adds`, applied when k > adds), it is rolled back.
      if (k <= adds) {
        expect([k, outcome?.reason]).toEqual([k, "excel_failed"]);
        expect(snapshots(wb)).toEqual(before);
      } else {
        // Every new mark was in: the rest of the old ones are deleted, as a successful re-mark leaves it.
        expect([k, outcome]).toEqual([k, null]);
        rolledForward++;
        expect(marksOf(wb, state.sheet)).toEqual(expected);
        const user = (s: unknown) => (s as { conditionalFormats: ModelConditionalFormat[] }).conditionalFormats.filter((cf) => !cf.formula.includes("CCHC-ADDIN"));
        expect(user(wb.snapshot(state.sheet))).toEqual(user(before[state.sheet]));
        expect((wb.snapshot(state.sheet) as { cells: unknown }).cells).toEqual((before[state.sheet] as { cells: unknown }).cells);
      }
    }
    // Every failure after the first delete: the re-mark completes forward.
    expect(rolledForward).toBe(remark - adds - 1);
  });

  test("a clear refused at its first delete (sheet protected after marking): typed, marks and cells as they were", async () => {
    const { wb, excel, host, state } = await checked();
    await host.highlight(state.sheet, state.findings);
    const before = snapshots(wb);
    excel.failWritesWith("AccessDenied", 0);
    const e = await failure(host.clearHighlights(state.sheet));
    expect(e.reason).toBe("read_only");
    expect(snapshots(wb)).toEqual(before);
  });

  test("new marks that cannot be taken off: partly_written saying marks may be left, cells untouched", async () => {
    const { wb, excel, host, state } = await checked();
    const before = snapshots(wb);
    excel.failWritesWith("GeneralException", 1);
    excel.failWritesWith("GeneralException", 0);
    const e = await failure(host.highlight(state.sheet, state.findings));
    expect(e.reason).toBe("partly_written");
    expect(e.partial).toMatchObject({ sheet: state.sheet, marks: true, cells: [] });
    expect((wb.snapshot(state.sheet) as { cells: unknown }).cells).toEqual((before[state.sheet] as { cells: unknown }).cells);
    expect(workbookErrorMessage(e, "vi")).toContain("không bị thay đổi");
    expect(workbookErrorMessage(e, "en")).toContain("were not changed");
  });

  test("on success the budget holds: check + fill is 1 read + 1 write, highlight 1 read + 1 write", async () => {
    const wb = build(userFormats);
    const { excel, host } = hostOn(wb);
    const state = await host.check();
    if (!isFound(state)) throw new Error("not found");
    await host.applyPatches(state.sheet, state.patches);
    expect(excel.counts()).toMatchObject({ reads: 1, writes: 1, total: 2 });
    excel.reset();
    await host.highlight(state.sheet, state.findings);
    expect(excel.counts()).toMatchObject({ reads: 1, writes: 1, total: 2 });
  });
});
