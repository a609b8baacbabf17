/**
 * What the user reads when an action on an open workbook fails, by reason, in Vietnamese (default) and English.
 * The pane and the ribbon show `workbookErrorMessage(e, lang)` for a WorkbookError (the typed table holds every
 * reason in both languages).
 */
import type { Lang } from "../core";
import { WorkbookError, type PartialWrite, type WorkbookErrorReason } from "./hostErrors";

type ErrorTexts = Readonly<Record<WorkbookErrorReason, string>>;

/** Vietnamese texts. */
export const viWorkbookErrors: ErrorTexts = {
  sheet_protected: "Trang tính đang được bảo vệ nên không ghi được. Hãy bỏ bảo vệ trang tính (thẻ Xem lại) rồi thử lại. Không có ô nào bị thay đổi.",
  workbook_protected: "Cấu trúc sổ làm việc đang được bảo vệ nên không thêm được trang tính mới. Hãy bỏ bảo vệ sổ làm việc rồi thử lại.",
  sheet_missing: "Trang tính chứa Phụ lục vừa bị xóa hoặc đổi tên. Hãy kiểm tra lại.",
  changed_meanwhile:
    "Trong lúc phần bổ trợ đang ghi, trang tính vừa thay đổi (ví dụ một quy tắc định dạng bị xóa, một thao tác hoàn tác, hoặc một cửa sổ khác của phần bổ trợ). Những gì đã ghi dở đã được đưa về như cũ. Hãy bấm “Kiểm tra lại” rồi thử lại.",
  read_only:
    "Sổ làm việc đang mở ở chế độ chỉ đọc (Dạng xem được Bảo vệ, tệp chỉ đọc hoặc tệp đang được người khác mở) nên không ghi được. Hãy bấm “Cho phép chỉnh sửa” hoặc lưu một bản sao rồi thử lại. Không có ô nào bị thay đổi.",
  view_only:
    "Sổ làm việc đang mở ở chế độ chỉ xem trên Excel cho web (chế độ Xem, hoặc bạn chỉ được cấp quyền xem) nên không ghi được. Hãy chuyển sang chế độ “Chỉnh sửa” trên thanh công cụ, hoặc nhờ người chia sẻ cấp quyền chỉnh sửa, rồi thử lại. Không có ô nào bị thay đổi.",
  dialog_open: "Excel đang mở một hộp thoại nên chưa cho ghi. Hãy đóng hộp thoại đó rồi thử lại.",
  conflict: "Một người khác vừa sửa cùng vùng này trong lúc đồng soạn thảo. Hãy bấm “Kiểm tra lại” để xem số liệu mới nhất rồi thử lại.",
  session_expired: "Phiên làm việc giữa Excel và phần bổ trợ đã hết (sổ làm việc vừa được đóng, mở lại hoặc mất kết nối). Hãy đóng ngăn kiểm tra rồi mở lại.",
  marks_unreadable:
    "Excel không đọc được các định dạng có điều kiện trên trang này (thường do có hai quy tắc trùng nhau trên cùng một vùng) nên không tô màu được. Kết quả kiểm tra vẫn đúng. Hãy mở Định dạng có Điều kiện > Quản lý Quy tắc, xóa quy tắc trùng rồi thử lại.",
  cell_edit_mode: "Excel đang bận vì một ô đang được sửa. Hãy nhấn Enter hoặc Esc để thoát chế độ sửa ô rồi thử lại.",
  api_unsupported: "Phiên bản Excel này chưa hỗ trợ thao tác này. Hãy cập nhật Excel hoặc dùng Excel trên web.",
  payload_too_large: "Trang tính quá lớn để đọc trong một lần (giới hạn 5 MB của Excel). Hãy chuyển Phụ lục sang một trang tính riêng.",
  settings_damaged: "Thiết lập của phần bổ trợ lưu trong sổ làm việc bị hỏng. Hãy lưu lại thiết lập để ghi đè.",
  excel_failed: "Excel báo lỗi khi thực hiện thao tác. Hãy kiểm tra trang tính rồi thử lại.",
  partly_written:
    "Excel dừng giữa chừng khi ghi và phần bổ trợ không khôi phục lại được: một số ô có thể đã bị thay đổi. Hãy nhấn Ctrl+Z để hoàn tác (nếu Excel cho phép), xem lại các ô đó rồi bấm “Kiểm tra lại”.",
};

/** English texts. */
export const enWorkbookErrors: ErrorTexts = {
  sheet_protected: "The sheet is protected, so nothing could be written. Unprotect it (Review tab) and try again. No cell was changed.",
  workbook_protected: "The workbook structure is protected, so no sheet can be added. Unprotect the workbook and try again.",
  sheet_missing: "The sheet holding the appendix was just deleted or renamed. Check again.",
  changed_meanwhile:
    "The sheet changed while the add-in was writing (a formatting rule removed, an undo, or another window of the add-in). What was half-written has been put back. Press “Check again”, then try again.",
  read_only:
    "The workbook is open read-only (Protected View, a read-only file, or a file someone else has open), so nothing can be written. Click “Enable Editing” or save a copy, then try again. No cell was changed.",
  view_only:
    "The workbook is open for viewing only in Excel on the web (Viewing mode, or you have permission to view only), so nothing can be written. Switch to “Editing” on the toolbar, or ask whoever shared it for permission to edit, then try again. No cell was changed.",
  dialog_open: "One of Excel's dialogs is open, so Excel does not allow writing yet. Close it and try again.",
  conflict: "Someone else just changed the same cells while co-authoring. Press “Check again” to see the latest figures, then try again.",
  session_expired: "Excel's session with the add-in has ended (the workbook was closed or reopened, or the connection was lost). Close the checker pane and open it again.",
  marks_unreadable:
    "Excel cannot read this sheet's conditional formats (usually two identical rules on one range), so the add-in cannot mark cells. The check's results are still right. Open Conditional Formatting > Manage Rules, delete the duplicate rule, then try again.",
  cell_edit_mode: "Excel is busy because a cell is being edited. Press Enter or Esc to leave the cell, then try again.",
  api_unsupported: "This version of Excel does not support this action yet. Update Excel or use Excel on the web.",
  payload_too_large: "The sheet is too large to read at once (Excel's 5 MB limit). Move the appendix to a sheet of its own.",
  settings_damaged: "The add-in's settings stored in the workbook are damaged. Save the settings again to replace them.",
  excel_failed: "Excel reported an error. Check the sheet and try again.",
  partly_written:
    "Excel stopped part-way through the write and the add-in could not put things back: some cells may have changed. Press Ctrl+Z to undo (if Excel allows it), look over those cells, then press “Check again”.",
};

/** Cells listed in a message before the rest is counted. */
const LISTED_CELLS = 12;

function cellList(cells: readonly string[], lang: Lang): string {
  const shown = cells.slice(0, LISTED_CELLS).join(", ");
  const more = cells.length - LISTED_CELLS;
  if (more <= 0) return shown;
  return lang === "en" ? `${shown} and ${more} more` : `${shown} và ${more} ô khác`;
}

/** The sentence for a write left part-done: which cells, sheet or marks, and what to do. */
export function partialWriteMessage(p: PartialWrite, lang: Lang = "vi"): string {
  const cause = workbookErrorMessage(p.cause, lang);
  if (lang === "en") {
    if (p.newSheet) {
      return `Excel stopped part-way through adding the sheet “${p.sheet}” and the add-in could not remove it: it may be half-made. Delete that sheet (right-click its tab, Delete), then insert the template again. Cause: ${cause}`;
    }
    if (p.marks) {
      return `Excel stopped part-way through marking the sheet “${p.sheet}” and the add-in could not take the new marks off: some may be left. Your cells and your own formatting were not changed. Turn “Mark cells with issues on the sheet” off and on again. Cause: ${cause}`;
    }
    return `Excel stopped part-way through writing on the sheet “${p.sheet}” and the add-in could not put the cells back. These cells may have changed: ${cellList(p.cells, lang)}. Press Ctrl+Z to undo (if Excel allows it) or look over those cells, then press “Check again”. Cause: ${cause}`;
  }
  if (p.newSheet) {
    return `Excel dừng giữa chừng khi thêm trang tính “${p.sheet}” và phần bổ trợ không xóa được trang đó: trang có thể còn dở dang. Hãy xóa trang tính đó (nhấp chuột phải vào thẻ trang, chọn Xóa) rồi chèn lại biểu mẫu. Nguyên nhân: ${cause}`;
  }
  if (p.marks) {
    return `Excel dừng giữa chừng khi đánh dấu trang tính “${p.sheet}” và phần bổ trợ không gỡ được các đánh dấu mới: có thể còn sót một số. Các ô và định dạng của bạn không bị thay đổi. Hãy tắt rồi bật lại “Tô màu các ô có lỗi trên trang”. Nguyên nhân: ${cause}`;
  }
  return `Excel dừng giữa chừng khi ghi vào trang tính “${p.sheet}” và phần bổ trợ không khôi phục lại được. Các ô sau có thể đã bị thay đổi: ${cellList(p.cells, lang)}. Hãy nhấn Ctrl+Z để hoàn tác (nếu Excel cho phép) hoặc xem lại các ô đó, rồi bấm “Kiểm tra lại”. Nguyên nhân: ${cause}`;
}

/**
 * The sentence for a failure: pass the WorkbookError itself to get the cells of a `partly_written` listed;
 * a bare reason gives the general sentence.
 */
export function workbookErrorMessage(reason: WorkbookErrorReason | WorkbookError, lang: Lang = "vi"): string {
  if (reason instanceof WorkbookError) {
    if (reason.reason === "partly_written" && reason.partial) return partialWriteMessage(reason.partial, lang);
    return workbookErrorMessage(reason.reason, lang);
  }
  return (lang === "en" ? enWorkbookErrors : viWorkbookErrors)[reason];
}
