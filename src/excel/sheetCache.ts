/**
 * What the host knows of each sheet from its last read, plus the add-in's own writes since: protection (to refuse a
 * write before sending it), the cells (what a failed write is put back to), the grid (what a re-check after a fill
 * is computed from, with no read) and the conditional formats (the marks a check's own write replaces).
 */
import { type CellWrite, type Grid, withWrites } from "../core";
import type { MarkState } from "./highlights";
import type { SheetRead } from "./readSheets";
import { SheetMemory } from "./restore";

/** The per-sheet cache of one ExcelHost. */
export class SheetCache {
  /** Protection of each sheet as last read. */
  private readonly protectedSheets = new Map<string, boolean>();
  /** Each sheet's cells as last read (and written since): what a write that fails part-way is restored from. */
  private readonly memories = new Map<string, SheetMemory>();
  /** Each sheet's grid as last read plus the add-in's writes since: what a re-check after a fill is computed from. */
  private readonly grids = new Map<string, Grid>();
  /**
   * Each sheet's conditional formats as the last read saw them. Only the check's own write uses them, right after
   * that read: later the ribbon's runtime (another ExcelHost) or the user may have added or removed marks.
   */
  private readonly markStates = new Map<string, MarkState>();

  /** Takes in what a read saw of each sheet. */
  remember(reads: readonly SheetRead[]): void {
    for (const r of reads) {
      this.protectedSheets.set(r.name, r.protected);
      this.memories.set(r.name, new SheetMemory(r.grid));
      this.grids.set(r.name, r.grid);
      if (r.marks) this.markStates.set(r.name, r.marks);
      else this.markStates.delete(r.name);
    }
  }

  /** Takes in a sheet the add-in has just made (unprotected, no marks): its grid as written. */
  rememberNew(sheet: string, grid: Grid): void {
    this.protectedSheets.set(sheet, false);
    this.memories.set(sheet, new SheetMemory(grid));
    this.grids.set(sheet, grid);
  }

  /** Whether the last read saw the sheet protected. */
  isProtected(sheet: string): boolean {
    return this.protectedSheets.get(sheet) ?? false;
  }

  /** The sheet's cells as last read and written since, if any read covered it. */
  memory(sheet: string): SheetMemory | undefined {
    return this.memories.get(sheet);
  }

  /** Starts an empty cell memory (it learns from writes and cell reads) for a sheet no read covered. */
  emptyMemory(sheet: string): SheetMemory {
    const memory = new SheetMemory({ origin: { row: 0, col: 0 }, values: [] });
    this.memories.set(sheet, memory);
    return memory;
  }

  /** What the sheet's cells hold is no longer known: the next write reads its targets first (or the next check does). */
  forgetCells(sheet: string): void {
    this.memories.delete(sheet);
  }

  /** The sheet's grid as last read plus the add-in's writes since. */
  grid(sheet: string): Grid | undefined {
    return this.grids.get(sheet);
  }

  /** Lays the add-in's successful writes over the sheet's remembered grid (when it has one). */
  wroteGrid(sheet: string, writes: readonly CellWrite[]): void {
    const grid = this.grids.get(sheet);
    if (grid && writes.length > 0) this.grids.set(sheet, withWrites(grid, writes));
  }

  /** The sheet's conditional formats as the last read saw them (when it read them). */
  marks(sheet: string): MarkState | undefined {
    return this.markStates.get(sheet);
  }

  /** Takes in the sheet's conditional formats read on their own. */
  rememberMarks(sheet: string, marks: MarkState): void {
    this.markStates.set(sheet, marks);
  }
}
