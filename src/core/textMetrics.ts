/**
 * How many lines a wrapped text takes in a spreadsheet column, for the row heights a template writes. Hosts do
 * not size rows to wrapped text when they open a file (LibreOffice keeps the height in the file, Excel too once a
 * row has one), so a row too short for its text prints clipped.
 *
 * The estimate is deliberately generous: it measures the text with Times New Roman's advance widths (the
 * template's font; Liberation Serif has the same metrics) plus a margin, in the column as Excel draws it (the
 * narrowest of the hosts: its column unit is Calibri's digit, 7 px, where LibreOffice without Calibri uses a wider
 * fallback digit). A wider fallback font (DejaVu Serif, where Times and Liberation are both missing) comes with
 * LibreOffice's wider columns and still fits: test/xlsx/templatePdf.test.ts prints the template both ways.
 */

/** Advance widths of Times New Roman, thousandths of an em, for " " (32) to "~" (126). */
const REGULAR = [
  250, 333, 408, 500, 500, 833, 778, 180, 333, 333, 500, 564, 250, 333, 250, 278, 500, 500, 500, 500, 500, 500, 500, 500,
  500, 500, 278, 278, 564, 564, 564, 444, 921, 722, 667, 667, 722, 611, 556, 722, 722, 333, 389, 722, 611, 889, 722, 722,
  556, 722, 667, 556, 611, 722, 722, 944, 722, 722, 611, 333, 278, 333, 469, 500, 333, 444, 500, 444, 500, 444, 333, 500,
  500, 278, 278, 500, 278, 778, 500, 500, 500, 500, 333, 389, 278, 500, 500, 722, 500, 500, 444, 480, 200, 480, 541,
];
/** The same for Times New Roman Bold. */
const BOLD = [
  250, 333, 555, 500, 500, 1000, 833, 278, 333, 333, 500, 570, 250, 333, 250, 278, 500, 500, 500, 500, 500, 500, 500, 500,
  500, 500, 333, 333, 570, 570, 570, 500, 930, 722, 667, 722, 722, 667, 611, 778, 778, 389, 500, 778, 667, 944, 722, 778,
  611, 778, 722, 556, 667, 722, 722, 1000, 722, 722, 667, 333, 278, 333, 581, 500, 333, 500, 556, 444, 556, 444, 333, 500,
  556, 278, 333, 556, 278, 833, 556, 500, 556, 556, 444, 389, 333, 556, 500, 722, 500, 500, 444, 394, 220, 394, 520,
];
/** Characters outside that range the forms use; anything else counts as the widest letter. */
const OTHER: Readonly<Record<string, number>> = { "…": 1000, "–": 500, "—": 1000, "“": 500, "”": 500, "‘": 333, "’": 333, "đ": 556, "Đ": 722 };
const UNKNOWN = 1000;
/** The horn of ơ and ư widens the letter (its NFD form is the plain letter and U+031B); other marks take no room. */
const HORN = 60;

/** Room left for the fonts a reader may have instead (and for rounding to whole pixels): 10% on every width. */
const MARGIN = 1.1;

/** Excel's column unit: the widest digit of its default font (Calibri 11), in pixels at 96 dpi. */
const DIGIT_PX = 7;
/** Pixels of a column no text may use (the cell's inner padding and the grid line). */
const COLUMN_PADDING_PX = 5;
/** Pixels one indent level moves the text. */
const INDENT_PX = 10;
const PT_PER_PX = 0.75;

/** How a text is set: size in points, bold, indent levels. */
export interface TextStyle {
  readonly fontSize?: number;
  readonly bold?: boolean;
  readonly indent?: number;
}

/** Width of `text` in points as Times New Roman sets it, margin included. */
export function textWidth(text: string, style: TextStyle = {}): number {
  const table = style.bold ? BOLD : REGULAR;
  let em = 0;
  for (const ch of text.normalize("NFD")) {
    const code = ch.codePointAt(0)!;
    if (code >= 32 && code <= 126) em += table[code - 32];
    else if (code === 0x31b) em += HORN;
    else if (code >= 0x300 && code <= 0x36f) continue;
    else em += OTHER[ch] ?? UNKNOWN;
  }
  return (em / 1000) * (style.fontSize ?? 11) * MARGIN;
}

/** Points of text a column `width` Excel units wide holds on one line (Excel's own rounding of the unit). */
export function columnTextWidth(width: number, indent = 0): number {
  const px = Math.trunc(((256 * width + Math.trunc(128 / DIGIT_PX)) / 256) * DIGIT_PX);
  return Math.max(1, (px - COLUMN_PADDING_PX - indent * INDENT_PX) * PT_PER_PX);
}

/** Lines `text` takes in a column `width` Excel units wide: a greedy word wrap; a word too long breaks anywhere. */
export function wrappedLines(text: string, width: number, style: TextStyle = {}): number {
  const room = columnTextWidth(width, style.indent ?? 0);
  const space = textWidth(" ", style);
  let lines = 0;
  for (const paragraph of text.split("\n")) {
    lines++;
    let used = 0;
    for (const word of paragraph.split(/\s+/).filter(Boolean)) {
      const w = textWidth(word, style);
      if (used > 0 && used + space + w <= room) used += space + w;
      else if (used === 0 && w <= room) used = w;
      else {
        if (used > 0) lines++;
        lines += Math.ceil(w / room) - 1;
        used = w % room || room;
      }
    }
  }
  return lines;
}

/** Points a row needs for `lines` lines of a `fontSize`-point text: the font's line spacing and some padding. */
export function rowHeightFor(lines: number, fontSize = 11): number {
  return Math.round(Math.max(1, lines) * fontSize * 1.32 * 2) / 2 + 3;
}
