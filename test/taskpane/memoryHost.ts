/**
 * A real AppendixHost over in-memory grids, for the pane's component tests: it runs the core engine on its
 * sheets (checkWorkbook), writes patches and fixes into them, inserts the template from the layout plan, and keeps
 * settings; it records the calls a test asserts on.
 */
import {
  type Address, cellA1, type CellRef, type CellState, type CellValue, checkWorkbook, fillBlocker, type Finding, type Fix, fromA1, type Grid,
  layoutPlan, type Patch, replacesContent, sameCellState, type Template, templates, toA1,
} from "../../src/core";
import type {
  AppendixChoice, AppendixHost, CheckOptions, CheckState, FixChange, FixOutcome, FoundCheckState, InsertOptions, PatchOptions, UndoOutcome,
} from "../../src/app/host";
import type { WorkbookSettings } from "../../src/app/settings";
import { seedGrid } from "../fixtures/seed";

interface Sheet {
  name: string;
  values: CellValue[][];
  formulas: string[][];
  numberFormats: string[][];
  texts: string[][];
}

function sheetOf(name: string, grid: Grid): Sheet {
  if (grid.origin.row !== 0 || grid.origin.col !== 0) throw new Error("memoryHost wants grids from A1");
  const width = Math.max(...grid.values.map((r) => r.length), 1);
  const rows = grid.values.length;
  const at = <T>(src: readonly (readonly T[])[] | undefined, r: number, c: number, blank: T): T => src?.[r]?.[c] ?? blank;
  const table = <T>(f: (r: number, c: number) => T): T[][] =>
    Array.from({ length: rows }, (_, r) => Array.from({ length: width }, (_, c) => f(r, c)));
  return {
    name,
    values: table((r, c) => at(grid.values, r, c, null)),
    formulas: table((r, c) => at(grid.formulas, r, c, "")),
    numberFormats: table((r, c) => at(grid.numberFormats, r, c, "General")),
    texts: table((r, c) => {
      const v = at(grid.values, r, c, null);
      return v === null ? "" : String(v);
    }),
  };
}

/** One call the pane made, for assertions. */
export type HostCall =
  | { op: "select"; sheet: string; cell: string }
  | { op: "applyFix"; sheet: string; fix: Fix; replace: boolean; written: boolean }
  | { op: "undoFix"; sheet: string; cell: string; undone: boolean }
  | { op: "applyPatches"; sheet: string; patches: readonly Patch[] }
  | { op: "insertTemplate"; options: object }
  | { op: "saveSettings"; settings: WorkbookSettings }
  | { op: "highlight"; sheet: string; cells: readonly string[] }
  | { op: "clearHighlights"; sheet: string }
  | { op: "useChoice"; choice: AppendixChoice };

export class MemoryHost implements AppendixHost {
  readonly kind: "excel" | "file";
  readonly calls: HostCall[] = [];
  settings: WorkbookSettings = {};
  /** The templates checked against (the pane's form in use). */
  templates: readonly Template[] = templates;
  private readonly sheets: Sheet[];
  private readonly listeners = new Set<() => void>();
  /** Set to make the next operation of that name throw this error. */
  failNext: { op: string; error: unknown } | null = null;
  /** Operations held until the test lets them go on (a slow workbook: which one finishes first is the test's choice). */
  private readonly held = new Map<string, { when: (userEdit: boolean) => boolean; entered: () => void; wait: Promise<void> }>();

  /**
   * Holds the next operation of that name (a check: only one answering the user's edit when `userEdit` is given) as a
   * slow workbook would: a fix before it writes, a check after it has read the sheet, before it answers. `entered`
   * resolves once it waits; `release` lets it go on.
   */
  holdNext(op: "check" | "applyFix", only?: { userEdit: boolean }): { entered: Promise<void>; release: () => void } {
    let release!: () => void;
    let entered!: () => void;
    const wait = new Promise<void>((r) => (release = r));
    const enteredPromise = new Promise<void>((r) => (entered = r));
    this.held.set(op, { when: (userEdit) => only === undefined || only.userEdit === userEdit, entered, wait });
    return { entered: enteredPromise, release };
  }

  private async waitIfHeld(op: string, userEdit = false): Promise<void> {
    const hold = this.held.get(op);
    if (!hold?.when(userEdit)) return;
    this.held.delete(op);
    hold.entered();
    await hold.wait;
  }

  /** The sheet and value column the pane chose (useChoice). */
  choice: AppendixChoice = {};
  private readonly hidden: ReadonlySet<string>;

  constructor(sheets: { name: string; grid: Grid; hidden?: boolean }[], kind: "excel" | "file" = "excel") {
    this.kind = kind;
    this.sheets = sheets.map((s) => sheetOf(s.name, s.grid));
    this.hidden = new Set(sheets.filter((s) => s.hidden).map((s) => s.name));
  }

  /** The seed appendix on sheet "Phụ lục", with `edits` (A1 -> value) typed over it. */
  static seed(edits: Record<string, CellValue> = {}, kind: "excel" | "file" = "excel"): MemoryHost {
    const host = new MemoryHost([{ name: "Phụ lục", grid: seedGrid() }], kind);
    for (const [cell, value] of Object.entries(edits)) host.write("Phụ lục", cell, value);
    return host;
  }

  private failIf(op: string): void {
    if (this.failNext?.op === op) {
      const { error } = this.failNext;
      this.failNext = null;
      throw error;
    }
  }

  private sheet(name: string): Sheet {
    const s = this.sheets.find((x) => x.name === name);
    if (!s) throw new Error(`no sheet ${name}`);
    return s;
  }

  /** Writes a cell as a user (or the add-in) would: value, formula and number format. */
  write(sheet: string, cell: string, value: CellValue, formula = "", numberFormat?: string): void {
    const s = this.sheet(sheet);
    const a = fromA1(cell);
    if (!a) throw new Error(`bad cell ${cell}`);
    while (s.values.length <= a.row) {
      const width = s.values[0]?.length ?? 1;
      s.values.push(Array(width).fill(null));
      s.formulas.push(Array(width).fill(""));
      s.numberFormats.push(Array(width).fill("General"));
      s.texts.push(Array(width).fill(""));
    }
    for (const table of [s.values, s.formulas, s.numberFormats, s.texts] as unknown[][][]) {
      for (const row of table) {
        while (row.length <= a.col) row.push(table === s.values ? null : table === s.numberFormats ? "General" : "");
      }
    }
    s.values[a.row][a.col] = value;
    s.formulas[a.row][a.col] = formula;
    if (numberFormat) s.numberFormats[a.row][a.col] = numberFormat;
    s.texts[a.row][a.col] = value === null ? "" : String(value);
  }

  /** The value, formula and number format of a cell. */
  read(sheet: string, cell: string): { value: CellValue; formula: string; numberFormat: string } {
    const s = this.sheet(sheet);
    const a = fromA1(cell)!;
    return {
      value: s.values[a.row]?.[a.col] ?? null,
      formula: s.formulas[a.row]?.[a.col] ?? "",
      numberFormat: s.numberFormats[a.row]?.[a.col] ?? "General",
    };
  }

  /** Whether this host's writes clear Excel's undo stack (Excel below ExcelApi 1.20). */
  writesClearUndo = false;

  /** A user edit: writes the cell and tells the pane, as Excel's onChanged would. */
  userEdit(sheet: string, cell: string, value: CellValue): void {
    this.write(sheet, cell, value);
    for (const l of this.listeners) l();
  }

  /** The combined options as ExcelHost does them (settings, fill, marks after the read), recorded as the single calls. */
  async check(options: CheckOptions = {}): Promise<CheckState> {
    this.failIf("check");
    const state = this.analyse();
    await this.waitIfHeld("check", options.userEdit === true);
    // An Excel below ExcelApi 1.20, as ExcelHost treats it: a check answering the user's edit writes nothing.
    if (state.found && options.userEdit && this.writesClearUndo) return options.highlight ? { ...state, marksNote: "kept_for_undo" } : state;
    if (state.found) {
      const save = options.saveSettings?.(state);
      if (save) await this.saveSettings(save);
      if (options.fill && !fillBlocker(state)) await this.applyPatches(state.sheet, state.patches);
      if (options.highlight) await this.highlight(state.sheet, this.marks(options.highlight, state));
    }
    return options.loadSettings ? { ...state, settings: this.settings } : state;
  }

  private analyse(): CheckState {
    const grids = this.sheets.map((s) => ({
      name: s.name,
      hidden: this.hidden.has(s.name),
      grid: { origin: { row: 0, col: 0 }, values: s.values, formulas: s.formulas, numberFormats: s.numberFormats, texts: s.texts },
    }));
    return checkWorkbook(grids, this.templates, this.choice);
  }

  private marks(choice: boolean | ((s: FoundCheckState) => readonly Finding[]), state: FoundCheckState): readonly Finding[] {
    return typeof choice === "function" ? choice(state) : state.findings;
  }

  async insertTemplate(insert: InsertOptions): Promise<string> {
    this.failIf("insertTemplate");
    const options = { unitName: insert.unitName, year: insert.year, period: insert.period };
    for (const k of Object.keys(options) as (keyof typeof options)[]) if (options[k] === undefined) delete options[k];
    this.calls.push({ op: "insertTemplate", options });
    const plan = layoutPlan(this.templates[0], options);
    let name = plan.sheetName;
    for (let i = 2; this.sheets.some((s) => s.name === name); i++) name = `${plan.sheetName} (${i})`;
    this.sheets.push(sheetOf(name, { origin: { row: 0, col: 0 }, values: [[null]] }));
    for (const c of plan.cells) {
      // A fresh template's formulas show blank until their inputs are filled (guarded formulas).
      if (c.formula) this.write(name, toA1(c.cell), null, c.formula);
      else if (c.cellValue !== undefined) this.write(name, toA1(c.cell), c.cellValue);
    }
    if (insert.settings) await this.saveSettings(insert.settings);
    if (insert.checked) {
      const s = this.sheet(name);
      const grid = { origin: { row: 0, col: 0 }, values: s.values, formulas: s.formulas, numberFormats: s.numberFormats, texts: s.texts };
      insert.checked(checkWorkbook([{ name, grid }], this.templates));
    }
    return name;
  }

  async applyPatches(sheet: string, patches: readonly Patch[], options: PatchOptions = {}): Promise<CheckState | void> {
    this.failIf("applyPatches");
    this.calls.push({ op: "applyPatches", sheet, patches });
    for (const p of patches) this.write(p.sheet ?? sheet, toA1(p.cell), p.cellValue, p.formula, p.numberFormat);
    if (!options.recheck && !options.highlight) return;
    const state = this.analyse();
    const { highlight } = options;
    if (highlight) {
      if (typeof highlight === "object") await this.highlight(sheet, highlight);
      else if (state.found) await this.highlight(sheet, this.marks(highlight, state));
    }
    if (options.recheck) return state;
  }

  /** A cell's state as a host reads it. */
  state(sheet: string, cell: Address): CellState {
    const { value, formula, numberFormat } = this.read(sheet, toA1(cell));
    return formula ? { cell, cellValue: value, formula, numberFormat } : { cell, cellValue: value, numberFormat };
  }

  /** As the hosts do: a cell holding something the fix would replace is written only with `replace`. */
  async applyFix(sheet: string, fix: Fix, options: { readonly replace?: boolean } = {}): Promise<FixOutcome> {
    await this.waitIfHeld("applyFix");
    this.failIf("applyFix");
    const on = fix.sheet ?? sheet;
    const before = this.state(on, fix.cell);
    const replace = options.replace === true;
    if (!replace && replacesContent(before, fix)) {
      this.calls.push({ op: "applyFix", sheet, fix, replace, written: false });
      return { written: false, sheet: on, before };
    }
    this.calls.push({ op: "applyFix", sheet, fix, replace, written: true });
    this.write(on, toA1(fix.cell), fix.cellValue, fix.formula ?? "", fix.numberFormat);
    return { written: true, change: { sheet: on, before, after: this.state(on, fix.cell) } };
  }

  async undoFix(change: FixChange): Promise<UndoOutcome> {
    this.failIf("undoFix");
    const now = this.state(change.sheet, change.after.cell);
    const undone = sameCellState(now, change.after);
    this.calls.push({ op: "undoFix", sheet: change.sheet, cell: toA1(change.after.cell), undone });
    if (!undone) return { undone: false, now };
    const b = change.before;
    this.write(change.sheet, toA1(b.cell), b.cellValue, b.formula ?? "", b.numberFormat);
    return { undone: true };
  }

  async highlight(sheet: string, findings: readonly Finding[]): Promise<void> {
    this.calls.push({ op: "highlight", sheet, cells: findings.map((f) => cellA1(f.cell)) });
  }

  async clearHighlights(sheet: string): Promise<void> {
    this.calls.push({ op: "clearHighlights", sheet });
  }

  /** Recorded with the cell as A1, as a reader of the calls writes it. */
  async select(sheet: string, cell: CellRef): Promise<void> {
    this.failIf("select");
    this.calls.push({ op: "select", sheet, cell: cellA1(cell) });
  }

  async onUserChange(listener: () => void): Promise<() => void> {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  useTemplates(templates: readonly Template[]): void {
    this.templates = templates;
  }

  useChoice(choice: AppendixChoice): void {
    this.calls.push({ op: "useChoice", choice });
    this.choice = choice;
  }

  async loadSettings(): Promise<WorkbookSettings> {
    return this.settings;
  }

  async saveSettings(settings: WorkbookSettings): Promise<void> {
    this.failIf("saveSettings");
    this.calls.push({ op: "saveSettings", settings });
    this.settings = settings;
  }

  /** Calls of one kind. */
  callsOf<K extends HostCall["op"]>(op: K): Extract<HostCall, { op: K }>[] {
    return this.calls.filter((c): c is Extract<HostCall, { op: K }> => c.op === op);
  }
}
