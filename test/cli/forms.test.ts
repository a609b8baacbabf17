/** `cchc form check`, `cchc form import`, and `--form` / `--forms` / CCHC_FORMS on the other commands. */
import { spawnSync } from "child_process";
import * as fs from "fs";
import * as path from "path";
import { formDocument, formJson, soNganh, soNganhFacts } from "../../src/core";
import { cchcInProcess } from "../fixtures/cchcInProcess";
import { formWorkbookBytes } from "../../src/xlsx/formWorkbook";
import { builtinDocument } from "../../scripts/make-forms";
import { tempDir } from "../fixtures/tempDir";
import { badForms } from "../fixtures/badForms";

jest.setTimeout(120000);

const ROOT = path.resolve(__dirname, "../..");
const SAMPLE = path.join(ROOT, "samples", "phu-luc-mau-2023.xlsx");
const BUILTIN = path.join(ROOT, "forms", "so-nganh-soc-trang-2023.xlsx");

const cchc = (args: string[], env: Record<string, string> = {}) => cchcInProcess(args, new Date(Date.UTC(2024, 5, 1)), env);

function tmp(): string {
  return tempDir("cchc-forms-");
}

/** The built-in form's document with one edit, written as a form workbook. */
/** The document as plain, editable data. */
interface LooseDoc {
  facts: Record<string, string>;
  indicators: Record<string, unknown>[];
  relations: Record<string, unknown>[];
}

async function editedForm(dir: string, name: string, edit: (d: LooseDoc) => void): Promise<string> {
  const doc = structuredClone(builtinDocument()) as unknown as LooseDoc;
  edit(doc);
  const file = path.join(dir, name);
  fs.writeFileSync(file, await formWorkbookBytes(doc as unknown as ReturnType<typeof formDocument>));
  return file;
}

describe("cchc form check", () => {
  it("the built-in form file is usable: exit 0, its name, version and size", async () => {
    const r = await cchc(["form", "check", BUILTIN]);
    expect(r.code).toBe(0);
    expect(r.out).toContain("Thống kê số liệu báo cáo cải cách hành chính của sở, ngành (Sóc Trăng, sở, ngành; phiên bản 2022)");
    expect(r.out).toContain(`7 phần, 178 chỉ tiêu, ${soNganh.relations.length} quan hệ.`);
    expect(r.out).toContain("dùng được, không có vấn đề nào.");
  });

  it("a relation naming an indicator the form lacks: exit 1, sheet, row and column, in Vietnamese and English", async () => {
    const dir = tmp();
    const file = await editedForm(dir, "sai.xlsx", (d) => {
      d.relations[12].inputs = ["IV.9"];
    });
    const vi = await cchc(["form", "check", file]);
    expect(vi.code).toBe(1);
    expect(vi.out).toContain("Trang Quan hệ, dòng 14, cột “Chỉ tiêu đầu vào”: chỉ tiêu “IV.9” không có trong trang Chỉ tiêu.");
    expect(vi.out).toContain("không dùng được — 1 lỗi, 0 cảnh báo.");
    const en = await cchc(["form", "check", file, "--lang", "en"]);
    expect(en.out).toContain('Sheet "Quan hệ", row 14, column "Chỉ tiêu đầu vào": indicator "IV.9" is not in the sheet "Chỉ tiêu".');
    const json = JSON.parse((await cchc(["form", "check", file, "--json"])).out);
    expect(json).toMatchObject({ usable: false, form: null, problems: [{ severity: "error", code: "relation_indicator_unknown", at: { sheet: "relations", row: 14, field: "inputs" } }] });
  });

  it.each([
    ["an appendix, not a form", () => SAMPLE, /^Tệp này không phải là mẫu phụ lục .*; trong tệp có: Phụ lục\.\n$/],
    ["over 1 MB", (dir: string) => {
      const f = path.join(dir, "to.json");
      fs.writeFileSync(f, `{"x":"${"a".repeat(1100 * 1024)}"}`);
      return f;
    }, /^Tệp mẫu có dung lượng 1,1 MB, vượt giới hạn 1,0 MB của một tệp mẫu;/],
    ["not JSON", (dir: string) => {
      const f = path.join(dir, "hong.json");
      fs.writeFileSync(f, "{ mẫu");
      return f;
    }, /^Tệp này không phải là mẫu phụ lục/],
  ])("%s: exit 2, one sentence on stderr", async (_name, file, sentence) => {
    const r = await cchc(["form", "check", file(tmp())]);
    expect(r.code).toBe(2);
    expect(r.err).toMatch(sentence);
    expect(r.err.trim().split("\n")).toHaveLength(1);
    expect(r.out).toBe("");
  });

  it("a JSON form with script in a label: exit 1 and the place", async () => {
    const dir = tmp();
    const doc = JSON.parse(formJson(formDocument(soNganhFacts, soNganh)));
    doc.indicators[4].label = "<script>alert('x')</script>";
    fs.writeFileSync(path.join(dir, "x.json"), JSON.stringify(doc));
    const r = await cchc(["form", "check", path.join(dir, "x.json")]);
    expect(r.code).toBe(1);
    expect(r.out).toContain("Mục indicators[4].label: nội dung “<script>alert('x')</script>” giống công thức hoặc mã lệnh");
  });
});

describe("--form on check, fill, template and consolidate", () => {
  it("`cchc check --form FORM.xlsx FILE.xlsx --json` works exactly so, naming the form, its version and the match", () => {
    // Spawned as a user runs it.
    const r = spawnSync(process.execPath, [path.join(ROOT, "bin", "cchc.js"), "check", "--form", BUILTIN, SAMPLE, "--json"], { cwd: ROOT, encoding: "utf8" });
    expect(r.status).toBe(0);
    const file = JSON.parse(r.stdout).files[0];
    expect(file.form).toEqual({ id: "so-nganh-2023", version: "2022", title: soNganh.title, province: "Sóc Trăng", level: "so_nganh", status: "official", file: BUILTIN });
    expect(file.match).toEqual({ matched: 178, total: 178 });
    expect(file.summary).toEqual({ errors: 0, warnings: 11, infos: 0 });
  });

  it("without --form the built-in form is named as such", async () => {
    const r = await cchc(["check", SAMPLE]);
    expect(r.out).toContain("Mẫu: Thống kê số liệu báo cáo cải cách hành chính của sở, ngành (Sóc Trăng, sở, ngành; phiên bản 2022) — mẫu có sẵn; khớp 178/178 chỉ tiêu (100%).");
  });

  it("a form file that cannot be used stops the command with one sentence and writes nothing", async () => {
    const dir = tmp();
    const bad = await editedForm(dir, "sai.xlsx", (d) => {
      d.indicators[0].label = '=HYPERLINK("http://x","Tỷ lệ")';
    });
    const out = path.join(dir, "da-dien.xlsx");
    for (const args of [["check", "--form", bad, SAMPLE], ["fill", "--form", bad, SAMPLE, "-o", out], ["template", "--form", bad, out]]) {
      const r = await cchc(args);
      expect(r.code).toBe(2);
      expect(r.err).toMatch(/^Tệp mẫu “.*sai\.xlsx” không dùng được: Trang Chỉ tiêu, dòng 3, cột “Chỉ tiêu thống kê”: nội dung “=HYPERLINK.*\n$/);
      expect(r.out).toBe("");
    }
    expect(fs.existsSync(out)).toBe(false);
  });

  it("fill and template use the form, and say which", async () => {
    const dir = tmp();
    const filled = await cchc(["fill", "--form", BUILTIN, SAMPLE, "-o", path.join(dir, "d.xlsx")]);
    expect(filled.code).toBe(0);
    expect(filled.out.split("\n")[0]).toMatch(/^Mẫu: .*phiên bản 2022.*khớp 178\/178/);
    const t = await cchc(["template", "--form", BUILTIN, path.join(dir, "t.xlsx")]);
    expect(t.code).toBe(0);
  });

  it("--forms DIR and CCHC_FORMS: the best-matching form of the folder; unusable files are skipped with a sentence", async () => {
    const dir = tmp();
    fs.copyFileSync(BUILTIN, path.join(dir, "so-nganh.xlsx"));
    await editedForm(dir, "khac.xlsx", (d) => {
      d.facts.id = "so-nganh-rut-gon";
      d.facts.version = "2024";
      d.indicators.splice(20);
      d.relations.splice(0);
    });
    fs.writeFileSync(path.join(dir, "hong.xlsx"), "không phải xlsx");
    for (const r of [await cchc(["check", "--forms", dir, SAMPLE, "--json"]), await cchc(["check", SAMPLE, "--json"], { CCHC_FORMS: dir })]) {
      const file = JSON.parse(r.out).files[0];
      expect(file.form).toMatchObject({ id: "so-nganh-2023", file: path.join(dir, "so-nganh.xlsx") });
      expect(r.err).toMatch(/^Tệp mẫu “.*hong\.xlsx” không dùng được: Tệp này không phải là mẫu phụ lục/);
    }
  });
});

describe("cchc form import", () => {
  it("drafts a form from the sample: written, checkable, every relation to confirm, what is undecided listed", async () => {
    const dir = tmp();
    const out = path.join(dir, "nhap.xlsx");
    const r = await cchc(["form", "import", SAMPLE, "-o", out]);
    expect(r.code).toBe(0);
    expect(r.out).toMatch(/^Đã ghi mẫu nháp “.*nhap\.xlsx”: 178 chỉ tiêu, \d+ quan hệ nháp cần xác nhận\.\n/);
    expect(r.out).toContain("STT “2” được in lặp trong phần; đặt mã VII.2b cho dòng này.");
    const checked = await cchc(["form", "check", out]);
    expect(checked.code).toBe(0);
    expect(checked.out).toContain("do chương trình đề xuất, chưa được người soạn xác nhận");
    // Refuses to overwrite without --force, and never writes over its input.
    expect((await cchc(["form", "import", SAMPLE, "-o", out])).code).toBe(2);
    expect((await cchc(["form", "import", SAMPLE, "-o", SAMPLE, "--force"])).code).toBe(2);
  });
});

describe("a malformed, huge or hostile form file: one sentence, and nothing changes", () => {
  it("form check, check, fill, template and consolidate each say it in one sentence and write nothing", async () => {
    const dir = tmp();
    const sample = fs.readFileSync(SAMPLE);
    const bad = await badForms();
    expect(bad.length).toBeGreaterThanOrEqual(7);
    for (const f of bad) {
      const file = path.join(dir, f.name);
      fs.writeFileSync(file, f.bytes);
      const checked = await cchc(["form", "check", file]);
      expect([f.name, checked.code]).toEqual([f.name, f.exit]);
      expect([f.name, `${checked.out}${checked.err}`]).toEqual([f.name, expect.stringContaining(f.sentence)]);
      const out = path.join(dir, `ra-${f.name}.xlsx`);
      for (const args of [
        ["check", "--form", file, SAMPLE, "--json"],
        ["fill", "--form", file, SAMPLE, "-o", out],
        ["template", "--form", file, out],
        ["consolidate", "--form", file, SAMPLE, "-o", out],
      ]) {
        const r = await cchc(args);
        expect([f.name, args[0], r.code, r.out]).toEqual([f.name, args[0], 2, ""]);
        expect(r.err.trim().split("\n")).toEqual([expect.stringContaining(f.sentence)]);
        expect(r.err).not.toMatch(/\bat .*\.ts:\d+|Error:/);
      }
      expect(fs.existsSync(out)).toBe(false);
      // The form file and the appendix are as they were.
      expect(new Uint8Array(fs.readFileSync(file))).toEqual(f.bytes);
    }
    expect(fs.readFileSync(SAMPLE).equals(sample)).toBe(true);
  });
});
