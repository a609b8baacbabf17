/**
 * A printed table as a reader sees it: the cells drawn on each PDF page (from the ruled lines of the page rendered
 * by pdftoppm) and the words inside each cell (from pdftotext -bbox). Reading order does not matter: a word belongs
 * to the cell whose box holds it whole, so a label wrapped differently by another font still reads as one cell, and
 * a word that crosses a cell's edge (text clipped by a row too short for it) belongs to none.
 */
import { execFileSync } from "child_process";
import * as fs from "fs";
import * as path from "path";
import { tempDir } from "../fixtures/tempDir";

/** A box in PDF points, origin at the page's top left. */
export interface Box {
  readonly x0: number;
  readonly y0: number;
  readonly x1: number;
  readonly y1: number;
}

/** A word pdftotext found, with its box. */
export interface Word extends Box {
  readonly page: number;
  readonly text: string;
}

/** One ruled row of the table on a page: its vertical extent and the boxes of its cells, left to right. */
export interface TableRow {
  readonly page: number;
  readonly y0: number;
  readonly y1: number;
  readonly cells: readonly Box[];
}

/** Rendering resolution: one pixel is half a point, fine enough for a hairline border. */
const DPI = 144;
const PT_PER_PX = 72 / DPI;
/** A pixel at or below this grey level (0 black, 255 white) is ink; the table's fills are far lighter (~230). */
const INK = 160;
/** A word may overhang its cell's ruled line by this much (glyph boxes include side bearings). */
const SLACK = 0.75;

function decode(text: string): string {
  return text
    .replace(/&lt;/g, "<")
    .replace(/&gt;/g, ">")
    .replace(/&quot;/g, '"')
    .replace(/&#39;/g, "'")
    .replace(/&amp;/g, "&")
    .normalize("NFC");
}

/** Every word of the PDF with its page (1-based) and box. */
export function pdfWords(pdf: string): Word[] {
  const html = execFileSync("pdftotext", ["-bbox", pdf, "-"], { encoding: "utf8", maxBuffer: 64 * 1024 * 1024 });
  const words: Word[] = [];
  let page = 0;
  const re = /<page [^>]*>|<word xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="([\d.]+)">([^<]*)<\/word>/g;
  for (let m = re.exec(html); m; m = re.exec(html)) {
    if (m[0].startsWith("<page")) {
      page++;
      continue;
    }
    words.push({ page, x0: Number(m[1]), y0: Number(m[2]), x1: Number(m[3]), y1: Number(m[4]), text: decode(m[5]) });
  }
  return words;
}

interface Gray {
  readonly width: number;
  readonly height: number;
  readonly data: Uint8Array;
}

function renderPage(pdf: string, page: number): Gray {
  const dir = tempDir("cchc-page-");
  try {
    const prefix = path.join(dir, "p");
    execFileSync("pdftoppm", ["-gray", "-r", String(DPI), "-f", String(page), "-l", String(page), "-singlefile", pdf, prefix]);
    const bytes = fs.readFileSync(`${prefix}.pgm`);
    const header = /^P5\s+(\d+)\s+(\d+)\s+(\d+)\s/.exec(bytes.subarray(0, 64).toString("latin1"));
    if (!header || header[3] !== "255") throw new Error(`pdftoppm wrote an unexpected image header for page ${page} of ${pdf}`);
    const width = Number(header[1]);
    const height = Number(header[2]);
    return { width, height, data: bytes.subarray(header[0].length, header[0].length + width * height) };
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

/** Centres of runs of consecutive indices for which `isLine` holds (a ruled line is one or two pixels thick). */
function lineCentres(count: number, isLine: (i: number) => boolean): number[] {
  const out: number[] = [];
  for (let i = 0; i < count; ) {
    if (!isLine(i)) {
      i++;
      continue;
    }
    let j = i;
    while (j + 1 < count && isLine(j + 1)) j++;
    out.push((i + j) / 2);
    i = j + 1;
  }
  return out;
}

/**
 * The ruled rows of the table on `page`: the table's columns are the vertical lines running through most of its
 * height; a row ends where a horizontal line crosses the first column whole. Rows are returned top to bottom.
 */
export function tableRows(pdf: string, page: number): TableRow[] {
  const img = renderPage(pdf, page);
  const ink = (x: number, y: number) => img.data[y * img.width + x] <= INK;
  // Vertical lines: columns of pixels with a long unbroken run of ink (text never runs that far).
  const longestRun = (x: number) => {
    let best = 0;
    let run = 0;
    for (let y = 0; y < img.height; y++) {
      run = ink(x, y) ? run + 1 : 0;
      if (run > best) best = run;
    }
    return best;
  };
  const runs = Array.from({ length: img.width }, (_, x) => longestRun(x));
  const tallest = Math.max(...runs);
  const xs = lineCentres(img.width, (x) => runs[x] >= tallest * 0.5);
  if (xs.length < 2) throw new Error(`page ${page} of ${pdf}: no ruled table found`);
  // Horizontal lines across the first column, between its two vertical lines (their own pixels left out).
  const left = Math.ceil(xs[0]) + 2;
  const right = Math.floor(xs[1]) - 2;
  const ys = lineCentres(img.height, (y) => {
    let n = 0;
    for (let x = left; x <= right; x++) if (ink(x, y)) n++;
    return n >= (right - left + 1) * 0.9;
  });
  const rows: TableRow[] = [];
  for (let i = 0; i + 1 < ys.length; i++) {
    const y0 = ys[i] * PT_PER_PX;
    const y1 = ys[i + 1] * PT_PER_PX;
    const cells = xs.slice(0, -1).map((x, c) => ({ x0: x * PT_PER_PX, y0, x1: xs[c + 1] * PT_PER_PX, y1 }));
    rows.push({ page, y0, y1, cells });
  }
  return rows;
}

/** True when `word` lies whole inside `box` (give or take the glyphs' side bearings). */
export function inside(word: Box, box: Box): boolean {
  return word.x0 >= box.x0 - SLACK && word.x1 <= box.x1 + SLACK && word.y0 >= box.y0 - SLACK && word.y1 <= box.y1 + SLACK;
}

/** True when `word` and `box` share some area. */
export function overlaps(word: Box, box: Box): boolean {
  return word.x0 < box.x1 && word.x1 > box.x0 && word.y0 < box.y1 && word.y1 > box.y0;
}

/**
 * The text of the words inside `box` in reading order: lines top to bottom (words whose vertical centres are within
 * half a word's height share a line), words left to right, joined by single spaces.
 */
export function textIn(words: readonly Word[], page: number, box: Box): string {
  const mine = words.filter((w) => w.page === page && inside(w, box)).sort((a, b) => a.y0 + a.y1 - (b.y0 + b.y1));
  const lines: Word[][] = [];
  for (const w of mine) {
    const line = lines[lines.length - 1];
    const centre = (w.y0 + w.y1) / 2;
    if (line && Math.abs(centre - (line[0].y0 + line[0].y1) / 2) <= (w.y1 - w.y0) / 2) line.push(w);
    else lines.push([w]);
  }
  return lines
    .map((l) => l.sort((a, b) => a.x0 - b.x0).map((w) => w.text).join(" "))
    .join(" ");
}

/** The PDF's page count. */
export function pageCount(pdf: string): number {
  const info = execFileSync("pdfinfo", [pdf], { encoding: "utf8" });
  return Number(/Pages:\s+(\d+)/.exec(info)![1]);
}

/** The font names the PDF embeds, without their subset prefix ("LiberationSerif-Bold"). */
export function pdfFonts(pdf: string): string[] {
  const out = execFileSync("pdffonts", [pdf], { encoding: "utf8" });
  return out
    .split("\n")
    .slice(2)
    .map((l) => l.split(/\s+/)[0]?.replace(/^[A-Z]{6}\+/, ""))
    .filter((name): name is string => Boolean(name));
}
