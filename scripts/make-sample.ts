/**
 * Writes samples/phu-luc-mau-2023.xlsx: the official template (layout plan + ExcelJS renderer) filled with the seed
 * report's appendix figures (the committed test/fixtures/seed-appendix.json) exactly as its author typed them: "02" and
 * "100%" stay text, the blank completion rate stays blank (no formula), notes go to "Ghi chú".
 * Run: npx tsx scripts/make-sample.ts
 */
import * as fs from "fs";
import * as path from "path";
import { layoutPlan, PLAN_COLUMNS, PLAN_FIRST_ROW, soNganh } from "../src/core";
import { templateWorkbook, workbookBytes } from "../src/xlsx/renderPlan";
import { isSectionRow, seedRows, type SeedRow } from "../test/fixtures/seed";

/** Where the sample goes. */
export const SAMPLE_PATH = path.resolve(__dirname, "../samples/phu-luc-mau-2023.xlsx");

/** A value as the seed's author typed it: plain whole numbers are numbers, anything else stays text. */
function typed(value: string): string | number | null {
  if (value === "") return null;
  return /^(0|[1-9]\d*)$/.test(value) ? Number(value) : value;
}

/** The sample workbook's bytes. */
export async function sampleBytes(): Promise<Uint8Array> {
  const plan = layoutPlan(soNganh, {
    unitName: "Sở Thông tin và Truyền thông tỉnh Sóc Trăng",
    year: 2023,
    period: "nam",
    reportNo: "319/BC-STTTT",
    reportDate: "15/12/2023",
  });
  const workbook = templateWorkbook(plan);
  // Fixed dates keep the file the same from one run to the next.
  workbook.created = workbook.modified = new Date(Date.UTC(2023, 11, 15));
  const ws = workbook.worksheets[0];
  const rows: SeedRow[] = seedRows();
  const planRows = soNganh.sections.length + soNganh.indicators.length;
  if (rows.length !== planRows) {
    throw new Error(`The seed appendix has ${rows.length} rows and the template ${planRows}: the sample would be misaligned.`);
  }
  rows.forEach((seed, i) => {
    const row = ws.getRow(PLAN_FIRST_ROW + i + 1);
    const label = String(row.getCell(PLAN_COLUMNS.label + 1).value ?? "");
    const sectionInPlan = /^[IVX]+$/.test(String(row.getCell(PLAN_COLUMNS.stt + 1).value ?? ""));
    if (isSectionRow(seed) !== sectionInPlan) {
      throw new Error(`Row ${row.number}: seed row “${seed.label}” does not line up with “${label}”.`);
    }
    if (sectionInPlan) return;
    // Labels and units stay the template's official text (corrections: docs/TEMPLATE.md).
    // The seed's own figure replaces the template's formula: the sample is a file a person filled by hand.
    row.getCell(PLAN_COLUMNS.value + 1).value = typed(seed.value);
    if (seed.note) row.getCell(PLAN_COLUMNS.note + 1).value = seed.note;
  });
  return workbookBytes(workbook);
}

if (require.main === module) {
  sampleBytes().then((bytes) => {
    fs.writeFileSync(SAMPLE_PATH, bytes);
    process.stdout.write(`wrote ${path.relative(process.cwd(), SAMPLE_PATH)}\n`);
  });
}
