/**
 * Why no appendix was found, as one sentence: the pane's start section, the ribbon, `cchc check` / `fill` and the
 * consolidation's "no appendix" issue all say this, about a file (named) or the open workbook.
 */
import type { AppendixFailure } from "../location";
import type { Lang } from "../lang";

/** Where the appendix was looked for: the workbook open in Excel or the pane, a file unnamed, or a file by name. */
export type FailurePlace = "workbook" | "file" | { readonly file: string };

/** The place in a sentence: as object ("tệp “a.xlsx”"), as subject, and after "the appendix" ("trong tệp …"). */
interface Words {
  readonly where: string;
  readonly Where: string;
  readonly within: string;
}

type Texts = { readonly [R in AppendixFailure["reason"]]: (f: Extract<AppendixFailure, { reason: R }>, w: Words) => string };

const vi: Texts = {
  no_sheets: (_, w) => `${w.Where} không có trang tính nào.`,
  no_header: (_, w) =>
    `Không tìm thấy phụ lục thống kê CCHC trong ${w.where} (không có dòng tiêu đề “Chỉ tiêu thống kê” và các chỉ tiêu của mẫu).`,
  too_few_rows: (f, w) =>
    `${w.Where} có bảng giống phụ lục ở trang tính “${f.sheet}” nhưng chỉ nhận ra ${f.matched}/${f.total} chỉ tiêu (cần ít nhất ${f.needed}), quá ít để kiểm tra.`,
  split: (f, w) =>
    `Phụ lục${w.within} có vẻ bị chia ra hai trang tính “${f.sheets[0]}” và “${f.sheets[1]}”: mỗi trang có quá ít chỉ tiêu để kiểm tra riêng (cùng nhau nhận ra ${f.matched}/${f.total}). Hãy gộp lại thành một trang.`,
};

const en: Texts = {
  no_sheets: (_, w) => `${w.Where} has no sheet.`,
  no_header: (_, w) => `No CCHC statistics appendix found in ${w.where} (no “Chỉ tiêu thống kê” header row with the template's indicators).`,
  too_few_rows: (f, w) =>
    `${w.Where} has a table like the appendix on sheet “${f.sheet}”, but only ${f.matched} of ${f.total} indicators were recognised (at least ${f.needed} are needed): too few to check.`,
  split: (f, w) =>
    `The appendix${w.within} seems split over the sheets “${f.sheets[0]}” and “${f.sheets[1]}”: each holds too few indicators to check on its own (${f.matched} of ${f.total} together). Merge them into one sheet.`,
};

function words(place: FailurePlace, lang: Lang): Words {
  if (lang === "en") {
    if (place === "workbook") return { where: "the workbook", Where: "The workbook", within: "" };
    if (place === "file") return { where: "the file", Where: "The file", within: " in the file" };
    return { where: `“${place.file}”`, Where: `“${place.file}”`, within: ` in “${place.file}”` };
  }
  if (place === "workbook") return { where: "sổ làm việc", Where: "Sổ làm việc", within: "" };
  if (place === "file") return { where: "tệp", Where: "Tệp", within: " trong tệp" };
  return { where: `tệp “${place.file}”`, Where: `Tệp “${place.file}”`, within: ` trong tệp “${place.file}”` };
}

/** The sentence for a failure to find the appendix, in `lang`, about `place`. NFC. */
export function appendixFailureText(failure: AppendixFailure, lang: Lang, place: FailurePlace = "workbook"): string {
  const texts = lang === "en" ? en : vi;
  // A header over rows none of which matched says no more than no header at all.
  const f: AppendixFailure = failure.reason === "too_few_rows" && failure.matched === 0 ? { reason: "no_header" } : failure;
  const text = (texts[f.reason] as (f: AppendixFailure, w: Words) => string)(f, words(place, lang));
  return text.normalize("NFC");
}
