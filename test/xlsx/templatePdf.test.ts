/**
 * The template as a person sees it on paper: LibreOffice prints it to PDF, and the test reads the PDF cell by cell
 * (the ruled lines of each rendered page give the cells, pdftotext -bbox the words inside them). Every page is A4
 * portrait and starts with the header; every row of the template is there, in order, each cell holding its whole
 * text; and no word crosses a cell's edge, i.e. no row is too short for its text and clips it.
 *
 * Printed twice: with the template's own font (Times New Roman; on Linux its metric twin Liberation Serif) and with
 * every cell's font replaced by DejaVu Serif, a wider family LibreOffice falls back to where Times is missing. Row
 * heights are fixed in the file (LibreOffice does not size rows on opening one), so they must hold in both.
 */
import { execFileSync } from "child_process";
import * as fs from "fs";
import * as path from "path";
import { cleanText, type LayoutOptions, layoutPlan, periodText, soNganh } from "../../src/core";
import { templateWorkbook, workbookBytes } from "../../src/xlsx";
import { convertWithLibreOffice } from "./libreoffice";
import { inside, overlaps, pageCount, pdfFonts, pdfWords, tableRows, textIn, type Box, type TableRow, type Word } from "./pdfTable";
import { tempDir } from "../fixtures/tempDir";

jest.setTimeout(180000);

const OPTIONS: LayoutOptions = {
  unitName: "Sở Thông tin và Truyền thông tỉnh Sóc Trăng",
  year: 2023,
  period: "nam",
  reportNo: "319/BC-STTTT",
  reportDate: "15/12/2023",
};

/** The cells of the template's table as it must print: STT, label, unit, value (blank), note. */
const EXPECTED_ROWS: string[][] = soNganh.sections.flatMap((s) => [
  [s.stt, s.label, "", "", ""],
  ...soNganh.indicators.filter((i) => i.section === s.id).map((i) => [i.stt, i.label, i.unit, "", i.noteHint ?? ""].map(cleanText)),
]);

/** The title block above the table, line after line. */
const EXPECTED_TITLE = [
  "SỞ THÔNG TIN VÀ TRUYỀN THÔNG TỈNH SÓC TRĂNG",
  "PHỤ LỤC",
  "THỐNG KÊ SỐ LIỆU BÁO CÁO CẢI CÁCH HÀNH CHÍNH",
  "NĂM 2023 CỦA SỞ THÔNG TIN VÀ TRUYỀN THÔNG TỈNH SÓC TRĂNG",
  "(Kèm theo Báo cáo số: 319/BC-STTTT ngày 15/12/2023 của Sở Thông tin và Truyền thông tỉnh Sóc Trăng)",
  periodText("nam", 2023),
].join(" ");

interface Printed {
  /** pdfinfo's report and the fonts the PDF embeds. */
  readonly info: string;
  readonly fonts: string[];
  readonly pages: number;
  readonly words: Word[];
  /** Ruled rows per page, index 0 = page 1. */
  readonly rows: TableRow[][];
}

async function printTemplate(font: string | undefined): Promise<Printed> {
  const dir = tempDir("cchc-pdf-");
  const workbook = templateWorkbook(layoutPlan(soNganh, OPTIONS));
  if (font) {
    workbook.eachSheet((ws) => ws.eachRow({ includeEmpty: true }, (row) => row.eachCell({ includeEmpty: true }, (c) => (c.font = { ...c.font, name: font }))));
  }
  const xlsx = path.join(dir, "mau.xlsx");
  fs.writeFileSync(xlsx, await workbookBytes(workbook));
  const pdf = convertWithLibreOffice(xlsx, "pdf");
  try {
    const pages = pageCount(pdf);
    const info = execFileSync("pdfinfo", [pdf], { encoding: "utf8" });
    return { info, fonts: pdfFonts(pdf), pages, words: pdfWords(pdf), rows: Array.from({ length: pages }, (_, p) => tableRows(pdf, p + 1)) };
  } finally {
    // LibreOffice's own working folder (profile and output) is the PDF's grandparent.
    for (const d of [dir, path.dirname(path.dirname(pdf))]) fs.rmSync(d, { recursive: true, force: true });
  }
}

/** The cell's box, with the unit and value columns taken together (the header's "Kết quả thống kê" spans both). */
function joined(a: Box, b: Box): Box {
  return { x0: a.x0, y0: a.y0, x1: b.x1, y1: b.y1 };
}

describe.each([
  { family: "the template's own font (Liberation Serif for Times New Roman)", font: undefined, embedded: "LiberationSerif" },
  { family: "a wider fallback font (DejaVu Serif)", font: "DejaVu Serif", embedded: "DejaVuSerif" },
])("the template printed with $family", ({ font, embedded }) => {
  let printed: Printed;
  beforeAll(async () => {
    printed = await printTemplate(font);
  });

  test("is printed in that font family, on A4 portrait pages", () => {
    // Regular for the labels and bold for headers and sections (italic is the family's, or slanted by LibreOffice).
    const fonts = printed.fonts;
    expect(fonts.filter((f) => f !== embedded && !f.startsWith(`${embedded}-`))).toEqual([]);
    expect(fonts).toEqual(expect.arrayContaining([embedded, `${embedded}-Bold`]));
    expect(printed.pages).toBeGreaterThanOrEqual(3);
    expect(printed.info).toMatch(/Page size:\s+595\.\d+ x 841\.\d+ pts \(A4\)/);
  });

  test("every page starts its table with the header, all five columns on the page", () => {
    printed.rows.forEach((rows, p) => {
      const [a, b, c, d, e] = rows[0].cells;
      expect(rows[0].cells).toHaveLength(5);
      expect([textIn(printed.words, p + 1, a), textIn(printed.words, p + 1, b)]).toEqual(["STT", "Chỉ tiêu thống kê"]);
      expect(textIn(printed.words, p + 1, joined(c, d))).toBe("Kết quả thống kê Đơn vị tính Số liệu");
      expect(textIn(printed.words, p + 1, e)).toBe("Ghi chú");
    });
  });

  test("the title block sits above the table on page 1, whole", () => {
    const top = printed.rows[0][0].y0;
    expect(textIn(printed.words, 1, { x0: 0, y0: 0, x1: 10000, y1: top })).toBe(EXPECTED_TITLE);
  });

  test("the rows under the headers are the template's rows in order, each cell holding its whole text", () => {
    const cells = printed.rows.flatMap((rows, p) => rows.slice(1).map((r) => r.cells.map((c) => textIn(printed.words, p + 1, c))));
    expect(cells).toEqual(EXPECTED_ROWS);
  });

  test("no word crosses a cell's edge (no row clips its text)", () => {
    const crossing: string[] = [];
    printed.rows.forEach((rows, p) => {
      const table: Box = { x0: rows[0].cells[0].x0, y0: rows[0].y0, x1: rows[0].cells[4].x1, y1: rows[rows.length - 1].y1 };
      const header = rows[0].cells;
      const boxes = [header[0], header[1], joined(header[2], header[3]), header[4], ...rows.slice(1).flatMap((r) => r.cells)];
      for (const w of printed.words.filter((w) => w.page === p + 1 && overlaps(w, table))) {
        if (!boxes.some((b) => inside(w, b))) crossing.push(`page ${p + 1}: “${w.text}” at y ${w.y0.toFixed(1)}–${w.y1.toFixed(1)}`);
      }
    });
    expect(crossing).toEqual([]);
  });
});
