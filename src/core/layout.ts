/**
 * The template sheet as a host-neutral plan: what each adapter (ExcelJS, office-js) renders when the user asks
 * for a blank appendix. Columns A..E = STT | Chỉ tiêu thống kê | Đơn vị tính | Số liệu | Ghi chú, as printed.
 */
import type { Address, CellRange } from "./address";
import type { Indicator, IndicatorKind, Relation, Template } from "./catalog/model";
import { guardedRateFormula, guardedSumFormula } from "./formulas";
import type { CellStyle, LayoutPlan, PlanCell, PlanValidation } from "./layoutPlan";
import { periodLabel } from "./messages/period";
import { rowHeightFor, wrappedLines } from "./textMetrics";

import { dayText, periodDates, type ReportPeriod } from "./period";

/** What the user may say about the report the appendix goes with; everything is optional. */
export interface LayoutOptions {
  readonly unitName?: string;
  readonly year?: number;
  readonly period?: ReportPeriod;
  readonly reportNo?: string;
  readonly reportDate?: string;
}

/** The official wording of the sheet (the form is Vietnamese whatever the interface language). */
const TEXT = {
  sheetName: "Phụ lục",
  title1: "PHỤ LỤC",
  title2: "THỐNG KÊ SỐ LIỆU BÁO CÁO CẢI CÁCH HÀNH CHÍNH",
  blank: "…………",
  stt: "STT",
  label: "Chỉ tiêu thống kê",
  result: "Kết quả thống kê",
  unit: "Đơn vị tính",
  value: "Số liệu",
  note: "Ghi chú",
  promptTitleFlag: "Chọn mã",
  errorTitle: "Giá trị không hợp lệ",
} as const;

/** Sheet columns of the plan, 0-based. */
export const PLAN_COLUMNS = { stt: 0, label: 1, unit: 2, value: 3, note: 4 } as const;
/** 0-based row of the upper header row ("STT | Chỉ tiêu thống kê | Kết quả thống kê | Ghi chú"). */
export const PLAN_HEADER_ROW = 8;
/** 0-based row of the first table row (section I). */
export const PLAN_FIRST_ROW = PLAN_HEADER_ROW + 2;

const NUMBER_FORMATS: Readonly<Record<IndicatorKind, string | undefined>> = {
  count: "#,##0",
  percent: "0.00",
  flag: "0",
  choice: "0",
  text: "@",
  group: undefined,
};

/** Column widths A..E in Excel character units: the table fits the width of A4 portrait at about 80%. */
const COLUMN_WIDTHS = [6, 56, 15, 11, 26] as const;

const INPUT_FILL = "#FFFFFF";
const COMPUTED_FILL = "#E2EFDA";
const GROUP_FILL = "#F2F2F2";
const SECTION_FILL = "#DDEBF7";

/** Name of the style a value cell of this kind gets. */
function valueStyle(kind: IndicatorKind, computed: boolean): string {
  if (kind === "group") return "groupValue";
  return computed ? `computed_${kind}` : `value_${kind}`;
}

function styles(): Record<string, CellStyle> {
  const s: Record<string, CellStyle> = {
    unitName: { bold: true, fontSize: 12, horizontal: "center", vertical: "middle", wrap: true },
    title: { bold: true, fontSize: 13, horizontal: "center", vertical: "middle", wrap: true },
    subtitle: { bold: true, fontSize: 12, horizontal: "center", vertical: "middle", wrap: true },
    caption: { italic: true, fontSize: 11, horizontal: "center", vertical: "middle", wrap: true },
    header: { bold: true, fontSize: 11, horizontal: "center", vertical: "middle", wrap: true, border: true, fill: SECTION_FILL },
    sectionStt: { bold: true, fontSize: 11, horizontal: "center", vertical: "middle", border: true, fill: SECTION_FILL },
    sectionLabel: { bold: true, fontSize: 11, horizontal: "left", vertical: "middle", wrap: true, border: true, fill: SECTION_FILL },
    sectionBlank: { fontSize: 11, border: true, fill: SECTION_FILL },
    stt: { fontSize: 11, horizontal: "center", vertical: "middle", border: true },
    label0: { fontSize: 11, horizontal: "left", vertical: "middle", wrap: true, border: true },
    label1: { fontSize: 11, horizontal: "left", vertical: "middle", wrap: true, border: true, indent: 1 },
    label2: { fontSize: 11, horizontal: "left", vertical: "middle", wrap: true, border: true, indent: 2 },
    groupLabel: { bold: true, fontSize: 11, horizontal: "left", vertical: "middle", wrap: true, border: true },
    unit: { fontSize: 10, horizontal: "center", vertical: "middle", wrap: true, border: true },
    note: { fontSize: 10, horizontal: "left", vertical: "middle", wrap: true, border: true },
    noteHint: { italic: true, fontSize: 10, horizontal: "left", vertical: "middle", wrap: true, border: true },
    groupValue: { fontSize: 11, border: true, fill: GROUP_FILL },
  };
  for (const kind of ["count", "percent", "flag", "choice", "text"] as const) {
    const base: CellStyle = {
      fontSize: 11,
      horizontal: kind === "text" ? "left" : "center",
      vertical: "middle",
      wrap: kind === "text",
      border: true,
      numberFormat: NUMBER_FORMATS[kind],
    };
    s[`value_${kind}`] = { ...base, fill: INPUT_FILL };
    s[`computed_${kind}`] = { ...base, fill: COMPUTED_FILL };
  }
  return s;
}

/** "I.1.2" -> "CCHC_I_1_2": a workbook name (letters, digits, underscores; not a cell reference). */
export function indicatorName(id: string): string {
  return `CCHC_${id.replace(/[^A-Za-z0-9]+/g, "_")}`;
}

/** The period line under the title: "Năm 2023 (từ ngày 15/12/2022-14/12/2023)". */
export function periodText(period: ReportPeriod, year: number): string {
  const { from, to } = periodDates(period, year);
  return `${periodLabel({ kind: period, year }, "vi")} (từ ngày ${dayText(from)}-${dayText(to)})`;
}

/** The report's name for the period in the title, upper case: "QUÝ I NĂM 2024". */
function periodTitle(period: ReportPeriod, year: number): string {
  return periodLabel({ kind: period, year }, "vi").toLocaleUpperCase("vi");
}

/** "Không = 0, Có = 1" for a flag or choice, from its codes in printed order. */
export function codesText(indicator: Indicator): string {
  return (indicator.codes ?? []).map((c) => `${c.label} = ${c.value}`).join(", ");
}

/**
 * The formula of each computed cell, keyed by indicator id: every rate and every total (`sum_equals`), the cells
 * the calculator (compute.ts) fills. Guarded so that a blank template shows blanks, not #DIV/0! or 0.
 */
function computedFormulas(template: Template, cellOf: (id: string) => Address | undefined): Map<string, string> {
  const out = new Map<string, string>();
  const add = (target: string, formula: (refs: (id: string) => Address) => string, inputs: readonly string[]) => {
    if (out.has(target) || !cellOf(target) || inputs.some((id) => !cellOf(id))) return;
    out.set(target, formula((id) => cellOf(id) as Address));
  };
  for (const r of template.relations as readonly Relation[]) {
    if (r.kind === "rate") {
      add(r.rate, (ref) => guardedRateFormula(ref(r.numerator), ref(r.denominator)), [r.numerator, r.denominator]);
    } else if (r.kind === "sum_equals") {
      add(r.total, (ref) => guardedSumFormula(r.parts.map(ref)), r.parts);
    }
  }
  return out;
}

/** The title block, header and table of `template`, ready for an adapter to render. */
export function layoutPlan(template: Template, options: LayoutOptions = {}): LayoutPlan {
  const year = options.year ?? new Date().getFullYear();
  const period = options.period ?? "nam";
  const unit = options.unitName?.normalize("NFC").trim() || "";
  const last = PLAN_COLUMNS.note;
  const cells: PlanCell[] = [];
  const merges: CellRange[] = [];
  const validations: PlanValidation[] = [];
  const names: { name: string; cell: Address; indicator: string }[] = [];
  const rowHeights: Record<number, number> = {};
  const at = (row: number, col: number): Address => ({ row, col });
  const span = (from: Address, to: Address): CellRange => ({ from, to });
  const put = (row: number, col: number, style: string, value?: string | number, formula?: string) =>
    cells.push({ cell: at(row, col), style, ...(value !== undefined ? { cellValue: value } : {}), ...(formula ? { formula } : {}) });
  const styleOf = styles();
  /** Points a row needs for its wrapped cells: the tallest of them in its own style. */
  const heightOf = (texts: readonly { text: string; width: number; style: string }[]) =>
    Math.max(
      ...texts.map(({ text, width, style }) => {
        const { fontSize = 11, bold, indent } = styleOf[style];
        return rowHeightFor(wrappedLines(text, width, { fontSize, bold, indent }), fontSize);
      }),
    );
  const fullWidth = COLUMN_WIDTHS.reduce((a, b) => a + b, 0);
  /** A title line across the table; `minHeight` keeps the official form's spacing. */
  const wide = (row: number, text: string, style: string, minHeight: number) => {
    put(row, 0, style, text);
    merges.push(span(at(row, 0), at(row, last)));
    rowHeights[row] = Math.max(minHeight, heightOf([{ text, width: fullWidth, style }]));
  };

  // Title block, as the official appendix prints it.
  wide(0, unit ? unit.toLocaleUpperCase("vi") : TEXT.blank, "unitName", 20);
  wide(2, TEXT.title1, "title", 20);
  wide(3, TEXT.title2, "title", 20);
  wide(4, `${periodTitle(period, year)} CỦA ${unit ? unit.toLocaleUpperCase("vi") : TEXT.blank}`, "subtitle", 34);
  wide(
    5,
    `(Kèm theo Báo cáo số: ${options.reportNo?.trim() || TEXT.blank} ngày ${options.reportDate?.trim() || TEXT.blank} ` +
      `của ${unit || TEXT.blank})`,
    "caption",
    32,
  );
  wide(6, periodText(period, year), "caption", 18);

  // Two header rows: "Kết quả thống kê" spans the unit and value columns.
  const h = PLAN_HEADER_ROW;
  put(h, PLAN_COLUMNS.stt, "header", TEXT.stt);
  put(h + 1, PLAN_COLUMNS.stt, "header");
  put(h, PLAN_COLUMNS.label, "header", TEXT.label);
  put(h + 1, PLAN_COLUMNS.label, "header");
  put(h, PLAN_COLUMNS.unit, "header", TEXT.result);
  put(h, PLAN_COLUMNS.value, "header");
  put(h + 1, PLAN_COLUMNS.unit, "header", TEXT.unit);
  put(h + 1, PLAN_COLUMNS.value, "header", TEXT.value);
  put(h, PLAN_COLUMNS.note, "header", TEXT.note);
  put(h + 1, PLAN_COLUMNS.note, "header");
  merges.push(
    span(at(h, PLAN_COLUMNS.stt), at(h + 1, PLAN_COLUMNS.stt)),
    span(at(h, PLAN_COLUMNS.label), at(h + 1, PLAN_COLUMNS.label)),
    span(at(h, PLAN_COLUMNS.unit), at(h, PLAN_COLUMNS.value)),
    span(at(h, PLAN_COLUMNS.note), at(h + 1, PLAN_COLUMNS.note)),
  );

  // Rows first, so formulas can refer to cells further down.
  const rowOf = new Map<string, number>();
  const order: ({ section: Template["sections"][number] } | { indicator: Indicator })[] = [];
  let row = PLAN_FIRST_ROW;
  for (const section of template.sections) {
    order.push({ section });
    row++;
    for (const indicator of template.indicators) {
      if (indicator.section !== section.id) continue;
      order.push({ indicator });
      rowOf.set(indicator.id, row++);
    }
  }
  const valueCell = (id: string): Address | undefined => {
    const r = rowOf.get(id);
    return r === undefined ? undefined : at(r, PLAN_COLUMNS.value);
  };
  const formulas = computedFormulas(template, valueCell);

  row = PLAN_FIRST_ROW;
  for (const item of order) {
    if ("section" in item) {
      put(row, PLAN_COLUMNS.stt, "sectionStt", item.section.stt);
      put(row, PLAN_COLUMNS.label, "sectionLabel", item.section.label);
      for (const col of [PLAN_COLUMNS.unit, PLAN_COLUMNS.value, PLAN_COLUMNS.note]) put(row, col, "sectionBlank");
      rowHeights[row] = heightOf([{ text: item.section.label, width: COLUMN_WIDTHS[PLAN_COLUMNS.label], style: "sectionLabel" }]);
      row++;
      continue;
    }
    const ind = item.indicator;
    const group = ind.kind === "group";
    if (ind.stt) put(row, PLAN_COLUMNS.stt, "stt", /^\d+$/.test(ind.stt) ? Number(ind.stt) : ind.stt);
    else put(row, PLAN_COLUMNS.stt, "stt");
    const labelStyle = group && ind.level > 0 ? "groupLabel" : `label${Math.min(ind.level, 2)}`;
    put(row, PLAN_COLUMNS.label, labelStyle, ind.label);
    if (ind.unit) put(row, PLAN_COLUMNS.unit, "unit", ind.unit);
    else put(row, PLAN_COLUMNS.unit, "unit");
    const formula = formulas.get(ind.id);
    // A guarded formula shows "" while its inputs are blank, as they are in a fresh template: that is its result.
    put(row, PLAN_COLUMNS.value, valueStyle(ind.kind, formula !== undefined), formula !== undefined ? "" : undefined, formula);
    // The official form prints its guidance in "Ghi chú"; the checker reads a note equal to it as no note.
    if (ind.noteHint) put(row, PLAN_COLUMNS.note, "noteHint", ind.noteHint);
    else put(row, PLAN_COLUMNS.note, "note");
    rowHeights[row] = heightOf([
      { text: ind.label, width: COLUMN_WIDTHS[PLAN_COLUMNS.label], style: labelStyle },
      { text: ind.unit, width: COLUMN_WIDTHS[PLAN_COLUMNS.unit], style: "unit" },
      { text: ind.noteHint ?? "", width: COLUMN_WIDTHS[PLAN_COLUMNS.note], style: ind.noteHint ? "noteHint" : "note" },
    ]);
    if (!group) names.push({ name: indicatorName(ind.id), cell: at(row, PLAN_COLUMNS.value), indicator: ind.id });
    if ((ind.kind === "flag" || ind.kind === "choice") && ind.codes?.length) {
      const meanings = codesText(ind);
      validations.push({
        range: span(at(row, PLAN_COLUMNS.value), at(row, PLAN_COLUMNS.value)),
        list: ind.codes.map((c) => String(c.value)),
        promptTitle: TEXT.promptTitleFlag,
        prompt: meanings,
        errorTitle: TEXT.errorTitle,
        error: `Chỉ nhập một trong các mã: ${meanings}.`,
      });
    }
    row++;
  }

  return {
    template: template.id,
    sheetName: TEXT.sheetName,
    columnWidths: COLUMN_WIDTHS,
    rowHeights,
    cells,
    styles: styleOf,
    merges,
    validations,
    names,
    print: {
      paper: "A4",
      orientation: "portrait",
      fitToWidth: true,
      titleRows: { first: h, last: h + 1 },
      margins: { left: 0.5, right: 0.4, top: 0.6, bottom: 0.6 },
    },
    freezeRows: h + 2,
    range: span(at(0, 0), at(row - 1, last)),
  };
}
