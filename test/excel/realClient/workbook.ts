/**
 * The in-memory workbook behind the real-client test host: cells, formats, conditional formats, merges, names,
 * validations, settings, protection, an undo stack and the change events. It holds data and Excel's rules about
 * it (sheet names, defined names, formulas in the en-US grammar, list sources, address lengths); the RichApi
 * side (richApi.ts) maps Microsoft's client requests onto it. Tests build workbooks with `addSheet`/`addGrid`
 * and read the result back with `cell`, `sheet`, `snapshot`.
 */
import { type CellValue, columnIndex, columnLetters, fromA1, type Grid } from "../../../src/core";

/** A cell of the model. `value` is "" for a blank cell, as office-js reports it. */
export interface ModelCell {
  value: string | number | boolean;
  formula: string;
  numberFormat: string;
}

/** A conditional format of the model. */
export interface ModelConditionalFormat {
  id: string;
  type: string;
  /** the A1 areas it covers */
  areas: string;
  /** rule formula of a custom format ("" for other types) */
  formula: string;
  /** format settings: "fill.color" -> "#FFC7CE" */
  format: Record<string, unknown>;
}

/** A worksheet of the model. */
export interface ModelSheet {
  id: string;
  name: string;
  protected: boolean;
  /** Excel's Worksheet.visibility (absent: "Visible") */
  visibility?: "Visible" | "Hidden" | "VeryHidden";
  cells: Map<string, ModelCell>;
  /** format settings by target address: "B2:C3" -> { "fill.color": "#FF0000" } */
  formats: Map<string, Record<string, unknown>>;
  conditionalFormats: ModelConditionalFormat[];
  merges: string[];
  /** sheet-scoped defined names -> the A1 range they refer to */
  names: Map<string, string>;
  validations: Map<string, Record<string, unknown>>;
  pageLayout: Record<string, unknown>;
  freezeRows: number;
  /** cells (A1) left unlocked: writable while the sheet is protected, as Excel's Format Cells > Protection allows */
  unlocked?: Set<string>;
  /**
   * Conditional formats Excel cannot load (office-js#5222, #6827, #6835: two rules on one range made in Excel's
   * own dialog): any query reaching them fails with this code, at this location.
   */
  brokenConditionalFormats?: { areas: string; code: string; location: string };
}

/** An error Excel answers a request with (code, message, where). */
export class ExcelModelError extends Error {
  constructor(
    readonly code: string,
    message: string,
    /** `debugInfo.errorLocation`: the object type and member, e.g. "WorksheetCollection.getItem" */
    readonly location = "",
  ) {
    super(message);
    this.name = "ExcelModelError";
  }
}

const MAX_ROW = 1048575;
const MAX_COL = 16383;
/** Excel refuses a range address longer than this (Range and RangeAreas addresses). */
export const MAX_ADDRESS_CHARS = 8192;
/** A data validation list source typed into the rule: at most 255 characters. */
export const MAX_LIST_SOURCE_CHARS = 255;

export const cellKey = (row: number, col: number) => `${row}:${col}`;
const BLANK: ModelCell = { value: "", formula: "", numberFormat: "General" };

/** A rectangle, 0-based inclusive. */
export interface Rect {
  top: number;
  left: number;
  bottom: number;
  right: number;
}

/** "B2:D5", "$B$2", "A:A", "3:3" -> rectangle; anything else is Excel's InvalidArgument. */
export function parseArea(address: string, location = "Worksheet.getRange"): Rect {
  const local = address.slice(address.lastIndexOf("!") + 1).replace(/\$/g, "");
  const [a, b = a, extra] = local.split(":");
  const bad = () => new ExcelModelError("InvalidArgument", `The argument is invalid or missing or has an incorrect format: ${address}`, location);
  if (extra !== undefined || !a) throw bad();
  if (/^[A-Z]{1,3}$/i.test(a) && /^[A-Z]{1,3}$/i.test(b)) {
    const l = columnIndex(a.toUpperCase());
    const r = columnIndex(b.toUpperCase());
    if (l > MAX_COL || r > MAX_COL) throw bad();
    return { top: 0, bottom: MAX_ROW, left: Math.min(l, r), right: Math.max(l, r) };
  }
  if (/^\d+$/.test(a) && /^\d+$/.test(b)) {
    const t = Number(a) - 1;
    const u = Number(b) - 1;
    if (t < 0 || u < 0 || t > MAX_ROW || u > MAX_ROW) throw bad();
    return { top: Math.min(t, u), bottom: Math.max(t, u), left: 0, right: MAX_COL };
  }
  const from = /^[A-Z]{1,3}\d+$/i.test(a) ? fromA1(a.toUpperCase()) : null;
  const to = /^[A-Z]{1,3}\d+$/i.test(b) ? fromA1(b.toUpperCase()) : null;
  if (!from || !to || Math.max(from.row, to.row) > MAX_ROW || Math.max(from.col, to.col) > MAX_COL) throw bad();
  return { top: Math.min(from.row, to.row), bottom: Math.max(from.row, to.row), left: Math.min(from.col, to.col), right: Math.max(from.col, to.col) };
}

/** A rectangle as A1 ("B2", "B2:D5"). */
export function rectA1(r: Rect): string {
  const a = `${columnLetters(r.left)}${r.top + 1}`;
  const b = `${columnLetters(r.right)}${r.bottom + 1}`;
  return a === b ? a : `${a}:${b}`;
}

export function intersects(a: Rect, b: Rect): boolean {
  return a.left <= b.right && b.left <= a.right && a.top <= b.bottom && b.top <= a.bottom;
}

/** A sheet name as Excel quotes it in an address. */
export function quotedSheet(name: string): string {
  return /^[A-Za-z_][A-Za-z0-9_.]*$/.test(name) ? name : `'${name.replace(/'/g, "''")}'`;
}

/** Excel's rules for a worksheet name: 1–31 characters, none of []:*?/\, no apostrophe at either end, not "History". */
export function sheetNameProblem(name: string): string | null {
  if (name.length === 0 || name.length > 31) return "a sheet name has 1 to 31 characters";
  if (/[[\]:*?/\\]/.test(name)) return "a sheet name cannot contain [ ] : * ? / \\";
  if (name.startsWith("'") || name.endsWith("'")) return "a sheet name cannot begin or end with an apostrophe";
  if (name.toLowerCase() === "history") return "History is reserved";
  return null;
}

/** Excel's rules for a defined name: starts with a letter, _ or \, no spaces, not a cell reference, at most 255 characters. */
export function definedNameProblem(name: string): string | null {
  if (name.length === 0 || name.length > 255) return "a name has 1 to 255 characters";
  if (!/^[\p{L}_\\][\p{L}\p{N}_.\\?]*$/u.test(name)) return "a name starts with a letter, _ or \\ and holds letters, digits, _ . \\ ?";
  const cell = /^[A-Za-z]{1,3}\d+$/.test(name) ? fromA1(name.toUpperCase()) : null;
  if (cell && cell.col <= MAX_COL && cell.row >= 0 && cell.row <= MAX_ROW) return "a name cannot look like a cell reference";
  if (/^[RrCc]$/.test(name) || /^[Rr]\d*[Cc]\d*$/.test(name)) return "a name cannot look like an R1C1 reference";
  return null;
}

/** English function names this model knows (the ones a workbook of this kind uses); others give #NAME? as in Excel. */
const FUNCTIONS = new Set(
  (
    "ABS AND AVERAGE AVERAGEIF CEILING CHOOSE COUNT COUNTA COUNTBLANK COUNTIF COUNTIFS DATE DAY EXACT FIND FLOOR HLOOKUP IF " +
    "IFERROR IFS INDEX INT ISBLANK ISERR ISERROR ISLOGICAL ISNA ISNUMBER ISTEXT LEFT LEN LN LOG LOG10 LOWER MATCH MAX MID MIN MOD MONTH N NA " +
    "NOT NOW OR PRODUCT PROPER RANK REPLACE RIGHT ROUND ROUNDDOWN ROUNDUP ROW ROWS SEARCH SUBSTITUTE SUM SUMIF SUMIFS " +
    "SUMPRODUCT T TEXT TODAY TRIM TRUNC UPPER VALUE VLOOKUP XLOOKUP YEAR"
  ).split(" "),
);

/**
 * Checks a formula as Excel's en-US parser would for `Range.formulas` and rule formulas: balanced quotes, brackets
 * and parentheses, "," between arguments (";" is another locale's separator and an error here, except between the
 * rows of an array constant such as {1,2;3,4}, where en-US writes it), "." as decimal point (a "," inside a number
 * outside a function's argument list is an error). Returns the problem, or null.
 * Names Excel does not know are no error: Excel keeps the formula and shows #NAME?, as it does for a localized
 * function (SUMME, TỔNG) or constant (ĐÚNG, WAHR) typed through the en-US API, or an R1C1 reference in an A1
 * formula. `unknownFunctions` lists the functions, `unknownNames` the other names (`isName`: the workbook's
 * defined names).
 */
export function formulaProblem(
  formula: string,
  isName: (name: string) => boolean = () => false,
): { problem: string | null; unknownFunctions: string[]; unknownNames: string[] } {
  const unknownFunctions: string[] = [];
  const unknownNames: string[] = [];
  const fail = (problem: string) => ({ problem, unknownFunctions, unknownNames });
  if (!formula.startsWith("=")) return fail("not a formula");
  const body = formula.slice(1);
  if (body.trim() === "") return fail("empty formula");
  let depth = 0;
  let inArray = false;
  let i = 0;
  while (i < body.length) {
    const ch = body[i];
    if (ch === '"') {
      const end = body.indexOf('"', i + 1);
      if (end < 0) return fail("unclosed string");
      i = end + 1;
      continue; // "" inside a string: the next quote opens the rest of it
    }
    if (ch === "'") {
      const end = body.indexOf("'", i + 1);
      if (end < 0) return fail("unclosed sheet name");
      i = end + 1;
      continue;
    }
    if (ch === "{") {
      if (inArray) return fail("an array constant inside another");
      inArray = true;
    } else if (ch === "}") {
      if (!inArray) return fail("unbalanced braces");
      inArray = false;
    } else if (ch === ";" && !inArray) {
      return fail("';' is not an argument separator in the en-US grammar");
    } else if (ch === "(") {
      depth++;
    } else if (ch === ")") {
      depth--;
      if (depth < 0) return fail("unbalanced parentheses");
    } else if (ch === "," && depth === 0 && !inArray) {
      return fail("',' outside a function's arguments (a decimal comma?)");
    }
    const error = ch === "#" ? /^#(NULL!|DIV\/0!|VALUE!|REF!|NAME\?|NUM!|N\/A|SPILL!|CALC!|GETTING_DATA)/i.exec(body.slice(i)) : null;
    if (error) {
      i += error[0].length;
      continue;
    }
    const prev = i === 0 ? "" : body[i - 1];
    // Inside a name, a number (1.5E+3), a reference ($D$9) or an error value (#N/A) nothing new starts.
    if (prev && /[\p{L}\p{N}_.$#\\]/u.test(prev)) {
      i++;
      continue;
    }
    const rest = body.slice(i);
    const reference = /^\$?[A-Za-z]{1,3}\$?\d+(?![\p{L}\p{N}_.(!])/u.exec(rest);
    if (reference) {
      i += reference[0].length;
      continue;
    }
    const name = /^[\p{L}_\\][\p{L}\p{N}_.\\?]*/u.exec(rest);
    if (name) {
      const word = name[0];
      const next = rest[word.length] ?? "";
      const column = /^[A-Za-z]{1,3}$/.test(word) && (next === ":" || prev === ":");
      if (next === "(") {
        // A function call; letters of any script, as Excel reads them.
        if (!FUNCTIONS.has(word.toUpperCase().replace(/^_XLFN\./, ""))) unknownFunctions.push(word);
      } else if (next !== "!" && !column && !/^(TRUE|FALSE)$/i.test(word) && !isName(word)) {
        unknownNames.push(word);
      }
      i += word.length;
      continue;
    }
    i++;
  }
  if (inArray) return fail("unbalanced braces");
  if (depth !== 0) return fail("unbalanced parentheses");
  return { problem: null, unknownFunctions, unknownNames };
}

/** A change event as Excel raises it (the raw form the client's transform reads). */
export interface ModelChangeEvent {
  worksheetId: string;
  address: string;
  changeType: string;
  source: string;
  triggerSource?: string;
}

/** The workbook model. Build sheets with `addSheet`; read them back with `cell`, `snapshot`. */
export class ModelWorkbook {
  readonly sheets: ModelSheet[] = [];
  readonly settings = new Map<string, unknown>();
  structureProtected = false;
  /** opened read-only or in Protected View / view-only on the web: every write is AccessDenied */
  readOnly = false;
  /** a modal dialog of Excel's is open: writes fail with WriteNotSupportedWhenModalDialogOpen */
  modalDialogOpen = false;
  /** the user is editing a cell: every request fails with InvalidOperationInCellEditMode */
  cellEditMode = false;
  activeSheet = "";
  selection: { sheet: string; address: string } | null = null;
  /** whether methods called on a null object give null objects (false: they fail the batch with InvalidArgument) */
  nullPropagation = true;
  /** the user's undo stack: one entry per user edit; add-in writes clear it below ExcelApi 1.20 (office-js#3788) */
  readonly undoStack: string[] = [];
  /** whether an add-in registered for change events (WorksheetCollection._RegisterDataChangedEvent) */
  changeEventsRegistered = 0;
  /** the next id this workbook gives a sheet or a conditional format: per workbook, so a request's bytes do not depend on the tests run before */
  private nextId = 1;
  /** where the model sends change events (the test host wires this to the client's event channel) */
  emitChange: (event: ModelChangeEvent) => void = () => undefined;

  /** Adds a sheet; rows are values ("=..." strings become formulas with a blank value), from `origin`. */
  addSheet(name: string, rows: readonly (readonly (CellValue | undefined)[])[] = [], origin = "A1"): ModelSheet {
    const sheet: ModelSheet = {
      id: `{${String(this.nextId++).padStart(8, "0")}-0000-4000-8000-000000000000}`,
      name,
      protected: false,
      cells: new Map(),
      formats: new Map(),
      conditionalFormats: [],
      merges: [],
      names: new Map(),
      validations: new Map(),
      pageLayout: {},
      freezeRows: 0,
    };
    const at = fromA1(origin)!;
    rows.forEach((row, r) =>
      row.forEach((v, c) => {
        if (v === null || v === undefined || v === "") return;
        const isFormula = typeof v === "string" && v.startsWith("=");
        sheet.cells.set(cellKey(at.row + r, at.col + c), { value: isFormula ? "" : v, formula: isFormula ? v : String(v), numberFormat: "General" });
      }),
    );
    this.sheets.push(sheet);
    if (!this.activeSheet) this.activeSheet = name;
    return sheet;
  }

  /** Adds a sheet from an engine grid (values, formulas, number formats). */
  addGrid(name: string, grid: Grid): ModelSheet {
    const sheet = this.addSheet(name);
    grid.values.forEach((row, r) =>
      row.forEach((v, c) => {
        const formula = grid.formulas?.[r]?.[c] ?? "";
        const numberFormat = grid.numberFormats?.[r]?.[c] || "General";
        if ((v === null || v === "") && !formula && numberFormat === "General") return;
        sheet.cells.set(cellKey(grid.origin.row + r, grid.origin.col + c), {
          value: v === null ? "" : v,
          formula: formula || (v === null ? "" : String(v)),
          numberFormat,
        });
      }),
    );
    return sheet;
  }

  sheet(name: string): ModelSheet {
    const s = this.find(name);
    if (!s) throw new Error(`no sheet ${name}`);
    return s;
  }

  /** Whether a defined name (of any sheet) is `name`, case-insensitively as Excel compares names. */
  readonly isName = (name: string): boolean => {
    const key = name.toLowerCase();
    return this.sheets.some((s) => [...s.names.keys()].some((k) => k.toLowerCase() === key));
  };

  /** Sheets are found by name case-insensitively, as Excel finds them. */
  find(name: string): ModelSheet | undefined {
    const key = name.normalize("NFC").toLocaleLowerCase();
    return this.sheets.find((s) => s.name.normalize("NFC").toLocaleLowerCase() === key);
  }

  /** A cell of the model (blank when never written). */
  cell(sheet: string, a1: string): ModelCell {
    const at = fromA1(a1)!;
    return this.sheet(sheet).cells.get(cellKey(at.row, at.col)) ?? BLANK;
  }

  /** A deep copy of a sheet's state, for comparing before and after. */
  snapshot(sheet: string): unknown {
    const s = this.sheet(sheet);
    return JSON.parse(
      JSON.stringify({
        ...s,
        cells: [...s.cells].sort(),
        formats: [...s.formats].sort(),
        names: [...s.names].sort(),
        validations: [...s.validations].sort(),
      }),
    );
  }

  newId(prefix: string): string {
    return `{${prefix}-${this.nextId++}}`;
  }

  /**
   * A user's edit, as Excel sees it: the cell changes, the edit goes on the undo stack, and onChanged fires for
   * a registered add-in with triggerSource "Unknown" (Excel's value for anything but the add-in's own writes; the
   * host leaves it out below ExcelApi 1.14, as Excel does).
   */
  async userEdit(sheet: string, a1: string, value: string | number): Promise<void> {
    const at = fromA1(a1)!;
    const s = this.sheet(sheet);
    const prev = s.cells.get(cellKey(at.row, at.col)) ?? BLANK;
    s.cells.set(cellKey(at.row, at.col), { ...prev, value, formula: String(value) });
    this.undoStack.push(`${sheet}!${a1}`);
    this.fireChanged(s, a1, "Unknown");
    await settle();
  }

  /**
   * A user's format-only edit (a fill, a font, a conditional format rule): Excel raises no onChanged for it
   * (only onFormatChanged, which the add-in does not use); it goes on the undo stack.
   */
  async userFormat(sheet: string, target: string, format: Record<string, unknown>): Promise<void> {
    const s = this.sheet(sheet);
    s.formats.set(target, { ...s.formats.get(target), ...format });
    this.undoStack.push(`${sheet}!${target} format`);
    await settle();
  }

  /** Raises onChanged for a change to `s` (nothing when no add-in registered for it). */
  fireChanged(s: ModelSheet, address: string, triggerSource: string): void {
    if (this.changeEventsRegistered <= 0) return;
    this.emitChange({ worksheetId: s.id, address, changeType: "RangeEdited", source: "Local", triggerSource });
  }

  /** The rectangle of every sheet's window, for "is this cell blank" questions. */
  cellAt(s: ModelSheet, row: number, col: number): ModelCell {
    return s.cells.get(cellKey(row, col)) ?? BLANK;
  }
}

/** Lets queued promise callbacks (the client's event handlers) run. */
async function settle(): Promise<void> {
  for (let i = 0; i < 20; i++) await Promise.resolve();
}
