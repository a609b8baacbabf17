/**
 * The streaming reader: an .xlsx read for the engine without building the workbook. It reads the workbook part,
 * the shared strings, the styles' number formats, and the worksheets that may hold the appendix; every other
 * worksheet is scanned only over its first rows (where an appendix would start) and only until it is ruled out,
 * its cells never kept. Grids come out as ExcelJS's reader gives them (test/xlsx/package/readSheets.test.ts holds
 * the two readers equal on every test workbook). Browser-safe.
 */
import { type CellValue, columnIndex, columnLetters, fromA1, type Grid } from "../../core";
import { dateSerial, displayText, serialDate } from "../cellText";
import { checkWorkbookKind, MAX_CELLS, MAX_ENTRIES, MAX_EXPANDED_BYTES, MAX_GRID_COLS, MAX_GRID_ROWS } from "../limits";
import { isDateFormat } from "./numberFormats";
import { openPackage, type WorkbookPackage } from "./opc";
import { PatchRefused } from "./refusal";
import { SheetScanner, stringItemText, type ScannedCell } from "./sheetScan";
import { cellFormatCodes } from "./styles";
import { Utf8Stream } from "./textStream";
import { NotUtf8Error } from "./utf8";
import { attribute, findTag } from "./xml";
import { findEntry, streamEntry } from "./zip";


/** One worksheet read whole: its grid from A1, and what the grid alone does not show. */
export interface SheetRead {
  readonly name: string;
  /** hidden or very hidden in the workbook (never checked before a visible sheet, never written unless chosen) */
  readonly hidden: boolean;
  readonly grid: Grid;
  /** merged areas as written ("A1:C1") */
  readonly merges: readonly string[];
  /** 0-based rows marked hidden */
  readonly hiddenRows: ReadonlySet<number>;
  /** the sheet has an autofilter */
  readonly filtered: boolean;
}

/** The workbook's worksheets by name, and those read whole. */
export interface WorkbookRead {
  readonly sheetNames: readonly string[];
  readonly sheets: readonly SheetRead[];
  /** bytes expanded to read it (parts never read, and the rest of a probed sheet, cost nothing) */
  readonly expandedBytes: number;
}

/** Which sheets to read whole. */
export interface ReadOptions {
  /** this sheet (by name), whatever it holds; alone, unless `mayHold` adds the sheets it accepts */
  readonly sheet?: string;
  /**
   * A text that suggests an appendix (a header cell, a template label). A sheet is read whole only if such a text
   * sits in its first `probeRows` rows and `probeCols` columns; without it, every worksheet is read whole.
   */
  readonly mayHold?: (text: string) => boolean;
  readonly probeRows?: number;
  readonly probeCols?: number;
}

/** Why the file could not be read (the same reasons as ExcelJS's path: readWorkbook.ts). */
export class StreamReadError extends Error {
  constructor(
    readonly reason: "not_xlsx" | "old_xls" | "damaged" | "empty" | "encrypted" | "ods" | "too_large" | "too_much_data",
    readonly detail?: string,
  ) {
    super(`workbook not readable: ${reason}${detail ? ` (${detail})` : ""}`);
    this.name = "StreamReadError";
  }
}

/** The expansion budget over the parts read. */
class Budget {
  used = 0;
  take(n: number): void {
    this.used += n;
    if (this.used > MAX_EXPANDED_BYTES) throw new StreamReadError("too_much_data", "expands beyond the limit");
  }
}

/** Streams a part's text to `feed` until it returns false. */
function streamText(pkg: WorkbookPackage, part: string, budget: Budget, feed: (text: string) => boolean): void {
  const entry = findEntry(pkg.archive, part);
  if (!entry) throw new StreamReadError("damaged", `no part ${part}`);
  const utf8 = new Utf8Stream();
  let going = true;
  try {
    streamEntry(
      pkg.archive,
      entry,
      (chunk) => {
        budget.take(chunk.length);
        going = feed(utf8.decode(chunk));
        return going;
      },
      MAX_EXPANDED_BYTES,
    );
    if (going) utf8.end();
  } catch (e) {
    if (e instanceof NotUtf8Error) throw new StreamReadError("damaged", `${part} is not UTF-8`);
    throw e;
  }
}

/** The shared strings, in order. */
function sharedStrings(pkg: WorkbookPackage, budget: Budget): string[] {
  const out: string[] = [];
  if (!pkg.sharedStringsPart || !pkg.has(pkg.sharedStringsPart)) return out;
  let buf = "";
  streamText(pkg, pkg.sharedStringsPart, budget, (text) => {
    buf += text;
    let pos = 0;
    for (;;) {
      const open = buf.indexOf("<", pos);
      if (open < 0) break;
      const m = /^<((?:[\w.-]+:)?)si(\s[^>]*)?(\/?)>/.exec(buf.slice(open, open + 64));
      if (!m) {
        const gt = buf.indexOf(">", open);
        if (gt < 0) break;
        pos = gt + 1;
        continue;
      }
      if (m[3] === "/") {
        out.push("");
        pos = open + m[0].length;
        continue;
      }
      const close = buf.indexOf(`</${m[1]}si>`, open);
      if (close < 0) break;
      out.push(stringItemText(buf.slice(open + m[0].length, close)));
      pos = close + m[1].length + 5;
    }
    buf = buf.slice(pos);
    return true;
  });
  return out;
}

/** A formula moved from the master's cell to `to` (ExcelJS's rule: unanchored references shift; names and functions stay). */
export function slideFormula(formula: string, from: { row: number; col: number }, to: { row: number; col: number }): string {
  return formula.replace(/(([a-z_\-0-9]*)!)?([a-z0-9_$]{2,})([(])?/gi, (match, sheet: string | undefined, _s, addr: string, paren: string | undefined) => {
    if (paren) return match;
    const m = /^([$])?([a-z]+)([$])?([1-9][0-9]*)$/i.exec(addr);
    if (!m) return match;
    const colText = m[2].toUpperCase();
    if (colText.length > 3 || (colText.length === 3 && colText > "XFD")) return match;
    let col = columnIndex(colText);
    let row = Number(m[4]);
    if (!m[1]) col += to.col - from.col;
    if (!m[3]) row += to.row - from.row;
    return `${sheet ?? ""}${m[1] ?? ""}${columnLetters(col)}${m[3] ?? ""}${row}`;
  });
}

interface Kept {
  readonly row: number;
  readonly col: number;
  readonly value: CellValue;
  readonly counts: boolean;
  readonly formula: string;
  readonly format: string;
  readonly date?: Date;
}

/** One worksheet read whole into a grid (within the grid limits). */
function readSheet(pkg: WorkbookPackage, name: string, hidden: boolean, part: string, strings: readonly string[], formats: readonly string[], date1904: boolean, budget: Budget, cellBudget: { left: number }): SheetRead {
  const kept: Kept[] = [];
  const merges: string[] = [];
  const hiddenRows = new Set<number>();
  let filtered = false;
  const masters = new Map<string, { text: string; row: number; col: number }>();
  const scanner = new SheetScanner(
    {
      row: (row, hidden) => {
        if (hidden) hiddenRows.add(row);
      },
      cell: (c) => {
        const cell = valueOf(c, strings, formats, date1904, masters);
        if (c.row >= MAX_GRID_ROWS || c.col >= MAX_GRID_COLS) return;
        if (--cellBudget.left < 0) throw new StreamReadError("too_much_data", `more than ${MAX_CELLS} cells`);
        kept.push(cell);
      },
      merge: (ref) => void merges.push(ref),
      autoFilter: () => {
        filtered = true;
      },
    },
    MAX_GRID_ROWS - 1,
  );
  streamText(pkg, part, budget, (text) => scanner.feed(text));
  return { name, hidden, grid: gridOf(kept, merges), merges, hiddenRows, filtered };
}

/** A scanned cell's value, formula, format and date, as ExcelJS would give them. */
function valueOf(c: ScannedCell, strings: readonly string[], formats: readonly string[], date1904: boolean, masters: Map<string, { text: string; row: number; col: number }>): Kept {
  const format = formats[c.style] ?? "General";
  let formula = "";
  if (c.formula) {
    if (c.formula.type === "shared" && c.formula.si !== null) {
      if (c.formula.ref) masters.set(c.formula.si, { text: c.formula.text, row: c.row, col: c.col });
      const master = masters.get(c.formula.si);
      formula = c.formula.ref || !master ? c.formula.text : slideFormula(master.text, master, c);
    } else formula = c.formula.text;
  }
  let value: CellValue = null;
  let date: Date | undefined;
  const v = c.value;
  switch (c.type) {
    case "s":
      value = v === null ? null : (strings[Number(v)] ?? null);
      break;
    case "inlineStr":
      value = c.inline ?? v ?? null;
      break;
    case "str":
      value = v ?? (c.formula ? null : "");
      break;
    case "b":
      value = v === null ? null : v === "1" || v === "true";
      break;
    case "e":
      value = v;
      break;
    case "d":
      if (v !== null) {
        date = new Date(v);
        value = Number.isNaN(date.getTime()) ? v : dateSerial(date);
        if (typeof value === "string") date = undefined;
      }
      break;
    default:
      if (v !== null && v !== "") {
        value = parseFloat(v);
        if (isDateFormat(format)) {
          date = serialDate(value, date1904);
          value = dateSerial(date);
        }
      }
  }
  // ExcelJS counts a cell for the used range when it holds a value or a formula (even without a cached result).
  const counts = value !== null || formula !== "" || (c.type === "s" && v !== null);
  return { row: c.row, col: c.col, value, counts, formula: formula ? `=${formula}` : "", format, date };
}

function rangeBounds(ref: string): { r1: number; c1: number; r2: number; c2: number } | null {
  const [a, b = a] = ref.split(":");
  const x = fromA1(a);
  const y = fromA1(b);
  if (!x || !y) return null;
  return { r1: Math.min(x.row, y.row), c1: Math.min(x.col, y.col), r2: Math.max(x.row, y.row), c2: Math.max(x.col, y.col) };
}

/** The kept cells as a grid from A1 to the last used cell; a merged area's value only in its top-left cell. */
function gridOf(kept: readonly Kept[], merges: readonly string[]): Grid {
  const byKey = new Map<number, Kept>();
  let rows = 0;
  let cols = 0;
  for (const k of kept) {
    byKey.set(k.row * MAX_GRID_COLS + k.col, k);
    if (k.counts) {
      rows = Math.max(rows, k.row + 1);
      cols = Math.max(cols, k.col + 1);
    }
  }
  const hidden = new Set<number>();
  for (const ref of merges) {
    const b = rangeBounds(ref);
    if (!b) continue;
    const master = byKey.get(b.r1 * MAX_GRID_COLS + b.c1);
    for (let r = b.r1; r <= b.r2 && r < MAX_GRID_ROWS; r++) {
      for (let c = b.c1; c <= b.c2 && c < MAX_GRID_COLS; c++) {
        if (r === b.r1 && c === b.c1) continue;
        hidden.add(r * MAX_GRID_COLS + c);
        // ExcelJS reads a merged cell as its master's value, so the used range reaches over the whole area.
        if (master?.counts) {
          rows = Math.max(rows, r + 1);
          cols = Math.max(cols, c + 1);
        }
      }
    }
  }
  const values: CellValue[][] = [];
  const formulas: string[][] = [];
  const numberFormats: string[][] = [];
  const texts: string[][] = [];
  for (let r = 0; r < rows; r++) {
    const vRow: CellValue[] = new Array(cols).fill(null);
    const fRow: string[] = new Array(cols).fill("");
    const nRow: string[] = new Array(cols).fill("General");
    const tRow: string[] = new Array(cols).fill("");
    for (let c = 0; c < cols; c++) {
      const k = byKey.get(r * MAX_GRID_COLS + c);
      if (!k) continue;
      nRow[c] = k.format;
      if (hidden.has(r * MAX_GRID_COLS + c)) continue;
      vRow[c] = k.value;
      fRow[c] = k.formula;
      tRow[c] = displayText(k.value, k.format, k.date);
    }
    values.push(vRow);
    formulas.push(fRow);
    numberFormats.push(nRow);
    texts.push(tRow);
  }
  return { origin: { row: 0, col: 0 }, values, formulas, numberFormats, texts };
}

/** Whether a sheet's first rows hold a text `mayHold` accepts; stops inflating as soon as it is known. */
function probe(pkg: WorkbookPackage, part: string, strings: readonly string[], mayHold: (text: string) => boolean, rows: number, cols: number, budget: Budget): boolean {
  const known = new Int8Array(strings.length);
  let hit = false;
  const scanner = new SheetScanner(
    {
      cell: (c) => {
        if (c.col >= cols) return;
        let text: string | null = null;
        if (c.type === "s" && c.value !== null) {
          const i = Number(c.value);
          if (known[i] === 0) known[i] = mayHold(strings[i] ?? "") ? 1 : -1;
          if (known[i] === 1) hit = true;
          return !hit;
        }
        if (c.type === "inlineStr") text = c.inline;
        else if (c.type === "str") text = c.value;
        if (text !== null && mayHold(text)) hit = true;
        return !hit;
      },
    },
    rows - 1,
    true,
  );
  streamText(pkg, part, budget, (text) => scanner.feed(text));
  return hit;
}

/**
 * Reads the workbook `bytes` as the engine needs it. Throws `StreamReadError` for a file that is not a readable
 * .xlsx (with the same reasons as ExcelJS's path).
 */
export function readWorkbookSheets(bytes: Uint8Array, options: ReadOptions = {}): WorkbookRead {
  const kind = checkWorkbookKind(bytes);
  if (!kind.ok) throw new StreamReadError(kind.failure.reason, "detail" in kind.failure ? kind.failure.detail : undefined);
  try {
    const budget = new Budget();
    let pkg: WorkbookPackage;
    try {
      // The archive the kind check read (with the entry limit): its directory is not read twice.
      pkg = openPackage(kind.archive, MAX_ENTRIES, MAX_EXPANDED_BYTES);
    } catch (e) {
      // No workbook part under the root relationship nor at its usual name: a package, but no workbook.
      if (e instanceof PatchRefused && e.refusal.reason === "damaged" && e.refusal.detail === "no workbook part") throw new StreamReadError("not_xlsx", "no workbook part");
      throw e;
    }
    if (findTag(pkg.text(pkg.workbookPart), "workbook") === null) throw new StreamReadError("not_xlsx", "no workbook part");
    const worksheets = pkg.sheets.filter((s) => s.kind === "worksheet" && pkg.has(s.part));
    if (worksheets.length === 0) throw new StreamReadError("damaged", "no worksheet");
    const wbTag = findTag(pkg.text(pkg.workbookPart), "workbookPr");
    const d1904 = wbTag ? attribute(pkg.text(pkg.workbookPart).slice(wbTag.start, wbTag.end), "date1904") : undefined;
    const date1904 = d1904 === "1" || d1904 === "true";
    const strings = sharedStrings(pkg, budget);
    const formats = pkg.stylesPart && pkg.has(pkg.stylesPart) ? cellFormatCodes(pkg.text(pkg.stylesPart)) : [];
    const cellBudget = { left: MAX_CELLS };
    let chosen = worksheets;
    const mayHold = options.mayHold;
    const probed = (s: (typeof worksheets)[number]) => mayHold !== undefined && probe(pkg, s.part, strings, mayHold, options.probeRows ?? 2000, options.probeCols ?? 40, budget);
    // The named sheet, and with `mayHold` the other sheets that may hold the appendix too (the rest of a split one).
    if (options.sheet !== undefined) chosen = worksheets.filter((s) => s.name === options.sheet || probed(s));
    else if (mayHold) chosen = worksheets.filter(probed);
    const sheets = chosen.map((s) => readSheet(pkg, s.name, s.state !== "visible", s.part, strings, formats, date1904, budget, cellBudget));
    return { sheetNames: worksheets.map((s) => s.name), sheets, expandedBytes: budget.used };
  } catch (e) {
    if (e instanceof PatchRefused) {
      const r = e.refusal;
      throw new StreamReadError(r.reason === "unsupported_zip" && /encrypted/.test(r.detail) ? "encrypted" : "damaged", "detail" in r ? String(r.detail) : r.reason);
    }
    throw e;
  }
}
