/**
 * A worksheet part read as a stream of text chunks, SAX-like: each row and cell is handed over as it completes
 * and nothing is kept, so a sheet of a million cells costs no more memory than one chunk. Reading can stop at any
 * row (the rest of the part is then never inflated), or skip the cells past a row and still see the merged areas
 * and filter written after them. Browser-safe.
 */
import { attribute, detached, tagEnd, textContent } from "./xml";

/** One cell as the part writes it; texts are unescaped. */
export interface ScannedCell {
  /** 0-based */
  readonly row: number;
  readonly col: number;
  /** cell format index (0 when absent) */
  readonly style: number;
  /** the `t` attribute (null: number) */
  readonly type: string | null;
  /** the `<v>` text, or null */
  readonly value: string | null;
  /** the inline string (`<is>`), or null */
  readonly inline: string | null;
  /** the formula, or null */
  readonly formula: { readonly text: string; readonly type: string | null; readonly si: string | null; readonly ref: string | null } | null;
}

/** What the scan reports. A handler returning `false` stops the scan. */
export interface SheetHandlers {
  row?(row: number, hidden: boolean): void;
  cell?(cell: ScannedCell): boolean | void;
  merge?(ref: string): void;
  autoFilter?(): void;
}

const V = /<(?:[\w.-]+:)?v(?:\s[^>]*)?>([\s\S]*?)<\/(?:[\w.-]+:)?v\s*>/;
const F = /<(?:[\w.-]+:)?f(\s[^>]*?)?(\/>|>([\s\S]*?)<\/(?:[\w.-]+:)?f\s*>)/;
const IS = /<(?:[\w.-]+:)?is(?:\s[^>]*)?>([\s\S]*?)<\/(?:[\w.-]+:)?is\s*>/;

/** The text of a string item (`<si>` or `<is>` content): its `<t>` runs, phonetic runs (`<rPh>`) left out. */
export function stringItemText(inner: string): string {
  const clean = inner.includes("rPh") ? inner.replace(/<(?:[\w.-]+:)?rPh\b[\s\S]*?<\/(?:[\w.-]+:)?rPh\s*>/g, "") : inner;
  let out = "";
  for (const m of clean.matchAll(/<(?:[\w.-]+:)?t(?:\s[^>]*)?(?:\/>|>([\s\S]*?)<\/(?:[\w.-]+:)?t\s*>)/g)) out += m[1] ?? "";
  return detached(textContent(out));
}

/** "D12" -> {row 11, col 3}, by character codes: the scanner runs it on every cell of a sheet, so no regex or string copies. */
function columnOf(ref: string): { row: number; col: number } | null {
  let col = 0;
  let i = 0;
  for (; i < ref.length; i++) {
    const c = ref.charCodeAt(i) | 0x20;
    if (c < 0x61 || c > 0x7a) break;
    col = col * 26 + (c - 0x60);
  }
  const row = Number(ref.slice(i));
  if (i === 0 || !Number.isInteger(row) || row < 1) return null;
  return { row: row - 1, col: col - 1 };
}

/** Feeds on text chunks of one worksheet part. */
export class SheetScanner {
  private buf = "";
  private pos = 0;
  private row = -1;
  private col = -1;
  private stopped = false;
  private skipping = false;

  constructor(
    private readonly handlers: SheetHandlers,
    /** rows after this one (0-based) are skipped: their cells are not scanned, what follows sheetData still is */
    private readonly lastRow = Infinity,
    /** stop at the first row after `lastRow` instead (nothing after it is wanted) */
    private readonly stopAfterLastRow = false,
  ) {}

  /** Whether a handler asked to stop. */
  get done(): boolean {
    return this.stopped;
  }

  /** Scans `text` (the part's next chunk); false once the scan has stopped. */
  feed(text: string): boolean {
    if (this.stopped) return false;
    this.buf = this.pos < this.buf.length ? this.buf.slice(this.pos) + text : text;
    this.pos = 0;
    this.scan();
    return !this.stopped;
  }

  private scan(): void {
    const buf = this.buf;
    while (!this.stopped) {
      if (this.skipping) {
        const at = buf.indexOf("sheetData", this.pos);
        if (at < 0) {
          // Keep a tail in case the name is cut between chunks.
          this.pos = Math.max(this.pos, buf.length - 16);
          return;
        }
        const lt = buf.lastIndexOf("<", at);
        if (lt >= 0 && buf[lt + 1] === "/") this.skipping = false;
        this.pos = at + 9;
        continue;
      }
      const i = buf.indexOf("<", this.pos);
      if (i < 0) {
        this.pos = buf.length;
        return;
      }
      if (buf.length - i < 4) {
        this.pos = i;
        return;
      }
      if (buf.startsWith("<!--", i)) {
        const e = buf.indexOf("-->", i + 4);
        if (e < 0) return void (this.pos = i);
        this.pos = e + 3;
        continue;
      }
      if (buf[i + 1] === "?" || buf[i + 1] === "!") {
        const e = buf.indexOf(">", i);
        if (e < 0) return void (this.pos = i);
        this.pos = e + 1;
        continue;
      }
      const closing = buf[i + 1] === "/";
      let j = i + (closing ? 2 : 1);
      while (j < buf.length && /[\w:.-]/.test(buf[j])) j++;
      if (j >= buf.length) return void (this.pos = i);
      const qname = buf.slice(i + (closing ? 2 : 1), j);
      const local = qname.slice(qname.indexOf(":") + 1);
      let end: number;
      try {
        end = tagEnd(buf, i);
      } catch {
        return void (this.pos = i);
      }
      if (closing) {
        this.pos = end;
        continue;
      }
      const tag = buf.slice(i, end);
      if (local === "row") {
        const r = attribute(tag, "r");
        this.row = r !== undefined ? Number(r) - 1 : this.row + 1;
        this.col = -1;
        if (this.row > this.lastRow) {
          if (this.stopAfterLastRow) {
            this.stopped = true;
            return;
          }
          this.skipping = true;
          this.pos = end;
          continue;
        }
        const hidden = attribute(tag, "hidden");
        this.handlers.row?.(this.row, hidden === "1" || hidden === "true");
        this.pos = end;
        continue;
      }
      if (local === "c") {
        let inner = "";
        let next = end;
        if (buf[end - 2] !== "/") {
          const close = buf.indexOf(`</${qname}`, end);
          if (close < 0) return void (this.pos = i);
          const gt = buf.indexOf(">", close);
          if (gt < 0) return void (this.pos = i);
          inner = buf.slice(end, close);
          next = gt + 1;
        }
        this.pos = next;
        this.cell(tag, inner);
        continue;
      }
      if (local === "mergeCell") {
        const ref = attribute(tag, "ref");
        if (ref) this.handlers.merge?.(ref);
      } else if (local === "autoFilter") this.handlers.autoFilter?.();
      this.pos = end;
    }
  }

  private cell(tag: string, inner: string): void {
    const r = attribute(tag, "r");
    const at = r ? columnOf(r) : null;
    const col = at ? at.col : this.col + 1;
    this.col = col;
    if (!this.handlers.cell) return;
    const v = inner ? V.exec(inner) : null;
    const f = inner ? F.exec(inner) : null;
    const is = inner && !v ? IS.exec(inner) : null;
    const fTag = f ? `<f${f[1] ?? ""}>` : "";
    const cell: ScannedCell = {
      row: at ? at.row : this.row,
      col,
      style: Number(attribute(tag, "s") ?? 0) || 0,
      type: attribute(tag, "t") ?? null,
      value: v ? detached(textContent(v[1])) : null,
      inline: is ? stringItemText(is[1]) : null,
      formula: f ? { text: detached(textContent(f[3] ?? "")), type: attribute(fTag, "t") ?? null, si: attribute(fTag, "si") ?? null, ref: attribute(fTag, "ref") ?? null } : null,
    };
    if (this.handlers.cell(cell) === false) this.stopped = true;
  }

  /** Stops the scan (no more handlers are called). */
  stop(): void {
    this.stopped = true;
  }
}
