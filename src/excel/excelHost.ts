/**
 * The AppendixHost inside Excel (office-js): what each action reads, decides and writes. Every action is at most
 * one read and one write round trip (`context.sync()`); docs/OFFICE.md lists each action's trips and
 * test/excel/roundTrips.test.ts holds them. The parts: batches.ts (Excel.run, typed errors), sheetCache.ts (what
 * the last read saw), readAllSheets.ts (the read of every sheet and its fallbacks), safeWrites.ts (writes with their
 * repair). All Excel failures surface as ExcelHostError with a reason (src/app/hostErrorMessages.ts has the
 * sentences); nothing is swallowed.
 */
import {
  type Address, type CellRef, checkWorkbook, fillBlocker, type Finding, type Fix, freeSheetName, type Grid,
  type LayoutOptions, type LayoutPlan, layoutPlan, ownSheetAddress, type Patch, type Template,
  templates as allTemplates, toA1, withWrites,
} from "../core";
import type {
  AppendixChoice, AppendixHost, CheckOptions, CheckState, FixChange, FixOutcome, FoundCheckState, InsertOptions, MarkChoice, PatchOptions,
  UndoOutcome,
} from "../app/host";
import type { WorkbookSettings } from "../app/settings";
import { Batches, officeRun, officeRunIn, type ExcelRun, type ExcelRunIn, type Extra } from "./batches";
import { changeHandler, WriteGuard } from "./changeWatcher";
import { ExcelHostError, toExcelHostError } from "./errors";
import { planGrid } from "./planGrid";
import { markAreas } from "./highlights";
import { readAllSheets, withoutBrokenMarks } from "./readAllSheets";
import { queueNamedSheets, type SheetRead, type SheetReadOptions } from "./readSheets";
import { queueRenderPlan } from "./renderPlan";
import { excelApiSupported, MERGE_UNDO_API, onExcelWeb, TRIGGER_SOURCE_API } from "./requirements";
import { SafeWrites } from "./safeWrites";
import { queueLoadSettings, queueSaveSettings } from "./settings";
import { SheetCache } from "./sheetCache";

type FoundState = FoundCheckState;

/** The findings a mark choice picks from a state. */
function chosenMarks(choice: MarkChoice, state: FoundState): readonly Finding[] {
  return typeof choice === "function" ? choice(state) : state.findings;
}

/** The first cell the marks cover (findings come most severe first), to go to. */
function firstMarked(findings: readonly Finding[]): Address | undefined {
  if (markAreas(findings).length === 0) return undefined;
  for (const f of findings) {
    const at = f.severity === "info" ? null : ownSheetAddress(f.cell);
    if (at) return at;
  }
  return undefined;
}

/** What the host takes from outside; tests pass a counting mock, the pane passes nothing. */
export interface ExcelHostOptions {
  readonly run?: ExcelRun;
  readonly runIn?: ExcelRunIn;
  /** Whether the running Excel supports an ExcelApi version (default: Office.context.requirements). */
  readonly supports?: (version: string) => boolean;
  /** Whether this is Excel on the web (default: Office.context's platform): a refused write there is view-only. */
  readonly onWeb?: () => boolean;
  readonly templates?: readonly Template[];
  readonly plan?: (template: Template, options: LayoutOptions) => LayoutPlan;
  readonly debounceMs?: number;
  readonly now?: () => number;
}

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
  private readonly runIn: ExcelRunIn;
  private readonly supports: (version: string) => boolean;
  private templates: readonly Template[];
  private readonly plan: (template: Template, options: LayoutOptions) => LayoutPlan;
  private readonly guard: WriteGuard;
  private readonly debounceMs?: number;
  private readonly batches: Batches;
  private readonly cache = new SheetCache();
  private readonly writes: SafeWrites;
  /** The sheet the appendix was found on last time: a re-check reads only it (id null: inserted, not read yet). */
  private appendix: { name: string; id: string | null; hidden: boolean; rest: string | null } | null = null;
  /** the sheet and value column the user chose (the pane's pickers) */
  private choice: AppendixChoice = {};
  /** Other appendices and a split as the last read of every sheet saw them (a re-check reads one sheet). */
  private elsewhere: { others: NonNullable<FoundState["others"]>; split: FoundState["split"] } = { others: [], split: null };
  /** The host's operations run one at a time (two overlapping pane actions would write over each other's reads). */
  private queue: Promise<unknown> = Promise.resolve();

  constructor(options: ExcelHostOptions = {}) {
    this.runIn = options.runIn ?? officeRunIn;
    this.supports = options.supports ?? excelApiSupported;
    this.templates = options.templates ?? allTemplates;
    this.plan = options.plan ?? layoutPlan;
    this.guard = new WriteGuard(options.now);
    this.debounceMs = options.debounceMs;
    this.batches = new Batches(options.run ?? officeRun, this.supports, this.guard);
    this.writes = new SafeWrites(this.batches, this.cache, options.onWeb ?? onExcelWeb);
  }

  /** Runs `op` after every operation started before it has settled. */
  private serial<T>(op: () => Promise<T>): Promise<T> {
    const next = this.queue.then(op, op);
    this.queue = next.catch(() => undefined);
    return next;
  }

  private judge(reads: readonly SheetRead[]): CheckState {
    this.cache.remember(reads);
    const state = checkWorkbook(reads, this.templates, this.choice);
    if (state.found) {
      const read = reads.find((r) => r.name === state.sheet);
      this.appendix = read ? { name: read.name, id: read.id, hidden: read.hidden, rest: state.rest?.sheet ?? null } : null;
    } else {
      this.appendix = null;
    }
    return state;
  }

  /**
   * One read (the sheets, their marks, and the settings when asked), then, when asked and there is something
   * to change, one write with the settings to save, the patches (`fill`), the marks and the selection.
   */
  check(options: CheckOptions = {}): Promise<CheckState> {
    return this.serial(() => this.checkNow(options));
  }

  private async checkNow(options: CheckOptions): Promise<CheckState> {
    // Below ExcelApi 1.20 any add-in write clears the user's undo stack: a check answering the user's own edit
    // writes nothing there (office-js#3788); the user's next explicit check marks.
    const quiet = options.userEdit === true && !this.supports(MERGE_UNDO_API);
    const writing = !quiet && Boolean(options.highlight || options.fill || options.saveSettings);
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
    // The marks on the sheets ride in the same read only when this check will mark.
    const state = await this.readState(extra, { marks: writing && Boolean(options.highlight) });
    // The fallbacks that read in several trips do not carry the settings: one read more, on those paths only.
    if (!settingsRead) settings = await this.loadSettingsNow().catch((e: unknown) => logSettings(e));
    let result: CheckState = settings ? { ...state, settings } : state;
    if (result.found && quiet && options.highlight) result = { ...result, marksNote: "kept_for_undo" };
    if (result.found && writing) {
      // The settings first: a pane prunes acknowledgements there, and picks the marks with them.
      const settingsToSave = options.saveSettings?.(result);
      let marks = options.highlight ? chosenMarks(options.highlight, result) : undefined;
      // The appendix's sheets: its own, and the second of a split appendix (marked and filled in the same write).
      const sheets = [result.sheet, ...(result.rest ? [result.rest.sheet] : [])];
      const unread = sheets.filter((s) => !this.cache.marks(s));
      if (marks && unread.length > 0) {
        // The read could not carry the marks (Excel failed to load some sheet's conditional formats): the
        // appendix's alone, in a read of their own; if Excel cannot load those either, the check goes unmarked.
        try {
          for (const [sheet, state] of await this.writes.readMarksOf(unread)) this.cache.rememberMarks(sheet, state);
        } catch (e) {
          if (!(e instanceof ExcelHostError && e.reason === "marks_unreadable")) throw e;
          console.warn("the appendix's conditional formats cannot be loaded; the check is returned unmarked", e.excelCode, e.location);
          marks = undefined;
          result = { ...result, marksNote: "unreadable" };
        }
      }
      const fill = options.fill && !fillBlocker(result) ? result.patches : undefined;
      // One write for every sheet: the appendix's own, and the second sheet's targets and marks.
      const others = new Set([...sheets.slice(1), ...(fill ?? []).flatMap((p) => (p.sheet === undefined ? [] : [p.sheet]))]);
      await this.writes.writeSheets([
        {
          sheet: result.sheet,
          write: {
            settings: settingsToSave,
            patches: fill ? fill.filter((p) => p.sheet === undefined) : undefined,
            marks,
            select: marks && options.select ? firstMarked(marks) : undefined,
          },
          known: this.cache.marks(result.sheet),
        },
        ...[...others].map((other) => ({
          sheet: other,
          write: { patches: fill?.filter((p) => p.sheet === other), marks },
          known: this.cache.marks(other),
          named: true,
        })),
      ]);
    }
    return result;
  }

  /** The second sheet of the split appendix whose own sheet is `sheet`, if it is one. */
  private restOf(sheet: string): string | null {
    return this.appendix?.name === sheet ? this.appendix.rest : null;
  }

  private async readState(extra: Extra | undefined, options: SheetReadOptions): Promise<CheckState> {
    const known = this.appendix;
    if (known) {
      // Re-check: only the sheet found last time (1 read); if the appendix is no longer there, look everywhere.
      let extraTaken = false;
      const { value: reads } = await withoutBrokenMarks(options, (opts) =>
        this.batches.read(async (context) => {
          // The second sheet of a split appendix is read with it: the two are checked as one.
          const q = queueNamedSheets(context, known.rest ? [known.name, known.rest] : [known.name], opts);
          const more = extraTaken ? undefined : extra?.(context);
          await context.sync();
          more?.();
          extraTaken = true;
          return q.resolve();
        }),
      );
      extra = undefined;
      if (reads.length > 0) {
        const state = this.judge(reads);
        // Only this sheet was read: the other appendices and the split seen by the last full read still stand.
        if (state.found) return { ...state, others: this.elsewhere.others, split: this.elsewhere.split };
      }
    }
    const state = this.judge((await readAllSheets(this.batches, extra, options)).reads);
    this.elsewhere = state.found ? { others: state.others ?? [], split: state.split ?? null } : { others: [], split: null };
    return state;
  }

  /** The check of one sheet from a grid the host already holds (no read), with what the last full read saw elsewhere. */
  private judgeGrid(sheet: string, grid: Grid, writes: readonly Patch[] = []): CheckState {
    const hidden = this.appendix?.name === sheet && this.appendix.hidden;
    const chosen = this.choice.sheet === sheet ? { sheet } : {};
    // A split appendix's second sheet as last read, with what was just written into it.
    const rest = this.appendix?.name === sheet ? this.appendix.rest : null;
    const restGrid = rest ? this.cache.grid(rest) : undefined;
    const sheets = [{ name: sheet, grid, hidden }];
    if (rest && restGrid) sheets.push({ name: rest, grid: withWrites(restGrid, writes.filter((p) => p.sheet === rest)), hidden });
    const state = checkWorkbook(sheets, this.templates, { valueColumn: this.choice.valueColumn, ...chosen });
    return state.found ? { ...state, others: this.elsewhere.others, split: this.elsewhere.split } : state;
  }

  /**
   * One write: the patches, and the marks when asked (the marks on the sheet are read first, one read). The
   * re-check is computed from the sheet's grid as last read plus the patches, so it costs no read; only a sheet
   * never read (no check before) is read after the write.
   */
  applyPatches(sheet: string, patches: readonly Patch[], options: PatchOptions = {}): Promise<CheckState | void> {
    return this.serial(() => this.applyPatchesNow(sheet, patches, options));
  }

  private async applyPatchesNow(sheet: string, patches: readonly Patch[], options: PatchOptions): Promise<CheckState | void> {
    const { highlight } = options;
    const wantsState = options.recheck || typeof highlight === "function" || highlight === true;
    const grid = this.cache.grid(sheet);
    // Patches naming another sheet (the second sheet of a split appendix) are written there, in a write of their own.
    const own = patches.filter((p) => p.sheet === undefined || p.sheet === sheet);
    const elsewhere = patches.filter((p) => p.sheet !== undefined && p.sheet !== sheet);
    const state = wantsState && grid ? this.judgeGrid(sheet, withWrites(grid, own), elsewhere) : null;
    const marks =
      typeof highlight === "object" ? highlight : highlight && state?.found ? chosenMarks(highlight, state) : undefined;
    // One write: this sheet, and the other sheets the patches name (the second sheet of a split appendix, marked too).
    const rest = this.restOf(sheet);
    const parts = (marking: readonly Finding[] | undefined) => {
      const others = new Set([...(rest && marking ? [rest] : []), ...elsewhere.map((p) => p.sheet!)]);
      return [
        { sheet, write: { patches: own, marks: marking } },
        ...[...others].map((other) => ({ sheet: other, write: { patches: elsewhere.filter((p) => p.sheet === other), marks: other === rest ? marking : undefined }, named: true })),
      ];
    };
    let unmarked = false;
    try {
      await this.writes.writeSheets(parts(marks));
    } catch (e) {
      // Excel cannot load the sheet's conditional formats (two rules on one range): the marks' read failed before
      // anything was written, so the fill goes ahead unmarked, as the check does, and the state says why.
      if (!(marks && e instanceof ExcelHostError && e.reason === "marks_unreadable")) throw e;
      console.warn("the appendix's conditional formats cannot be loaded; the fill is written unmarked", e.excelCode, e.location);
      unmarked = true;
      await this.writes.writeSheets(parts(undefined));
    }
    if (!wantsState) return;
    if (!state) {
      // Nothing known of the sheet: read it once now, and mark from that read.
      const read = await this.checkNow(highlight && typeof highlight !== "object" ? { highlight } : {});
      return options.recheck ? read : undefined;
    }
    if (!options.recheck) return undefined;
    return unmarked && state.found ? { ...state, marksNote: "unreadable" } : state;
  }

  /** One write (none when the cell holds something and `replace` is not given); the cell as last read decides. */
  applyFix(sheet: string, fix: Fix, options: { readonly replace?: boolean } = {}): Promise<FixOutcome> {
    return this.serial(() => this.writes.writeFix(fix.sheet ?? sheet, fix, options.replace === true));
  }

  /** One read (the cell now) and one write (what it held), none when the cell changed since the fix. */
  undoFix(change: FixChange): Promise<UndoOutcome> {
    return this.serial(() => this.writes.undoFix(change));
  }

  highlight(sheet: string, findings: readonly Finding[]): Promise<void> {
    return this.serial(() => this.writes.writeSheets(this.markParts(sheet, findings)));
  }

  clearHighlights(sheet: string): Promise<void> {
    return this.serial(() => this.writes.writeSheets(this.markParts(sheet, [])));
  }

  /** The marks of `findings` on the appendix's sheet and, for a split appendix, on its second sheet (one read, one write). */
  private markParts(sheet: string, findings: readonly Finding[]) {
    const rest = this.restOf(sheet);
    return [{ sheet, write: { marks: findings } }, ...(rest ? [{ sheet: rest, write: { marks: findings }, named: true }] : [])];
  }

  select(sheet: string, cell: CellRef): Promise<void> {
    return this.serial(() =>
      this.batches.read(async (context) => {
        const ws = context.workbook.worksheets.getItem(cell.sheet ?? sheet);
        ws.activate();
        ws.getRange(toA1(cell)).select();
        await context.sync();
      }),
    );
  }

  /**
   * One read (sheet names, workbook protection), one write (the sheet, and the settings when given). The new
   * sheet's CheckState is made from the plan (`options.checked`), and the host remembers its grid, so the next
   * re-check reads only it.
   */
  insertTemplate(options: InsertOptions): Promise<string> {
    return this.serial(() => this.insertTemplateNow(options));
  }

  private async insertTemplateNow(options: InsertOptions): Promise<string> {
    const template = this.templates[0];
    const plan = this.plan(template, { unitName: options.unitName, year: options.year, period: options.period });
    const existing = await this.batches.read(async (context) => {
      const sheets = context.workbook.worksheets;
      sheets.load("items/name");
      const protection = context.workbook.protection;
      protection.load("protected");
      await context.sync();
      return { names: sheets.items.map((s) => s.name), protected: protection.protected };
    });
    if (existing.protected) throw new ExcelHostError("workbook_protected");
    const name = freeSheetName(plan.sheetName, existing.names);
    await this.writes.writeNewSheet(name, existing.names, (context) => {
      if (options.settings) queueSaveSettings(context, options.settings);
      queueRenderPlan(context, plan, name);
    });
    const grid = planGrid(plan);
    this.cache.rememberNew(name, grid);
    if (options.checked) {
      // The new sheet is the one the pane works on now; its id is learnt at the next read (until then every
      // sheet's changes reach the change handler).
      const state = checkWorkbook([{ name, grid }], this.templates);
      if (state.found) {
        this.appendix = { name, id: null, hidden: false, rest: null };
        this.elsewhere = { others: [], split: null };
      }
      options.checked(state);
    }
    return name;
  }

  async onUserChange(listener: () => void): Promise<() => void> {
    const handler = changeHandler(listener, {
      triggerSourceSupported: this.supports(TRIGGER_SOURCE_API),
      guard: this.guard,
      sheetId: () => this.appendix?.id ?? null,
      debounceMs: this.debounceMs,
    });
    const registration = await this.batches.read(async (context) => {
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

  useTemplates(templates: readonly Template[]): void {
    this.templates = templates;
  }

  useChoice(choice: AppendixChoice): void {
    // Another sheet chosen (or the choice dropped): the next check looks at every sheet again.
    if (choice.sheet !== this.choice.sheet) this.appendix = null;
    this.choice = choice;
  }

  loadSettings(): Promise<WorkbookSettings> {
    return this.serial(() => this.loadSettingsNow());
  }

  private loadSettingsNow(): Promise<WorkbookSettings> {
    return this.batches.read(async (context) => {
      const q = queueLoadSettings(context);
      await context.sync();
      return q.resolve();
    });
  }

  saveSettings(settings: WorkbookSettings): Promise<void> {
    return this.serial(() => this.writes.writeSettings(settings));
  }
}
