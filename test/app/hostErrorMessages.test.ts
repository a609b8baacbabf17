/** The sentences of a failed workbook action: each reason in both languages (the typed table holds parity). */
import { partialWriteMessage, workbookErrorMessage, viWorkbookErrors } from "../../src/app/hostErrorMessages";
import { WorkbookError, type WorkbookErrorReason } from "../../src/app/hostErrors";

const reasons = Object.keys(viWorkbookErrors) as WorkbookErrorReason[];

test("every failure reason has a Vietnamese and an English text, NFC, distinct, ending a sentence", () => {
  expect(reasons).toHaveLength(16);
  for (const r of reasons) {
    for (const lang of ["vi", "en"] as const) {
      const text = workbookErrorMessage(r, lang);
      expect(text).toBe(text.normalize("NFC"));
      expect(text).toMatch(/[.”]$/);
    }
    expect(workbookErrorMessage(r, "vi")).not.toBe(workbookErrorMessage(r, "en"));
  }
});

test("a partly written error lists its cells; a bare reason gives the general sentence", () => {
  const cells = Array.from({ length: 14 }, (_, i) => `D${i + 10}`);
  const e = new WorkbookError("partly_written", undefined, { sheet: "Phụ lục", cells, cause: "sheet_protected" });
  expect(workbookErrorMessage(e, "vi")).toBe(partialWriteMessage(e.partial!, "vi"));
  expect(workbookErrorMessage(e, "vi")).toContain("D21 và 2 ô khác");
  expect(workbookErrorMessage(e, "en")).toContain("D21 and 2 more");
  expect(workbookErrorMessage(e, "en")).toContain(workbookErrorMessage("sheet_protected", "en"));
  expect(workbookErrorMessage(new WorkbookError("partly_written"), "vi")).toBe(viWorkbookErrors.partly_written);
});

test("a workbook error carries the coarse code a surface falls back on", () => {
  expect(new WorkbookError("cell_edit_mode").code).toBe("busy");
  expect(new WorkbookError("sheet_protected").code).toBe("generic");
});
