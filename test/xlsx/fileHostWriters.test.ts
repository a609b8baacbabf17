/**
 * @jest-environment jsdom
 *
 * The pane's download outside Excel, in a browser-like environment, on a workbook another program wrote (XlsxWriter:
 * charts, sparklines, a chart sheet, data bars, comments, a table; test/xlsx/writers). The copy is the opened bytes with the session's fills and fixes patched in: every part but the sheet, the styles, the
 * workbook part's calc flag and the content types is byte-identical, records and compressed bytes included.
 */
import { sameCell, toA1 } from "../../src/core";
import * as fs from "fs";
import * as path from "path";
import { CopyRefusedError } from "../../src/app/hostErrors";
import { FileHost } from "../../src/xlsx/fileHost";
import { openPackage } from "../../src/xlsx/package/opc";
import { withFullCalcOnLoad } from "../../src/xlsx/package/patchWorkbook";
import { refusalText } from "../../src/xlsx/package/messages";
import { zipRecords } from "./packageCompare";

const WRITERS = path.join(__dirname, "writers");

function withoutCells(xml: string, cells: readonly string[]): string {
  let out = xml;
  for (const cell of cells) out = out.replace(new RegExp(`<(\\w+:)?c r="${cell}"(\\s[^>]*?)?(/>|>[\\s\\S]*?</(\\w+:)?c>)`), "");
  return out;
}

async function opened(writer: string) {
  const bytes = new Uint8Array(fs.readFileSync(path.join(WRITERS, `${writer}.xlsx`)));
  const host = await FileHost.open(bytes.slice(), `${writer}.xlsx`);
  const state = await host.check();
  if (!state.found) throw new Error(`no appendix found in ${writer}.xlsx`);
  return { bytes, host, state };
}

describe.each(["xlsxwriter"])("the download of a %s workbook", (writer) => {
  it("is the opened workbook with only the filled and fixed cells changed", async () => {
    const { bytes, host, state } = await opened(writer);
    expect(state.patches.length).toBe(1); // one computed cell left blank (as cchc fill says of the same file)
    await host.applyPatches(state.sheet, state.patches);
    const fixable = state.findings.find((f) => f.fix && !state.patches.some((p) => sameCell(p.cell, f.fix!.cell)));
    if (fixable) await host.applyFix(state.sheet, fixable.fix!, { replace: true });
    const targets = [...state.patches.map((p) => toA1(p.cell)), ...(fixable ? [toA1(fixable.fix!.cell)] : [])];

    const copy = await host.download();
    expect(copy.fileName).toBe(`${writer}-da-dien.xlsx`);
    const a = zipRecords(bytes);
    const b = zipRecords(copy.bytes);
    expect(b.map((r) => r[0])).toEqual(a.map((r) => r[0]));
    const before = openPackage(bytes);
    const after = openPackage(copy.bytes);
    const sheetPart = before.sheets.find((s) => s.name === state.sheet)!.part;
    const allowed = new Set([sheetPart, "xl/styles.xml", "xl/workbook.xml", "[Content_Types].xml"]);
    const changed = b.filter((r, i) => r[1] !== a[i][1] || r[2] !== a[i][2]).map((r) => r[0]);
    expect(changed.filter((name) => !allowed.has(name))).toEqual([]);
    expect(changed).toContain(sheetPart);
    expect(a.length).toBeGreaterThanOrEqual(14);
    expect(after.text("xl/workbook.xml")).toBe(withFullCalcOnLoad(before.text("xl/workbook.xml")));

    const s0 = withoutCells(before.text(sheetPart), targets);
    const s1 = withoutCells(after.text(sheetPart), targets);
    let i = 0;
    while (i < s0.length && s0[i] === s1[i]) i++;
    expect([s0.length === s1.length && i === s0.length, s1.slice(i - 80, i + 80)]).toEqual([true, s0.slice(i - 80, i + 80)]);
    // The rate holds its formula and value.
    const rate = state.patches[0];
    expect(after.text(sheetPart)).toMatch(new RegExp(`<c r="${toA1(rate.cell)}"[^>]*><f>${rate.formula.replace(/^=/, "").replace(/[()*/.+]/g, "\\$&")}</f><v>${rate.cellValue}</v></c>`));
  });

  it("is the opened bytes themselves when nothing was written", async () => {
    const { bytes, host } = await opened(writer);
    const copy = await host.download();
    expect(Buffer.from(copy.bytes).equals(Buffer.from(bytes))).toBe(true);
  });
});

it("is refused with the writer's sentence, in both languages, when the writer cannot be sure of the copy", async () => {
  const { host, state } = await opened("xlsxwriter");
  const f = state.findings.find((x) => x.fix)!;
  await host.applyFix(state.sheet, { ...f.fix!, cellValue: Number.NaN }, { replace: true });
  const error = await host.download().then(
    () => null,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(CopyRefusedError);
  const refusal = { reason: "bad_value", cell: toA1(f.fix!.cell) } as const;
  expect((error as CopyRefusedError).reasons).toEqual({ vi: refusalText(refusal, "vi"), en: refusalText(refusal, "en") });
});
