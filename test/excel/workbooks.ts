/** Workbooks the adapter tests and the benchmarks share: the seed appendix beside other sheets, on the real-client host. */
import { seedGrid } from "../fixtures/seed";
import { ModelWorkbook } from "./realClient/workbook";
import { RealExcel, supportedUpTo } from "./realClient/realExcel";
import { ExcelHost, type ExcelHostOptions } from "../../src/excel/excelHost";
import { HIGHLIGHT_MARK } from "../../src/excel/highlights";
import { fromA1, toA1 } from "../../src/core";

/** The sheet name the seed appendix gets in these workbooks. */
export const APPENDIX = "Phụ lục";

/** A workbook with a cover sheet and the seed appendix. */
export function seedWorkbook(): ModelWorkbook {
  const wb = new ModelWorkbook();
  wb.addSheet("Bìa", [["BÁO CÁO CẢI CÁCH HÀNH CHÍNH NĂM 2023"], ["Sở Thông tin và Truyền thông"]]);
  wb.addGrid(APPENDIX, seedGrid());
  return wb;
}

/**
 * The cells of the seed's 11 warnings, by row (test/core/golden.seed.test.ts says why each): what a check with marks
 * marks on the seed appendix.
 */
export const SEED_WARNING_CELLS: readonly string[] = ["D9", "D19", "D22", "D33", "D43", "D44", "D50", "D124", "E146", "E175", "E190"];

/** The A1 cells the add-in's marks cover on a sheet (each mark rule's areas, expanded), sorted by row then column. */
export function markedCells(wb: ModelWorkbook, sheet = APPENDIX): string[] {
  const cells = new Map<string, { row: number; col: number }>();
  for (const cf of wb.sheet(sheet).conditionalFormats.filter((c) => c.formula.includes(HIGHLIGHT_MARK))) {
    for (const area of cf.areas.split(",").filter(Boolean)) {
      const [from, to] = area.split(":").map((a) => fromA1(a)!);
      const end = to ?? from;
      for (let row = from.row; row <= end.row; row++) for (let col = from.col; col <= end.col; col++) cells.set(toA1({ row, col }), { row, col });
    }
  }
  return [...cells].sort(([, a], [, b]) => a.row - b.row || a.col - b.col).map(([a1]) => a1);
}

/** The name of the big workbook's sheet of other data. */
export const DATA_SHEET = "Dữ liệu hồ sơ";

/** The seed workbook plus a sheet whose used range holds `rows` rows × 8 columns of other data (the header included). */
export function bigWorkbook(rows = 50_000): ModelWorkbook {
  const wb = seedWorkbook();
  const data: (string | number)[][] = [["Mã hồ sơ", "Ngày nhận", "Lĩnh vực", "Trạng thái", "Số ngày", "Cán bộ", "Ghi chú", "Kết quả"]];
  for (let i = 1; i < rows; i++) {
    data.push([`HS-2023-${String(i).padStart(6, "0")}`, 45000 + (i % 365), "Viễn thông", i % 7 === 0 ? "Trễ hạn" : "Đúng hạn", i % 15, `Cán bộ ${i % 40}`, "", i % 3]);
  }
  wb.addSheet(DATA_SHEET, data);
  return wb;
}

/**
 * An adapter on the real-client Excel. `supported` lists the ExcelApi versions this Excel has (default: all up
 * to 1.20, a current Microsoft 365); the adapter is told the same.
 */
export function hostOn(
  wb: ModelWorkbook,
  options: Partial<ExcelHostOptions> & { supported?: readonly string[] } = {},
): { excel: RealExcel; host: ExcelHost } {
  const { supported, ...rest } = options;
  const excel = new RealExcel(wb, supported ?? supportedUpTo("1.20"));
  const host = new ExcelHost({
    run: excel.run,
    runIn: excel.runIn,
    supports: excel.supports,
    debounceMs: 20,
    ...rest,
  });
  return { excel, host };
}
