/**
 * What the user reads when an Excel action fails, by reason, in Vietnamese (default) and English.
 * The pane shows `excelErrorMessage(e.reason, lang)` for an ExcelHostError; the ribbon commands too.
 */
import type { ExcelErrorReason } from "./errors";

type ErrorTexts = Readonly<Record<ExcelErrorReason, string>>;

/** Vietnamese texts. */
export const viErrors: ErrorTexts = {
  sheet_protected: "Trang tính đang được bảo vệ nên không ghi được. Hãy bỏ bảo vệ trang tính (thẻ Xem lại) rồi thử lại. Không có ô nào bị thay đổi.",
  workbook_protected: "Cấu trúc sổ làm việc đang được bảo vệ nên không thêm được trang tính mới. Hãy bỏ bảo vệ sổ làm việc rồi thử lại.",
  sheet_missing: "Trang tính chứa Phụ lục vừa bị xóa hoặc đổi tên. Hãy kiểm tra lại.",
  cell_edit_mode: "Excel đang bận vì một ô đang được sửa. Hãy nhấn Enter hoặc Esc để thoát chế độ sửa ô rồi thử lại.",
  api_unsupported: "Phiên bản Excel này chưa hỗ trợ thao tác này. Hãy cập nhật Excel hoặc dùng Excel trên web.",
  payload_too_large: "Trang tính quá lớn để đọc trong một lần (giới hạn 5 MB của Excel). Hãy chuyển Phụ lục sang một trang tính riêng.",
  settings_damaged: "Thiết lập của phần bổ trợ lưu trong sổ làm việc bị hỏng. Hãy lưu lại thiết lập để ghi đè.",
  excel_failed: "Excel báo lỗi khi thực hiện thao tác. Hãy kiểm tra trang tính rồi thử lại.",
};

/** English texts. */
export const enErrors: ErrorTexts = {
  sheet_protected: "The sheet is protected, so nothing could be written. Unprotect it (Review tab) and try again. No cell was changed.",
  workbook_protected: "The workbook structure is protected, so no sheet can be added. Unprotect the workbook and try again.",
  sheet_missing: "The sheet holding the appendix was just deleted or renamed. Check again.",
  cell_edit_mode: "Excel is busy because a cell is being edited. Press Enter or Esc to leave the cell, then try again.",
  api_unsupported: "This version of Excel does not support this action yet. Update Excel or use Excel on the web.",
  payload_too_large: "The sheet is too large to read at once (Excel's 5 MB limit). Move the appendix to a sheet of its own.",
  settings_damaged: "The add-in's settings stored in the workbook are damaged. Save the settings again to replace them.",
  excel_failed: "Excel reported an error. Check the sheet and try again.",
};

/** The sentence for a failure reason. */
export function excelErrorMessage(reason: ExcelErrorReason, lang: "vi" | "en" = "vi"): string {
  return (lang === "en" ? enErrors : viErrors)[reason];
}
