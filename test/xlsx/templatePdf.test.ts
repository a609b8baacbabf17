/**
 * The template as a person sees it on paper: LibreOffice prints it to PDF; every page is A4 portrait, repeats the
 * header with all five columns (so nothing spills onto extra pages sideways), and every section and label is there.
 */
import { execFileSync } from "child_process";
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { soNganh } from "../../src/core/catalog";
import { layoutPlan } from "../../src/core/layout";
import { templateWorkbook, workbookBytes } from "../../src/xlsx";
import { convertWithLibreOffice } from "./libreoffice";

jest.setTimeout(180000);

function poppler(tool: string, args: string[]): string {
  return execFileSync(tool, args, { encoding: "utf8" });
}

/** Text without any white space, NFC: wrapped cells break lines anywhere. */
function squeeze(text: string): string {
  return text.normalize("NFC").replace(/\s+/g, "");
}

test("the template prints on A4 with the header on every page and every row readable", async () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "cchc-pdf-"));
  const xlsx = path.join(dir, "mau.xlsx");
  fs.writeFileSync(xlsx, await workbookBytes(templateWorkbook(layoutPlan(soNganh, { unitName: "Sở Thông tin và Truyền thông", year: 2023 }))));
  const pdf = convertWithLibreOffice(xlsx, "pdf");

  const info = poppler("pdfinfo", [pdf]);
  const pages = Number(/Pages:\s+(\d+)/.exec(info)![1]);
  expect(info).toMatch(/Page size:\s+595\.\d+ x 841\.\d+ pts \(A4\)/);
  expect(pages).toBeGreaterThanOrEqual(2);
  for (let p = 1; p <= pages; p++) {
    const text = squeeze(poppler("pdftotext", ["-f", String(p), "-l", String(p), pdf, "-"]));
    for (const heading of ["STT", "Chỉtiêuthốngkê", "Kếtquảthốngkê", "Đơnvịtính", "Sốliệu", "Ghichú"]) expect(text).toContain(heading);
  }
  const all = squeeze(poppler("pdftotext", [pdf, "-"]));
  expect(all).toContain(squeeze("THỐNG KÊ SỐ LIỆU BÁO CÁO CẢI CÁCH HÀNH CHÍNH"));
  expect(all).toContain(squeeze("Năm 2023 (từ ngày 15/12/2022-14/12/2023)"));
  const missing = [...soNganh.sections.map((s) => s.label), ...soNganh.indicators.map((i) => i.label)].filter(
    (label) => !all.includes(squeeze(label)),
  );
  expect(missing).toEqual([]);
});
