/**
 * The pane's host outside Excel: an .xlsx opened in the browser, held as an ExcelJS workbook in memory. The pane
 * loads this module with a dynamic import() only in that mode, so ExcelJS never weighs on the pane inside Excel.
 * Nothing is written back to the user's file: changes go into the copy the user downloads. ExcelJS's model serves
 * the checks of the session; the copy is the original bytes with the session's writes patched in by the surgical
 * writer (src/xlsx/package, as `cchc fill`), so charts, pivot tables, names and everything else stay as they were.
 */
import type ExcelJS from "exceljs";
import {
  addressKey, appendixPreview, type CellRef, checkWorkbook, fillBlocker, type Finding, type Fix, layoutPlan,
  type LayoutPlan, type Patch, type PreviewRow, replacesContent, sameCellState, type Template, templates,
} from "../core";
import type {
  AppendixChoice, AppendixHost, CheckOptions, CheckState, FixChange, FixOutcome, InsertOptions, PatchOptions, UndoOutcome,
} from "../app/host";
import { CopyRefusedError, HostError, READ_FAILURE_CODE } from "../app/hostErrors";
import type { WorkbookSettings } from "../app/settings";
import { FILE_LIMITS } from "./limits";
import { cellState, loadWorkbook, worksheetGrid, WorkbookReadError, type SheetGrid, type WorkbookBytes } from "./readWorkbook";
import { applyPatches, renderPlan, templateWorkbook, workbookBytes } from "./renderPlan";
import { patchWorkbook, type CellWrite } from "./package/patchWorkbook";
import { refusalText } from "./package/messages";

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
export function readFailureError(e: WorkbookReadError): HostError {
  const code = READ_FAILURE_CODE[e.reason];
  return new HostError(code, e.message, code === "too_large" || code === "too_much_data" ? FILE_LIMITS : undefined);
}

/** An AppendixHost over an in-memory copy of an .xlsx file. */
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
  /**
   * What each fix of the session replaced, for its undo: the cell's ExcelJS value and number format, and the write the
   * copy held for the cell before (none: the copy keeps the file's own cell).
   */
  private readonly replaced = new WeakMap<FixChange, { value: ExcelJS.CellValue; numFmt: string | undefined; write: CellWrite | undefined }>();
  /** The template sheet inserted in this session, if any. */
  private inserted: { sheet: string; plan: LayoutPlan } | null = null;

  private constructor(
    private readonly workbook: ExcelJS.Workbook,
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
    try {
      // A copy: the caller's buffer may be reused or detached, and the download patches these bytes.
      const original = data instanceof Uint8Array ? data.slice() : new Uint8Array(data.slice(0));
      return new FileHost(await loadWorkbook(original), original, fileName);
    } catch (e) {
      if (e instanceof WorkbookReadError) throw readFailureError(e);
      throw e;
    }
  }

  /** The same options as inside Excel (nothing here costs a round trip): marks live on the preview, not in the file. */
  async check(options: CheckOptions = {}): Promise<CheckState> {
    const sheets = this.workbook.worksheets.map((ws) => ({ name: ws.name, grid: worksheetGrid(ws), hidden: ws.state !== "visible" }));
    const checked = checkWorkbook(sheets, this.templates, this.choice);
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

  async insertTemplate(options: InsertOptions): Promise<string> {
    const plan = layoutPlan(this.templates[0], { unitName: options.unitName, year: options.year, period: options.period });
    const ws = renderPlan(this.workbook, plan);
    this.inserted = { sheet: ws.name, plan };
    if (options.settings) this.settings = options.settings;
    options.checked?.(checkWorkbook([{ name: ws.name, grid: worksheetGrid(ws) }], this.templates));
    return ws.name;
  }

  async applyPatches(sheet: string, patches: readonly Patch[], options: PatchOptions = {}): Promise<CheckState | void> {
    // A patch naming its sheet (the second sheet of a split appendix) is written there.
    for (const on of new Set(patches.map((p) => p.sheet ?? sheet))) {
      const mine = patches.filter((p) => (p.sheet ?? sheet) === on);
      applyPatches(this.sheet(on), mine);
      for (const p of mine) this.record(on, p);
    }
    if (options.recheck) return this.check();
  }

  /** A cell holding something the fix would replace is written over only with `replace` (as inside Excel). */
  async applyFix(appendixSheet: string, fix: Fix, options: { readonly replace?: boolean } = {}): Promise<FixOutcome> {
    const sheet = fix.sheet ?? appendixSheet;
    const ws = this.sheet(sheet);
    const before = cellState(ws, fix.cell);
    if (!options.replace && replacesContent(before, fix)) return { written: false, sheet, before };
    const cell = ws.getCell(fix.cell.row + 1, fix.cell.col + 1);
    const replaced = { value: cell.value, numFmt: cell.numFmt, write: this.writes.get(sheet)?.get(addressKey(fix.cell)) };
    cell.value = fix.formula
      ? ({ formula: fix.formula.replace(/^=/, ""), result: fix.cellValue } as ExcelJS.CellFormulaValue)
      : fix.cellValue;
    if (fix.numberFormat) cell.numFmt = fix.numberFormat;
    if (fix.formula) this.workbook.calcProperties = { ...this.workbook.calcProperties, fullCalcOnLoad: true };
    this.record(sheet, fix);
    const change: FixChange = { sheet, before, after: cellState(ws, fix.cell) };
    this.replaced.set(change, replaced);
    return { written: true, change };
  }

  /**
   * The cell as before the fix, in the session's workbook and in the copy to download (a cell the session had not
   * written before is the file's own again, byte for byte); a cell written since the fix is left as it is.
   */
  async undoFix(change: FixChange): Promise<UndoOutcome> {
    const replaced = this.replaced.get(change);
    if (!replaced) throw new HostError("generic", "no fix of this session wrote that change");
    const ws = this.sheet(change.sheet);
    const now = cellState(ws, change.after.cell);
    if (!sameCellState(now, change.after)) return { undone: false, now };
    const cell = ws.getCell(change.after.cell.row + 1, change.after.cell.col + 1);
    cell.value = replaced.value;
    if (replaced.numFmt !== cell.numFmt) cell.numFmt = replaced.numFmt as string;
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
    const workbook = templateWorkbook(inserted.plan);
    const ws = workbook.worksheets[0];
    for (const w of this.writes.get(inserted.sheet)?.values() ?? []) {
      const cell = ws.getCell(w.cell.row + 1, w.cell.col + 1);
      cell.value = w.formula ? ({ formula: w.formula.replace(/^=/, ""), result: w.cellValue ?? undefined } as ExcelJS.CellFormulaValue) : w.cellValue;
      if (w.numberFormat) cell.numFmt = w.numberFormat;
    }
    if (this.writes.get(inserted.sheet)?.size) workbook.calcProperties = { ...workbook.calcProperties, fullCalcOnLoad: true };
    return workbookBytes(workbook);
  }

  private record(sheet: string, write: CellWrite): void {
    let cells = this.writes.get(sheet);
    if (!cells) this.writes.set(sheet, (cells = new Map()));
    cells.delete(addressKey(write.cell));
    cells.set(addressKey(write.cell), write);
  }

  private sheet(name: string): ExcelJS.Worksheet {
    const ws = this.workbook.getWorksheet(name);
    if (!ws) throw new HostError("generic", `no sheet named ${name}`);
    return ws;
  }
}
