/**
 * Why no appendix was found, as one sentence: the pane's start section, the ribbon, `cchc check` / `fill` and the
 * consolidation's "no appendix" issue all say this, about a file (named) or the open workbook.
 */
import type { AppendixFailure } from "../location";
import type { Lang } from "../lang";

/** Where the appendix was looked for: a file by name, or (null) the workbook open in Excel or the pane. */
export type FailurePlace = string | null;

type Texts = { readonly [R in AppendixFailure["reason"]]: (f: Extract<AppendixFailure, { reason: R }>, place: FailurePlace) => string };

const vi: Texts = {
  no_sheets: (_, file) => (file === null ? "Sổ làm việc không có trang tính nào." : `Tệp “${file}” không có trang tính nào.`),
  no_header: (_, file) =>
    `Không tìm thấy phụ lục thống kê CCHC trong ${file === null ? "sổ làm việc" : `tệp “${file}”`} (không có dòng tiêu đề “Chỉ tiêu thống kê” và các chỉ tiêu của mẫu).`,
  too_few_rows: (f, file) =>
    `${file === null ? "Sổ làm việc" : `Tệp “${file}”`} có bảng giống phụ lục ở trang tính “${f.sheet}” nhưng chỉ nhận ra ${f.matched}/${f.total} chỉ tiêu (cần ít nhất ${f.needed}), quá ít để kiểm tra.`,
  split: (f, file) =>
    `Phụ lục${file === null ? "" : ` trong tệp “${file}”`} có vẻ bị chia ra hai trang tính “${f.sheets[0]}” và “${f.sheets[1]}”: mỗi trang có quá ít chỉ tiêu để kiểm tra riêng (cùng nhau nhận ra ${f.matched}/${f.total}). Hãy gộp lại thành một trang.`,
};

const en: Texts = {
  no_sheets: (_, file) => (file === null ? "The workbook has no sheet." : `“${file}” has no sheet.`),
  no_header: (_, file) =>
    `No CCHC statistics appendix found in ${file === null ? "the workbook" : `“${file}”`} (no “Chỉ tiêu thống kê” header row with the template's indicators).`,
  too_few_rows: (f, file) =>
    `${file === null ? "The workbook" : `“${file}”`} has a table like the appendix on sheet “${f.sheet}”, but only ${f.matched} of ${f.total} indicators were recognised (at least ${f.needed} are needed): too few to check.`,
  split: (f, file) =>
    `The appendix${file === null ? "" : ` in “${file}”`} seems split over the sheets “${f.sheets[0]}” and “${f.sheets[1]}”: each holds too few indicators to check on its own (${f.matched} of ${f.total} together). Merge them into one sheet.`,
};

/** The sentence for a failure to find the appendix, in `lang`, about `file` (or the workbook when null). NFC. */
export function appendixFailureText(failure: AppendixFailure, lang: Lang, file: FailurePlace = null): string {
  const texts = lang === "en" ? en : vi;
  // A header over rows none of which matched says no more than no header at all.
  const f: AppendixFailure = failure.reason === "too_few_rows" && failure.matched === 0 ? { reason: "no_header" } : failure;
  const text = (texts[f.reason] as (f: AppendixFailure, place: FailurePlace) => string)(f, file);
  return text.normalize("NFC");
}
