/**
 * FileHost takes the combined options of the Excel adapter (no round trips here, but the pane calls one API):
 * check with settings and selection, fill with a re-check, insert with settings and the new sheet's state.
 * Each result equals what the chain of single operations gives on a second copy of the sample.
 */
import { at } from "../fixtures/a1";
import { toA1 } from "../../src/core";
import * as fs from "fs";
import * as path from "path";
import { FileHost } from "../../src/xlsx/fileHost";
import type { CheckState } from "../../src/app/host";

const SAMPLE = path.resolve(__dirname, "../../samples/phu-luc-mau-2023.xlsx");

function open(): Promise<FileHost> {
  return FileHost.open(fs.readFileSync(SAMPLE), "phu-luc-mau-2023.xlsx");
}

function found(state: CheckState | void): Extract<CheckState, { found: true }> {
  if (!state || !state.found) throw new Error("the appendix was not found in the sample");
  return state;
}

const said = (s: CheckState | void) => {
  const f = found(s);
  return { sheet: f.sheet, location: f.location, findings: f.findings, patches: f.patches, conflicts: f.conflicts };
};

describe("FileHost combined options", () => {
  it("check: the settings come back, and the first marked cell is selected", async () => {
    const host = await open();
    await host.saveSettings({ lang: "en" });
    const state = found(await host.check({ loadSettings: true, highlight: true, select: true }));
    expect(state.settings).toEqual({ lang: "en" });
    // The sample's first finding: its blank completion rate.
    expect(host.selectedCell()).toEqual(at("D12"));
    expect(said(state)).toEqual(said(await (await open()).check()));
  });

  it("fill with re-check: the state a check after the fill gives", async () => {
    const chain = await open();
    const c = found(await chain.check());
    // The sample's blank completion rate (I.1).
    expect(c.patches.map((p) => toA1(p.cell))).toEqual(["D12"]);
    await chain.applyPatches(c.sheet, c.patches);
    const reread = await chain.check();

    const host = await open();
    const s = found(await host.check());
    const after = await host.applyPatches(s.sheet, s.patches, { recheck: true, highlight: true });
    expect(said(after)).toEqual(said(reread));
    expect(await host.applyPatches(s.sheet, [])).toBeUndefined();
  });

  it("check with fill: the state read comes back and its patches are in the workbook", async () => {
    const host = await open();
    const read = found(await host.check({ fill: true }));
    expect(said(read)).toEqual(said(await (await open()).check()));
    expect(found(await host.check()).patches.length).toBeLessThan(read.patches.length);
  });

  it("insert: settings kept, and the state of the new sheet (not the sample's appendix) is given", async () => {
    const host = await open();
    let inserted: CheckState | null = null;
    const name = await host.insertTemplate({ year: 2024, settings: { unitName: "Sở Nội vụ" }, checked: (s) => (inserted = s) });
    expect(await host.loadSettings()).toEqual({ unitName: "Sở Nội vụ" });
    expect(found(inserted!).sheet).toBe(name);
    // A blank template: its yes/no and choice questions unanswered, but those not asked while their rows are 0 (the
    // survey's form I.7.2 with no survey, VII.10.4–6 with no subordinate unit): 22 of the 26. Nothing else: its
    // guarded formulas hold their result "" (no "formula without a saved result").
    expect(found(inserted!).findings.map((f) => f.code)).toEqual(Array(22).fill("flag_blank"));
    expect(found(inserted!).findings.map((f) => f.indicator)).toEqual(
      ["I.3.4", "I.3.5", "I.5", "I.6", "I.8", "II.3", "III.1", "III.2", "III.3", "III.5", "V.1.1", "V.1.2", "V.3.1", "VI.1", "VI.4"]
        .concat(["VII.1", "VII.2c", "VII.4", "VII.5", "VII.10.1", "VII.10.2", "VII.10.3"]),
    );
    // The template's guarded formulas, which nothing computes outside Excel, show "": no formula is said unsaved.
    expect(found(inserted!).findings.filter((f) => f.code === "formula_no_result")).toEqual([]);
  });
});
