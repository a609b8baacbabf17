/** Layout plan and patches -> ExcelJS. Browser-safe (no Node imports). */
import ExcelJS from "exceljs";
import { absoluteA1, type CellStyle, freeSheetName, type LayoutPlan, type Patch, sheetPrefix, toA1 } from "../core";

/** The font of Vietnamese administrative documents. */
const FONT_NAME = "Times New Roman";
const PAPER_A4 = 9;

function argb(hex: string): string {
  return `FF${hex.replace("#", "").toUpperCase()}`;
}

const THIN: Partial<ExcelJS.Border> = { style: "thin", color: { argb: "FF000000" } };

function applyStyle(cell: ExcelJS.Cell, style: CellStyle): void {
  cell.font = { name: FONT_NAME, size: style.fontSize ?? 11, bold: style.bold ?? false, italic: style.italic ?? false };
  cell.alignment = {
    horizontal: style.horizontal,
    vertical: style.vertical,
    wrapText: style.wrap ?? false,
    ...(style.indent ? { indent: style.indent } : {}),
  };
  if (style.border) cell.border = { top: THIN, left: THIN, bottom: THIN, right: THIN };
  if (style.fill) cell.fill = { type: "pattern", pattern: "solid", fgColor: { argb: argb(style.fill) } };
  if (style.numberFormat) cell.numFmt = style.numberFormat;
}

/**
 * Adds the template sheet described by `plan` to `workbook` (values, formulas, styles, merges, drop-downs,
 * names, print setup, frozen header) and returns it. Text is always stored as text, never parsed as a formula.
 */
export function renderPlan(workbook: ExcelJS.Workbook, plan: LayoutPlan): ExcelJS.Worksheet {
  const name = freeSheetName(plan.sheetName, workbook.worksheets.map((w) => w.name));
  const freezeAt = `A${plan.freezeRows + 1}`;
  const ws = workbook.addWorksheet(name, {
    views: [{ state: "frozen", xSplit: 0, ySplit: plan.freezeRows, topLeftCell: freezeAt, activeCell: freezeAt }],
    pageSetup: {
      paperSize: PAPER_A4,
      orientation: plan.print.orientation,
      fitToPage: plan.print.fitToWidth,
      fitToWidth: 1,
      fitToHeight: 0,
      horizontalCentered: true,
      printTitlesRow: `${plan.print.titleRows.first + 1}:${plan.print.titleRows.last + 1}`,
      margins: { ...plan.print.margins, header: 0.3, footer: 0.3 },
    },
  });
  plan.columnWidths.forEach((w, i) => (ws.getColumn(i + 1).width = w));
  for (const [row, height] of Object.entries(plan.rowHeights)) ws.getRow(Number(row) + 1).height = height;

  for (const pc of plan.cells) {
    const cell = ws.getCell(pc.cell.row + 1, pc.cell.col + 1);
    const style = plan.styles[pc.style];
    if (!style) throw new Error(`layout plan cell ${toA1(pc.cell)} names unknown style "${pc.style}"`);
    applyStyle(cell, style);
    if (pc.formula) cell.value = { formula: pc.formula.replace(/^=/, ""), result: pc.cellValue } as ExcelJS.CellFormulaValue;
    // A string is written as a shared string whatever it starts with ("=", "+", "-", "@").
    else if (pc.cellValue !== undefined) cell.value = pc.cellValue;
  }
  for (const m of plan.merges) ws.mergeCells(m.from.row + 1, m.from.col + 1, m.to.row + 1, m.to.col + 1);

  for (const v of plan.validations) {
    const validation: ExcelJS.DataValidation = {
      type: "list",
      allowBlank: true,
      formulae: [`"${v.list.join(",")}"`],
      showInputMessage: true,
      promptTitle: v.promptTitle,
      prompt: v.prompt,
      showErrorMessage: true,
      errorStyle: "stop",
      errorTitle: v.errorTitle,
      error: v.error,
    };
    const { from: a, to: b } = v.range;
    for (let r = a.row; r <= b.row; r++) for (let c = a.col; c <= b.col; c++) ws.getCell(r + 1, c + 1).dataValidation = validation;
  }

  for (const n of plan.names) workbook.definedNames.add(`${sheetPrefix(ws.name)}${absoluteA1(n.cell)}`, n.name);
  // The cached results are the blank template's; have Excel compute every formula when the file is opened.
  workbook.calcProperties = { ...workbook.calcProperties, fullCalcOnLoad: true };
  return ws;
}

/** Writes each patch as a formula with its computed value as the cached result (and its number format). */
export function applyPatches(ws: ExcelJS.Worksheet, patches: readonly Patch[]): void {
  for (const p of patches) {
    const cell = ws.getCell(p.cell.row + 1, p.cell.col + 1);
    cell.value = { formula: p.formula.replace(/^=/, ""), result: p.cellValue } as ExcelJS.CellFormulaValue;
    if (p.numberFormat) cell.numFmt = p.numberFormat;
  }
  // Cells that depend on the patched ones keep stale cached values until recalculated.
  ws.workbook.calcProperties = { ...ws.workbook.calcProperties, fullCalcOnLoad: true };
}

/** The workbook as .xlsx bytes. */
export async function workbookBytes(workbook: ExcelJS.Workbook): Promise<Uint8Array> {
  const out = await workbook.xlsx.writeBuffer();
  return new Uint8Array(out as ArrayBuffer);
}

/** A new workbook holding only the template sheet. */
export function templateWorkbook(plan: LayoutPlan): ExcelJS.Workbook {
  const workbook = new ExcelJS.Workbook();
  workbook.creator = "cchc";
  renderPlan(workbook, plan);
  return workbook;
}
