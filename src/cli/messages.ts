/** Every sentence the `cchc` command prints, in Vietnamese (default) and English (`--lang en`). */
import {
  type AppendixFailure, appendixFailureText, type Lang, periodKinds, reportPeriods, type Severity, type Unreadable,
  unreadableText, type ValueChoice,
} from "../core";

/** "1 cell", "2 cells": an English count with its noun (Vietnamese nouns do not change). */
export function count(n: number, noun: string): string {
  return `${n} ${noun}${n === 1 ? "" : "s"}`;
}

/** Why the value column checked was chosen among several (src/core/location.ts, ValueChoice). */
const valueReasonVi: Readonly<Record<ValueChoice["reason"], string>> = {
  title_year: "năm của cột trùng năm ghi ở tiêu đề báo cáo",
  heading: "tiêu đề cột ghi kỳ báo cáo",
  later_year: "cột của năm sau cùng",
  chosen: "cột do bạn chọn",
  ambiguous: "không rõ cột nào là kỳ báo cáo",
};
const valueReasonEn: Readonly<Record<ValueChoice["reason"], string>> = {
  title_year: "its year is the report title's",
  heading: "its heading names the report's period",
  later_year: "the latest year",
  chosen: "the column you chose",
  ambiguous: "nothing says which is the report's period",
};

/** What a workbook of each kind other than .xlsx is called, by the extension its content type needs. */
const KIND_VI: Record<string, string> = { ".xlsm": "sổ làm việc có macro", ".xltx": "mẫu Excel", ".xltm": "mẫu Excel có macro", ".xlam": "phần bổ trợ Excel" };
const KIND_EN: Record<string, string> = { ".xlsm": "a macro-enabled workbook", ".xltx": "an Excel template", ".xltm": "a macro-enabled Excel template", ".xlam": "an Excel add-in" };

const vi = {
  help: `cchc — kiểm tra và hoàn thiện Phụ lục thống kê số liệu báo cáo CCHC (tệp .xlsx)

Cách dùng:
  cchc template OUT.xlsx [--unit "Sở ..."] [--year 2024] [--period nam|6thang|quy1|quy3] [--force]
  cchc check FILE.xlsx [FILE.xlsx ...] [--sheet TÊN] [--json]
  cchc fill FILE.xlsx -o OUT.xlsx [--sheet TÊN] [--column CỘT] [--force]
  cchc consolidate FILE.xlsx [FILE.xlsx ...] -o TONG_HOP.xlsx [--period KỲ] [--prefer TỆP] [--include-hidden TỆP] [--force] [--json]

Lệnh:
  template   Tạo tệp phụ lục trống theo mẫu chính thức, sẵn sàng để điền
  check      Kiểm tra phụ lục trong từng tệp và liệt kê các lỗi, cảnh báo
  fill       Ghi một bản sao có các tổng và tỷ lệ được tính sẵn (không sửa tệp gốc)
  consolidate  Tổng hợp phụ lục của nhiều cơ quan, đơn vị vào một tệp (TONG_HOP.xlsx)

Tùy chọn chung:
  --lang vi|en   Ngôn ngữ thông báo (mặc định: vi)
  -h, --help     Xem hướng dẫn; "cchc LỆNH --help" cho từng lệnh
  --version      Xem phiên bản của cchc

Mã thoát: 0 không có lỗi; 1 có lỗi trong số liệu (hoặc xung đột khi điền); 2 không đọc được tệp,
không tìm thấy phụ lục hoặc dùng lệnh sai.
`,
  helpTemplate: `cchc template OUT.xlsx [--unit "Sở ..."] [--year 2024] [--period nam|6thang|quy1|quy3] [--force]

Ghi tệp OUT.xlsx chứa phụ lục trống theo mẫu chính thức: danh sách chọn cho các chỉ tiêu Có/Không và
chỉ tiêu mã hóa, công thức ở các ô tổng và tỷ lệ, tên cho từng ô số liệu, thiết lập in khổ A4.

  --unit TÊN      Tên cơ quan, đơn vị (in ở tiêu đề)
  --year NĂM      Năm báo cáo (mặc định: năm hiện tại)
  --period KỲ     nam (cả năm, mặc định), 6thang, quy1, quy3
  --force         Ghi đè OUT.xlsx nếu đã có
`,
  helpCheck: `cchc check FILE.xlsx [FILE.xlsx ...] [--sheet TÊN] [--column CỘT] [--period KỲ] [--json] [--lang vi|en]

Tìm phụ lục trong từng tệp, kiểm tra từng ô theo quy định của chỉ tiêu và in các lỗi, cảnh báo theo
từng phần (ô, mức độ, nội dung), sau đó một dòng tổng kết cho mỗi tệp.

  --sheet TÊN     Chỉ xem trang tính có tên này (kể cả trang đang bị ẩn; không có tùy chọn này thì trang ẩn
                  chỉ được xem khi không trang hiện nào có phụ lục)
  --column CỘT    Kiểm tra cột số liệu này (ví dụ E) khi bảng có nhiều cột số liệu (nhiều kỳ)
  --period KỲ     Kỳ báo cáo, ví dụ quy3/2024, nam/2024 (mặc định: kỳ ghi ở tiêu đề của phụ lục)
  --json          In một tài liệu JSON duy nhất (xem docs/CLI.md)

Mã thoát: 0 không tệp nào có lỗi; 1 có tệp có lỗi; 2 có tệp không đọc được hoặc không có phụ lục.
`,
  helpFill: `cchc fill FILE.xlsx -o OUT.xlsx [--sheet TÊN] [--column CỘT] [--force]

Ghi bản sao OUT.xlsx trong đó các ô tổng và tỷ lệ được điền bằng công thức kèm giá trị tính sẵn.
Không bao giờ sửa FILE.xlsx. Ô đã có giá trị khác do người dùng nhập được giữ nguyên và được báo lại.
Chỉ điền vào cột số liệu được kiểm tra (cột của kỳ báo cáo, hoặc cột chọn bằng --column).

  -o, --out OUT   Tệp kết quả (bắt buộc)
  --sheet TÊN     Điền phụ lục trên trang tính này (trang đang bị ẩn chỉ được điền khi chọn bằng tùy chọn này)
  --column CỘT    Điền vào cột số liệu này (ví dụ E) khi bảng có nhiều cột số liệu
  --force         Ghi đè OUT.xlsx nếu đã có
`,
  severity: { error: "lỗi", warning: "cảnh báo", info: "thông tin" } as Record<Severity, string>,
  general: "Chung",
  sectionHeading: (stt: string, label: string) => `Phần ${stt}. ${label}`,
  fileHeading: (file: string, sheet: string, matched: number, total: number) =>
    `${file} — trang tính “${sheet}”: nhận ra ${matched}/${total} chỉ tiêu`,
  fileHeadingSplit: (file: string, a: string, b: string, matched: number, total: number) =>
    `${file} — trang tính “${a}” và “${b}”: nhận ra ${matched}/${total} chỉ tiêu`,
  onSheet: (sheet: string, line: string) => line.replace(/^(\s*)/, `$1[${sheet}] `),
  missingRows: (n: number, ids: string) => `  Không tìm thấy ${n} chỉ tiêu: ${ids}`,
  unrecognizedRows: (n: number, rows: string) => `  Có ${n} dòng không khớp chỉ tiêu nào: ${rows}`,
  // Notes on what could make a check silently wrong: never left unsaid.
  splitAppendix: (a: string, b: string, n: number) =>
    `  Lưu ý: phụ lục có vẻ bị chia ra hai trang tính “${a}” và “${b}” (cùng nhau nhận ra ${n} chỉ tiêu); hai trang được kiểm tra như một phụ lục, kể cả các quan hệ giữa các phần.`,
  otherAppendices: (sheet: string, others: string) =>
    `  Lưu ý: trang tính ${others} cũng có phụ lục; chỉ trang “${sheet}” được kiểm tra (dùng --sheet để chọn trang khác).`,
  hiddenAppendices: (others: string) =>
    `  Lưu ý: trang tính ẩn ${others} cũng có phụ lục (thường là bản của kỳ trước); trang ẩn không được kiểm tra (dùng --sheet để kiểm tra trang đó).`,
  checkedHidden: (sheet: string, chosen: boolean) =>
    chosen
      ? `  Lưu ý: trang tính “${sheet}” đang bị ẩn; trang này được kiểm tra vì bạn đã chọn bằng --sheet.`
      : `  Lưu ý: phụ lục chỉ có trên trang tính ẩn “${sheet}”; trang được kiểm tra nhưng không được điền (trừ khi bạn chọn bằng --sheet “${sheet}”) hay tổng hợp (trừ khi chọn bằng cchc consolidate --include-hidden).`,
  periodLine: (label: string | null, from: "title" | "sheet" | "option" | null, title: string | null) =>
    label === null
      ? "  Kỳ báo cáo: không xác định (tiêu đề không ghi kỳ); mọi chỉ tiêu đều được hỏi, không dòng nào được coi là lũy kế. Dùng --period để chỉ rõ, ví dụ --period quy3/2024."
      : from === "option"
        ? `  Kỳ báo cáo: ${label} (theo --period${title ? `; tiêu đề ghi ${title}` : "; tiêu đề không ghi kỳ"}).`
        : from === "sheet"
          ? `  Kỳ báo cáo: ${label} (đọc từ tên trang tính; tiêu đề không ghi kỳ).`
          : `  Kỳ báo cáo: ${label} (đọc từ tiêu đề).`,
  mergedValueCells: (ranges: string) =>
    `  Lưu ý: cột số liệu có ô gộp (${ranges}); chỉ ô đầu của mỗi vùng gộp được đọc, các ô còn lại coi như trống, hãy bỏ gộp ô.`,
  hiddenRows: (n: number, rows: string) => `  Lưu ý: ${n} dòng của phụ lục đang bị ẩn (dòng ${rows}); các dòng này vẫn được kiểm tra.`,
  filtered: "  Lưu ý: trang tính đang có bộ lọc; mọi dòng của phụ lục đều được kiểm tra, kể cả dòng bị lọc ẩn.",
  summary: (file: string, e: number, w: number, i: number) => `${file}: ${e} lỗi, ${w} cảnh báo, ${i} thông tin`,
  /** the verdict under the counts: "Sẵn sàng gửi." or "Chưa sẵn sàng gửi. Còn …" (core/messages/verdicts.ts words it) */
  readiness: (file: string, title: string, body: string, ready: boolean) =>
    ready ? `${file}: ${title}.` : `${file}: ${title}. ${body}`,
  noFindings: "  Không phát hiện vấn đề nào.",
  total: (files: number, e: number, w: number, i: number, bad: number) =>
    `Tổng cộng ${files} tệp: ${e} lỗi, ${w} cảnh báo, ${i} thông tin${bad ? `; ${bad} tệp không kiểm tra được` : ""}`,
  // One clear sentence per unreadable file: the same the pane and the consolidation say.
  unreadable: (file: string, u: Unreadable) => unreadableText(u, "vi", file),
  noSheet: (file: string, sheet: string, sheets: string) =>
    `Tệp “${file}” không có trang tính “${sheet}” (các trang tính: ${sheets}).`,
  // The pane and the consolidation say the same sentence.
  noAppendix: (file: string, failure: AppendixFailure) => appendixFailureText(failure, "vi", { file }),
  // Usage
  unknownCommand: (cmd: string) => `Không có lệnh “${cmd}”. Xem “cchc --help”.`,
  noCommand: "Thiếu lệnh. Xem “cchc --help”.",
  unknownOption: (opt: string, cmd: string | null) =>
    cmd === null ? `Không có tùy chọn “${opt}”. Xem “cchc --help”.` : `Tùy chọn “${opt}” không dùng được với lệnh ${cmd}. Xem “cchc ${cmd} --help”.`,
  missingValue: (opt: string) => `Tùy chọn “${opt}” cần một giá trị.`,
  badLang: (v: string) => `Ngôn ngữ “${v}” không hỗ trợ; dùng vi hoặc en.`,
  badYear: (v: string) => `Năm “${v}” không hợp lệ; nhập năm có 4 chữ số, ví dụ 2024.`,
  ambiguousColumnFill: (file: string, columns: string) =>
    `Chưa điền “${file}”: bảng có nhiều cột số liệu (${columns}) và không rõ cột nào là kỳ báo cáo; chọn cột bằng --column, ví dụ --column E.`,
  hiddenFill: (file: string, sheet: string) =>
    `Chưa điền “${file}”: phụ lục chỉ có trên trang tính ẩn “${sheet}”; nếu đúng là trang cần điền, chọn trang đó bằng --sheet “${sheet}”.`,
  badColumn: (v: string) => `Cột “${v}” không hợp lệ; nhập chữ cái của cột, ví dụ E.`,
  valueColumnLine: (checked: string, heading: string | null, reason: ValueChoice["reason"], others: string) =>
    `  Cột số liệu được kiểm tra: ${checked}${heading ? ` (“${heading}”)` : ""}, ${valueReasonVi[reason]}; cột khác thấy trên trang: ${others} (dùng --column để chọn cột khác).`,
  badPeriod: (v: string) => `Kỳ báo cáo “${v}” không hợp lệ; dùng ${reportPeriods.join(", ")}.`,
  needOneOut: "Lệnh template cần đúng một tệp kết quả, ví dụ: cchc template phu-luc.xlsx",
  needFiles: "Lệnh check cần ít nhất một tệp .xlsx, ví dụ: cchc check phu-luc.xlsx",
  needFillArgs: "Lệnh fill cần một tệp nguồn và tệp kết quả, ví dụ: cchc fill phu-luc.xlsx -o phu-luc-da-dien.xlsx",
  outExists: (file: string) => `Tệp “${file}” đã có; thêm --force để ghi đè.`,
  outIsInput: (file: string) => `Tệp kết quả “${file}” trùng với tệp nguồn; lệnh fill không bao giờ sửa tệp nguồn.`,
  outNotXlsx: (file: string) => `Tệp kết quả “${file}” phải có đuôi .xlsx.`,
  outKind: (input: string, ext: string, example: string) =>
    `Tệp “${input}” là ${KIND_VI[ext] ?? "sổ làm việc Excel"} (${ext}); tệp kết quả phải có cùng đuôi ${ext} thì Excel mới mở được, ví dụ “${example}”.`,
  cannotWrite: (file: string, why: string) => `Không ghi được tệp “${file}” (${why}).`,
  outIsFolder: (file: string, example: string) => `“${file}” là một thư mục, không phải tệp; hãy ghi ra một tệp trong thư mục đó, ví dụ “${example}”.`,
  outFolderMissing: (file: string, dir: string) =>
    `Không ghi được “${file}”: chưa có thư mục “${dir}”. Hãy tạo thư mục đó trước (mkdir -p "${dir}") hoặc ghi vào một thư mục đã có.`,
  outFolderIsFile: (file: string, dir: string) => `Không ghi được “${file}”: “${dir}” là một tệp, không phải thư mục; hãy chọn thư mục khác.`,
  outNoPermission: (file: string, dir: string) =>
    `Không ghi được “${file}”: không có quyền ghi vào thư mục “${dir}”; hãy chọn một thư mục của bạn (ví dụ thư mục nhà).`,
  backslashName: (file: string, slashed: string) =>
    `Lưu ý: tên “${file}” có dấu \\. Trên Linux và macOS dấu \\ không phân cách thư mục mà là một ký tự của tên tệp, nên tệp sẽ mang đúng tên đó trong thư mục hiện tại. Để ghi vào một thư mục, dùng dấu /: “${slashed}”.`,
  noSpace: (file: string) => `Không ghi được tệp “${file}”: ổ đĩa đã đầy. Không có tệp nào bị ghi dở.`,
  outOpen: (file: string) => `Tệp “${file}” đang được mở trong Excel hoặc LibreOffice; hãy đóng tệp đó hoặc chọn tên khác (kể cả với --force, tệp đang mở không bị ghi đè).`,
  notFilled: (file: string, why: string) => `Không điền được bản sao của “${file}”: ${why}`,
  lockFileSkipped: (file: string) => `Bỏ qua “${file}”: đây là tệp khóa Excel tạo ra khi một bảng tính đang mở, không phải phụ lục.`,
  // Results
  templateWritten: (file: string, rows: number, formulas: number, lists: number) =>
    `Đã ghi mẫu phụ lục vào “${file}”: ${rows} ô số liệu, ${formulas} ô công thức, ${lists} danh sách chọn.`,
  filledHeading: (n: number, blocked: boolean) => (n ? `Đã điền ${n} ô:` : blocked ? "Chưa điền ô nào." : "Không có ô nào cần điền."),
  filledLine: (cell: string, value: string, formula: string, label: string) => `  ${cell} = ${value}  (${formula})  ${label}`,
  conflictsHeading: (n: number) => `Giữ nguyên ${n} ô có giá trị khác với giá trị tính được:`,
  blockedHeading: (n: number) => `Không điền ${n} ô vì giá trị tính được sẽ sai; hãy sửa các ô được nêu rồi chạy lại:`,
  fillWritten: (file: string) => `Đã ghi “${file}”; tệp nguồn không bị thay đổi.`,
  /** `cchc consolidate`: its help and its lines. */
  consolidate: {
    help: `cchc consolidate FILE.xlsx [FILE.xlsx ...] -o TONG_HOP.xlsx [--period KỲ] [--prefer TỆP] [--include-hidden TỆP] [--force] [--json] [--lang vi|en]

Tổng hợp phụ lục của nhiều cơ quan, đơn vị vào một tệp: trang “Tổng hợp” (mỗi chỉ tiêu một dòng theo
đúng thứ tự và cách ghi của mẫu, mỗi đơn vị một cột, cột tổng cộng các số đếm, tỷ lệ tính lại từ tổng
tử số và tổng mẫu số, chỉ tiêu Có/Không đếm số đơn vị trả lời Có), trang “Tình trạng” (đơn vị, tệp,
kỳ báo cáo, số lỗi, cảnh báo, sẵn sàng hay chưa) và trang “Phát hiện” (mọi lỗi, cảnh báo theo đơn vị và ô).
Tên đơn vị và kỳ báo cáo lấy từ phần tiêu đề của phụ lục (hoặc tên tệp). Đơn vị gửi hai tệp cùng kỳ: dùng
tệp mới hơn (theo kỳ, rồi theo ngày lưu ghi trong tệp) và nói rõ đã chọn tệp nào; tệp kỳ khác, khác mẫu đều
được báo. Tệp không đọc được được liệt kê riêng; tệp khóa của Excel (~$…) được bỏ qua. Không sửa tệp nguồn nào.

  -o, --out OUT   Tệp tổng hợp (bắt buộc, đuôi .xlsx)
  --period KỲ     Kỳ của đợt tổng hợp, ví dụ nam/2023, 6thang/2024, quy1/2024 (mặc định: kỳ mà nhiều đơn vị ghi nhất)
  --prefer TỆP    Khi đơn vị gửi nhiều tệp, dùng tệp này (có thể ghi nhiều lần)
  --include-hidden TỆP
                  Tệp chỉ có phụ lục ở trang tính ẩn: vẫn tổng hợp trang đó (mặc định: không dùng và báo; có thể ghi nhiều lần)
  --force         Ghi đè OUT nếu đã có
  --json          In một tài liệu JSON (tình trạng từng tệp và các vấn đề) thay cho văn bản

Mã thoát: 0 mọi đơn vị trong bảng sẵn sàng; 1 có đơn vị có lỗi, tệp khác mẫu hoặc tệp chỉ có phụ lục ở trang
tính ẩn; 2 có tệp không đọc được, không có phụ lục, hoặc dùng lệnh sai.
`,
    needArgs:
      "Lệnh consolidate cần ít nhất một tệp .xlsx và tệp kết quả, ví dụ: cchc consolidate don-vi/*.xlsx -o TONG_HOP.xlsx",
    progress: (done: number, total: number) => `Đang đọc ${done}/${total} tệp`,
    readLine: (done: number, total: number) => `Đã đọc ${done}/${total} tệp.`,
    fileLine: (unit: string, file: string, period: string, errors: number, warnings: number, ready: boolean) =>
      `${unit} (${file}): ${period}; ${errors} lỗi, ${warnings} cảnh báo — ${ready ? "sẵn sàng" : "cần xem lại"}`,
    setAsideLine: (unit: string, file: string, period: string, why: string) => `${unit} (${file}): ${period} — ${why}`,
    unusableHeading: (n: number) => `${n} tệp không đọc được, không phải đơn vị:`,
    unusableLine: (file: string, why: string) => `  - ${file}: ${why}`,
    issueLine: (text: string) => `  - ${text}`,
    preferHint: (file: string) => `    (dùng tệp này thay: --prefer "${file}")`,
    includeHiddenHint: (file: string) => `    (vẫn tổng hợp trang tính ẩn đó: --include-hidden "${file}")`,
    written: (out: string, units: number, ready: number, marked: number, aside: number, unusable: number) =>
      `Đã ghi “${out}”: ${units} cơ quan, đơn vị, ${ready} sẵn sàng, ${marked} cần xem lại` +
      (aside ? `, ${aside} tệp không dùng` : "") +
      (unusable ? `, ${unusable} tệp không đọc được` : "") +
      ".",
    notInput: (option: string, file: string) => `${option} “${file}”: tệp này không có trong danh sách tệp cần tổng hợp.`,
    badPeriod: (v: string) => `Kỳ “${v}” không hợp lệ; ghi dạng KỲ/NĂM với KỲ là một trong ${periodKinds.join(", ")}, ví dụ nam/2023.`,
    outIsInput: (file: string) => `Tệp tổng hợp “${file}” trùng với một tệp nguồn; lệnh consolidate không bao giờ sửa tệp nguồn.`,
    noUsableFile: "Không có tệp nào đọc được phụ lục; vẫn ghi tệp tổng hợp, trang “Tệp không đọc được” cho biết lý do.",
    tempFailed: (folder: string, why: string) =>
      `Không ghi được tệp tạm trong thư mục “${folder}” (${why === "ENOSPC" || why === "EDQUOT" ? "ổ đĩa đã đầy" : why}); chưa ghi tệp tổng hợp nào. Giải phóng chỗ trống hoặc đặt biến TMPDIR sang thư mục khác rồi chạy lại.`,
  },
  unexpected: (why: string) => `Lỗi không mong đợi: ${why}`,
};

/** The message set's shape; each language provides every entry. */
export type CliMessages = typeof vi;

const en: CliMessages = {
  help: `cchc — check and complete the statistics appendix of the CCHC report (.xlsx files)

Usage:
  cchc template OUT.xlsx [--unit "Sở ..."] [--year 2024] [--period nam|6thang|quy1|quy3] [--force]
  cchc check FILE.xlsx [FILE.xlsx ...] [--sheet NAME] [--json]
  cchc fill FILE.xlsx -o OUT.xlsx [--sheet NAME] [--column COL] [--force]
  cchc consolidate FILE.xlsx [FILE.xlsx ...] -o TONG_HOP.xlsx [--period P] [--prefer FILE] [--include-hidden FILE] [--force] [--json]

Commands:
  template   Write a blank appendix laid out as the official template, ready to fill
  check      Check the appendix in each file and list its errors and warnings
  fill       Write a copy with the totals and rates computed (the input is never changed)
  consolidate  Merge many units' appendices into one workbook (TONG_HOP.xlsx)

Common options:
  --lang vi|en   Language of the messages (default: vi)
  -h, --help     Show help; "cchc COMMAND --help" for one command
  --version      Show cchc's version

Exit status: 0 no error; 1 some figure is wrong (or, for fill, a conflict was left alone); 2 a file could
not be read, holds no appendix, or the command was used wrongly.
`,
  helpTemplate: `cchc template OUT.xlsx [--unit "Sở ..."] [--year 2024] [--period nam|6thang|quy1|quy3] [--force]

Writes OUT.xlsx with a blank appendix laid out as the official template: drop-down lists on yes/no and coded
indicators, formulas in the total and rate cells, a name on every value cell, A4 print setup.

  --unit NAME     Name of the reporting unit (printed in the title)
  --year YEAR     Reporting year (default: this year)
  --period P      nam (whole year, default), 6thang (six months), quy1 (Q1), quy3 (Q3)
  --force         Replace OUT.xlsx if it exists
`,
  helpCheck: `cchc check FILE.xlsx [FILE.xlsx ...] [--sheet NAME] [--column COL] [--period P] [--json] [--lang vi|en]

Finds the appendix in each file, checks every cell against its indicator's rules and prints the errors and
warnings grouped by section (cell, severity, message), then one summary line per file.

  --sheet NAME    Only look at the sheet with this name (hidden or not; without it a hidden sheet is looked at
                  only when no visible sheet holds an appendix)
  --column COL    Check this value column (e.g. E) when the table has several (several periods)
  --period P      The report's period, e.g. quy3/2024, nam/2024 (default: the one the appendix's title gives)
  --json          Print one JSON document and nothing else (see docs/CLI.md)

Exit status: 0 no file has an error; 1 some file has an error; 2 some file could not be read or holds no appendix.
`,
  helpFill: `cchc fill FILE.xlsx -o OUT.xlsx [--sheet NAME] [--column COL] [--force]

Writes a copy, OUT.xlsx, with the totals and rates filled in as formulas with their computed values.
FILE.xlsx is never changed. A cell already holding a different value typed by the user is left alone and reported.
Only the value column checked is filled (the report's period's, or the one chosen with --column).

  -o, --out OUT   Output file (required)
  --sheet NAME    Fill the appendix on this sheet (a hidden sheet is filled only when chosen with this option)
  --column COL    Fill this value column (e.g. E) when the table has several
  --force         Replace OUT.xlsx if it exists
`,
  severity: { error: "error", warning: "warning", info: "info" },
  general: "General",
  sectionHeading: (stt, label) => `Section ${stt}. ${label}`,
  fileHeading: (file, sheet, matched, total) => `${file} — sheet “${sheet}”: ${matched}/${total} indicators recognised`,
  fileHeadingSplit: (file, a, b, matched, total) => `${file} — sheets “${a}” and “${b}”: ${matched}/${total} indicators recognised`,
  onSheet: (sheet, line) => line.replace(/^(\s*)/, `$1[${sheet}] `),
  missingRows: (n, ids) => `  ${count(n, "indicator")} not found: ${ids}`,
  unrecognizedRows: (n, rows) => `  ${count(n, "row")} ${n === 1 ? "matches" : "match"} no indicator: ${rows}`,
  summary: (file, e, w, i) => `${file}: ${count(e, "error")}, ${count(w, "warning")}, ${count(i, "info")}`,
  readiness: (file, title, body, ready) => (ready ? `${file}: ${title}.` : `${file}: ${title}. ${body}`),
  noFindings: "  No problem found.",
  total: (files, e, w, i, bad) =>
    `${count(files, "file")}: ${count(e, "error")}, ${count(w, "warning")}, ${count(i, "info")}${bad ? `; ${count(bad, "file")} could not be checked` : ""}`,
  unreadable: (file, u) => unreadableText(u, "en", file),
  splitAppendix: (a, b, n) =>
    `  Note: the appendix seems split over the sheets “${a}” and “${b}” (${n} indicators recognised together); the two are checked as one appendix, relations between their sections included.`,
  otherAppendices: (sheet, others) => `  Note: sheet ${others} holds an appendix too; only “${sheet}” was checked (use --sheet to pick another).`,
  hiddenAppendices: (others) =>
    `  Note: the hidden sheet ${others} holds an appendix too (often an earlier period's copy); hidden sheets are not checked (use --sheet to check it).`,
  checkedHidden: (sheet, chosen) =>
    chosen
      ? `  Note: sheet “${sheet}” is hidden; it is checked because you chose it with --sheet.`
      : `  Note: the appendix is only on the hidden sheet “${sheet}”; it is checked but neither filled (unless you choose it with --sheet “${sheet}”) nor consolidated (unless chosen with cchc consolidate --include-hidden).`,
  periodLine: (label, from, title) =>
    label === null
      ? "  Period: unknown (the title gives none); every indicator is asked for and no row is read as cumulative. Give it with --period, e.g. --period quy3/2024."
      : from === "option"
        ? `  Period: ${label} (from --period${title ? `; the title says ${title}` : "; the title gives none"}).`
        : from === "sheet"
          ? `  Period: ${label} (read from the sheet's name; the title gives none).`
          : `  Period: ${label} (read from the title).`,
  mergedValueCells: (ranges) =>
    `  Note: the value column has merged cells (${ranges}); only the first cell of each merged area is read, the others count as blank: unmerge them.`,
  hiddenRows: (n, rows) =>
    n === 1
      ? `  Note: 1 row of the appendix is hidden (row ${rows}); it is still checked.`
      : `  Note: ${n} rows of the appendix are hidden (rows ${rows}); they are still checked.`,
  filtered: "  Note: the sheet has a filter; every row of the appendix is checked, rows the filter hides included.",
  noSheet: (file, sheet, sheets) => `“${file}” has no sheet named “${sheet}” (sheets: ${sheets}).`,
  noAppendix: (file, failure) => appendixFailureText(failure, "en", { file }),
  unknownCommand: (cmd) => `There is no command “${cmd}”. See “cchc --help”.`,
  noCommand: "Missing command. See “cchc --help”.",
  unknownOption: (opt, cmd) =>
    cmd === null ? `There is no option “${opt}”. See “cchc --help”.` : `Option “${opt}” is not valid for ${cmd}. See “cchc ${cmd} --help”.`,
  missingValue: (opt) => `Option “${opt}” needs a value.`,
  badLang: (v) => `Language “${v}” is not supported; use vi or en.`,
  badYear: (v) => `Year “${v}” is not valid; give a 4-digit year such as 2024.`,
  ambiguousColumnFill: (file, columns) =>
    `“${file}” was not filled: the table has several value columns (${columns}) and nothing says which is the report's period; choose one with --column, e.g. --column E.`,
  hiddenFill: (file, sheet) =>
    `“${file}” was not filled: the appendix is only on the hidden sheet “${sheet}”; if that is the sheet to fill, choose it with --sheet “${sheet}”.`,
  badColumn: (v) => `Column “${v}” is not valid; give the column's letters, e.g. E.`,
  valueColumnLine: (checked, heading, reason, others) =>
    `  Value column checked: ${checked}${heading ? ` (“${heading}”)` : ""}, ${valueReasonEn[reason]}; other value columns seen: ${others} (use --column to choose another).`,
  badPeriod: (v) => `Period “${v}” is not valid; use ${reportPeriods.join(", ")}.`,
  needOneOut: "template needs exactly one output file, e.g. cchc template appendix.xlsx",
  needFiles: "check needs at least one .xlsx file, e.g. cchc check appendix.xlsx",
  needFillArgs: "fill needs an input file and an output file, e.g. cchc fill appendix.xlsx -o filled.xlsx",
  outExists: (file) => `“${file}” already exists; add --force to replace it.`,
  outIsInput: (file) => `Output “${file}” is the input file; fill never changes its input.`,
  outNotXlsx: (file) => `Output “${file}” must end in .xlsx.`,
  outKind: (input, ext, example) => `“${input}” is ${KIND_EN[ext] ?? "an Excel workbook"} (${ext}); the output must end in ${ext} too, or Excel will not open it, e.g. “${example}”.`,
  cannotWrite: (file, why) => `Cannot write “${file}” (${why}).`,
  outIsFolder: (file, example) => `“${file}” is a folder, not a file; give a file name inside it, e.g. “${example}”.`,
  outFolderMissing: (file, dir) => `Cannot write “${file}”: the folder “${dir}” does not exist. Create it first (mkdir -p "${dir}") or write into a folder that exists.`,
  outFolderIsFile: (file, dir) => `Cannot write “${file}”: “${dir}” is a file, not a folder; choose another folder.`,
  outNoPermission: (file, dir) => `Cannot write “${file}”: you may not write in the folder “${dir}”; choose a folder of your own (your home folder, for example).`,
  backslashName: (file, slashed) =>
    `Note: “${file}” contains a backslash (\\). On Linux and macOS a backslash is part of the file name, not a folder separator, so the file gets exactly that name in the current folder. To write into a folder, use /: “${slashed}”.`,
  noSpace: (file) => `Cannot write “${file}”: the disk is full. No partial file was left.`,
  outOpen: (file) => `“${file}” is open in Excel or LibreOffice; close it or choose another name (even with --force, an open file is never replaced).`,
  notFilled: (file, why) => `Could not fill a copy of “${file}”: ${why}`,
  lockFileSkipped: (file) => `Skipped “${file}”: it is the lock file Excel writes while a workbook is open, not an appendix.`,
  templateWritten: (file, rows, formulas, lists) =>
    `Wrote the appendix template to “${file}”: ${rows} value cells, ${formulas} formula cells, ${lists} drop-down lists.`,
  filledHeading: (n, blocked) => (n ? `Filled ${count(n, "cell")}:` : blocked ? "Nothing filled." : "Nothing to fill."),
  filledLine: (cell, value, formula, label) => `  ${cell} = ${value}  (${formula})  ${label}`,
  conflictsHeading: (n) => `Left ${count(n, "cell")} alone (${n === 1 ? "it holds" : "they hold"} a value other than the computed one):`,
  blockedHeading: (n) => `Did not fill ${count(n, "cell")}: the computed value would be wrong; fix the cells named and run again:`,
  fillWritten: (file) => `Wrote “${file}”; the input file is unchanged.`,
  consolidate: {
    help: `cchc consolidate FILE.xlsx [FILE.xlsx ...] -o TONG_HOP.xlsx [--period P] [--prefer FILE] [--include-hidden FILE] [--force] [--json] [--lang vi|en]

Merges the appendices of many units into one workbook: a “Summary” sheet (one row per indicator in the
official order and wording, one column per unit, a total that adds up counts, rates recomputed from the
summed numerators and denominators, yes/no indicators counted as units answering yes), a “Status” sheet
(unit, file, period, errors, warnings, ready or not) and a “Findings” sheet (every error and warning by
unit and cell). The unit name and period come from the appendix's title block (or the file name). A unit
that sent two files for the same period: the newer is used (by period, then by the date saved in the file) and
the choice is said; another period or another template is reported. Files that cannot be read are listed
apart; Excel's lock files (~$…) are skipped. No input file is changed.

  -o, --out OUT   The summary workbook (required, .xlsx)
  --period P      The batch's period, e.g. nam/2023, 6thang/2024, quy1/2024 (default: the one most units give)
  --prefer FILE   When a unit sent several files, use this one (may be given more than once)
  --include-hidden FILE
                  A file whose appendix is only on a hidden sheet: consolidate that sheet all the same (default: left
                  out and said; may be given more than once)
  --force         Replace OUT if it exists
  --json          Print one JSON document (each file's status and the issues) instead of text

Exit status: 0 every unit in the summary is ready; 1 some unit has an error, a file is on another form, or a
file's appendix is only on a hidden sheet; 2 some file could not be read or holds no appendix, or the command was
used wrongly.
`,
    needArgs: "The consolidate command needs at least one .xlsx file and an output, e.g.: cchc consolidate units/*.xlsx -o TONG_HOP.xlsx",
    progress: (done, total) => `Reading ${done}/${count(total, "file")}`,
    readLine: (done, total) => `Read ${done}/${count(total, "file")}.`,
    fileLine: (unit, file, period, errors, warnings, ready) =>
      `${unit} (${file}): ${period}; ${count(errors, "error")}, ${count(warnings, "warning")} — ${ready ? "ready" : "to review"}`,
    setAsideLine: (unit, file, period, why) => `${unit} (${file}): ${period} — ${why}`,
    unusableHeading: (n) => `${count(n, "file")} could not be read (no units):`,
    unusableLine: (file, why) => `  - ${file}: ${why}`,
    issueLine: (text) => `  - ${text}`,
    preferHint: (file) => `    (to use this file instead: --prefer "${file}")`,
    includeHiddenHint: (file) => `    (to consolidate that hidden sheet all the same: --include-hidden "${file}")`,
    written: (out, units, ready, marked, aside, unusable) =>
      `Wrote “${out}”: ${count(units, "unit")}, ${ready} ready, ${marked} to review` +
      (aside ? `, ${count(aside, "file")} not used` : "") +
      (unusable ? `, ${count(unusable, "file")} could not be read` : "") +
      ".",
    notInput: (option, file) => `${option} “${file}”: this file is not among the files to consolidate.`,
    badPeriod: (v) => `Period “${v}” is not valid; write KIND/YEAR with KIND one of ${periodKinds.join(", ")}, e.g. nam/2023.`,
    outIsInput: (file) => `The output “${file}” is one of the input files; consolidate never changes an input file.`,
    noUsableFile: "No file held a readable appendix; the summary is still written, its “Files not read” sheet says why.",
    tempFailed: (folder, why) =>
      `Cannot write a temporary file in “${folder}” (${why === "ENOSPC" || why === "EDQUOT" ? "the disk is full" : why}); no summary was written. Free some space or set TMPDIR to another folder, then run again.`,
  },
  unexpected: (why) => `Unexpected error: ${why}`,
};

/** The messages in `lang`. */
export function cliMessages(lang: Lang): CliMessages {
  return lang === "en" ? en : vi;
}
