import { freeSheetName, validSheetName } from "../../src/core/sheetName";

describe("freeSheetName: a new sheet's name as Excel accepts it, never one the workbook has", () => {
  test.each([
    ["Phụ lục", [], "Phụ lục"],
    ["Phụ lục", ["Phụ lục"], "Phụ lục (2)"],
    ["Phụ lục", ["PHỤ LỤC", "phụ lục (2)", "Phụ lục (3)"], "Phụ lục (4)"],
    // The same name typed in decomposed form is the same name.
    ["Phụ lục", ["Phụ lục".normalize("NFD")], "Phụ lục (2)"],
    ["Phụ lục: CCHC/2023", [], "Phụ lục  CCHC 2023"],
    ["[Phụ lục]*?\\", [], "Phụ lục"],
    ["Phụ lục thống kê số liệu báo cáo CCHC", [], "Phụ lục thống kê số liệu báo cá"],
    ["Phụ lục thống kê số liệu báo cáo CCHC", ["Phụ lục thống kê số liệu báo cá"], "Phụ lục thống kê số liệu bá (2)"],
    ["'Phụ lục'", [], "Phụ lục"],
    ["   ", [], "Sheet"],
    ["history", [], "Sheet"],
    ["Sheet", ["sheet"], "Sheet (2)"],
  ] as const)("freeSheetName(%j, %j) = %j", (base, existing, expected) => {
    const name = freeSheetName(base, existing);
    expect(name).toBe(expected);
    expect(name.length).toBeLessThanOrEqual(31);
    expect(name).not.toMatch(/[[\]:*?/\\]|^'|'$|^\s*$/);
    expect(existing.map((n) => n.normalize("NFC").toLowerCase())).not.toContain(name.toLowerCase());
  });

  it("keeps a name already valid as it is", () => {
    expect(validSheetName("Tổng hợp (2)")).toBe("Tổng hợp (2)");
  });
});
