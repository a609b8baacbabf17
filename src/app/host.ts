/**
 * The port from a surface (the pane, the ribbon) to a workbook. A surface never calls Excel or ExcelJS itself: it
 * gets one of these (src/excel's ExcelHost inside Excel, src/xlsx's FileHost outside Excel) and calls its operations.
 * Each operation is one read and/or one write round trip to the host; the options below let one user action
 * (check and mark, fill and re-check, insert and save settings) be one read and one write in all, rather than
 * a chain of operations each with its own trips (docs/OFFICE.md, "Round trips per action").
 */
import type { CellRef, CellState, Finding, Fix, Patch, Template, WorkbookCheck } from "../core";
import type { WorkbookSettings } from "./settings";

/**
 * The result of one check (src/core/checkWorkbook.ts), plus the workbook's settings when the check was asked to
 * load them (`CheckOptions.loadSettings`).
 */
export type CheckState = WorkbookCheck & {
  readonly settings?: WorkbookSettings;
  /**
   * Why the marks asked for were not written: "kept_for_undo" (a check answering the user's edit on a host where a
   * write would clear the undo stack: the marks on the sheet are those of the last explicit check), "unreadable"
   * (Excel cannot load the sheet's conditional formats). Absent when the marks are as asked, or none were asked.
   */
  readonly marksNote?: "kept_for_undo" | "unreadable";
};

/** A CheckState that found the appendix. */
export type FoundCheckState = Extract<CheckState, { found: true }>;

/** Which findings to mark: every finding of the new state (true), or those a function picks from it. */
export type MarkChoice = boolean | ((state: FoundCheckState) => readonly Finding[]);

/** What a check may do besides analysing: more in its one read, and one write after it. */
export interface CheckOptions {
  /** Replace the add-in's marks with these findings' in one write after the read (skipped when there is nothing to change). */
  readonly highlight?: MarkChoice;
  /** With `highlight`: select the first marked cell (the most severe finding's) in that same write. */
  readonly select?: boolean;
  /**
   * Write the state's patches in that same write (the ribbon's fill). The state returned is the one read: its
   * `patches` are what was written, and `highlight` picks from its findings (e.g. `(s) => s.conflicts`).
   */
  readonly fill?: boolean;
  /**
   * Settings to save in that same write, decided from the state read (e.g. acknowledgements whose warning is
   * gone dropped); undefined saves nothing.
   */
  readonly saveSettings?: (state: FoundCheckState) => WorkbookSettings | undefined;
  /** Load the workbook settings in the same read (`CheckState.settings`; left out, and logged, when damaged). */
  readonly loadSettings?: boolean;
  /**
   * This check answers the user's own edit (the change handler). Where a write would clear the user's undo stack
   * (Excel below ExcelApi 1.20) the check then writes nothing: no marks, no settings; the state is returned as read,
   * and the next explicit check marks.
   */
  readonly userEdit?: boolean;
}

/** What a fill may do besides writing the patches, all in the same write. */
export interface PatchOptions {
  /**
   * Return the sheet's CheckState after the write without reading it again: the last read plus the patches
   * written (a formula's value is its patch's value, as Excel computes it).
   */
  readonly recheck?: boolean;
  /**
   * Replace the add-in's marks in the same write: a list marks those findings; true or a function marks the
   * new state's. The marks on the sheet are read first (1 read): only a check's own read is recent enough to
   * trust, since the ribbon's runtime or the user may have changed them since.
   */
  readonly highlight?: MarkChoice | readonly Finding[];
}

/** The template's options, and what else the insert does in its one write. */
export interface InsertOptions {
  readonly unitName?: string;
  readonly year?: number;
  readonly period?: WorkbookSettings["period"];
  /** Settings saved in the same write as the sheet. */
  readonly settings?: WorkbookSettings;
  /** Called, before the insert resolves, with the new sheet's CheckState, made from the layout plan (no read). */
  readonly checked?: (state: CheckState) => void;
}

/**
 * What the user chose where the check would otherwise choose (src/core/locate): the sheet (a hidden one is used only
 * when chosen so) and the value column among several (sheet column, 0-based). Empty: the check chooses.
 */
export interface AppendixChoice {
  readonly sheet?: string;
  readonly valueColumn?: number;
}

/** What a fix changed: the cell (on `sheet`), what it held before and what the fix put there. An undo takes it back. */
export interface FixChange {
  readonly sheet: string;
  readonly before: CellState;
  readonly after: CellState;
}

/**
 * A fix's outcome: written (what changed), or not written because the cell holds something someone put there
 * (a value, text, another formula: core's `replacesContent`) and the caller did not say `replace`: `before` is what
 * it holds, for the user to see old → new and confirm.
 */
export type FixOutcome =
  | { readonly written: true; readonly change: FixChange }
  | { readonly written: false; readonly sheet: string; readonly before: CellState };

/** An undo's outcome: the cell holds what it held before the fix again, or it changed since the fix and was left as it is. */
export type UndoOutcome = { readonly undone: true } | { readonly undone: false; readonly now: CellState };

/** A workbook the surfaces work on: inside Excel or a file. */
export interface AppendixHost {
  readonly kind: "excel" | "file";
  /** One read: find the appendix in the workbook, validate and compute; with options, marks in one write after. */
  check(options?: CheckOptions): Promise<CheckState>;
  /** Insert the official template as a new sheet (never replacing one); returns the sheet's name. */
  insertTemplate(options: InsertOptions): Promise<string>;
  /**
   * Write totals and rates (every patch given is written). With `options.recheck` it returns the sheet's new
   * CheckState (computed, not read); otherwise nothing.
   */
  applyPatches(sheet: string, patches: readonly Patch[], options?: PatchOptions): Promise<CheckState | void>;
  /**
   * Apply one finding's fix. A cell that holds something other than the fix's own formula is never replaced unless
   * `options.replace` says the user confirmed it: the outcome then says what the cell holds, and nothing is written.
   */
  applyFix(sheet: string, fix: Fix, options?: { readonly replace?: boolean }): Promise<FixOutcome>;
  /**
   * Put a fixed cell back as it was before the fix (content and number format), if it still holds what the fix wrote;
   * a cell changed since (the user typed) is left as it is and the outcome says what it holds now.
   */
  undoFix(change: FixChange): Promise<UndoOutcome>;
  /** Mark findings on the sheet without touching the user's own formatting. */
  highlight(sheet: string, findings: readonly Finding[]): Promise<void>;
  /** Remove every mark the add-in made; the sheet is exactly as before. */
  clearHighlights(sheet: string): Promise<void>;
  /** Select a cell (go to a finding): on `sheet`, or on the cell's own sheet when it names one. */
  select(sheet: string, cell: CellRef): Promise<void>;
  /** Call `listener` (debounced) when the user changes the sheet; returns an unsubscribe. */
  onUserChange(listener: () => void): Promise<() => void>;
  loadSettings(): Promise<WorkbookSettings>;
  /** Check against these templates from now on (the form the user chose); no round trip. */
  useTemplates(templates: readonly Template[]): void;
  /** Check the sheet and value column the user chose from now on (the pane's pickers); no round trip. */
  useChoice(choice: AppendixChoice): void;
  saveSettings(settings: WorkbookSettings): Promise<void>;
}
