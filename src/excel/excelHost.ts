/**
 * The pane's AppendixHost inside Excel (office-js). Every action is at most one read and one write round trip
 * (`context.sync()`); docs/OFFICE.md lists each action's trips and test/excel/roundTrips.test.ts holds them.
 * All Excel failures surface as ExcelHostError with a reason (src/app/hostErrorMessages.ts has the sentences); nothing is swallowed.
 */
import type { Fix, Finding } from "../core/finding";
import type { Grid } from "../core/grid";
import type { Patch } from "../core/patch";
import type { Template } from "../core/catalog/model";
import type { LayoutOptions } from "../core/layout";
import type { LayoutPlan } from "../core/layoutPlan";
import { templates as allTemplates } from "../core/catalog";
import { layoutPlan } from "../core/layout";
import { checkWorkbook } from "../core/checkWorkbook";
import type { AppendixHost, CheckOptions, CheckState, FoundCheckState, InsertOptions, MarkChoice, PatchOptions } from "../app/host";
import type { WorkbookSettings } from "../app/settings";
import { changeHandler, WriteGuard } from "./changeWatcher";
import { ExcelHostError, toExcelHostError } from "./errors";
import { patchWrites, planGrid, withWrites, type CellWrite } from "./gridWrites";
import { markAreas, queueAddMarks, queueDeleteMarks, queueMarkState, type MarkState } from "./highlights";
import { queueAllSheets, queueNamedSheets, type SheetRead } from "./readSheets";
import { freeSheetName, queueRenderPlan } from "./renderPlan";
import { excelApiSupported, MERGE_UNDO_API, TRIGGER_SOURCE_API } from "./requirements";
import { queueLoadSettings, queueSaveSettings } from "./settings";
import { queueReadCells, queueRestore, sameCell, SheetMemory, type CellBefore } from "./restore";
import { queueFix, queuePatches } from "./writeCells";

type FoundState = FoundCheckState;

/** Everything one write batch on a sheet may carry (ExcelHost.writeSheet). */
interface SheetWrite {
  readonly settings?: WorkbookSettings;
  readonly patches?: readonly Patch[];
  /** replace the add-in's marks with these findings' */
  readonly marks?: readonly Finding[];
  /** the cell to select */
  readonly select?: string;
}

/** The findings a mark choice picks from a state. */
function chosenMarks(choice: MarkChoice, state: FoundState): readonly Finding[] {
  return typeof choice === "function" ? choice(state) : state.findings;
}

/** The first cell the marks cover (findings come most severe first), to go to. */
function firstMarked(findings: readonly Finding[]): string | undefined {
  return markAreas(findings).length > 0 ? findings.find((f) => f.severity !== "info")?.cell : undefined;
}

/** Excel.run as the host uses it: a batch, optionally merged into one undo step. */
export type ExcelRun = <T>(batch: (context: Excel.RequestContext) => Promise<T>, options?: { mergeUndoGroup?: boolean }) => Promise<T>;
/** Excel.run on an existing context (removing an event handler must use the context that added it). */
export type ExcelRunIn = <T>(context: Excel.RequestContext, batch: (context: Excel.RequestContext) => Promise<T>) => Promise<T>;

/** What the host takes from outside; tests pass a counting mock, the pane passes nothing. */
export interface ExcelHostOptions {
  readonly run?: ExcelRun;
  readonly runIn?: ExcelRunIn;
  /** Whether the running Excel supports an ExcelApi version (default: Office.context.requirements). */
  readonly supports?: (version: string) => boolean;
  readonly templates?: readonly Template[];
  readonly plan?: (template: Template, options: LayoutOptions) => LayoutPlan;
  readonly debounceMs?: number;
  readonly now?: () => number;
}

const officeRun: ExcelRun = (batch, options) =>
  options?.mergeUndoGroup ? Excel.run({ mergeUndoGroup: true }, batch) : Excel.run(batch);
const officeRunIn: ExcelRunIn = (context, batch) => Excel.run(context, batch);

/** Queues more loads into a read batch; the returned function takes them after the sync. */
type Extra = (context: Excel.RequestContext) => () => void;

/** The settings a read resolved, or undefined (logged) when they are damaged: a check must not fail on them. */
function settingsOrLogged(resolve: () => WorkbookSettings): WorkbookSettings | undefined {
  try {
    return resolve();
  } catch (e) {
    return logSettings(e);
  }
}

function logSettings(e: unknown): undefined {
  if (!(e instanceof ExcelHostError && e.reason === "settings_damaged")) throw e;
  console.error("the workbook's settings are damaged; the check goes on without them", e);
  return undefined;
}

/** The office-js adapter. */
export class ExcelHost implements AppendixHost {
  readonly kind = "excel" as const;
  private readonly run: ExcelRun;
  private readonly runIn: ExcelRunIn;
  private readonly supports: (version: string) => boolean;
  private readonly templates: readonly Template[];
  private readonly plan: (template: Template, options: LayoutOptions) => LayoutPlan;
  private readonly guard: WriteGuard;
  private readonly debounceMs?: number;
  /** The sheet the appendix was found on last time: a re-check reads only it (id null: inserted, not read yet). */
  private appendix: { name: string; id: string | null } | null = null;
  /** Protection of each sheet as last read, to refuse a write before sending it. */
  private readonly protectedSheets = new Map<string, boolean>();
  /** Other appendices and a split as the last read of every sheet saw them (a re-check reads one sheet). */
  private elsewhere: { others: NonNullable<FoundState["others"]>; split: FoundState["split"] } = { others: [], split: null };
  /** Each sheet's cells as last read (and written since): what a write that fails part-way is restored from. */
  private readonly memory = new Map<string, SheetMemory>();
  /** Each sheet's grid as last read plus the add-in's writes since: what a re-check after a fill is computed from. */
  private readonly grids = new Map<string, Grid>();
  /**
   * Each sheet's conditional formats as the last read saw them. Only the check's own write uses them, right after
   * that read: later the ribbon's runtime (another ExcelHost) or the user may have added or removed marks.
   */
  private readonly markStates = new Map<string, MarkState>();

  constructor(options: ExcelHostOptions = {}) {
    this.run = options.run ?? officeRun;
    this.runIn = options.runIn ?? officeRunIn;
    this.supports = options.supports ?? excelApiSupported;
    this.templates = options.templates ?? allTemplates;
    this.plan = options.plan ?? layoutPlan;
    this.guard = new WriteGuard(options.now);
    this.debounceMs = options.debounceMs;
  }

  /** One read batch, errors typed. */
  private async read<T>(batch: (context: Excel.RequestContext) => Promise<T>): Promise<T> {
    try {
      return await this.run(batch);
    } catch (e) {
      throw toExcelHostError(e);
    }
  }

  /** One write batch: one undo step where ExcelApi 1.20 allows, the change handler told it is ours, errors typed. */
  private async write<T>(batch: (context: Excel.RequestContext) => Promise<T>): Promise<T> {
    const mergeUndoGroup = this.supports(MERGE_UNDO_API);
    try {
      return await this.guard.around(() => this.run(batch, mergeUndoGroup ? { mergeUndoGroup } : undefined));
    } catch (e) {
      throw toExcelHostError(e);
    }
  }

  private remember(reads: readonly SheetRead[]): void {
    for (const r of reads) {
      this.protectedSheets.set(r.name, r.protected);
      this.memory.set(r.name, new SheetMemory(r.grid));
      this.grids.set(r.name, r.grid);
      this.markStates.set(r.name, r.marks);
    }
  }

  private judge(reads: readonly SheetRead[]): CheckState {
    this.remember(reads);
    const state = checkWorkbook(reads, this.templates);
    if (state.found) {
      const read = reads.find((r) => r.name === state.sheet);
      this.appendix = read ? { name: read.name, id: read.id } : null;
    } else {
      this.appendix = null;
    }
    return state;
  }

  /**
   * One read (the sheets, their marks, and the settings when asked), then, when asked and there is something
   * to change, one write with the settings to save, the patches (`fill`), the marks and the selection.
   */
  async check(options: CheckOptions = {}): Promise<CheckState> {
    let settings: WorkbookSettings | undefined;
    let settingsRead = !options.loadSettings;
    const extra = options.loadSettings
      ? (context: Excel.RequestContext) => {
          const q = queueLoadSettings(context);
          return () => {
            settingsRead = true;
            settings = settingsOrLogged(q.resolve);
          };
        }
      : undefined;
    const state = await this.readState(extra);
    // The fallbacks that read in several trips do not carry the settings: one read more, on those paths only.
    if (!settingsRead) settings = await this.loadSettings().catch((e: unknown) => logSettings(e));
    const result: CheckState = settings ? { ...state, settings } : state;
    if (result.found && (options.highlight || options.fill || options.saveSettings)) {
      // The settings first: a pane prunes acknowledgements there, and picks the marks with them.
      const settingsToSave = options.saveSettings?.(result);
      const marks = options.highlight ? chosenMarks(options.highlight, result) : undefined;
      await this.writeSheet(
        result.sheet,
        {
          settings: settingsToSave,
          patches: options.fill ? result.patches : undefined,
          marks,
          select: marks && options.select ? firstMarked(marks) : undefined,
        },
        this.markStates.get(result.sheet),
      );
    }
    return result;
  }

  private async readState(extra?: Extra): Promise<CheckState> {
    const known = this.appendix;
    if (known) {
      // Re-check: only the sheet found last time (1 read); if the appendix is no longer there, look everywhere.
      const reads = await this.read(async (context) => {
        const q = queueNamedSheets(context, [known.name]);
        const more = extra?.(context);
        await context.sync();
        more?.();
        return q.resolve();
      });
      extra = undefined;
      if (reads.length > 0) {
        const state = this.judge(reads);
        // Only this sheet was read: the other appendices and the split seen by the last full read still stand.
        if (state.found) return { ...state, others: this.elsewhere.others, split: this.elsewhere.split };
      }
    }
    const state = this.judge(await this.readAllSheets(extra));
    this.elsewhere = state.found ? { others: state.others ?? [], split: state.split ?? null } : { others: [], split: null };
    return state;
  }

  /** The check of one sheet from a grid the host already holds (no read), with what the last full read saw elsewhere. */
  private judgeGrid(sheet: string, grid: Grid): CheckState {
    const state = checkWorkbook([{ name: sheet, grid }], this.templates);
    return state.found ? { ...state, others: this.elsewhere.others, split: this.elsewhere.split } : state;
  }

  /**
   * Every sheet in one read. Two fallbacks, each logged: a host that refuses the getNextOrNullObject chain
   * (null objects not propagated) gets the names first, then the sheets (2 trips); past Excel's 5 MB response
   * limit, the sheets are read one per round trip.
   */
  private async readAllSheets(extra?: Extra): Promise<SheetRead[]> {
    try {
      return await this.read(async (context) => {
        const q = queueAllSheets(context);
        const more = extra?.(context);
        await context.sync();
        more?.();
        return q.resolve();
      });
    } catch (e) {
      if (!(e instanceof ExcelHostError)) throw e;
      if (e.reason === "payload_too_large") return this.readOneByOne(await this.sheetNames());
      if (e.reason !== "excel_failed" && e.reason !== "sheet_missing") throw e;
      console.warn("the one-trip read of all sheets was refused; reading the sheet names first", e.excelCode, e.detail);
    }
    const names = await this.sheetNames();
    try {
      return await this.read(async (context) => {
        const q = queueNamedSheets(context, names);
        await context.sync();
        return q.resolve();
      });
    } catch (e) {
      if (e instanceof ExcelHostError && e.reason === "payload_too_large") return this.readOneByOne(names);
      throw e;
    }
  }

  private sheetNames(): Promise<string[]> {
    return this.read(async (context) => {
      const sheets = context.workbook.worksheets;
      sheets.load("items/name");
      await context.sync();
      return sheets.items.map((s) => s.name);
    });
  }

  private async readOneByOne(names: readonly string[]): Promise<SheetRead[]> {
    const reads: SheetRead[] = [];
    for (const name of names) {
      reads.push(
        ...(await this.read(async (context) => {
          const q = queueNamedSheets(context, [name]);
          await context.sync();
          return q.resolve();
        })),
      );
    }
    return reads;
  }

  private refuseProtected(sheet: string): void {
    if (this.protectedSheets.get(sheet)) throw new ExcelHostError("sheet_protected", undefined, sheet);
  }

  /**
   * One write: the patches, and the marks when asked (the marks on the sheet are read first, one read). The
   * re-check is computed from the sheet's grid as last read plus the patches, so it costs no read; only a sheet
   * never read (no check before) is read after the write.
   */
  async applyPatches(sheet: string, patches: readonly Patch[], options: PatchOptions = {}): Promise<CheckState | void> {
    const { highlight } = options;
    const wantsState = options.recheck || typeof highlight === "function" || highlight === true;
    const grid = this.grids.get(sheet);
    const state = wantsState && grid ? this.judgeGrid(sheet, withWrites(grid, patchWrites(patches))) : null;
    const marks =
      typeof highlight === "object" ? highlight : highlight && state?.found ? chosenMarks(highlight, state) : undefined;
    await this.writeSheet(sheet, { patches, marks });
    if (!wantsState) return;
    if (!state) {
      // Nothing known of the sheet: read it once now, and mark from that read.
      const read = await this.check(highlight && typeof highlight !== "object" ? { highlight } : {});
      return options.recheck ? read : undefined;
    }
    return options.recheck ? state : undefined;
  }

  async applyFix(sheet: string, fix: Fix): Promise<void> {
    this.refuseProtected(sheet);
    await this.writeCells(
      sheet,
      [fix.cell],
      (ws) => queueFix(ws, fix),
      (before) => [
        fix.formula
          ? { cell: fix.cell, content: fix.formula, numberFormat: fix.numberFormat || before[0].numberFormat }
          : { cell: fix.cell, content: fix.value, literal: typeof fix.value === "string", numberFormat: fix.numberFormat || before[0].numberFormat },
      ],
    );
    this.wroteGrid(sheet, [{ cell: fix.cell, value: fix.value, formula: fix.formula ?? "", numberFormat: fix.numberFormat }]);
  }

  /** Lays the add-in's successful writes over the sheet's remembered grid (when it has one). */
  private wroteGrid(sheet: string, writes: readonly CellWrite[]): void {
    const grid = this.grids.get(sheet);
    if (grid && writes.length > 0) this.grids.set(sheet, withWrites(grid, writes));
  }

  /**
   * One write batch over `cells` of `sheet`. What the cells held comes from the last read (no round trip); a
   * cell that read did not cover (no check yet, or outside its window) is read first, one round trip. If the
   * batch fails, the cells are put back in one more batch (`restoreCells`).
   */
  private async writeCells(
    sheet: string,
    cells: readonly string[],
    queue: (ws: Excel.Worksheet) => void,
    written: (before: readonly CellBefore[]) => CellBefore[],
  ): Promise<void> {
    const before = await this.cellsBefore(sheet, cells);
    try {
      await this.write(async (context) => {
        queue(context.workbook.worksheets.getItem(sheet));
        await context.sync();
      });
    } catch (e) {
      throw await this.restoreCells(sheet, before, toExcelHostError(e));
    }
    const memory = this.memory.get(sheet);
    if (memory) for (const state of written(before)) memory.wrote(state);
  }

  /** What `cells` hold now, from memory where it covers them, else from one read of the cells it lacks. */
  private async cellsBefore(sheet: string, cells: readonly string[]): Promise<CellBefore[]> {
    let memory = this.memory.get(sheet);
    const missing = cells.filter((c) => !memory?.before(c));
    if (missing.length > 0) {
      const read = await this.read(async (context) => {
        const q = queueReadCells(context.workbook.worksheets.getItem(sheet), missing);
        await context.sync();
        return q.resolve();
      });
      if (!memory) {
        memory = new SheetMemory({ origin: { row: 0, col: 0 }, values: [] });
        this.memory.set(sheet, memory);
      }
      for (const state of read) memory.wrote(state);
    }
    return cells.map((c) => memory!.before(c)!);
  }

  /**
   * After a failed write: put `before` back in one batch, in the order the write went. Returns the error to
   * throw: the write's own when every cell holds what it held (then "no cell was changed" is true), else
   * `partly_written` listing the cells that may differ. A sheet that is gone, or Excel in cell-edit mode,
   * refuses the whole batch, so nothing was written and nothing is restored.
   */
  private async restoreCells(sheet: string, before: readonly CellBefore[], error: ExcelHostError): Promise<ExcelHostError> {
    if (error.reason === "sheet_missing" || error.reason === "cell_edit_mode") return error;
    try {
      await this.guard.around(() =>
        this.run(async (context) => {
          queueRestore(context.workbook.worksheets.getItem(sheet), before);
          await context.sync();
        }),
      );
      return error;
    } catch (restoreError) {
      console.error("could not put the cells back after a failed write", sheet, error, restoreError);
    }
    // The restore stopped somewhere: it may have stopped at the same cell the write did (all restored), or
    // earlier. One read tells which cells differ; if that fails too, every target may have changed.
    let changed: string[];
    try {
      const now = await this.read(async (context) => {
        const q = queueReadCells(context.workbook.worksheets.getItem(sheet), before.map((b) => b.cell));
        await context.sync();
        return q.resolve();
      });
      changed = before.filter((b, i) => !sameCell(now[i], b)).map((b) => b.cell);
    } catch (readError) {
      console.error("could not read the cells back after a failed restore", sheet, readError);
      changed = before.map((b) => b.cell);
    }
    if (changed.length === 0) return error;
    // What the cells hold is no longer known: the next write reads its targets first (or the next check does).
    this.memory.delete(sheet);
    return new ExcelHostError("partly_written", error.excelCode, error.detail, { sheet, cells: [...new Set(changed)], cause: error.reason });
  }

  async highlight(sheet: string, findings: readonly Finding[]): Promise<void> {
    await this.writeSheet(sheet, { marks: findings });
  }

  async clearHighlights(sheet: string): Promise<void> {
    await this.writeSheet(sheet, { marks: [] });
  }

  /** One read of the sheet's conditional formats. */
  private async readMarks(sheet: string): Promise<MarkState> {
    return this.read(async (context) => {
      const q = queueMarkState(context.workbook.worksheets.getItem(sheet));
      await context.sync();
      return q.resolve();
    });
  }

  /**
   * One write batch on `sheet`: settings, patches, selection, then the marks (add the new, then delete the old:
   * a batch stopped while adding leaves every old mark in place). Skipped when there is nothing to change. What
   * the patched cells held comes from the last read (a read only for the cells it lacks); the marks on the sheet
   * are `known` (a check's read just now) or read first. On failure the cells are put back and the marks settled
   * (restoreCells, settleMarks).
   */
  private async writeSheet(sheet: string, w: SheetWrite, known?: MarkState): Promise<void> {
    const patches = w.patches ?? [];
    if (patches.length > 0) this.refuseProtected(sheet);
    const before = patches.length > 0 ? await this.cellsBefore(sheet, patches.map((p) => p.cell)) : [];
    const marks = w.marks ? (known ?? (await this.readMarks(sheet))) : null;
    const marking = marks !== null && (marks.marks.length > 0 || markAreas(w.marks ?? []).length > 0);
    if (patches.length === 0 && !marking && !w.select && !w.settings) return;
    let adds = 0;
    try {
      await this.write(async (context) => {
        if (w.settings) queueSaveSettings(context, w.settings);
        const ws = context.workbook.worksheets.getItem(sheet);
        if (patches.length > 0) queuePatches(ws, patches);
        if (w.select) {
          ws.activate();
          ws.getRange(w.select).select();
        }
        if (marking) {
          adds = queueAddMarks(ws, w.marks ?? []);
          queueDeleteMarks(ws, marks.marks);
        }
        await context.sync();
      });
    } catch (e) {
      const error = toExcelHostError(e);
      const cellsError = patches.length > 0 ? await this.restoreCells(sheet, before, error) : null;
      const marksError = marking ? await this.settleMarks(sheet, marks, adds, error) : error;
      // With cells, the cells' outcome is what the user must know; marks alone rolled forward count as done.
      const thrown = cellsError ?? marksError;
      if (thrown) throw thrown;
      return;
    }
    if (patches.length > 0) {
      const memory = this.memory.get(sheet);
      if (memory) {
        patches.forEach((p, i) => memory.wrote({ cell: p.cell, content: p.formula, numberFormat: p.numberFormat || before[i].numberFormat }));
      }
      this.wroteGrid(sheet, patchWrites(patches));
    }
  }

  /**
   * After a failed mark batch (one read, at most one write more): stopped while adding, the marks it added are
   * deleted, with a format it added but had no rule for yet (rolled back: the sheet is as before); stopped after
   * deleting some old marks, every new mark is in, so the rest of the old are deleted (rolled forward: the sheet
   * is as a successful batch leaves it, and null is returned). Cells and the user's own formats are never
   * touched by marking. If neither can be done, `partly_written` says marks may be left.
   */
  private async settleMarks(sheet: string, before: MarkState, adds: number, error: ExcelHostError): Promise<ExcelHostError | null> {
    if (error.reason === "sheet_missing" || error.reason === "cell_edit_mode") return error;
    const old = new Set(before.marks);
    const existed = new Set(before.all);
    try {
      return await this.guard.around(() =>
        this.run(async (context) => {
          const ws = context.workbook.worksheets.getItem(sheet);
          const q = queueMarkState(ws);
          await context.sync();
          const now = q.resolve();
          const added = now.marks.filter((id) => !old.has(id));
          const halfMade = now.blank.filter((id) => !existed.has(id));
          const left = now.marks.filter((id) => old.has(id));
          // The deletes come after every add: an old mark gone means the batch got past the adds. With none gone
          // it may have stopped at the last add's colors, so it is rolled back.
          const pastAdds = left.length < old.size && added.length >= adds && halfMade.length === 0;
          if (!pastAdds) {
            const undo = [...added, ...halfMade];
            if (undo.length === 0) return error;
            queueDeleteMarks(ws, undo);
            await context.sync();
            return error;
          }
          if (left.length > 0) {
            queueDeleteMarks(ws, left);
            await context.sync();
          }
          console.warn("a mark batch failed while deleting the old marks; the rest were deleted", sheet, error);
          return null;
        }),
      );
    } catch (settleError) {
      console.error("could not settle the marks of a failed highlight", sheet, error, settleError);
      return new ExcelHostError("partly_written", error.excelCode, error.detail, { sheet, cells: [], marks: true, cause: error.reason });
    }
  }

  async select(sheet: string, cell: string): Promise<void> {
    try {
      await this.run(async (context) => {
        const ws = context.workbook.worksheets.getItem(sheet);
        ws.activate();
        ws.getRange(cell).select();
        await context.sync();
      });
    } catch (e) {
      throw toExcelHostError(e);
    }
  }

  /**
   * One read (sheet names, workbook protection), one write (the sheet, and the settings when given). The new
   * sheet's CheckState is made from the plan (`options.checked`), and the host remembers its grid, so the next
   * re-check reads only it.
   */
  async insertTemplate(options: InsertOptions): Promise<string> {
    const template = this.templates[0];
    const plan = this.plan(template, { unitName: options.unitName, year: options.year, period: options.period });
    const existing = await this.read(async (context) => {
      const sheets = context.workbook.worksheets;
      sheets.load("items/name");
      const protection = context.workbook.protection;
      protection.load("protected");
      await context.sync();
      return { names: sheets.items.map((s) => s.name), protected: protection.protected };
    });
    if (existing.protected) throw new ExcelHostError("workbook_protected");
    const name = freeSheetName(plan.sheetName, existing.names);
    try {
      await this.write(async (context) => {
        if (options.settings) queueSaveSettings(context, options.settings);
        queueRenderPlan(context, plan, name);
        await context.sync();
      });
    } catch (e) {
      throw await this.removeHalfMadeSheet(name, existing.names, toExcelHostError(e));
    }
    const grid = planGrid(plan);
    this.protectedSheets.set(name, false);
    this.memory.set(name, new SheetMemory(grid));
    this.grids.set(name, grid);
    if (options.checked) {
      // The new sheet is the one the pane works on now; its id is learnt at the next read (until then every
      // sheet's changes reach the change handler).
      const state = checkWorkbook([{ name, grid }], this.templates);
      if (state.found) {
        this.appendix = { name, id: null };
        this.elsewhere = { others: [], split: null };
      }
      options.checked(state);
    }
    return name;
  }

  /**
   * A batch that failed after adding the sheet leaves it half-made: delete it (this clears Excel's undo stack, as
   * any sheet deletion does, but only on this failure path). The sheet did not exist at the read; if adding it is
   * what failed (ItemAlreadyExists: the user made one of that name meanwhile), the sheet there is the user's and
   * stays. Returns the error to throw: the batch's own, or `partly_written` when the sheet could not be removed.
   */
  private async removeHalfMadeSheet(name: string, before: readonly string[], error: ExcelHostError): Promise<ExcelHostError> {
    if (before.includes(name) || error.excelCode === "ItemAlreadyExists" || error.reason === "cell_edit_mode") return error;
    try {
      await this.guard.around(() =>
        this.run(async (context) => {
          const sheet = context.workbook.worksheets.getItemOrNullObject(name);
          sheet.load("name");
          await context.sync();
          if (!sheet.isNullObject) {
            sheet.delete();
            await context.sync();
          }
        }),
      );
      return error;
    } catch (cleanup) {
      console.error("could not remove the half-made template sheet", name, error, cleanup);
      return new ExcelHostError("partly_written", error.excelCode, error.detail, { sheet: name, cells: [], newSheet: true, cause: error.reason });
    }
  }

  async onUserChange(listener: () => void): Promise<() => void> {
    const handler = changeHandler(listener, {
      triggerSourceSupported: this.supports(TRIGGER_SOURCE_API),
      guard: this.guard,
      sheetId: () => this.appendix?.id ?? null,
      debounceMs: this.debounceMs,
    });
    const registration = await this.read(async (context) => {
      const result = context.workbook.worksheets.onChanged.add(handler.handle);
      await context.sync();
      return result;
    });
    return () => {
      handler.cancel();
      void this.runIn(registration.context as Excel.RequestContext, async (context) => {
        registration.remove();
        await context.sync();
      }).catch((e) => console.error("could not remove the change handler", toExcelHostError(e)));
    };
  }

  async loadSettings(): Promise<WorkbookSettings> {
    return this.read(async (context) => {
      const q = queueLoadSettings(context);
      await context.sync();
      return q.resolve();
    });
  }

  async saveSettings(settings: WorkbookSettings): Promise<void> {
    await this.write(async (context) => {
      queueSaveSettings(context, settings);
      await context.sync();
    });
  }
}
