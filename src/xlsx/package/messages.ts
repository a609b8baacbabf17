/**
 * Why the surgical writer would not write a copy, as one sentence in Vietnamese or English (the command line and
 * the pane outside Excel both print it after the file's name). Each says what is in the way and what to do.
 */
import type { Lang } from "../../core";
import type { PatchRefusal } from "./refusal";

type Reason = PatchRefusal["reason"];
type Sentences = { readonly [R in Reason]: (r: Extract<PatchRefusal, { reason: R }>) => string };

const vi: Sentences = {
  zip64: () => "tệp dùng định dạng nén zip64 (trên 4 GB hoặc trên 65.535 phần), chương trình không ghi loại tệp này.",
  unsupported_zip: (r) => `một phần của tệp được nén hoặc mã hóa theo cách chương trình không ghi được (${r.detail}); hãy mở tệp trong Excel và lưu lại.`,
  damaged: (r) => `tệp bị hỏng hoặc không đúng định dạng .xlsx (${r.detail}); hãy mở tệp trong Excel và lưu lại.`,
  not_utf8: (r) => `phần “${r.part}” của tệp không được mã hóa UTF-8; hãy mở tệp trong Excel và lưu lại.`,
  no_sheet: (r) => `không có trang tính “${r.sheet}”.`,
  shared_formula: (r) => `ô ${r.cell} nằm trong vùng ${r.range} dùng chung một công thức; ghi vào ô này sẽ làm hỏng công thức của các ô khác. Hãy xóa công thức ở vùng đó hoặc điền ô ${r.cell} trong Excel.`,
  array_formula: (r) => `ô ${r.cell} nằm trong vùng công thức mảng ${r.range}; hãy điền ô này trong Excel.`,
  data_table: (r) => `ô ${r.cell} nằm trong bảng dữ liệu (What-If) ${r.range}; hãy điền ô này trong Excel.`,
  table_header: (r) => `ô ${r.cell} là ô tiêu đề hoặc ô tổng của bảng “${r.table}”; hãy điền ô này trong Excel.`,
  merged_cell: (r) => `ô ${r.cell} nằm trong vùng gộp ô ${r.range} nhưng không phải ô đầu tiên; hãy bỏ gộp ô rồi chạy lại.`,
  cell_metadata: (r) => `ô ${r.cell} chứa kiểu dữ liệu liên kết hoặc hình ảnh trong ô; hãy điền ô này trong Excel.`,
  unordered: (r) => `các dòng hoặc ô của trang tính không theo thứ tự nên không chắc ô ${r.cell} nằm ở đâu; hãy mở tệp trong Excel và lưu lại.`,
  bad_value: (r) => `giá trị định ghi vào ô ${r.cell} không hợp lệ.`,
};

const en: Sentences = {
  zip64: () => "the file uses zip64 (over 4 GB or 65,535 parts), which is not written here.",
  unsupported_zip: (r) => `a part of the file is compressed or encrypted in a way that cannot be written here (${r.detail}); open the file in Excel and save it again.`,
  damaged: (r) => `the file is damaged or not a valid .xlsx (${r.detail}); open it in Excel and save it again.`,
  not_utf8: (r) => `the part “${r.part}” is not UTF-8; open the file in Excel and save it again.`,
  no_sheet: (r) => `there is no sheet “${r.sheet}”.`,
  shared_formula: (r) => `cell ${r.cell} lies in ${r.range}, which shares one formula; writing it would break the other cells' formulas. Remove the formula there or fill ${r.cell} in Excel.`,
  array_formula: (r) => `cell ${r.cell} lies in the array formula ${r.range}; fill it in Excel.`,
  data_table: (r) => `cell ${r.cell} lies in the What-If data table ${r.range}; fill it in Excel.`,
  table_header: (r) => `cell ${r.cell} is a header or totals cell of the table “${r.table}”; fill it in Excel.`,
  merged_cell: (r) => `cell ${r.cell} lies in the merged area ${r.range} but is not its first cell; unmerge it and run again.`,
  cell_metadata: (r) => `cell ${r.cell} holds a linked data type or a picture in the cell; fill it in Excel.`,
  unordered: (r) => `the sheet's rows or cells are out of order, so where ${r.cell} goes is not certain; open the file in Excel and save it again.`,
  bad_value: (r) => `the value to write into ${r.cell} is not valid.`,
};

/** Why the copy was not written, as the end of a sentence ("...: <this>"). */
export function refusalText(refusal: PatchRefusal, lang: Lang): string {
  const table = lang === "en" ? en : vi;
  return (table[refusal.reason] as (r: PatchRefusal) => string)(refusal);
}
