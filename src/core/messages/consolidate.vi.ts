/** Vietnamese words of the consolidation (the default language). */
import type { FileModified, KeepReason } from "../consolidate";
import type { ConsolidateTexts, IssueContext } from "./consolidateTexts";

/** Why the file kept was chosen, said of the kept file ("tệp này") or of the other ("tệp đó"). */
function why(reason: KeepReason, kept: string, modified: FileModified | null, other: FileModified | null, c: IssueContext): string {
  switch (reason) {
    case "preferred":
      return `theo lựa chọn của người tổng hợp`;
    case "period":
      return `vì kỳ báo cáo ghi trong ${kept} khớp với đợt tổng hợp`;
    case "modified":
      return `vì ${kept} được lưu sau (${modified ? c.modified(modified) : "?"}; tệp kia: ${other ? c.modified(other) : "?"})`;
    default:
      return "vì không có ngày lưu để biết tệp nào mới hơn, nên dùng tệp được đưa vào trước";
  }
}

/** Vietnamese. */
export const consolidateVi: ConsolidateTexts = {
  issues: {
    duplicate_unit: ({ detail: d }, c) =>
      d.why === "same_file"
        ? "Tệp này được đưa vào hai lần; chỉ tính một lần."
        : `Đơn vị gửi hai tệp cùng kỳ; bảng tổng hợp dùng tệp “${d.keptFile}” ${why(d.why, "tệp đó", d.keptModified, d.modified, c)}. Tệp này không được đưa vào, để số liệu không bị cộng hai lần; có thể chọn dùng tệp này thay tệp kia.`,
    kept_over: ({ detail: d }, c) =>
      `Đơn vị cũng gửi tệp “${d.otherFile}” cùng kỳ; bảng tổng hợp dùng tệp này ${why(d.why, "tệp này", d.modified, d.otherModified, c)}.`,
    other_period: ({ detail: d }, c) =>
      `Tệp này là báo cáo ${c.period(d.period)} của đơn vị, khác kỳ với tệp “${d.keptFile}”${d.keptPeriod ? ` (${c.period(d.keptPeriod)})` : ""} đang dùng trong bảng tổng hợp: là báo cáo kỳ khác, không phải bản gửi trùng, nên không được đưa vào.`,
    hidden_sheet_only: ({ detail: d }) =>
      `Phụ lục chỉ có ở trang tính ẩn “${d.sheet}” (trang ẩn thường là bản của kỳ trước); tệp không được đưa vào tổng hợp cho đến khi người tổng hợp chọn dùng trang này.`,
    hidden_sheet_included: ({ detail: d }) => `Đã tổng hợp phụ lục ở trang tính ẩn “${d.sheet}” theo lựa chọn của người tổng hợp.`,
    period_mismatch: (i, c) => `Kỳ báo cáo là ${c.period(i.detail.period)}, khác kỳ của đợt tổng hợp (${c.period(i.detail.expected)}).`,
    template_mismatch: ({ detail: d }) =>
      d.template === d.expected && d.version !== d.expectedVersion
        ? `Phụ lục theo mẫu “${d.templateTitle}” phiên bản ${d.version ?? "không ghi"}, khác phiên bản của đợt tổng hợp (${d.expectedVersion ?? "không ghi"}); tệp được liệt kê riêng, không đưa vào tổng hợp vì hai phiên bản của một mẫu có thể khác nhau về dòng và chỉ tiêu (tổng hợp riêng các tệp theo phiên bản này bằng --form).`
        : `Phụ lục theo mẫu “${d.templateTitle === d.expectedTitle ? `${d.templateTitle} (${d.template})` : d.templateTitle}”, khác mẫu của đợt tổng hợp (“${d.templateTitle === d.expectedTitle ? `${d.expectedTitle} (${d.expected})` : d.expectedTitle}”); tệp được liệt kê riêng, không đưa vào tổng hợp vì mã chỉ tiêu của hai mẫu không chỉ cùng một dòng (tổng hợp riêng các tệp theo mẫu này bằng --form).`,
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
  unusable: {
    unreadable: (u, c) => c.unreadable(u.unreadable),
    no_appendix: (u, c) => c.appendix(u.appendix),
    lock_file: () => "Đây là tệp khóa do Excel hoặc LibreOffice tạo ra khi một bảng tính đang mở, không phải phụ lục: bỏ qua.",
  },
  modifiedFrom: { properties: "theo thuộc tính của tệp", file_system: "theo ngày sửa tệp trên máy" },
  setAside: { duplicate: "Không dùng (đã có tệp khác cùng kỳ)", other_period: "Không dùng (kỳ khác)", other_form: "Không dùng (mẫu khác)", hidden_sheet: "Chưa dùng (phụ lục ở trang tính ẩn)" },
  severity: { error: "Lỗi", warning: "Cảnh báo", info: "Thông tin" },
  yes: "Có",
  no: "Không",
  workbook: {
    summarySheet: "Tổng hợp",
    statusSheet: "Tình trạng",
    findingsSheet: "Phát hiện",
    title: "TỔNG HỢP PHỤ LỤC THỐNG KÊ SỐ LIỆU BÁO CÁO CẢI CÁCH HÀNH CHÍNH",
    periodLine: (p, form) => `Kỳ báo cáo: ${p} · Mẫu: ${form}`,
    unitsLine: (units, ready, marked, aside, unusable) =>
      `${units} cơ quan, đơn vị trong bảng: ${ready} sẵn sàng, ${marked} cần xem lại (cột tô màu)` +
      (aside ? `; ${aside} tệp không dùng (xem trang “Tình trạng”)` : "") +
      (unusable ? `; ${unusable} tệp không đọc được (xem trang “Tệp không đọc được”)` : ""),
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
    unusableSheet: "Tệp không đọc được",
    unusableHeaders: { stt: "STT", file: "Tệp", reason: "Lý do" },
    findingsHeaders: {
      unit: "Cơ quan, đơn vị",
      file: "Tệp",
      sheet: "Trang tính",
      cell: "Ô",
      severity: "Mức độ",
      indicator: "Chỉ tiêu",
      message: "Nội dung",
      code: "Mã (kỹ thuật)",
    },
    wholeFile: "(cả tệp)",
  },
};
