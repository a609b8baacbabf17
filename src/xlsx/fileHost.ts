/**
 * The pane's host outside Excel: an .xlsx opened in the browser. The pane loads this module with a dynamic import()
 * only in that mode. The file is read by the command line's streaming reader (src/xlsx/package, readAppendixSheets):
 * the same sheets, grids and refusals as `cchc check`, so a file the command line reads is read alike here. Nothing
 * is written back to the user's file: the session's writes are kept per cell and laid over the grids read; the copy
 * to download is the original bytes with those writes patched in by the surgical writer (as `cchc fill`), so charts,
 * pivot tables, names and everything else stay as they were. ExcelJS serves only the template sheet inserted in the
 * session (a new workbook: renderPlan.ts), and is imported only then.
 */
import {
  type Address, addressKey, appendixPreview, type CellRef, type CellState, type CellValue, checkWorkbook, fillBlocker,
  type Finding, type Fix, type Grid, layoutPlan, type LayoutPlan, type Patch, type PreviewRow, replacesContent,
  sameCellState, type Template, templates,
} from "../core";
import type {
  AppendixChoice, AppendixHost, CheckOptions, CheckState, FixChange, FixOutcome, InsertOptions, PatchOptions, UndoOutcome,
} from "../app/host";
import { CopyRefusedError, HostError, READ_FAILURE_CODE } from "../app/hostErrors";
import type { WorkbookSettings } from "../app/settings";
import { displayText, serialDate } from "./cellText";
import { FILE_LIMITS } from "./limits";
import { checkAppendixSheets, readAppendixSheets } from "./package/appendixSheets";
import { isDateFormat } from "./package/numberFormats";
import { patchWorkbook, type CellWrite } from "./package/patchWorkbook";
import { StreamReadError, type WorkbookRead } from "./package/readSheets";
import { refusalText } from "./package/messages";
import type { SheetGrid, WorkbookBytes, WorkbookReadError } from "./readWorkbook";

/** The appendix as the last check saw it, for the read-only preview. */
export interface FilePreview {
  readonly sheet: string;
  readonly rows: readonly PreviewRow[];
}

/**
 * What the downloaded copy is: the opened file with the session's fills and fixes, the file as opened (nothing was
 * written), or the template sheet inserted in the session (a new workbook).
 */
export type CopyKind = "filled" | "unchanged" | "template";

const COPY_SUFFIX: Record<CopyKind, string> = { filled: "da-dien", unchanged: "ban-goc", template: "mau-phu-luc" };

/**
 * The name the copy is saved under, saying what it is: "bao-cao.xlsx" -> "bao-cao-da-dien.xlsx" (filled),
 * "bao-cao-ban-goc.xlsx" (unchanged), "bao-cao-mau-phu-luc.xlsx" (the inserted template). Never the original's name.
 */
export function copyName(fileName: string, kind: CopyKind): string {
  const base = fileName.replace(/\.xlsx$/i, "") || "phu-luc";
  return `${base}-${COPY_SUFFIX[kind]}.xlsx`;
}

/** The reader's refusal as the pane's HostError; the limits ride along when the file passed one. */
export function readFailureError(e: WorkbookReadError | StreamReadError): HostError {
  const code = READ_FAILURE_CODE[e.reason];
  return new HostError(code, e.message, code === "too_large" || code === "too_much_data" ? FILE_LIMITS : undefined);
}

/** `grid` with `writes` laid over it (a copy; the grid grows to a cell written beyond it). */
export function writtenGrid(grid: Grid, writes: Iterable<CellWrite>): Grid {
  const values = grid.values.map((r) => r.slice());
  // A grid without formulas, formats or texts has them blank, General and empty.
  const formulas = values.map((r, i) => grid.formulas?.[i]?.slice() ?? r.map(() => ""));
  const numberFormats = values.map((r, i) => grid.numberFormats?.[i]?.slice() ?? r.map(() => "General"));
  const texts = values.map((r, i) => grid.texts?.[i]?.slice() ?? r.map(() => ""));
  const width = () => values[0]?.length ?? 0;
  for (const w of writes) {
    const cols = Math.max(width(), w.cell.col + 1);
    while (values.length <= w.cell.row) {
      values.push([]);
      formulas.push([]);
      numberFormats.push([]);
      texts.push([]);
    }
    if (cols > width() || values.some((r) => r.length < cols)) {
      for (let r = 0; r < values.length; r++) {
        while (values[r].length < cols) {
          values[r].push(null);
          formulas[r].push("");
          numberFormats[r].push("General");
          texts[r].push("");
        }
      }
    }
    const { row, col } = w.cell;
    const format = w.numberFormat ?? numberFormats[row][col];
    const value: CellValue = w.cellValue;
    values[row][col] = value;
    formulas[row][col] = w.formula ?? "";
    numberFormats[row][col] = format;
    texts[row][col] = displayText(value, format, typeof value === "number" && isDateFormat(format) ? serialDate(value) : undefined);
  }
  return { origin: grid.origin, values, formulas, numberFormats, texts };
}

/** What one cell of `grid` holds: its value (a formula's result), its formula and its number format. */
function gridCellState(grid: Grid | undefined, at: Address): CellState {
  const value = grid?.values[at.row]?.[at.col] ?? null;
  const formula = grid?.formulas?.[at.row]?.[at.col] ?? "";
  const numberFormat = grid?.numberFormats?.[at.row]?.[at.col] ?? "General";
  return formula ? { cell: at, cellValue: value, formula, numberFormat } : { cell: at, cellValue: value, numberFormat };
}

/** An AppendixHost over an .xlsx file's bytes, read as the command line reads them. */
export class FileHost implements AppendixHost {
  /** The forms' templates checked against (the built-in ones until the user loads a form). */
  private templates: readonly Template[] = templates;
  /** the sheet and value column the user chose (the pane's pickers) */
  private choice: AppendixChoice = {};
  readonly kind = "file" as const;
  private settings: WorkbookSettings = {};
  private last: { sheets: SheetGrid[]; state: CheckState } | null = null;
  private selected: CellRef | null = null;
  private readonly selectListeners = new Set<(cell: CellRef) => void>();
  /** What the session wrote, per sheet and cell (the last write of a cell wins). */
  private readonly writes = new Map<string, Map<string, CellWrite>>();
  /** What each fix of the session replaced, for its undo: the write the copy held for the cell before (none: the file's own cell). */
  private readonly replaced = new WeakMap<FixChange, { write: CellWrite | undefined }>();
  /** The template sheet inserted in this session, if any, with its grid as rendered. */
  private inserted: { sheet: string; plan: LayoutPlan; grid: Grid } | null = null;
  /** The last read of the file, for the templates and sheet it was read for. */
  private read: { templates: readonly Template[]; sheet: string | undefined; read: WorkbookRead } | null = null;

  private constructor(
    /** the bytes of the file as opened (a private copy) */
    private readonly original: Uint8Array,
    /** the name of the file the user opened */
    readonly fileName: string,
  ) {}

  /**
   * Opens an .xlsx from its bytes. A file that cannot be read throws a HostError naming the reader's reason (a
   * password, an old .xls, an .ods, the limits...), so the pane can give the advice that fits; a damaged zip is
   * "read_failed". Anything else (a bug) is thrown as it is.
   */
  static async open(data: WorkbookBytes, fileName: string): Promise<FileHost> {
    // A copy: the caller's buffer may be reused or detached, and the download patches these bytes.
    const original = data instanceof Uint8Array ? data.slice() : new Uint8Array(data.slice(0));
    const host = new FileHost(original, fileName);
    host.workbookRead();
    return host;
  }

  /** The file as the command line reads it for the current forms and chosen sheet (read again only when those change). */
  private workbookRead(): WorkbookRead {
    const sheet = this.choice.sheet;
    if (this.read && this.read.templates === this.templates && this.read.sheet === sheet) return this.read.read;
    let read: WorkbookRead;
    try {
      read = readAppendixSheets(this.original, this.templates, sheet);
    } catch (e) {
      if (e instanceof StreamReadError) throw readFailureError(e);
      throw e;
    }
    this.read = { templates: this.templates, sheet, read };
    return read;
  }

  /** The sheets read, and the template inserted in the session, each with the session's writes laid over it. */
  private sheetGrids(): { read: WorkbookRead; sheets: SheetGrid[] } {
    const read = this.workbookRead();
    const sheets: SheetGrid[] = read.sheets.map((s) => ({ name: s.name, grid: s.grid, hidden: s.hidden }));
    if (this.inserted) sheets.push({ name: this.inserted.sheet, grid: this.inserted.grid, hidden: false });
    return {
      read,
      sheets: sheets.map((s) => {
        const cells = this.writes.get(s.name);
        return cells?.size ? { ...s, grid: writtenGrid(s.grid, cells.values()) } : s;
      }),
    };
  }

  private cellState(sheet: string, at: Address): CellState {
    const { sheets } = this.sheetGrids();
    const grid = sheets.find((s) => s.name === sheet)?.grid;
    if (!grid && !this.workbookRead().sheetNames.includes(sheet)) throw new HostError("generic", `no sheet named ${sheet}`);
    return gridCellState(grid, at);
  }

  /** The same options as inside Excel (nothing here costs a round trip): marks live on the preview, not in the file. */
  async check(options: CheckOptions = {}): Promise<CheckState> {
    const { read, sheets } = this.sheetGrids();
    const names = this.inserted ? [...read.sheetNames, this.inserted.sheet] : read.sheetNames;
    const checked = checkAppendixSheets(sheets, names, this.templates, this.choice);
    const state: CheckState = options.loadSettings ? { ...checked, settings: this.settings } : checked;
    this.last = { sheets, state };
    const save = state.found ? options.saveSettings?.(state) : undefined;
    if (save) this.settings = save;
    if (state.found && options.fill && !fillBlocker(state)) await this.applyPatches(state.sheet, state.patches);
    if (state.found && options.highlight && options.select) {
      const marked = typeof options.highlight === "function" ? options.highlight(state) : state.findings;
      const first = marked.find((f) => f.severity !== "info");
      if (first) await this.select(state.sheet, first.cell);
    }
    return state;
  }

  /** The template as a new sheet of the session (ExcelJS renders it, as in the copy it will be saved to). */
  async insertTemplate(options: InsertOptions): Promise<string> {
    const plan = layoutPlan(this.templates[0], { unitName: options.unitName, year: options.year, period: options.period });
    const { renderPlan, worksheetGrid } = await import(/* webpackChunkName: "xlsx" */ "./templateSheet");
    const ws = renderPlan(plan, this.workbookRead().sheetNames);
    const grid = worksheetGrid(ws);
    this.inserted = { sheet: ws.name, plan, grid };
    if (options.settings) this.settings = options.settings;
    options.checked?.(checkWorkbook([{ name: ws.name, grid }], this.templates));
    return ws.name;
  }

  async applyPatches(sheet: string, patches: readonly Patch[], options: PatchOptions = {}): Promise<CheckState | void> {
    // A patch naming its sheet (the second sheet of a split appendix) is written there.
    for (const p of patches) this.record(this.known(p.sheet ?? sheet), p);
    if (options.recheck) return this.check();
  }

  /** A cell holding something the fix would replace is written over only with `replace` (as inside Excel). */
  async applyFix(appendixSheet: string, fix: Fix, options: { readonly replace?: boolean } = {}): Promise<FixOutcome> {
    const sheet = this.known(fix.sheet ?? appendixSheet);
    const before = this.cellState(sheet, fix.cell);
    if (!options.replace && replacesContent(before, fix)) return { written: false, sheet, before };
    const replaced = { write: this.writes.get(sheet)?.get(addressKey(fix.cell)) };
    this.record(sheet, fix);
    const change: FixChange = { sheet, before, after: this.cellState(sheet, fix.cell) };
    this.replaced.set(change, replaced);
    return { written: true, change };
  }

  /**
   * The cell as before the fix, in the session and in the copy to download (a cell the session had not written
   * before is the file's own again, byte for byte); a cell written since the fix is left as it is.
   */
  async undoFix(change: FixChange): Promise<UndoOutcome> {
    const replaced = this.replaced.get(change);
    if (!replaced) throw new HostError("generic", "no fix of this session wrote that change");
    const now = this.cellState(this.known(change.sheet), change.after.cell);
    if (!sameCellState(now, change.after)) return { undone: false, now };
    const writes = this.writes.get(change.sheet);
    if (replaced.write) this.record(change.sheet, replaced.write);
    else writes?.delete(addressKey(change.after.cell));
    if (writes?.size === 0) this.writes.delete(change.sheet);
    this.replaced.delete(change);
    return { undone: true };
  }

  /** Outside Excel the findings are marked on the preview, not in the file: the downloaded copy stays clean. */
  async highlight(_sheet: string, _findings: readonly Finding[]): Promise<void> {}

  async clearHighlights(_sheet: string): Promise<void> {}

  /** Outside Excel, "go to the cell" points at its row in the preview. */
  async select(_sheet: string, cell: CellRef): Promise<void> {
    this.selected = cell;
    for (const listener of this.selectListeners) listener(cell);
  }

  /** Calls `listener` with the cell the pane asked to select; returns an unsubscribe. */
  onSelect(listener: (cell: CellRef) => void): () => void {
    this.selectListeners.add(listener);
    return () => this.selectListeners.delete(listener);
  }

  /** The cell last selected, if any. */
  selectedCell(): CellRef | null {
    return this.selected;
  }

  /** Nobody else edits the in-memory copy, so there is nothing to listen to. */
  async onUserChange(_listener: () => void): Promise<() => void> {
    return () => undefined;
  }

  /** Kept for this session only: the user's file is never written to. */
  useTemplates(templates: readonly Template[]): void {
    this.templates = templates;
  }

  async loadSettings(): Promise<WorkbookSettings> {
    return this.settings;
  }

  useChoice(choice: AppendixChoice): void {
    this.choice = choice;
  }

  async saveSettings(settings: WorkbookSettings): Promise<void> {
    this.settings = settings;
  }

  /** The located appendix rows from the last check, or null when none was found. */
  preview(): FilePreview | null {
    const state = this.last?.state;
    if (!state?.found) return null;
    const grid = this.last?.sheets.find((s) => s.name === state.sheet)?.grid;
    return grid ? { sheet: state.sheet, rows: appendixPreview(grid, state.location) } : null;
  }

  /**
   * The copy to download, with the name to save it under: the opened file's bytes with the session's fills and
   * fixes written into their cells by the surgical writer, every other part copied byte for byte. Where the writer
   * cannot be sure of that, a CopyRefusedError carries its sentence and no copy is made. A template inserted in
   * the session cannot be patched into the user's package (a new sheet touches the workbook's structure): the copy
   * is then a new workbook holding the template sheet with what was written into it; with writes on other sheets
   * as well, no copy ("copy_with_template").
   */
  async download(): Promise<{ fileName: string; bytes: Uint8Array; kind: CopyKind }> {
    const kind = this.copyKind();
    const fileName = copyName(this.fileName, kind);
    if (this.inserted) {
      // Fills on the user's own sheets would be lost in that copy: none is offered rather than one missing them.
      const inserted = this.inserted.sheet;
      if ([...this.writes.keys()].some((sheet) => sheet !== inserted)) throw new HostError("copy_with_template");
      return { fileName, kind, bytes: await this.templateCopy(this.inserted) };
    }
    let bytes = this.original;
    for (const [sheet, cells] of this.writes) {
      const patched = patchWorkbook(bytes, sheet, [...cells.values()]);
      if (!patched.ok) throw new CopyRefusedError({ vi: refusalText(patched.refusal, "vi"), en: refusalText(patched.refusal, "en") });
      bytes = patched.bytes;
    }
    // Nothing written: the copy is the file as opened (a fresh array, so the caller cannot change the original).
    return { fileName, kind, bytes: bytes === this.original ? bytes.slice() : bytes };
  }

  /** What download() would give now: the template inserted in the session, the file with the session's writes, or the file as opened. */
  copyKind(): CopyKind {
    if (this.inserted) return "template";
    return this.writes.size > 0 ? "filled" : "unchanged";
  }

  private async templateCopy(inserted: { sheet: string; plan: LayoutPlan }): Promise<Uint8Array> {
    const { templateCopy } = await import(/* webpackChunkName: "xlsx" */ "./templateSheet");
    return templateCopy(inserted.plan, [...(this.writes.get(inserted.sheet)?.values() ?? [])]);
  }

  private record(sheet: string, write: CellWrite): void {
    let cells = this.writes.get(sheet);
    if (!cells) this.writes.set(sheet, (cells = new Map()));
    const { cell, cellValue, formula, numberFormat } = write;
    const kept: CellWrite = { cell, cellValue, ...(formula === undefined ? {} : { formula }), ...(numberFormat === undefined ? {} : { numberFormat }) };
    cells.delete(addressKey(cell));
    cells.set(addressKey(cell), kept);
  }

  /** `name`, when the file (or the session's template) has a sheet of that name. */
  private known(name: string): string {
    if (this.inserted?.sheet === name || this.workbookRead().sheetNames.includes(name)) return name;
    throw new HostError("generic", `no sheet named ${name}`);
  }
}
