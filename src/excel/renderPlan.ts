/**
 * The template sheet from the engine's layout plan, queued on a new worksheet in one batch: values and formulas
 * as one 2D array, number formats as one 2D array, one format call per style (over RangeAreas), merges, sizes,
 * drop-downs, sheet-scoped names, print setup and frozen header. Nothing syncs here.
 */
import { cellRangeA1, type CellStyle, columnLetters, type LayoutPlan, toA1 } from "../core";
import { literalText } from "./writeCells";

/** Characters of Excel's default font (Calibri 11) -> points, as Excel converts column widths: 7 px per char + 5 px padding. */
export function charsToPoints(chars: number): number {
  return Math.round((Math.trunc(chars * 7 + 5) * 72) / 96 * 100) / 100;
}

/** The plan's full rectangle: origin and size. */
function planRect(plan: LayoutPlan): { top: number; left: number; rows: number; cols: number } {
  const { from, to } = plan.range;
  return { top: from.row, left: from.col, rows: to.row - from.row + 1, cols: to.col - from.col + 1 };
}

/** The values/formulas matrix and the number format matrix of the plan's rectangle. */
export function planMatrices(plan: LayoutPlan): { formulas: (string | number)[][]; numberFormats: string[][] } {
  const r = planRect(plan);
  const formulas = Array.from({ length: r.rows }, () => Array<string | number>(r.cols).fill(""));
  const numberFormats = Array.from({ length: r.rows }, () => Array<string>(r.cols).fill("General"));
  for (const c of plan.cells) {
    const at = c.cell;
    const row = at.row - r.top;
    const col = at.col - r.left;
    if (row < 0 || col < 0 || row >= r.rows || col >= r.cols) continue;
    if (c.formula) formulas[row][col] = c.formula;
    else if (typeof c.cellValue === "number") formulas[row][col] = c.cellValue;
    else if (typeof c.cellValue === "string") formulas[row][col] = literalText(c.cellValue);
    const fmt = plan.styles[c.style]?.numberFormat;
    if (fmt) numberFormats[row][col] = fmt;
  }
  return { formulas, numberFormats };
}

/** Cells of each style as compact areas: runs along a row, then identical runs on consecutive rows joined. */
export function styleAreas(plan: LayoutPlan): Map<string, string> {
  const byStyle = new Map<string, Map<number, number[]>>();
  for (const c of plan.cells) {
    const at = c.cell;
    const rows = byStyle.get(c.style) ?? new Map<number, number[]>();
    rows.set(at.row, [...(rows.get(at.row) ?? []), at.col]);
    byStyle.set(c.style, rows);
  }
  const out = new Map<string, string>();
  for (const [style, rows] of byStyle) {
    const runs: { row: number; from: number; to: number }[] = [];
    for (const [row, cols] of [...rows].sort((a, b) => a[0] - b[0])) {
      const sorted = [...new Set(cols)].sort((a, b) => a - b);
      let start = sorted[0];
      for (let i = 1; i <= sorted.length; i++) {
        if (i === sorted.length || sorted[i] !== sorted[i - 1] + 1) {
          runs.push({ row, from: start, to: sorted[i - 1] });
          start = sorted[i];
        }
      }
    }
    const blocks: { top: number; bottom: number; from: number; to: number }[] = [];
    for (const run of runs) {
      const prev = blocks.find((b) => b.bottom === run.row - 1 && b.from === run.from && b.to === run.to);
      if (prev) prev.bottom = run.row;
      else blocks.push({ top: run.row, bottom: run.row, from: run.from, to: run.to });
    }
    out.set(
      style,
      blocks
        .map((b) => {
          const a = toA1({ row: b.top, col: b.from });
          const z = toA1({ row: b.bottom, col: b.to });
          return a === z ? a : `${a}:${z}`;
        })
        .join(","),
    );
  }
  return out;
}

const EDGES = ["EdgeTop", "EdgeBottom", "EdgeLeft", "EdgeRight", "InsideVertical", "InsideHorizontal"] as const;
const H_ALIGN = { left: "Left", center: "Center", right: "Right" } as const;
const V_ALIGN = { top: "Top", middle: "Center", bottom: "Bottom" } as const;

function queueStyle(format: Excel.RangeFormat, style: CellStyle): void {
  if (style.bold !== undefined) format.font.bold = style.bold;
  if (style.italic !== undefined) format.font.italic = style.italic;
  if (style.fontSize !== undefined) format.font.size = style.fontSize;
  if (style.horizontal) format.horizontalAlignment = H_ALIGN[style.horizontal];
  if (style.vertical) format.verticalAlignment = V_ALIGN[style.vertical];
  if (style.wrap !== undefined) format.wrapText = style.wrap;
  if (style.fill) format.fill.color = style.fill;
  if (style.indent) format.indentLevel = style.indent;
  if (style.border) for (const edge of EDGES) format.borders.getItem(edge).style = "Continuous";
}

/** Queues a new worksheet named `name` rendering `plan`; returns the worksheet proxy. */
export function queueRenderPlan(context: Excel.RequestContext, plan: LayoutPlan, name: string): Excel.Worksheet {
  const sheet = context.workbook.worksheets.add(name);
  const { formulas, numberFormats } = planMatrices(plan);
  const whole = sheet.getRange(cellRangeA1(plan.range));
  // Formats before values, so a text-formatted ("@") cell never holds a formula typed as text.
  whole.numberFormat = numberFormats;
  whole.formulas = formulas;
  for (const [style, areas] of styleAreas(plan)) {
    const s = plan.styles[style];
    if (s) queueStyle(sheet.getRanges(areas).format, s);
  }
  for (const m of plan.merges) sheet.getRange(cellRangeA1(m)).merge(false);
  plan.columnWidths.forEach((w, i) => {
    const col = columnLetters(i);
    sheet.getRange(`${col}:${col}`).format.columnWidth = charsToPoints(w);
  });
  for (const [row, height] of Object.entries(plan.rowHeights)) {
    const r = Number(row) + 1;
    sheet.getRange(`${r}:${r}`).format.rowHeight = height;
  }
  for (const v of plan.validations) {
    const dv = sheet.getRange(cellRangeA1(v.range)).dataValidation;
    dv.rule = { list: { inCellDropDown: true, source: v.list.join(",") } };
    dv.prompt = { showPrompt: true, title: v.promptTitle.slice(0, 32), message: v.prompt.slice(0, 255) };
    dv.errorAlert = { showAlert: true, style: "Stop", title: v.errorTitle.slice(0, 32), message: v.error.slice(0, 255) };
  }
  // Sheet-scoped names: a second template in the same workbook gets its own, no clash with the first.
  for (const n of plan.names) sheet.names.add(n.name, sheet.getRange(toA1(n.cell)));
  const page = sheet.pageLayout;
  page.orientation = plan.print.orientation === "landscape" ? "Landscape" : "Portrait";
  page.paperSize = "A4";
  page.zoom = { horizontalFitToPages: 1, verticalFitToPages: 0 };
  page.leftMargin = plan.print.margins.left * 72;
  page.rightMargin = plan.print.margins.right * 72;
  page.topMargin = plan.print.margins.top * 72;
  page.bottomMargin = plan.print.margins.bottom * 72;
  page.setPrintTitleRows(`$${plan.print.titleRows.first + 1}:$${plan.print.titleRows.last + 1}`);
  if (plan.freezeRows > 0) sheet.freezePanes.freezeRows(plan.freezeRows);
  sheet.activate();
  return sheet;
}
