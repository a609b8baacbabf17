/**
 * A zip archive read in place and written back with untouched entries copied verbatim: their local header,
 * compressed bytes and data descriptor, and their central-directory record with only the offset changed. A
 * replaced entry gets a new local header and deflated data; everything else about it (time, attributes, extra
 * fields, comment) is kept. Written by hand (about 250 lines) rather than through JSZip, which re-compresses
 * every entry it writes, or a new dependency: the format needed here is small and fully specified
 * (PKWARE APPNOTE 6.3), and pako (already a dependency) does the deflating. Browser-safe.
 */
import { Inflate, deflateRaw } from "pako";
import { crc32 } from "./crc32";
import { PatchRefused } from "./refusal";
import { decodeUtf8, encodeUtf8, NotUtf8Error } from "./utf8";

const LOCAL = 0x04034b50;
const CENTRAL = 0x02014b50;
const END = 0x06054b50;
const END64 = 0x06064b50;
const LOCATOR64 = 0x07064b50;
const DESCRIPTOR = 0x08074b50;

/** One entry as the central directory and its local header describe it. */
export interface ZipEntry {
  readonly name: string;
  readonly method: number;
  readonly flags: number;
  readonly crc: number;
  readonly compressedSize: number;
  readonly size: number;
  /** where the local header starts */
  readonly localOffset: number;
  /** where the compressed data starts */
  readonly dataStart: number;
  /** where the local record ends (after the data descriptor, if any) */
  readonly recordEnd: number;
  /** the central-directory record, [start, end) in the archive */
  readonly centralStart: number;
  readonly centralEnd: number;
  /** sizes or offsets in a zip64 extra field */
  readonly zip64: boolean;
}

/** An archive read in place: the entries in central-directory order, and the archive comment. */
export interface ZipArchive {
  readonly bytes: Uint8Array;
  readonly entries: readonly ZipEntry[];
  /** the end record needs zip64 (more than 65,535 entries or offsets past 4 GB) */
  readonly zip64: boolean;
  readonly comment: Uint8Array;
}

const damaged = (detail: string) => new PatchRefused({ reason: "damaged", detail });

/** A copy of bytes [start, end): Buffer.slice in Node would give a view, and a change to it would reach the input. */
function copyOf(bytes: Uint8Array, start: number, end: number): Uint8Array {
  return new Uint8Array(bytes.subarray(start, end));
}

function view(bytes: Uint8Array): DataView {
  return new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
}

function nameOf(raw: Uint8Array, flags: number): string {
  // Bit 11: the name is UTF-8. Otherwise code page 437, of which the part names of a workbook use only ASCII.
  if (flags & 0x800) {
    try {
      return decodeUtf8(raw);
    } catch (e) {
      if (e instanceof NotUtf8Error) throw damaged("entry name is not UTF-8");
      throw e;
    }
  }
  let s = "";
  for (const b of raw) s += String.fromCharCode(b);
  return s;
}

/** The end of central directory record: how many entries, where the directory starts, where the record is. */
export interface ZipEnd {
  readonly count: number;
  readonly cdOffset: number;
  /** the end record needs zip64 */
  readonly zip64: boolean;
  /** where the end record starts */
  readonly at: number;
}

/**
 * Finds and reads the end record (zip64 included) without reading the directory: what a caller that refuses an
 * archive of too many entries reads before anything else. Throws `PatchRefused` ("damaged", "unsupported_zip").
 */
export function readZipEnd(bytes: Uint8Array): ZipEnd {
  const dv = view(bytes);
  const u16 = (at: number) => dv.getUint16(at, true);
  const u32 = (at: number) => dv.getUint32(at, true);
  const u64 = (at: number) => u32(at) + u32(at + 4) * 2 ** 32;
  let eocd = -1;
  for (let i = bytes.length - 22; i >= Math.max(0, bytes.length - 22 - 0xffff); i--) {
    if (u32(i) === END && i + 22 + u16(i + 20) === bytes.length) {
      eocd = i;
      break;
    }
  }
  if (eocd < 0) {
    // A comment whose length does not reach the end exactly: take the last signature anyway (some writers pad).
    for (let i = bytes.length - 22; i >= Math.max(0, bytes.length - 22 - 0xffff); i--) {
      if (u32(i) === END) {
        eocd = i;
        break;
      }
    }
  }
  // No end record: the archive was cut short (an interrupted download or copy).
  if (eocd < 0) throw damaged("no end of central directory");
  if (u16(eocd + 4) !== 0 || u16(eocd + 6) !== 0) throw new PatchRefused({ reason: "unsupported_zip", detail: "archive split over disks" });
  let count = u16(eocd + 10);
  let cdOffset = u32(eocd + 16);
  let zip64 = false;
  if (count === 0xffff || cdOffset === 0xffffffff || u32(eocd + 12) === 0xffffffff) {
    const locator = eocd - 20;
    if (locator < 0 || u32(locator) !== LOCATOR64) throw damaged("zip64 locator missing");
    const z = u64(locator + 8);
    if (z + 56 > bytes.length || u32(z) !== END64) throw damaged("zip64 end record missing");
    count = u64(z + 32);
    cdOffset = u64(z + 48);
    zip64 = true;
  }
  return { count, cdOffset, zip64, at: eocd };
}

/** Reads the central directory and every local header; throws `PatchRefused` ("damaged", "zip64"...). */
export function readZip(bytes: Uint8Array, maxEntries = Infinity): ZipArchive {
  const dv = view(bytes);
  const u16 = (at: number) => dv.getUint16(at, true);
  const u32 = (at: number) => dv.getUint32(at, true);
  const u64 = (at: number) => u32(at) + u32(at + 4) * 2 ** 32;
  const { count, cdOffset, zip64, at: eocd } = readZipEnd(bytes);
  if (count > maxEntries) throw new PatchRefused({ reason: "damaged", detail: `${count} entries` });
  const comment = copyOf(bytes, eocd + 22, Math.min(bytes.length, eocd + 22 + u16(eocd + 20)));
  const entries: ZipEntry[] = [];
  let at = cdOffset;
  for (let n = 0; n < count; n++) {
    if (at + 46 > bytes.length || u32(at) !== CENTRAL) throw damaged("central directory cut short");
    const flags = u16(at + 8);
    const nameLength = u16(at + 28);
    const extraLength = u16(at + 30);
    const commentLength = u16(at + 32);
    const end = at + 46 + nameLength + extraLength + commentLength;
    if (end > bytes.length) throw damaged("central directory cut short");
    let compressedSize = u32(at + 20);
    let size = u32(at + 24);
    let localOffset = u32(at + 42);
    let entry64 = false;
    for (let x = at + 46 + nameLength; x + 4 <= at + 46 + nameLength + extraLength; ) {
      const id = u16(x);
      const length = u16(x + 2);
      if (id === 0x0001) {
        // Zip64 values sit here, in this order, only for the fields marked 0xffffffff.
        entry64 = true;
        let p = x + 4;
        if (size === 0xffffffff) {
          size = u64(p);
          p += 8;
        }
        if (compressedSize === 0xffffffff) {
          compressedSize = u64(p);
          p += 8;
        }
        if (localOffset === 0xffffffff) localOffset = u64(p);
      }
      x += 4 + length;
    }
    const name = nameOf(bytes.subarray(at + 46, at + 46 + nameLength), flags);
    if (localOffset + 30 > bytes.length || u32(localOffset) !== LOCAL) throw damaged(`local header of ${name}`);
    const dataStart = localOffset + 30 + u16(localOffset + 26) + u16(localOffset + 28);
    const dataEnd = dataStart + compressedSize;
    if (dataEnd > bytes.length) throw damaged(`${name} cut short`);
    const crc = u32(at + 16);
    let recordEnd = dataEnd;
    if (flags & 0x08) {
      // The data descriptor: optional signature, crc, then 4- or 8-byte sizes (8 in zip64 archives).
      const signed = dataEnd + 4 <= bytes.length && u32(dataEnd) === DESCRIPTOR && !(crc === DESCRIPTOR && u32(dataEnd + 4) !== crc);
      recordEnd = dataEnd + (signed ? 4 : 0) + 4 + (entry64 ? 16 : 8);
      if (recordEnd > bytes.length) throw damaged(`${name}: data descriptor cut short`);
    }
    entries.push({
      name,
      method: u16(at + 10),
      flags,
      crc,
      compressedSize,
      size,
      localOffset,
      dataStart,
      recordEnd,
      centralStart: at,
      centralEnd: end,
      zip64: entry64,
    });
    at = end;
  }
  return { bytes, entries, zip64, comment };
}

/** The entry named `name` (zip names are case-sensitive; OPC part names are not, so a second pass ignores case). */
export function findEntry(archive: ZipArchive, name: string): ZipEntry | undefined {
  const exact = archive.entries.find((e) => e.name === name);
  if (exact) return exact;
  const lower = name.toLowerCase();
  return archive.entries.find((e) => e.name.toLowerCase() === lower);
}

/**
 * Streams an entry's expanded bytes to `sink` in chunks, keeping nothing. The bytes may not pass what the
 * central directory declared (a lying header is how a small file hides gigabytes) nor `budget`. A sink returning
 * false stops the inflating there (the rest of the entry is never expanded).
 */
export function streamEntry(archive: ZipArchive, entry: ZipEntry, sink: (chunk: Uint8Array) => boolean | void, budget = Infinity, chunkSize = 64 * 1024): void {
  if (entry.flags & 1) throw new PatchRefused({ reason: "unsupported_zip", detail: `${entry.name} is encrypted` });
  const data = archive.bytes.subarray(entry.dataStart, entry.dataStart + entry.compressedSize);
  if (entry.method === 0) {
    if (data.length !== entry.size) throw damaged(`${entry.name} size`);
    if (data.length > budget) throw new PatchRefused({ reason: "damaged", detail: `${entry.name} expands beyond the limit` });
    sink(data);
    return;
  }
  if (entry.method !== 8) throw new PatchRefused({ reason: "unsupported_zip", detail: `${entry.name}: compression method ${entry.method}` });
  let produced = 0;
  let stopped = false;
  const inflater = new Inflate({ raw: true, chunkSize });
  inflater.onData = (chunk) => {
    if (stopped) return;
    produced += chunk.length;
    if (produced > entry.size) throw damaged(`${entry.name} expands beyond its declared ${entry.size} bytes`);
    if (produced > budget) throw new PatchRefused({ reason: "damaged", detail: `${entry.name} expands beyond the limit` });
    if (sink(chunk) === false) stopped = true;
  };
  let status = 0;
  inflater.onEnd = (s) => {
    status = s;
  };
  // Small input steps: a stop asked for by the sink takes effect within one step.
  const step = Math.min(chunkSize, 16 * 1024);
  for (let off = 0; off < data.length && !inflater.ended && !stopped; off += step) {
    inflater.push(data.subarray(off, off + step), off + step >= data.length);
    if (status !== 0) throw damaged(`${entry.name}: corrupt deflate data`);
  }
  if (stopped) return;
  if (data.length === 0 && entry.size !== 0) throw damaged(`${entry.name}: no data`);
  if (produced !== entry.size) throw damaged(`${entry.name} expands to ${produced}, declared ${entry.size}`);
}

/** An entry's expanded bytes. */
export function entryBytes(archive: ZipArchive, entry: ZipEntry, budget = Infinity): Uint8Array {
  const chunks: Uint8Array[] = [];
  streamEntry(archive, entry, (c) => void chunks.push(copyOf(c, 0, c.length)), budget);
  if (chunks.length === 1) return chunks[0];
  const out = new Uint8Array(chunks.reduce((n, c) => n + c.length, 0));
  let at = 0;
  for (const c of chunks) {
    out.set(c, at);
    at += c.length;
  }
  return out;
}

/** What to change in an archive: parts replaced (by name) and parts removed. Everything else is copied verbatim. */
export interface ZipChanges {
  readonly replace: ReadonlyMap<string, Uint8Array>;
  readonly remove?: ReadonlySet<string>;
}

class Output {
  private chunks: Uint8Array[] = [];
  length = 0;
  push(b: Uint8Array): void {
    this.chunks.push(b);
    this.length += b.length;
  }
  bytes(): Uint8Array {
    const out = new Uint8Array(this.length);
    let at = 0;
    for (const c of this.chunks) {
      out.set(c, at);
      at += c.length;
    }
    return out;
  }
}

/** The archive with `changes` applied: untouched entries byte for byte, in the same order. Refuses zip64. */
export function writeZip(archive: ZipArchive, changes: ZipChanges): Uint8Array {
  if (archive.zip64 || archive.entries.some((e) => e.zip64)) throw new PatchRefused({ reason: "zip64" });
  const src = archive.bytes;
  const out = new Output();
  const central = new Output();
  let count = 0;
  for (const entry of archive.entries) {
    if (changes.remove?.has(entry.name)) continue;
    const offset = out.length;
    if (offset > 0xfffffffe) throw new PatchRefused({ reason: "zip64" });
    const record = copyOf(src, entry.centralStart, entry.centralEnd);
    const rv = view(record);
    const replacement = changes.replace.get(entry.name);
    if (replacement === undefined) {
      out.push(src.subarray(entry.localOffset, entry.recordEnd));
    } else {
      if (entry.flags & 1) throw new PatchRefused({ reason: "unsupported_zip", detail: `${entry.name} is encrypted` });
      const data = deflateRaw(replacement, { level: 6 });
      const crc = crc32(replacement);
      const name = src.subarray(entry.centralStart + 46, entry.centralStart + 46 + rv.getUint16(28, true));
      // Keep bit 11 (UTF-8 name); drop the data descriptor (bit 3) and the deflate-level hints (bits 1-2).
      const flags = entry.flags & 0x800;
      const local = new Uint8Array(30 + name.length);
      const lv = view(local);
      lv.setUint32(0, LOCAL, true);
      lv.setUint16(4, 20, true);
      lv.setUint16(6, flags, true);
      lv.setUint16(8, 8, true);
      lv.setUint16(10, rv.getUint16(12, true), true); // time
      lv.setUint16(12, rv.getUint16(14, true), true); // date
      lv.setUint32(14, crc, true);
      lv.setUint32(18, data.length, true);
      lv.setUint32(22, replacement.length, true);
      lv.setUint16(26, name.length, true);
      lv.setUint16(28, 0, true);
      local.set(name, 30);
      out.push(local);
      out.push(data);
      rv.setUint16(6, Math.max(20, rv.getUint16(6, true)), true);
      rv.setUint16(8, flags, true);
      rv.setUint16(10, 8, true);
      rv.setUint32(16, crc, true);
      rv.setUint32(20, data.length, true);
      rv.setUint32(24, replacement.length, true);
    }
    rv.setUint32(42, offset, true);
    central.push(record);
    count++;
  }
  const cdOffset = out.length;
  if (cdOffset + central.length > 0xfffffffe || count > 0xfffe) throw new PatchRefused({ reason: "zip64" });
  out.push(central.bytes());
  const end = new Uint8Array(22 + archive.comment.length);
  const ev = view(end);
  ev.setUint32(0, END, true);
  ev.setUint16(8, count, true);
  ev.setUint16(10, count, true);
  ev.setUint32(12, central.length, true);
  ev.setUint32(16, cdOffset, true);
  ev.setUint16(20, archive.comment.length, true);
  end.set(archive.comment, 22);
  out.push(end);
  return out.bytes();
}

/** A new archive from scratch (tests and fixtures): entries deflated, in the order given. */
export function zipOf(parts: readonly { name: string; data: Uint8Array | string; store?: boolean }[]): Uint8Array {
  const out = new Output();
  const central = new Output();
  for (const part of parts) {
    const raw = typeof part.data === "string" ? encodeUtf8(part.data) : part.data;
    const data = part.store ? raw : deflateRaw(raw, { level: 6 });
    const name = encodeUtf8(part.name);
    const crc = crc32(raw);
    const offset = out.length;
    const local = new Uint8Array(30 + name.length);
    const lv = view(local);
    lv.setUint32(0, LOCAL, true);
    lv.setUint16(4, 20, true);
    lv.setUint16(6, 0x800, true);
    lv.setUint16(8, part.store ? 0 : 8, true);
    lv.setUint16(12, 0x21, true);
    lv.setUint32(14, crc, true);
    lv.setUint32(18, data.length, true);
    lv.setUint32(22, raw.length, true);
    lv.setUint16(26, name.length, true);
    local.set(name, 30);
    out.push(local);
    out.push(data);
    const record = new Uint8Array(46 + name.length);
    const cv = view(record);
    cv.setUint32(0, CENTRAL, true);
    cv.setUint16(4, 20, true);
    cv.setUint16(6, 20, true);
    cv.setUint16(8, 0x800, true);
    cv.setUint16(10, part.store ? 0 : 8, true);
    cv.setUint16(14, 0x21, true);
    cv.setUint32(16, crc, true);
    cv.setUint32(20, data.length, true);
    cv.setUint32(24, raw.length, true);
    cv.setUint16(28, name.length, true);
    cv.setUint32(42, offset, true);
    record.set(name, 46);
    central.push(record);
  }
  const cdOffset = out.length;
  out.push(central.bytes());
  const end = new Uint8Array(22);
  const ev = view(end);
  ev.setUint32(0, END, true);
  ev.setUint16(8, parts.length, true);
  ev.setUint16(10, parts.length, true);
  ev.setUint32(12, central.length, true);
  ev.setUint32(16, cdOffset, true);
  out.push(end);
  return out.bytes();
}
