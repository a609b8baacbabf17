/** Vietnamese words of the consolidation (the default language). */
import type { ConsolidateTexts } from "./consolidateTexts";

/** Vietnamese. */
export const consolidateVi: ConsolidateTexts = {
  issues: {
    file_unreadable: (i, c) => `${c.unreadable(i.detail)} Tệp không được đưa vào tổng hợp.`,
    no_appendix: (i, c) => `${c.appendix(i.detail)} Tệp không được đưa vào tổng hợp.`,
    duplicate_unit: (i) =>
      `Đơn vị này đã gửi trong tệp “${i.detail.firstFile}”; tệp này không được đưa vào tổng hợp để số liệu không bị cộng hai lần.`,
    period_mismatch: (i, c) => `Kỳ báo cáo là ${c.period(i.detail.period)}, khác kỳ của đợt tổng hợp (${c.period(i.detail.expected)}).`,
    template_mismatch: (i) =>
      `Phụ lục theo mẫu “${i.detail.template}”, khác mẫu của đợt tổng hợp (“${i.detail.expected}”); tệp được liệt kê riêng, không đưa vào tổng hợp vì mã chỉ tiêu của hai mẫu không chỉ cùng một dòng (tổng hợp riêng các tệp theo mẫu này bằng --form).`,
    unit_name_missing: (i) =>
      `Phần tiêu đề của phụ lục không ghi tên cơ quan, đơn vị; bảng tổng hợp tạm dùng tên tệp “${i.unit}”.`,
    period_missing: () => "Không xác định được kỳ báo cáo: phần tiêu đề và tên tệp đều không ghi.",
    period_year_missing: (i, c) => `Kỳ báo cáo (${c.period(i.detail.period)}) không ghi năm.`,
    period_from_file_name: (i, c) => `Phần tiêu đề không ghi kỳ báo cáo; kỳ được lấy theo tên tệp: ${c.period(i.detail.period)}.`,
    template_rows_differ: (i, c) =>
      `Phụ lục thiếu ${c.num(i.detail.missing)} chỉ tiêu của mẫu và có ${c.num(i.detail.unrecognized)} dòng không khớp chỉ tiêu nào; có thể đơn vị dùng phiên bản mẫu khác.`,
    same_figures: (i) =>
      `Số liệu trùng khớp hoàn toàn với tệp “${i.detail.otherFile}” (${i.detail.otherUnit}); có thể đã gửi nhầm tệp.`,
    rate_parts_incomplete: (i, c) => {
      const { given, numerator, denominator } = i.detail;
      const missing = given === numerator ? denominator : numerator;
      return `${c.name(i.indicator ?? "")}: có “${c.name(given)}” nhưng thiếu “${c.name(missing)}”, nên tỷ lệ chung (tính từ tổng tử số và tổng mẫu số) bị lệch.`;
    },
  },
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
};
