/**
 * A second form, written for the tests (not official: test/fixtures/forms/thu-nghiem-xa.xlsx, authored with openpyxl
 * by scripts/make-test-form.py), through the whole path: checked, laid out by `template`, filled by a clerk with
 * planted slips, checked and filled with the right findings, consolidated, with a unit on another form listed apart.
 */
import * as fs from "fs";
import * as path from "path";
import ExcelJS from "exceljs";
import { checkWorkbook, toA1 } from "../../src/core";
import { cchcInProcess } from "../fixtures/cchcInProcess";
import { readFormBytes, readWorkbook } from "../../src/xlsx";
import { tempDir } from "../fixtures/tempDir";

jest.setTimeout(120000);

const ROOT = path.resolve(__dirname, "../..");
const FORM = path.join(ROOT, "test", "fixtures", "forms", "thu-nghiem-xa.xlsx");
const SAMPLE = path.join(ROOT, "samples", "phu-luc-mau-2023.xlsx");

const cchc = (...args: string[]) => cchcInProcess(args, new Date(Date.UTC(2025, 8, 1)));

const dir = tempDir("cchc-test-form-");

/** The template laid out by `cchc template --form`, filled as a clerk would: figures by indicator id. */
async function filled(name: string, unit: string, values: Record<string, ExcelJS.CellValue>): Promise<string> {
  const blank = path.join(dir, `blank-${name}`);
  expect((await cchc("template", "--form", FORM, blank, "--unit", unit, "--year", "2025")).code).toBe(0);
  const form = await readFormBytes(fs.readFileSync(FORM), FORM);
  if (!form.ok) throw new Error("test form refused");
  const located = checkWorkbook(await readWorkbook(fs.readFileSync(blank)), [form.form.template]);
  if (!located.found) throw new Error("template not located");
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(blank);
  const ws = wb.getWorksheet(located.sheet)!;
  for (const [id, value] of Object.entries(values)) {
    ws.getCell(toA1({ row: located.location.rows[id], col: located.location.columns.value })).value = value;
  }
  const file = path.join(dir, name);
  await wb.xlsx.writeFile(file);
  return file;
}

const GOOD = { "I.1.1": 10, "I.1.2": 8, "I.2": 1, "I.2.1": 2, "II.1": 50, "II.1.a": 20, "II.1.b": 30, "II.2": 45, "II.4": 1, "II.5": 2, "III.1": 1200 };

describe("the test form through the whole path", () => {
  it("is labelled a test form and passes `form check`", async () => {
    const r = await cchc("form", "check", FORM);
    expect(r.code).toBe(0);
    expect(r.out).toContain("(Thử Nghiệm, UBND xã; phiên bản 2025.1; thử nghiệm, không phải mẫu chính thức)");
    expect(r.out).toContain("3 phần, 14 chỉ tiêu, 7 quan hệ.");
  });

  it("`template --form` lays it out: every row recognised, drop-downs on its yes/no and choice rows", async () => {
    const t = path.join(dir, "t.xlsx");
    const r = await cchc("template", "--form", FORM, t);
    expect(r.out).toContain("14 ô số liệu, 3 ô công thức, 3 danh sách chọn");
    const checked = await cchc("check", "--form", FORM, t, "--json");
    const file = JSON.parse(checked.out).files[0];
    expect(file.match).toEqual({ matched: 14, total: 14 });
    expect(file.form).toMatchObject({ id: "thu-nghiem-xa-2025", version: "2025.1", status: "test", level: "ubnd_xa" });
  });

  it("a clerk's slips are found: parts above the whole, a yes/no contradicted, parts not adding up, a code the row lacks, words in a count", async () => {
    const file = await filled("sai.xlsx", "UBND xã Sai Sót", {
      ...GOOD,
      "I.1.2": 12,
      "I.2": 0,
      "II.1.b": 25,
      "II.4": 2,
      "III.1": "một nghìn",
    });
    const r = await cchc("check", "--form", FORM, file, "--json");
    expect(r.code).toBe(1);
    const errors = JSON.parse(r.out).files[0].findings.filter((f: { severity: string }) => f.severity === "error").map((f: { code: string; indicator: string }) => `${f.code} ${f.indicator}`);
    expect(errors.sort()).toEqual(
      ["code_not_allowed II.4", "flag_contradicts_counts I.2", "part_exceeds_whole I.1.2", "sum_mismatch II.1", "text_not_number III.1"].sort(),
    );
  });

  it("`fill` writes the rates the form declares (I.1 = 80, II.3 = 90) where the clerk cleared the template's formulas", async () => {
    const file = await filled("dung.xlsx", "UBND xã Đúng", { ...GOOD, "I.1": null, "II.3": null });
    const before = await cchc("check", "--form", FORM, file, "--json");
    expect(JSON.parse(before.out).files[0].summary.errors).toBe(0);
    const out = path.join(dir, "dung-da-dien.xlsx");
    const r = await cchc("fill", "--form", FORM, file, "-o", out);
    expect(r.code).toBe(0);
    expect(r.out).toMatch(/Đã điền 2 ô:/);
    expect(r.out).toMatch(/= 80 .*Tỷ lệ hoàn thành kế hoạch/);
    expect(r.out).toMatch(/= 90 .*Tỷ lệ hồ sơ giải quyết đúng hạn/);
  });

  it("consolidates units on the test form; a unit on another form is listed apart with the reason", async () => {
    const a = await filled("xa-a.xlsx", "UBND xã A", GOOD);
    const b = await filled("xa-b.xlsx", "UBND xã B", { ...GOOD, "II.1": 10, "II.1.a": 4, "II.1.b": 6, "II.2": 9 });
    const forms = path.join(dir, "mau");
    fs.mkdirSync(forms);
    fs.copyFileSync(FORM, path.join(forms, "thu-nghiem-xa.xlsx"));
    const out = path.join(dir, "TONG_HOP.xlsx");
    const r = await cchc("consolidate", "--forms", forms, a, b, SAMPLE, "-o", out, "--json");
    const doc = JSON.parse(r.out);
    expect(doc.form).toMatchObject({ id: "thu-nghiem-xa-2025", version: "2025.1" });
    const apart = JSON.stringify(doc);
    expect(apart).toContain("template_mismatch");
    expect(apart).toContain("so-nganh-2023");
    expect(fs.existsSync(out)).toBe(true);
    // The summary's totals are the two units' figures added up, on the test form's rows.
    const summary = new ExcelJS.Workbook();
    await summary.xlsx.readFile(out);
    const row = (label: string) => {
      let found: unknown[] = [];
      summary.worksheets[0].eachRow((r) => {
        const values = (r.values as unknown[]).map((v) => (v && typeof v === "object" && "result" in v ? (v as { result: unknown }).result : v));
        if (values.includes(label)) found = values;
      });
      return found;
    };
    expect(row("Tổng số hồ sơ tiếp nhận trong kỳ")).toEqual(expect.arrayContaining([50, 10, 60]));
    expect(row("Số nhiệm vụ trong kế hoạch của xã")).toEqual(expect.arrayContaining([10, 10, 20]));
  });
});
