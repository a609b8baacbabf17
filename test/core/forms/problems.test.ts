/**
 * A form written the way a specialist writes it (ids and kinds left to the outline and the units), and every kind
 * of slip in it reported by sheet, row and column, in Vietnamese and English.
 */
import { compileFormJson, formDocument, formJson } from "../../../src/core/forms/json";
import type { FormProblem } from "../../../src/core/forms/problems";
import { compileFormSheets, type NamedGrid } from "../../../src/core/forms/sheets";
import { gridFromCells, type CellValue, type RawCell } from "../../../src/core/grid";
import { formatFormProblem } from "../../../src/core/messages/forms";
import { miniTemplate } from "../../fixtures/miniTemplate";

type Rows = (CellValue | RawCell)[][];

const FACTS: Rows = [
  ["Mục", "Nội dung"],
  ["Mã mẫu", "thu-xa-2025"],
  ["Tên mẫu", "Thống kê số liệu CCHC của UBND xã"],
  ["Cơ quan ban hành", "Sở Nội vụ tỉnh Thử Nghiệm"],
  ["Văn bản ban hành", "Công văn số 1/SNV-TN (mẫu thử)"],
  ["Cấp báo cáo", "UBND xã"],
  ["Tỉnh, thành phố", "Thử Nghiệm"],
  ["Phiên bản", "2025.1"],
  ["Áp dụng từ ngày", "1/7/2025"],
  ["Tình trạng", "thử nghiệm"],
  ["Ghi chú", "Mẫu viết cho kiểm thử, không phải mẫu chính thức."],
];

const INDICATORS: Rows = [
  ["STT", "Chỉ tiêu thống kê", "Đơn vị tính", "Loại", "Mã chỉ tiêu", "Lũy kế", "Kỳ báo cáo phải có số liệu"],
  ["I", "Chỉ đạo, điều hành", null, null, null, null, null],
  [1, "Tỷ lệ hoàn thành kế hoạch", "%", null, null, "Có", null],
  [null, "Số nhiệm vụ trong kế hoạch", "Nhiệm vụ", null, null, null, null],
  [null, "Số nhiệm vụ đã hoàn thành", "Nhiệm vụ", null, null, null, null],
  [2, "Có khảo sát sự hài lòng", "Không = 0 Có = 1", null, null, null, "Năm"],
  ["II", "Thủ tục hành chính", null, null, null, null, null],
  [1, "Tổng số hồ sơ tiếp nhận", "Hồ sơ", null, null, null, null],
  [null, "- Tiếp nhận trực tuyến", "Hồ sơ", null, null, null, null],
  [null, "- Tiếp nhận trực tiếp", "Hồ sơ", null, null, null, null],
  [2, "Ý kiến khác", null, "chữ", null, null, null],
];

const RELATIONS: Rows = [
  ["Mã quan hệ", "Loại quan hệ", "Chỉ tiêu đích", "Chỉ tiêu đầu vào", "Điều kiện", "Mức độ", "Lý do (tiếng Việt)"],
  ["done_le_planned", "phần không vượt tổng", "I.1.1", "I.1.2", null, "lỗi", "Nhiệm vụ hoàn thành nằm trong kế hoạch."],
  ["completion_rate", "tỷ lệ", "I.1", "I.1.2 / I.1.1", null, "lỗi", "Tỷ lệ = hoàn thành / kế hoạch."],
  ["files_sum", "tổng bằng các phần", "II.1", "II.1.1 + II.1.2", null, "lỗi", "Hai cách tiếp nhận gộp lại là toàn bộ hồ sơ."],
  ["survey_note", "cần ghi chú", "I.2", null, "bằng 1", "cảnh báo", "Có khảo sát thì ghi số phiếu."],
];

/** The rows with one more column: its heading, and a value on one row (0-based, the heading row is 0). */
function withColumn(rows: Rows, heading: string, row: number, value: CellValue): Rows {
  return rows.map((r, i) => [...r, i === 0 ? heading : i === row ? value : null]);
}

function grid(rows: Rows) {
  return gridFromCells({ row: 0, col: 0 }, rows.map((r) => r.map((c) => (c !== null && typeof c === "object" ? c : { value: c }))));
}

function workbook(edit?: { facts?: Rows; indicators?: Rows; relations?: Rows }): NamedGrid[] {
  return [
    { name: "Thông tin", grid: grid(edit?.facts ?? FACTS) },
    { name: "Chỉ tiêu", grid: grid(edit?.indicators ?? INDICATORS) },
    { name: "Quan hệ", grid: grid(edit?.relations ?? RELATIONS) },
  ];
}

/** A copy of rows with one cell changed (row and column 0-based, as in the arrays above). */
function set(rows: Rows, r: number, c: number, value: CellValue | RawCell): Rows {
  const copy = rows.map((row) => [...row]);
  while (copy.length <= r) copy.push([]);
  copy[r][c] = value;
  return copy;
}

function errors(problems: readonly FormProblem[]): string[] {
  return problems.filter((p) => p.severity === "error").map((p) => formatFormProblem(p, "vi"));
}

describe("a form written as a specialist writes it", () => {
  const r = compileFormSheets(workbook());

  it("compiles, deriving ids from STT and outline and kinds from units", () => {
    if (!r.ok) throw new Error(errors(r.problems).join("\n"));
    const t = r.form.template;
    expect(t.id).toBe("thu-xa-2025");
    expect(t.sections.map((s) => s.id)).toEqual(["I", "II"]);
    expect(t.indicators.map((i) => [i.id, i.kind, i.level, i.parent ?? null])).toEqual([
      ["I.1", "percent", 0, null],
      ["I.1.1", "count", 1, "I.1"],
      ["I.1.2", "count", 1, "I.1"],
      ["I.2", "flag", 0, null],
      ["II.1", "count", 0, null],
      ["II.1.1", "count", 1, "II.1"],
      ["II.1.2", "count", 1, "II.1"],
      ["II.2", "text", 0, null],
    ]);
    expect(t.indicators[0].cumulative).toBe(true);
    expect(t.indicators[3].periods).toEqual(["nam"]);
    const sourced = compileFormSheets(workbook({ indicators: set(set(INDICATORS, 0, 7, "Căn cứ kỳ báo cáo"), 5, 7, "Khảo sát cuối năm") }));
    expect(sourced.ok && sourced.form.template.indicators[3].periodsSource).toBe("Khảo sát cuối năm");
    expect(t.indicators[3].acceptedUnits).toEqual(["Có = 1 Không = 0"]);
    expect(t.relations).toEqual([
      { kind: "part_of_whole", id: "done_le_planned", parts: ["I.1.2"], whole: "I.1.1", severity: "error" },
      { kind: "rate", id: "completion_rate", rate: "I.1", numerator: "I.1.2", denominator: "I.1.1", severity: "error" },
      { kind: "sum_equals", id: "files_sum", parts: ["II.1.1", "II.1.2"], total: "II.1", severity: "error" },
      { kind: "note_required", id: "survey_note", indicator: "I.2", when: [1], severity: "warning" },
    ]);
    expect(r.form.facts).toMatchObject({ level: "ubnd_xa", status: "test", validFrom: "2025-07-01" });
  });

  it("reads the same back from its JSON document", () => {
    if (!r.ok) throw new Error("not compiled");
    const again = compileFormJson(formJson(r.document));
    expect(again.ok && again.form.template).toStrictEqual(r.form.template);
  });
});

describe("every slip is one sentence naming sheet, row and column", () => {
  it.each<[string, { facts?: Rows; indicators?: Rows; relations?: Rows }, string]>([
    [
      "a relation naming an indicator the form does not have",
      { relations: set(RELATIONS, 3, 3, "II.1.1 + IV.9") },
      "Trang Quan hệ, dòng 4, cột “Chỉ tiêu đầu vào”: chỉ tiêu “IV.9” không có trong trang Chỉ tiêu.",
    ],
    ["an unknown relation kind", { relations: set(RELATIONS, 1, 1, "nhỏ hơn") }, "Trang Quan hệ, dòng 2, cột “Loại quan hệ”: “nhỏ hơn” không phải là loại quan hệ"],
    ["a rate with one input", { relations: set(RELATIONS, 2, 3, "I.1.2") }, "Trang Quan hệ, dòng 3, cột “Chỉ tiêu đầu vào”: quan hệ “tỷ lệ” cần 2 chỉ tiêu ở cột này, đang có 1."],
    ["a rate landing on a count", { relations: set(RELATIONS, 2, 2, "I.1.1") }, "chỉ tiêu “I.1.1” thuộc loại số lượng, còn quan hệ này cần chỉ tiêu loại tỷ lệ."],
    ["a note condition left out", { relations: set(RELATIONS, 4, 4, null) }, "Trang Quan hệ, dòng 5, cột “Điều kiện”: quan hệ “cần ghi chú” cần điều kiện"],
    ["a code the flag does not have", { relations: set(RELATIONS, 4, 4, "bằng 2") }, "chỉ tiêu “I.2” không có mã 2."],
    ["a severity in other words", { relations: set(RELATIONS, 1, 5, "nghiêm trọng") }, "Trang Quan hệ, dòng 2, cột “Mức độ”: mức độ “nghiêm trọng” phải là “lỗi”, “cảnh báo” hoặc “lưu ý”."],
    ["a duplicated relation id", { relations: set(RELATIONS, 2, 0, "done_le_planned") }, "mã quan hệ “done_le_planned” trùng với một dòng trên."],
    ["a yes/no unit that is not 0/1", { indicators: set(set(INDICATORS, 5, 2, "Có = 1 Không = 2"), 5, 3, "Có/Không") }, "Trang Chỉ tiêu, dòng 6, cột “Loại”: chỉ tiêu Có/Không cần đơn vị tính dạng “Không = 0 Có = 1”"],
    ["an unknown kind", { indicators: set(INDICATORS, 10, 3, "ngày") }, "Trang Chỉ tiêu, dòng 11, cột “Loại”: “ngày” không phải là loại chỉ tiêu"],
    ["a unitless row without rows under it", { indicators: set(INDICATORS, 10, 3, null) }, "Trang Chỉ tiêu, dòng 11, cột “Loại”: dòng không có đơn vị tính và không có chỉ tiêu chi tiết"],
    [
      "a count row said to exceed 100%",
      { indicators: withColumn(INDICATORS, "Được vượt 100%", 3, "Có") },
      "Trang Chỉ tiêu, dòng 4, cột “Được vượt 100%”: chỉ chỉ tiêu tỷ lệ (%) mới có thể được vượt 100%; dòng này thuộc loại “số lượng”.",
    ],
    [
      "a question not asked when an unknown row is 0",
      { indicators: withColumn(INDICATORS, "Không hỏi khi bằng 0", 5, "I.9 = 0") },
      "Trang Chỉ tiêu, dòng 6, cột “Không hỏi khi bằng 0”: chỉ tiêu “I.9” không có trong trang Chỉ tiêu.",
    ],
    [
      "a question not asked when a yes/no row is 0",
      { indicators: withColumn(INDICATORS, "Không hỏi khi bằng 0", 3, "I.2") },
      "Trang Chỉ tiêu, dòng 4, cột “Không hỏi khi bằng 0”: chỉ tiêu “I.2” thuộc loại Có/Không",
    ],
    ["an unknown period", { indicators: set(INDICATORS, 5, 6, "Tháng 13") }, "Trang Chỉ tiêu, dòng 6, cột “Kỳ báo cáo phải có số liệu”: “Tháng 13” không phải là kỳ báo cáo"],
    ["a source of the periods without periods", { indicators: set(set(INDICATORS, 0, 7, "Căn cứ kỳ báo cáo"), 3, 7, "Kế hoạch năm") }, "Trang Chỉ tiêu, dòng 4, cột “Căn cứ kỳ báo cáo”: đã ghi căn cứ kỳ báo cáo nhưng chưa ghi kỳ báo cáo phải có số liệu"],
    ["a repeated STT", { indicators: set(INDICATORS, 5, 0, 1) }, "Trang Chỉ tiêu, dòng 6, cột “Mã chỉ tiêu”: mã chỉ tiêu “I.1” trùng với một dòng trên"],
    ["an id under a row that does not exist", { indicators: set(INDICATORS, 3, 4, "I.7.1") }, "mã chỉ tiêu “I.7.1” nằm dưới “I.7” nhưng không có dòng nào ở trên mang mã “I.7”."],
    ["an id in another section", { indicators: set(INDICATORS, 8, 4, "I.1.9") }, "Trang Chỉ tiêu, dòng 9, cột “Mã chỉ tiêu”: mã chỉ tiêu “I.1.9” không thuộc phần"],
    ["a missing label column", { indicators: set(INDICATORS, 0, 1, "Nội dung") }, "Trang Chỉ tiêu, dòng 1: thiếu cột “Chỉ tiêu thống kê”."],
    ["a level that is none", { facts: set(FACTS, 5, 1, "cấp thôn") }, "Trang Thông tin, dòng 6, mục “Cấp báo cáo”: “cấp thôn” không phải là cấp báo cáo"],
    ["a missing fact", { facts: FACTS.filter((r) => r[0] !== "Phiên bản") }, "Trang Thông tin: thiếu “Phiên bản”."],
    ["a date that is none", { facts: set(FACTS, 8, 1, "31/2/2025") }, "Trang Thông tin, dòng 9, mục “Áp dụng từ ngày”: “31/2/2025” không phải là một ngày"],
    ["validity ending before it starts", { facts: set(FACTS, 11, 0, "Áp dụng đến ngày").map((r, i) => (i === 11 ? ["Áp dụng đến ngày", "1/1/2025"] : r)) }, "ngày hết áp dụng 01/01/2025 ở trước ngày bắt đầu áp dụng 01/07/2025."],
    ["a formula cell", { indicators: set(INDICATORS, 3, 1, { value: "Số nhiệm vụ", formula: '=CONCAT("Số ","nhiệm vụ")' }) }, "Trang Chỉ tiêu, dòng 4, cột “Chỉ tiêu thống kê”: ô chứa công thức"],
    ["formula text in a label", { indicators: set(INDICATORS, 3, 1, '=HYPERLINK("http://x","Số nhiệm vụ")') }, "Trang Chỉ tiêu, dòng 4, cột “Chỉ tiêu thống kê”: nội dung “=HYPERLINK"],
    ["a command in a unit", { indicators: set(INDICATORS, 3, 2, "@SUM(1+1)*cmd|' /C calc'!A0") }, "Trang Chỉ tiêu, dòng 4, cột “Đơn vị tính”: nội dung “@SUM"],
    ["script in a label", { indicators: set(INDICATORS, 3, 1, "Số nhiệm vụ <script>alert(1)</script>") }, "giống công thức hoặc mã lệnh"],
    ["script in a reason", { relations: set(RELATIONS, 1, 6, '<img src=x onerror="alert(1)">') }, "Trang Quan hệ, dòng 2, cột “Lý do (tiếng Việt)”: nội dung"],
    ["a control character in a note", { facts: set(FACTS, 10, 1, "Mẫu\u0007 thử") }, "Trang Thông tin, dòng 11, mục “Ghi chú”: nội dung"],
  ])("%s", (_name, edit, expected) => {
    const r = compileFormSheets(workbook(edit));
    expect(r.ok).toBe(false);
    expect(errors(r.problems)).toContainEqual(expect.stringContaining(expected));
  });

  it("a workbook that is no form at all is one sentence", () => {
    const r = compileFormSheets([{ name: "Phụ lục", grid: grid([["STT", "Chỉ tiêu thống kê"]]) }]);
    expect(errors(r.problems)).toEqual([expect.stringMatching(/^Tệp này không phải là mẫu phụ lục .*trong tệp có: Phụ lục\.$/)]);
  });

  it("a form without its sheet 'Quan hệ' is usable, and says it compares no indicators", () => {
    const r = compileFormSheets(workbook().filter((s) => s.name !== "Quan hệ"));
    expect(r.ok && r.form.template.relations).toEqual([]);
    expect(r.problems.map((p) => [p.code, p.severity, formatFormProblem(p, "vi")])).toEqual([
      [
        "relations_sheet_missing",
        "warning",
        "Tệp mẫu không có trang “Quan hệ”: mẫu dùng được nhưng không đối chiếu chỉ tiêu nào với nhau (chỉ kiểm tra từng ô); nếu mẫu có quan hệ, hãy thêm trang này.",
      ],
    ]);
  });

  it("labels a real form legitimately has are not taken for formulas", () => {
    const rows = set(set(INDICATORS, 8, 1, "+ Tiếp nhận trực tuyến (qua Cổng DVC)"), 9, 1, "- Tiếp nhận trực tiếp tại Bộ phận một cửa: <50% hồ sơ");
    const r = compileFormSheets(workbook({ indicators: rows }));
    expect(errors(r.problems)).toEqual([]);
  });

  it("warnings do not stop a form: a relation without its reason, a draft to confirm", () => {
    const rows = set(set(RELATIONS, 0, 7, "Cần xác nhận"), 1, 6, null).map((row, i) => (i === 2 ? [...row.slice(0, 7), "Có"] : row));
    const r = compileFormSheets(workbook({ relations: rows }));
    expect(r.ok).toBe(true);
    expect(r.problems.map((p) => [p.code, p.severity])).toEqual([
      ["reason_missing", "warning"],
      ["relation_draft", "warning"],
    ]);
    expect(r.ok && r.form.drafts).toEqual(["completion_rate"]);
    expect(formatFormProblem(r.problems[1], "en")).toBe(
      'Sheet "Quan hệ", row 3: the relation "completion_rate" was proposed by the program and not yet confirmed; review it, then clear "Có" in the column "Cần xác nhận".',
    );
  });
});

describe("a JSON form is judged like a workbook, by path", () => {
  const good = () => JSON.parse(formJson(formDocument({
    id: "mini", title: "Mini", issuer: "Sở Nội vụ", document: "Mẫu thử", level: "so_nganh", province: "Thử", version: "1", status: "test",
  }, miniTemplate)));

  it.each<[string, (d: ReturnType<typeof good>) => unknown, string]>([
    ["not JSON", () => "{", "Tệp này không phải là mẫu phụ lục"],
    ["another format", (d) => ({ ...d, format: "xlsform" }), "Mục $.format: giá trị phải là \"cchc-form\"."],
    ["a newer format version", (d) => ({ ...d, formatVersion: 2 }), "định dạng phiên bản 2; chương trình này chỉ đọc được định dạng phiên bản 1."],
    ["a label that is a number", (d) => ((d.indicators[1].label = 5), d), "Mục indicators[1].label: giá trị phải là một chuỗi chữ."],
    ["a misspelt field", (d) => ((d.indicators[1].acceptedUnit = []), d), "Mục indicators[1].acceptedUnit: giá trị phải là one of"],
    ["an unknown indicator in a relation", (d) => ((d.relations[0].inputs = ["I.9"]), d), "Mục relations[0].inputs: chỉ tiêu “I.9” không có trong trang Chỉ tiêu."],
    ["an unknown kind", (d) => ((d.indicators[0].kind = "money"), d), "Mục indicators[0].kind: “money” không phải là loại chỉ tiêu"],
    ["script in a label", (d) => ((d.indicators[0].label = "<iframe src=x>"), d), "Mục indicators[0].label: nội dung “<iframe src=x>”"],
  ])("%s", (_name, edit, expected) => {
    const value = edit(good());
    const r = compileFormJson(typeof value === "string" ? value : JSON.stringify(value));
    expect(r.ok).toBe(false);
    expect(errors(r.problems).join("\n")).toContain(expected);
  });

  it("every problem reads in English too, without a placeholder left", () => {
    const r = compileFormSheets(workbook({ relations: set(RELATIONS, 3, 3, "II.1.1 + IV.9") }));
    expect(r.problems.map((p) => formatFormProblem(p, "en"))).toContainEqual(
      'Sheet "Quan hệ", row 4, column "Chỉ tiêu đầu vào": indicator "IV.9" is not in the sheet "Chỉ tiêu".',
    );
  });
});
