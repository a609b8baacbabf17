/**
 * A consolidation -> TONG_HOP.xlsx: a summary sheet (indicators as rows, units as columns, totals as formulas
 * with their computed values), a status sheet and a findings sheet. Browser-safe: it writes into any ExcelJS
 * workbook, including the streaming `WorkbookWriter` the command line uses so that a thousand units never sit
 * in memory as cell objects (every row is committed as soon as it is written).
 */
import ExcelJS from "exceljs";
import { cellA1, columnLetters } from "../core/address";
import type { Indicator, IndicatorKind } from "../core/catalog/model";
import { templates } from "../core/catalog";
import type { Template } from "../core/catalog/model";
import { checkWorkbook } from "../core/checkWorkbook";
import { consolidate, unitReport, type Consolidation, type SummaryRow, type SummaryTotal, type UnitFailure, type UnitReport } from "../core/consolidate";
import type { AppendixFailure } from "../core/location";
import { wrappedLines } from "../core/textMetrics";
import { formatFinding, shortLabel } from "../core/messages";
import { consolidateMessages, formatIssue, periodLabel } from "../core/messages/consolidate";
import type { Lang } from "../core/lang";
import type { Grid } from "../core/grid";
import type { Period } from "../core/titleInfo";
import { WorkbookReadError, loadWorkbook, worksheetGrid, type WorkbookBytes, type WorkbookReadFailure } from "./readWorkbook";

const FONT = "Times New Roman";
const THIN: Partial<ExcelJS.Border> = { style: "thin", color: { argb: "FF000000" } };
const BORDER: Partial<ExcelJS.Borders> = { top: THIN, left: THIN, bottom: THIN, right: THIN };
const fill = (hex: string): ExcelJS.Fill => ({ type: "pattern", pattern: "solid", fgColor: { argb: `FF${hex}` } });
const HEADER_FILL = fill("DDEBF7");
const SECTION_FILL = fill("DDEBF7");
const TOTAL_FILL = fill("E2EFDA");
const MARKED_HEADER_FILL = fill("F8CBAD");
const MARKED_FILL = fill("FCE4D6");
const READY_FILL = fill("E2EFDA");

/** Summary sheet columns, 1-based: the fixed ones, then one per unit from UNIT_COL. */
export const SUMMARY_COLUMNS = { stt: 1, label: 2, unit: 3, total: 4, reported: 5, method: 6 } as const;
/** First unit column (1-based): G. */
export const UNIT_COL = 7;
/** 1-based row of the first summary header row; the table starts HEADER_ROWS below it. */
export const SUMMARY_HEADER_ROW = 6;
const HEADER_ROWS = 3;
/** 1-based row of the first table row of the summary (section I). */
export const SUMMARY_FIRST_ROW = SUMMARY_HEADER_ROW + HEADER_ROWS;

/** Column widths of the summary (Excel character units): the fixed columns, then every unit column. */
const SUMMARY_WIDTHS = [6, 52, 13, 14, 11, 30];
const UNIT_WIDTH = 18;

/** Points a row needs for its wrapped texts: hosts keep the default height when they open a file. */
function rowHeight(texts: readonly { text: string; width: number; size?: number }[]): number | undefined {
  const lines = Math.max(1, ...texts.map((t) => wrappedLines(t.text, t.width, { fontSize: t.size ?? 11 })));
  return lines > 1 ? lines * 14.5 + 3 : undefined;
}

const NUMBER_FORMAT: Readonly<Partial<Record<IndicatorKind, string>>> = { count: "#,##0", percent: "0.00", flag: "0", choice: "0" };

type Cell = ExcelJS.Cell;
type Value = ExcelJS.CellValue;

function font(cell: Cell, extra: Partial<ExcelJS.Font> = {}): void {
  cell.font = { name: FONT, size: 11, ...extra };
}

function formula(text: string, result: number | string | null): Value {
  // ExcelJS writes the cached result next to the formula; "" is how a blank-looking formula result is cached.
  return { formula: text, result: result ?? "" } as ExcelJS.CellFormulaValue;
}

/** A worksheet written row after row and committed as it goes (a no-op for an in-memory workbook). */
class RowWriter {
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

function methodText(total: SummaryTotal, ind: Indicator, c: Consolidation, lang: Lang): string {
  const w = consolidateMessages(lang).workbook;
  const label = (id: string) => shortLabel(c.template.indicators.find((i) => i.id === id)?.label ?? id);
  switch (total.method) {
    case "sum":
      return w.methodSum;
    case "rate":
      return w.methodRate(label(total.numerator), label(total.denominator));
    case "yes_count":
      return w.methodYes(ind.codes?.find((k) => k.value === total.yes)?.label ?? String(total.yes));
    case "choice_counts":
      return w.methodChoice;
    default:
      return ind.kind === "percent" ? w.methodNoneRate : ind.kind === "group" ? "" : w.methodNone;
  }
}

/** The value a total cell shows: a formula's cached result, or the plain value. */
function shownTotal(v: Value): unknown {
  return v && typeof v === "object" && "formula" in v ? (v as ExcelJS.CellFormulaValue).result : v;
}

/** Text literal for a formula: "…" with quotes doubled. */
const quoted = (s: string) => `"${s.replace(/"/g, '""')}"`;

/** The total cell of one row: formula over the unit columns plus its value as the model computed it. */
function totalCell(total: SummaryTotal, range: string | null, rowOf: ReadonlyMap<string, number>): Value {
  const D = columnLetters(SUMMARY_COLUMNS.total - 1);
  switch (total.method) {
    case "sum":
      return range ? formula(`IF(COUNT(${range})=0,"",SUM(${range}))`, total.value) : null;
    case "rate": {
      const num = `${D}${rowOf.get(total.numerator)}`;
      const den = `${D}${rowOf.get(total.denominator)}`;
      return formula(`IF(OR(${num}="",N(${den})=0),"",ROUND(${num}/${den}*100,2))`, total.value);
    }
    case "yes_count":
      return range ? formula(`COUNTIF(${range},${total.yes})`, total.value) : 0;
    case "choice_counts": {
      const text = total.counts.map((k) => `${k.label}: ${k.count}`).join("; ");
      if (!range) return text;
      const parts = total.counts.map((k, i) => `${quoted(`${i ? "; " : ""}${k.label}: `)}&COUNTIF(${range},${k.value})`);
      return formula(parts.join("&"), text);
    }
    default:
      return null;
  }
}

function writeSummary(ws: ExcelJS.Worksheet, c: Consolidation, lang: Lang): void {
  const w = consolidateMessages(lang).workbook;
  const units = c.columns.length;
  const lastCol = Math.max(SUMMARY_COLUMNS.method, UNIT_COL + units - 1);
  for (let i = 1; i <= lastCol; i++) ws.getColumn(i).width = i <= SUMMARY_WIDTHS.length ? SUMMARY_WIDTHS[i - 1] : UNIT_WIDTH;
  const out = new RowWriter(ws);
  const wide = (text: string, style: Partial<ExcelJS.Font>, height?: number) =>
    out.row((row, n) => {
      const cell = row.getCell(1);
      cell.value = text;
      font(cell, style);
      cell.alignment = { horizontal: "center", vertical: "middle", wrapText: true };
      ws.mergeCells(n, 1, n, SUMMARY_COLUMNS.method);
    }, height);

  const ready = c.statuses.filter((s) => s.ready).length;
  const marked = c.columns.filter((x) => x.marked).length;
  const left = c.statuses.filter((s) => s.column === null).length;
  wide(w.title, { bold: true, size: 13 }, 22);
  wide(w.periodLine(periodLabel(c.period, lang)), { bold: true, size: 12 });
  wide(w.unitsLine(units, ready, marked, left), { italic: true });
  wide(w.legend, { italic: true, size: 10 }, 42);
  out.row(() => undefined);

  // Three header rows: the fixed headers span them; each unit has its name, its file and its state.
  const header = (cell: Cell, value: Value, markedUnit = false) => {
    // Setting a merged cell's lower part would overwrite its top-left text in an in-memory workbook.
    if (value !== null) cell.value = value;
    font(cell, { bold: true });
    cell.alignment = { horizontal: "center", vertical: "middle", wrapText: true };
    cell.border = BORDER;
    cell.fill = markedUnit ? MARKED_HEADER_FILL : HEADER_FILL;
  };
  const fixed = [w.stt, w.indicator, w.unit, w.total, w.reported, w.method];
  // Merged before their rows are written: the streaming writer cannot touch a committed row.
  for (let i = 1; i <= SUMMARY_COLUMNS.method; i++) ws.mergeCells(SUMMARY_HEADER_ROW, i, SUMMARY_HEADER_ROW + HEADER_ROWS - 1, i);
  for (let h = 0; h < HEADER_ROWS; h++) {
    out.row(
      (row) => {
        fixed.forEach((text, i) => header(row.getCell(i + 1), h === 0 ? text : null));
        c.columns.forEach((col, i) => {
          const value = h === 0 ? col.unit : h === 1 ? col.file.replace(/^.*[\\/]/, "") : col.marked ? w.notReady : w.ready;
          header(row.getCell(UNIT_COL + i), value, col.marked);
          if (h === 1) font(row.getCell(UNIT_COL + i), { italic: true, size: 9 });
        });
      },
      h === 0 ? Math.max(48, rowHeight(c.columns.map((col) => ({ text: col.unit, width: UNIT_WIDTH - 2 }))) ?? 0) : undefined,
    );
  }

  // Rows are numbered before they are written: a rate refers to its numerator's and denominator's total cells.
  const rowOf = new Map<string, number>();
  c.rows.forEach((r, i) => {
    if (r.kind === "indicator") rowOf.set(r.indicator.id, SUMMARY_FIRST_ROW + i);
  });
  const firstUnit = columnLetters(UNIT_COL - 1);
  const lastUnit = columnLetters(UNIT_COL + units - 2);
  for (const r of c.rows) out.row((row, n) => writeSummaryRow(row, n, r, c, lang, units ? `${firstUnit}${n}:${lastUnit}${n}` : null, rowOf));
  out.done();
}

function writeSummaryRow(
  row: ExcelJS.Row,
  n: number,
  r: SummaryRow,
  c: Consolidation,
  lang: Lang,
  range: string | null,
  rowOf: ReadonlyMap<string, number>,
): void {
  const lastCol = UNIT_COL + c.columns.length - 1;
  const cellAt = (col: number) => {
    const cell = row.getCell(col);
    font(cell);
    cell.border = BORDER;
    cell.alignment = { vertical: "middle", horizontal: "center" };
    return cell;
  };
  if (r.kind === "section") {
    for (let col = 1; col <= Math.max(lastCol, SUMMARY_COLUMNS.method); col++) {
      const cell = cellAt(col);
      cell.fill = SECTION_FILL;
      font(cell, { bold: true });
    }
    row.getCell(SUMMARY_COLUMNS.stt).value = r.stt;
    row.getCell(SUMMARY_COLUMNS.label).value = r.label;
    row.getCell(SUMMARY_COLUMNS.label).alignment = { vertical: "middle", horizontal: "left", wrapText: true };
    const height = rowHeight([{ text: r.label, width: SUMMARY_WIDTHS[1], size: 12 }]);
    if (height) row.height = height;
    return;
  }
  const ind = r.indicator;
  const format = NUMBER_FORMAT[ind.kind];
  const stt = cellAt(SUMMARY_COLUMNS.stt);
  stt.value = /^\d+$/.test(ind.stt) ? Number(ind.stt) : ind.stt || null;
  const label = cellAt(SUMMARY_COLUMNS.label);
  label.value = ind.label;
  label.alignment = { vertical: "middle", horizontal: "left", wrapText: true, ...(ind.level > 0 ? { indent: Math.min(ind.level, 2) } : {}) };
  if (ind.kind === "group") font(label, { bold: ind.level > 0 });
  const unit = cellAt(SUMMARY_COLUMNS.unit);
  unit.value = ind.unit || null;
  font(unit, { size: 10 });
  unit.alignment = { vertical: "middle", horizontal: "center", wrapText: true };

  const total = cellAt(SUMMARY_COLUMNS.total);
  total.value = totalCell(r.total, range, rowOf);
  total.fill = TOTAL_FILL;
  font(total, { bold: true });
  if (r.total.method === "sum") total.numFmt = "#,##0";
  if (r.total.method === "rate") total.numFmt = "0.00";
  if (r.total.method === "choice_counts") total.alignment = { vertical: "middle", horizontal: "left", wrapText: true };
  const reported = cellAt(SUMMARY_COLUMNS.reported);
  if (ind.kind !== "group") {
    reported.value = range ? formula(`${ind.kind === "text" ? "COUNTA" : "COUNT"}(${range})`, r.reported) : 0;
  }
  const method = cellAt(SUMMARY_COLUMNS.method);
  method.value = methodText(r.total, ind, c, lang) || null;
  font(method, { size: 10, italic: true });
  method.alignment = { vertical: "middle", horizontal: "left", wrapText: true };

  const wrapped = [
    { text: ind.label, width: SUMMARY_WIDTHS[1] - 2 * Math.min(ind.level, 2) },
    { text: ind.unit, width: SUMMARY_WIDTHS[2], size: 10 },
    { text: String(method.value ?? ""), width: SUMMARY_WIDTHS[5], size: 10 },
    ...(r.total.method === "choice_counts" ? [{ text: String(shownTotal(total.value)), width: SUMMARY_WIDTHS[3] }] : []),
    ...(ind.kind === "text" ? r.values.map((v) => ({ text: String(v ?? ""), width: UNIT_WIDTH })) : []),
  ];
  const height = rowHeight(wrapped);
  if (height) row.height = height;

  r.values.forEach((v, i) => {
    const cell = cellAt(UNIT_COL + i);
    cell.value = v;
    if (format) cell.numFmt = format;
    if (ind.kind === "text") cell.alignment = { vertical: "middle", horizontal: "left", wrapText: true };
    if (c.columns[i].marked) cell.fill = MARKED_FILL;
    // The calculator's value where the unit left a total or rate blank: italic, so it reads as derived.
    if (r.computed[i]) font(cell, { italic: true, color: { argb: "FF375623" } });
  });
}

function writeTable(ws: ExcelJS.Worksheet, headers: readonly string[], widths: readonly number[], rows: Iterable<{ values: Value[]; fill?: ExcelJS.Fill }>): void {
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
  }
  out.done();
}

function* statusRows(c: Consolidation, lang: Lang): Generator<{ values: Value[]; fill?: ExcelJS.Fill }> {
  const m = consolidateMessages(lang);
  let n = 0;
  for (const s of c.statuses) {
    yield {
      values: [
        ++n,
        s.unit,
        s.file,
        periodLabel(s.period, lang),
        s.templateId,
        s.errors,
        s.warnings,
        s.infos,
        s.ready ? m.yes : m.no,
        s.column === null ? m.workbook.leftOut : columnLetters(UNIT_COL - 1 + s.column),
        s.issues.map((i) => `${m.severity[i.severity]}: ${formatIssue(i, lang, c.template)}`).join("\n") || null,
      ],
      fill: s.ready ? READY_FILL : MARKED_FILL,
    };
  }
}

function* findingRows(c: Consolidation, lang: Lang): Generator<{ values: Value[] }> {
  const m = consolidateMessages(lang);
  for (const s of c.statuses) {
    for (const i of s.issues) {
      yield { values: [s.unit, s.file, s.sheet, m.workbook.wholeFile, m.severity[i.severity], i.code, formatIssue(i, lang, c.template)] };
    }
    for (const f of s.findings) {
      yield { values: [s.unit, s.file, s.sheet, cellA1(f.cell), m.severity[f.severity], f.code, formatFinding(f, lang, c.template)] };
    }
  }
}

/**
 * Adds the summary, status and findings sheets of `c` to `workbook`. Every formula carries its computed value,
 * so the file reads right before any recalculation; the values are the model's, the same the formulas give.
 */
export function writeConsolidation(workbook: ExcelJS.Workbook, c: Consolidation, lang: Lang = "vi"): void {
  const w = consolidateMessages(lang).workbook;
  // Frozen headers on screen; landscape A4, fit to width, header rows repeated on every printed page.
  const sheet = (xSplit: number, ySplit: number, titleRows: string): Partial<ExcelJS.AddWorksheetOptions> => ({
    views: [{ state: "frozen", xSplit, ySplit, topLeftCell: `${columnLetters(xSplit)}${ySplit + 1}` }],
    pageSetup: { paperSize: 9, orientation: "landscape", fitToPage: true, fitToWidth: 1, fitToHeight: 0, printTitlesRow: titleRows },
  });
  const summary = workbook.addWorksheet(
    w.summarySheet,
    sheet(SUMMARY_COLUMNS.total, SUMMARY_FIRST_ROW - 1, `${SUMMARY_HEADER_ROW}:${SUMMARY_FIRST_ROW - 1}`),
  );
  writeSummary(summary, c, lang);
  const h = w.statusHeaders;
  writeTable(
    workbook.addWorksheet(w.statusSheet, sheet(0, 1, "1:1")),
    [h.stt, h.unit, h.file, h.period, h.template, h.errors, h.warnings, h.infos, h.ready, h.column, h.issues],
    [6, 36, 30, 20, 16, 8, 10, 10, 10, 14, 80],
    statusRows(c, lang),
  );
  const f = w.findingsHeaders;
  writeTable(
    workbook.addWorksheet(w.findingsSheet, sheet(0, 1, "1:1")),
    [f.unit, f.file, f.sheet, f.cell, f.severity, f.code, f.message],
    [30, 26, 14, 8, 12, 26, 90],
    findingRows(c, lang),
  );
}

/** A new in-memory workbook holding the consolidation (the pane; small batches). */
export function consolidationWorkbook(c: Consolidation, lang: Lang = "vi"): ExcelJS.Workbook {
  const workbook = new ExcelJS.Workbook();
  workbook.creator = "cchc";
  writeConsolidation(workbook, c, lang);
  return workbook;
}

/** Sentences a surface may attach to a failed file (the command line has its own); absent, the issue's text suffices. */
export interface FailureWords {
  readonly readFailure?: (reason: WorkbookReadFailure) => string;
  readonly noAppendix?: (failure: AppendixFailure) => string;
}

/**
 * One unit's .xlsx reduced to what the consolidation keeps: read, locate, analyze, reduce. The workbook is dropped on
 * return, so a caller looping over files holds one at a time. Browser-safe: the pane and the command line share it.
 */
export async function unitFromBytes(
  file: string,
  bytes: WorkbookBytes,
  words: FailureWords = {},
  candidates: readonly Template[] = templates,
): Promise<UnitReport | UnitFailure> {
  let workbook: ExcelJS.Workbook;
  try {
    workbook = await loadWorkbook(bytes);
  } catch (e) {
    if (!(e instanceof WorkbookReadError)) throw e;
    return { file, failure: "unreadable", ...(words.readFailure ? { detail: words.readFailure(e.reason) } : {}) };
  }
  const sheets = workbook.worksheets.map((w) => ({ name: w.name, grid: worksheetGrid(w) }));
  const check = checkWorkbook(sheets, candidates);
  if (!check.found) return { file, failure: "no_appendix", ...(words.noAppendix ? { detail: words.noAppendix(check.failure) } : {}) };
  const grid = sheets.find((s) => s.name === check.sheet)?.grid as Grid;
  return unitReport(file, grid, check);
}

/**
 * The whole consolidation for a surface holding the files' bytes (the pane outside Excel): each file reduced in turn,
 * then TONG_HOP.xlsx as bytes. `onProgress` is called after each file, for a progress bar.
 */
export async function consolidateFiles(
  files: readonly { readonly name: string; readonly bytes: WorkbookBytes }[],
  options: { readonly lang?: Lang; readonly period?: Period; readonly onProgress?: (done: number, total: number) => void } = {},
): Promise<{ consolidation: Consolidation; bytes: Uint8Array }> {
  const units: (UnitReport | UnitFailure)[] = [];
  for (const [i, f] of files.entries()) {
    units.push(await unitFromBytes(f.name, f.bytes));
    options.onProgress?.(i + 1, files.length);
  }
  const c = consolidate(units, templates, options.period ? { period: options.period } : {});
  const out = await consolidationWorkbook(c, options.lang ?? "vi").xlsx.writeBuffer();
  return { consolidation: c, bytes: new Uint8Array(out as ArrayBuffer) };
}
