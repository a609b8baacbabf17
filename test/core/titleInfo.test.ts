import { gridFromCells } from "../../src/core/grid";
import type { RawCell } from "../../src/core/grid";
import {
  periodFromFileName,
  periodFromText,
  titleFromLines,
  titleInfo,
  unitKey,
} from "../../src/core/titleInfo";
import type { Period } from "../../src/core/period";
import { soNganh } from "../../src/core/catalog";
import { layoutPlan, PLAN_HEADER_ROW, type LayoutOptions } from "../../src/core/layout";
import { SEED_HEADER_ROW, seedGrid, seedTitle } from "../fixtures/seed";

const STTTT = "Sở Thông tin và Truyền thông tỉnh Sóc Trăng";

describe("titleFromLines", () => {
  it.each<[string, string[], string | null, Period | null]>([
    [
      "the seed's title block",
      [
        "PHỤ LỤC",
        "THỐNG KÊ SỐ LIỆU BÁO CÁO CẢI CÁCH HÀNH CHÍNH",
        "NĂM 2023 CỦA SỞ THÔNG TIN VÀ TRUYỀN THÔNG TỈNH SÓC TRĂNG",
        "(Kèm theo Báo cáo số: 319/BC-STTTT ngày 15/12/2023 của Sở Thông tin và Truyền thông tỉnh Sóc Trăng)",
      ],
      STTTT,
      { kind: "nam", year: 2023 },
    ],
    [
      "all caps title, no attachment line",
      ["PHỤ LỤC", "NĂM 2023 CỦA SỞ THÔNG TIN VÀ TRUYỀN THÔNG TỈNH SÓC TRĂNG"],
      "SỞ THÔNG TIN VÀ TRUYỀN THÔNG TỈNH SÓC TRĂNG",
      { kind: "nam", year: 2023 },
    ],
    [
      "six months",
      ["THỐNG KÊ SỐ LIỆU BÁO CÁO CCHC 6 THÁNG ĐẦU NĂM 2024 CỦA SỞ Y TẾ"],
      "SỞ Y TẾ",
      { kind: "6thang", year: 2024 },
    ],
    [
      "six months written out, unit after the period",
      ["BÁO CÁO SÁU THÁNG ĐẦU NĂM 2024", "của Sở Tư pháp"],
      "Sở Tư pháp",
      { kind: "6thang", year: 2024 },
    ],
    [
      "the annual range in parentheses",
      ["PHỤ LỤC CỦA SỞ NỘI VỤ", "Năm 2023 (từ ngày 15/12/2022-14/12/2023)"],
      "SỞ NỘI VỤ",
      { kind: "nam", year: 2023, from: "15/12/2022", to: "14/12/2023" },
    ],
    [
      "quarter I on its own line, year on another",
      ["PHỤ LỤC THỐNG KÊ CỦA SỞ GIAO THÔNG VẬN TẢI", "QUÝ I", "NĂM 2024"],
      "SỞ GIAO THÔNG VẬN TẢI",
      { kind: "quy1", year: 2024 },
    ],
    [
      "quarter III with a slash year",
      ["Quý III/2024 của Ban Quản lý các khu công nghiệp"],
      "Ban Quản lý các khu công nghiệp",
      { kind: "quy3", year: 2024 },
    ],
    [
      "quarter in digits and a dated range",
      ["Quý 1 năm 2025 (từ ngày 15/12/2024 đến ngày 14/3/2025)", "Đơn vị: Sở Tài chính"],
      "Sở Tài chính",
      { kind: "quy1", year: 2025, from: "15/12/2024", to: "14/3/2025" },
    ],
    [
      "only a range: the end date says six months",
      ["Số liệu từ ngày 15/12/2023 đến ngày 14/6/2024", "Tên đơn vị: Sở Công Thương"],
      "Sở Công Thương",
      { kind: "6thang", year: 2024, from: "15/12/2023", to: "14/6/2024" },
    ],
    [
      "the official letterhead: the department under the province, signing date ignored",
      [
        "UBND TỈNH SÓC TRĂNG",
        "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM",
        "SỞ XÂY DỰNG",
        "Độc lập - Tự do - Hạnh phúc",
        "Sóc Trăng, ngày 10 tháng 6 năm 2024",
        "PHỤ LỤC THỐNG KÊ SỐ LIỆU 6 THÁNG ĐẦU NĂM 2024",
      ],
      "SỞ XÂY DỰNG",
      { kind: "6thang", year: 2024 },
    ],
    [
      "a signing date is not the period",
      ["PHỤ LỤC THỐNG KÊ", "Sóc Trăng, ngày 15 tháng 12 năm 2023"],
      null,
      null,
    ],
    [
      "a placeholder is not a unit name",
      ["PHỤ LỤC", "NĂM 2024 CỦA ......................................"],
      null,
      { kind: "nam", year: 2024 },
    ],
    [
      "the guidance letter of Sở Nội vụ does not name the sender",
      ["PHỤ LỤC", "(Kèm theo Công văn số 535/SNV-TTr ngày 11/3/2022 của Sở Nội vụ)"],
      null,
      null,
    ],
    [
      "the attached report names the sender when the title does not",
      ["PHỤ LỤC THỐNG KÊ QUÝ III NĂM 2024", "(Kèm theo Báo cáo số 12/BC-SYT ngày 10/9/2024 của Sở Y tế)"],
      "Sở Y tế",
      { kind: "quy3", year: 2024 },
    ],
    [
      "NFD input is read as NFC",
      ["NĂM 2023 CỦA SỞ Y TẾ".normalize("NFD")],
      "SỞ Y TẾ",
      { kind: "nam", year: 2023 },
    ],
    ["nothing at all", ["PHỤ LỤC", "THỐNG KÊ SỐ LIỆU BÁO CÁO CẢI CÁCH HÀNH CHÍNH"], null, null],
  ])("%s", (_name, lines, unitName, period) => {
    const info = titleFromLines(lines);
    expect(info.unitName).toBe(unitName);
    expect(info.period).toEqual(period);
    if (info.unitName) expect(info.unitName).toBe(info.unitName.normalize("NFC"));
  });
});

describe("periodFromText", () => {
  it.each<[string, Period | null]>([
    ["NĂM 2023", { kind: "nam", year: 2023 }],
    ["6 THÁNG ĐẦU NĂM 2024", { kind: "6thang", year: 2024 }],
    ["9 tháng năm 2024", { kind: "9thang", year: 2024 }],
    ["QUÝ I", { kind: "quy1", year: null }],
    ["QUÝ IV NĂM 2023", { kind: "quy4", year: 2023 }],
    ["Năm 2023 (từ ngày 15/12/2022-14/12/2023)", { kind: "nam", year: 2023, from: "15/12/2022", to: "14/12/2023" }],
    ["từ 15/6/2024 đến 14/9/2024", { kind: "quy3", year: 2024, from: "15/6/2024", to: "14/9/2024" }],
    // As clerks type them: a leading zero, the older spelling "Quí", a colon after "Năm", "Q3/2024" in short.
    ["BÁO CÁO 06 THÁNG ĐẦU NĂM 2024", { kind: "6thang", year: 2024 }],
    ["Báo cáo 09 tháng năm 2024", { kind: "9thang", year: 2024 }],
    ["BÁO CÁO CCHC QUÍ III NĂM 2024", { kind: "quy3", year: 2024 }],
    ["Quí 3 năm 2024", { kind: "quy3", year: 2024 }],
    ["Quý 03/2024", { kind: "quy3", year: 2024 }],
    ["Năm: 2024", { kind: "nam", year: 2024 }],
    ["Q3/2024", { kind: "quy3", year: 2024 }],
    ["Quy chế chi tiêu nội bộ năm 2024", { kind: "nam", year: 2024 }],
    ["Quý III.2024", { kind: "quy3", year: 2024 }],
    ["6 THÁNG ĐẦU NĂM 2024 VÀ PHƯƠNG HƯỚNG NHIỆM VỤ 6 THÁNG CUỐI NĂM 2024", { kind: "6thang", year: 2024 }],
    ["BÁO CÁO QUÝ III NĂM 2024 VÀ NHIỆM VỤ TRỌNG TÂM QUÝ IV NĂM 2024", { kind: "quy3", year: 2024 }],
    ["BÁO CÁO CÔNG TÁC CCHC NĂM 2024 VÀ PHƯƠNG HƯỚNG, NHIỆM VỤ NĂM 2025", { kind: "nam", year: 2024 }],
    ["Kỳ báo cáo: từ ngày 15/12/2023 đến ngày 14/6/2024", { kind: "6thang", year: 2024, from: "15/12/2023", to: "14/6/2024" }],
    ["ngày 15 tháng 6 năm 2024", null],
    ["Số nhiệm vụ", null],
  ])("%s", (text, period) => {
    expect(periodFromText(text)).toEqual(period);
  });
});

describe("periodFromFileName", () => {
  it.each<[string, Period | null]>([
    ["BC CCHC 6 thang 2024 - So Y te.xlsx", { kind: "6thang", year: 2024 }],
    ["/tmp/in/SoTTTT_nam2023.xlsx", { kind: "nam", year: 2023 }],
    ["quy1_2024.xlsx", { kind: "quy1", year: 2024 }],
    ["Q3-2024 Sở Tư pháp.xlsx", { kind: "quy3", year: 2024 }],
    ["Phụ lục 6 tháng đầu năm 2024.xlsx".normalize("NFD"), { kind: "6thang", year: 2024 }],
    ["so-y-te-2024.xlsx", null],
    ["phu luc.xlsx", null],
  ])("%s", (name, period) => {
    expect(periodFromFileName(name)).toEqual(period);
  });
});

describe("unitKey and periods", () => {
  it.each([
    [STTTT, "SỞ THÔNG TIN VÀ TRUYỀN THÔNG", true],
    ["Sở Y tế", "SO Y TE", true],
    ["Sở Y tế tỉnh Sóc Trăng", "Sở Y tế.", true],
    ["Sở Y tế", "Sở Tư pháp", false],
    ["Văn phòng UBND tỉnh", "Văn phòng UBND", false],
  ])("%s ~ %s: %s", (a, b, same) => {
    expect(unitKey(a) === unitKey(b)).toBe(same);
  });
});

describe("titleInfo on a grid", () => {
  it("reads the seed sheet's title block", () => {
    const grid = seedGrid();
    const headerRow = grid.values.findIndex((r) => r[1] === "Chỉ tiêu thống kê");
    expect(headerRow).toBe(SEED_HEADER_ROW);
    expect(titleInfo(grid, { headerRow })).toMatchObject({ unitName: STTTT, period: { kind: "nam", year: 2023 } });
    expect(titleInfo(grid, { headerRow }).lines).toEqual(seedTitle());
  });

  it("reads each cell once, across merged repeats and columns, and stops at the header", () => {
    const t = (value: string): RawCell => ({ value });
    const grid = gridFromCells({ row: 2, col: 1 }, [
      [t("UBND TỈNH SÓC TRĂNG"), t("UBND TỈNH SÓC TRĂNG"), t("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM")],
      [t("SỞ TƯ PHÁP"), { value: null }, t("Độc lập - Tự do - Hạnh phúc")],
      [t("PHỤ LỤC QUÝ I NĂM 2024")],
      [t("STT"), t("Chỉ tiêu thống kê"), t("Kết quả thống kê")],
      [t("NĂM 2030 CỦA SỞ KHÁC")],
    ]);
    const info = titleInfo(grid, { headerRow: 7 });
    expect(info.lines).toEqual([
      "UBND TỈNH SÓC TRĂNG",
      "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM",
      "SỞ TƯ PHÁP",
      "Độc lập - Tự do - Hạnh phúc",
      "PHỤ LỤC QUÝ I NĂM 2024",
    ]);
    expect(info).toMatchObject({ unitName: "SỞ TƯ PHÁP", period: { kind: "quy1", year: 2024 } });
  });

  it("finds nothing in a sheet whose table starts at the top", () => {
    const grid = gridFromCells({ row: 0, col: 0 }, [[{ value: "STT" }, { value: "Chỉ tiêu thống kê" }]]);
    expect(titleInfo(grid, { headerRow: 0 })).toEqual({ unitName: null, period: null, lines: [] });
  });
});

describe("the title block our own template writes", () => {
  /** The plan's title cells, top to bottom, as the cells of a sheet would hold them. */
  const titleOf = (options: LayoutOptions) =>
    layoutPlan(soNganh, options)
      .cells.filter((c) => c.cell.row < PLAN_HEADER_ROW && typeof c.cellValue === "string")
      .map((c) => c.cellValue as string);

  it.each<[LayoutOptions, string | null, Period]>([
    [{ unitName: "Sở Y tế", year: 2023, period: "nam" }, "Sở Y tế", { kind: "nam", year: 2023, from: "15/12/2022", to: "14/12/2023" }],
    [{ year: 2024, period: "quy1" }, null, { kind: "quy1", year: 2024, from: "15/12/2023", to: "14/3/2024" }],
    [{ unitName: "Ban Quản lý các khu công nghiệp", year: 2024, period: "6thang" }, "Ban Quản lý các khu công nghiệp", { kind: "6thang", year: 2024, from: "15/12/2023", to: "14/6/2024" }],
    [{ unitName: "Sở Tư pháp", year: 2024, period: "quy3" }, "Sở Tư pháp", { kind: "quy3", year: 2024, from: "15/6/2024", to: "14/9/2024" }],
  ])("%j", (options, unitName, period) => {
    expect(titleFromLines(titleOf(options))).toMatchObject({ unitName, period });
  });
});
