/** The generator of test/fixtures/seed-appendix.json, on a small report text shaped like the seed's. */
import { seedFixture } from "../../scripts/make-seed-fixture";

const TEXT = [
  "Báo cáo <sup>1</sup> trước phụ lục",
  "",
  "**PHỤ LỤC**  ",
  "*(Kèm theo Báo cáo số: 1/BC)*",
  "",
  "STT\tChỉ tiêu thống kê\tKết quả thống kê\t\tGhi chú",
  "\t\tĐơn vị tính\tSố liệu\t",
  "<b>I</b>\t<b>Công tác chỉ đạo</b>\t\t\t",
  "1\tSố phòng ban trong tổ chức\tCơ quan, đơn vị\t4\t",
  "",
  "\thành chính trực thuộc ( <i>nếu có</i> )\t\t\t",
  "\tCó rà soát,\tKhông = 0\t1\tQuyết định của",
  "",
  "\tHoàn chỉnh bản mô tả\tCó = 1\t\tUBND tỉnh",
  "",
  "\tSố biên chế đã tinh giản\tNgười\t\t",
].join("\n");

describe("seedFixture", () => {
  const f = seedFixture(TEXT, "report.txt");

  it("keeps the title without markup and the report's text before it as extracted", () => {
    expect(f.title).toEqual(["PHỤ LỤC", "(Kèm theo Báo cáo số: 1/BC)"]);
    expect(f.report).toEqual(["Báo cáo <sup>1</sup> trước phụ lục", ""]);
    expect(f.header).toEqual([
      ["STT", "Chỉ tiêu thống kê", "Kết quả thống kê", "", "Ghi chú"],
      ["", "", "Đơn vị tính", "Số liệu", ""],
    ]);
  });

  it("joins a line starting mid-sentence after a page break and records the part", () => {
    expect(f.rows[1]).toEqual({
      stt: "1",
      label: "Số phòng ban trong tổ chức hành chính trực thuộc (nếu có)",
      unit: "Cơ quan, đơn vị",
      value: "4",
      note: "",
      continuedAfterPageBreak: { label: "hành chính trực thuộc (nếu có)" },
    });
  });

  it("joins a code list split in two (a capitalised label, a lone code on each side)", () => {
    expect(f.rows[2]).toMatchObject({
      label: "Có rà soát, Hoàn chỉnh bản mô tả",
      unit: "Không = 0 Có = 1",
      note: "Quyết định của UBND tỉnh",
      continuedAfterPageBreak: { label: "Hoàn chỉnh bản mô tả", unit: "Có = 1", note: "UBND tỉnh" },
    });
  });

  it("marks a whole row that starts a new page instead of joining it", () => {
    expect(f.rows).toHaveLength(4);
    expect(f.rows[3]).toEqual({ stt: "", label: "Số biên chế đã tinh giản", unit: "Người", value: "", note: "", pageBreakBefore: true });
  });

  it("says which file has no appendix", () => {
    expect(() => seedFixture("no table here", "other.txt")).toThrow(/other\.txt has no appendix header/);
  });
});
