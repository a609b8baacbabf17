/**
 * Reading the workbook into the engine's grids in ONE round trip.
 *
 * The sheet list is not known before a sync, so instead of "load names, sync, load ranges, sync" the batch walks
 * the sheets with `getFirst()` / `getNextOrNullObject()` (ExcelApi 1.5) up to MAX_SHEETS, and queues for each the
 * used part of a bounded window (`getRange(READ_WINDOW).getUsedRangeOrNullObject(true)`): past the last sheet
 * the objects are null objects and come back empty. One request, one response; the window bounds the response
 * whatever the sheet holds (a 50,000-row sheet is read as its first READ_ROWS rows). docs/OFFICE.md, "Reading".
 */
import { type CellValue, fromA1, type Grid } from "../core";
import { queueMarkState, type MarkState } from "./highlights";
import { READ_WINDOW } from "./readWindow";

export { READ_COLS, READ_ROWS, READ_WINDOW } from "./readWindow";

/** Sheets looked at in one read (null objects past the last sheet cost a few bytes each). */
export const MAX_SHEETS = 30;

/** One sheet as the check needs it. */
export interface SheetRead {
  readonly name: string;
  readonly id: string;
  readonly protected: boolean;
  /** hidden or very hidden (Worksheet.visibility): never checked before a visible sheet, never written unless chosen */
  readonly hidden: boolean;
  readonly grid: Grid;
  /**
   * the sheet's conditional formats as marking needs them, when the read was asked for them (read with the cells, so
   * the check's own mark write needs no read)
   */
  readonly marks: MarkState | null;
}

/** What a read of sheets loads besides the cells. */
export interface SheetReadOptions {
  /** the conditional formats over the read window (only a check that will mark needs them) */
  readonly marks?: boolean;
}

/** The proxies one sheet's read is queued on; resolved after the sync. */
interface Slot {
  readonly sheet: Excel.Worksheet;
  readonly used: Excel.Range;
  readonly marks: { resolve: () => MarkState } | null;
}

const RANGE_PROPS = ["address", "values", "formulas", "numberFormat", "text"];

/** Queues the loads for one sheet's bounded used range, its name, id and protection (and its marks when asked). */
function queueSheet(sheet: Excel.Worksheet, options: SheetReadOptions): Slot {
  sheet.load(["name", "id", "visibility"]);
  sheet.protection.load("protected");
  const used = sheet.getRange(READ_WINDOW).getUsedRangeOrNullObject(true);
  used.load(RANGE_PROPS);
  // Past the last sheet this is a null object's collection too, and comes back empty (resolve is never called on it).
  return { sheet, used, marks: options.marks ? queueMarkState(sheet) : null };
}

/**
 * Queues a read of the first MAX_SHEETS sheets; call `resolve` after the one sync. `more` tells whether the
 * workbook has sheets past them (the one after the last is looked at too): those need a read of their own.
 */
export function queueAllSheets(context: Excel.RequestContext, options: SheetReadOptions = {}): { resolve: () => { reads: SheetRead[]; more: boolean } } {
  const slots: Slot[] = [];
  let sheet = context.workbook.worksheets.getFirst();
  slots.push(queueSheet(sheet, options));
  for (let i = 1; i < MAX_SHEETS; i++) {
    sheet = sheet.getNextOrNullObject();
    slots.push(queueSheet(sheet, options));
  }
  const after = sheet.getNextOrNullObject();
  after.load("name");
  return { resolve: () => ({ reads: slots.filter((s) => !s.sheet.isNullObject).map(resolveSlot), more: !after.isNullObject }) };
}

/** Queues a read of the named sheets only (a re-check of the sheet found last time); missing sheets are skipped. */
export function queueNamedSheets(context: Excel.RequestContext, names: readonly string[], options: SheetReadOptions = {}): { resolve: () => SheetRead[] } {
  const slots = names.map((name) => queueSheet(context.workbook.worksheets.getItemOrNullObject(name), options));
  return { resolve: () => slots.filter((s) => !s.sheet.isNullObject).map(resolveSlot) };
}

function resolveSlot(slot: Slot): SheetRead {
  const { sheet, used } = slot;
  return {
    name: sheet.name,
    id: sheet.id,
    protected: sheet.protection.protected,
    hidden: sheet.visibility !== undefined && sheet.visibility !== "Visible",
    grid: used.isNullObject ? emptyGrid() : rangeToGrid(used),
    marks: slot.marks ? slot.marks.resolve() : null,
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
  const formulas = range.formulas.map((row) => row.map((f) => (typeof f === "string" && f.startsWith("=") ? f : "")));
  return {
    origin: addressOrigin(range.address),
    // Excel has computed every formula: one showing "" holds the empty text, which is a result, not a missing one.
    values: range.values.map((row, r) => row.map((v, c) => (v === "" && formulas[r]?.[c] ? "" : toCellValue(v)))),
    formulas,
    numberFormats: range.numberFormat.map((row) => row.map((f) => (typeof f === "string" ? f : "General"))),
    texts: range.text.map((row) => row.map((t) => String(t ?? ""))),
  };
}

function toCellValue(v: unknown): CellValue {
  if (v === "" || v === null || v === undefined) return null;
  if (typeof v === "number" || typeof v === "string" || typeof v === "boolean") return v;
  return String(v);
}
