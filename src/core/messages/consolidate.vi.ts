/** Vietnamese words of the consolidation (the default language). */
import type { PeriodKind } from "../titleInfo";
import type { ConsolidateMessages } from "./consolidate";

const QUARTER: Readonly<Record<string, string>> = { quy1: "I", quy2: "II", quy3: "III", quy4: "IV" };

function periodName(kind: PeriodKind, year: number | null): string {
  const y = year === null ? "" : ` năm ${year}`;
  switch (kind) {
    case "nam":
      return year === null ? "Cả năm" : `Năm ${year}`;
    case "6thang":
      return `6 tháng đầu năm${year === null ? "" : ` ${year}`}`;
    case "9thang":
      return `9 tháng năm${year === null ? "" : ` ${year}`}`;
    default:
      return `Quý ${QUARTER[kind]}${y}`;
  }
}

/** Vietnamese. */
export const consolidateVi: ConsolidateMessages = {
  issues: {
    file_unreadable: (i, c) =>
      `Không đọc được tệp${c.text(i.detail?.reason) ? `: ${c.text(i.detail?.reason).replace(/[.\s]+$/, "")}` : ""}; tệp không được đưa vào tổng hợp.`,
    no_appendix: (i, c) =>
      `${c.text(i.detail?.reason) || "Không tìm thấy phụ lục thống kê CCHC trong tệp."} Tệp không được đưa vào tổng hợp.`,
    duplicate_unit: (i, c) =>
      `Đơn vị này đã gửi trong tệp “${c.text(i.detail?.firstFile)}”; tệp này không được đưa vào tổng hợp để số liệu không bị cộng hai lần.`,
    period_mismatch: (i, c) =>
      `Kỳ báo cáo là ${c.period(i.detail?.period)}, khác kỳ của đợt tổng hợp (${c.period(i.detail?.expected)}).`,
    template_mismatch: (i, c) =>
      `Phụ lục theo mẫu “${c.text(i.detail?.template)}”, khác mẫu của đợt tổng hợp (“${c.text(i.detail?.expected)}”); tệp được liệt kê riêng, không đưa vào tổng hợp vì mã chỉ tiêu của hai mẫu không chỉ cùng một dòng (tổng hợp riêng các tệp theo mẫu này bằng --form).`,
    unit_name_missing: (i) =>
      `Phần tiêu đề của phụ lục không ghi tên cơ quan, đơn vị; bảng tổng hợp tạm dùng tên tệp “${i.unit}”.`,
    period_missing: () => "Không xác định được kỳ báo cáo: phần tiêu đề và tên tệp đều không ghi.",
    period_year_missing: (i, c) => `Kỳ báo cáo (${c.period(i.detail?.period)}) không ghi năm.`,
    period_from_file_name: (i, c) =>
      `Phần tiêu đề không ghi kỳ báo cáo; kỳ được lấy theo tên tệp: ${c.period(i.detail?.period)}.`,
    template_rows_differ: (i, c) =>
      `Phụ lục thiếu ${c.num(i.detail?.missing)} chỉ tiêu của mẫu và có ${c.num(i.detail?.unrecognized)} dòng không khớp chỉ tiêu nào; có thể đơn vị dùng phiên bản mẫu khác.`,
    same_figures: (i, c) =>
      `Số liệu trùng khớp hoàn toàn với tệp “${c.text(i.detail?.otherFile)}” (${c.text(i.detail?.otherUnit)}); có thể đã gửi nhầm tệp.`,
    rate_parts_incomplete: (i, c) => {
      const given = c.text(i.detail?.given);
      const num = c.text(i.detail?.numerator);
      const den = c.text(i.detail?.denominator);
      const missing = given === num ? den : num;
      return `${c.name(i.indicator ?? "")}: có “${c.name(given)}” nhưng thiếu “${c.name(missing)}”, nên tỷ lệ chung (tính từ tổng tử số và tổng mẫu số) bị lệch.`;
    },
  },
  periodName,
  noPeriod: "Chưa xác định",
  severity: { error: "Lỗi", warning: "Cảnh báo", info: "Thông tin" },
  yes: "Có",
  no: "Không",
  workbook: {
    summarySheet: "Tổng hợp",
    statusSheet: "Tình trạng",
    findingsSheet: "Phát hiện",
    title: "TỔNG HỢP PHỤ LỤC THỐNG KÊ SỐ LIỆU BÁO CÁO CẢI CÁCH HÀNH CHÍNH",
    periodLine: (p) => `Kỳ báo cáo: ${p}`,
    unitsLine: (units, ready, marked, left) =>
      `${units} cơ quan, đơn vị trong bảng: ${ready} sẵn sàng, ${marked} cần xem lại (cột tô màu)` +
      (left ? `; ${left} tệp không đưa vào tổng hợp (xem trang “Tình trạng”)` : ""),
    legend:
      "Cột “Tổng hợp”: cộng số liệu các đơn vị; tỷ lệ tính lại từ tổng tử số và tổng mẫu số (không lấy trung bình); chỉ tiêu Có/Không: số đơn vị trả lời mã 1; chỉ tiêu lựa chọn: số đơn vị theo từng mã.",
    stt: "STT",
    indicator: "Chỉ tiêu thống kê",
    unit: "Đơn vị tính",
    total: "Tổng hợp",
    reported: "Số đơn vị có số liệu",
    method: "Cách tổng hợp",
    unitState: "Tình trạng",
    ready: "Sẵn sàng",
    notReady: "Cần xem lại",
    methodSum: "Tổng các đơn vị",
    methodRate: (num, den) => `Tổng “${num}” / tổng “${den}” × 100`,
    methodYes: (yes) => `Số đơn vị trả lời ${yes} (mã 1)`,
    methodChoice: "Số đơn vị theo từng lựa chọn",
    methodNone: "Không cộng",
    methodNoneRate: "Không cộng (tỷ lệ không kèm tử số, mẫu số)",
    statusHeaders: {
      stt: "STT",
      unit: "Cơ quan, đơn vị",
      file: "Tệp",
      period: "Kỳ báo cáo",
      template: "Mẫu",
      errors: "Lỗi",
      warnings: "Cảnh báo",
      infos: "Thông tin",
      ready: "Sẵn sàng",
      column: "Cột trong bảng tổng hợp",
      issues: "Vấn đề khi tổng hợp",
    },
    leftOut: "Không đưa vào",
    findingsHeaders: {
      unit: "Cơ quan, đơn vị",
      file: "Tệp",
      sheet: "Trang tính",
      cell: "Ô",
      severity: "Mức độ",
      code: "Mã",
      message: "Nội dung",
    },
    wholeFile: "(cả tệp)",
  },
  cli: {
    help: `cchc consolidate FILE.xlsx [FILE.xlsx ...] -o TONG_HOP.xlsx [--period KỲ] [--force] [--json] [--lang vi|en]

Tổng hợp phụ lục của nhiều cơ quan, đơn vị vào một tệp: trang “Tổng hợp” (mỗi chỉ tiêu một dòng theo
đúng thứ tự và cách ghi của mẫu, mỗi đơn vị một cột, cột tổng cộng các số đếm, tỷ lệ tính lại từ tổng
tử số và tổng mẫu số, chỉ tiêu Có/Không đếm số đơn vị trả lời Có), trang “Tình trạng” (đơn vị, tệp,
kỳ báo cáo, số lỗi, cảnh báo, sẵn sàng hay chưa) và trang “Phát hiện” (mọi lỗi, cảnh báo theo đơn vị và ô).
Tên đơn vị và kỳ báo cáo lấy từ phần tiêu đề của phụ lục (hoặc tên tệp). Đơn vị gửi hai lần, khác kỳ
báo cáo hoặc khác mẫu đều được báo. Không sửa tệp nguồn nào.

  -o, --out OUT   Tệp tổng hợp (bắt buộc, đuôi .xlsx)
  --period KỲ     Kỳ của đợt tổng hợp, ví dụ nam/2023, 6thang/2024, quy1/2024 (mặc định: kỳ mà nhiều tệp ghi nhất)
  --force         Ghi đè OUT nếu đã có
  --json          In một tài liệu JSON (tình trạng từng tệp và các vấn đề) thay cho văn bản

Mã thoát: 0 mọi đơn vị sẵn sàng; 1 có đơn vị có lỗi hoặc vấn đề khi tổng hợp; 2 có tệp không đọc được,
không có phụ lục, hoặc dùng lệnh sai.
`,
    needArgs:
      "Lệnh consolidate cần ít nhất một tệp .xlsx và tệp kết quả, ví dụ: cchc consolidate don-vi/*.xlsx -o TONG_HOP.xlsx",
    progress: (done, total) => `Đang đọc ${done}/${total} tệp`,
    readLine: (done, total) => `Đã đọc ${done}/${total} tệp.`,
    fileLine: (unit, file, period, errors, warnings, ready) =>
      `${unit} (${file}): ${period}; ${errors} lỗi, ${warnings} cảnh báo — ${ready ? "sẵn sàng" : "cần xem lại"}`,
    leftOutLine: (file) => `${file}: không đưa vào tổng hợp`,
    issueLine: (text) => `  - ${text}`,
    written: (out, units, ready, marked, left) =>
      `Đã ghi “${out}”: ${units} cơ quan, đơn vị, ${ready} sẵn sàng, ${marked} cần xem lại` +
      (left ? `, ${left} tệp không đưa vào tổng hợp.` : "."),
    badPeriod: (v) => `Kỳ “${v}” không hợp lệ; ghi dạng KỲ/NĂM với KỲ là nam, 6thang, 9thang, quy1, quy2, quy3 hoặc quy4, ví dụ nam/2023.`,
    outIsInput: (file) => `Tệp tổng hợp “${file}” trùng với một tệp nguồn; lệnh consolidate không bao giờ sửa tệp nguồn.`,
    noUsableFile: "Không có tệp nào đọc được phụ lục; vẫn ghi tệp tổng hợp với trang “Tình trạng” để biết lý do.",
  },
};
