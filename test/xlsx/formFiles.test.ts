/**
 * The built-in form as files (forms/so-nganh-soc-trang-2023.xlsx and .json): up to date with the catalog, compiling
 * to the very template the engine runs, valid against the published schema, and giving the same results.
 */
import { builtinFormReasons, builtinForms, cellA1, checkWorkbook, draftForm, type Form, formDocument, formJson, soNganh, soNganhFacts } from "../../src/core";
import * as fs from "fs";
import * as path from "path";
import ExcelJS from "exceljs";
import { readWorkbook, workbookBytes } from "../../src/xlsx";
import { readFormBytes } from "../../src/xlsx/formWorkbook";
import { BUILTIN_FORM_FILE, builtinDocument, builtinReasons, REASONS_MODULE, reasonsModule } from "../../scripts/make-forms";
import { validateJsonSchema } from "../fixtures/jsonSchema";
import { APPENDIX_WORKBOOKS, sheetsOf } from "../fixtures/builtinFormWorkbooks";

const root = path.join(__dirname, "../..");
const formsDir = path.join(root, "forms");
const schema = JSON.parse(fs.readFileSync(path.join(root, "schemas/form.schema.json"), "utf8"));

async function compiled(file: string): Promise<Form> {
  const r = await readFormBytes(fs.readFileSync(path.join(formsDir, file)), file);
  if (!r.ok) throw new Error(`${file}: ${JSON.stringify(r.problems.slice(0, 3))}`);
  return r.form;
}

describe("the built-in form as files", () => {
  it("the JSON file is what scripts/make-forms.ts writes today (run `npx tsx scripts/make-forms.ts` after changing the catalog or docs/RULES.md)", () => {
    const committed = fs.readFileSync(path.join(formsDir, `${BUILTIN_FORM_FILE}.json`), "utf8");
    expect(committed).toBe(formJson(builtinDocument()));
  });

  it("the built-in form's reasons in the program are every relation's from docs/RULES.md, as the files carry them", async () => {
    expect(fs.readFileSync(path.join(root, REASONS_MODULE), "utf8")).toBe(reasonsModule());
    const builtin = builtinForms[0];
    expect(builtin.template).toBe(soNganh);
    const reasons = await builtinFormReasons(builtin.template.id);
    expect(reasons).toStrictEqual(builtinReasons());
    expect(Object.keys(reasons)).toHaveLength(soNganh.relations.length);
    expect(await builtinFormReasons("another-form")).toEqual({});
  });

  it.each([".xlsx", ".json"])("the %s file compiles to a template deep-equal to the catalog, with the catalog's facts", async (ext) => {
    const form = await compiled(`${BUILTIN_FORM_FILE}${ext}`);
    expect(form.template).toStrictEqual(soNganh);
    expect(form.facts).toStrictEqual(soNganhFacts);
    expect(form.drafts).toEqual([]);
    // Every relation carries its reason from docs/RULES.md, in both languages.
    for (const r of soNganh.relations) {
      expect(form.reasons[r.id]?.vi).toMatch(/\S/);
      expect(form.reasons[r.id]?.en).toMatch(/\S/);
    }
  });

  it("its facts cite the source document and record the 2025 changes without claiming a newer form", () => {
    expect(soNganhFacts.document).toContain("535/SNV-TTr");
    expect(soNganhFacts.document).toContain("11/3/2022");
    const notes = soNganhFacts.notes!.join(" ");
    for (const fact of ["202/2025/QH15", "Cần Thơ", "1/7/2025", "hai cấp", "Sở Khoa học và Công nghệ", "42/2022/NĐ-CP", "toàn trình", "một phần"]) {
      expect(notes).toContain(fact);
    }
    expect(notes).toContain("không phải nội dung của một mẫu chính thức mới hơn");
    expect(soNganhFacts.validTo).toBeUndefined();
  });

  it("every JSON form in forms/ validates against schemas/form.schema.json", () => {
    const files = fs.readdirSync(formsDir).filter((f) => f.endsWith(".json"));
    expect(files).toContain(`${BUILTIN_FORM_FILE}.json`);
    for (const f of files) expect([f, validateJsonSchema(schema, JSON.parse(fs.readFileSync(path.join(formsDir, f), "utf8")))]).toEqual([f, []]);
  });

  it("the test forms and a draft of `form import` validate against the schema too", async () => {
    const forms = path.join(root, "test/fixtures/forms");
    const files = fs.readdirSync(forms).filter((f) => f.startsWith("thu-nghiem") || f === "suy-ra-xa.xlsx");
    expect(files.length).toBeGreaterThanOrEqual(3);
    for (const f of files) {
      const r = await readFormBytes(fs.readFileSync(path.join(forms, f)), f);
      if (!r.ok) throw new Error(`${f} refused`);
      expect([f, validateJsonSchema(schema, JSON.parse(formJson(formDocument(r.form.facts, r.form.template, { reasons: r.form.reasons }))))]).toEqual([f, []]);
    }
    const draft = draftForm(sheetsOf("test/xlsx/golden/seed.xlsx"))!;
    expect(validateJsonSchema(schema, JSON.parse(formJson(draft.document)))).toEqual([]);
  });

  it("the schema refuses what the checker refuses in shape (so the validation above can fail)", () => {
    const good = JSON.parse(formJson(builtinDocument()));
    const broken = (edit: (d: typeof good) => void) => {
      const d = structuredClone(good);
      edit(d);
      return validateJsonSchema(schema, d);
    };
    expect(broken((d) => (d.facts.level = "huyen"))).toEqual([expect.stringContaining("$.facts.level")]);
    expect(broken((d) => delete d.indicators[0].kind)).toEqual([expect.stringContaining("missing kind")]);
    expect(broken((d) => (d.indicators[3].acceptedUnit = ["x"]))).toEqual([expect.stringContaining("unexpected acceptedUnit")]);
    expect(broken((d) => (d.relations[0].target = []))).toEqual([expect.stringContaining("fewer than 1")]);
    expect(broken((d) => (d.relations[0].inputs = ["I 1"]))).toEqual([expect.stringContaining("does not match")]);
    expect(broken((d) => (d.formatVersion = 2))).toEqual([expect.stringContaining("$.formatVersion")]);
  });
});

describe("the same results with the form file as with the catalog", () => {
  const sample = fs.readFileSync(path.join(root, "samples/phu-luc-mau-2023.xlsx"));

  /** The sample, and copies with planted slips (a part above its whole, a wrong rate, a flag "2", text in a count). */
  async function workbooks(): Promise<Uint8Array[]> {
    const edits: Record<string, ExcelJS.CellValue>[] = [{}, { D14: 60 }, { D12: 50 }, { D21: 2, D26: "hai" }, { D13: "chưa thống kê" }];
    const out: Uint8Array[] = [];
    for (const edit of edits) {
      const wb = new ExcelJS.Workbook();
      await wb.xlsx.load(sample as unknown as ExcelJS.Buffer);
      for (const [cell, value] of Object.entries(edit)) wb.worksheets[0].getCell(cell).value = value;
      out.push(await workbookBytes(wb));
    }
    return out;
  }

  it.each([".xlsx", ".json"])("the %s file checks every appendix the tests keep (118, every writer) exactly as the catalog", async (ext) => {
    const form = await compiled(`${BUILTIN_FORM_FILE}${ext}`);
    expect(APPENDIX_WORKBOOKS.length).toBeGreaterThanOrEqual(118);
    for (const file of APPENDIX_WORKBOOKS) {
      const sheets = sheetsOf(file);
      const viaCatalog = checkWorkbook(sheets, [soNganh]);
      expect([file, viaCatalog.found]).toEqual([file, true]);
      expect(checkWorkbook(sheets, [form.template])).toStrictEqual(viaCatalog);
    }
  });

  it("the sample and its edited copies give deep-equal checks", async () => {
    const form = await compiled(`${BUILTIN_FORM_FILE}.xlsx`);
    const errors: string[][] = [];
    for (const bytes of await workbooks()) {
      const sheets = await readWorkbook(bytes);
      const viaFile = checkWorkbook(sheets, [form.template]);
      const viaCatalog = checkWorkbook(sheets, [soNganh]);
      expect(viaFile).toStrictEqual(viaCatalog);
      errors.push(viaFile.found ? viaFile.findings.filter((f) => f.severity === "error").map((f) => `${f.code} ${cellA1(f.cell)}`) : ["not found"]);
    }
    // One error per planted slip (D21 is the group row I.3, whose value cell no rule reads).
    expect(errors).toEqual([[], ["part_exceeds_whole D14"], ["rate_mismatch D12"], ["code_not_allowed D26"], ["text_not_number D13"]]);
  });
});
