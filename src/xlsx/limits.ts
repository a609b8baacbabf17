/**
 * What a file must pass before its bytes reach ExcelJS. ExcelJS (through JSZip) inflates every part of the archive
 * into memory and builds an object per cell, trusting the sizes the archive declares: a 3 MB "zip bomb" would cost
 * gigabytes, and a sheet of millions of cells as much. Here the zip's central directory is read (package/zip.ts), every
 * part is inflated once as a stream that keeps nothing (counting bytes and cells), and the file is refused as soon
 * as a limit is passed or a part expands beyond what its header declared. Browser-safe: the command line and the
 * pane outside Excel both go through it (via `loadWorkbook`). SECURITY.md lists the limits.
 */
import type { FileLimits, Unreadable, WorkbookReadFailure } from "../core";
import { PatchRefused } from "./package/refusal";
import { readZip, readZipEnd, streamEntry, type ZipArchive, type ZipEntry } from "./package/zip";

/** Largest file accepted, in bytes. An appendix workbook is ~50 kB; a whole report workbook a few MB. */
export const MAX_FILE_BYTES = 30 * 1024 * 1024;
/** Largest total size of the archive's parts once expanded, in bytes. */
export const MAX_EXPANDED_BYTES = 300 * 1024 * 1024;
/** Most parts (files inside the archive). */
export const MAX_ENTRIES = 10_000;
/**
 * How far a grid read from a sheet reaches at most, in both readers (the streaming one and ExcelJS's). A stray
 * value far below or right of the table (a formatted XFD1048576) must not make a grid of billions of cells; the
 * appendix is ~200 rows and 5 columns wherever it starts.
 */
export const MAX_GRID_ROWS = 20000;
export const MAX_GRID_COLS = 200;

/**
 * Most cells: over all worksheets for ExcelJS (the appendix has ~1,000; ExcelJS needs ~0.5 kB per cell: 1.8 million
 * cells, 0.9 GB, 8 s); for the streaming reader, the cells it keeps (those of the sheets that may hold the appendix).
 */
export const MAX_CELLS = 1_000_000;

/** The limits above, as a refusal carries them to the sentence that names them. */
export const FILE_LIMITS: FileLimits = { fileBytes: MAX_FILE_BYTES, expandedBytes: MAX_EXPANDED_BYTES, cells: MAX_CELLS };

/** A reader's refusal as data for the surfaces to word: the reason, and the limits a size refusal passed. */
export function unreadableOf(reason: WorkbookReadFailure): Unreadable {
  return reason === "too_large" || reason === "too_much_data" ? { reason, limits: FILE_LIMITS } : { reason };
}

/** Why bytes were refused before parsing; `readWorkbook.ts` maps each to a `WorkbookReadFailure`. */
export type LimitFailure =
  | { readonly reason: "empty" }
  | { readonly reason: "old_xls" }
  | { readonly reason: "encrypted" }
  | { readonly reason: "ods" }
  | { readonly reason: "not_xlsx"; readonly detail: string }
  | { readonly reason: "damaged"; readonly detail: string }
  | { readonly reason: "too_large"; readonly detail: string }
  | { readonly reason: "too_much_data"; readonly detail: string };

/** What a file that passed is made of (for logs and tests). */
export interface ArchiveStats {
  readonly entries: number;
  readonly expandedBytes: number;
  readonly cells: number;
}

const CFB_MAGIC = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1];

function startsWith(bytes: Uint8Array, magic: readonly number[]): boolean {
  return magic.every((b, i) => bytes[i] === b);
}

/** Whether `needle` (as UTF-16LE, as CFB directory entries store names) occurs in `bytes`. */
function hasUtf16Name(bytes: Uint8Array, needle: string): boolean {
  const pattern = new Uint8Array(needle.length * 2);
  for (let i = 0; i < needle.length; i++) pattern[i * 2] = needle.charCodeAt(i);
  const first = pattern[0];
  outer: for (let i = bytes.indexOf(first); i !== -1 && i <= bytes.length - pattern.length; i = bytes.indexOf(first, i + 1)) {
    for (let j = 1; j < pattern.length; j++) if (bytes[i + j] !== pattern[j]) continue outer;
    return true;
  }
  return false;
}

class Refused extends Error {
  constructor(readonly failure: LimitFailure) {
    super(failure.reason);
  }
}

const damaged = (detail: string) => new Refused({ reason: "damaged", detail });
const tooMuch = (detail: string) => new Refused({ reason: "too_much_data", detail });

/** The zip reader's refusals as limit failures: every one of them is a damaged (or unreadable) archive. */
function zipRead<T>(read: () => T): T {
  try {
    return read();
  } catch (e) {
    if (e instanceof PatchRefused) throw damaged("detail" in e.refusal ? String(e.refusal.detail) : e.refusal.reason);
    throw e;
  }
}

/**
 * The archive's entries (package/zip.ts, the one zip reader), checked against the entry limit before the directory
 * is read and against the sizes the entries declare.
 */
function centralDirectory(bytes: Uint8Array): ZipArchive {
  const end = zipRead(() => readZipEnd(bytes));
  if (end.count > MAX_ENTRIES) throw tooMuch(`${end.count} entries`);
  const archive = zipRead(() => readZip(bytes));
  let declared = 0;
  for (const entry of archive.entries) {
    declared += entry.size;
    if (declared > MAX_EXPANDED_BYTES) throw tooMuch(`declares ${declared} bytes expanded`);
  }
  return archive;
}

const WORKSHEET = /^xl\/worksheets\/[^/]+\.xml$/i;

/** Counts `<c ...>` / `<x:c ...>` start tags (not `</x:c>` end tags) across chunk boundaries. */
class CellCounter {
  count = 0;
  private prev1 = 0;
  private prev2 = 0;
  /** whether the current tag is an end tag ("</...") */
  private closing = false;
  feed(chunk: Uint8Array): void {
    for (let i = 0; i < chunk.length; i++) {
      const b = chunk[i];
      if (this.prev1 === 0x3c) this.closing = b === 0x2f;
      // "c" after "<" (or after a prefix's ":" in a start tag) and before a space, ">" or "/": a cell element.
      if ((b === 0x20 || b === 0x3e || b === 0x2f || b === 0x0a || b === 0x0d || b === 0x09) && this.prev1 === 0x63 && (this.prev2 === 0x3c || (this.prev2 === 0x3a && !this.closing))) {
        this.count++;
      }
      this.prev2 = this.prev1;
      this.prev1 = b;
    }
  }
}

/**
 * Inflates one entry as a stream, keeping nothing (streamEntry refuses bytes beyond what its header declared: a
 * lying header is how a small file hides gigabytes from a size check); the total may not pass `budget`.
 */
function expandEntry(archive: ZipArchive, entry: ZipEntry, budget: number, cells: CellCounter | null): number {
  let produced = 0;
  zipRead(() =>
    streamEntry(archive, entry, (chunk) => {
      produced += chunk.length;
      if (produced > budget) throw tooMuch(`${entry.name} expands beyond the limit`);
      cells?.feed(chunk);
      if (cells && cells.count > MAX_CELLS) throw tooMuch(`more than ${MAX_CELLS} cells`);
    }),
  );
  return produced;
}

/** The kind checks and the central directory's limits, without expanding anything; the archive when they pass. */
function checkKind(bytes: Uint8Array): ZipArchive {
  if (bytes.length === 0) throw new Refused({ reason: "empty" });
  if (bytes.length > MAX_FILE_BYTES) throw new Refused({ reason: "too_large", detail: `${bytes.length} bytes` });
  if (startsWith(bytes, CFB_MAGIC)) {
    // A compound file: either an old .xls, or an .xlsx saved with a password (Office wraps it in a CFB
    // container with EncryptionInfo and EncryptedPackage streams).
    const encrypted = hasUtf16Name(bytes, "EncryptedPackage") || hasUtf16Name(bytes, "EncryptionInfo");
    throw new Refused({ reason: encrypted ? "encrypted" : "old_xls" });
  }
  if (!(bytes[0] === 0x50 && bytes[1] === 0x4b)) throw new Refused({ reason: "not_xlsx", detail: "not a zip archive" });
  const archive = centralDirectory(bytes);
  const { entries } = archive;
  const names = new Set(entries.map((e) => e.name.toLowerCase()));
  if (!names.has("xl/workbook.xml")) {
    if (names.has("mimetype") && names.has("content.xml")) throw new Refused({ reason: "ods" });
    // A package whose workbook part has another name (the root relationship says which): read on, the reader
    // finds it through the relationships. A Word or PowerPoint package is no workbook.
    const otherOffice = names.has("word/document.xml") || names.has("ppt/presentation.xml");
    if (otherOffice || !names.has("_rels/.rels") || !names.has("[content_types].xml")) throw new Refused({ reason: "not_xlsx", detail: "no xl/workbook.xml" });
  }
  if (entries.some((e) => e.flags & 1)) throw new Refused({ reason: "encrypted" });
  return archive;
}

/**
 * What the streaming reader checks before it reads the parts it needs (each of which it expands under
 * MAX_EXPANDED_BYTES, refusing a part that expands beyond its declared size): the kind of file (old .xls,
 * password-protected workbook, .ods, a zip that is no workbook), the file size, the number of parts and the sizes
 * they declare. Parts it never reads are never expanded, so they cost nothing.
 */
export function checkWorkbookKind(bytes: Uint8Array): { ok: true; archive: ZipArchive } | { ok: false; failure: LimitFailure } {
  try {
    return { ok: true, archive: checkKind(bytes) };
  } catch (e) {
    if (e instanceof Refused) return { ok: false, failure: e.failure };
    throw e;
  }
}

/**
 * Checks bytes before ExcelJS parses them: the kind checks above, then every part expanded once as a stream that
 * keeps nothing (counting bytes and cells). Returns the archive's figures, or the failure.
 */
export function inspectWorkbookBytes(bytes: Uint8Array): { ok: true; stats: ArchiveStats } | { ok: false; failure: LimitFailure } {
  try {
    const archive = checkKind(bytes);
    let expanded = 0;
    const cells = new CellCounter();
    for (const entry of archive.entries) {
      if (entry.name.endsWith("/") && entry.size === 0) continue;
      expanded += expandEntry(archive, entry, MAX_EXPANDED_BYTES - expanded, WORKSHEET.test(entry.name) ? cells : null);
    }
    return { ok: true, stats: { entries: archive.entries.length, expandedBytes: expanded, cells: cells.count } };
  } catch (e) {
    if (e instanceof Refused) return { ok: false, failure: e.failure };
    throw e;
  }
}
