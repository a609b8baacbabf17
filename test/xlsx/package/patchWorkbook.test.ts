/**
 * The surgical writer at the package level: styles cloned (never edited), the calc flag, the calculation chain,
 * and every other entry copied byte for byte (local record and central record), data descriptors included.
 */
import { at } from "../../fixtures/a1";
import { execFileSync } from "child_process";
import * as fs from "fs";
import * as path from "path";
import fc from "fast-check";
import { columnLetters } from "../../../src/core";
import { patchWorkbook, withFullCalcOnLoad, withoutChainEntries } from "../../../src/xlsx/package/patchWorkbook";
import { crc32 } from "../../../src/xlsx/package/crc32";
import { readZip, writeZip, zipOf } from "../../../src/xlsx/package/zip";
import { book, partText, sheetData, STYLES } from "./parts";
import { tempDir } from "../../fixtures/tempDir";

/** Each entry's local record and central record (offset field zeroed), by name. */
function records(bytes: Uint8Array): Map<string, { local: string; central: string }> {
  const z = readZip(bytes);
  const hex = (b: Uint8Array) => Buffer.from(b).toString("hex");
  return new Map(
    z.entries.map((e) => {
      const central = new Uint8Array(bytes.subarray(e.centralStart, e.centralEnd));
      central.fill(0, 42, 46);
      return [e.name, { local: hex(bytes.subarray(e.localOffset, e.recordEnd)), central: hex(central) }];
    }),
  );
}

describe("number formats", () => {
  const body = '<row r="1"><c r="A1" s="1"><v>3420</v></c><c r="B1" s="1"/><c r="C1" s="2"/></row>';

  test("a style shared with other cells is cloned, never edited", () => {
    const r = patchWorkbook(book({ sheets: { S: body } }), "S", [{ cell: at("B1"), cellValue: 1.5, formula: "=A1/2280", numberFormat: "0.00" }]);
    if (!r.ok) throw new Error(JSON.stringify(r.refusal));
    expect(sheetData(r.bytes)).toBe('<row r="1"><c r="A1" s="1"><v>3420</v></c><c r="B1" s="3"><f>A1/2280</f><v>1.5</v></c><c r="C1" s="2"/></row>');
    const styles = partText(r.bytes, "xl/styles.xml");
    // The clone is xf 1 with the built-in "0.00" (id 2); xf 1 itself, and everything else, as it was.
    const xf1 = '<xf numFmtId="0" fontId="0" fillId="1" borderId="0" xfId="0" applyFill="1"><alignment wrapText="1"/></xf>';
    const clone = '<xf numFmtId="2" fontId="0" fillId="1" borderId="0" xfId="0" applyFill="1" applyNumberFormat="1"><alignment wrapText="1"/></xf>';
    expect(styles).toBe(STYLES.replace('<cellXfs count="3">', '<cellXfs count="4">').replace("</cellXfs>", `${clone}</cellXfs>`));
    expect(styles).toContain(xf1);
  });

  test("a cell already showing the format keeps its style", () => {
    const r = patchWorkbook(book({ sheets: { S: body } }), "S", [{ cell: at("C1"), cellValue: 1, numberFormat: "0.00" }]);
    expect(r.ok && r.changedParts).toEqual(["xl/worksheets/sheet1.xml", "xl/workbook.xml"]);
  });

  test("a format Excel does not have is declared once, and cells asking the same share one clone", () => {
    const r = patchWorkbook(book({ sheets: { S: body } }), "S", [
      { cell: at("A2"), cellValue: 1, numberFormat: '0.000" đ"' },
      { cell: at("B2"), cellValue: 2, numberFormat: '0.000" đ"' },
    ]);
    if (!r.ok) throw new Error(JSON.stringify(r.refusal));
    expect(sheetData(r.bytes)).toContain('<row r="2"><c r="A2" s="3"><v>1</v></c><c r="B2" s="3"><v>2</v></c></row>');
    const styles = partText(r.bytes, "xl/styles.xml");
    expect(styles).toContain('<styleSheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><numFmts count="1"><numFmt numFmtId="164" formatCode="0.000&quot; đ&quot;"/></numFmts><fonts');
    expect(styles).toContain('<xf numFmtId="164" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/></cellXfs>');
  });
});

describe("the workbook part", () => {
  test.each([
    ["no calcPr: one is added before the parts that follow it", "<sheets/><definedNames/><extLst/>", '<sheets/><definedNames/><calcPr fullCalcOnLoad="1"/><extLst/>'],
    ["no calcPr and nothing after", "<sheets/>", '<sheets/><calcPr fullCalcOnLoad="1"/>'],
    ["a calcPr gets the flag, its other attributes kept", '<sheets/><calcPr calcId="191029"/>', '<sheets/><calcPr calcId="191029" fullCalcOnLoad="1"/>'],
    ["a flag already set: unchanged", '<sheets/><calcPr fullCalcOnLoad="1" calcId="1"/>', '<sheets/><calcPr fullCalcOnLoad="1" calcId="1"/>'],
  ])("%s", (_name, inner, expected) => {
    expect(withFullCalcOnLoad(`<?xml version="1.0"?><workbook xmlns="m">${inner}</workbook>`)).toBe(`<?xml version="1.0"?><workbook xmlns="m">${expected}</workbook>`);
  });
});

describe("the calculation chain", () => {
  const chain = '<calcChain xmlns="m"><c r="A1" i="1"/><c r="A2"/><c r="B1" i="2"/><c r="A3" i="1"/></calcChain>';
  test("an entry is removed, and the next one says the sheet it inherited", () => {
    expect(withoutChainEntries(chain, 1, new Set(["A1"]))).toEqual({ xml: '<calcChain xmlns="m"><c r="A2" i="1"/><c r="B1" i="2"/><c r="A3" i="1"/></calcChain>', empty: false });
    expect(withoutChainEntries(chain, 2, new Set(["A1", "B1"]))).toEqual({ xml: '<calcChain xmlns="m"><c r="A1" i="1"/><c r="A2"/><c r="A3" i="1"/></calcChain>', empty: false });
  });

  test("a formula replaced by a plain value leaves the chain; the last one takes the part with it", () => {
    const calcChain = '<?xml version="1.0"?><calcChain xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><c r="A1" i="1"/><c r="B1"/></calcChain>';
    const input = book({ sheets: { S: '<row r="1"><c r="A1"><f>1</f><v>1</v></c><c r="B1"><f>2</f><v>2</v></c></row>' }, calcChain });
    const one = patchWorkbook(input, "S", [{ cell: at("A1"), cellValue: 5 }]);
    expect(one.ok && partText(one.bytes, "xl/calcChain.xml")).toBe('<?xml version="1.0"?><calcChain xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><c r="B1" i="1"/></calcChain>');
    const both = patchWorkbook(input, "S", [{ cell: at("A1"), cellValue: 5 }, { cell: at("B1"), cellValue: 6 }]);
    if (!both.ok) throw new Error("refused");
    expect(readZip(both.bytes).entries.map((e) => e.name)).not.toContain("xl/calcChain.xml");
    expect(partText(both.bytes, "xl/_rels/workbook.xml.rels")).not.toContain("calcChain");
    expect(partText(both.bytes, "[Content_Types].xml")).not.toContain("calcChain");
    // A formula written over a formula keeps its entry.
    const kept = patchWorkbook(input, "S", [{ cell: at("A1"), cellValue: 5, formula: "=5" }]);
    expect(kept.ok && kept.changedParts).not.toContain("xl/calcChain.xml");
  });
});

describe("the zip container", () => {
  test("every entry the patch does not change is copied byte for byte", () => {
    const input = book({
      sheets: { S: '<row r="1"><c r="A1"><v>1</v></c></row>', T: '<row r="1"><c r="A1" t="s"><v>0</v></c></row>' },
      extraParts: [
        { name: "xl/sharedStrings.xml", data: '<sst xmlns="m"><si><t>x</t></si></sst>' },
        { name: "xl/media/image1.png", data: "\u0089PNG not really", store: true },
        { name: "docProps/custom.xml", data: "<Properties/>" },
      ],
    });
    const r = patchWorkbook(input, "S", [{ cell: at("B1"), cellValue: 2, formula: "=A1*2" }]);
    if (!r.ok) throw new Error("refused");
    const a = records(input);
    const b = records(r.bytes);
    expect([...b.keys()]).toEqual([...a.keys()]);
    for (const [name, rec] of a) if (!r.changedParts.includes(name)) expect([name, b.get(name)]).toEqual([name, rec]);
    expect(r.changedParts).toEqual(["xl/worksheets/sheet1.xml", "xl/workbook.xml"]);
  });

  test("the input's bytes are never changed, even as a Node Buffer (whose slice is a view)", () => {
    const input = Buffer.from(book({ sheets: { S: '<row r="1"><c r="A1"><v>1</v></c></row>' }, extraParts: [{ name: "docProps/app.xml", data: "<Properties/>" }] }));
    const copy = Buffer.from(input);
    const r = patchWorkbook(input, "S", [{ cell: at("B1"), cellValue: 2 }]);
    expect(r.ok).toBe(true);
    expect(input.equals(copy)).toBe(true);
  });

  test("an archive written back unchanged is the same bytes", () => {
    const input = book({ sheets: { S: "" } });
    expect(Buffer.from(writeZip(readZip(input), { replace: new Map() })).equals(Buffer.from(input))).toBe(true);
  });

  test("entries with data descriptors (signed or not) are read and copied whole", () => {
    const base = book({ sheets: { S: '<row r="1"><c r="A1"><v>1</v></c></row>' } });
    const withDescriptors = addDescriptors(base);
    const r = patchWorkbook(withDescriptors, "S", [{ cell: at("B1"), cellValue: 2 }]);
    if (!r.ok) throw new Error(JSON.stringify(r.refusal));
    const a = records(withDescriptors);
    const b = records(r.bytes);
    expect(b.get("xl/styles.xml")).toEqual(a.get("xl/styles.xml"));
    expect(a.get("xl/styles.xml")!.local.length).toBeGreaterThan(0);
    expect(sheetData(r.bytes)).toBe('<row r="1"><c r="A1"><v>1</v></c><c r="B1"><v>2</v></c></row>');
  });

  test("zip64 is refused with its reason", () => {
    const input = zipOf([{ name: "a", data: "x" }]);
    const z = readZip(input);
    expect(() => writeZip({ ...z, zip64: true }, { replace: new Map() })).toThrow(expect.objectContaining({ refusal: { reason: "zip64" } }));
  });
});

/** The archive rewritten with bit 3 and a data descriptor after each entry (signed for even entries, bare for odd). */
function addDescriptors(bytes: Uint8Array): Uint8Array {
  const z = readZip(bytes);
  const out: number[] = [];
  const central: number[] = [];
  z.entries.forEach((e, n) => {
    const offset = out.length;
    const local = new Uint8Array(bytes.subarray(e.localOffset, e.dataStart));
    const lv = new DataView(local.buffer);
    lv.setUint16(6, lv.getUint16(6, true) | 8, true);
    lv.setUint32(14, 0, true);
    lv.setUint32(18, 0, true);
    lv.setUint32(22, 0, true);
    out.push(...local, ...bytes.subarray(e.dataStart, e.dataStart + e.compressedSize));
    const d = new DataView(new ArrayBuffer(16));
    d.setUint32(0, 0x08074b50, true);
    d.setUint32(4, e.crc, true);
    d.setUint32(8, e.compressedSize, true);
    d.setUint32(12, e.size, true);
    out.push(...new Uint8Array(d.buffer).subarray(n % 2 ? 4 : 0));
    const c = new Uint8Array(bytes.subarray(e.centralStart, e.centralEnd));
    const cv = new DataView(c.buffer);
    cv.setUint16(8, cv.getUint16(8, true) | 8, true);
    cv.setUint32(42, offset, true);
    central.push(...c);
  });
  const cdOffset = out.length;
  const end = new DataView(new ArrayBuffer(22));
  end.setUint32(0, 0x06054b50, true);
  end.setUint16(8, z.entries.length, true);
  end.setUint16(10, z.entries.length, true);
  end.setUint32(12, central.length, true);
  end.setUint32(16, cdOffset, true);
  return Uint8Array.from([...out, ...central, ...new Uint8Array(end.buffer)]);
}

test("crc32 of a known string", () => {
  expect(crc32(new TextEncoder().encode("The quick brown fox jumps over the lazy dog"))).toBe(0x414fa339);
});

describe("random sheets, read back by openpyxl", () => {
  // Rows with and without `r`, cells with and without `r`, gaps; then random targets. openpyxl (an independent
  // reader that numbers rows and cells without `r` as Excel does; ExcelJS cannot read them) must see every target
  // with its formula and value, and every other cell as it was.
  const cellSpec = fc.record({ gap: fc.integer({ min: 0, max: 2 }), explicit: fc.boolean(), value: fc.integer({ min: 0, max: 99 }) });
  const rowSpec = fc.record({ gap: fc.integer({ min: 0, max: 2 }), explicit: fc.boolean(), cells: fc.array(cellSpec, { maxLength: 5 }) });
  const target = fc.record({ row: fc.integer({ min: 0, max: 12 }), col: fc.integer({ min: 0, max: 8 }), value: fc.integer({ min: 1000, max: 2000 }) });
  const RUNS = 120;

  test("targets written, everything else kept", () => {
    const dir = tempDir("cchc-patchprop-");
    const cases: { file: string; expected: Record<string, number | string> }[] = [];
    try {
      fc.assert(
        fc.property(fc.array(rowSpec, { maxLength: 8 }), fc.array(target, { minLength: 1, maxLength: 6 }), (rows, targets) => {
          const expected: Record<string, number | string> = {};
          let row = -1;
          let xml = "";
          for (const r of rows) {
            // A row without r can only follow its predecessor directly.
            row = r.explicit ? row + 1 + r.gap : row + 1;
            let col = -1;
            let cells = "";
            for (const c of r.cells) {
              col = c.explicit ? col + 1 + c.gap : col + 1;
              const a1 = `${columnLetters(col)}${row + 1}`;
              expected[a1] = c.value;
              cells += `<c${c.explicit ? ` r="${a1}"` : ""}><v>${c.value}</v></c>`;
            }
            xml += `<row${r.explicit ? ` r="${row + 1}"` : ""}>${cells}</row>`;
          }
          const writes = targets.map((t) => ({ a1: `${columnLetters(t.col)}${t.row + 1}`, cell: { row: t.row, col: t.col }, cellValue: t.value, formula: `=${t.value}+0` }));
          const r = patchWorkbook(book({ sheets: { S: xml } }), "S", writes);
          if (!r.ok) throw new Error(JSON.stringify(r.refusal));
          const seen = new Set<string>();
          for (const w of writes) {
            if (seen.has(w.a1)) continue;
            seen.add(w.a1);
            expected[w.a1] = w.formula;
          }
          const file = path.join(dir, `${cases.length}.xlsx`);
          fs.writeFileSync(file, r.bytes);
          cases.push({ file, expected });
        }),
        { numRuns: RUNS },
      );
      const script = "import json,sys,openpyxl\nout=[]\nfor f in sys.argv[1:]:\n  ws=openpyxl.load_workbook(f).worksheets[0]\n  out.append({c.coordinate:c.value for row in ws.iter_rows() for c in row if c.value is not None})\nprint(json.dumps(out))";
      const got = JSON.parse(execFileSync("/usr/bin/python3", ["-c", script, ...cases.map((c) => c.file)], { encoding: "utf8", maxBuffer: 1 << 26 }));
      expect(got).toEqual(cases.map((c) => c.expected));
      expect(cases.length).toBe(RUNS);
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});
