/**
 * @jest-environment jsdom
 */

/**
 * The ribbon's function commands against the counting Excel: what they write and mark, what they say, and that
 * `event.completed()` is called exactly once in every case, after the notice is closed.
 */
import { cellA1, type Finding } from "../../src/core";
import { RealExcel } from "../excel/realClient/realExcel";
import { ModelWorkbook } from "../excel/realClient/workbook";
import { APPENDIX, hostOn, markedCells, SEED_WARNING_CELLS, seedWorkbook } from "../excel/workbooks";
import { viWorkbookErrors } from "../../src/app/hostErrorMessages";
import { SETTINGS_KEY } from "../../src/excel/settings";
import { enCommands, viCommands } from "../../src/commands/messages";
import { ackKey, fingerprint, splitAcknowledged } from "../../src/app/acknowledgements";
import type { Acknowledged } from "../../src/app/settings";

type Handler = (event: { completed: () => void }) => Promise<void>;

interface Stage {
  excel: RealExcel;
  commands: Record<string, Handler>;
  notices: { title: string; text: string; close: string }[];
  dialogOpens: boolean;
}

/** Installs Office and Excel globals on `wb`, loads commands.ts fresh, returns what it registered. */
async function stage(wb: ModelWorkbook, options: { dialogOpens?: boolean; displayLanguage?: string } = {}): Promise<Stage> {
  const excel = new RealExcel(wb);
  const s: Stage = { excel, commands: {}, notices: [], dialogOpens: options.dialogOpens ?? true };
  (globalThis as Record<string, unknown>).Excel = { run: (batch: (c: unknown) => Promise<unknown>) => excel.run(batch as never) };
  (globalThis as Record<string, unknown>).Office = {
    AsyncResultStatus: { Succeeded: "succeeded", Failed: "failed" },
    EventType: { DialogMessageReceived: "dialogMessageReceived", DialogEventReceived: "dialogEventReceived" },
    onReady: (cb: () => void) => cb(),
    actions: { associate: (name: string, fn: Handler) => (s.commands[name] = fn) },
    context: {
      displayLanguage: options.displayLanguage ?? "vi-VN",
      requirements: { isSetSupported: (_name: string, v: string) => ["1.9", "1.14"].includes(v) },
      ui: {
        displayDialogAsync: (url: string, _opts: unknown, cb: (r: unknown) => void) => {
          if (!s.dialogOpens) return cb({ status: "failed", error: { code: 12007, message: "blocked" } });
          const q = new URL(url).searchParams;
          s.notices.push({ title: q.get("title") ?? "", text: q.get("text") ?? "", close: q.get("close") ?? "" });
          const handlers: Record<string, (arg: unknown) => void> = {};
          cb({
            status: "succeeded",
            value: { addEventHandler: (type: string, h: (arg: unknown) => void) => (handlers[type] = h), close: () => undefined },
          });
          // the user reads the notice and presses the close button
          setTimeout(() => handlers.dialogMessageReceived?.({ message: "close" }), 5);
        },
      },
    },
  };
  await jest.isolateModulesAsync(async () => {
    await import("../../src/commands/commands");
  });
  return s;
}

async function press(s: Stage, name: string): Promise<number> {
  let completed = 0;
  await s.commands[name]({ completed: () => completed++ });
  return completed;
}

afterEach(() => {
  delete (globalThis as Record<string, unknown>).Excel;
  delete (globalThis as Record<string, unknown>).Office;
});

test("both manifest functions are registered", async () => {
  expect(Object.keys((await stage(seedWorkbook())).commands).sort()).toEqual(["checkSheet", "fillTotals"]);
});

test("check: marks the findings, goes to the first, says how many, changes no value", async () => {
  const wb = seedWorkbook();
  const cells = JSON.stringify([...wb.sheet(APPENDIX).cells]);
  const s = await stage(wb);
  expect(await press(s, "checkSheet")).toBe(1);
  expect(markedCells(wb)).toEqual(SEED_WARNING_CELLS);
  expect(wb.selection?.sheet).toBe(APPENDIX);
  expect(JSON.stringify([...wb.sheet(APPENDIX).cells])).toBe(cells);
  expect(s.notices).toHaveLength(1);
  expect(s.notices[0].title).toBe(viCommands.title);
  // The seed's 0 errors and 11 warnings.
  expect(s.notices[0].text).toMatch(/^Trang tính “Phụ lục”: 0 lỗi, 11 cảnh báo\./);
});

test("fill: writes blank computed cells, leaves a different user value alone and marks it", async () => {
  const wb = seedWorkbook();
  const probe = await stage(wb);
  await press(probe, "fillTotals");
  const written = [...wb.sheet(APPENDIX).cells].filter(([, c]) => c.formula.startsWith("=")).length;
  // The seed's blank completion rate (I.1), the one computed cell it leaves blank.
  expect(written).toBe(1);
  expect(probe.notices[0].text).toBe(viCommands.filled(written, 0));

  const other = seedWorkbook();
  const target = [...wb.sheet(APPENDIX).cells].find(([, c]) => c.formula.startsWith("="))![0];
  other.sheet(APPENDIX).cells.set(target, { value: 50, formula: "50", numberFormat: "General" });
  const s = await stage(other);
  expect(await press(s, "fillTotals")).toBe(1);
  expect(other.sheet(APPENDIX).cells.get(target)).toMatchObject({ value: 50, formula: "50" });
  // The seed's blank rate D9, now holding a different value: the conflict is the one mark.
  expect(markedCells(other)).toEqual(["D9"]);
  expect(s.notices[0].text).toContain("chưa bị ghi đè");
});

test("no appendix: says so and writes nothing", async () => {
  const wb = new ModelWorkbook();
  wb.addSheet("Sheet1", [["x"]]);
  const s = await stage(wb);
  expect(await press(s, "fillTotals")).toBe(1);
  expect(s.notices[0].text).toBe(
    "Không tìm thấy phụ lục thống kê CCHC trong sổ làm việc (không có dòng tiêu đề “Chỉ tiêu thống kê” và các chỉ tiêu của mẫu). Hãy mở ngăn kiểm tra để chèn mẫu Phụ lục.",
  );
  expect(s.excel.syncs.filter((x) => x.kind === "write")).toHaveLength(0);
});

test("a protected sheet: the error sentence, and the event still completes", async () => {
  const wb = seedWorkbook();
  wb.sheet(APPENDIX).protected = true;
  const logged = jest.spyOn(console, "error").mockImplementation(() => undefined);
  const s = await stage(wb);
  expect(await press(s, "fillTotals")).toBe(1);
  expect(s.notices[0].text).toBe(viWorkbookErrors.sheet_protected);
  expect(logged).toHaveBeenCalled();
  logged.mockRestore();
});

test("the notice cannot open: the event completes anyway", async () => {
  const s = await stage(seedWorkbook(), { dialogOpens: false });
  const logged = jest.spyOn(console, "error").mockImplementation(() => undefined);
  expect(await press(s, "checkSheet")).toBe(1);
  expect(s.notices).toHaveLength(0);
  logged.mockRestore();
});

test.each([
  [{ lang: "en" }, "vi-VN", enCommands.title],
  [null, "en-US", enCommands.title],
  [null, "vi-VN", viCommands.title],
])("language: setting %j, Office in %s -> %s", async (settings, displayLanguage, title) => {
  const wb = seedWorkbook();
  if (settings) wb.settings.set(SETTINGS_KEY, JSON.stringify(settings));
  const s = await stage(wb, { displayLanguage });
  await press(s, "checkSheet");
  expect(s.notices[0].title).toBe(title);
});

test.each([
  // check: the seed's warnings are marked (and marked again on the second press)
  ["checkSheet", [{ reads: 1, writes: 1 }, { reads: 1, writes: 1 }]],
  // fill: D9 written on the first press; nothing left to write or mark on the second
  ["fillTotals", [{ reads: 1, writes: 1 }, { reads: 1, writes: 0 }]],
])("%s: one read and at most one write against Excel, pressed once and again", async (name, presses) => {
  const wb = seedWorkbook();
  wb.settings.set(SETTINGS_KEY, JSON.stringify({ lang: "en" }));
  const s = await stage(wb);
  for (const [i, expected] of presses.entries()) {
    s.excel.reset();
    expect(await press(s, name)).toBe(1);
    // the language comes from the settings read with the sheets, not from a read of its own
    expect(s.excel.counts()).toMatchObject({ ...expected, mixed: 0 });
    expect(s.notices[i].title).toBe(enCommands.title);
  }
});

test("check: the marks and selection equal those of check + highlight + select", async () => {
  const chained = seedWorkbook();
  const { host } = hostOn(chained);
  const state = await host.check();
  if (!state.found) throw new Error("not found");
  await host.highlight(state.sheet, state.findings);
  await host.select(state.sheet, state.findings[0].cell);

  const wb = seedWorkbook();
  const s = await stage(wb);
  await press(s, "checkSheet");
  const marks = (w: ModelWorkbook) => w.sheet(APPENDIX).conditionalFormats.map((cf) => ({ areas: cf.areas, formula: cf.formula, format: cf.format }));
  expect(marks(wb)).toEqual(marks(chained));
  expect(wb.selection).toEqual(chained.selection);
  expect(s.excel.counts()).toMatchObject({ reads: 1, writes: 1, mixed: 0 });
});

describe("warnings acknowledged in the pane (kept in the workbook's settings)", () => {
  /** The seed's findings (no error, eleven warnings) and the acknowledgements of those `pick` chooses, as the pane saves them. */
  async function acknowledge(pick: (f: Finding) => boolean): Promise<{ findings: readonly Finding[]; acknowledged: Acknowledged }> {
    const { host } = hostOn(seedWorkbook());
    const state = await host.check();
    if (!state.found) throw new Error("the seed appendix was not found");
    const acknowledged = Object.fromEntries(state.findings.filter(pick).map((f) => [ackKey(f), { reason: "đã kiểm tra", fingerprint: fingerprint(f) }]));
    return { findings: state.findings, acknowledged };
  }

  const D22_D43 = (f: Finding) => (f.code === "flag_blank" && cellA1(f.cell) === "D22") || (f.code === "number_stored_as_text" && cellA1(f.cell) === "D43");

  test("check: neither counted nor marked, and the notice says how many were left out", async () => {
    const { findings, acknowledged } = await acknowledge(D22_D43);
    expect(findings.map((f) => f.severity)).toEqual(Array(11).fill("warning"));
    expect(Object.keys(acknowledged)).toHaveLength(2);

    const plain = seedWorkbook();
    await press(await stage(plain), "checkSheet");
    expect(markedCells(plain)).toEqual(SEED_WARNING_CELLS);

    const wb = seedWorkbook();
    wb.settings.set(SETTINGS_KEY, JSON.stringify({ acknowledged }));
    const s = await stage(wb);
    expect(await press(s, "checkSheet")).toBe(1);
    expect(s.notices[0].text).toBe(`${viCommands.checked(0, 9, APPENDIX)} ${viCommands.openPane} ${viCommands.acknowledged(2)}`);
    expect(markedCells(wb)).toEqual(["D9", "D19", "D33", "D44", "D50", "D124", "E146", "E175", "E190"]);
    expect(wb.selection).toEqual({ sheet: APPENDIX, address: "D9" });
    expect(s.excel.counts()).toMatchObject({ reads: 1, writes: 1, mixed: 0 });
  });

  test("check: the ribbon's marks are the pane's (check, then highlight of the findings not acknowledged)", async () => {
    const { acknowledged } = await acknowledge(D22_D43);
    const pane = seedWorkbook();
    pane.settings.set(SETTINGS_KEY, JSON.stringify({ acknowledged }));
    const { host } = hostOn(pane);
    const state = await host.check({ loadSettings: true });
    if (!state.found) throw new Error("not found");
    await host.highlight(state.sheet, splitAcknowledged(state.findings, state.settings?.acknowledged).active);

    const ribbon = seedWorkbook();
    ribbon.settings.set(SETTINGS_KEY, JSON.stringify({ acknowledged }));
    await press(await stage(ribbon), "checkSheet");
    const marks = (w: ModelWorkbook) => w.sheet(APPENDIX).conditionalFormats.map((cf) => ({ areas: cf.areas, formula: cf.formula, format: cf.format }));
    expect(marks(ribbon)).toEqual(marks(pane));
  });

  test("check: every warning acknowledged reads clean, and the earlier marks are taken off", async () => {
    const { acknowledged } = await acknowledge(() => true);
    const wb = seedWorkbook();
    const s = await stage(wb);
    await press(s, "checkSheet");
    expect(markedCells(wb)).toEqual(SEED_WARNING_CELLS);
    wb.settings.set(SETTINGS_KEY, JSON.stringify({ acknowledged }));
    await press(s, "checkSheet");
    expect(s.notices[1].text).toBe(`${viCommands.clean(APPENDIX)} ${viCommands.acknowledged(11)}`);
    expect(markedCells(wb)).toEqual([]);
  });

  test("check: an acknowledgement whose values changed counts and marks its warning again", async () => {
    const { acknowledged } = await acknowledge(D22_D43);
    const wb = seedWorkbook();
    wb.settings.set(SETTINGS_KEY, JSON.stringify({ acknowledged }));
    await wb.userEdit(APPENDIX, "D43", "03");
    const s = await stage(wb);
    await press(s, "checkSheet");
    expect(s.notices[0].text).toBe(`${viCommands.checked(0, 10, APPENDIX)} ${viCommands.openPane} ${viCommands.acknowledged(1)}`);
    expect(markedCells(wb)).toEqual(SEED_WARNING_CELLS.filter((c) => c !== "D22"));
  });

  test("the notice in English", async () => {
    const { acknowledged } = await acknowledge(D22_D43);
    const wb = seedWorkbook();
    wb.settings.set(SETTINGS_KEY, JSON.stringify({ lang: "en", acknowledged }));
    const s = await stage(wb);
    await press(s, "checkSheet");
    expect(s.notices[0].text).toBe(`${enCommands.checked(0, 9, APPENDIX)} ${enCommands.openPane} ${enCommands.acknowledged(2)}`);
    expect(enCommands.acknowledged(2)).toBe("2 warnings acknowledged in the checker pane are neither counted nor marked.");
  });
});
