/**
 * Comparing a workbook before and after a surgical write: its zip records byte for byte, and what LibreOffice shows
 * of every sheet once it has recalculated.
 */
import { readZip } from "../../src/xlsx/package/zip";
import { displayedSheets } from "./libreoffice";

/** Each entry's local record and central record (its offset field zeroed), in archive order. */
export function zipRecords(bytes: Uint8Array): [string, string, string][] {
  const z = readZip(bytes);
  const hex = (b: Uint8Array) => Buffer.from(b).toString("hex");
  return z.entries.map((e) => {
    const central = new Uint8Array(bytes.subarray(e.centralStart, e.centralEnd));
    central.fill(0, 42, 46);
    return [e.name, hex(bytes.subarray(e.localOffset, e.recordEnd)), hex(central)];
  });
}

/**
 * LibreOffice, recalculating both files, shows every sheet of `output` as it shows `input`'s, except the appendix
 * sheet's D4 (the completion rate, 41 of 47 tasks: blank in the input, 87.23 in the output).
 */
export function expectOnlyD4Filled(input: string, output: string, isAppendix: (sheet: string) => boolean): void {
  const a = displayedSheets(input);
  const b = displayedSheets(output);
  expect([...b.keys()]).toEqual([...a.keys()]);
  for (const [sheet, text] of a) {
    if (!isAppendix(sheet)) {
      expect([sheet, b.get(sheet)]).toEqual([sheet, text]);
      continue;
    }
    const rowsA = text.split("\n");
    const rowsB = b.get(sheet)!.split("\n");
    expect(rowsB.length).toBe(rowsA.length);
    expect(rowsA[3].split(",")[3]).toBe("");
    expect(rowsB[3].split(",")[3]).toBe("87.23");
    rowsA.forEach((row, i) => {
      if (i !== 3) expect([i, rowsB[i]]).toEqual([i, row]);
    });
  }
}
