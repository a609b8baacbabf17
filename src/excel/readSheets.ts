/**
 * Reading the workbook into the engine's grids in ONE round trip.
 *
 * The sheet list is not known before a sync, so instead of "load names, sync, load ranges, sync" the batch walks
 * the sheets with `getFirst()` / `getNextOrNullObject()` (ExcelApi 1.5) up to MAX_SHEETS, and queues for each the
 * used part of a bounded window (`getRange(READ_WINDOW).getUsedRangeOrNullObject(true)`): past the last sheet
 * the objects are null objects and come back empty. One request, one response; the window bounds the response
 * whatever the sheet holds (a 50,000-row sheet is read as its first READ_ROWS rows). docs/OFFICE.md, "Reading".
 */
import { columnLetters, fromA1 } from "../core/address";
import type { CellValue, Grid } from "../core/grid";
import { queueMarkState, type MarkState } from "./highlights";

/** Rows read from the top of each sheet: the locator wants the header in the first 300 rows, and the appendix is ~190 rows. */
export const READ_ROWS = 600;
/** Columns read from column A: the appendix is 5 columns wide; it may be shifted right or sit beside other tables. */
export const READ_COLS = 26;
/** The window each sheet is read in. */
export const READ_WINDOW = `A1:${columnLetters(READ_COLS - 1)}${READ_ROWS}`;
/** Sheets looked at in one read (null objects past the last sheet cost a few bytes each). */
export const MAX_SHEETS = 30;

/** One sheet as the check needs it. */
export interface SheetRead {
  readonly name: string;
  readonly id: string;
  readonly protected: boolean;
  readonly grid: Grid;
  /** the sheet's conditional formats as marking needs them (read with the cells, so a mark write needs no read) */
  readonly marks: MarkState;
}

/** The proxies one sheet's read is queued on; resolved after the sync. */
interface Slot {
  readonly sheet: Excel.Worksheet;
  readonly used: Excel.Range;
  readonly marks: { resolve: () => MarkState };
}

const RANGE_PROPS = ["address", "values", "formulas", "numberFormat", "text"];

/** Queues the loads for one sheet's bounded used range, its name, id and protection. */
function queueSheet(sheet: Excel.Worksheet): Slot {
  sheet.load(["name", "id"]);
  sheet.protection.load("protected");
  const used = sheet.getRange(READ_WINDOW).getUsedRangeOrNullObject(true);
  used.load(RANGE_PROPS);
  // Past the last sheet this is a null object's collection too, and comes back empty (resolve is never called on it).
  return { sheet, used, marks: queueMarkState(sheet) };
}

/** Queues a read of every sheet (up to MAX_SHEETS); call `resolve` after the one sync. */
export function queueAllSheets(context: Excel.RequestContext): { resolve: () => SheetRead[] } {
  const slots: Slot[] = [];
  let sheet = context.workbook.worksheets.getFirst();
  slots.push(queueSheet(sheet));
  for (let i = 1; i < MAX_SHEETS; i++) {
    sheet = sheet.getNextOrNullObject();
    slots.push(queueSheet(sheet));
  }
  return { resolve: () => slots.filter((s) => !s.sheet.isNullObject).map(resolveSlot) };
}

/** Queues a read of the named sheets only (a re-check of the sheet found last time); missing sheets are skipped. */
export function queueNamedSheets(context: Excel.RequestContext, names: readonly string[]): { resolve: () => SheetRead[] } {
  const slots = names.map((name) => queueSheet(context.workbook.worksheets.getItemOrNullObject(name)));
  return { resolve: () => slots.filter((s) => !s.sheet.isNullObject).map(resolveSlot) };
}

function resolveSlot(slot: Slot): SheetRead {
  const { sheet, used } = slot;
  return {
    name: sheet.name,
    id: sheet.id,
    protected: sheet.protection.protected,
    grid: used.isNullObject ? emptyGrid() : rangeToGrid(used),
    marks: slot.marks.resolve(),
  };
}

function emptyGrid(): Grid {
  return { origin: { row: 0, col: 0 }, values: [], formulas: [], numberFormats: [], texts: [] };
}

/** The top-left cell of an office-js address ("'Phụ lục (2)'!B3:F200" -> B3). */
export function addressOrigin(address: string): { row: number; col: number } {
  const local = address.slice(address.lastIndexOf("!") + 1);
  const first = local.split(":")[0];
  const at = fromA1(first);
  if (!at) throw new Error(`unexpected range address from Excel: ${address}`);
  return at;
}

/** A loaded range as a grid: values (errors arrive as their text), formulas as strings, formats, texts. */
export function rangeToGrid(range: Pick<Excel.Range, "address" | "values" | "formulas" | "numberFormat" | "text">): Grid {
  return {
    origin: addressOrigin(range.address),
    values: range.values.map((row) => row.map(toCellValue)),
    formulas: range.formulas.map((row) => row.map((f) => (typeof f === "string" && f.startsWith("=") ? f : ""))),
    numberFormats: range.numberFormat.map((row) => row.map((f) => (typeof f === "string" ? f : "General"))),
    texts: range.text.map((row) => row.map((t) => String(t ?? ""))),
  };
}

function toCellValue(v: unknown): CellValue {
  if (v === "" || v === null || v === undefined) return null;
  if (typeof v === "number" || typeof v === "string" || typeof v === "boolean") return v;
  return String(v);
}
