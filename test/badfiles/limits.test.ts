/** The zip inspection before ExcelJS (src/xlsx/limits.ts), part by part: zip64, stored parts, flags, counts, corruption. */
import ExcelJS from "exceljs";
import * as zlib from "zlib";
import { inspectWorkbookBytes, MAX_ENTRIES } from "../../src/xlsx/limits";
import { loadWorkbook } from "../../src/xlsx/readWorkbook";
import { deflated, smallWorkbook, workbookEntries, writeZip, type RawEntry } from "./makeBadFiles";

let base: Buffer;
let entries: RawEntry[];
beforeAll(async () => {
  base = await smallWorkbook();
  entries = await workbookEntries(base, {});
});

const failureOf = (bytes: Buffer) => {
  const r = inspectWorkbookBytes(bytes);
  return r.ok ? null : r.failure.reason;
};

test("a workbook rewritten by hand passes, and ExcelJS opens it: the writer itself is sound", async () => {
  const bytes = writeZip(entries);
  const r = inspectWorkbookBytes(bytes);
  expect(r.ok && r.stats.entries).toBe(entries.length);
  expect(r.ok && r.stats.cells).toBe(1);
  const wb = await loadWorkbook(bytes);
  expect(wb.worksheets[0].getCell("A1").value).toBe("Bảng kê");
});

test("zip64 records (sizes and offsets in extra fields, zip64 end record) are read", async () => {
  const bytes = writeZip(entries, { zip64: true });
  const r = inspectWorkbookBytes(bytes);
  expect(r.ok).toBe(true);
  if (r.ok) expect(r.stats.expandedBytes).toBe(entries.reduce((s, e) => s + e.declaredSize, 0));
});

test("a stored (uncompressed) part is counted as is; a wrong stored size is damage", () => {
  const sheet = entries.find((e) => e.name === "xl/worksheets/sheet1.xml")!;
  const raw = zlib.inflateRawSync(sheet.data);
  const stored = (size: number): RawEntry => ({ ...sheet, data: raw, method: 0, declaredSize: size });
  expect(failureOf(writeZip(entries.map((e) => (e === sheet ? stored(raw.length) : e))))).toBeNull();
  expect(failureOf(writeZip(entries.map((e) => (e === sheet ? stored(raw.length + 1) : e))))).toBe("damaged");
});

test("a part flagged as encrypted makes the file password-protected", () => {
  expect(failureOf(writeZip(entries.map((e, i) => (i === 0 ? { ...e, flags: 1 } : e))))).toBe("encrypted");
});

test("corrupt deflate data is damage, not a crash", () => {
  const sheet = entries.find((e) => e.name === "xl/worksheets/sheet1.xml")!;
  const garbage = Buffer.from(sheet.data.map((b, i) => (i > 2 ? b ^ 0x5a : b)));
  expect(failureOf(writeZip(entries.map((e) => (e === sheet ? { ...e, data: garbage } : e))))).toBe("damaged");
});

test("a part that expands to less than it declares is damage too", () => {
  const sheet = entries.find((e) => e.name === "xl/worksheets/sheet1.xml")!;
  expect(failureOf(writeZip(entries.map((e) => (e === sheet ? { ...e, declaredSize: e.declaredSize + 10 } : e))))).toBe("damaged");
});

test("more parts than MAX_ENTRIES: too much data, decided from the directory alone", () => {
  const many = Array.from({ length: MAX_ENTRIES + 1 }, (_, i) => deflated(`xl/media/x${i}.txt`, ""));
  expect(failureOf(writeZip([...entries, ...many]))).toBe("too_much_data");
});

test("cells are counted across parts and chunk boundaries, with namespace prefixes", async () => {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet("a");
  for (let r = 1; r <= 300; r++) for (let c = 1; c <= 10; c++) ws.getCell(r, c).value = r * c;
  wb.addWorksheet("b").getCell("C3").value = "x";
  const bytes = Buffer.from(await wb.xlsx.writeBuffer());
  const r = inspectWorkbookBytes(bytes);
  expect(r.ok && r.stats.cells).toBe(3001);
  const prefixed = deflated("xl/worksheets/sheet9.xml", '<x:worksheet xmlns:x="s"><x:sheetData><x:row><x:c r="A1"><x:v>1</x:v></x:c><x:c\nr="B1"/></x:row></x:sheetData></x:worksheet>');
  const p = inspectWorkbookBytes(writeZip([...entries, prefixed]));
  expect(p.ok && p.stats.cells).toBe(3);
});
