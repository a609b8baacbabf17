/**
 * The summary sheet of TONG_HOP.xlsx: a row per indicator in the template's order, a column per unit, a total
 * column whose formulas carry the model's values, how each total is made.
 */
import type ExcelJS from "exceljs";
import {
  columnLetters, consolidateMessages, type Consolidation, type FindingMark, type Indicator, type IndicatorKind, type Lang, periodLabel,
  shortLabel, type SummaryRow, type SummaryTotal,
} from "../core";
import {
  BORDER,
  HEADER_FILL,
  MARKED_FILL,
  MARKED_HEADER_FILL,
  RowWriter,
  SECTION_FILL,
  TOTAL_FILL,
  font,
  formula,
  rowHeight,
  type Cell,
  type Value,
} from "./sheetWriting";

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

/** Number format of the unit columns, by indicator kind. */
const NUMBER_FORMAT: Readonly<Partial<Record<IndicatorKind, string>>> = { count: "#,##0", percent: "0.00", flag: "0", choice: "0" };

/** How a row's total is made, in words (the summary's last fixed column). */
function methodText<F extends FindingMark>(total: SummaryTotal, ind: Indicator, c: Consolidation<F>, lang: Lang): string {
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

/** Writes the summary sheet of `c` into `ws`, row after row (each committed as it goes): a step per indicator row. */
export function* writeSummary<F extends FindingMark>(ws: ExcelJS.Worksheet, c: Consolidation<F>, lang: Lang): Generator<void, void, undefined> {
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
  const aside = c.statuses.filter((s) => s.column === null).length;
  wide(w.title, { bold: true, size: 13 }, 22);
  wide(w.periodLine(periodLabel(c.period, lang), c.template.title), { bold: true, size: 12 });
  wide(w.unitsLine(units, ready, marked, aside, c.unusable.filter((u) => u.failure !== "lock_file").length), { italic: true });
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
  for (const r of c.rows) {
    out.row((row, n) => writeSummaryRow(row, n, r, c, lang, units ? `${firstUnit}${n}:${lastUnit}${n}` : null, rowOf));
    yield;
  }
  out.done();
}

function writeSummaryRow<F extends FindingMark>(
  row: ExcelJS.Row,
  n: number,
  r: SummaryRow,
  c: Consolidation<F>,
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
