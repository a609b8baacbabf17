/** What `cchc` says about forms (`form check`, `form import`, `--form`, `--forms`), in Vietnamese and English. */
import type { Lang } from "../core";
import { count } from "./messages";

const vi = {
  helpForm: `cchc form check FORM.xlsx|FORM.json [--json]
cchc form import PHU-LUC.xlsx -o FORM.xlsx [--force]

  check    Kiểm tra một tệp mẫu phụ lục (trang Thông tin, Chỉ tiêu, Quan hệ) và báo từng vấn đề
           theo trang, dòng, cột. Mã thoát: 0 dùng được; 1 có lỗi; 2 không đọc được tệp.
  import   Soạn một mẫu nháp từ một tệp phụ lục (trống hoặc đã điền): dàn ý theo STT và tên chỉ tiêu,
           loại theo đơn vị tính, quan hệ nháp cần người soạn xác nhận; in danh sách những gì chưa quyết được.

Dùng mẫu khi kiểm tra:  cchc check --form FORM.xlsx PHU-LUC.xlsx
Thư mục mẫu:            --forms THƯ-MỤC (hoặc biến môi trường CCHC_FORMS): chọn mẫu khớp nhất.
Hướng dẫn soạn mẫu: docs/FORMS.md
`,
  formLine: (form: string, matched: number, total: number, file: string | null) =>
    `  Mẫu: ${form}${file ? ` — tệp “${file}”` : " — mẫu có sẵn"}; khớp ${matched}/${total} chỉ tiêu (${Math.round((matched / Math.max(1, total)) * 100)}%).`,
  formWarning: (sentence: string) => `  Lưu ý về mẫu: ${sentence}`,
  formUsed: (form: string, file: string | null) => `Mẫu: ${form}${file ? ` — tệp “${file}”` : " — mẫu có sẵn"}.`,
  formUnusable: (file: string, first: string, more: number) =>
    `Tệp mẫu “${file}” không dùng được: ${first.replace(/\.$/, "")}${more ? ` (và ${more} vấn đề khác; xem “cchc form check ${file}”)` : ""}.`,
  formsDirMissing: (dir: string) => `Không tìm thấy thư mục mẫu “${dir}”.`,
  formsDirEmpty: (dir: string) => `Thư mục mẫu “${dir}” không có tệp mẫu (.xlsx, .json) nào dùng được; dùng mẫu có sẵn.`,
  formSkipped: (file: string, why: string) => `Bỏ qua tệp mẫu “${file}”: ${why}`,
  formDuplicate: (file: string, id: string, version: string, other: string) =>
    `Bỏ qua tệp mẫu “${file}”: mẫu “${id}” phiên bản ${version} trùng với tệp “${other}”.`,
  formCheckHeading: (file: string, form: string) => `${file}: ${form}`,
  formCheckCounts: (indicators: number, sections: number, relations: number) =>
    `  ${sections} phần, ${indicators} chỉ tiêu, ${relations} quan hệ.`,
  formCheckOk: (file: string, warnings: number) =>
    warnings ? `${file}: dùng được, ${warnings} cảnh báo.` : `${file}: dùng được, không có vấn đề nào.`,
  formCheckBad: (file: string, errors: number, warnings: number) => `${file}: không dùng được — ${errors} lỗi, ${warnings} cảnh báo.`,
  needFormFile: "Lệnh form check cần một tệp mẫu, ví dụ: cchc form check mau.xlsx",
  needImportArgs: "Lệnh form import cần một tệp phụ lục và tệp kết quả, ví dụ: cchc form import phu-luc.xlsx -o mau.xlsx",
  unknownFormCommand: (cmd: string) => `Không có lệnh “cchc form ${cmd}”; dùng “cchc form check” hoặc “cchc form import”.`,
  importWritten: (file: string, indicators: number, relations: number) =>
    `Đã ghi mẫu nháp “${file}”: ${indicators} chỉ tiêu, ${relations} quan hệ nháp cần xác nhận.`,
  importUndecided: (n: number) => (n ? `Chưa quyết được ${n} điểm, cần người soạn xem lại:` : "Không có điểm nào chưa quyết được."),
  importNext: (file: string) => `Tiếp theo: mở “${file}”, điền trang Thông tin, xem lại quan hệ nháp rồi chạy “cchc form check ${file}”.`,
  consolidateForms: (n: number) => `Các đơn vị dùng ${n} mẫu khác nhau; tổng hợp theo mẫu dùng nhiều nhất, đơn vị dùng mẫu khác được liệt kê riêng.`,
};

/** The message set's shape. */
export type FormCliMessages = typeof vi;

const en: FormCliMessages = {
  helpForm: `cchc form check FORM.xlsx|FORM.json [--json]
cchc form import APPENDIX.xlsx -o FORM.xlsx [--force]

  check    Checks a form file (sheets Thông tin, Chỉ tiêu, Quan hệ) and reports each problem by sheet,
           row and column. Exit status: 0 usable; 1 has errors; 2 file not readable.
  import   Drafts a form from an appendix workbook (blank or filled): the outline from STT and labels,
           kinds from units, draft relations for a person to confirm; lists what it could not decide.

Check with a form:  cchc check --form FORM.xlsx APPENDIX.xlsx
A folder of forms:  --forms DIR (or the CCHC_FORMS environment variable): the best-matching form is used.
Writing a form: docs/FORMS.md
`,
  formLine: (form, matched, total, file) =>
    `  Form: ${form}${file ? ` — file "${file}"` : " — built in"}; matched ${matched}/${total} indicators (${Math.round((matched / Math.max(1, total)) * 100)}%).`,
  formWarning: (sentence) => `  Note on the form: ${sentence}`,
  formUsed: (form, file) => `Form: ${form}${file ? ` — file "${file}"` : " — built in"}.`,
  formUnusable: (file, first, more) =>
    `The form file "${file}" cannot be used: ${first.replace(/\.$/, "")}${more ? ` (and ${more} more problems; see "cchc form check ${file}")` : ""}.`,
  formsDirMissing: (dir) => `The form folder "${dir}" was not found.`,
  formsDirEmpty: (dir) => `The form folder "${dir}" has no usable form file (.xlsx, .json); using the built-in form.`,
  formSkipped: (file, why) => `Form file "${file}" skipped: ${why}`,
  formDuplicate: (file, id, version, other) => `Form file "${file}" skipped: form "${id}" version ${version} is that of "${other}".`,
  formCheckHeading: (file, form) => `${file}: ${form}`,
  formCheckCounts: (indicators, sections, relations) => `  ${count(sections, "section")}, ${count(indicators, "indicator")}, ${count(relations, "relation")}.`,
  formCheckOk: (file, warnings) => (warnings ? `${file}: usable, ${count(warnings, "warning")}.` : `${file}: usable, no problem found.`),
  formCheckBad: (file, errors, warnings) => `${file}: not usable — ${count(errors, "error")}, ${count(warnings, "warning")}.`,
  needFormFile: "form check needs a form file, e.g. cchc form check form.xlsx",
  needImportArgs: "form import needs an appendix file and an output file, e.g. cchc form import appendix.xlsx -o form.xlsx",
  unknownFormCommand: (cmd) => `There is no "cchc form ${cmd}"; use "cchc form check" or "cchc form import".`,
  importWritten: (file, indicators, relations) => `Draft form written to "${file}": ${count(indicators, "indicator")}, ${count(relations, "draft relation")} to confirm.`,
  importUndecided: (n) => (n ? `${count(n, "point")} could not be decided and ${n === 1 ? "needs" : "need"} a person:` : "Nothing was left undecided."),
  importNext: (file) => `Next: open "${file}", fill in the Thông tin sheet, review the draft relations, then run "cchc form check ${file}".`,
  consolidateForms: (n) => `The units use ${n} different forms; the summary follows the most used one, units on other forms are listed apart.`,
};

/** The form messages of a language. */
export function formCliMessages(lang: Lang): FormCliMessages {
  return lang === "en" ? en : vi;
}
