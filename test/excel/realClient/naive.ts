/**
 * What a cell-by-cell implementation costs on the same workbook, run on the real-client host: list the sheets
 * (1 request), each sheet's used range address (1 per sheet), then every cell on its own (1 per cell). This is the
 * baseline the benchmarks print beside the adapter's one read.
 */
import type { RealExcel } from "./realExcel";
import { parseArea, rectA1, type ModelWorkbook, type Rect } from "./workbook";

export async function naiveCellByCellCheck(excel: RealExcel): Promise<number> {
  const before = excel.syncs.length;
  await excel.run(async (context) => {
    const sheets = context.workbook.worksheets;
    sheets.load("items/name");
    await context.sync();
    for (const s of sheets.items) {
      const used = s.getUsedRangeOrNullObject(true);
      used.load(["address", "rowCount", "columnCount"]);
      await context.sync();
      if (used.isNullObject) continue;
      // The used range's proxy is not valid past its sync (the client refuses it): each cell is addressed anew.
      const box = parseArea(used.address);
      for (let r = box.top; r <= box.bottom; r++) {
        for (let c = box.left; c <= box.right; c++) {
          const cell = s.getRange(rectA1({ top: r, left: c, bottom: r, right: c }));
          cell.load(["values", "formulas", "numberFormat", "text"]);
          await context.sync();
        }
      }
    }
  });
  return excel.syncs.length - before;
}

/** Requests of a cell-by-cell fill: one per patch (the formula of one cell). */
export async function naiveCellByCellFill(excel: RealExcel, sheet: string, cells: readonly { cell: string; formula: string }[]): Promise<number> {
  const before = excel.syncs.length;
  await excel.run(async (context) => {
    const ws = context.workbook.worksheets.getItem(sheet);
    for (const p of cells) {
      ws.getRange(p.cell).formulas = [[p.formula]];
      await context.sync();
    }
  });
  return excel.syncs.length - before;
}

/** The requests a cell-by-cell check needs on a workbook, without running it (for sheets too big to walk). */
export function naiveCheckSyncCount(model: ModelWorkbook): number {
  let n = 1;
  for (const s of model.sheets) {
    n++;
    let box: Rect | null = null;
    for (const [k, c] of s.cells) {
      if (c.value === "" && c.formula === "") continue;
      const [row, col] = k.split(":").map(Number);
      box = box
        ? { top: Math.min(box.top, row), left: Math.min(box.left, col), bottom: Math.max(box.bottom, row), right: Math.max(box.right, col) }
        : { top: row, left: col, bottom: row, right: col };
    }
    if (box) n += (box.bottom - box.top + 1) * (box.right - box.left + 1);
  }
  return n;
}
