/**
 * Writing without losing the user's data. office-js batches are not transactions: the commands before the one that
 * fails stay applied. So every write knows beforehand what its target cells held (from the sheet cache, or one
 * read of the cells it lacks), and a write that fails part-way is repaired: the cells put back, the marks rolled
 * back or forward, a half-made sheet removed. When the repair fails too, `partly_written` says what may have
 * changed. docs/OFFICE.md, "When a write fails".
 */
import { type Address, type CellState, type CellWrite, type Finding, type Fix, type Patch, replacesContent, sameCellState, toA1 } from "../core";
import type { FixChange, FixOutcome, UndoOutcome } from "../app/host";
import type { WorkbookSettings } from "../app/settings";
import type { Batches } from "./batches";
import { ExcelHostError, toExcelHostError } from "./errors";
import { planMarks, queueAddMarks, queueDeleteMarks, queueMarkState, type MarkState } from "./highlights";
import { isMarksFailure } from "./readAllSheets";
import { queueReadCells, queueRestore } from "./restore";
import { queueSaveSettings } from "./settings";
import type { SheetCache } from "./sheetCache";
import { queueFix, queuePatches } from "./writeCells";

/** Everything one write batch on a sheet may carry (SafeWrites.writeSheet). */
export interface SheetWrite {
  readonly settings?: WorkbookSettings;
  readonly patches?: readonly Patch[];
  /** replace the add-in's marks with these findings' */
  readonly marks?: readonly Finding[];
  /** the cell to select */
  readonly select?: Address;
}

/** One sheet's part of a write batch (SafeWrites.writeSheets). */
export interface SheetPart {
  readonly sheet: string;
  readonly write: SheetWrite;
  /** the marks on the sheet as a read just now saw them (absent: read first) */
  readonly known?: MarkState;
  /**
   * The sheet is another than the appendix's own (the second sheet of a split appendix): the findings' cells there
   * name it, and those are the ones marked.
   */
  readonly named?: boolean;
}

/**
 * Failures where Excel refused the whole batch, so nothing was written and nothing is repaired: the sheet is gone,
 * a cell is being edited, a dialog is open, the session is over. (A read-only workbook refuses the first write too,
 * but the repair is tried all the same: it costs nothing on success and proves "no cell was changed".)
 */
function refusedWhole(error: ExcelHostError): boolean {
  return ["sheet_missing", "cell_edit_mode", "dialog_open", "session_expired"].includes(error.reason);
}

/** What a cell holds after `w` was written over `before` (the format it had, unless the write sets one). */
function written(w: CellWrite, before: CellState): CellState {
  return {
    cell: w.cell,
    cellValue: w.cellValue,
    ...(w.formula ? { formula: w.formula } : {}),
    numberFormat: w.numberFormat || before.numberFormat,
  };
}

/** The host's writes, each with its repair. */
export class SafeWrites {
  constructor(
    private readonly batches: Batches,
    private readonly cache: SheetCache,
    /** Excel on the web: a workbook refusing every write is open for viewing only there */
    private readonly onWeb: () => boolean = () => false,
  ) {}

  /** Refuses, before any round trip, a write to a sheet the last read saw protected. */
  refuseProtected(sheet: string): void {
    if (this.cache.isProtected(sheet)) throw new ExcelHostError("sheet_protected", undefined, sheet);
  }

  /**
   * One finding's fix: one write (after one read of the cell when no read covered it). What the cell holds decides
   * first: something the fix would replace (core's `replacesContent`) is written over only with `replace`, otherwise
   * nothing is written and the outcome says what is there.
   */
  async writeFix(sheet: string, fix: Fix, replace: boolean): Promise<FixOutcome> {
    this.refuseProtected(sheet);
    const [before] = await this.cellsBefore(sheet, [fix.cell]);
    if (!replace && replacesContent(before, fix)) return { written: false, sheet, before };
    await this.writeCells(
      sheet,
      [fix.cell],
      (ws) => queueFix(ws, fix),
      (states) => [written(fix, states[0])],
    );
    this.cache.wroteGrid(sheet, [fix]);
    return { written: true, change: { sheet, before, after: written(fix, before) } };
  }

  /**
   * Puts a fixed cell back: one read of the cell (the user may have typed since; memory would not know before the
   * change handler's re-check), then, if it still holds what the fix wrote, one write of what it held before (its
   * number format, then its formula or value, text as text), repaired like any write if it fails.
   */
  async undoFix(change: FixChange): Promise<UndoOutcome> {
    const { sheet, before, after } = change;
    this.refuseProtected(sheet);
    const [now] = await this.batches.read(async (context) => {
      const q = queueReadCells(context.workbook.worksheets.getItem(sheet), [after.cell]);
      await context.sync();
      return q.resolve();
    });
    (this.cache.memory(sheet) ?? this.cache.emptyMemory(sheet)).wrote(now);
    if (!sameCellState(now, after)) return { undone: false, now };
    await this.writeCells(
      sheet,
      [before.cell],
      (ws) => queueRestore(ws, [before]),
      () => [before],
    );
    this.cache.wroteGrid(sheet, [before]);
    return { undone: true };
  }

  /**
   * One write batch over `cells` of `sheet`. What the cells held comes from the last read (no round trip); a
   * cell that read did not cover (no check yet, or outside its window) is read first, one round trip. If the
   * batch fails, the cells are put back in one more batch (`restoreCells`).
   */
  private async writeCells(
    sheet: string,
    cells: readonly Address[],
    queue: (ws: Excel.Worksheet) => void,
    written: (before: readonly CellState[]) => CellState[],
  ): Promise<void> {
    const before = await this.cellsBefore(sheet, cells);
    try {
      await this.batches.write(async (context) => {
        queue(context.workbook.worksheets.getItem(sheet));
        await context.sync();
      });
    } catch (e) {
      throw await this.restoreCells(sheet, before, await this.whyRefused(sheet, toExcelHostError(e)));
    }
    const memory = this.cache.memory(sheet);
    if (memory) for (const state of written(before)) memory.wrote(state);
  }

  /**
   * AccessDenied comes from a protected sheet (or workbook structure), but also from a workbook that takes no write
   * at all: open read-only on the desktop (Protected View, a read-only file, one someone else has open) or for viewing
   * only on the web (the Viewing mode, view permission only). One read tells which (the sheet's protection, or for a
   * write to no sheet of the appendix's the workbook's); only on this failure path.
   */
  private async whyRefused(sheet: string | null, error: ExcelHostError): Promise<ExcelHostError> {
    if (error.excelCode !== "AccessDenied") return error;
    try {
      const isProtected = await this.batches.read(async (context) => {
        const protection = sheet === null ? context.workbook.protection : context.workbook.worksheets.getItem(sheet).protection;
        protection.load("protected");
        await context.sync();
        return protection.protected;
      });
      if (isProtected) return sheet === null ? new ExcelHostError("workbook_protected", error.excelCode, error.detail, undefined, error.location) : error;
      return new ExcelHostError(this.onWeb() ? "view_only" : "read_only", error.excelCode, error.detail, undefined, error.location);
    } catch (readError) {
      console.error("could not tell why Excel refused the write", sheet, error, readError);
      return error;
    }
  }

  /** The workbook's settings in one write; a refusal says why (read-only, view-only). */
  async writeSettings(settings: WorkbookSettings): Promise<void> {
    try {
      await this.batches.write(async (context) => {
        queueSaveSettings(context, settings);
        await context.sync();
      });
    } catch (e) {
      throw await this.whyRefused(null, toExcelHostError(e));
    }
  }

  /** What `cells` hold now, from memory where it covers them, else from one read of the cells it lacks. */
  private async cellsBefore(sheet: string, cells: readonly Address[]): Promise<CellState[]> {
    let memory = this.cache.memory(sheet);
    const missing = cells.filter((c) => !memory?.before(c));
    if (missing.length > 0) {
      const read = await this.batches.read(async (context) => {
        const q = queueReadCells(context.workbook.worksheets.getItem(sheet), missing);
        await context.sync();
        return q.resolve();
      });
      memory ??= this.cache.emptyMemory(sheet);
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
  private async restoreCells(sheet: string, before: readonly CellState[], error: ExcelHostError): Promise<ExcelHostError> {
    if (refusedWhole(error)) return error;
    try {
      await this.batches.repair(async (context) => {
        queueRestore(context.workbook.worksheets.getItem(sheet), before);
        await context.sync();
      });
      return error;
    } catch (restoreError) {
      console.error("could not put the cells back after a failed write", sheet, error, restoreError);
    }
    // The restore stopped somewhere: it may have stopped at the same cell the write did (all restored), or
    // earlier. One read tells which cells differ; if that fails too, every target may have changed.
    let changed: Address[];
    try {
      const now = await this.batches.read(async (context) => {
        const q = queueReadCells(context.workbook.worksheets.getItem(sheet), before.map((b) => b.cell));
        await context.sync();
        return q.resolve();
      });
      changed = before.filter((b, i) => !sameCellState(now[i], b)).map((b) => b.cell);
    } catch (readError) {
      console.error("could not read the cells back after a failed restore", sheet, readError);
      changed = before.map((b) => b.cell);
    }
    if (changed.length === 0) return error;
    this.cache.forgetCells(sheet);
    const cells = [...new Set(changed.map((c) => toA1(c)))];
    return new ExcelHostError("partly_written", error.excelCode, error.detail, { sheet, cells, cause: error.reason });
  }

  /**
   * One read of the conditional formats where the add-in marks. Excel cannot load some formats the user made
   * (office-js#5222: two rules on one range): then `marks_unreadable`, whose sentence says what to do.
   */
  async readMarks(sheet: string): Promise<MarkState> {
    return (await this.readMarksOf([sheet])).get(sheet)!;
  }

  /** The conditional formats of several sheets in one read (readMarks for each, one round trip). */
  async readMarksOf(sheets: readonly string[]): Promise<Map<string, MarkState>> {
    try {
      return await this.batches.read(async (context) => {
        const qs = sheets.map((sheet) => [sheet, queueMarkState(context.workbook.worksheets.getItem(sheet))] as const);
        await context.sync();
        return new Map(qs.map(([sheet, q]) => [sheet, q.resolve()]));
      });
    } catch (e) {
      if (!(e instanceof ExcelHostError) || !isMarksFailure(e)) throw e;
      throw new ExcelHostError("marks_unreadable", e.excelCode, e.detail, undefined, e.location);
    }
  }

  /** One write batch on `sheet` (writeSheets with one part). */
  writeSheet(sheet: string, w: SheetWrite, known?: MarkState): Promise<void> {
    return this.writeSheets([{ sheet, write: w, known }]);
  }

  /**
   * One write batch over one or more sheets (the two sheets of a split appendix): for each, settings, patches,
   * selection, then the marks (add the new, then delete the old: a batch stopped while adding leaves every old mark in
   * place). Only marks that differ from those on the sheet are added or deleted, and the batch is skipped when there is
   * nothing to change: a re-check whose marks did not change writes nothing (before ExcelApi 1.20 any add-in write
   * clears the user's undo stack). What the patched cells held comes from the last read (a read only for the cells it
   * lacks); the marks on each sheet are `known` (a check's read just now) or read first, every sheet's in one read. On
   * failure each sheet's cells are put back and its marks settled (restoreCells, settleMarks).
   */
  async writeSheets(parts: readonly SheetPart[]): Promise<void> {
    for (const p of parts) if ((p.write.patches ?? []).length > 0) this.refuseProtected(p.sheet);
    const befores: CellState[][] = [];
    for (const p of parts) {
      const patches = p.write.patches ?? [];
      befores.push(patches.length > 0 ? await this.cellsBefore(p.sheet, patches.map((x) => x.cell)) : []);
    }
    const unknown = parts.filter((p) => p.write.marks && !p.known).map((p) => p.sheet);
    const read = unknown.length > 0 ? await this.readMarksOf(unknown) : new Map<string, MarkState>();
    const prepared = parts.map((p, i) => {
      const marks = p.write.marks ? (p.known ?? read.get(p.sheet) ?? null) : null;
      const plan = marks && p.write.marks ? planMarks(p.write.marks, marks, p.named ? p.sheet : undefined) : null;
      const marking = plan !== null && (plan.add.length > 0 || plan.remove.length > 0);
      return { sheet: p.sheet, w: p.write, patches: p.write.patches ?? [], before: befores[i]!, marks, plan, marking, adds: 0 };
    });
    const busy = prepared.filter((p) => p.patches.length > 0 || p.marking || p.w.select || p.w.settings);
    if (busy.length === 0) return;
    try {
      await this.batches.write(async (context) => {
        for (const p of busy) {
          if (p.w.settings) queueSaveSettings(context, p.w.settings);
          const ws = context.workbook.worksheets.getItem(p.sheet);
          if (p.patches.length > 0) queuePatches(ws, p.patches);
          if (p.w.select) {
            ws.activate();
            ws.getRange(toA1(p.w.select)).select();
          }
          if (p.marking && p.plan) {
            p.adds = queueAddMarks(ws, p.plan.add);
            queueDeleteMarks(ws, p.plan.remove);
          }
        }
        await context.sync();
      });
    } catch (e) {
      const failure = toExcelHostError(e);
      const outcomes: ExcelHostError[] = [];
      for (const p of busy) {
        const error = await this.whyRefused(p.sheet, failure);
        const cellsError = p.patches.length > 0 ? await this.restoreCells(p.sheet, p.before, error) : null;
        const marksError = p.marking && p.marks && p.plan ? await this.settleMarks(p.sheet, p.marks, p.plan.remove, p.adds, error) : p.patches.length > 0 ? null : error;
        // With cells, the cells' outcome is what the user must know; marks alone rolled forward count as done.
        const thrown = cellsError ?? marksError;
        if (thrown) outcomes.push(thrown);
      }
      // A sheet left partly written is what the user must hear of first.
      const thrown = outcomes.find((x) => x.reason === "partly_written") ?? outcomes[0];
      if (thrown) throw thrown;
      return;
    }
    for (const p of prepared) {
      if (p.patches.length === 0) continue;
      const memory = this.cache.memory(p.sheet);
      if (memory) p.patches.forEach((x, i) => memory.wrote(written(x, p.before[i]!)));
      this.cache.wroteGrid(p.sheet, p.patches);
    }
  }

  /**
   * After a failed mark batch (one read, at most one write more): stopped while adding, the marks it added are
   * deleted, with a format it added but had no rule for yet (rolled back: the sheet is as before); stopped after
   * deleting some old marks, every new mark is in, so the rest of the old are deleted (rolled forward: the sheet
   * is as a successful batch leaves it, and null is returned). Cells and the user's own formats are never
   * touched by marking. If neither can be done, `partly_written` says marks may be left.
   */
  private async settleMarks(sheet: string, before: MarkState, removing: readonly string[], adds: number, error: ExcelHostError): Promise<ExcelHostError | null> {
    if (refusedWhole(error)) return error;
    const old = new Set(removing);
    const marked = new Set(before.marks);
    const existed = new Set(before.all);
    try {
      return await this.batches.repair(async (context) => {
        const ws = context.workbook.worksheets.getItem(sheet);
        const q = queueMarkState(ws);
        await context.sync();
        const now = q.resolve();
        const added = now.marks.filter((id) => !marked.has(id));
        const halfMade = now.blank.filter((id) => !existed.has(id));
        const left = now.marks.filter((id) => old.has(id));
        // The deletes come after every add: an old mark gone means the batch got past the adds (or the user removed
        // it meanwhile, the ItemNotFound that stopped it). With none gone it may have stopped at the last add's
        // colors, so it is rolled back.
        const pastAdds = old.size > 0 && left.length < old.size && added.length >= adds && halfMade.length === 0;
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
      });
    } catch (settleError) {
      console.error("could not settle the marks of a failed highlight", sheet, error, settleError);
      return new ExcelHostError("partly_written", error.excelCode, error.detail, { sheet, cells: [], marks: true, cause: error.reason });
    }
  }

  /**
   * One write that adds the sheet `name` (absent from `existing`, the names the last read saw). A batch that failed
   * after adding it leaves it half-made: it is deleted.
   */
  async writeNewSheet(name: string, existing: readonly string[], queue: (context: Excel.RequestContext) => void): Promise<void> {
    try {
      await this.batches.write(async (context) => {
        queue(context);
        await context.sync();
      });
    } catch (e) {
      throw await this.removeHalfMadeSheet(name, existing, await this.whyRefused(null, toExcelHostError(e)));
    }
  }

  /**
   * A batch that failed after adding the sheet leaves it half-made: delete it (this clears Excel's undo stack, as
   * any sheet deletion does, but only on this failure path). The sheet did not exist at the read; if adding it is
   * what failed (ItemAlreadyExists: the user made one of that name meanwhile), the sheet there is the user's and
   * stays. Returns the error to throw: the batch's own, or `partly_written` when the sheet could not be removed.
   */
  private async removeHalfMadeSheet(name: string, before: readonly string[], error: ExcelHostError): Promise<ExcelHostError> {
    if (before.includes(name) || error.excelCode === "ItemAlreadyExists" || refusedWhole(error)) return error;
    try {
      await this.batches.repair(async (context) => {
        const sheet = context.workbook.worksheets.getItemOrNullObject(name);
        sheet.load("name");
        await context.sync();
        if (!sheet.isNullObject) {
          sheet.delete();
          await context.sync();
        }
      });
      return error;
    } catch (cleanup) {
      console.error("could not remove the half-made template sheet", name, error, cleanup);
      return new ExcelHostError("partly_written", error.excelCode, error.detail, { sheet: name, cells: [], newSheet: true, cause: error.reason });
    }
  }
}
