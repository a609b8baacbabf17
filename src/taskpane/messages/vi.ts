/** Every string the pane shows, in Vietnamese (the default language). Findings' own texts come from src/core/messages. */
import { formatNumber } from "../../core/messages/format";
import type { FileLimits } from "../../app/hostErrors";

/** Bytes as whole megabytes (MiB, as the limits are set), for the limits' sentence. */
export const megabytes = (bytes: number): number => Math.round(bytes / (1024 * 1024));

export const vi = {
  appTitle: "Kiểm tra Phụ lục CCHC",
  switchLanguage: "English",
  switchLanguageHint: "Chuyển sang tiếng Anh",
  working: "Đang xử lý…",
  connecting: "Đang kết nối với Excel…",
  officeUnreachable:
    "Excel đã mở ngăn kiểm tra nhưng không tải được thư viện Office (office.js) từ Microsoft, nên chưa làm việc được với sổ làm việc. Hãy kiểm tra kết nối mạng rồi bấm “Thử lại”, hoặc đóng và mở lại ngăn.",
  retry: "Thử lại",
  marksKeptForUndo:
    "Các ô tô màu trên trang chưa theo kịp lần sửa vừa rồi: phần bổ trợ không ghi gì lúc bạn đang sửa để Ctrl+Z vẫn hoàn tác được (Excel bản này xóa lịch sử hoàn tác mỗi khi phần bổ trợ ghi). Kết quả ở đây đã mới; bấm “Kiểm tra lại” để tô màu lại.",
  marksUnreadable:
    "Excel không đọc được các định dạng có điều kiện trên trang này (thường do hai quy tắc trùng nhau trên cùng một vùng) nên các ô không được tô màu. Kết quả ở đây vẫn đúng.",

  // outside Excel
  outsideIntro: "Mở một tệp .xlsx có Phụ lục thống kê CCHC để kiểm tra, điền tổng và tỷ lệ, rồi tải bản đã điền về.",
  openFile: "Mở tệp .xlsx",
  openFileLabel: "Chọn một hoặc nhiều tệp .xlsx",
  openSample: "Mở tệp mẫu",
  dropHint: "hoặc kéo thả tệp .xlsx vào đây (một tệp để kiểm tra, nhiều tệp để tổng hợp)",
  dropZoneLabel: "Vùng thả tệp .xlsx",
  openedFile: (name: string) => `Tệp: ${name}`,
  notXlsx: (name: string) => `“${name}” không phải tệp .xlsx. Hãy chọn tệp Excel (.xlsx).`,
  download: "Tải bản đã điền",
  downloadReady: (name: string) => `Đã tạo “${name}”.`,
  previewTitle: "Xem trước phụ lục (chỉ đọc)",
  previewCaption: (sheet: string) => `Các dòng phụ lục nhận ra trên trang “${sheet}”`,
  colStt: "STT",
  colLabel: "Chỉ tiêu",
  colUnit: "Đơn vị tính",
  colValue: "Số liệu",
  colNote: "Ghi chú",
  settingsInFileNote: "Ngoài Excel, các xác nhận cảnh báo chỉ được giữ trong phiên làm việc này.",

  // consolidation (several files outside Excel)
  consolidateTitle: "Tổng hợp nhiều đơn vị",
  filesChosen: (n: number) => `Đã chọn ${n} tệp:`,
  consolidate: "Tổng hợp",
  consolidateHint: (n: number) => `Đọc ${n} tệp và tổng hợp số liệu vào một bảng`,
  progressLabel: "Tiến độ đọc tệp",
  progress: (done: number, total: number) => `Đã đọc ${done}/${total} tệp`,
  writing: "Đang tạo tệp tổng hợp…",
  batchSummary: (units: number, ready: number, review: number, left: number) =>
    `${units} đơn vị trong bảng tổng hợp: ${ready} sẵn sàng, ${review} cần xem lại` + (left ? `; ${left} tệp không đưa vào.` : "."),
  statusTitle: "Tình trạng từng tệp",
  statusCaption: "Đơn vị và tệp, kỳ báo cáo, số lỗi, số cảnh báo và tình trạng của từng tệp",
  colUnitName: "Đơn vị, tệp",
  colPeriod: "Kỳ",
  colErrors: "Lỗi",
  colWarnings: "Cảnh báo",
  colReady: "Tình trạng",
  stateReady: "Sẵn sàng",
  stateReview: "Cần xem lại",
  stateLeftOut: "Không đưa vào",
  issuesTitle: "Vấn đề khi tổng hợp",
  noIssues: "Không có vấn đề nào khi tổng hợp.",
  issueTitle: (unit: string, file: string) => `${unit} (${file})`,
  findingsInWorkbook: "Lỗi, cảnh báo của từng đơn vị được liệt kê theo ô trong trang “Phát hiện” của tệp tổng hợp.",
  downloadSummary: "Tải TONG_HOP.xlsx",
  consolidateFailed: "Không tạo được tệp tổng hợp. Hãy thử lại.",
  unitReadFailures: {
    not_xlsx: "tệp không phải là tệp Excel .xlsx",
    old_xls: "tệp có định dạng Excel cũ (.xls); hãy mở trong Excel và lưu lại thành .xlsx",
    damaged: "tệp bị hỏng hoặc không phải tệp .xlsx hợp lệ",
    empty: "tệp rỗng",
    encrypted: "tệp được đặt mật khẩu; hãy bỏ mật khẩu trong Excel rồi lưu lại",
    ods: "tệp là bảng tính OpenDocument (.ods); hãy lưu lại thành .xlsx",
    too_large: "tệp quá lớn; hãy chép riêng trang phụ lục sang một tệp mới",
    too_much_data: "tệp chứa quá nhiều dữ liệu khi giải nén; hãy chép riêng trang phụ lục sang một tệp mới",
    not_read: "trình duyệt không đọc được nội dung tệp",
  },

  // form in use
  formTitle: "Mẫu phụ lục",
  formBuiltin: "mẫu có sẵn",
  formFile: (file: string) => `tệp “${file}”`,
  formLoad: "Mở tệp mẫu…",
  formUseBuiltin: "Dùng mẫu có sẵn",
  formSaved: "Mẫu được lưu trong sổ làm việc này, đi cùng báo cáo.",
  formSessionOnly: "Mẫu dùng trong phiên làm việc này; tệp đang mở không bị sửa.",
  formTooLarge: (kb: number, limitKb: number) =>
    `Mẫu cần ${kb.toLocaleString("vi-VN")} KB trong phần cài đặt của sổ làm việc, vượt giới hạn ${limitKb.toLocaleString("vi-VN")} KB; mẫu chỉ dùng trong phiên làm việc này.`,
  formRefusedTitle: "Không dùng được tệp mẫu",
  formRefusedMore: (n: number) => `(và ${n} vấn đề khác; kiểm tra bằng “cchc form check”)`,

  // start
  startTitle: "Bắt đầu",
  recognised: (sheet: string, rows: number) => `Đã nhận ra phụ lục trên trang “${sheet}”: ${rows} dòng khớp.`,
  missingRows: (n: number) => `${n} chỉ tiêu không có trên trang`,
  unrecognisedRows: (n: number) => `${n} dòng không nhận ra`,
  rowLabel: (row: number, label: string) => `Dòng ${row}: ${label}`,
  sheetsSeen: (names: string) => `Các trang đã xem: ${names}`,
  shapeTitle: "Lưu ý",
  otherAppendix: (sheet: string, rows: number, checked: string) =>
    `Sổ này còn phụ lục ở trang tính “${sheet}” (${rows} dòng khớp); đang kiểm tra trang “${checked}”.`,
  splitAppendix: (first: string, second: string) =>
    `Phụ lục có vẻ bị chia ra hai trang tính “${first}” và “${second}”; hãy gộp lại một trang trước khi kiểm tra.`,
  insertTitle: "Chèn phụ lục mẫu",
  insertIntro: "Chèn Phụ lục thống kê số liệu báo cáo CCHC vào một trang mới (không thay thế trang nào).",
  unitName: "Tên cơ quan, đơn vị",
  unitNamePlaceholder: "Sở …",
  year: "Năm",
  yearInvalid: "Năm phải là số từ 2000 đến 2100.",
  period: "Kỳ báo cáo",
  periods: {
    nam: "Năm (15/12 năm trước – 14/12)",
    "6thang": "6 tháng (15/12 năm trước – 14/6)",
    quy1: "Quý I (15/12 năm trước – 14/3)",
    quy3: "Quý III (15/6 – 14/9)",
  },
  insert: "Chèn phụ lục",
  inserted: (sheet: string) => `Đã chèn phụ lục vào trang “${sheet}”.`,

  // check
  checkTitle: "Kiểm tra",
  check: "Kiểm tra lại",
  summary: (errors: number, warnings: number) => `${errors} lỗi, ${warnings} cảnh báo`,
  summaryInfos: (infos: number) => `${infos} ghi nhận`,
  acknowledgedCount: (n: number) => `${n} cảnh báo đã xác nhận`,
  sectionHeading: (id: string, label: string) => `${id}. ${label}`,
  sectionCount: (n: number) => `${n} mục`,
  wholeSheet: "Chung",
  severity: { error: "Lỗi", warning: "Cảnh báo", info: "Ghi nhận" },
  goToCell: (cell: string) => `Đến ô ${cell}`,
  goToCellHint: (cell: string) => `Chọn ô ${cell} trên trang`,
  seen: "Đang là",
  expected: "Cần là",
  blank: "(trống)",
  fixLabel: "Cách sửa",
  fixValue: (cell: string, value: string) => `Ghi ${value} vào ô ${cell}`,
  fixFormula: (cell: string, formula: string) => `Ghi công thức ${formula} vào ô ${cell}`,
  applyFix: "Sửa ngay",
  fixed: (cell: string) => `Đã sửa ô ${cell}.`,
  acknowledge: "Xác nhận",
  acknowledgeHint: "Giữ nguyên số liệu và ghi lý do",
  reason: "Lý do giữ nguyên",
  reasonRequired: "Hãy ghi lý do.",
  saveAcknowledge: "Lưu xác nhận",
  cancel: "Huỷ",
  acknowledgedTitle: "Cảnh báo đã xác nhận",
  acknowledgedReason: (reason: string) => `Lý do: ${reason}`,
  unacknowledge: "Bỏ xác nhận",
  noFindings: "Không có lỗi hay cảnh báo nào.",
  highlight: "Tô màu các ô có lỗi trên trang",
  findingsTitle: "Lỗi và cảnh báo",

  // fill
  fillTitle: "Điền tổng và tỷ lệ",
  fill: "Điền tổng, tỷ lệ…",
  fillIntro: (n: number) => `Sẽ ghi ${n} ô:`,
  fillNothing: "Không có ô nào cần điền.",
  colCell: "Ô",
  colIndicator: "Chỉ tiêu",
  colFormula: "Công thức",
  conflictsTitle: (n: number) => `${n} ô đang có số khác do người dùng nhập`,
  conflictsIntro: "Các ô này chỉ được ghi đè khi bạn đánh dấu chọn.",
  conflictLine: (cell: string, actual: string, expected: string) => `Ô ${cell}: đang là ${actual}, tính được ${expected}`,
  overwrite: (cell: string) => `Ghi đè ô ${cell}`,
  applyFill: (n: number) => `Ghi ${n} ô`,
  filled: (n: number) => `Đã ghi ${n} ô.`,

  // ready
  readyTitle: "Sẵn sàng gửi",
  readyBody: "Không còn lỗi nào. Phụ lục có thể gửi Sở Nội vụ.",
  readyWithWarnings: (n: number) => `Còn ${n} cảnh báo: hãy xem lại hoặc xác nhận trước khi gửi.`,

  // errors
  errorTitle: "Không thực hiện được",
  dismiss: "Đóng",
  errors: {
    copyWithTemplate:
      "Không tạo được bản đã điền: biểu mẫu vừa chèn là một trang tính mới, chỉ tải được trong một sổ làm việc mới, còn các ô đã điền nằm ở trang tính khác của tệp. Hãy mở lại tệp để tải bản đã điền, hoặc chỉ điền trên biểu mẫu.",
    copyRefused: (reason: string) => `Không tạo được bản đã điền: ${reason} Tệp gốc không bị thay đổi.`,
    generic: "Đã có lỗi khi làm việc với sổ làm việc. Hãy thử lại.",
    readFailed: "Không đọc được tệp. Tệp có thể bị hỏng hoặc không phải tệp .xlsx.",
    sampleMissing: "Không tải được tệp mẫu.",
    noWorkbook: "Chưa mở tệp nào.",
    excelBusy: "Excel đang bận (có thể đang sửa một ô). Hãy thoát chế độ sửa ô rồi thử lại.",
    empty: "Tệp rỗng, không có dữ liệu nào.",
    encrypted: "Tệp được đặt mật khẩu; hãy bỏ mật khẩu trong Excel rồi lưu lại.",
    oldXls: "Tệp có định dạng Excel cũ (.xls); hãy lưu lại thành .xlsx.",
    ods: "Tệp là bảng tính OpenDocument (.ods); hãy lưu lại thành .xlsx.",
    tooLarge: (l: FileLimits) =>
      `Tệp quá lớn để kiểm tra (tối đa ${megabytes(l.fileBytes)} MB, ${megabytes(l.expandedBytes)} MB khi giải nén, ${formatNumber(l.cells, "vi")} ô); hãy chép riêng trang phụ lục sang một tệp mới.`,
  },
};

/** The shape every language file fills. */
export type Messages = typeof vi;
