/**
 * Golden workbooks: the seed's appendix as users really lay it out (moved, with other headers, blank rows, NFD
 * labels, numbers as text, an error value) and files that must be refused. `make-golden.ts` writes them beside
 * this file; golden.test.ts reads the committed files. Each case says how its cells map to the seed sheet's cells,
 * so its findings can be compared with the seed's.
 */
import ExcelJS from "exceljs";
import { cellAt, colCount, fromA1, type RawCell, rowCount, toA1 } from "../../../src/core";
import { seedGrid, SEED_HEADER_ROW } from "../../fixtures/seed";

/** One golden workbook. */
export interface GoldenCase {
  /** File name without .xlsx. */
  readonly name: string;
  /** What the case shows. */
  readonly about: string;
  /** The workbook's bytes. */
  build(): Promise<Uint8Array>;
  /** Seed-sheet cell -> this workbook's cell (identity when the table did not move). */
  readonly mapCell: (a1: string) => string;
  /** The sheet holding the appendix. */
  readonly sheet: string;
}

type Rows = RawCell[][];

const SHEET = "Phụ lục";
/** 0-based sheet row of the seed's first value row after the header ("I"), for the edits below. */
const SEED_TABLE_ROW = SEED_HEADER_ROW + 2;

function seedCells(): Rows {
  const g = seedGrid();
  return Array.from({ length: rowCount(g) }, (_, r) =>
    Array.from({ length: colCount(g) }, (_, c) => cellAt(g, { row: r, col: c })),
  );
}

/** Row of the seed sheet holding `label` in column B. */
function seedRowOf(rows: Rows, label: string): number {
  const r = rows.findIndex((row) => row[1]?.value === label);
  if (r < 0) throw new Error(`seed has no row “${label}”`);
  return r;
}

async function workbookOf(sheets: readonly { name: string; rows: Rows; merges?: readonly string[] }[]): Promise<Uint8Array> {
  const wb = new ExcelJS.Workbook();
  wb.created = wb.modified = new Date(Date.UTC(2024, 0, 1));
  for (const s of sheets) {
    const ws = wb.addWorksheet(s.name);
    s.rows.forEach((row, r) =>
      row.forEach((cell, c) => {
        if (cell.value === null && !cell.formula) return;
        const target = ws.getCell(r + 1, c + 1);
        target.value = cell.formula
          ? ({ formula: cell.formula.slice(1), result: cell.value === null ? undefined : /^#/.test(String(cell.value)) ? { error: cell.value } : cell.value } as ExcelJS.CellFormulaValue)
          : cell.value;
        if (cell.numberFormat && cell.numberFormat !== "General") target.numFmt = cell.numberFormat;
      }),
    );
    for (const m of s.merges ?? []) ws.mergeCells(m);
  }
  return new Uint8Array((await wb.xlsx.writeBuffer()) as ArrayBuffer);
}

function shift(a1: string, rows: number, cols: number): string {
  const a = fromA1(a1)!;
  return toA1({ row: a.row + rows, col: a.col + cols });
}

const HEADER_MERGE = `C${SEED_HEADER_ROW + 1}:D${SEED_HEADER_ROW + 1}`;
const identity = (a1: string) => a1;

/** Every golden appendix case, the seed itself first. */
export function goldenCases(): GoldenCase[] {
  const blankRowsAfter = [SEED_TABLE_ROW + 2, SEED_TABLE_ROW + 30, SEED_TABLE_ROW + 31, SEED_TABLE_ROW + 120];
  return [
    {
      name: "seed",
      about: "the seed's appendix as its author typed it, from A1",
      sheet: SHEET,
      mapCell: identity,
      build: () => workbookOf([{ name: SHEET, rows: seedCells(), merges: [HEADER_MERGE] }]),
    },
    {
      name: "offset",
      about: "the table starts at C9: three more title rows, two blank columns on the left",
      sheet: SHEET,
      mapCell: (a1) => shift(a1, 3, 2),
      build: () => {
        const rows = seedCells().map((r) => [{ value: null }, { value: null }, ...r] as Rows[number]);
        rows.unshift([{ value: "UBND TỈNH SÓC TRĂNG" }], [{ value: "SỞ THÔNG TIN VÀ TRUYỀN THÔNG" }], []);
        return workbookOf([{ name: SHEET, rows, merges: [shift(HEADER_MERGE.split(":")[0], 3, 2) + ":" + shift(HEADER_MERGE.split(":")[1], 3, 2)] }]);
      },
    },
    {
      name: "header-variants",
      about: "another header: TT | Nội dung | Kết quả năm 2023 over ĐVT and Số liệu năm 2023 | Ghi chú",
      sheet: SHEET,
      mapCell: identity,
      build: () => {
        const rows = seedCells();
        const h = SEED_HEADER_ROW;
        rows[h][0] = { value: "TT" };
        rows[h][1] = { value: "Nội dung" };
        rows[h][2] = { value: "Kết quả năm 2023" };
        rows[h + 1][2] = { value: "ĐVT" };
        rows[h + 1][3] = { value: "Số liệu năm 2023" };
        return workbookOf([{ name: SHEET, rows, merges: [HEADER_MERGE] }]);
      },
    },
    {
      name: "blank-rows",
      about: "blank rows inserted inside the table (after rows " + blankRowsAfter.map((r) => r + 1).join(", ") + ")",
      sheet: SHEET,
      mapCell: (a1) => {
        const a = fromA1(a1)!;
        return toA1({ row: a.row + blankRowsAfter.filter((r) => r < a.row).length, col: a.col });
      },
      build: () => {
        const rows = seedCells();
        for (const r of [...blankRowsAfter].sort((x, y) => y - x)) rows.splice(r + 1, 0, []);
        return workbookOf([{ name: SHEET, rows, merges: [HEADER_MERGE] }]);
      },
    },
    {
      name: "nfd-labels",
      about: "labels in NFD with doubled and trailing spaces, some with a leading “- ” or a trailing “:”",
      sheet: SHEET,
      mapCell: identity,
      build: () => {
        const rows = seedCells();
        rows.forEach((row, r) => {
          const label = row[1]?.value;
          if (r <= SEED_HEADER_ROW + 1 || typeof label !== "string") return;
          let text = label.normalize("NFD").replace(/ /g, r % 3 === 0 ? "  " : " ");
          if (r % 5 === 0 && !text.startsWith("-")) text = `- ${text}`;
          if (r % 7 === 0 && !text.endsWith(":")) text = `${text}:`;
          row[1] = { value: `${text} ` };
        });
        return workbookOf([{ name: SHEET, rows, merges: [HEADER_MERGE] }]);
      },
    },
    {
      name: "numbers-as-text",
      about: "the plan's task counts typed as text (“47”, “ 41 ”)",
      sheet: SHEET,
      mapCell: identity,
      build: () => {
        const rows = seedCells();
        rows[seedRowOf(rows, "Số nhiệm vụ đề ra trong kế hoạch")][3] = { value: "47" };
        rows[seedRowOf(rows, "Số nhiệm vụ đã hoàn thành")][3] = { value: " 41 " };
        return workbookOf([{ name: SHEET, rows, merges: [HEADER_MERGE] }]);
      },
    },
    {
      name: "error-value",
      about: "the completion rate holds a formula whose result is #DIV/0!",
      sheet: SHEET,
      mapCell: identity,
      build: () => {
        const rows = seedCells();
        const r = seedRowOf(rows, "Tỷ lệ hoàn thành Kế hoạch CCHC năm (Lũy kế đến thời điểm báo cáo)");
        rows[r][3] = { value: "#DIV/0!", formula: `=D${r + 3}/0` };
        return workbookOf([{ name: SHEET, rows, merges: [HEADER_MERGE] }]);
      },
    },
    {
      name: "second-sheet",
      about: "the appendix on the second sheet, after a sheet with another table",
      sheet: "PL thống kê",
      mapCell: identity,
      build: () =>
        workbookOf([
          { name: "Báo cáo", rows: [[{ value: "STT" }, { value: "Nội dung" }], [{ value: 1 }, { value: "Kết quả nổi bật" }]] },
          { name: "PL thống kê", rows: seedCells(), merges: [HEADER_MERGE] },
        ]),
    },
  ];
}

/** Workbooks that hold no appendix and must be refused with exit 2. */
export const refusedCases: readonly { name: string; about: string; build: () => Promise<Uint8Array> }[] = [
  {
    name: "no-appendix",
    about: "a real workbook whose only table is a staff list",
    build: () =>
      workbookOf([
        {
          name: "Danh sách",
          rows: [
            [{ value: "STT" }, { value: "Họ và tên" }, { value: "Chức vụ" }],
            [{ value: 1 }, { value: "Nguyễn Văn A" }, { value: "Giám đốc" }],
            [{ value: 2 }, { value: "Trần Thị B" }, { value: "Phó Giám đốc" }],
          ],
        },
      ]),
  },
  {
    name: "text-renamed",
    about: "the seed report's text saved with an .xlsx name",
    build: async () => new TextEncoder().encode("STT\tChỉ tiêu thống kê\tKết quả thống kê\t\tGhi chú\n1\tKiểm tra CCHC\t\t\t\n"),
  },
];

