/**
 * `form import` on the test workbooks of the built-in form (every one the tests keep, from every writer, read as the
 * command reads them): the draft it makes from each finds the same errors there as the built-in form, and recovers
 * the form's outline and kinds from the printed table.
 */
import { cellA1, checkWorkbook, compileDocument, compileFormJson, draftForm, formJson, soNganh, toA1 } from "../../src/core";
import * as fs from "fs";
import * as path from "path";
import ExcelJS from "exceljs";
import { readWorkbook, StreamReadError, workbookBytes } from "../../src/xlsx";
import { APPENDIX_WORKBOOKS, NOT_APPENDICES, sheetsOf, TEST_WORKBOOKS } from "../fixtures/builtinFormWorkbooks";

const GOLDEN = path.join(__dirname, "golden");
const noPlace = { fact: () => ({ file: true as const }), section: () => ({ file: true as const }), indicator: () => ({ file: true as const }), relation: () => ({ file: true as const }) };

const errors = (c: ReturnType<typeof checkWorkbook>) =>
  c.found ? c.findings.filter((f) => f.severity === "error").map((f) => `${f.code} ${cellA1(f.cell)}`).sort() : ["not found"];

describe("a draft form from each test workbook of the built-in form", () => {
  it("every workbook the tests keep is an appendix of the built-in form but those listed", () => {
    const none = TEST_WORKBOOKS.filter((f) => {
      try {
        return !checkWorkbook(sheetsOf(f), [soNganh]).found;
      } catch (e) {
        if (e instanceof StreamReadError) return true;
        throw e;
      }
    });
    expect(none).toEqual(NOT_APPENDICES);
    expect(TEST_WORKBOOKS.length - none.length).toBeGreaterThanOrEqual(118);
  });

  it.each(APPENDIX_WORKBOOKS)("%s: the draft compiles and finds the same errors as the built-in form", (file) => {
    const sheets = sheetsOf(file);
    const draft = draftForm(sheets);
    expect(draft).not.toBeNull();
    const compiled = compileDocument(draft!.document, noPlace);
    if (!compiled.ok) throw new Error(JSON.stringify(compiled.problems.filter((p) => p.severity === "error").slice(0, 3)));
    // Every drafted relation is marked for a person to confirm.
    expect(compiled.form.drafts).toEqual(compiled.form.template.relations.map((r) => r.id));
    const viaDraft = checkWorkbook(sheets, [compiled.form.template]);
    const viaBuiltin = checkWorkbook(sheets, [soNganh]);
    expect(errors(viaDraft)).toEqual(errors(viaBuiltin));
    // The draft goes through JSON unchanged (what `form import -o x.json` writes compiles again).
    const again = compileFormJson(formJson(draft!.document));
    expect(again.ok && again.form.template).toStrictEqual(compiled.form.template);
  });

  it("seed.xlsx with planted slips (a wrong rate, parts above their total, a yes/no answered 2, a count in words): the same errors", async () => {
    const bytes = fs.readFileSync(path.join(GOLDEN, "seed.xlsx"));
    const located = checkWorkbook(await readWorkbook(bytes), [soNganh]);
    if (!located.found) throw new Error("seed not located");
    const cell = (id: string) => toA1({ row: located.location.rows[id], col: located.location.columns.value });
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(bytes as unknown as ExcelJS.Buffer);
    const ws = wb.getWorksheet(located.sheet)!;
    const slips: Record<string, ExcelJS.CellValue> = { "I.1": 50, "VII.2b.1.1": 5000, "II.3": 2, "I.4.1": "năm" };
    for (const [id, value] of Object.entries(slips)) ws.getCell(cell(id)).value = value;
    const sheets = await readWorkbook(await workbookBytes(wb));
    const compiled = compileDocument(draftForm(sheets)!.document, noPlace);
    if (!compiled.ok) throw new Error("draft refused");
    const builtin = errors(checkWorkbook(sheets, [soNganh]));
    expect(builtin.length).toBeGreaterThanOrEqual(4);
    expect(errors(checkWorkbook(sheets, [compiled.form.template]))).toEqual(builtin);
  });

  it("recovers the printed outline and kinds of the seed's table: every id, level and kind of the catalog but the printed slips", async () => {
    const draft = draftForm(await readWorkbook(fs.readFileSync(path.join(GOLDEN, "seed.xlsx"))))!;
    const compiled = compileDocument(draft.document, noPlace);
    if (!compiled.ok) throw new Error("draft refused");
    const shape = (t: typeof soNganh) => t.indicators.map((i) => `${i.id} ${i.level} ${i.parent ?? "-"}`);
    expect(shape(compiled.form.template)).toEqual(shape(soNganh));
    // Kinds follow the printed units; where the printed table is wrong (docs/TEMPLATE.md: I.3.4 prints "Tin, bài"
    // on a yes/no question) the draft follows the print and says so.
    const kinds = (t: typeof soNganh) => t.indicators.map((i) => `${i.id} ${i.kind}`);
    expect(kinds(compiled.form.template).filter((k) => !kinds(soNganh).includes(k))).toEqual(["I.3.4 count"]);
    expect(draft.undecided).toContainEqual(expect.objectContaining({ code: "yes_no_with_count_unit", id: "I.3.4" }));
    expect(compiled.form.facts.status).toBe("draft");
    // What it could not decide is listed: the repeated STT "2" in VII, the total-or-parts choices, the facts.
    const codes = draft.undecided.map((u) => u.code);
    expect(codes.filter((c) => c === "repeated_stt")).toHaveLength(2);
    expect(codes).toContain("total_or_parts");
    expect(codes[codes.length - 1]).toBe("facts_to_fill");
  });

  it("drafts the relations the structure shows: the completion rate, parts within totals, yes/no answers over their counts", async () => {
    const draft = draftForm(await readWorkbook(fs.readFileSync(path.join(GOLDEN, "seed.xlsx"))))!;
    const byId = new Map(draft.document.relations.map((r) => [r.id, r]));
    expect(byId.get("i_1_rate")).toMatchObject({ kind: "rate", target: ["I.1"], inputs: ["I.1.2", "I.1.1"], draft: true });
    expect(byId.get("ii_1_1_le_ii_1")).toMatchObject({ kind: "part_of_whole", target: ["II.1"], inputs: ["II.1.1"] });
    expect(byId.get("iii_4_3_parts_le_total")).toMatchObject({ kind: "part_of_whole", target: ["III.4.3"], inputs: ["III.4.3.1", "III.4.3.2"] });
    expect(byId.get("iii_3_no_then_zero")).toMatchObject({ kind: "flag_counts", target: ["III.3"], inputs: ["III.3.1", "III.3.2", "III.3.3"], condition: { equals: [0] } });
  });

  it("words each draft for the person who confirms it, in the printed labels, and leaves the unknown facts to fill", async () => {
    const draft = draftForm(await readWorkbook(fs.readFileSync(path.join(GOLDEN, "seed.xlsx"))))!;
    const reason = (id: string) => draft.document.relations.find((r) => r.id === id)?.reason?.vi;
    expect(reason("i_1_rate")).toBe(
      "Bản nháp: Tỷ lệ hoàn thành Kế hoạch CCHC năm (Lũy kế đến thời điểm báo cáo) = Số nhiệm vụ đã hoàn thành / Số nhiệm vụ đề ra trong kế hoạch × 100 (suy ra từ hai chỉ tiêu số lượng ngay dưới dòng tỷ lệ).",
    );
    expect(reason("ii_1_1_le_ii_1")).toBe("Bản nháp: Số VBQPPL tham mưu ban hành đúng tiến độ nằm trong số VBQPPL đã tham mưu ban hành.");
    expect(reason("iii_4_3_parts_le_total")).toBe("Bản nháp: các dòng “- …” dưới “Tổng số TTHC đang có hiệu lực” gộp lại không vượt quá số đó.");
    expect(reason("iii_3_no_then_zero")).toBe("Bản nháp: trả lời “Không” ở “Đơn giản hóa TTHC” thì các số liệu ngay dưới bằng 0.");
    expect(draft.document.facts).toMatchObject({ issuer: "(chưa ghi: Sở Nội vụ ban hành mẫu)", province: "(chưa ghi)", version: "nháp", status: "draft" });
    for (const r of draft.document.relations) {
      const vi = r.reason?.vi ?? "";
      expect(vi).toMatch(/^Bản nháp: /);
      expect(vi).toBe(vi.normalize("NFC"));
    }
  });
});
