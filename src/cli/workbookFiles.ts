/** Reading and writing workbook files for the commands, with every failure turned into one sentence. */
import * as fs from "fs";
import * as path from "path";
import type ExcelJS from "exceljs";
import { templates } from "../core/catalog";
import { checkWorkbook, type FoundCheck } from "../core/checkWorkbook";
import type { Grid } from "../core/grid";
import type { Location } from "../core/location";
import { fromA1 } from "../core/address";
import { WorkbookReadError, loadWorkbook, worksheetGrid } from "../xlsx";
import type { CliMessages } from "./messages";

/** A problem with one file that the user can act on: the sentence says what and where. */
export class FileProblem extends Error {
  constructor(message: string) {
    super(message);
    this.name = "FileProblem";
  }
}

/** A file's appendix, found and checked: the workbook (for writing a copy), the sheet and its grid, the check. */
export interface FoundAppendix {
  readonly workbook: ExcelJS.Workbook;
  readonly worksheet: ExcelJS.Worksheet;
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

/** Merges, hidden rows and filters that touch the appendix on `ws`. */
export function sheetNotes(ws: ExcelJS.Worksheet, location: Location): SheetNotes {
  const rows = [...Object.values(location.rows), ...Object.values(location.sectionRows)];
  const first = location.headerRow + 1;
  const last = Math.max(first, ...rows);
  const value = location.columns.value;
  const mergedValueCells = (ws.model.merges ?? []).filter((range) => {
    const [a, b = a] = range.split(":");
    const from = fromA1(a);
    const to = fromA1(b);
    return !!from && !!to && from.col <= value && value <= to.col && from.row <= last && first <= to.row;
  });
  const hiddenRows = [...new Set(rows)].sort((x, y) => x - y).filter((r) => ws.getRow(r + 1).hidden).map((r) => r + 1);
  return { mergedValueCells, hiddenRows, filtered: !!ws.autoFilter };
}

function systemReason(e: unknown): string {
  return e && typeof e === "object" && "code" in e ? String((e as { code: unknown }).code) : String(e);
}

/** The file's bytes, or a `FileProblem` for a missing file, a directory or an unreadable one. */
export function readBytes(file: string, m: CliMessages): Buffer {
  let stat: fs.Stats;
  try {
    stat = fs.statSync(file);
  } catch (e) {
    if (systemReason(e) === "ENOENT") throw new FileProblem(m.notFound(file));
    throw new FileProblem(m.cannotRead(file, systemReason(e)));
  }
  if (stat.isDirectory()) throw new FileProblem(m.isDirectory(file));
  try {
    return fs.readFileSync(file);
  } catch (e) {
    throw new FileProblem(m.cannotRead(file, systemReason(e)));
  }
}

/** Loads `file`, finds the appendix in it (only in `sheetName` when given) and checks it. Throws `FileProblem` otherwise. */
export async function findAppendix(file: string, m: CliMessages, sheetName?: string): Promise<FoundAppendix> {
  const bytes = readBytes(file, m);
  let workbook: ExcelJS.Workbook;
  try {
    workbook = await loadWorkbook(bytes);
  } catch (e) {
    if (e instanceof WorkbookReadError) throw new FileProblem(m.readFailure(file, e.reason));
    throw e;
  }
  let worksheets = workbook.worksheets;
  if (sheetName !== undefined) {
    worksheets = worksheets.filter((w) => w.name === sheetName);
    if (worksheets.length === 0) throw new FileProblem(m.noSheet(file, sheetName, workbook.worksheets.map((w) => w.name).join(", ")));
  }
  const sheets = worksheets.map((w) => ({ name: w.name, grid: worksheetGrid(w) }));
  const check = checkWorkbook(sheets, templates);
  if (!check.found) throw new FileProblem(m.noAppendix(file, check.failure));
  const index = sheets.findIndex((s) => s.name === check.sheet);
  return {
    workbook,
    worksheet: worksheets[index],
    grid: sheets[index].grid,
    check,
    sheetNotes: sheetNotes(worksheets[index], check.location),
  };
}

/**
 * Writes `bytes` to `file`; without `force` an existing file is never replaced (the check and the creation are one
 * step, so nothing can slip in between).
 */
export function writeOutput(file: string, bytes: Uint8Array, force: boolean, m: CliMessages): void {
  try {
    fs.writeFileSync(file, bytes, { flag: force ? "w" : "wx" });
  } catch (e) {
    if (systemReason(e) === "EEXIST") throw new FileProblem(m.outExists(file));
    throw new FileProblem(m.cannotWrite(file, systemReason(e)));
  }
}

/** True when both names lead to the same file (same path, or a link to it). */
export function sameFile(a: string, b: string): boolean {
  if (path.resolve(a) === path.resolve(b)) return true;
  try {
    const sa = fs.statSync(a);
    const sb = fs.statSync(b);
    return sa.dev === sb.dev && sa.ino === sb.ino;
  } catch {
    // One of them does not exist yet: they cannot be the same file.
    return false;
  }
}
