/**
 * Reading and writing workbook files for the commands, with every failure turned into one sentence. A workbook is
 * read by the streaming reader (only the sheets that may hold the appendix, src/xlsx/package/readSheets.ts); outputs
 * are written atomically (atomicFile.ts).
 */
import * as fs from "fs";
import * as path from "path";
import {
  type FoundCheck, fromA1, type Grid, type Location, type Template, templates, type Unreadable, type Period,
} from "../core";
import { checkAppendixSheets, readAppendixSheets, StreamReadError, unreadableOf, type SheetGrid, type SheetRead } from "../xlsx/package";
import { OutputError, writeAtomically, writeBytesAtomically } from "./atomicFile";
import { existingName } from "./fileNames";
import type { CliMessages } from "./messages";

/** A problem with one file that the user can act on: the sentence says what and where. */
export class FileProblem extends Error {
  constructor(message: string) {
    super(message);
    this.name = "FileProblem";
  }
}

/** A file's appendix, found and checked: the file's bytes (for writing a copy), the sheet's grid, the check. */
export interface FoundAppendix {
  /** the file as read (the copy is patched from these very bytes) */
  readonly bytes: Uint8Array;
  readonly grid: Grid;
  /** the one check every surface runs (src/core/checkWorkbook.ts) */
  readonly check: FoundCheck;
  /** what the grid alone does not show, but could make a check silently wrong */
  readonly sheetNotes: SheetNotes;
}

/** Merged value cells, hidden rows and filters on the appendix's sheet: each gets a note line (and a JSON field). */
export interface SheetNotes {
  /** merged areas ("D10:D12", "C10:D10") over the value column within the appendix: only their first cell is read */
  readonly mergedValueCells: readonly string[];
  /** 1-based sheet rows of the appendix that are hidden (still checked) */
  readonly hiddenRows: readonly number[];
  /** the sheet has a filter (rows it hides are still checked) */
  readonly filtered: boolean;
}

/** Merges, hidden rows and filters that touch the appendix on the sheet read. */
export function sheetNotes(sheet: SheetRead, location: Location): SheetNotes {
  const rows = [...Object.values(location.rows), ...Object.values(location.sectionRows)];
  const first = location.headerRow + 1;
  const last = Math.max(first, ...rows);
  const value = location.columns.value;
  const mergedValueCells = sheet.merges.filter((range) => {
    const [a, b = a] = range.split(":");
    const from = fromA1(a);
    const to = fromA1(b);
    return !!from && !!to && from.col <= value && value <= to.col && from.row <= last && first <= to.row;
  });
  const hiddenRows = [...new Set(rows)].sort((x, y) => x - y).filter((r) => sheet.hiddenRows.has(r)).map((r) => r + 1);
  return { mergedValueCells, hiddenRows, filtered: sheet.filtered };
}

function systemReason(e: unknown): string {
  return e && typeof e === "object" && "code" in e ? String((e as { code: unknown }).code) : String(e);
}

/**
 * The file's bytes, or why they could not be read (a missing file, a directory, the system's refusal), as data. A
 * name in another Unicode form than the one on disk (NFD typed, NFC stored, or the reverse) finds the file.
 */
export function fileBytes(file: string): { readonly bytes: Buffer } | { readonly unreadable: Unreadable } {
  const onDisk = existingName(file);
  let stat: fs.Stats;
  try {
    stat = fs.statSync(onDisk);
  } catch (e) {
    return { unreadable: systemReason(e) === "ENOENT" ? { reason: "not_found" } : { reason: "io_error", system: systemReason(e) } };
  }
  if (stat.isDirectory()) return { unreadable: { reason: "is_directory" } };
  try {
    return { bytes: fs.readFileSync(onDisk) };
  } catch (e) {
    return { unreadable: { reason: "io_error", system: systemReason(e) } };
  }
}

/** The file's bytes, or a `FileProblem` saying why they could not be read. */
export function readBytes(file: string, m: CliMessages): Buffer {
  const read = fileBytes(file);
  if ("unreadable" in read) throw new FileProblem(m.unreadable(file, read.unreadable));
  return read.bytes;
}

/**
 * Reads `file`, finds the appendix in it (only in `sheetName` when given) among the `candidates` forms' templates (the
 * best-matching one) and checks it. Throws `FileProblem` otherwise.
 */
export async function findAppendix(
  file: string,
  m: CliMessages,
  sheetName?: string,
  candidates: readonly Template[] = templates,
  valueColumn?: number,
  period?: Period,
): Promise<FoundAppendix> {
  const bytes = readBytes(file, m);
  let read;
  try {
    read = readAppendixSheets(bytes, candidates, sheetName);
  } catch (e) {
    if (e instanceof StreamReadError) throw new FileProblem(m.unreadable(file, unreadableOf(e.reason)));
    throw e;
  }
  if (sheetName !== undefined && !read.sheets.some((s) => s.name === sheetName)) throw new FileProblem(m.noSheet(file, sheetName, read.sheetNames.join(", ")));
  const sheets: SheetGrid[] = read.sheets.map((s) => ({ name: s.name, grid: s.grid, hidden: s.hidden }));
  const check = checkAppendixSheets(sheets, read.sheetNames, candidates, {
    ...(valueColumn === undefined ? {} : { valueColumn }),
    ...(sheetName === undefined ? {} : { sheet: sheetName }),
    ...(period === undefined ? {} : { period }),
  });
  if (!check.found) throw new FileProblem(m.noAppendix(file, check.failure));
  const index = sheets.findIndex((s) => s.name === check.sheet);
  return { bytes, grid: sheets[index].grid, check, sheetNotes: sheetNotes(read.sheets[index], check.location) };
}

/** The folder an output goes into, as the user would name it ("." for the current folder). */
function folderOf(file: string): string {
  return path.dirname(file);
}

function outputProblem(file: string, e: OutputError, m: CliMessages): FileProblem {
  if (e.reason === "exists") return new FileProblem(m.outExists(file));
  if (e.reason === "open_elsewhere") return new FileProblem(m.outOpen(file));
  switch (e.detail) {
    case "ENOSPC":
    case "EDQUOT":
      return new FileProblem(m.noSpace(file));
    case "ENOENT":
      return new FileProblem(m.outFolderMissing(file, folderOf(file)));
    case "ENOTDIR":
      return new FileProblem(m.outFolderIsFile(file, folderOf(file)));
    case "EISDIR":
      return new FileProblem(m.outIsFolder(file, path.join(file, "ket-qua.xlsx")));
    case "EACCES":
    case "EPERM":
    case "EROFS":
      return new FileProblem(m.outNoPermission(file, folderOf(file)));
    default:
      return new FileProblem(m.cannotWrite(file, e.detail));
  }
}

/**
 * Checks an output name before any work is done: not a folder, with one of `extensions`, in a folder that exists (each
 * a `FileProblem` saying what to do). A backslash in the name on Linux or macOS, where it is no folder separator
 * (`-o out\da-dien.xlsx` typed as on Windows), is written as typed after a `warn`ing.
 */
export function checkOutputName(file: string, m: CliMessages, warn: (text: string) => void, extensions: readonly string[] = [".xlsx"], example = "ket-qua.xlsx"): void {
  const statOf = (p: string): fs.Stats | null => {
    try {
      return fs.statSync(existingName(p));
    } catch {
      // Missing, or a file where a folder should be: said below by what the folder is.
      return null;
    }
  };
  const stat = statOf(file);
  if (stat?.isDirectory()) throw new FileProblem(m.outIsFolder(file, path.join(file, example)));
  if (!extensions.includes(path.extname(file).toLowerCase())) throw new FileProblem(m.outNotXlsx(file));
  const folder = statOf(path.dirname(path.resolve(file)));
  if (!folder) {
    // A file on the way ("report.xlsx/out.xlsx") is not a missing folder.
    const parts = path.dirname(path.resolve(file)).split(path.sep);
    const onTheWay = parts.map((_, i) => parts.slice(0, i + 1).join(path.sep) || path.sep).find((p) => statOf(p)?.isFile());
    throw new FileProblem(onTheWay ? m.outFolderIsFile(file, path.relative(".", onTheWay) || onTheWay) : m.outFolderMissing(file, folderOf(file)));
  }
  if (!folder.isDirectory()) throw new FileProblem(m.outFolderIsFile(file, folderOf(file)));
  if (path.sep === "/" && file.includes("\\")) warn(`${m.backslashName(file, file.replace(/\\/g, "/"))}\n`);
}

/**
 * Writes `bytes` to `file` atomically (atomicFile.ts): without `force` an existing file is never replaced, a file
 * open in Excel never, and a failure leaves nothing behind.
 */
export async function writeOutput(file: string, bytes: Uint8Array, force: boolean, m: CliMessages): Promise<void> {
  try {
    await writeBytesAtomically(file, bytes, force);
  } catch (e) {
    if (e instanceof OutputError) throw outputProblem(file, e, m);
    throw e;
  }
}

/** `writeOutput` for a writer that creates the file at the path it is handed (ExcelJS's streaming writer). */
export async function writeOutputWith(file: string, force: boolean, m: CliMessages, write: (temp: string) => Promise<void>): Promise<void> {
  try {
    await writeAtomically(file, force, write);
  } catch (e) {
    if (e instanceof OutputError) throw outputProblem(file, e, m);
    throw e;
  }
}

/** True when both names lead to the same file (same path, or a link to it). */
export function sameFile(a: string, b: string): boolean {
  if (path.resolve(a).normalize("NFC") === path.resolve(b).normalize("NFC")) return true;
  try {
    const sa = fs.statSync(existingName(a));
    const sb = fs.statSync(existingName(b));
    return sa.dev === sb.dev && sa.ino === sb.ino;
  } catch {
    // One of them does not exist yet: they cannot be the same file.
    return false;
  }
}
