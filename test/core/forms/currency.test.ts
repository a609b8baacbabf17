/** Whether a form fits the report: its period within the form's validity, its province and level those of the form. */
import { soNganhFacts } from "../../../src/core/forms/builtin";
import { formCurrency, periodRange, provinceOf } from "../../../src/core/forms/currency";
import { formatFormCurrency } from "../../../src/core/messages/forms";

describe("form currency", () => {
  it.each([
    [{ kind: "nam", year: 2023 }, { start: "2022-12-15", end: "2023-12-14" }],
    [{ kind: "quy1", year: 2024 }, { start: "2023-12-15", end: "2024-03-14" }],
    [{ kind: "6thang", year: 2024 }, { start: "2023-12-15", end: "2024-06-14" }],
    [{ kind: "quy3", year: 2024 }, { start: "2024-06-15", end: "2024-09-14" }],
  ] as const)("%j covers %j", (period, range) => {
    expect(periodRange(period)).toEqual(range);
  });

  it("the seed's own report (Sở TTTT tỉnh Sóc Trăng, năm 2023) fits the built-in form", () => {
    expect(formCurrency(soNganhFacts, "SỞ THÔNG TIN VÀ TRUYỀN THÔNG TỈNH SÓC TRĂNG", { kind: "nam", year: 2023 })).toEqual([]);
  });

  it("a 2021 report, another province and a commune's report are each said", () => {
    const w = formCurrency(soNganhFacts, "UBND xã Thạnh Phú, thành phố Cần Thơ", { kind: "nam", year: 2021 });
    expect(w.map((x) => x.code)).toEqual(["period_before_form", "other_province", "other_level"]);
    expect(w.map((x) => formatFormCurrency(x, soNganhFacts, "vi"))).toEqual([
      "Kỳ báo cáo kết thúc ngày 14/12/2021, trước ngày mẫu “so-nganh-2023” bắt đầu áp dụng (11/03/2022); hãy kiểm tra có dùng đúng mẫu của kỳ đó không.",
      "Tiêu đề ghi tỉnh, thành phố “Cần Thơ”, còn mẫu đang dùng là mẫu của Sóc Trăng; hãy kiểm tra có dùng đúng mẫu của tỉnh, thành phố mình không.",
      "Tiêu đề cho thấy báo cáo của UBND xã, còn mẫu đang dùng là mẫu cho sở, ngành.",
    ]);
  });

  it("a form that has stopped applying", () => {
    const w = formCurrency({ ...soNganhFacts, validTo: "2025-06-30" }, "Sở Nội vụ tỉnh Sóc Trăng", { kind: "quy3", year: 2025 });
    // Quý III 2025 (15/6–14/9) overlaps the form's last days: no warning.
    expect(w).toEqual([]);
    const later = formCurrency({ ...soNganhFacts, validTo: "2025-06-30" }, "Sở Nội vụ tỉnh Sóc Trăng", { kind: "nam", year: 2026 });
    expect(later.map((x) => x.code)).toEqual(["period_after_form"]);
  });

  it("reads the province and level from the title's other lines when the unit's name gives none", () => {
    const lines = ["UBND TỈNH BẠC LIÊU", "SỞ TƯ PHÁP", "PHỤ LỤC"];
    expect(formCurrency(soNganhFacts, "SỞ TƯ PHÁP", { kind: "nam", year: 2023 }, lines).map((w) => w.code)).toEqual(["other_province"]);
    expect(formCurrency(soNganhFacts, null, null, ["PHỤ LỤC", "UBND xã Long Phú, tỉnh Sóc Trăng"]).map((w) => w.code)).toEqual(["other_level"]);
    expect(formCurrency(soNganhFacts, null, null, ["PHỤ LỤC", "THỐNG KÊ SỐ LIỆU NĂM 2023"])).toEqual([]);
  });

  it("reads the province a unit name gives", () => {
    expect(provinceOf("Sở Tư pháp tỉnh Sóc Trăng")).toBe("Sóc Trăng");
    expect(provinceOf("SỞ Y TẾ THÀNH PHỐ CẦN THƠ")).toBe("CẦN THƠ");
    expect(provinceOf("Sở Nội vụ")).toBeNull();
    expect(provinceOf("Sở Nội vụ tỉnh Bạc Liêu, ngày 10 tháng 12 năm 2023")).toBe("Bạc Liêu");
  });
});
