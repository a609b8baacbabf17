/** What the ribbon commands tell the user, Vietnamese (default) and English. */
import { type AppendixFailure, appendixFailureText, type Lang } from "../core";

/** The sentences of one language. */
export interface CommandTexts {
  readonly title: string;
  readonly checked: (errors: number, warnings: number, sheet: string) => string;
  readonly clean: (sheet: string) => string;
  /** No appendix: why (the sentence the pane and the command line say), and where to insert one. */
  readonly notFound: (failure: AppendixFailure) => string;
  readonly filled: (written: number, conflicts: number) => string;
  readonly nothingToFill: (conflicts: number) => string;
  /** nothing written: the appendix is on a hidden sheet nobody chose, or several value columns nothing tells apart */
  readonly notFilled: (reason: "hidden_sheet" | "ambiguous_column", sheet: string) => string;
  readonly openPane: string;
  /** warnings acknowledged in the pane, left out of the counts and the marks */
  readonly acknowledged: (n: number) => string;
  readonly close: string;
}

/** Vietnamese. */
export const viCommands: CommandTexts = {
  title: "Kiểm tra Phụ lục CCHC",
  checked: (errors, warnings, sheet) =>
    `Trang tính “${sheet}”: ${errors} lỗi, ${warnings} cảnh báo. Các ô có vấn đề đã được tô màu (không thay đổi định dạng của bạn).`,
  clean: (sheet) => `Trang tính “${sheet}”: không có lỗi hay cảnh báo nào.`,
  notFound: (failure) => `${appendixFailureText(failure, "vi")} Hãy mở ngăn kiểm tra để chèn mẫu Phụ lục.`,
  filled: (written, conflicts) =>
    `Đã điền công thức vào ${written} ô tổng và tỷ lệ.` +
    (conflicts ? ` ${conflicts} ô đang có số khác với công thức nên chưa bị ghi đè; các ô này đã được tô màu.` : ""),
  nothingToFill: (conflicts) =>
    conflicts
      ? `Không có ô trống nào cần điền. ${conflicts} ô đang có số khác với công thức nên chưa bị ghi đè; các ô này đã được tô màu.`
      : "Không có ô tổng hay tỷ lệ nào cần điền.",
  notFilled: (reason, sheet) =>
    reason === "hidden_sheet"
      ? `Chưa điền: phụ lục chỉ có trên trang tính ẩn “${sheet}”. Hãy chọn trang đó trong ngăn kiểm tra nếu đúng là trang cần điền.`
      : `Chưa điền: trang “${sheet}” có nhiều cột số liệu và không rõ cột nào là kỳ báo cáo. Hãy chọn cột trong ngăn kiểm tra.`,
  openPane: "Mở ngăn kiểm tra (thẻ Trang đầu) để xem chi tiết và cách sửa.",
  acknowledged: (n) => `${n} cảnh báo đã bỏ qua (có ghi lý do) trong ngăn kiểm tra không được tính và không được tô màu.`,
  close: "Đóng",
};

/** English. */
export const enCommands: CommandTexts = {
  title: "CCHC Appendix Checker",
  checked: (errors, warnings, sheet) =>
    `Sheet “${sheet}”: ${errors} errors, ${warnings} warnings. The cells concerned are marked (your own formatting is unchanged).`,
  clean: (sheet) => `Sheet “${sheet}”: no errors or warnings.`,
  notFound: (failure) => `${appendixFailureText(failure, "en")} Open the checker pane to insert the template.`,
  filled: (written, conflicts) =>
    `Formulas written into ${written} total and rate cells.` +
    (conflicts ? ` ${conflicts} cells hold a different number and were not overwritten; they are marked.` : ""),
  nothingToFill: (conflicts) =>
    conflicts
      ? `No blank cell to fill. ${conflicts} cells hold a different number and were not overwritten; they are marked.`
      : "No total or rate cell needs filling.",
  notFilled: (reason, sheet) =>
    reason === "hidden_sheet"
      ? `Nothing filled: the appendix is only on the hidden sheet “${sheet}”. Choose that sheet in the checker pane if it is the one to fill.`
      : `Nothing filled: sheet “${sheet}” has several value columns and nothing says which is the report's period. Choose the column in the checker pane.`,
  openPane: "Open the checker pane (Home tab) for the details and the fixes.",
  acknowledged: (n) => `${n} ${n === 1 ? "warning" : "warnings"} acknowledged in the checker pane ${n === 1 ? "is" : "are"} neither counted nor marked.`,
  close: "Close",
};

/** The texts for a language. */
export function commandTexts(lang: Lang): CommandTexts {
  return lang === "en" ? enCommands : viCommands;
}
