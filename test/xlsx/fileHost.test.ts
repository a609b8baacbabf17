/** FileHost: the pane's host outside Excel, over the shipped sample, in Node (the same code runs in the browser). */
import { cellA1, type CellRef, sameCell, toA1 } from "../../src/core";
import { at } from "../fixtures/a1";
import * as fs from "fs";
import * as path from "path";
import ExcelJS from "exceljs";
import { copyName, FileHost } from "../../src/xlsx/fileHost";
import { HostError } from "../../src/app/hostErrors";

const SAMPLE = path.resolve(__dirname, "../../samples/phu-luc-mau-2023.xlsx");

async function openSample(): Promise<{ host: FileHost; bytes: Buffer }> {
  const bytes = fs.readFileSync(SAMPLE);
  return { host: await FileHost.open(bytes, "phu-luc-mau-2023.xlsx"), bytes };
}

async function found(host: FileHost) {
  const state = await host.check();
  if (!state.found) throw new Error(`appendix not found in the sample (sheets: ${state.sheets.join(", ")})`);
  return state;
}

async function reopen(bytes: Uint8Array): Promise<ExcelJS.Workbook> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(bytes as unknown as ExcelJS.Buffer);
  return wb;
}

describe("FileHost", () => {
  it("finds the sample's appendix and previews its rows as text", async () => {
    const { host } = await openSample();
    const state = await found(host);
    const preview = host.preview();
    expect(preview?.sheet).toBe(state.sheet);
    const rate = preview!.rows.find((r) => r.id === "I.1")!;
    expect(rate.label).toMatch(/^Tỷ lệ hoàn thành Kế hoạch CCHC năm/);
    expect(rate.unit).toBe("%");
    expect(rate.value).toBe("");
    expect(preview!.rows.filter((r) => r.section).map((r) => r.id)).toEqual(["I", "II", "III", "IV", "V", "VI", "VII"]);
  });

  it("writes the fill into the downloaded copy as a formula with its value, leaving the input bytes alone", async () => {
    const { host, bytes } = await openSample();
    const before = Buffer.from(bytes);
    const state = await found(host);
    const rate = state.patches.find((p) => p.indicator === "I.1");
    expect(rate).toMatchObject({ value: 87.23 });
    await host.applyPatches(state.sheet, state.patches);
    const after = await found(host);
    expect(after.patches).toEqual([]);
    expect(after.findings.some((f) => sameCell(f.cell, rate!.cell) && f.code === "computed_value_missing")).toBe(false);

    const copy = await host.download();
    expect(copy.fileName).toBe("phu-luc-mau-2023-da-dien.xlsx");
    const cell = (await reopen(copy.bytes)).getWorksheet(state.sheet)!.getCell(toA1(rate!.cell));
    expect(cell.formula).toBe(rate!.formula.replace(/^=/, ""));
    expect(cell.result).toBe(87.23);
    expect(Buffer.compare(bytes, before)).toBe(0);
  });

  it("applies a fix over typed text only when told to replace it, as a number", async () => {
    const { host } = await openSample();
    const state = await found(host);
    const f = state.findings.find((x) => x.code === "number_stored_as_text" && x.fix)!;
    expect(await host.applyFix(state.sheet, f.fix!)).toEqual({
      written: false,
      sheet: state.sheet,
      before: { cell: f.fix!.cell, cellValue: f.actual, numberFormat: expect.any(String) },
    });
    expect(await host.download().then((c) => Buffer.from(c.bytes).equals(fs.readFileSync(SAMPLE)))).toBe(true);
    expect((await host.applyFix(state.sheet, f.fix!, { replace: true })).written).toBe(true);
    const after = await found(host);
    expect(after.findings.some((x) => sameCell(x.cell, f.cell) && x.code === f.code)).toBe(false);
    const cell = (await reopen((await host.download()).bytes)).getWorksheet(state.sheet)!.getCell(cellA1(f.cell));
    expect(cell.value).toBe(f.fix!.value);
  });

  it("undoes a fix: the cell as before in the session's checks, and the copy is the file's own bytes again", async () => {
    const { host, bytes } = await openSample();
    const state = await found(host);
    const f = state.findings.find((x) => x.code === "number_stored_as_text" && x.fix)!;
    const outcome = await host.applyFix(state.sheet, f.fix!, { replace: true });
    if (!outcome.written) throw new Error("not written");
    expect(outcome.change.before).toMatchObject({ cellValue: f.actual });
    expect(outcome.change.after).toMatchObject({ cellValue: f.fix!.cellValue });
    expect(await host.undoFix(outcome.change)).toEqual({ undone: true });
    const again = await found(host);
    expect(again.findings.filter((x) => x.code === f.code).map((x) => cellA1(x.cell))).toEqual(
      state.findings.filter((x) => x.code === f.code).map((x) => cellA1(x.cell)),
    );
    expect(Buffer.from((await host.download()).bytes).equals(bytes)).toBe(true);
  });

  it("undoes a fix over a filled cell back to the fill (formula and format), and never over a cell written since", async () => {
    const { host } = await openSample();
    const state = await found(host);
    const rate = state.patches.find((p) => p.indicator === "I.1")!;
    await host.applyPatches(state.sheet, [rate]);
    const fix = { cell: rate.cell, value: 90, cellValue: 90, numberFormat: "0.0" };
    expect((await host.applyFix(state.sheet, fix)).written).toBe(false);
    const outcome = await host.applyFix(state.sheet, fix, { replace: true });
    if (!outcome.written) throw new Error("not written");
    expect(outcome.change.before).toMatchObject({ formula: rate.formula, numberFormat: rate.numberFormat });
    expect(await host.undoFix(outcome.change)).toEqual({ undone: true });
    let cell = (await reopen((await host.download()).bytes)).getWorksheet(state.sheet)!.getCell(toA1(rate.cell));
    expect([cell.formula, cell.numFmt]).toEqual([rate.formula.replace(/^=/, ""), rate.numberFormat]);

    // Fixed again, then written over by another fix before the undo: the later write stays.
    const second = await host.applyFix(state.sheet, fix, { replace: true });
    if (!second.written) throw new Error("not written");
    await host.applyFix(state.sheet, { ...fix, value: 91, cellValue: 91 }, { replace: true });
    expect(await host.undoFix(second.change)).toEqual({ undone: false, now: { cell: rate.cell, cellValue: 91, numberFormat: "0.0" } });
    cell = (await reopen((await host.download()).bytes)).getWorksheet(state.sheet)!.getCell(toA1(rate.cell));
    expect(cell.value).toBe(91);
  });

  it("inserts the template as a new sheet without replacing the existing one; the download is then the template alone", async () => {
    const { host } = await openSample();
    const state = await found(host);
    const name = await host.insertTemplate({ unitName: "Sở Nội vụ", year: 2024, period: "nam" });
    expect(name).not.toBe(state.sheet);
    // A new sheet cannot be patched into the user's package: the copy is a new workbook with the template sheet.
    const wb = await reopen((await host.download()).bytes);
    expect(wb.worksheets).toHaveLength(1);
    expect(wb.worksheets[0].getCell("A1").value).toBe("SỞ NỘI VỤ");
    // Once the user's own sheet is filled too, no copy holds both: none is offered.
    await host.applyPatches(state.sheet, state.patches);
    await expect(host.download()).rejects.toMatchObject({ code: "copy_with_template" });
  });

  it("keeps settings for the session and tells listeners which cell was selected", async () => {
    const { host } = await openSample();
    await host.saveSettings({ lang: "en", acknowledged: { k: { reason: "r", fingerprint: "f" } } });
    expect(await host.loadSettings()).toEqual({ lang: "en", acknowledged: { k: { reason: "r", fingerprint: "f" } } });
    const seen: CellRef[] = [];
    const off = host.onSelect((c) => seen.push(c));
    await host.select("Phụ lục", at("D22"));
    off();
    await host.select("Phụ lục", at("D25"));
    expect(seen).toEqual([at("D22")]);
    expect(host.selectedCell()).toEqual(at("D25"));
  });

  it.each([
    ["text", Buffer.from("STT,Chỉ tiêu\n1,2\n"), "not_xlsx"],
    ["an old .xls", Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]), "old_xls"],
    ["a damaged zip", Buffer.from([0x50, 0x4b, 0x03, 0x04, 1, 2, 3]), "read_failed"],
    ["nothing", Buffer.alloc(0), "empty"],
  ] as const)("refuses %s with a HostError the pane can say", async (_what, bytes, code) => {
    const error = await FileHost.open(bytes, "x.xlsx").then(
      () => null,
      (e: unknown) => e,
    );
    expect(error).toBeInstanceOf(HostError);
    expect((error as HostError).code).toBe(code);
  });

  it("never names the copy like the original, and names it for what it holds", async () => {
    expect(copyName("Báo cáo.XLSX", "filled")).toBe("Báo cáo-da-dien.xlsx");
    expect(copyName(".xlsx", "filled")).toBe("phu-luc-da-dien.xlsx");
    expect(copyName("Báo cáo.xlsx", "unchanged")).toBe("Báo cáo-ban-goc.xlsx");
    expect(copyName("Báo cáo.xlsx", "template")).toBe("Báo cáo-mau-phu-luc.xlsx");

    // Nothing written: the file as opened, never called filled.
    const { host, bytes } = await openSample();
    const state = await found(host);
    expect(host.copyKind()).toBe("unchanged");
    const same = await host.download();
    expect([same.kind, same.fileName]).toEqual(["unchanged", "phu-luc-mau-2023-ban-goc.xlsx"]);
    expect(Buffer.compare(Buffer.from(same.bytes), Buffer.from(bytes))).toBe(0);
    // One fix is enough to make it a filled copy.
    const f = state.findings.find((x) => x.code === "number_stored_as_text" && x.fix)!;
    const fixed = await host.applyFix(state.sheet, f.fix!, { replace: true });
    expect(host.copyKind()).toBe("filled");
    expect((await host.download()).fileName).toBe("phu-luc-mau-2023-da-dien.xlsx");
    // Undone, the copy is the file as opened again.
    if (!fixed.written) throw new Error("the fix was not written");
    expect((await host.undoFix(fixed.change)).undone).toBe(true);
    expect(host.copyKind()).toBe("unchanged");
    // A template inserted in the session: the copy is that template.
    const other = (await openSample()).host;
    await other.insertTemplate({ unitName: "Sở Nội vụ", year: 2024, period: "nam" });
    expect(other.copyKind()).toBe("template");
    expect((await other.download()).fileName).toBe("phu-luc-mau-2023-mau-phu-luc.xlsx");
  });
});
