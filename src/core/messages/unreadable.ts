/**
 * A file that could not be read, as one sentence: the command line, the pane opening a file, and the consolidation's
 * "file unreadable" issue all say this, about a file (named) or the file at hand (null).
 */
import type { Lang } from "../lang";
import type { FileLimits, Unreadable, UnreadableReason } from "../unreadable";
import { formatNumber } from "./format";

/** Bytes as whole megabytes (MiB, as the limits are set). */
const megabytes = (bytes: number): number => Math.round(bytes / (1024 * 1024));

/** The file in a sentence ("tệp “a.xlsx”", or "tệp" when it has no name), and its quoted name alone. */
type Name = { readonly the: string; readonly The: string; readonly named: string | null };

type Texts = Readonly<Record<UnreadableReason, (f: Name, u: Unreadable) => string>>;

const tooMuch = (l: FileLimits | undefined, lang: Lang): string =>
  !l
    ? ""
    : lang === "vi"
      ? ` (hơn ${megabytes(l.expandedBytes)} MB hoặc ${formatNumber(l.cells, "vi")} ô)`
      : ` (over ${megabytes(l.expandedBytes)} MB or ${formatNumber(l.cells, "en")} cells)`;

const vi: Texts = {
  not_found: (f) => `Không tìm thấy ${f.the}.`,
  is_directory: (f) => `${f.named ?? "Đây"} là một thư mục, không phải tệp .xlsx.`,
  io_error: (f, u) => `Không đọc được ${f.the}${u.system ? ` (${u.system})` : ""}.`,
  not_read: (f) => `Trình duyệt không đọc được nội dung ${f.the}.`,
  not_xlsx: (f) => `${f.The} không phải là tệp Excel .xlsx.`,
  old_xls: (f) => `${f.The} có định dạng Excel cũ (.xls); hãy mở trong Excel và lưu lại thành .xlsx.`,
  damaged: (f) => `${f.The} bị hỏng hoặc không phải tệp .xlsx hợp lệ.`,
  empty: (f) => `${f.The} rỗng, không có dữ liệu nào.`,
  encrypted: (f) =>
    `${f.The} được đặt mật khẩu; hãy mở trong Excel, bỏ mật khẩu (Tệp > Thông tin > Bảo vệ sổ làm việc) rồi lưu lại.`,
  ods: (f) => `${f.The} là bảng tính OpenDocument (.ods); hãy mở và lưu lại thành .xlsx.`,
  too_large: (f, u) =>
    `${f.The}${u.limits ? ` lớn hơn ${megabytes(u.limits.fileBytes)} MB,` : ""} quá lớn để kiểm tra; hãy chép riêng trang tính phụ lục sang một tệp mới.`,
  too_much_data: (f, u) =>
    `${f.The} chứa quá nhiều dữ liệu khi giải nén${tooMuch(u.limits, "vi")} nên không được mở; hãy chép riêng trang tính phụ lục sang một tệp mới.`,
};

const en: Texts = {
  not_found: (f) => `${f.named ? `File ${f.named}` : "The file"} does not exist.`,
  is_directory: (f) => `${f.named ?? "This"} is a directory, not an .xlsx file.`,
  io_error: (f, u) => `Cannot read ${f.the}${u.system ? ` (${u.system})` : ""}.`,
  not_read: (f) => `The browser could not read ${f.the}.`,
  not_xlsx: (f) => `${f.The} is not an Excel .xlsx file.`,
  old_xls: (f) => `${f.The} is in the old Excel format (.xls); open it in Excel and save it as .xlsx.`,
  damaged: (f) => `${f.The} is damaged or not a valid .xlsx file.`,
  empty: (f) => `${f.The} is empty: it holds no data.`,
  encrypted: (f) => `${f.The} is password-protected; open it in Excel, remove the password (File > Info > Protect Workbook) and save it.`,
  ods: (f) => `${f.The} is an OpenDocument spreadsheet (.ods); open it and save it as .xlsx.`,
  too_large: (f, u) =>
    `${f.The} is${u.limits ? ` larger than ${megabytes(u.limits.fileBytes)} MB,` : ""} too large to check; copy the appendix sheet into a new file.`,
  too_much_data: (f, u) =>
    `${f.The} holds too much data once expanded${tooMuch(u.limits, "en")}, so it was not opened; copy the appendix sheet into a new file.`,
};

function names(file: string | null, lang: Lang): Name {
  const named = file === null ? null : `“${file}”`;
  if (lang === "vi") return named === null ? { the: "tệp", The: "Tệp", named } : { the: `tệp ${named}`, The: `Tệp ${named}`, named };
  return named === null ? { the: "the file", The: "The file", named } : { the: named, The: named, named };
}

/** The sentence for a file that could not be read, in `lang`, naming `file` (or "the file" when null). NFC. */
export function unreadableText(u: Unreadable, lang: Lang, file: string | null = null): string {
  return (lang === "en" ? en : vi)[u.reason](names(file, lang), u).normalize("NFC");
}
