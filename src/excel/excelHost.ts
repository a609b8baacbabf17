/**
 * The pane's AppendixHost inside Excel (office-js). Every action is at most one read and one write round trip
 * (`context.sync()`); docs/OFFICE.md lists each action's trips and test/excel/roundTrips.test.ts holds them.
 * All Excel failures surface as ExcelHostError with a reason (messages.ts has the sentences); nothing is swallowed.
 */
import type { Fix, Finding } from "../core/finding";
import type { Patch } from "../core/patch";
import type { Template } from "../core/catalog/model";
import type { LayoutOptions } from "../core/layout";
import type { LayoutPlan } from "../core/layoutPlan";
import { templates as allTemplates } from "../core/catalog";
import { layoutPlan } from "../core/layout";
import { checkSheets } from "../taskpane/checkSheets";
import type { AppendixHost, CheckState, WorkbookSettings } from "../taskpane/host";
import { changeHandler, WriteGuard } from "./changeWatcher";
import { ExcelHostError, toExcelHostError } from "./errors";
import { queueAddMarks, queueDeleteMarks, queueOwnedMarks } from "./highlights";
import { queueAllSheets, queueNamedSheets, type SheetRead } from "./readSheets";
import { freeSheetName, queueRenderPlan } from "./renderPlan";
import { excelApiSupported, MERGE_UNDO_API, TRIGGER_SOURCE_API } from "./requirements";
import { queueLoadSettings, queueSaveSettings } from "./settings";
import { queueFix, queuePatches } from "./writeCells";

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
  /** The sheet the appendix was found on last time: a re-check reads only it. */
  private appendix: { name: string; id: string } | null = null;
  /** Protection of each sheet as last read, to refuse a write before sending it. */
  private readonly protectedSheets = new Map<string, boolean>();

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
    for (const r of reads) this.protectedSheets.set(r.name, r.protected);
  }

  private judge(reads: readonly SheetRead[]): CheckState {
    this.remember(reads);
    const state = checkSheets(reads, this.templates);
    if (state.found) {
      const read = reads.find((r) => r.name === state.sheet);
      this.appendix = read ? { name: read.name, id: read.id } : null;
    } else {
      this.appendix = null;
    }
    return state;
  }

  async check(): Promise<CheckState> {
    const known = this.appendix;
    if (known) {
      // Re-check: only the sheet found last time (1 read); if the appendix is no longer there, look everywhere.
      const reads = await this.read(async (context) => {
        const q = queueNamedSheets(context, [known.name]);
        await context.sync();
        return q.resolve();
      });
      if (reads.length > 0) {
        const state = this.judge(reads);
        if (state.found) return state;
      }
    }
    return this.judge(await this.readAllSheets());
  }

  /**
   * Every sheet in one read. Two fallbacks, each logged: a host that refuses the getNextOrNullObject chain
   * (null objects not propagated) gets the names first, then the sheets (2 trips); past Excel's 5 MB response
   * limit, the sheets are read one per round trip.
   */
  private async readAllSheets(): Promise<SheetRead[]> {
    try {
      return await this.read(async (context) => {
        const q = queueAllSheets(context);
        await context.sync();
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

  async applyPatches(sheet: string, patches: readonly Patch[]): Promise<void> {
    if (patches.length === 0) return;
    this.refuseProtected(sheet);
    await this.write(async (context) => {
      queuePatches(context.workbook.worksheets.getItem(sheet), patches);
      await context.sync();
    });
  }

  async applyFix(sheet: string, fix: Fix): Promise<void> {
    this.refuseProtected(sheet);
    await this.write(async (context) => {
      queueFix(context.workbook.worksheets.getItem(sheet), fix);
      await context.sync();
    });
  }

  async highlight(sheet: string, findings: readonly Finding[]): Promise<void> {
    await this.replaceMarks(sheet, findings);
  }

  async clearHighlights(sheet: string): Promise<void> {
    await this.replaceMarks(sheet, []);
  }

  /** One read (the add-in's existing marks), then one write (delete them, add the new ones), skipped when idle. */
  private async replaceMarks(sheet: string, findings: readonly Finding[]): Promise<void> {
    const owned = await this.read(async (context) => {
      const q = queueOwnedMarks(context.workbook.worksheets.getItem(sheet));
      await context.sync();
      return q.resolve();
    });
    const hasMarks = findings.some((f) => f.severity !== "info");
    if (owned.length === 0 && !hasMarks) return;
    await this.write(async (context) => {
      const ws = context.workbook.worksheets.getItem(sheet);
      queueDeleteMarks(ws, owned);
      queueAddMarks(ws, findings);
      await context.sync();
    });
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

  async insertTemplate(options: { unitName?: string; year?: number; period?: WorkbookSettings["period"] }): Promise<string> {
    const template = this.templates[0];
    const plan = this.plan(template, options);
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
        queueRenderPlan(context, plan, name);
        await context.sync();
      });
    } catch (e) {
      await this.removeHalfMadeSheet(name, existing.names);
      throw e;
    }
    return name;
  }

  /**
   * A batch that failed after adding the sheet leaves it half-made: delete it (this clears Excel's undo stack, as
   * any sheet deletion does, but only on this failure path). The sheet did not exist before, so nothing of the
   * user's is deleted; if the cleanup itself fails, the original error is still the one reported.
   */
  private async removeHalfMadeSheet(name: string, before: readonly string[]): Promise<void> {
    if (before.includes(name)) return;
    try {
      await this.run(async (context) => {
        const sheet = context.workbook.worksheets.getItemOrNullObject(name);
        sheet.load("name");
        await context.sync();
        if (!sheet.isNullObject) {
          sheet.delete();
          await context.sync();
        }
      });
    } catch (cleanup) {
      console.error("could not remove the half-made template sheet", name, cleanup);
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
