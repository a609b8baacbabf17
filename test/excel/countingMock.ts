/**
 * A small stateful Excel for the office-js adapter's tests and the benchmarks: a workbook model (cells, formats,
 * conditional formats, merges, names, settings, protection) behind proxies with office-js semantics —
 * commands are queued and run at `context.sync()`, loaded properties are readable only after it (through
 * office-addin-mock's OfficeMockObject, which also rejects loads of properties the object does not have),
 * null objects propagate, and a command that fails stops the batch where it fails (earlier commands stay
 * applied, as in Excel). Every sync is recorded: what kind of commands it carried and the size of its request
 * and response in bytes (JSON of the queued commands and of the loaded data), so tests can hold the round-trip
 * budget of each action. It does not calculate: a written formula's value stays blank until a test sets it.
 */
import { OfficeMockObject } from "office-addin-mock";
import { columnIndex, columnLetters, fromA1 } from "../../src/core/address";
import type { CellValue, Grid } from "../../src/core/grid";
import type { ExcelRun, ExcelRunIn } from "../../src/excel/batches";

/** A cell of the model. `value` is "" for a blank cell, as office-js reports it. */
export interface MockCell {
  value: string | number | boolean;
  formula: string;
  numberFormat: string;
}

/** A conditional format of the model. */
export interface MockConditionalFormat {
  id: string;
  type: string;
  /** the A1 areas it covers */
  areas: string;
  /** rule formula of a custom format ("" for other types) */
  formula: string;
  /** format settings: "fill.color" -> "#FFC7CE" */
  format: Record<string, unknown>;
}

/** A worksheet of the model. */
export interface MockSheet {
  id: string;
  name: string;
  protected: boolean;
  cells: Map<string, MockCell>;
  /** format settings by target address: "B2:C3" -> { "fill.color": "#FF0000" } */
  formats: Map<string, Record<string, unknown>>;
  conditionalFormats: MockConditionalFormat[];
  merges: string[];
  names: Map<string, string>;
  validations: Map<string, Record<string, unknown>>;
  pageLayout: Record<string, unknown>;
  freezeRows: number;
  /** cells (A1) left unlocked: writable while the sheet is protected, as Excel's Format Cells > Protection allows */
  unlocked?: Set<string>;
}

/** An office-js error as the host raises it at sync. */
export class MockExcelError extends Error {
  constructor(
    readonly code: string,
    message: string,
  ) {
    super(message);
    this.name = "RichApi.Error";
  }
}

/** One `context.sync()`: what it carried and how big its request and response were. */
export interface SyncRecord {
  /** "read": loads only; "write": changes only; "mixed": both; "empty": nothing queued */
  readonly kind: "read" | "write" | "mixed" | "empty";
  readonly commands: number;
  readonly requestBytes: number;
  readonly responseBytes: number;
  /** the run's mergeUndoGroup option */
  readonly mergeUndoGroup: boolean;
}

type Op = { kind: "read" | "write"; describe: unknown; apply: () => unknown };

const key = (row: number, col: number) => `${row}:${col}`;
const bytes = (x: unknown) => Buffer.byteLength(JSON.stringify(x ?? null), "utf8");
const BLANK: MockCell = { value: "", formula: "", numberFormat: "General" };

/** A rectangle, 0-based inclusive. */
interface Rect {
  top: number;
  left: number;
  bottom: number;
  right: number;
}

const MAX_ROW = 1048575;
const MAX_COL = 16383;

/** "B2:D5", "B2", "A:A", "3:3" -> rectangle. */
export function parseArea(address: string): Rect {
  const local = address.slice(address.lastIndexOf("!") + 1).replace(/\$/g, "");
  const [a, b = a] = local.split(":");
  if (/^[A-Z]+$/i.test(a) && /^[A-Z]+$/i.test(b)) return { top: 0, bottom: MAX_ROW, left: columnIndex(a), right: columnIndex(b) };
  if (/^\d+$/.test(a) && /^\d+$/.test(b)) return { top: Number(a) - 1, bottom: Number(b) - 1, left: 0, right: MAX_COL };
  const from = fromA1(a);
  const to = fromA1(b);
  if (!from || !to) throw new MockExcelError("InvalidArgument", `bad address ${address}`);
  return { top: Math.min(from.row, to.row), bottom: Math.max(from.row, to.row), left: Math.min(from.col, to.col), right: Math.max(from.col, to.col) };
}

function rectA1(r: Rect): string {
  const a = `${columnLetters(r.left)}${r.top + 1}`;
  const b = `${columnLetters(r.right)}${r.bottom + 1}`;
  return a === b ? a : `${a}:${b}`;
}

function intersects(a: Rect, b: Rect): boolean {
  return a.left <= b.right && b.left <= a.right && a.top <= b.bottom && b.top <= a.bottom;
}

/** The workbook model. Build sheets with `addSheet`; read them back with `cell`, `snapshot`. */
export class MockWorkbook {
  readonly sheets: MockSheet[] = [];
  readonly settings = new Map<string, unknown>();
  structureProtected = false;
  activeSheet = "";
  selection: { sheet: string; address: string } | null = null;
  /** onChanged handlers registered through the API */
  readonly changeHandlers: ((event: Record<string, unknown>) => Promise<unknown> | unknown)[] = [];
  /** whether change events carry triggerSource (ExcelApi 1.14) */
  triggerSource = true;
  /** whether methods called on a null object give null objects (false: they fail the batch with InvalidArgument) */
  nullPropagation = true;
  private nextId = 1;

  /** Adds a sheet; rows are values ("=..." strings become formulas with a blank value), from `origin`. */
  addSheet(name: string, rows: readonly (readonly (CellValue | undefined)[])[] = [], origin = "A1"): MockSheet {
    const sheet: MockSheet = {
      id: `{sheet-${this.nextId++}}`,
      name,
      protected: false,
      cells: new Map(),
      formats: new Map(),
      conditionalFormats: [],
      merges: [],
      names: new Map(),
      validations: new Map(),
      pageLayout: {},
      freezeRows: 0,
    };
    const at = fromA1(origin)!;
    rows.forEach((row, r) =>
      row.forEach((v, c) => {
        if (v === null || v === undefined || v === "") return;
        const isFormula = typeof v === "string" && v.startsWith("=");
        sheet.cells.set(key(at.row + r, at.col + c), { value: isFormula ? "" : v, formula: isFormula ? v : String(v), numberFormat: "General" });
      }),
    );
    this.sheets.push(sheet);
    if (!this.activeSheet) this.activeSheet = name;
    return sheet;
  }

  /** Adds a sheet from an engine grid (values, formulas, number formats). */
  addGrid(name: string, grid: Grid): MockSheet {
    const sheet = this.addSheet(name);
    grid.values.forEach((row, r) =>
      row.forEach((v, c) => {
        const formula = grid.formulas?.[r]?.[c] ?? "";
        const numberFormat = grid.numberFormats?.[r]?.[c] || "General";
        if ((v === null || v === "") && !formula && numberFormat === "General") return;
        sheet.cells.set(key(grid.origin.row + r, grid.origin.col + c), {
          value: v === null ? "" : v,
          formula: formula || (v === null ? "" : String(v)),
          numberFormat,
        });
      }),
    );
    return sheet;
  }

  sheet(name: string): MockSheet {
    const s = this.find(name);
    if (!s) throw new Error(`no sheet ${name}`);
    return s;
  }

  find(name: string): MockSheet | undefined {
    return this.sheets.find((s) => s.name.toLowerCase() === name.toLowerCase());
  }

  /** A cell of the model (blank when never written). */
  cell(sheet: string, a1: string): MockCell {
    const at = fromA1(a1)!;
    return this.sheet(sheet).cells.get(key(at.row, at.col)) ?? BLANK;
  }

  /** A deep copy of a sheet's state, for comparing before and after. */
  snapshot(sheet: string): unknown {
    const s = this.sheet(sheet);
    return JSON.parse(
      JSON.stringify({
        ...s,
        cells: [...s.cells].sort(),
        formats: [...s.formats].sort(),
        names: [...s.names].sort(),
        validations: [...s.validations].sort(),
      }),
    );
  }

  newId(prefix: string): string {
    return `{${prefix}-${this.nextId++}}`;
  }

  /** A user's edit: changes the cell and fires onChanged as Excel does (triggerSource "Local"). */
  async userEdit(sheet: string, a1: string, value: string | number): Promise<void> {
    const at = fromA1(a1)!;
    const s = this.sheet(sheet);
    const prev = s.cells.get(key(at.row, at.col)) ?? BLANK;
    s.cells.set(key(at.row, at.col), { ...prev, value, formula: String(value) });
    await this.fireChanged(s, a1, "Local");
  }

  /** Fires onChanged handlers for a change to `sheet`. */
  async fireChanged(s: MockSheet, address: string, triggerSource: string): Promise<void> {
    const event: Record<string, unknown> = { worksheetId: s.id, address, changeType: "RangeEdited", source: "Local", type: "WorksheetChanged" };
    if (this.triggerSource) event.triggerSource = triggerSource;
    for (const h of this.changeHandlers) await h(event);
  }
}

/** A loaded snapshot as readable properties; unloaded ones throw, as office-js does. */
class Loaded {
  private mock: OfficeMockObject | null = null;
  set(mock: OfficeMockObject): void {
    this.mock = mock;
  }
  get(prop: string): unknown {
    const v = this.mock?.[prop];
    if (v === undefined || (typeof v === "string" && v.startsWith("Error, "))) {
      throw new MockExcelError("PropertyNotLoaded", `The property '${prop}' is not available. Load it and call context.sync() first.`);
    }
    return v;
  }
}

function propList(props: string | string[] | undefined): string[] {
  if (props === undefined) return [];
  const list = Array.isArray(props) ? props : props.split(",");
  return list.map((p) => p.trim()).filter(Boolean);
}

/** The request context of one run. */
export class MockContext {
  readonly workbook: MockWorkbookProxy;
  private queue: Op[] = [];
  constructor(
    readonly model: MockWorkbook,
    readonly excel: CountingExcel,
    readonly mergeUndoGroup: boolean,
  ) {
    this.workbook = new MockWorkbookProxy(this);
  }

  enqueue(op: Op): void {
    this.queue.push(op);
  }

  get pending(): number {
    return this.queue.length;
  }

  async sync(): Promise<void> {
    const ops = this.queue;
    this.queue = [];
    const hasRead = ops.some((o) => o.kind === "read");
    const hasWrite = ops.some((o) => o.kind === "write");
    const requestBytes = bytes(ops.map((o) => o.describe));
    const responses: unknown[] = [];
    const changed = new Set<MockSheet>();
    let failure: unknown = null;
    const injected = this.excel.takeFailure(hasWrite);
    let writes = 0;
    for (const op of ops) {
      try {
        if (injected && op.kind === "write" && writes++ >= injected.after) throw injected.error;
        const result = op.apply();
        if (op.kind === "read") responses.push(result);
        else if (result && typeof result === "object" && "cells" in (result as object)) changed.add(result as MockSheet);
      } catch (e) {
        failure = e;
        break;
      }
    }
    const responseBytes = bytes(responses);
    this.excel.record({
      kind: hasRead && hasWrite ? "mixed" : hasRead ? "read" : hasWrite ? "write" : "empty",
      commands: ops.length,
      requestBytes,
      responseBytes,
      mergeUndoGroup: this.mergeUndoGroup,
    });
    if (!failure && requestBytes > this.excel.payloadLimit) {
      failure = new MockExcelError("RequestPayloadSizeLimitExceeded", `request of ${requestBytes} bytes`);
    }
    if (!failure && responseBytes > this.excel.payloadLimit) {
      failure = new MockExcelError("ResponsePayloadSizeLimitExceeded", `response of ${responseBytes} bytes`);
    }
    // Loaded snapshots become readable once the response is in.
    for (let i = 0; i < 10; i++) await Promise.resolve();
    for (const s of changed) void this.model.fireChanged(s, "", "ThisLocalAddin");
    if (failure) throw failure;
  }

  /** Queues a load: `snapshot` runs at sync time, its result feeds an OfficeMockObject loaded with `props`. */
  queueLoad(target: Loaded, props: string[], snapshot: () => Record<string, unknown>, describe: unknown): void {
    this.enqueue({
      kind: "read",
      describe: { load: describe, props },
      apply: () => {
        const data = snapshot();
        const mock = new OfficeMockObject(data);
        // office-js answers isNullObject for every object it loaded, whatever was asked.
        if ("isNullObject" in data && !props.includes("isNullObject")) props = [...props, "isNullObject"];
        mock.load(props.length ? props : Object.keys(data));
        void mock.sync();
        target.set(mock);
        const out: Record<string, unknown> = {};
        for (const p of props.length ? props : Object.keys(data)) out[p] = p.split("/").reduce<unknown>((o, k) => (o as Record<string, unknown>)?.[k], data);
        return out;
      },
    });
  }
}

/** Resolves the sheet a proxy stands for, at sync time; null for a null object. */
type SheetRef = () => MockSheet | null;

function need(sheet: MockSheet | null): MockSheet {
  if (!sheet) throw new MockExcelError("ItemNotFound", "The requested resource doesn't exist.");
  return sheet;
}

function writable(sheet: MockSheet | null): MockSheet {
  const s = need(sheet);
  if (s.protected) throw new MockExcelError("AccessDenied", "The cell or chart you're trying to change is on a protected sheet.");
  return s;
}

class MockWorkbookProxy {
  readonly worksheets: MockWorksheetCollection;
  readonly settings: MockSettingCollection;
  readonly protection: MockWorkbookProtection;
  constructor(readonly ctx: MockContext) {
    this.worksheets = new MockWorksheetCollection(ctx);
    this.settings = new MockSettingCollection(ctx);
    this.protection = new MockWorkbookProtection(ctx);
  }
}

class MockWorkbookProtection {
  private loaded = new Loaded();
  constructor(private readonly ctx: MockContext) {}
  load(props: string | string[]): this {
    this.ctx.queueLoad(this.loaded, propList(props), () => ({ protected: this.ctx.model.structureProtected }), "workbook.protection");
    return this;
  }
  get protected(): boolean {
    return this.loaded.get("protected") as boolean;
  }
}

class MockWorksheetCollection {
  private loadedItems: MockWorksheet[] | null = null;
  readonly onChanged: { add: (handler: (event: Record<string, unknown>) => Promise<unknown>) => { context: MockContext; remove: () => void } };
  constructor(private readonly ctx: MockContext) {
    this.onChanged = {
      add: (handler) => {
        ctx.enqueue({ kind: "read", describe: { event: "worksheets.onChanged.add" }, apply: () => ctx.model.changeHandlers.push(handler) });
        return {
          context: ctx,
          remove: () =>
            ctx.enqueue({
              kind: "read",
              describe: { event: "worksheets.onChanged.remove" },
              apply: () => {
                const i = ctx.model.changeHandlers.indexOf(handler);
                if (i >= 0) ctx.model.changeHandlers.splice(i, 1);
              },
            }),
        };
      },
    };
  }
  getFirst(): MockWorksheet {
    return new MockWorksheet(this.ctx, () => need(this.ctx.model.sheets[0] ?? null), false);
  }
  getItem(name: string): MockWorksheet {
    return new MockWorksheet(this.ctx, () => need(this.ctx.model.find(name) ?? null), false);
  }
  getItemOrNullObject(name: string): MockWorksheet {
    return new MockWorksheet(this.ctx, () => this.ctx.model.find(name) ?? null, true);
  }
  add(name: string): MockWorksheet {
    let created: MockSheet | null = null;
    this.ctx.enqueue({
      kind: "write",
      describe: { add: "worksheet", name },
      apply: () => {
        if (this.ctx.model.structureProtected) throw new MockExcelError("AccessDenied", "The workbook structure is protected.");
        if (this.ctx.model.find(name)) throw new MockExcelError("ItemAlreadyExists", `A sheet named ${name} exists.`);
        created = this.ctx.model.addSheet(name);
        return created;
      },
    });
    return new MockWorksheet(this.ctx, () => need(created), false);
  }
  load(props: string | string[]): this {
    const list = propList(props).map((p) => p.replace(/^items\//, ""));
    this.ctx.enqueue({
      kind: "read",
      describe: { load: "worksheets", props: list },
      apply: () => {
        this.loadedItems = this.ctx.model.sheets.map((s) => {
          const ws = new MockWorksheet(this.ctx, () => s, false);
          const mock = new OfficeMockObject({ name: s.name, id: s.id, isNullObject: false });
          mock.load(list);
          void mock.sync();
          ws.loadedState.set(mock);
          return ws;
        });
        return this.ctx.model.sheets.map((s) => ({ name: s.name, id: s.id }));
      },
    });
    return this;
  }
  get items(): MockWorksheet[] {
    if (!this.loadedItems) throw new MockExcelError("PropertyNotLoaded", "worksheets.items not loaded");
    return this.loadedItems;
  }
}

class MockWorksheet {
  readonly loadedState = new Loaded();
  readonly protection: { load: (p: string | string[]) => unknown; readonly protected: boolean };
  readonly names: { add: (name: string, range: MockRange) => void };
  readonly freezePanes: { freezeRows: (n: number) => void };
  readonly pageLayout: Record<string, unknown>;
  constructor(
    private readonly ctx: MockContext,
    readonly ref: SheetRef,
    private readonly nullable: boolean,
  ) {
    const protection = new Loaded();
    const resolve = () => (this.nullable ? this.ref() : need(this.ref()));
    this.protection = {
      load: (p) => {
        ctx.queueLoad(protection, propList(p), () => ({ protected: resolve()?.protected ?? false }), "worksheet.protection");
        return this.protection;
      },
      get protected() {
        return protection.get("protected") as boolean;
      },
    };
    this.names = {
      add: (name, range) =>
        ctx.enqueue({
          kind: "write",
          describe: { names: "add", name, ref: range.describeTarget() },
          apply: () => {
            const s = writable(this.ref());
            s.names.set(name, range.resolveAddress());
            return s;
          },
        }),
    };
    this.freezePanes = {
      freezeRows: (n) =>
        ctx.enqueue({
          kind: "write",
          describe: { freezeRows: n },
          apply: () => {
            need(this.ref()).freezeRows = n;
          },
        }),
    };
    this.pageLayout = recorder(ctx, () => need(this.ref()).pageLayout, "pageLayout", {
      setPrintTitleRows: (rows: unknown) => ({ printTitleRows: rows }),
    });
  }
  load(props: string | string[]): this {
    this.ctx.queueLoad(
      this.loadedState,
      propList(props),
      () => {
        const s = this.nullable ? this.ref() : need(this.ref());
        return s ? { name: s.name, id: s.id, isNullObject: false } : { name: "", id: "", isNullObject: true };
      },
      "worksheet",
    );
    return this;
  }
  get name(): string {
    return this.loadedState.get("name") as string;
  }
  get id(): string {
    return this.loadedState.get("id") as string;
  }
  get isNullObject(): boolean {
    return this.loadedState.get("isNullObject") as boolean;
  }
  getNextOrNullObject(): MockWorksheet {
    return new MockWorksheet(
      this.ctx,
      () => {
        const s = this.nullable ? this.ref() : need(this.ref());
        if (!s) {
          if (!this.ctx.model.nullPropagation) throw new MockExcelError("InvalidArgument", "The argument is invalid or missing.");
          return null;
        }
        return this.ctx.model.sheets[this.ctx.model.sheets.indexOf(s) + 1] ?? null;
      },
      true,
    );
  }
  getRange(address?: string): MockRange {
    return new MockRange(this.ctx, this.ref, () => (address ? parseArea(address) : { top: 0, left: 0, bottom: MAX_ROW, right: MAX_COL }), this.nullable, address ?? "(sheet)");
  }
  getUsedRangeOrNullObject(valuesOnly?: boolean): MockRange {
    return this.getRange().getUsedRangeOrNullObject(valuesOnly);
  }
  getRanges(areas: string): MockRangeAreas {
    return new MockRangeAreas(this.ctx, this.ref, areas);
  }
  activate(): void {
    this.ctx.enqueue({
      kind: "write",
      describe: { activate: true },
      apply: () => {
        this.ctx.model.activeSheet = need(this.ref()).name;
      },
    });
  }
  delete(): void {
    this.ctx.enqueue({
      kind: "write",
      describe: { delete: "worksheet" },
      apply: () => {
        const s = need(this.ref());
        this.ctx.model.sheets.splice(this.ctx.model.sheets.indexOf(s), 1);
      },
    });
  }
}

/** A proxy that records property sets (and allowed method calls) under `path` as write commands. */
function recorder(
  ctx: MockContext,
  target: () => Record<string, unknown>,
  path: string,
  methods: Record<string, (...args: unknown[]) => Record<string, unknown>> = {},
  guard: () => void = () => undefined,
): Record<string, unknown> {
  const make = (prefix: string): Record<string, unknown> =>
    new Proxy({} as Record<string, unknown>, {
      get: (_t, prop: string) => {
        if (typeof prop !== "string" || prop === "then") return undefined;
        if (methods[prop]) {
          return (...args: unknown[]) =>
            ctx.enqueue({
              kind: "write",
              describe: { [`${path}.${prop}`]: args },
              apply: () => {
                guard();
                Object.assign(target(), methods[prop](...args));
              },
            });
        }
        if (prop === "getItem") return (item: string) => make(`${prefix}${item}.`);
        return make(`${prefix}${prop}.`);
      },
      set: (_t, prop: string, value: unknown) => {
        ctx.enqueue({
          kind: "write",
          describe: { [`${path}.${prefix}${prop}`]: value },
          apply: () => {
            guard();
            target()[`${prefix}${prop}`] = value;
          },
        });
        return true;
      },
    });
  return make("");
}

const RANGE_PROPS = ["address", "values", "formulas", "numberFormat", "text", "isNullObject", "rowCount", "columnCount"];

class MockRange {
  private loaded = new Loaded();
  constructor(
    private readonly ctx: MockContext,
    private readonly sheetRef: SheetRef,
    /** the rectangle, or null for a null range; computed at sync time */
    private readonly rect: () => Rect | null,
    private readonly nullable: boolean,
    private readonly label: string,
  ) {}

  describeTarget(): string {
    return this.label;
  }

  resolveAddress(): string {
    const r = this.rect();
    return r ? rectA1(r) : "";
  }

  private matrix<T>(s: MockSheet, r: Rect, f: (c: MockCell) => T): T[][] {
    const out: T[][] = [];
    for (let row = r.top; row <= r.bottom; row++) {
      const line: T[] = [];
      for (let col = r.left; col <= r.right; col++) line.push(f(s.cells.get(key(row, col)) ?? BLANK));
      out.push(line);
    }
    return out;
  }

  load(props: string | string[]): this {
    const list = propList(props);
    for (const p of list) if (!RANGE_PROPS.includes(p)) throw new Error(`Property ${p} needs to be present in object model before load is called.`);
    this.ctx.queueLoad(
      this.loaded,
      list,
      () => {
        const s = this.nullable ? this.sheetRef() : need(this.sheetRef());
        const r = s ? this.rect() : null;
        if (!s || !r) return { address: "", values: [], formulas: [], numberFormat: [], text: [], isNullObject: true, rowCount: 0, columnCount: 0 };
        return {
          address: `${s.name.includes(" ") ? `'${s.name}'` : s.name}!${rectA1(r)}`,
          values: this.matrix(s, r, (c) => c.value),
          formulas: this.matrix(s, r, (c) => c.formula),
          numberFormat: this.matrix(s, r, (c) => c.numberFormat),
          text: this.matrix(s, r, (c) => (c.value === "" ? "" : String(c.value))),
          isNullObject: false,
          rowCount: r.bottom - r.top + 1,
          columnCount: r.right - r.left + 1,
        };
      },
      { range: this.label },
    );
    return this;
  }

  get address(): string {
    return this.loaded.get("address") as string;
  }
  get values(): unknown[][] {
    return this.loaded.get("values") as unknown[][];
  }
  set values(v: unknown[][]) {
    this.queueCells("values", v, (cell, x) => {
      if (typeof x === "string" && x.startsWith("=")) return { ...cell, formula: x, value: "" };
      const text = typeof x === "string" && x.startsWith("'") ? x.slice(1) : x;
      return { ...cell, value: text as MockCell["value"], formula: text === "" ? "" : String(text) };
    });
  }
  get formulas(): unknown[][] {
    return this.loaded.get("formulas") as unknown[][];
  }
  set formulas(v: unknown[][]) {
    this.queueCells("formulas", v, (cell, x) => {
      // The same formula again recalculates to the value it had; a new one stays blank (the mock does not calculate).
      if (typeof x === "string" && x.startsWith("=")) return { ...cell, formula: x, value: x === cell.formula ? cell.value : "" };
      const text = typeof x === "string" && x.startsWith("'") ? x.slice(1) : x;
      return { ...cell, value: text as MockCell["value"], formula: text === "" ? "" : String(text) };
    });
  }
  get numberFormat(): unknown[][] {
    return this.loaded.get("numberFormat") as unknown[][];
  }
  set numberFormat(v: unknown[][]) {
    this.queueCells("numberFormat", v, (cell, x) => ({ ...cell, numberFormat: String(x) }));
  }
  get text(): unknown[][] {
    return this.loaded.get("text") as unknown[][];
  }
  get isNullObject(): boolean {
    return this.loaded.get("isNullObject") as boolean;
  }
  get rowCount(): number {
    return this.loaded.get("rowCount") as number;
  }
  get columnCount(): number {
    return this.loaded.get("columnCount") as number;
  }

  private queueCells(prop: string, matrix: unknown[][], write: (cell: MockCell, x: unknown) => MockCell): void {
    this.ctx.enqueue({
      kind: "write",
      describe: { range: this.label, [prop]: matrix },
      apply: () => {
        const s = need(this.sheetRef());
        const r = this.rect();
        if (!r) throw new MockExcelError("InvalidArgument", "null range");
        if (s.protected) {
          for (let row = r.top; row <= r.bottom; row++) {
            for (let col = r.left; col <= r.right; col++) if (!s.unlocked?.has(`${columnLetters(col)}${row + 1}`)) writable(s);
          }
        }
        const rows = r.bottom - r.top + 1;
        const cols = r.right - r.left + 1;
        if (matrix.length !== rows || matrix.some((line) => line.length !== cols)) {
          throw new MockExcelError("InvalidArgument", `The number of rows or columns in the input array doesn't match the size of the range (${prop}).`);
        }
        matrix.forEach((line, i) =>
          line.forEach((x, j) => {
            if (x === null) return;
            const k = key(r.top + i, r.left + j);
            const next = write(s.cells.get(k) ?? BLANK, x);
            if (next.value === "" && next.formula === "" && next.numberFormat === "General") s.cells.delete(k);
            else s.cells.set(k, next);
          }),
        );
        return s;
      },
    });
  }

  getUsedRangeOrNullObject(valuesOnly?: boolean): MockRange {
    return new MockRange(
      this.ctx,
      this.sheetRef,
      () => {
        const s = this.sheetRef();
        const r = this.rect();
        if (!s || !r) return null;
        let box: Rect | null = null;
        for (const [k, c] of s.cells) {
          if (valuesOnly && c.value === "" && c.formula === "") continue;
          const [row, col] = k.split(":").map(Number);
          if (row < r.top || row > r.bottom || col < r.left || col > r.right) continue;
          box = box
            ? { top: Math.min(box.top, row), left: Math.min(box.left, col), bottom: Math.max(box.bottom, row), right: Math.max(box.right, col) }
            : { top: row, left: col, bottom: row, right: col };
        }
        return box;
      },
      true,
      `${this.label}.usedRange`,
    );
  }

  getCell(row: number, column: number): MockRange {
    return new MockRange(
      this.ctx,
      this.sheetRef,
      () => {
        const r = this.rect();
        return r ? { top: r.top + row, left: r.left + column, bottom: r.top + row, right: r.left + column } : null;
      },
      this.nullable,
      `${this.label}.cell(${row},${column})`,
    );
  }

  select(): void {
    this.ctx.enqueue({
      kind: "write",
      describe: { select: this.label },
      apply: () => {
        const s = need(this.sheetRef());
        this.ctx.model.selection = { sheet: s.name, address: this.resolveAddress() };
      },
    });
  }

  merge(across?: boolean): void {
    this.ctx.enqueue({
      kind: "write",
      describe: { merge: this.label, across },
      apply: () => {
        const s = writable(this.sheetRef());
        s.merges.push(this.resolveAddress());
        return s;
      },
    });
  }

  get format(): Record<string, unknown> {
    return recorder(this.ctx, () => formatsOf(writable(this.sheetRef()), this.label), `format(${this.label})`, {}, () => writable(this.sheetRef()));
  }

  get dataValidation(): Record<string, unknown> {
    return recorder(this.ctx, () => validationOf(writable(this.sheetRef()), this.label), `dataValidation(${this.label})`);
  }

  get conditionalFormats(): MockConditionalFormatCollection {
    return new MockConditionalFormatCollection(this.ctx, this.sheetRef, this.label === "(sheet)" ? null : this.label, this.nullable);
  }
}

function formatsOf(s: MockSheet, target: string): Record<string, unknown> {
  const f = s.formats.get(target) ?? {};
  s.formats.set(target, f);
  return f;
}

function validationOf(s: MockSheet, target: string): Record<string, unknown> {
  const v = s.validations.get(target) ?? {};
  s.validations.set(target, v);
  return v;
}

class MockRangeAreas {
  constructor(
    private readonly ctx: MockContext,
    private readonly sheetRef: SheetRef,
    private readonly areas: string,
  ) {
    for (const a of areas.split(",")) parseArea(a);
  }
  get format(): Record<string, unknown> {
    return recorder(this.ctx, () => formatsOf(writable(this.sheetRef()), this.areas), `format(${this.areas})`);
  }
  get conditionalFormats(): MockConditionalFormatCollection {
    return new MockConditionalFormatCollection(this.ctx, this.sheetRef, this.areas);
  }
}

class MockConditionalFormatCollection {
  private loadedItems: Record<string, unknown>[] | null = null;
  constructor(
    private readonly ctx: MockContext,
    private readonly sheetRef: SheetRef,
    /** null: the whole sheet */
    private readonly areas: string | null,
    /** on a null sheet (past the last one) the collection loads empty, as null objects propagate */
    private readonly nullable = false,
  ) {}

  load(props: string | string[]): this {
    const list = propList(props).map((p) => p.replace(/^items\//, ""));
    this.ctx.enqueue({
      kind: "read",
      describe: { load: "conditionalFormats", areas: this.areas, props: list },
      apply: () => {
        const ref = this.sheetRef();
        if (!ref && this.nullable && this.ctx.model.nullPropagation) {
          this.loadedItems = [];
          return [];
        }
        const s = need(ref);
        const scope = this.areas ? this.areas.split(",").map(parseArea) : null;
        const cfs = s.conditionalFormats.filter((cf) => !scope || cf.areas.split(",").map(parseArea).some((a) => scope.some((b) => intersects(a, b))));
        const data = cfs.map((cf) => ({
          id: cf.id,
          type: cf.type,
          priority: s.conditionalFormats.indexOf(cf),
          customOrNullObject: { isNullObject: cf.type !== "Custom", rule: { formula: cf.type === "Custom" ? cf.formula : "" } },
        }));
        this.loadedItems = data.map((d) => {
          const mock = new OfficeMockObject(d);
          mock.load(list);
          void mock.sync();
          return mock as unknown as Record<string, unknown>;
        });
        return data;
      },
    });
    return this;
  }

  get items(): Record<string, unknown>[] {
    if (!this.loadedItems) throw new MockExcelError("PropertyNotLoaded", "conditionalFormats.items not loaded");
    return this.loadedItems;
  }

  getItem(id: string): { delete: () => void } {
    return {
      delete: () =>
        this.ctx.enqueue({
          kind: "write",
          describe: { deleteConditionalFormat: id },
          apply: () => {
            const s = writable(this.sheetRef());
            const i = s.conditionalFormats.findIndex((cf) => cf.id === id);
            if (i < 0) throw new MockExcelError("ItemNotFound", `no conditional format ${id}`);
            s.conditionalFormats.splice(i, 1);
            return s;
          },
        }),
    };
  }

  add(type: string): { custom: Record<string, unknown> } {
    let created: MockConditionalFormat | null = null;
    this.ctx.enqueue({
      kind: "write",
      describe: { addConditionalFormat: type, areas: this.areas },
      apply: () => {
        const s = writable(this.sheetRef());
        created = { id: this.ctx.model.newId("cf"), type, areas: this.areas ?? "A1:XFD1048576", formula: "", format: {} };
        s.conditionalFormats.push(created);
        return s;
      },
    });
    const target = () => {
      if (!created) throw new MockExcelError("InvalidArgument", "conditional format not created");
      return created as unknown as Record<string, unknown>;
    };
    // custom.rule.formula lands on the format's formula; custom.format.* on its format settings.
    const custom = recorder(this.ctx, () => {
      const cf = target() as unknown as MockConditionalFormat;
      return new Proxy({} as Record<string, unknown>, {
        set: (_t, prop: string, value) => {
          if (prop === "rule.formula") cf.formula = String(value);
          else cf.format[prop.replace(/^format\./, "")] = value;
          return true;
        },
      });
    }, "conditionalFormat.custom");
    return { custom };
  }
}

class MockSettingCollection {
  constructor(private readonly ctx: MockContext) {}
  getItemOrNullObject(k: string): { load: (p: string | string[]) => unknown; readonly value: unknown; readonly isNullObject: boolean } {
    const loaded = new Loaded();
    const ctx = this.ctx;
    const item = {
      load: (p: string | string[]) => {
        ctx.queueLoad(
          loaded,
          [...propList(p), "isNullObject"],
          () => (ctx.model.settings.has(k) ? { value: ctx.model.settings.get(k), isNullObject: false } : { value: "", isNullObject: true }),
          { setting: k },
        );
        return item;
      },
      get value() {
        return loaded.get("value");
      },
      get isNullObject() {
        return loaded.get("isNullObject") as boolean;
      },
    };
    return item;
  }
  add(k: string, value: unknown): void {
    this.ctx.enqueue({
      kind: "write",
      describe: { setting: k, value },
      apply: () => {
        this.ctx.model.settings.set(k, value);
      },
    });
  }
}

/**
 * The counting Excel: `run` and `runIn` as the adapter takes them, every sync recorded in `syncs`.
 * `failWritesWith(code, after)` makes the next sync carrying writes fail at one of its writes; a request or
 * response over `payloadLimit` fails as Excel on the web fails it.
 */
export class CountingExcel {
  readonly syncs: SyncRecord[] = [];
  /** Excel on the web's limit on a request or a response, bytes */
  payloadLimit = 5 * 1024 * 1024;
  private readonly failures: { error: MockExcelError; after: number }[] = [];
  constructor(readonly model: MockWorkbook) {}

  readonly run: ExcelRun = async (batch, options) => {
    const ctx = new MockContext(this.model, this, Boolean(options?.mergeUndoGroup));
    const result = await batch(ctx as unknown as Excel.RequestContext);
    if (ctx.pending > 0) throw new Error(`batch ended with ${ctx.pending} commands never synced`);
    return result;
  };

  readonly runIn: ExcelRunIn = async (context, batch) => {
    const result = await batch(context);
    const ctx = context as unknown as MockContext;
    if (ctx.pending > 0) throw new Error(`batch ended with ${ctx.pending} commands never synced`);
    return result;
  };

  record(r: SyncRecord): void {
    this.syncs.push(r);
  }

  /**
   * The next sync carrying writes fails at its write number `after` (0: the first), earlier writes applied.
   * Called again, the failures queue up: the second one hits the sync carrying writes after that.
   */
  failWritesWith(code: string, after = 0, message = code): void {
    this.failures.push({ error: new MockExcelError(code, message), after });
  }

  takeFailure(hasWrite: boolean): { error: MockExcelError; after: number } | null {
    if (!hasWrite) return null;
    return this.failures.shift() ?? null;
  }

  /** Forgets the recorded syncs (between the arrange and the act of a test). */
  reset(): void {
    this.syncs.length = 0;
  }

  /** Syncs by kind since the last reset. */
  counts(): { reads: number; writes: number; mixed: number; total: number; maxRequestBytes: number; maxResponseBytes: number } {
    const n = (k: SyncRecord["kind"]) => this.syncs.filter((s) => s.kind === k).length;
    return {
      reads: n("read"),
      writes: n("write"),
      mixed: n("mixed"),
      total: this.syncs.length,
      maxRequestBytes: Math.max(0, ...this.syncs.map((s) => s.requestBytes)),
      maxResponseBytes: Math.max(0, ...this.syncs.map((s) => s.responseBytes)),
    };
  }
}

/**
 * What a cell-by-cell implementation costs on the same workbook, run against the mock: list the sheets (1 sync),
 * each sheet's used range address (1 sync per sheet), then every cell of it on its own (1 sync per cell).
 * This is the baseline the benchmarks print beside the adapter's 1 read.
 */
export async function naiveCellByCellCheck(excel: CountingExcel): Promise<number> {
  const before = excel.syncs.length;
  await excel.run(async (context) => {
    const sheets = context.workbook.worksheets;
    sheets.load("items/name");
    await context.sync();
    for (const s of sheets.items) {
      const used = s.getUsedRangeOrNullObject(true);
      used.load(["address", "rowCount", "columnCount", "isNullObject"]);
      await context.sync();
      if (used.isNullObject) continue;
      for (let r = 0; r < used.rowCount; r++) {
        for (let c = 0; c < used.columnCount; c++) {
          const cell = used.getCell(r, c);
          cell.load(["values", "formulas", "numberFormat", "text"]);
          await context.sync();
        }
      }
    }
  });
  return excel.syncs.length - before;
}

/** Syncs of a cell-by-cell fill: one per patch (formula and format of one cell). */
export async function naiveCellByCellFill(excel: CountingExcel, sheet: string, cells: readonly { cell: string; formula: string }[]): Promise<number> {
  const before = excel.syncs.length;
  await excel.run(async (context) => {
    const ws = context.workbook.worksheets.getItem(sheet);
    for (const p of cells) {
      ws.getRange(p.cell).formulas = [[p.formula]];
      await context.sync();
    }
  });
  return excel.syncs.length - before;
}

/** The syncs a cell-by-cell check needs on a workbook, without running it (for sheets too big to walk). */
export function naiveCheckSyncCount(model: MockWorkbook): number {
  let n = 1;
  for (const s of model.sheets) {
    n++;
    let box: Rect | null = null;
    for (const [k, c] of s.cells) {
      if (c.value === "" && c.formula === "") continue;
      const [row, col] = k.split(":").map(Number);
      box = box
        ? { top: Math.min(box.top, row), left: Math.min(box.left, col), bottom: Math.max(box.bottom, row), right: Math.max(box.right, col) }
        : { top: row, left: col, bottom: row, right: col };
    }
    if (box) n += (box.bottom - box.top + 1) * (box.right - box.left + 1);
  }
  return n;
}
