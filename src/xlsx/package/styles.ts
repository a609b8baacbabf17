/**
 * The workbook's styles part, read for number formats and edited in one way only: a cell whose number format
 * must change gets a new cell format (xf) cloned from its current one with only the number format changed, so no
 * other cell sharing that style changes. The part's other characters stay as they were.
 */
import { BUILTIN_NUMBER_FORMATS, builtinFormatId } from "./numberFormats";
import { attribute, escapeXml, findTag, nextTag, withAttribute, type Tag } from "./xml";

/** The `<xf>` elements of `<cellXfs>`, as [start, end) ranges of the text. */
function cellXfRanges(xml: string): { container: Tag | null; ranges: [number, number][] } {
  const container = findTag(xml, "cellXfs");
  const ranges: [number, number][] = [];
  if (!container || container.kind === "empty") return { container, ranges };
  let depth = 0;
  let open = -1;
  for (let t = nextTag(xml, container.end); t; t = nextTag(xml, t.end)) {
    if (t.local === "cellXfs" && t.kind === "end") break;
    if (t.local !== "xf") continue;
    if (t.kind === "empty" && depth === 0) ranges.push([t.start, t.end]);
    else if (t.kind === "start") {
      if (depth++ === 0) open = t.start;
    } else if (t.kind === "end" && --depth === 0) ranges.push([open, t.end]);
  }
  return { container, ranges };
}

/** Custom formats of `<numFmts>`: id -> format text. */
export function customFormats(xml: string): Map<number, string> {
  const out = new Map<number, string>();
  const container = findTag(xml, "numFmts");
  if (!container || container.kind === "empty") return out;
  for (let t = nextTag(xml, container.end); t && !(t.local === "numFmts" && t.kind === "end"); t = nextTag(xml, t.end)) {
    if (t.local !== "numFmt" || t.kind === "end") continue;
    const tagText = xml.slice(t.start, t.end);
    const id = Number(attribute(tagText, "numFmtId"));
    const code = attribute(tagText, "formatCode");
    if (Number.isInteger(id) && code !== undefined) out.set(id, code);
  }
  return out;
}

/** The number format of every cell format (xf) of `<cellXfs>`, by index: "General" where none is given. */
export function cellFormatCodes(xml: string): string[] {
  const custom = customFormats(xml);
  return cellXfRanges(xml).ranges.map(([s]) => {
    const tagText = xml.slice(s, xml.indexOf(">", s) + 1);
    const id = Number(attribute(tagText, "numFmtId") ?? 0);
    return custom.get(id) ?? BUILTIN_NUMBER_FORMATS[id] ?? "General";
  });
}

/** Edits of the styles part: new cell formats cloned with another number format, and the formats they need. */
export class StylesEditor {
  private readonly custom: Map<number, string>;
  private readonly codes: string[];
  private readonly ranges: [number, number][];
  private readonly addedFormats: { id: number; code: string }[] = [];
  private readonly addedXfs: string[] = [];
  private readonly clones = new Map<string, number>();

  constructor(private readonly xml: string) {
    this.custom = customFormats(xml);
    this.ranges = cellXfRanges(xml).ranges;
    this.codes = cellFormatCodes(xml);
  }

  /** How many cell formats there are now (new ones included). */
  get count(): number {
    return this.ranges.length + this.addedXfs.length;
  }

  /** The number format of cell format `index` (index 0 when the sheet names one that does not exist, as Excel does). */
  formatOf(index: number): string {
    return this.codes[index] ?? this.codes[0] ?? "General";
  }

  private formatId(code: string): number {
    const builtin = builtinFormatId(code);
    if (builtin !== undefined) return builtin;
    for (const [id, c] of this.custom) if (c === code) return id;
    const added = this.addedFormats.find((f) => f.code === code);
    if (added) return added.id;
    const id = Math.max(163, ...this.custom.keys(), ...this.addedFormats.map((f) => f.id)) + 1;
    this.addedFormats.push({ id, code });
    return id;
  }

  /**
   * The cell format to give a cell now using `index` so that it shows `code`: `index` itself when it already
   * does, otherwise a clone of it (the same clone for every cell asking the same).
   */
  withFormat(index: number, code: string): number {
    if (this.formatOf(index) === code) return index;
    const base = index < this.ranges.length ? index : 0;
    const key = `${base}\u0000${code}`;
    const known = this.clones.get(key);
    if (known !== undefined) return known;
    // No cell formats to clone (every cell shows General): the cell keeps its style, without a number format.
    if (this.ranges.length === 0) return index;
    const [s, e] = this.ranges[base];
    const element = this.xml.slice(s, e);
    const tagEnd = element.indexOf(">") + 1;
    let tag = element.slice(0, tagEnd);
    tag = withAttribute(withAttribute(tag, "numFmtId", String(this.formatId(code))), "applyNumberFormat", "1");
    this.addedXfs.push(tag + element.slice(tagEnd));
    const index2 = this.ranges.length + this.addedXfs.length - 1;
    this.codes[index2] = code;
    this.clones.set(key, index2);
    return index2;
  }

  /** Whether anything was added. */
  get changed(): boolean {
    return this.addedXfs.length > 0;
  }

  /** The styles part with the additions: formats appended to `<numFmts>` (made when missing), xfs to `<cellXfs>`. */
  text(): string {
    if (!this.changed) return this.xml;
    let xml = this.xml;
    // cellXfs first: it comes after numFmts, so editing it leaves numFmts' offsets alone.
    const xfs = findTag(xml, "cellXfs")!;
    const xfsEnd = xfs.kind === "empty" ? xfs.end : closingStart(xml, xfs);
    const xfsTag = withAttribute(xml.slice(xfs.start, xfs.end), "count", String(this.count));
    if (xfs.kind === "empty") {
      const open = xfsTag.replace(/\s*\/>$/, ">");
      xml = `${xml.slice(0, xfs.start)}${open}${this.addedXfs.join("")}</${xfs.qname}>${xml.slice(xfs.end)}`;
    } else {
      xml = `${xml.slice(0, xfs.start)}${xfsTag}${xml.slice(xfs.end, xfsEnd)}${this.addedXfs.join("")}${xml.slice(xfsEnd)}`;
    }
    if (this.addedFormats.length) {
      const prefix = xfs.prefix;
      const added = this.addedFormats.map((f) => `<${prefix}numFmt numFmtId="${f.id}" formatCode="${escapeXml(f.code)}"/>`).join("");
      const fmts = findTag(xml, "numFmts");
      const total = String(this.custom.size + this.addedFormats.length);
      if (!fmts) {
        // numFmts is the first child of styleSheet.
        const sheet = findTag(xml, "styleSheet")!;
        xml = `${xml.slice(0, sheet.end)}<${prefix}numFmts count="${total}">${added}</${prefix}numFmts>${xml.slice(sheet.end)}`;
      } else if (fmts.kind === "empty") {
        const open = withAttribute(xml.slice(fmts.start, fmts.end), "count", total).replace(/\s*\/>$/, ">");
        xml = `${xml.slice(0, fmts.start)}${open}${added}</${fmts.qname}>${xml.slice(fmts.end)}`;
      } else {
        const end = closingStart(xml, fmts);
        const open = withAttribute(xml.slice(fmts.start, fmts.end), "count", total);
        xml = `${xml.slice(0, fmts.start)}${open}${xml.slice(fmts.end, end)}${added}${xml.slice(end)}`;
      }
    }
    return xml;
  }
}

function closingStart(xml: string, tag: Tag): number {
  for (let t = nextTag(xml, tag.end); t; t = nextTag(xml, t.end)) if (t.qname === tag.qname && t.kind === "end") return t.start;
  throw new Error(`<${tag.qname}> not closed`);
}
