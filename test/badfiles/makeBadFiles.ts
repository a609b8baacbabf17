/**
 * The corpus of bad files for the command line and the pane outside Excel, generated (nothing binary is committed):
 * `npx tsx test/badfiles/makeBadFiles.ts DIR` writes them to DIR; the tests call `makeBadFiles(dir)`.
 * Each file says which refusal it expects and the words of the Vietnamese and English sentence.
 */
import ExcelJS from "exceljs";
import JSZip from "jszip";
import * as fs from "fs";
import * as path from "path";
import * as zlib from "zlib";

/** One bad file and what the command must answer. */
export interface BadFile {
  readonly name: string;
  readonly file: string;
  /** the sentence's key words, Vietnamese and English */
  readonly vi: string;
  readonly en: string;
}

/** A zip entry for `writeZip`: already compressed (method 8) or stored (0), with the sizes to declare. */
export interface RawEntry {
  readonly name: string;
  readonly data: Buffer;
  readonly method: 0 | 8;
  readonly declaredSize: number;
  readonly crc: number;
  /** general-purpose flags (bit 0: encrypted) */
  readonly flags?: number;
}

/** A deflated entry holding `text`, declared honestly. */
export function deflated(name: string, text: string | Buffer): RawEntry {
  const data = Buffer.isBuffer(text) ? text : Buffer.from(text);
  return { name, data: zlib.deflateRawSync(data), method: 8, declaredSize: data.length, crc: zlib.crc32(data) };
}

/**
 * A zip written by hand, so that its headers can say what a test wants (including lies about sizes). With
 * `zip64`, sizes and offsets move to zip64 extra fields and a zip64 end record, as writers do for big archives.
 */
export function writeZip(entries: readonly RawEntry[], options: { zip64?: boolean } = {}): Buffer {
  if (options.zip64) return writeZip64(entries);
  const locals: Buffer[] = [];
  const centrals: Buffer[] = [];
  let offset = 0;
  for (const e of entries) {
    const name = Buffer.from(e.name, "utf8");
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(20, 4);
    local.writeUInt16LE(0x0800 | (e.flags ?? 0), 6);
    local.writeUInt16LE(e.method, 8);
    local.writeUInt32LE(e.crc >>> 0, 14);
    local.writeUInt32LE(e.data.length, 18);
    local.writeUInt32LE(e.declaredSize, 22);
    local.writeUInt16LE(name.length, 26);
    locals.push(local, name, e.data);
    const central = Buffer.alloc(46);
    central.writeUInt32LE(0x02014b50, 0);
    central.writeUInt16LE(20, 4);
    central.writeUInt16LE(20, 6);
    central.writeUInt16LE(0x0800 | (e.flags ?? 0), 8);
    central.writeUInt16LE(e.method, 10);
    central.writeUInt32LE(e.crc >>> 0, 16);
    central.writeUInt32LE(e.data.length, 20);
    central.writeUInt32LE(e.declaredSize, 24);
    central.writeUInt16LE(name.length, 28);
    central.writeUInt32LE(offset, 42);
    centrals.push(central, name);
    offset += 30 + name.length + e.data.length;
  }
  const cd = Buffer.concat(centrals);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(entries.length, 8);
  end.writeUInt16LE(entries.length, 10);
  end.writeUInt32LE(cd.length, 12);
  end.writeUInt32LE(offset, 16);
  return Buffer.concat([...locals, cd, end]);
}

function u64(n: number): Buffer {
  const b = Buffer.alloc(8);
  b.writeBigUInt64LE(BigInt(n));
  return b;
}

function writeZip64(entries: readonly RawEntry[]): Buffer {
  const parts: Buffer[] = [];
  const centrals: Buffer[] = [];
  let offset = 0;
  for (const e of entries) {
    const name = Buffer.from(e.name, "utf8");
    const extra = Buffer.concat([Buffer.from([0x01, 0x00, 24, 0x00]), u64(e.declaredSize), u64(e.data.length), u64(offset)]);
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(45, 4);
    local.writeUInt16LE(0x0800, 6);
    local.writeUInt16LE(e.method, 8);
    local.writeUInt32LE(e.crc >>> 0, 14);
    local.writeUInt32LE(0xffffffff, 18);
    local.writeUInt32LE(0xffffffff, 22);
    local.writeUInt16LE(name.length, 26);
    local.writeUInt16LE(20, 28);
    const localExtra = Buffer.concat([Buffer.from([0x01, 0x00, 16, 0x00]), u64(e.declaredSize), u64(e.data.length)]);
    parts.push(local, name, localExtra, e.data);
    const central = Buffer.alloc(46);
    central.writeUInt32LE(0x02014b50, 0);
    central.writeUInt16LE(45, 4);
    central.writeUInt16LE(45, 6);
    central.writeUInt16LE(0x0800, 8);
    central.writeUInt16LE(e.method, 10);
    central.writeUInt32LE(e.crc >>> 0, 16);
    central.writeUInt32LE(0xffffffff, 20);
    central.writeUInt32LE(0xffffffff, 24);
    central.writeUInt16LE(name.length, 28);
    central.writeUInt16LE(extra.length, 30);
    central.writeUInt32LE(0xffffffff, 42);
    centrals.push(central, name, extra);
    offset += 30 + name.length + localExtra.length + e.data.length;
  }
  const cd = Buffer.concat(centrals);
  const end64 = Buffer.concat([Buffer.from([0x50, 0x4b, 0x06, 0x06]), u64(44), Buffer.from([45, 0, 45, 0, 0, 0, 0, 0, 0, 0, 0, 0]), u64(entries.length), u64(entries.length), u64(cd.length), u64(offset)]);
  const locator = Buffer.concat([Buffer.from([0x50, 0x4b, 0x06, 0x07, 0, 0, 0, 0]), u64(offset + cd.length), Buffer.from([1, 0, 0, 0])]);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(0xffff, 8);
  end.writeUInt16LE(0xffff, 10);
  end.writeUInt32LE(0xffffffff, 12);
  end.writeUInt32LE(0xffffffff, 16);
  return Buffer.concat([...parts, cd, end64, locator, end]);
}

/** The entries of a real workbook, deflated, with one part replaced by `replace`. */
export async function workbookEntries(base: Buffer, replace: Record<string, RawEntry>): Promise<RawEntry[]> {
  const zip = await JSZip.loadAsync(base);
  const out: RawEntry[] = [];
  for (const name of Object.keys(zip.files)) {
    if (zip.files[name].dir) continue;
    if (replace[name]) {
      out.push(replace[name]);
      continue;
    }
    const data = await zip.files[name].async("nodebuffer");
    out.push({ name, data: zlib.deflateRawSync(data), method: 8, declaredSize: data.length, crc: zlib.crc32(data) });
  }
  return out;
}

/**
 * A deflate stream of `head`, `count` × `block` and `tail`, built without ever holding the expansion: each piece
 * is compressed on its own and sync-flushed (byte-aligned, not final), so the pieces can be concatenated.
 */
function repeatedDeflate(head: string, block: Buffer, count: number, tail: string): { data: Buffer; size: number } {
  const flush = { finishFlush: zlib.constants.Z_SYNC_FLUSH };
  const h = zlib.deflateRawSync(Buffer.from(head), flush);
  const b = zlib.deflateRawSync(block, { ...flush, level: 9 });
  const t = zlib.deflateRawSync(Buffer.from(tail));
  const parts = [h];
  for (let i = 0; i < count; i++) parts.push(b);
  parts.push(t);
  return { data: Buffer.concat(parts), size: Buffer.byteLength(head) + block.length * count + Buffer.byteLength(tail) };
}

const SHEET_HEAD = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>';
const SHEET_TAIL = "</sheetData></worksheet>";

/** A CFB (compound file) header sector and one directory sector naming `streams`: enough to be recognised. */
function compoundFile(streams: readonly string[]): Buffer {
  const header = Buffer.alloc(512);
  Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]).copy(header, 0);
  header.writeUInt16LE(0x003e, 0x18);
  header.writeUInt16LE(0x0003, 0x1a);
  header.writeUInt16LE(0xfffe, 0x1c);
  header.writeUInt16LE(9, 0x1e);
  header.writeUInt16LE(6, 0x20);
  header.writeUInt32LE(1, 0x2c);
  header.writeUInt32LE(0, 0x30);
  const dir = Buffer.alloc(512);
  ["Root Entry", ...streams].slice(0, 4).forEach((name, i) => {
    const at = i * 128;
    dir.write(name, at, "utf16le");
    dir.writeUInt16LE((name.length + 1) * 2, at + 0x40);
    dir.writeUInt8(i === 0 ? 5 : 2, at + 0x42);
  });
  return Buffer.concat([header, dir, Buffer.alloc(512, 0x2a)]);
}

/** A one-sheet workbook made by ExcelJS. */
export async function smallWorkbook(): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  wb.addWorksheet("Sheet1").getCell("A1").value = "Bảng kê";
  return Buffer.from(await wb.xlsx.writeBuffer());
}

/** Writes every bad file into `dir`; returns them with the answers expected. */
export async function makeBadFiles(dir: string): Promise<BadFile[]> {
  fs.mkdirSync(dir, { recursive: true });
  const files: BadFile[] = [];
  const put = (name: string, bytes: Buffer, vi: string, en: string) => {
    const file = path.join(dir, name);
    fs.writeFileSync(file, bytes);
    files.push({ name, file, vi, en });
  };
  const base = await smallWorkbook();

  put("rong.xlsx", Buffer.alloc(0), "rỗng", "is empty");
  put("van-ban.xlsx", Buffer.from("Số liệu CCHC năm 2023\nSTT\tChỉ tiêu\n", "utf8"), "không phải là tệp Excel .xlsx", "is not an Excel .xlsx file");
  put("cat-cut.xlsx", base.subarray(0, Math.floor(base.length / 2)), "bị hỏng", "is damaged");
  put("cu.xls", compoundFile(["Workbook", "\u0005SummaryInformation"]), "định dạng Excel cũ (.xls)", "old Excel format (.xls)");
  put("co-mat-khau.xlsx", compoundFile(["EncryptionInfo", "EncryptedPackage", "\u0006DataSpaces"]), "đặt mật khẩu", "password-protected");

  const ods = new JSZip();
  ods.file("mimetype", "application/vnd.oasis.opendocument.spreadsheet", { compression: "STORE" });
  ods.file("content.xml", '<?xml version="1.0"?><office:document-content xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0"/>');
  ods.file("META-INF/manifest.xml", '<?xml version="1.0"?><manifest:manifest xmlns:manifest="urn:oasis:names:tc:opendocument:xmlns:manifest:1.0"/>');
  put("bang-tinh.ods", await ods.generateAsync({ type: "nodebuffer", compression: "DEFLATE" }), "OpenDocument (.ods)", "OpenDocument spreadsheet (.ods)");

  // A zip that is no workbook (a .docx, say) renamed .xlsx.
  const docx = new JSZip();
  docx.file("[Content_Types].xml", "<Types/>");
  docx.file("word/document.xml", "<w:document/>");
  put("van-ban-word.xlsx", await docx.generateAsync({ type: "nodebuffer" }), "không phải là tệp Excel .xlsx", "is not an Excel .xlsx file");

  // Claims the whole grid and holds one cell at its far corner.
  const huge = await JSZip.loadAsync(base);
  huge.file(
    "xl/worksheets/sheet1.xml",
    `${SHEET_HEAD.replace("<sheetData>", '<dimension ref="A1:XFD1048576"/><sheetData>')}<row r="1048576"><c r="XFD1048576" t="inlineStr"><is><t>cuối</t></is></c></row>${SHEET_TAIL}`,
  );
  put("kich-thuoc-khong-lo.xlsx", await huge.generateAsync({ type: "nodebuffer", compression: "DEFLATE" }), "Không tìm thấy phụ lục", "No CCHC statistics appendix found");

  // 3.2 GB of spaces inside a 3 MB file, once declared honestly and once hidden behind a header that says 1 kB.
  const SPACES = Buffer.alloc(16 * 1024 * 1024, 0x20);
  const bomb = repeatedDeflate(SHEET_HEAD, SPACES, 200, SHEET_TAIL);
  const bombEntry = (declaredSize: number): RawEntry => ({ name: "xl/worksheets/sheet1.xml", data: bomb.data, method: 8, declaredSize, crc: 0 });
  put("bom-nen.xlsx", writeZip(await workbookEntries(base, { "xl/worksheets/sheet1.xml": bombEntry(bomb.size) })), "quá nhiều dữ liệu", "too much data");
  put("bom-nen-khai-sai.xlsx", writeZip(await workbookEntries(base, { "xl/worksheets/sheet1.xml": bombEntry(1024) })), "bị hỏng", "is damaged");

  // 2.6 million cells in 60 MB of XML (under the expanded-size limit) on a sheet whose header says it may hold the
  // appendix, so it is read whole (a sheet without one is only probed over its first rows): refused on the cell count.
  const row = Buffer.from(`<row>${"<c><v>1</v></c>".repeat(64)}</row>`.repeat(1024));
  const header = '<row><c t="inlineStr"><is><t>STT</t></is></c><c t="inlineStr"><is><t>Chỉ tiêu thống kê</t></is></c></row>';
  const cells = repeatedDeflate(SHEET_HEAD + header, row, 40, SHEET_TAIL);
  const cellsEntry: RawEntry = { name: "xl/worksheets/sheet1.xml", data: cells.data, method: 8, declaredSize: cells.size, crc: 0 };
  put("qua-nhieu-o.xlsx", writeZip(await workbookEntries(base, { "xl/worksheets/sheet1.xml": cellsEntry })), "quá nhiều dữ liệu", "too much data");

  // Past the file-size limit: refused before anything is parsed.
  const big = Buffer.alloc(31 * 1024 * 1024);
  base.copy(big, 0, 0, 4);
  put("qua-lon.xlsx", big, "quá lớn để kiểm tra", "too large to check");
  return files;
}

if (require.main === module) {
  const dir = process.argv[2];
  if (!dir) {
    process.stderr.write("usage: npx tsx test/badfiles/makeBadFiles.ts DIR\n");
    process.exitCode = 2;
  } else {
    void makeBadFiles(dir).then((files) => process.stdout.write(`${files.map((f) => f.file).join("\n")}\n`));
  }
}
