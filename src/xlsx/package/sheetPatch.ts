/**
 * One worksheet part with target cells written and every other character as it was. A tag-level scan finds the
 * row and cell elements; a target cell is rewritten in place (its other attributes kept), or inserted in column
 * order (its row inserted in row order when missing). Rows and cells without an `r` attribute are numbered as
 * Excel numbers them (one after the previous). Where a write could break something the scan cannot repair
 * (a shared or array formula's range, a data table, a merged area's hidden cell, a table's header), the sheet is
 * refused with the reason instead.
 */
import { type Address, type CellWrite, fromA1, toA1 } from "../../core";
import { PatchRefused } from "./refusal";
import type { StylesEditor } from "./styles";
import { attribute, escapeText, findTag, nextTag, withAttribute, withoutAttribute, type Tag } from "./xml";

/** A table on the sheet, for the header check. */
export interface SheetTable {
  readonly name: string;
  readonly ref: string;
  readonly headerRows: number;
  readonly totalsRows: number;
}

/** What else the patch needs to know about the sheet's workbook. */
export interface SheetPatchContext {
  /** the styles part being edited (null: the workbook has none; then every write goes without a number format) */
  readonly styles: StylesEditor | null;
  readonly tables: readonly SheetTable[];
}

/** The patched part, and the targets that held a formula and now hold a plain value (for the calculation chain). */
export interface SheetPatchResult {
  readonly xml: string;
  readonly formulasRemoved: readonly string[];
}

interface Range {
  readonly from: Address;
  readonly to: Address;
}

function rangeOf(ref: string): Range | null {
  const [a, b = a] = ref.trim().split(/\s+/)[0].split(":");
  const from = fromA1(a);
  const to = fromA1(b);
  if (!from || !to) return null;
  return { from: { row: Math.min(from.row, to.row), col: Math.min(from.col, to.col) }, to: { row: Math.max(from.row, to.row), col: Math.max(from.col, to.col) } };
}

function inRange(r: Range, a: Address): boolean {
  return r.from.row <= a.row && a.row <= r.to.row && r.from.col <= a.col && a.col <= r.to.col;
}

interface Target {
  readonly at: Address;
  readonly a1: string;
  readonly write: CellWrite;
}

/** The number as a cell's `<v>` holds it. */
function numberText(n: number): string {
  return Object.is(n, -0) ? "0" : String(n);
}

/** The cell's content and type attribute for a write. */
function content(w: CellWrite, prefix: string): { t: string | null; inner: string } {
  const f = w.formula ? `<${prefix}f>${escapeText(w.formula.replace(/^=/, ""))}</${prefix}f>` : "";
  const v = w.cellValue;
  // A formula whose result only the workbook's calculation will give, or a blank cell.
  if (v === null) return { t: null, inner: f };
  if (typeof v === "number") return { t: null, inner: `${f}<${prefix}v>${numberText(v)}</${prefix}v>` };
  if (typeof v === "boolean") return { t: "b", inner: `${f}<${prefix}v>${v ? 1 : 0}</${prefix}v>` };
  if (w.formula) return { t: "str", inner: `${f}<${prefix}v>${escapeText(v)}</${prefix}v>` };
  // Text goes inline, so the shared strings part stays as it was.
  const space = /^\s|\s$/.test(v) ? ' xml:space="preserve"' : "";
  return { t: "inlineStr", inner: `<${prefix}is><${prefix}t${space}>${escapeText(v)}</${prefix}t></${prefix}is>` };
}

/** Column styles of `<cols>`: a new cell in a column with a style takes it, as Excel does. */
function columnStyles(xml: string, until: number): { min: number; max: number; style: number }[] {
  const out: { min: number; max: number; style: number }[] = [];
  const cols = findTag(xml, "cols", 0, until);
  if (!cols || cols.kind === "empty") return out;
  for (let t = nextTag(xml, cols.end, until); t && !(t.local === "cols" && t.kind === "end"); t = nextTag(xml, t.end, until)) {
    if (t.local !== "col" || t.kind === "end") continue;
    const text = xml.slice(t.start, t.end);
    const style = Number(attribute(text, "style") ?? 0);
    if (style) out.push({ min: Number(attribute(text, "min")), max: Number(attribute(text, "max")), style });
  }
  return out;
}

/** Where the element of start tag `t` ends; elements named like it do not nest inside it (rows, cells). */
function flatEnd(xml: string, t: Tag): number {
  if (t.kind === "empty") return t.end;
  const close = `</${t.qname}`;
  const at = xml.indexOf(close, t.end);
  if (at < 0) throw new PatchRefused({ reason: "damaged", detail: `<${t.qname}> not closed` });
  return xml.indexOf(">", at) + 1;
}

/** Writes `writes` into the worksheet part `xml`. Throws `PatchRefused` where it cannot be sure. */
export function patchSheetXml(xml: string, writes: readonly CellWrite[], ctx: SheetPatchContext): SheetPatchResult {
  const targets: Target[] = [];
  const seen = new Set<string>();
  for (const w of writes) {
    const at = w.cell;
    const a1 = toA1(at);
    if (typeof w.cellValue === "number" && !Number.isFinite(w.cellValue)) throw new PatchRefused({ reason: "bad_value", cell: a1 });
    if (seen.has(a1)) continue;
    seen.add(a1);
    targets.push({ at, a1, write: w });
  }
  targets.sort((x, y) => x.at.row - y.at.row || x.at.col - y.at.col);
  if (targets.length === 0) return { xml, formulasRemoved: [] };

  const sheetData = findTag(xml, "sheetData");
  if (!sheetData) throw new PatchRefused({ reason: "damaged", detail: "no sheetData" });
  const prefix = sheetData.prefix;

  // What no write may touch: formula ranges, merged areas' hidden cells, tables' header and totals rows. Looked
  // for outside comments and CDATA sections (a comment quoting a formula declares nothing).
  const live = xml.includes("<!") ? xml.replace(/<!--[\s\S]*?-->|<!\[CDATA\[[\s\S]*?\]\]>/g, (m) => " ".repeat(m.length)) : xml;
  for (const m of live.matchAll(/<(?:[\w.-]+:)?f\b[^>]*>/g)) {
    const tag = m[0];
    const ref = attribute(tag, "ref");
    const type = attribute(tag, "t");
    if (!ref || (type !== "shared" && type !== "array" && type !== "dataTable")) continue;
    const r = rangeOf(ref);
    const hit = r && targets.find((t) => inRange(r, t.at));
    if (!hit) continue;
    const reason = type === "shared" ? "shared_formula" : type === "array" ? "array_formula" : "data_table";
    throw new PatchRefused({ reason, cell: hit.a1, range: ref });
  }
  for (const m of live.matchAll(/<(?:[\w.-]+:)?mergeCell\b[^>]*>/g)) {
    const ref = attribute(m[0], "ref");
    const r = ref ? rangeOf(ref) : null;
    const hit = r && targets.find((t) => inRange(r, t.at) && !(t.at.row === r.from.row && t.at.col === r.from.col));
    if (hit) throw new PatchRefused({ reason: "merged_cell", cell: hit.a1, range: ref! });
  }
  for (const table of ctx.tables) {
    const r = rangeOf(table.ref);
    if (!r) continue;
    const hit = targets.find(
      (t) =>
        inRange(r, t.at) &&
        (t.at.row < r.from.row + table.headerRows || t.at.row > r.to.row - table.totalsRows),
    );
    if (hit) throw new PatchRefused({ reason: "table_header", cell: hit.a1, table: table.name });
  }

  const colStyles = columnStyles(xml, sheetData.start);
  const columnStyle = (col: number) => colStyles.find((c) => c.min <= col + 1 && col + 1 <= c.max)?.style ?? 0;
  const formulasRemoved: string[] = [];

  /** The cell element for a target, from its current start tag and content (null: a new cell). */
  const cellXml = (t: Target, current: { tag: string; inner: string } | null, inherited: number): string => {
    if (current && /\s(cm|vm)\s*=/.test(current.tag)) throw new PatchRefused({ reason: "cell_metadata", cell: t.a1 });
    const base = current ? Number(attribute(current.tag, "s") ?? 0) : inherited;
    let style = base;
    // A workbook without a styles part shows every cell General: the value is written without a number format
    // rather than a styles part added (which would change the workbook's relationships and content types).
    if (t.write.numberFormat && ctx.styles) style = ctx.styles.withFormat(base, t.write.numberFormat);
    const { t: type, inner } = content(t.write, prefix);
    let tag = current ? current.tag.replace(/\s*\/>$/, ">") : `<${prefix}c r="${t.a1}">`;
    tag = withoutAttribute(tag, "t");
    if (style !== 0 || (current && attribute(current.tag, "s") !== undefined)) tag = withAttribute(tag, "s", String(style));
    if (type) tag = withAttribute(tag, "t", type);
    if (current && /<(?:[\w.-]+:)?f\b/.test(current.inner) && !t.write.formula) formulasRemoved.push(t.a1);
    return `${tag}${inner}</${prefix}c>`;
  };

  /** A row element for targets of a row the sheet does not have. */
  const newRow = (row: number, ts: Target[]): string =>
    `<${prefix}row r="${row + 1}">${ts.map((t) => cellXml(t, null, columnStyle(t.at.col))).join("")}</${prefix}row>`;

  /** The row element `rowXml` (start tag `tag` at offset 0) with `ts` written into it. */
  const patchRow = (rowXml: string, row: number, ts: Target[]): string => {
    const rowTag = nextTag(rowXml, 0)!;
    const rowTagText = rowXml.slice(0, rowTag.end);
    const rowStyle = attribute(rowTagText, "customFormat") === "1" || attribute(rowTagText, "customFormat") === "true" ? Number(attribute(rowTagText, "s") ?? 0) : null;
    const inherited = (col: number) => rowStyle ?? columnStyle(col);
    const innerEnd = rowTag.kind === "empty" ? rowTag.end : rowXml.lastIndexOf("<");
    const parts: string[] = [];
    let copied = rowTag.end;
    let prevCol = -1;
    let lastCellEnd = rowTag.end;
    let i = 0;
    for (let t = nextTag(rowXml, rowTag.end, innerEnd); t && i < ts.length; ) {
      if (t.local !== "c" || t.kind === "end") {
        t = nextTag(rowXml, t.kind === "start" ? flatEnd(rowXml, t) : t.end, innerEnd);
        continue;
      }
      const end = flatEnd(rowXml, t);
      const r = attribute(rowXml.slice(t.start, t.end), "r");
      const at = r ? fromA1(r) : { row, col: prevCol + 1 };
      if (!at || at.row !== row || at.col <= prevCol) throw new PatchRefused({ reason: "unordered", cell: ts[i].a1 });
      while (i < ts.length && ts[i].at.col < at.col) {
        parts.push(rowXml.slice(copied, t.start), cellXml(ts[i], null, inherited(ts[i].at.col)));
        copied = t.start;
        i++;
      }
      if (i < ts.length && ts[i].at.col === at.col) {
        const tagText = rowXml.slice(t.start, t.end);
        const inner = t.kind === "empty" ? "" : rowXml.slice(t.end, rowXml.lastIndexOf("<", end - 1));
        parts.push(rowXml.slice(copied, t.start), cellXml(ts[i], { tag: tagText, inner }, inherited(at.col)));
        copied = end;
        i++;
      }
      prevCol = at.col;
      lastCellEnd = end;
      t = nextTag(rowXml, end, innerEnd);
    }
    const rest = ts.slice(i).map((t) => cellXml(t, null, inherited(t.at.col))).join("");
    let startTag = rowTagText;
    const spans = attribute(startTag, "spans");
    if (spans) {
      const bounds = spans.split(/\s+/).flatMap((s) => s.split(":").map(Number)).filter(Number.isFinite);
      const cols = ts.map((t) => t.at.col + 1);
      const min = Math.min(...bounds, ...cols);
      const max = Math.max(...bounds, ...cols);
      if (min < Math.min(...bounds) || max > Math.max(...bounds)) startTag = withAttribute(startTag, "spans", `${min}:${max}`);
    }
    if (rowTag.kind === "empty") return `${startTag.replace(/\s*\/>$/, ">")}${parts.join("")}${rest}</${rowTag.qname}>`;
    const at = Math.max(copied, lastCellEnd);
    return `${startTag}${parts.join("")}${rowXml.slice(copied, at)}${rest}${rowXml.slice(at)}`;
  };

  const out: string[] = [];
  let copied: number;
  let k = 0;
  const takeRow = (row: number): Target[] => {
    const ts: Target[] = [];
    while (k < targets.length && targets[k].at.row === row) ts.push(targets[k++]);
    return ts;
  };
  if (sheetData.kind === "empty") {
    out.push(xml.slice(0, sheetData.start), xml.slice(sheetData.start, sheetData.end).replace(/\s*\/>$/, ">"));
    while (k < targets.length) out.push(newRow(targets[k].at.row, takeRow(targets[k].at.row)));
    out.push(`</${sheetData.qname}>`);
    copied = sheetData.end;
  } else {
    copied = 0;
    let prevRow = -1;
    let t = nextTag(xml, sheetData.end);
    for (; t && k < targets.length; ) {
      if (t.local === "sheetData" && t.kind === "end") break;
      if (t.local !== "row" || t.kind === "end") {
        t = nextTag(xml, t.kind === "start" ? flatEnd(xml, t) : t.end);
        continue;
      }
      const r = attribute(xml.slice(t.start, t.end), "r");
      const row = r !== undefined ? Number(r) - 1 : prevRow + 1;
      if (!Number.isInteger(row) || row <= prevRow) throw new PatchRefused({ reason: "unordered", cell: targets[k].a1 });
      const end = flatEnd(xml, t);
      while (k < targets.length && targets[k].at.row < row) {
        out.push(xml.slice(copied, t.start), newRow(targets[k].at.row, takeRow(targets[k].at.row)));
        copied = t.start;
      }
      if (k < targets.length && targets[k].at.row === row) {
        out.push(xml.slice(copied, t.start), patchRow(xml.slice(t.start, end), row, takeRow(row)));
        copied = end;
      }
      prevRow = row;
      t = nextTag(xml, end);
    }
    if (k < targets.length) {
      if (!t) throw new PatchRefused({ reason: "damaged", detail: "sheetData not closed" });
      out.push(xml.slice(copied, t.start));
      while (k < targets.length) out.push(newRow(targets[k].at.row, takeRow(targets[k].at.row)));
      copied = t.start;
    }
  }
  out.push(xml.slice(copied));
  let result = out.join("");

  // The used range, when it is declared and a target lies outside it.
  const dim = findTag(result, "dimension", 0, result.indexOf("sheetData"));
  if (dim) {
    const dimText = result.slice(dim.start, dim.end);
    const ref = attribute(dimText, "ref");
    const r = ref ? rangeOf(ref) : null;
    if (r && targets.some((t) => !inRange(r, t.at))) {
      const from = { row: Math.min(r.from.row, ...targets.map((t) => t.at.row)), col: Math.min(r.from.col, ...targets.map((t) => t.at.col)) };
      const to = { row: Math.max(r.to.row, ...targets.map((t) => t.at.row)), col: Math.max(r.to.col, ...targets.map((t) => t.at.col)) };
      result = result.slice(0, dim.start) + withAttribute(dimText, "ref", `${toA1(from)}:${toA1(to)}`) + result.slice(dim.end);
    }
  }
  return { xml: result, formulasRemoved };
}
