import { cellAt } from "../../../src/core/grid";
import { SEED_COLUMNS, SEED_FIRST_ROW, SEED_HEADER_ROW, isSectionRow, seedGrid, seedRows } from "../../fixtures/seed";

const rows = seedRows();
const byLabelStart = (start: string) => {
  const found = rows.filter((r) => r.label.startsWith(start));
  expect(found).toHaveLength(1);
  return found[0];
};

describe("seed fixture: rows", () => {
  it("has seven sections and 178 indicator rows", () => {
    expect(rows.filter(isSectionRow).map((r) => r.stt)).toEqual(["I", "II", "III", "IV", "V", "VI", "VII"]);
    expect(rows.filter((r) => !isSectionRow(r))).toHaveLength(178);
  });

  it.each([
    ["Số phòng ban chuyên môn trong tổ chức", { label: "Số phòng ban chuyên môn trong tổ chức hành chính trực thuộc (nếu có)", unit: "Cơ quan, đơn vị" }],
    ["Cơ quan, đơn vị đã thực hiện rà soát", { unit: "Không = 0 Có = 1", value: "1" }],
    ["- Trong đơn vị SNCL do ngân sách", { label: "- Trong đơn vị SNCL do ngân sách nhà nước đảm bảo", unit: "" }],
    ["Số lượng tin, bài viết, phóng sự gửi", { label: "Số lượng tin, bài viết, phóng sự gửi và duyệt đăng tại Chuyên trang CCHC tỉnh (https://cchc.soctrang.gov.vn/)", value: "9" }],
    ["- Số TTHC đang cung cấp trực tuyến mức độ 4", { value: "41" }],
    ["- Số TTHC đang cung cấp trực tuyến mức độ 4 có", { label: "- Số TTHC đang cung cấp trực tuyến mức độ 4 có phát sinh hồ sơ nộp trực tuyến", value: "5" }],
    ["Sở ngành thực hiện công bố, công bố lại", { label: "Sở ngành thực hiện công bố, công bố lại ISO", unit: "Có = 1 Không = 0", note: "Quyết định công bố số 13/QĐ-STTTT ngày 28/02/2023" }],
  ])("joins the row split at a page break: %s", (start, expected) => {
    const matches = rows.filter((r) => r.label.startsWith(start));
    expect(matches[0]).toMatchObject(expected);
  });

  it("keeps the full V.1 label and note across the page break", () => {
    const r = byLabelStart("Cơ quan, đơn vị đã thực hiện rà soát");
    expect(r.label).toBe(
      "Cơ quan, đơn vị đã thực hiện rà soát, hoàn chỉnh bản mô tả vị trí việc làm, khung năng lực công chức, viên chức theo chức năng, nhiệm vụ hiện hành và gửi về Sở Nội vụ",
    );
    expect(r.note).toMatch(/^Quyết định số 1807\/QĐ-UBND ngày 08\/7\/2022 của UBND tỉnh phê duyệt/);
  });

  it("does not join a new row that follows a page break", () => {
    for (const [start, field, text] of [
      ["Số biên chế đã tinh giản trong kỳ báo cáo", "unit", "Người"],
      ["Số người được đào tạo, bồi dưỡng theo Kế hoạch", "value", "12"],
      ["Số đơn vị SNCL do nhà nước đảm bảo", "unit", "Cơ quan, đơn vị"],
    ] as const) {
      const r = byLabelStart(start);
      expect(r[field]).toBe(text);
      expect(r.pageBreakBefore).toBe(true);
      expect(r.continuedAfterPageBreak).toBeUndefined();
    }
  });

  it("records the six rows split by a page break, each field ending with the part printed on the next page", () => {
    const split = rows.filter((r) => r.continuedAfterPageBreak);
    expect(split.map((r) => r.continuedAfterPageBreak!.label)).toEqual([
      "(https://cchc.soctrang.gov.vn/)",
      "hành chính trực thuộc (nếu có)",
      "hoàn chỉnh bản mô tả vị trí việc làm, khung năng lực công chức, viên chức theo chức năng, nhiệm vụ hiện hành và gửi về Sở Nội vụ",
      "nước đảm bảo",
      "mức độ 4 có phát sinh hồ sơ nộp trực tuyến",
      "ISO",
    ]);
    for (const r of split) {
      for (const [field, rest] of Object.entries(r.continuedAfterPageBreak!)) {
        const full = r[field as "label" | "unit" | "value" | "note"];
        expect(full.endsWith(` ${rest}`)).toBe(true);
        expect(full.length).toBeGreaterThan(rest.length + 1);
      }
    }
  });

  it("strips markup and keeps text NFC", () => {
    for (const r of rows) {
      for (const t of [r.stt, r.label, r.unit, r.value, r.note]) {
        expect(t).not.toMatch(/<\/?[a-z]+|\*\*/);
        expect(t).toBe(t.normalize("NFC"));
      }
    }
    expect(byLabelStart("Số đơn vị SNCL đã thực hiện tự chủ 100% chi thường xuyên (").label).toBe(
      "Số đơn vị SNCL đã thực hiện tự chủ 100% chi thường xuyên (lũy kế đến thời điểm báo cáo)",
    );
  });
});

describe("seed fixture: grid", () => {
  const grid = seedGrid();
  const at = (row: number, col: number) => cellAt(grid, { row, col });

  it("has the title, the two header rows and the table at the exported rows", () => {
    expect(at(0, 0).value).toBe("PHỤ LỤC");
    expect(at(SEED_HEADER_ROW, SEED_COLUMNS.label).value).toBe("Chỉ tiêu thống kê");
    expect(at(SEED_HEADER_ROW, 2).value).toBe("Kết quả thống kê");
    expect(at(SEED_HEADER_ROW + 1, SEED_COLUMNS.unit).value).toBe("Đơn vị tính");
    expect(at(SEED_HEADER_ROW + 1, SEED_COLUMNS.value).value).toBe("Số liệu");
    expect(at(SEED_FIRST_ROW, SEED_COLUMNS.stt).value).toBe("I");
    expect(at(SEED_FIRST_ROW + rows.length - 1, SEED_COLUMNS.label).value).toBe(rows[rows.length - 1].label);
    expect(at(SEED_FIRST_ROW + rows.length, SEED_COLUMNS.label).value).toBeNull();
  });

  it.each([
    ["Số nhiệm vụ đề ra trong kế hoạch", 47],
    ["Số VBQPPL đã kiến nghị xử lý sau rà soát", "02"],
    ["Tỷ lệ thực hiện nhiệm vụ tuyên truyền theo kế hoạch", "100%"],
    ["Tổng số văn bản đi của cơ quan, đơn vị (văn bản điện tử và văn bản giấy)", 3036],
    ["Tỷ lệ hoàn thành Kế hoạch CCHC năm (Lũy kế đến thời điểm báo cáo)", null],
  ])("types the value of %s as the seed does", (label, value) => {
    const i = rows.findIndex((r) => r.label === label);
    expect(i).toBeGreaterThanOrEqual(0);
    const cell = at(SEED_FIRST_ROW + i, SEED_COLUMNS.value);
    expect(cell.value).toBe(value);
    expect(cell.numberFormat).toBe("General");
  });
});
