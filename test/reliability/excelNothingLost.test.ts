// office-addin-mock imports office-addin-manifest only for its OfficeApp enum, whose own dependency is ESM-only: jest cannot load it.
jest.mock("office-addin-manifest", () => ({ OfficeApp: { Excel: "Excel", Outlook: "Outlook" } }));

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
import { columnLetters, fromA1 } from "../../src/core/address";
import type { CellValue } from "../../src/core/grid";
import { ExcelHostError } from "../../src/excel/errors";
import { excelErrorMessage } from "../../src/excel/messages";
import type { CheckState } from "../../src/taskpane/host";
import { MockWorkbook, type MockSheet } from "../excel/countingMock";
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

function build(spec: Spec): MockWorkbook {
  const wb = new MockWorkbook();
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

function snapshots(wb: MockWorkbook): Record<string, unknown> {
  return Object.fromEntries(wb.sheets.map((s) => [s.name, wb.snapshot(s.name)]));
}

function cellsOf(s: MockSheet): Map<string, unknown> {
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
          const a = fromA1(p.cell)!;
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
        const a = fromA1(p.cell)!;
        const was = cellsBefore.get(`${a.row}:${a.col}`);
        const old = was ? (JSON.parse(was as string) as { value: unknown; formula: string }) : { value: "", formula: "" };
        // Blank, or holding the value (or the very formula) the calculator writes.
        const agreed = old.value === "" || old.value === p.value || old.formula === p.formula || (typeof old.value === "number" && Math.abs(old.value - p.value) < 0.005);
        expect([p.cell, old, agreed]).toEqual([p.cell, old, true]);
        expect(wb.cell(state.sheet, p.cell).formula).toBe(p.formula);
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
    ["AccessDenied", "sheet_protected"],
    ["ItemNotFound", "sheet_missing"],
    ["ApiNotFound", "api_unsupported"],
    ["RequestPayloadSizeLimitExceeded", "payload_too_large"],
  ])("%s on the first write: typed %s, a sentence in both languages, no cell changed", async (code, reason) => {
    const { wb, excel, host, state } = await failing();
    const before = snapshots(wb);
    excel.failWritesWith(code, 0);
    const e = await host.applyPatches(state.sheet, state.patches).then(
      () => null,
      (x: unknown) => x,
    );
    expect(e).toBeInstanceOf(ExcelHostError);
    expect((e as ExcelHostError).reason).toBe(reason);
    expect(excelErrorMessage((e as ExcelHostError).reason, "vi")).toMatch(/\.$/);
    expect(excelErrorMessage((e as ExcelHostError).reason, "en")).toMatch(/\.$/);
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
    expect(excelErrorMessage("sheet_protected", "vi")).toContain("bỏ bảo vệ trang tính");
    expect(snapshots(wb)).toEqual(before);
  });
});
