/**
 * A second form, written for the tests (not official: test/fixtures/forms/thu-nghiem-xa.xlsx, authored with openpyxl
 * by scripts/make-test-form.py), through the whole path: checked, laid out by `template`, filled by a clerk with
 * planted slips, checked and filled with the right findings, consolidated, with a unit on another form listed apart.
 */
import * as fs from "fs";
import * as path from "path";
import ExcelJS from "exceljs";
import { cchcInProcess } from "../fixtures/cchcInProcess";
import { readFormBytes } from "../../src/xlsx";
import { tempDir } from "../fixtures/tempDir";
import { writeByIndicator } from "../fixtures/writeByIndicator";

jest.setTimeout(120000);

const ROOT = path.resolve(__dirname, "../..");
const FORMS = path.join(ROOT, "test", "fixtures", "forms");
const FORM = path.join(FORMS, "thu-nghiem-xa.xlsx");
/** The same form's version 2025.2 (two rows added), written by XlsxWriter. */
const FORM_V2 = path.join(FORMS, "thu-nghiem-xa-2025-2.xlsx");
/** The first version opened and saved again by LibreOffice Calc. */
const FORM_LIBREOFFICE = path.join(FORMS, "thu-nghiem-xa-libreoffice.xlsx");
const SAMPLE = path.join(ROOT, "samples", "phu-luc-mau-2023.xlsx");

const cchc = (...args: string[]) => cchcInProcess(args, new Date(Date.UTC(2025, 8, 1)));

const dir = tempDir("cchc-test-form-");

/** The template laid out by `cchc template --form`, filled as a clerk would: figures by indicator id. */
async function filled(name: string, unit: string, values: Record<string, ExcelJS.CellValue>, formFile = FORM, year = "2025"): Promise<string> {
  const blank = path.join(dir, `blank-${name}`);
  expect((await cchc("template", "--form", formFile, blank, "--unit", unit, "--year", year)).code).toBe(0);
  const form = await readFormBytes(fs.readFileSync(formFile), formFile);
  if (!form.ok) throw new Error("test form refused");
  return writeByIndicator(blank, form.form.template, path.join(dir, name), { values });
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

  it("reads the same from other writers: LibreOffice's re-save of the form, and its second version written by XlsxWriter", async () => {
    const read = async (file: string) => {
      const r = await readFormBytes(fs.readFileSync(file), file);
      if (!r.ok) throw new Error(`${file}: ${JSON.stringify(r.problems.slice(0, 2))}`);
      return r.form;
    };
    const [openpyxl, libreoffice, v2] = [await read(FORM), await read(FORM_LIBREOFFICE), await read(FORM_V2)];
    expect(libreoffice.template).toStrictEqual(openpyxl.template);
    expect(libreoffice.facts).toStrictEqual(openpyxl.facts);
    expect(libreoffice.reasons).toStrictEqual(openpyxl.reasons);
    expect(v2.facts).toStrictEqual({ ...openpyxl.facts, version: "2025.2", validFrom: "2026-01-01" });
    // The second version: the first one's rows, II.6 and III.2 added (the first version's III.2 is now III.3), one relation more.
    const ids = (f: typeof v2) => f.template.indicators.map((i) => i.id);
    expect(ids(v2)).toEqual([...ids(openpyxl).slice(0, 12), "II.6", "III.1", "III.2", "III.3"]);
    expect(v2.template.relations.map((r) => r.id)).toEqual([...openpyxl.template.relations.map((r) => r.id), "xa_post_le_received"]);
    for (const file of [FORM_LIBREOFFICE, FORM_V2]) {
      const r = await cchc("form", "check", file);
      expect([file, r.code]).toEqual([file, 0]);
    }
  });

  it("two versions of the form in one folder: each report is read with its own version; consolidation keeps one version and lists the other apart", async () => {
    const forms = path.join(dir, "hai-phien-ban");
    fs.mkdirSync(forms);
    fs.copyFileSync(FORM, path.join(forms, "thu-nghiem-xa.xlsx"));
    fs.copyFileSync(FORM_V2, path.join(forms, "thu-nghiem-xa-2025-2.xlsx"));
    const a = await filled("v1-a.xlsx", "UBND xã A", GOOD);
    const b = await filled("v1-b.xlsx", "UBND xã B", GOOD);
    const c = await filled("v2-c.xlsx", "UBND xã C", { ...GOOD, "II.6": 5, "III.2": 3 }, FORM_V2);
    const checked = await cchc("check", "--forms", forms, a, c, "--json");
    expect(checked.err).toBe("");
    const files = JSON.parse(checked.out).files;
    expect(files.map((f: { form: { version: string }; match: unknown }) => [f.form.version, f.match])).toEqual([
      ["2025.1", { matched: 14, total: 14 }],
      ["2025.2", { matched: 16, total: 16 }],
    ]);

    const out = path.join(dir, "TONG_HOP_hai_phien_ban.xlsx");
    const r = await cchc("consolidate", "--forms", forms, a, b, c, "-o", out, "--json");
    expect(r.code).toBe(1);
    const doc = JSON.parse(r.out);
    expect(doc.form).toMatchObject({ id: "thu-nghiem-xa-2025", version: "2025.1" });
    expect(doc.units.map((u: { templateVersion: string; included: boolean; match: unknown }) => [u.templateVersion, u.included, u.match])).toEqual([
      ["2025.1", true, { matched: 14, total: 14 }],
      ["2025.1", true, { matched: 14, total: 14 }],
      ["2025.2", false, { matched: 16, total: 16 }],
    ]);
    const apart = doc.units[2].issues.find((i: { code: string }) => i.code === "template_mismatch");
    expect(apart.message).toBe(
      "Phụ lục theo mẫu “Thống kê số liệu cải cách hành chính của UBND xã (mẫu thử nghiệm)” phiên bản 2025.2, khác phiên bản của đợt tổng hợp (2025.1); tệp được liệt kê riêng, không đưa vào tổng hợp vì hai phiên bản của một mẫu có thể khác nhau về dòng và chỉ tiêu (tổng hợp riêng các tệp theo phiên bản này bằng --form).",
    );

    // The summary per form: --form names the version, and the units on the other version are the ones listed apart.
    const perForm = await cchc("consolidate", "--form", FORM_V2, c, "-o", path.join(dir, "TONG_HOP_2025_2.xlsx"), "--json");
    const v2doc = JSON.parse(perForm.out);
    expect(v2doc.form).toMatchObject({ version: "2025.2" });
    expect(v2doc.units.map((u: { included: boolean }) => u.included)).toEqual([true]);
  });

  it("says when the form may not fit the report: a period before the form applies, another province, another level (text and --json)", async () => {
    const other = path.join(dir, "so-tu-phap.xlsx");
    expect((await cchc("template", "--form", FORM, other, "--unit", "Sở Tư pháp tỉnh Bạc Liêu", "--year", "2024")).code).toBe(0);
    const text = await cchc("check", "--form", FORM, other);
    expect(text.out.split("\n").filter((l) => l.includes("Lưu ý về mẫu"))).toEqual([
      "  Lưu ý về mẫu: Kỳ báo cáo kết thúc ngày 14/12/2024, trước ngày mẫu “thu-nghiem-xa-2025” bắt đầu áp dụng (01/07/2025); hãy kiểm tra có dùng đúng mẫu của kỳ đó không.",
      "  Lưu ý về mẫu: Tiêu đề ghi tỉnh, thành phố “Bạc Liêu”, còn mẫu đang dùng là mẫu của Thử Nghiệm; hãy kiểm tra có dùng đúng mẫu của tỉnh, thành phố mình không.",
      "  Lưu ý về mẫu: Tiêu đề cho thấy báo cáo của sở, ngành, còn mẫu đang dùng là mẫu cho UBND xã.",
    ]);
    const json = JSON.parse((await cchc("check", "--form", FORM, other, "--json")).out).files[0];
    expect(json.formWarnings.map((w: { code: string }) => w.code)).toEqual(["period_before_form", "other_province", "other_level"]);
    // The period the check goes by is the user's when given: --period moves the report into the form's validity.
    const moved = JSON.parse((await cchc("check", "--form", FORM, other, "--json", "--period", "nam/2025")).out).files[0];
    expect(moved.formWarnings.map((w: { code: string }) => w.code)).toEqual(["other_province", "other_level"]);
    // A commune of the form's province reporting on a period the form covers: nothing to say.
    const fits = await filled("xa-dung-mau.xlsx", "UBND xã Hòa Bình, tỉnh Thử Nghiệm", GOOD);
    expect(JSON.parse((await cchc("check", "--form", FORM, fits, "--json")).out).files[0].formWarnings).toBeUndefined();
  });

  it("`form import` of the blank appendix `template` laid out gives back the form's outline (1, 1.1, a)) and kinds (two yes/no codings, a coded choice), its relations drafted", async () => {
    const blank = path.join(dir, "trong.xlsx");
    expect((await cchc("template", "--form", FORM, blank, "--year", "2025")).code).toBe(0);
    const out = path.join(dir, "nhap-tu-mau-trong.json");
    const r = await cchc("form", "import", blank, "-o", out);
    expect(r.code).toBe(0);
    const draft = JSON.parse(fs.readFileSync(out, "utf8"));
    const form = await readFormBytes(fs.readFileSync(FORM), FORM);
    if (!form.ok) throw new Error("test form refused");
    const shape = (rows: readonly { id: string; kind: string; unit?: string }[]) => rows.map((i) => `${i.id} ${i.kind} ${i.unit ?? ""}`);
    expect(shape(draft.indicators)).toEqual(shape(form.form.template.indicators));
    expect(draft.indicators.find((i: { id: string }) => i.id === "II.5")).toMatchObject({ kind: "choice", unit: "Hộp thư = 0 Điện thoại = 1 Cả hai = 2" });
    // What the structure shows is drafted, each to confirm: the rate over the two counts under it, the yes/no over its count, the parts a) b).
    expect(draft.relations.map((x: { id: string; kind: string; draft: boolean }) => `${x.id} ${x.kind} ${x.draft}`)).toEqual([
      "i_1_rate rate true",
      "i_1_part_le_whole part_of_whole true",
      "i_2_no_then_zero flag_counts true",
      "ii_1_a_le_ii_1 part_of_whole true",
      "ii_1_b_le_ii_1 part_of_whole true",
    ]);
    expect(r.out).toContain("Chưa quyết được 3 điểm");
  });
});