/**
 * What the summary workbook's sheets share: the font, borders and fills, row heights for wrapped text, and a writer
 * that commits each row as it goes (the command line's streaming WorkbookWriter never holds a thousand units).
 */
import ExcelJS from "exceljs";
import { wrappedLines } from "../core";

/** The summary workbook's font, as the appendix is printed. */
export const FONT = "Times New Roman";
const THIN: Partial<ExcelJS.Border> = { style: "thin", color: { argb: "FF000000" } };
export const BORDER: Partial<ExcelJS.Borders> = { top: THIN, left: THIN, bottom: THIN, right: THIN };
const fill = (hex: string): ExcelJS.Fill => ({ type: "pattern", pattern: "solid", fgColor: { argb: `FF${hex}` } });
/** Fills: headers, section rows, totals, a unit to review (its header and cells), a ready unit's status row. */
export const HEADER_FILL = fill("DDEBF7");
export const SECTION_FILL = fill("DDEBF7");
export const TOTAL_FILL = fill("E2EFDA");
export const MARKED_HEADER_FILL = fill("F8CBAD");
export const MARKED_FILL = fill("FCE4D6");
export const READY_FILL = fill("E2EFDA");

/** Points a row needs for its wrapped texts: hosts keep the default height when they open a file. */
export function rowHeight(texts: readonly { text: string; width: number; size?: number }[]): number | undefined {
  const lines = Math.max(1, ...texts.map((t) => wrappedLines(t.text, t.width, { fontSize: t.size ?? 11 })));
  return lines > 1 ? lines * 14.5 + 3 : undefined;
}

/** An ExcelJS cell, and what it holds. */
export type Cell = ExcelJS.Cell;
export type Value = ExcelJS.CellValue;

/** Sets the workbook's font on a cell, with `extra` (bold, size, colour...). */
export function font(cell: Cell, extra: Partial<ExcelJS.Font> = {}): void {
  cell.font = { name: FONT, size: 11, ...extra };
}

/** A formula with its computed result, so the file reads right before any recalculation. */
export function formula(text: string, result: number | string | null): Value {
  // ExcelJS writes the cached result next to the formula; "" is how a blank-looking formula result is cached.
  return { formula: text, result: result ?? "" } as ExcelJS.CellFormulaValue;
}

/** A worksheet written row after row and committed as it goes (a no-op for an in-memory workbook). */
export class RowWriter {
  private next = 1;
  constructor(readonly ws: ExcelJS.Worksheet) {}
  /** The 1-based number of the row the next `row` call writes. */
  get rowNumber(): number {
    return this.next;
  }
  row(fillRow: (row: ExcelJS.Row, n: number) => void, height?: number): void {
    const row = this.ws.getRow(this.next);
    if (height) row.height = height;
    fillRow(row, this.next);
    row.commit();
    this.next++;
  }
  done(): void {
    // The streaming writer's worksheets have commit(); an in-memory worksheet has nothing to flush.
    (this.ws as unknown as { commit?: () => void }).commit?.();
  }
}

/**
 * A sheet of one header row and one row per item (the status and findings sheets). A step per row written: whoever
 * drives the steps may let a streaming writer's output catch up between them (writeSteps, the command line).
 */
export function* writeTable(
  ws: ExcelJS.Worksheet,
  headers: readonly string[],
  widths: readonly number[],
  rows: Iterable<{ values: Value[]; fill?: ExcelJS.Fill }>,
): Generator<void, void, undefined> {
  widths.forEach((width, i) => (ws.getColumn(i + 1).width = width));
  const out = new RowWriter(ws);
  out.row((row) =>
    headers.forEach((h, i) => {
      const cell = row.getCell(i + 1);
      cell.value = h;
      font(cell, { bold: true });
      cell.fill = HEADER_FILL;
      cell.border = BORDER;
      cell.alignment = { horizontal: "center", vertical: "middle", wrapText: true };
    }),
  );
  for (const r of rows) {
    const height = rowHeight(r.values.map((v, i) => ({ text: typeof v === "string" ? v : "", width: widths[i] ?? 10 })));
    out.row(
      (row) =>
        r.values.forEach((v, i) => {
          const cell = row.getCell(i + 1);
          cell.value = v;
          font(cell);
          cell.border = BORDER;
          cell.alignment = { vertical: "top", wrapText: true };
          if (r.fill) cell.fill = r.fill;
        }),
      height,
    );
    yield;
  }
  out.done();
}

/** Runs writing steps to their end at once (an in-memory workbook, or a small one). */
export function writeSteps(steps: Iterable<void>): void {
  for (const step of steps) void step;
}
