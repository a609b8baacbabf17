/**
 * Answers the RichApi requests that Microsoft's Excel client builds (Instantiate, Query, Method, SetProperty over
 * object paths; PascalCase properties, `_Items` collections, null objects) from the in-memory workbook. Each host
 * object below stands for one Excel class and knows its members the way Excel does: what may be read, set and
 * called, and what Excel refuses (with the error code and `debugInfo.errorLocation` Excel gives).
 */
import { columnLetters } from "../../../src/core";
import {
  cellKey,
  definedNameProblem,
  ExcelModelError,
  formulaProblem,
  intersects,
  MAX_ADDRESS_CHARS,
  MAX_LIST_SOURCE_CHARS,
  parseArea,
  quotedSheet,
  rectA1,
  sheetNameProblem,
  type ModelCell,
  type ModelConditionalFormat,
  type ModelSheet,
  type ModelWorkbook,
  type Rect,
} from "./workbook";

/** What one request did to the workbook, for the host's bookkeeping (events, undo, counting). */
export interface RequestEffects {
  /** sheets whose values or formulas the request changed (onChanged fires for them) */
  readonly changedSheets: Set<ModelSheet>;
  /** document changes made (setters, mutating methods) */
  writes: number;
  /** queries answered */
  reads: number;
  /** the request deleted a sheet or changed protection: Excel clears the undo stack whatever the API level */
  clearsUndo: boolean;
}

/** A write about to be applied; the host may refuse it (injected failures) by throwing. */
export type WriteGate = (location: string) => void;

const MAX_ROW = 1048575;
const MAX_COL = 16383;
const WHOLE: Rect = { top: 0, left: 0, bottom: MAX_ROW, right: MAX_COL };
const BLANK: ModelCell = { value: "", formula: "", numberFormat: "General" };

const lowerFirst = (s: string) => s.charAt(0).toLowerCase() + s.slice(1);
const upperFirst = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);

/** The context every host object works in. */
export interface Env {
  readonly model: ModelWorkbook;
  readonly effects: RequestEffects;
  readonly gate: WriteGate;
  /** whether this Excel has an ExcelApi version */
  readonly supports: (version: string) => boolean;
}

/**
 * The ExcelApi version each member the adapter may touch first appeared in. The client sends whatever it is
 * asked (its own check is off in this build), so Excel itself answers ApiNotFound on an older host.
 */
const MEMBER_API: Readonly<Record<string, string>> = {
  "Workbook.Settings": "1.4",
  "Workbook.Protection": "1.2",
  "WorksheetCollection.GetItemOrNullObject": "1.4",
  "WorksheetCollection.GetFirst": "1.5",
  "WorksheetCollection._RegisterDataChangedEvent": "1.9",
  "Worksheet.GetNextOrNullObject": "1.5",
  "Worksheet.GetUsedRangeOrNullObject": "1.4",
  "Worksheet.GetRanges": "1.9",
  "Worksheet.Names": "1.4",
  "Worksheet.Protection": "1.2",
  "Worksheet.FreezePanes": "1.7",
  "Worksheet.PageLayout": "1.9",
  "Range.GetUsedRangeOrNullObject": "1.4",
  "Range.ConditionalFormats": "1.6",
  "Range.DataValidation": "1.8",
  "Range.Merge": "1.2",
  "RangeAreas.ConditionalFormats": "1.9",
  "RangeAreas.Format": "1.9",
  "ConditionalFormat.CustomOrNullObject": "1.6",
  "NamedItemCollection.Add": "1.4",
};

function requireApi(env: Env, type: string, member: string): void {
  const version = MEMBER_API[`${type}.${member}`];
  if (version && !env.supports(version)) {
    throw new ExcelModelError("ApiNotFound", `The API you are trying to use could not be found (${type}.${lowerFirst(member)}, ExcelApi ${version}).`, `${type}.${lowerFirst(member)}`);
  }
}

/** One Excel object as the host sees it. */
abstract class HostObject {
  abstract readonly type: string;
  constructor(readonly env: Env) {}
  /** scalar properties a load without a selection returns */
  scalars(): string[] {
    return [];
  }
  scalar(name: string): unknown {
    throw this.notFound(lowerFirst(name));
  }
  nav(name: string): HostObject | null {
    throw this.notFound(lowerFirst(name));
  }
  call(name: string, _args: unknown[]): HostObject | null | { value: unknown } {
    throw this.notFound(lowerFirst(name));
  }
  set(name: string, _value: unknown): void {
    throw this.notFound(lowerFirst(name));
  }
  index(args: unknown[]): HostObject | null {
    throw new ExcelModelError("InvalidArgument", `${this.type} has no indexer (${JSON.stringify(args)})`, `${this.type}.getItem`);
  }
  /** collections: the items a query lists */
  items(): HostObject[] | null {
    return null;
  }
  protected notFound(member: string): ExcelModelError {
    return new ExcelModelError("ApiNotFound", `${this.type}.${member} is not part of this host's object model`, `${this.type}.${member}`);
  }
  /** Runs a write: the gate first (read-only files, open dialogs, injected failures), then `apply`. */
  protected write(member: string, apply: () => void): void {
    const location = `${this.type}.${member}`;
    const m = this.env.model;
    if (m.readOnly) throw new ExcelModelError("AccessDenied", "You cannot perform the requested operation: the workbook is read-only.", location);
    if (m.modalDialogOpen) throw new ExcelModelError("WriteNotSupportedWhenModalDialogOpen", "The requested write operation is not supported when a modal dialog is open.", location);
    this.env.gate(location);
    apply();
    this.env.effects.writes++;
  }
}

function denyProtected(sheet: ModelSheet, location: string): void {
  if (sheet.protected) throw new ExcelModelError("AccessDenied", "The cell or chart you're trying to change is on a protected sheet.", location);
}

class WorkbookObject extends HostObject {
  readonly type = "Workbook";
  override nav(name: string): HostObject | null {
    if (name === "Worksheets") return new WorksheetCollectionObject(this.env);
    if (name === "Settings") return new SettingCollectionObject(this.env);
    if (name === "Protection") return new WorkbookProtectionObject(this.env);
    return super.nav(name);
  }
}

class WorkbookProtectionObject extends HostObject {
  readonly type = "WorkbookProtection";
  override scalars() {
    return ["Protected"];
  }
  override scalar(name: string): unknown {
    if (name === "Protected") return this.env.model.structureProtected;
    return super.scalar(name);
  }
}

class WorksheetCollectionObject extends HostObject {
  readonly type = "WorksheetCollection";
  override items(): HostObject[] {
    return this.env.model.sheets.map((s) => new WorksheetObject(this.env, s));
  }
  override index(args: unknown[]): HostObject {
    const s = this.env.model.find(String(args[0]));
    if (!s) throw new ExcelModelError("ItemNotFound", "The requested resource doesn't exist.", "WorksheetCollection.getItem");
    return new WorksheetObject(this.env, s);
  }
  override call(name: string, args: unknown[]): HostObject | null | { value: unknown } {
    const m = this.env.model;
    switch (name) {
      case "GetFirst": {
        const s = m.sheets[0];
        if (!s) throw new ExcelModelError("ItemNotFound", "The requested resource doesn't exist.", "WorksheetCollection.getFirst");
        return new WorksheetObject(this.env, s);
      }
      case "GetItemOrNullObject": {
        const s = m.find(String(args[0]));
        return s ? new WorksheetObject(this.env, s) : null;
      }
      case "GetItemAt": {
        const s = m.sheets[Number(args[0])];
        if (!s) throw new ExcelModelError("ItemNotFound", "The requested resource doesn't exist.", "WorksheetCollection.getItemAt");
        return new WorksheetObject(this.env, s);
      }
      case "GetActiveWorksheet":
        return new WorksheetObject(this.env, m.find(m.activeSheet) ?? m.sheets[0]);
      case "GetCount":
        return { value: m.sheets.length };
      case "Add": {
        let created: ModelSheet | null = null;
        this.write("add", () => {
          if (m.structureProtected) throw new ExcelModelError("AccessDenied", "The workbook structure is protected.", "WorksheetCollection.add");
          let name = args[0] === null || args[0] === undefined ? "" : String(args[0]);
          if (!name) for (let i = 1; !name || m.find(name); i++) name = `Sheet${i}`;
          const problem = sheetNameProblem(name);
          if (problem) throw new ExcelModelError("InvalidArgument", `The argument is invalid or missing or has an incorrect format: ${problem}.`, "WorksheetCollection.add");
          if (m.find(name)) throw new ExcelModelError("ItemAlreadyExists", "A resource with the same name or identifier already exists.", "WorksheetCollection.add");
          created = m.addSheet(name);
        });
        return new WorksheetObject(this.env, created!);
      }
      case "_RegisterDataChangedEvent":
        m.changeEventsRegistered++;
        return { value: undefined };
      case "_UnregisterDataChangedEvent":
        m.changeEventsRegistered = Math.max(0, m.changeEventsRegistered - 1);
        return { value: undefined };
    }
    return super.call(name, args);
  }
}

class WorksheetObject extends HostObject {
  readonly type = "Worksheet";
  constructor(
    env: Env,
    readonly sheet: ModelSheet,
  ) {
    super(env);
  }
  private live(member: string): ModelSheet {
    if (!this.env.model.sheets.includes(this.sheet)) throw new ExcelModelError("ItemNotFound", "The requested resource doesn't exist.", `Worksheet.${member}`);
    return this.sheet;
  }
  override scalars() {
    return ["Name", "Id", "Position", "Visibility"];
  }
  override scalar(name: string): unknown {
    const s = this.live(lowerFirst(name));
    if (name === "Name") return s.name;
    if (name === "Id") return s.id;
    if (name === "Position") return this.env.model.sheets.indexOf(s);
    if (name === "Visibility") return s.visibility ?? "Visible";
    return super.scalar(name);
  }
  override set(name: string, value: unknown): void {
    if (name !== "Name") return super.set(name, value);
    this.write("name", () => {
      const s = this.live("name");
      const next = String(value);
      const problem = sheetNameProblem(next);
      if (problem) throw new ExcelModelError("InvalidArgument", `The argument is invalid or missing or has an incorrect format: ${problem}.`, "Worksheet.name");
      const other = this.env.model.find(next);
      if (other && other !== s) throw new ExcelModelError("ItemAlreadyExists", "A resource with the same name or identifier already exists.", "Worksheet.name");
      s.name = next;
    });
  }
  override nav(name: string): HostObject | null {
    const s = this.live(lowerFirst(name));
    if (name === "Protection") return new WorksheetProtectionObject(this.env, s);
    if (name === "Names") return new NamedItemCollectionObject(this.env, s);
    if (name === "FreezePanes") return new FreezePanesObject(this.env, s);
    if (name === "PageLayout") return new PageLayoutObject(this.env, s);
    return super.nav(name);
  }
  override call(name: string, args: unknown[]): HostObject | null | { value: unknown } {
    const m = this.env.model;
    switch (name) {
      case "GetRange": {
        const s = this.live("getRange");
        const address = args[0] === null || args[0] === undefined || args[0] === "" ? null : String(args[0]);
        if (address && address.length > MAX_ADDRESS_CHARS) throw new ExcelModelError("InvalidArgument", "The address is too long.", "Worksheet.getRange");
        return new RangeObject(this.env, s, address ? parseArea(address, "Worksheet.getRange") : WHOLE);
      }
      case "GetRanges": {
        const s = this.live("getRanges");
        const areas = String(args[0] ?? "");
        if (areas.length > MAX_ADDRESS_CHARS) throw new ExcelModelError("InvalidArgument", `The address is longer than ${MAX_ADDRESS_CHARS} characters.`, "Worksheet.getRanges");
        return new RangeAreasObject(this.env, s, areas.split(",").map((a) => parseArea(a, "Worksheet.getRanges")));
      }
      case "GetUsedRange":
      case "GetUsedRangeOrNullObject":
        return new RangeObject(this.env, this.live("getUsedRange"), WHOLE).call(name, args);
      case "GetNextOrNullObject":
      case "GetNext": {
        const s = this.live(lowerFirst(name));
        const next = m.sheets[m.sheets.indexOf(s) + 1];
        if (!next && name === "GetNext") throw new ExcelModelError("ItemNotFound", "The requested resource doesn't exist.", "Worksheet.getNext");
        return next ? new WorksheetObject(this.env, next) : null;
      }
      case "Activate":
        this.live("activate");
        m.activeSheet = this.sheet.name;
        return { value: undefined };
      case "Delete":
        this.write("delete", () => {
          const s = this.live("delete");
          if (m.structureProtected) throw new ExcelModelError("AccessDenied", "The workbook structure is protected.", "Worksheet.delete");
          m.sheets.splice(m.sheets.indexOf(s), 1);
          this.env.effects.clearsUndo = true;
        });
        return { value: undefined };
    }
    return super.call(name, args);
  }
}

class WorksheetProtectionObject extends HostObject {
  readonly type = "WorksheetProtection";
  constructor(
    env: Env,
    readonly sheet: ModelSheet,
  ) {
    super(env);
  }
  override scalars() {
    return ["Protected"];
  }
  override scalar(name: string): unknown {
    if (name === "Protected") return this.sheet.protected;
    return super.scalar(name);
  }
  override call(name: string, args: unknown[]): HostObject | null | { value: unknown } {
    if (name === "Protect" || name === "Unprotect") {
      this.write(lowerFirst(name), () => {
        this.sheet.protected = name === "Protect";
        this.env.effects.clearsUndo = true;
      });
      return { value: undefined };
    }
    return super.call(name, args);
  }
}

class NamedItemCollectionObject extends HostObject {
  readonly type = "NamedItemCollection";
  constructor(
    env: Env,
    readonly sheet: ModelSheet,
    private readonly resolveRef: (id: number) => HostObject | null = () => null,
  ) {
    super(env);
  }
  withResolver(resolve: (id: number) => HostObject | null): NamedItemCollectionObject {
    return new NamedItemCollectionObject(this.env, this.sheet, resolve);
  }
  override call(name: string, args: unknown[]): HostObject | null | { value: unknown } {
    if (name !== "Add") return super.call(name, args);
    const [itemName, reference] = args;
    this.write("add", () => {
      const n = String(itemName);
      const problem = definedNameProblem(n);
      if (problem) throw new ExcelModelError("InvalidArgument", `The argument is invalid or missing or has an incorrect format: ${problem}.`, "NamedItemCollection.add");
      if ([...this.sheet.names.keys()].some((k) => k.toLowerCase() === n.toLowerCase())) {
        throw new ExcelModelError("ItemAlreadyExists", "A resource with the same name or identifier already exists.", "NamedItemCollection.add");
      }
      const target = typeof reference === "number" ? this.resolveRef(reference) : null;
      const address =
        target instanceof RangeObject ? rectA1(target.rect) : typeof reference === "string" ? reference.replace(/^=/, "").replace(/^.*!/, "").replace(/\$/g, "") : "";
      if (!address) throw new ExcelModelError("InvalidArgument", "The reference is invalid.", "NamedItemCollection.add");
      this.sheet.names.set(n, address);
      // Excel recalculates: a formula that showed #NAME? for want of this name no longer does.
      for (const sheet of this.env.model.sheets) {
        for (const cell of sheet.cells.values()) {
          if (cell.value !== "#NAME?" || !cell.formula.startsWith("=")) continue;
          const known = formulaProblem(cell.formula, this.env.model.isName);
          if (known.unknownFunctions.length + known.unknownNames.length === 0) cell.value = "";
        }
      }
    });
    return new NamedItemObject(this.env);
  }
}

class NamedItemObject extends HostObject {
  readonly type = "NamedItem";
}

class FreezePanesObject extends HostObject {
  readonly type = "WorksheetFreezePanes";
  constructor(
    env: Env,
    readonly sheet: ModelSheet,
  ) {
    super(env);
  }
  override call(name: string, args: unknown[]): HostObject | null | { value: unknown } {
    if (name !== "FreezeRows") return super.call(name, args);
    this.write("freezeRows", () => {
      this.sheet.freezeRows = Number(args[0] ?? 1);
    });
    return { value: undefined };
  }
}

const PAGE_SETTERS = ["Orientation", "PaperSize", "Zoom", "LeftMargin", "RightMargin", "TopMargin", "BottomMargin", "CenterHorizontally", "PrintGridlines"];

class PageLayoutObject extends HostObject {
  readonly type = "PageLayout";
  constructor(
    env: Env,
    readonly sheet: ModelSheet,
  ) {
    super(env);
  }
  override set(name: string, value: unknown): void {
    if (!PAGE_SETTERS.includes(name)) return super.set(name, value);
    this.write(lowerFirst(name), () => {
      this.sheet.pageLayout[lowerFirst(name)] = value;
    });
  }
  override call(name: string, args: unknown[]): HostObject | null | { value: unknown } {
    if (name !== "SetPrintTitleRows") return super.call(name, args);
    this.write("setPrintTitleRows", () => {
      const rows = String(args[0] ?? "");
      parseArea(rows, "PageLayout.setPrintTitleRows");
      this.sheet.pageLayout.printTitleRows = rows;
    });
    return { value: undefined };
  }
}

/** What typing `x` into a cell of format `numberFormat` stores (Excel's values/formulas setters behave like typing). */
function typed(cell: ModelCell, x: unknown, prop: "values" | "formulas", location: string, isName: (name: string) => boolean): ModelCell {
  if (typeof x === "number" || typeof x === "boolean") return { ...cell, value: x, formula: String(x).toUpperCase() === "TRUE" || String(x).toUpperCase() === "FALSE" ? String(x).toUpperCase() : String(x) };
  const text = String(x ?? "");
  if (text === "") return { ...cell, value: "", formula: "" };
  if (text.startsWith("'")) return { ...cell, value: text.slice(1), formula: text.slice(1) };
  if (cell.numberFormat === "@") return { ...cell, value: text, formula: text };
  if (text.startsWith("=") && (prop === "formulas" || prop === "values")) {
    const { problem, unknownFunctions, unknownNames } = formulaProblem(text, isName);
    if (problem) throw new ExcelModelError("InvalidArgument", `The formula is not valid in the en-US grammar: ${problem} (${text}).`, location);
    // The model does not calculate: a new formula's value is blank (#NAME? for a function or name Excel does not
    // know) until a test sets it.
    const value = unknownFunctions.length + unknownNames.length > 0 ? "#NAME?" : text === cell.formula ? cell.value : "";
    return { ...cell, value, formula: text };
  }
  if (/^[+-]?(\d+\.?\d*|\.\d+)(E[+-]?\d+)?$/i.test(text.trim())) return { ...cell, value: Number(text), formula: String(Number(text)) };
  if (/^[+-]?(\d+\.?\d*|\.\d+)%$/.test(text.trim())) {
    const n = Number(text.trim().slice(0, -1)) / 100;
    return { ...cell, value: n, formula: String(n), numberFormat: cell.numberFormat === "General" ? "0%" : cell.numberFormat };
  }
  if (/^(true|false)$/i.test(text.trim())) return { ...cell, value: text.trim().toUpperCase() === "TRUE", formula: text.trim().toUpperCase() };
  return { ...cell, value: text, formula: text };
}

class RangeObject extends HostObject {
  readonly type = "Range";
  constructor(
    env: Env,
    readonly sheet: ModelSheet,
    readonly rect: Rect,
  ) {
    super(env);
  }
  private live(member: string): ModelSheet {
    if (!this.env.model.sheets.includes(this.sheet)) throw new ExcelModelError("ItemNotFound", "The requested resource doesn't exist.", `Range.${member}`);
    return this.sheet;
  }
  private matrix<T>(f: (c: ModelCell) => T): T[][] {
    const r = this.rect;
    const out: T[][] = [];
    for (let row = r.top; row <= r.bottom; row++) {
      const line: T[] = [];
      for (let col = r.left; col <= r.right; col++) line.push(f(this.sheet.cells.get(cellKey(row, col)) ?? BLANK));
      out.push(line);
    }
    return out;
  }
  private cellCount(): number {
    return (this.rect.bottom - this.rect.top + 1) * (this.rect.right - this.rect.left + 1);
  }
  override scalars() {
    return ["Address", "AddressLocal", "CellCount", "ColumnCount", "ColumnIndex", "Formulas", "NumberFormat", "RowCount", "RowIndex", "Text", "Values"];
  }
  override scalar(name: string): unknown {
    const s = this.live(lowerFirst(name));
    const big = ["Values", "Formulas", "NumberFormat", "Text"].includes(name) && this.cellCount() > 5_000_000;
    if (big) throw new ExcelModelError("ResponsePayloadSizeLimitExceeded", "The response payload size has exceeded the limit.", `Range.${lowerFirst(name)}`);
    switch (name) {
      case "Address":
      case "AddressLocal":
        return `${quotedSheet(s.name)}!${rectA1(this.rect)}`;
      case "Values":
        return this.matrix((c) => c.value);
      case "Formulas":
        return this.matrix((c) => (c.formula.startsWith("=") ? c.formula : c.value));
      case "NumberFormat":
        return this.matrix((c) => c.numberFormat);
      case "Text":
        return this.matrix((c) => (c.value === "" ? "" : String(c.value)));
      case "RowCount":
        return this.rect.bottom - this.rect.top + 1;
      case "ColumnCount":
        return this.rect.right - this.rect.left + 1;
      case "RowIndex":
        return this.rect.top;
      case "ColumnIndex":
        return this.rect.left;
      case "CellCount":
        return this.cellCount();
    }
    return super.scalar(name);
  }
  override set(name: string, value: unknown): void {
    if (name !== "Values" && name !== "Formulas" && name !== "NumberFormat") return super.set(name, value);
    const prop = lowerFirst(name) as "values" | "formulas" | "numberFormat";
    this.write(prop, () => {
      const s = this.live(prop);
      const r = this.rect;
      const rows = r.bottom - r.top + 1;
      const cols = r.right - r.left + 1;
      const matrix = Array.isArray(value) ? (value as unknown[][]) : Array.from({ length: rows }, () => Array(cols).fill(value));
      if (matrix.length !== rows || matrix.some((line) => !Array.isArray(line) || line.length !== cols)) {
        throw new ExcelModelError("InvalidArgument", "The number of rows or columns in the input array doesn't match the size or dimensions of the range.", `Range.${prop}`);
      }
      if (s.protected) {
        for (let row = r.top; row <= r.bottom; row++) {
          for (let col = r.left; col <= r.right; col++) {
            if (!s.unlocked?.has(`${columnLetters(col)}${row + 1}`)) denyProtected(s, `Range.${prop}`);
          }
        }
      }
      let changed = false;
      matrix.forEach((line, i) =>
        line.forEach((x, j) => {
          if (x === null || x === undefined) return;
          const k = cellKey(r.top + i, r.left + j);
          const cell = s.cells.get(k) ?? BLANK;
          const next = prop === "numberFormat" ? { ...cell, numberFormat: String(x) } : typed(cell, x, prop, `Range.${prop}`, this.env.model.isName);
          if (prop !== "numberFormat") changed = true;
          if (next.value === "" && next.formula === "" && next.numberFormat === "General") s.cells.delete(k);
          else s.cells.set(k, next);
        }),
      );
      if (changed) this.env.effects.changedSheets.add(s);
    });
  }
  override nav(name: string): HostObject | null {
    const s = this.live(lowerFirst(name));
    if (name === "Format") return new RangeFormatObject(this.env, s, rectA1(this.rect), [this.rect]);
    if (name === "DataValidation") return new DataValidationObject(this.env, s, rectA1(this.rect));
    if (name === "ConditionalFormats") return new ConditionalFormatCollectionObject(this.env, s, this.rect === WHOLE ? null : [this.rect]);
    if (name === "Worksheet") return new WorksheetObject(this.env, s);
    return super.nav(name);
  }
  override call(name: string, args: unknown[]): HostObject | null | { value: unknown } {
    const s = this.live(lowerFirst(name));
    switch (name) {
      case "GetUsedRange":
      case "GetUsedRangeOrNullObject": {
        const valuesOnly = Boolean(args[0]);
        let box: Rect | null = null;
        for (const [k, c] of s.cells) {
          if (valuesOnly && c.value === "" && c.formula === "") continue;
          const [row, col] = k.split(":").map(Number);
          if (row < this.rect.top || row > this.rect.bottom || col < this.rect.left || col > this.rect.right) continue;
          box = box
            ? { top: Math.min(box.top, row), left: Math.min(box.left, col), bottom: Math.max(box.bottom, row), right: Math.max(box.right, col) }
            : { top: row, left: col, bottom: row, right: col };
        }
        if (!box && name === "GetUsedRange") box = { top: 0, left: 0, bottom: 0, right: 0 };
        return box ? new RangeObject(this.env, s, box) : null;
      }
      case "GetCell": {
        const [row, col] = args.map(Number);
        const at = { top: this.rect.top + row, left: this.rect.left + col, bottom: this.rect.top + row, right: this.rect.left + col };
        return new RangeObject(this.env, s, at);
      }
      case "Select":
        this.env.model.activeSheet = s.name;
        this.env.model.selection = { sheet: s.name, address: rectA1(this.rect) };
        return { value: undefined };
      case "Merge":
        this.write("merge", () => {
          denyProtected(s, "Range.merge");
          s.merges.push(rectA1(this.rect));
        });
        return { value: undefined };
      case "_KeepReference":
        return { value: undefined };
    }
    return super.call(name, args);
  }
}

class RangeAreasObject extends HostObject {
  readonly type = "RangeAreas";
  constructor(
    env: Env,
    readonly sheet: ModelSheet,
    readonly rects: Rect[],
  ) {
    super(env);
  }
  override scalars() {
    return ["Address", "AreaCount"];
  }
  override scalar(name: string): unknown {
    if (name === "Address") return this.rects.map((r) => `${quotedSheet(this.sheet.name)}!${rectA1(r)}`).join(",");
    if (name === "AreaCount") return this.rects.length;
    return super.scalar(name);
  }
  override nav(name: string): HostObject | null {
    const label = this.rects.map(rectA1).join(",");
    if (name === "Format") return new RangeFormatObject(this.env, this.sheet, label, this.rects);
    if (name === "ConditionalFormats") return new ConditionalFormatCollectionObject(this.env, this.sheet, this.rects);
    return super.nav(name);
  }
  override call(name: string, args: unknown[]): HostObject | null | { value: unknown } {
    if (name === "_KeepReference") return { value: undefined };
    return super.call(name, args);
  }
}

/** A format object writing "path.prop" settings into the sheet's formats under `target`. */
class FormatPartObject extends HostObject {
  constructor(
    env: Env,
    readonly type: string,
    readonly sheet: ModelSheet,
    readonly target: string,
    readonly path: string,
    readonly settable: readonly string[],
    readonly parts: Readonly<Record<string, string>> = {},
  ) {
    super(env);
  }
  override set(name: string, value: unknown): void {
    if (!this.settable.includes(name)) return super.set(name, value);
    this.write(lowerFirst(name), () => {
      denyProtected(this.sheet, `${this.type}.${lowerFirst(name)}`);
      const f = this.sheet.formats.get(this.target) ?? {};
      f[`${this.path}${lowerFirst(name)}`] = value;
      this.sheet.formats.set(this.target, f);
    });
  }
  override nav(name: string): HostObject | null {
    const part = this.parts[name];
    if (!part) return super.nav(name);
    if (name === "Borders") return new BordersObject(this.env, this.sheet, this.target, `${this.path}borders.`);
    const settable = name === "Font" ? ["Bold", "Italic", "Size", "Color", "Name", "Underline"] : name === "Fill" ? ["Color", "Pattern"] : ["Locked", "FormulaHidden"];
    return new FormatPartObject(this.env, part, this.sheet, this.target, `${this.path}${lowerFirst(name)}.`, settable);
  }
}

class RangeFormatObject extends FormatPartObject {
  constructor(env: Env, sheet: ModelSheet, target: string, rects: Rect[]) {
    super(
      env,
      "RangeFormat",
      sheet,
      target,
      "",
      ["ColumnWidth", "RowHeight", "HorizontalAlignment", "VerticalAlignment", "WrapText", "IndentLevel", "ShrinkToFit", "TextOrientation"],
      { Font: "RangeFont", Fill: "RangeFill", Borders: "RangeBorderCollection", Protection: "FormatProtection" },
    );
    void rects;
  }
}

class BordersObject extends HostObject {
  readonly type = "RangeBorderCollection";
  constructor(
    env: Env,
    readonly sheet: ModelSheet,
    readonly target: string,
    readonly path: string,
  ) {
    super(env);
  }
  override index(args: unknown[]): HostObject {
    const edge = String(args[0]);
    if (!["EdgeTop", "EdgeBottom", "EdgeLeft", "EdgeRight", "InsideVertical", "InsideHorizontal", "DiagonalDown", "DiagonalUp"].includes(edge)) {
      throw new ExcelModelError("InvalidArgument", `Unknown border index ${edge}.`, "RangeBorderCollection.getItem");
    }
    return new FormatPartObject(this.env, "RangeBorder", this.sheet, this.target, `${this.path}${edge}.`, ["Style", "Color", "Weight"]);
  }
}

class DataValidationObject extends HostObject {
  readonly type = "DataValidation";
  constructor(
    env: Env,
    readonly sheet: ModelSheet,
    readonly target: string,
  ) {
    super(env);
  }
  override set(name: string, value: unknown): void {
    if (!["Rule", "Prompt", "ErrorAlert", "IgnoreBlanks"].includes(name)) return super.set(name, value);
    const prop = lowerFirst(name);
    this.write(prop, () => {
      denyProtected(this.sheet, `DataValidation.${prop}`);
      const v = value as Record<string, Record<string, unknown>>;
      const bad = (why: string) => new ExcelModelError("InvalidArgument", `The argument is invalid or missing or has an incorrect format: ${why}.`, `DataValidation.${prop}`);
      if (name === "Rule") {
        const source = v?.list?.source;
        if (typeof source === "string" && !source.startsWith("=") && source.length > MAX_LIST_SOURCE_CHARS) {
          throw bad(`a list source has at most ${MAX_LIST_SOURCE_CHARS} characters (${source.length})`);
        }
        // A source given as a reference or formula is read in the en-US grammar like any formula.
        const problem = typeof source === "string" && source.startsWith("=") ? formulaProblem(source).problem : null;
        if (problem) throw bad(`the list source is not a formula in the en-US grammar: ${problem}`);
      }
      const box = value as Record<string, unknown>;
      if ((name === "Prompt" || name === "ErrorAlert") && typeof box?.title === "string" && box.title.length > 32) throw bad("a title has at most 32 characters");
      if ((name === "Prompt" || name === "ErrorAlert") && typeof box?.message === "string" && box.message.length > 255) throw bad("a message has at most 255 characters");
      const current = this.sheet.validations.get(this.target) ?? {};
      current[prop] = value;
      this.sheet.validations.set(this.target, current);
    });
  }
}

class ConditionalFormatCollectionObject extends HostObject {
  readonly type = "ConditionalFormatCollection";
  constructor(
    env: Env,
    readonly sheet: ModelSheet,
    /** null: the whole sheet */
    readonly scope: Rect[] | null,
  ) {
    super(env);
  }
  private inScope(): ModelConditionalFormat[] {
    const scope = this.scope;
    return this.sheet.conditionalFormats.filter((cf) => !scope || cf.areas.split(",").some((a) => scope.some((b) => intersects(parseArea(a), b))));
  }
  override items(): HostObject[] {
    const broken = this.sheet.brokenConditionalFormats;
    if (broken && (!this.scope || broken.areas.split(",").some((a) => this.scope!.some((b) => intersects(parseArea(a), b))))) {
      throw new ExcelModelError(broken.code, broken.code === "ItemNotFound" ? "The requested resource doesn't exist." : "An internal error has occurred.", broken.location);
    }
    return this.inScope().map((cf) => new ConditionalFormatObject(this.env, this.sheet, cf));
  }
  override index(args: unknown[]): HostObject {
    const cf = this.sheet.conditionalFormats.find((c) => c.id === String(args[0]));
    if (!cf) throw new ExcelModelError("ItemNotFound", "The requested resource doesn't exist.", "ConditionalFormatCollection.getItem");
    return new ConditionalFormatObject(this.env, this.sheet, cf);
  }
  override call(name: string, args: unknown[]): HostObject | null | { value: unknown } {
    switch (name) {
      case "GetCount":
        return { value: this.inScope().length };
      case "GetItemAt": {
        const cf = this.inScope()[Number(args[0])];
        if (!cf) throw new ExcelModelError("ItemNotFound", "The requested resource doesn't exist.", "ConditionalFormatCollection.getItemAt");
        return new ConditionalFormatObject(this.env, this.sheet, cf);
      }
      case "GetItemOrNullObject": {
        const cf = this.sheet.conditionalFormats.find((c) => c.id === String(args[0]));
        return cf ? new ConditionalFormatObject(this.env, this.sheet, cf) : null;
      }
      case "Add": {
        let created: ModelConditionalFormat | null = null;
        this.write("add", () => {
          denyProtected(this.sheet, "ConditionalFormatCollection.add");
          const type = String(args[0]);
          created = {
            id: this.env.model.newId("cf"),
            type,
            areas: this.scope ? this.scope.map(rectA1).join(",") : "A1:XFD1048576",
            formula: "",
            format: {},
          };
          this.sheet.conditionalFormats.push(created);
        });
        return new ConditionalFormatObject(this.env, this.sheet, created!);
      }
    }
    return super.call(name, args);
  }
}

class ConditionalFormatObject extends HostObject {
  readonly type = "ConditionalFormat";
  constructor(
    env: Env,
    readonly sheet: ModelSheet,
    readonly cf: ModelConditionalFormat,
  ) {
    super(env);
  }
  private live(member: string): ModelConditionalFormat {
    if (!this.sheet.conditionalFormats.includes(this.cf)) throw new ExcelModelError("ItemNotFound", "The requested resource doesn't exist.", `ConditionalFormat.${member}`);
    return this.cf;
  }
  override scalars() {
    return ["Id", "Type", "Priority", "StopIfTrue"];
  }
  override scalar(name: string): unknown {
    const cf = this.live(lowerFirst(name));
    if (name === "Id") return cf.id;
    if (name === "Type") return cf.type;
    if (name === "Priority") return this.sheet.conditionalFormats.indexOf(cf);
    if (name === "StopIfTrue") return false;
    return super.scalar(name);
  }
  override nav(name: string): HostObject | null {
    const cf = this.live(lowerFirst(name));
    if (name === "Custom" || name === "CustomOrNullObject") {
      if (cf.type !== "Custom") {
        if (name === "CustomOrNullObject") return null;
        throw new ExcelModelError("InvalidOperation", "This operation is not permitted for the current object.", "ConditionalFormat.custom");
      }
      return new CustomConditionalFormatObject(this.env, this.sheet, cf);
    }
    return super.nav(name);
  }
  override call(name: string, args: unknown[]): HostObject | null | { value: unknown } {
    if (name === "Delete") {
      this.write("delete", () => {
        const cf = this.live("delete");
        denyProtected(this.sheet, "ConditionalFormat.delete");
        this.sheet.conditionalFormats.splice(this.sheet.conditionalFormats.indexOf(cf), 1);
      });
      return { value: undefined };
    }
    if (name === "GetRanges" || name === "GetRange" || name === "GetRangeOrNullObject") {
      const cf = this.live(lowerFirst(name));
      const rects = cf.areas.split(",").map((a) => parseArea(a));
      return name === "GetRanges" ? new RangeAreasObject(this.env, this.sheet, rects) : new RangeObject(this.env, this.sheet, rects[0]);
    }
    return super.call(name, args);
  }
}

class CustomConditionalFormatObject extends HostObject {
  readonly type = "CustomConditionalFormat";
  constructor(
    env: Env,
    readonly sheet: ModelSheet,
    readonly cf: ModelConditionalFormat,
  ) {
    super(env);
  }
  override nav(name: string): HostObject | null {
    if (name === "Rule") return new ConditionalFormatRuleObject(this.env, this.sheet, this.cf);
    if (name === "Format") return new ConditionalPartObject(this.env, "ConditionalRangeFormat", this.sheet, this.cf, "", []);
    return super.nav(name);
  }
}

class ConditionalFormatRuleObject extends HostObject {
  readonly type = "ConditionalFormatRule";
  constructor(
    env: Env,
    readonly sheet: ModelSheet,
    readonly cf: ModelConditionalFormat,
  ) {
    super(env);
  }
  override scalars() {
    return ["Formula", "FormulaLocal", "FormulaR1C1"];
  }
  override scalar(name: string): unknown {
    if (name === "Formula" || name === "FormulaLocal" || name === "FormulaR1C1") return this.cf.formula;
    return super.scalar(name);
  }
  override set(name: string, value: unknown): void {
    if (name !== "Formula") return super.set(name, value);
    this.write("formula", () => {
      const text = String(value);
      const { problem } = formulaProblem(text);
      if (problem) throw new ExcelModelError("InvalidArgument", `The formula is not valid in the en-US grammar: ${problem} (${text}).`, "ConditionalFormatRule.formula");
      this.cf.formula = text;
    });
  }
}

class ConditionalPartObject extends HostObject {
  constructor(
    env: Env,
    readonly type: string,
    readonly sheet: ModelSheet,
    readonly cf: ModelConditionalFormat,
    readonly path: string,
    readonly settable: readonly string[],
  ) {
    super(env);
  }
  override nav(name: string): HostObject | null {
    if (this.type === "ConditionalRangeFormat" && name === "Fill") return new ConditionalPartObject(this.env, "ConditionalRangeFill", this.sheet, this.cf, "fill.", ["Color"]);
    if (this.type === "ConditionalRangeFormat" && name === "Font") return new ConditionalPartObject(this.env, "ConditionalRangeFont", this.sheet, this.cf, "font.", ["Color", "Bold", "Italic"]);
    return super.nav(name);
  }
  override set(name: string, value: unknown): void {
    if (!this.settable.includes(name)) return super.set(name, value);
    this.write(lowerFirst(name), () => {
      this.cf.format[`${this.path}${lowerFirst(name)}`] = value;
    });
  }
}

class SettingCollectionObject extends HostObject {
  readonly type = "SettingCollection";
  override items(): HostObject[] {
    return [...this.env.model.settings.keys()].map((k) => new SettingObject(this.env, k));
  }
  override index(args: unknown[]): HostObject {
    const key = String(args[0]);
    if (!this.env.model.settings.has(key)) throw new ExcelModelError("ItemNotFound", "The requested resource doesn't exist.", "SettingCollection.getItem");
    return new SettingObject(this.env, key);
  }
  override call(name: string, args: unknown[]): HostObject | null | { value: unknown } {
    if (name === "GetItemOrNullObject") return this.env.model.settings.has(String(args[0])) ? new SettingObject(this.env, String(args[0])) : null;
    if (name === "GetCount") return { value: this.env.model.settings.size };
    if (name === "Add") {
      const key = String(args[0]);
      this.write("add", () => {
        this.env.model.settings.set(key, args[1]);
      });
      return new SettingObject(this.env, key);
    }
    return super.call(name, args);
  }
}

class SettingObject extends HostObject {
  readonly type = "Setting";
  constructor(
    env: Env,
    readonly key: string,
  ) {
    super(env);
  }
  override scalars() {
    return ["Key", "Value"];
  }
  override scalar(name: string): unknown {
    if (name === "Key") return this.key;
    if (name === "Value") return this.env.model.settings.get(this.key);
    return super.scalar(name);
  }
}

/** The RichApi request body the client sends. */
export interface RequestBody {
  Actions: { Id: number; ActionType: number; Name: string; ObjectPathId: number; ArgumentInfo?: { Arguments?: unknown[]; ReferencedObjectPathIds?: number[] }; QueryInfo?: { Select?: string[]; Expand?: string[] } }[];
  ObjectPaths: Record<string, { Id: number; ObjectPathType: number; Name: string; ParentObjectPathId?: number; ArgumentInfo?: { Arguments?: unknown[]; ReferencedObjectPathIds?: number[] } }>;
}

/** The response body Excel sends back. */
export interface ResponseBody {
  Results?: { ActionId: number; Value: unknown }[];
  Error?: { Code: string; Message: string; Location: string; ActionIndex: number; HttpStatusCode: number };
}

/** Methods that send nothing to the document: a request of only these and queries is a read. */
const READ_METHODS = new Set(["_KeepReference", "_RegisterDataChangedEvent", "_UnregisterDataChangedEvent", "GetCount"]);

/** What a request carries: queries (a read), commands (a write: setters, methods, collection `Add`s), or both. */
export function requestKind(body: RequestBody): "read" | "write" | "mixed" | "empty" {
  const read = body.Actions.some((a) => a.ActionType === 2);
  const write =
    body.Actions.some((a) => a.ActionType === 4 || (a.ActionType === 3 && !READ_METHODS.has(a.Name))) ||
    Object.values(body.ObjectPaths).some((p) => p.ObjectPathType === 3 && p.Name === "Add");
  return read && write ? "mixed" : read ? "read" : write ? "write" : "empty";
}

/** Runs one request against the model; returns the response body Excel would send. */
export function executeRequest(
  model: ModelWorkbook,
  body: RequestBody,
  gate: WriteGate,
  effects: RequestEffects,
  supports: (version: string) => boolean = () => true,
): ResponseBody {
  const env: Env = { model, effects, gate, supports };
  const resolved = new Map<number, HostObject | null>();
  const root = new WorkbookObject(env);

  const argsOf = (info: { Arguments?: unknown[]; ReferencedObjectPathIds?: number[] } | undefined): unknown[] => info?.Arguments ?? [];

  const resolve = (pathId: number): HostObject | null => {
    if (resolved.has(pathId)) return resolved.get(pathId)!;
    const path = body.ObjectPaths[String(pathId)];
    if (!path) throw new ExcelModelError("InvalidObjectPath", `unknown object path ${pathId}`, "");
    let result: HostObject | null;
    switch (path.ObjectPathType) {
      case 1:
        result = root;
        break;
      case 7:
        result = null;
        break;
      case 3:
      case 4:
      case 5: {
        const parent = resolve(path.ParentObjectPathId!);
        if (parent === null) {
          if (!model.nullPropagation) throw new ExcelModelError("InvalidArgument", "The argument is invalid or missing or has an incorrect format.", `${path.Name || "getItem"}`);
          result = null;
          break;
        }
        if (path.ObjectPathType !== 5) requireApi(env, parent.type, path.Name);
        if (path.ObjectPathType === 4) result = parent.nav(path.Name);
        else if (path.ObjectPathType === 5) result = parent.index(argsOf(path.ArgumentInfo));
        else {
          let target: HostObject = parent;
          if (target instanceof NamedItemCollectionObject) target = target.withResolver((id) => resolve(id));
          const out = target.call(path.Name, argsOf(path.ArgumentInfo));
          if (out !== null && !(out instanceof HostObject)) throw new ExcelModelError("InvalidObjectPath", `${path.Name} returns no object`, "");
          result = out;
        }
        break;
      }
      default:
        throw new ExcelModelError("InvalidObjectPath", `object path type ${path.ObjectPathType} is not supported here`, "");
    }
    resolved.set(pathId, result);
    return result;
  };

  const results: { ActionId: number; Value: unknown }[] = [];
  for (let index = 0; index < body.Actions.length; index++) {
    const action = body.Actions[index];
    try {
      if (model.cellEditMode && action.ActionType !== 5) {
        throw new ExcelModelError("InvalidOperationInCellEditMode", "Excel is in cell-editing mode.", "");
      }
      switch (action.ActionType) {
        case 1: {
          // Instantiate: only a null object is answered (Value null); a live one needs no data back.
          const obj = resolve(action.ObjectPathId);
          if (obj === null) results.push({ ActionId: action.Id, Value: null });
          break;
        }
        case 2: {
          const obj = resolve(action.ObjectPathId);
          effects.reads++;
          results.push({ ActionId: action.Id, Value: obj === null ? null : queryValue(obj, action.QueryInfo?.Select) });
          break;
        }
        case 3: {
          const obj = resolve(action.ObjectPathId);
          // The client keeps a reference to every range it queues; on a null object that is nothing to keep.
          if (obj === null && action.Name === "_KeepReference") break;
          if (obj === null) throw new ExcelModelError("InvalidArgument", "A method was called on a null object.", action.Name);
          requireApi(env, obj.type, action.Name);
          let target: HostObject = obj;
          if (target instanceof NamedItemCollectionObject) target = target.withResolver((id) => resolve(id));
          const out = target.call(action.Name, argsOf(action.ArgumentInfo));
          if (out !== null && !(out instanceof HostObject) && out.value !== undefined) results.push({ ActionId: action.Id, Value: out.value });
          break;
        }
        case 4: {
          const obj = resolve(action.ObjectPathId);
          if (obj === null) throw new ExcelModelError("InvalidArgument", "A property was set on a null object.", action.Name);
          obj.set(action.Name, argsOf(action.ArgumentInfo)[0]);
          break;
        }
        case 5:
          // Trace markers: the client runs its callbacks (e.g. an event handler's registration) on their result.
          results.push({ ActionId: action.Id, Value: null });
          break;
        default:
          throw new ExcelModelError("NotImplemented", `action type ${action.ActionType}`, "");
      }
    } catch (e) {
      if (!(e instanceof ExcelModelError)) throw e;
      return { Error: { Code: e.code, Message: e.message, Location: e.location, ActionIndex: index, HttpStatusCode: 400 } };
    }
  }
  return { Results: results };
}

/** A query's answer: the selected properties (camelCase paths), PascalCase, nested through navigation properties. */
function queryValue(obj: HostObject, select: string[] | undefined): unknown {
  const items = obj.items();
  if (items) return { _Items: items.map((item) => selectOn(item, select)) };
  return selectOn(obj, select);
}

function selectOn(obj: HostObject, select: string[] | undefined): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  const paths = select && select.length > 0 && !select.includes("*") ? select : obj.scalars().map(lowerFirst);
  for (const path of paths) {
    const parts = path.split("/").map(upperFirst);
    let target: HostObject | null = obj;
    let box = out;
    for (let i = 0; i < parts.length - 1 && target; i++) {
      const next: HostObject | null = target.nav(parts[i]);
      if (next === null) {
        box[parts[i]] = null;
        target = null;
        break;
      }
      const existing = box[parts[i]];
      box = (existing && typeof existing === "object" ? existing : (box[parts[i]] = {})) as Record<string, unknown>;
      target = next;
    }
    if (target) box[parts[parts.length - 1]] = target.scalar(parts[parts.length - 1]);
  }
  return out;
}
