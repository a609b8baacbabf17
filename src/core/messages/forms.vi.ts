/** Vietnamese sentences about forms. NFC, full diacritics. */
import { FORM_FORMAT_VERSION } from "../forms/model";
import { FACT_ROWS, FORM_SHEET_NAMES, INDICATOR_COLUMNS, RELATION_COLUMNS } from "../forms/sheets";
import { formatNumber } from "./format";
import type { FormMessages } from "./formsTexts";

const KIND: Record<string, string> = { count: "số lượng", percent: "tỷ lệ", flag: "Có/Không", choice: "lựa chọn", group: "nhóm", text: "chữ" };
const LEVEL: Record<string, string> = { so_nganh: "sở, ngành", ubnd_tinh: "UBND tỉnh", ubnd_huyen: "UBND huyện", ubnd_xa: "UBND xã" };
const STATUS: Record<string, string> = { official: "chính thức", draft: "bản nháp", test: "thử nghiệm, không phải mẫu chính thức" };
const EXPECTED: Record<string, string> = { object: "một đối tượng", array: "một danh sách", string: "một chuỗi chữ", number: "một số", boolean: "true hoặc false" };

const factName = (field: string) => FACT_ROWS.find((f) => f.field === field)?.vi ?? field;
const column = (sheet: string, field: string) =>
  (sheet === "indicators" ? INDICATOR_COLUMNS : sheet === "relations" ? RELATION_COLUMNS : FACT_ROWS).find((c) => c.field === field)?.vi ?? field;
const num = (n: number) => formatNumber(n, "vi");
const mb = (bytes: number) => `${(bytes / 1024 / 1024).toFixed(1).replace(".", ",")} MB`;
const list = (items: readonly string[]) => items.map((s) => `“${s}”`).join(", ");
const dmy = (iso: string) => iso.split("-").reverse().join("/");

/** Vietnamese. */
export const formsVi: FormMessages = {
  place: (sheet, row, col) => `Trang ${sheet}${row ? `, dòng ${row}` : ""}${col ? `, ${sheet === FORM_SHEET_NAMES.facts ? "mục" : "cột"} “${col}”` : ""}: `,
  path: (path) => `Mục ${path}: `,
  kind: (k) => KIND[k] ?? k,
  level: (l) => LEVEL[l] ?? l,
  status: (s) => STATUS[s] ?? s,
  describe: (f) =>
    `${f.title} (${[f.province, LEVEL[f.level] ?? f.level].filter(Boolean).join(", ")}; phiên bản ${f.version}${f.status !== "official" ? `; ${STATUS[f.status] ?? f.status}` : ""})`,
  currency: {
    period_before_form: (w, f) => `Kỳ báo cáo kết thúc ngày ${dmy(w.periodEnd)}, trước ngày mẫu “${f.id}” bắt đầu áp dụng (${dmy(w.validFrom)}); hãy kiểm tra có dùng đúng mẫu của kỳ đó không.`,
    period_after_form: (w, f) => `Kỳ báo cáo bắt đầu ngày ${dmy(w.periodStart)}, sau ngày mẫu “${f.id}” hết áp dụng (${dmy(w.validTo)}); có thể đã có mẫu mới hơn.`,
    other_province: (w, f) => `Tiêu đề ghi tỉnh, thành phố “${w.province}”, còn mẫu đang dùng là mẫu của ${f.province}; hãy kiểm tra có dùng đúng mẫu của tỉnh, thành phố mình không.`,
    other_level: (w, f) => `Tiêu đề cho thấy báo cáo của ${LEVEL[w.level]}, còn mẫu đang dùng là mẫu cho ${LEVEL[f.level] ?? f.level}.`,
  },
  undecided: {
    no_unit: (u) =>
      `Dòng ${u.row} (${u.id} “${u.label}”) không có đơn vị tính và không có chỉ tiêu chi tiết: ${
        u.assumed === "text" ? "tạm coi là chữ" : u.assumed === "count" ? "tạm coi là số lượng (tên bắt đầu bằng “Số”)" : `tạm coi là số lượng, đơn vị “${u.assumed.slice(6)}” như dòng trên`
      }; hãy ghi đơn vị tính và loại cho đúng.`,
    yes_no_with_count_unit: (u) => `Dòng ${u.row} (${u.id}) hỏi “Có …” nhưng đơn vị tính là “${u.unit}”: nếu đây là câu hỏi Có/Không, hãy đổi đơn vị thành “Không = 0 Có = 1”.`,
    repeated_stt: (u) => `Dòng ${u.row}: STT “${u.stt}” được in lặp trong phần; đặt mã ${u.id} cho dòng này.`,
    rate_inputs: (u) => `Dòng ${u.row} (${u.id}): tỷ lệ có hơn hai chỉ tiêu số lượng bên dưới; đã lấy hai dòng đầu làm mẫu số và tử số, hãy kiểm tra.`,
    total_or_parts: (u) => `Dòng ${u.row} (${u.id}): các dòng “- …” bên dưới được coi là không vượt quá tổng; nếu chúng gộp lại đúng bằng tổng, đổi loại quan hệ thành “tổng bằng các phần”.`,
    note_as_hint: (u) => `Dòng ${u.row} (${u.id}): ghi chú “${u.note}” được lấy làm hướng dẫn ghi chú của mẫu; xóa đi nếu đó là ghi chú của người điền.`,
    no_stt_column: () =>
      "Bảng không có cột STT: dàn ý được đoán theo đơn vị tính (dòng không có đơn vị tính mở một nhóm, các dòng có đơn vị tính bên dưới thuộc nhóm đó), tất cả trong một phần; hãy thêm STT như bản in và xem lại mã chỉ tiêu.",
    row_skipped: (u) => `Dòng ${u.row} “${u.text}” không nằm dưới một phần hay chỉ tiêu có STT nên không được đưa vào mẫu.`,
    clerk_notes: (u) => `${u.count} ghi chú của người điền (có số văn bản, số liệu) không được đưa vào mẫu làm hướng dẫn ghi chú.`,
    facts_to_fill: () => `Trang Thông tin cần được điền: mã mẫu, tên, cơ quan và văn bản ban hành, cấp báo cáo, tỉnh, phiên bản, ngày áp dụng.`,
  },
  problems: {
    file_too_many_cells: (p) =>
      `Tệp mẫu có ${num(p.cells)} ô (khi giải nén), vượt giới hạn ${num(p.limit)} ô của một tệp mẫu; một mẫu phụ lục chỉ có vài nghìn ô, hãy kiểm tra đã chọn đúng tệp chưa.`,
    file_unpacks_too_large: (p) =>
      `Tệp mẫu khi giải nén chiếm ${p.bytes === undefined ? "quá nhiều dung lượng" : mb(p.bytes)}, vượt giới hạn ${mb(p.limit)} của một tệp mẫu; tệp này không phải một mẫu phụ lục thông thường, hãy kiểm tra đã chọn đúng tệp chưa.`,
    file_too_large: (p) => `Tệp mẫu có dung lượng ${mb(p.bytes)}, vượt giới hạn ${mb(p.limit)} của một tệp mẫu; một mẫu phụ lục thường chỉ vài chục KB, hãy kiểm tra đã chọn đúng tệp chưa.`,
    not_utf8: () => "Tệp .json này không phải văn bản UTF-8 nên không đọc được như một mẫu phụ lục; hãy lưu lại tệp với bảng mã UTF-8.",
    not_a_form: (p) =>
      `Tệp này không phải là mẫu phụ lục (tệp .xlsx có các trang “${FORM_SHEET_NAMES.facts}”, “${FORM_SHEET_NAMES.indicators}”, “${FORM_SHEET_NAMES.relations}”, hoặc tệp .json theo schemas/form.schema.json)${p.detail ? `; trong tệp có: ${p.detail}` : ""}.`,
    format_version: (p) => `Tệp mẫu theo định dạng phiên bản ${p.version}; chương trình này chỉ đọc được định dạng phiên bản ${FORM_FORMAT_VERSION}.`,
    json_invalid: (p, at) => `${at}giá trị phải là ${EXPECTED[p.expected] ?? p.expected}.`,
    relations_sheet_missing: () =>
      `Tệp mẫu không có trang “${FORM_SHEET_NAMES.relations}”: mẫu dùng được nhưng không đối chiếu chỉ tiêu nào với nhau (chỉ kiểm tra từng ô); nếu mẫu có quan hệ, hãy thêm trang này.`,
    sheet_missing: (p) => `Tệp mẫu thiếu trang “${FORM_SHEET_NAMES[p.sheet]}”.`,
    column_missing: (p, at) => `${at}thiếu cột “${column(p.sheet, p.field)}”.`,
    column_unknown: (p, at) => `${at}cột “${p.header}” không thuộc mẫu nên được bỏ qua.`,
    unsafe_formula: (_p, at) => `${at}ô chứa công thức; tệp mẫu chỉ được chứa chữ và số, hãy nhập giá trị thay cho công thức.`,
    unsafe_text: (p, at) =>
      `${at}nội dung “${p.text}” giống công thức hoặc mã lệnh (bắt đầu bằng “=”, “+”, “@”, hoặc có thẻ HTML, script); tệp mẫu không được chứa nội dung như vậy.`,
    text_too_long: (p, at) => `${at}nội dung dài hơn ${p.limit} ký tự.`,
    too_many_rows: (p, at) => `${at}trang có hơn ${p.limit} dòng, vượt giới hạn của một mẫu phụ lục.`,
    fact_missing: (p, at) => `${at || `Trang ${FORM_SHEET_NAMES.facts}: `}thiếu “${factName(p.field)}”.`,
    fact_invalid: (p, at) => {
      switch (p.field) {
        case "level":
          return `${at}“${p.value}” không phải là cấp báo cáo; dùng một trong: ${list(Object.values(LEVEL))}.`;
        case "status":
          return `${at}“${p.value}” không phải là tình trạng của mẫu; dùng một trong: “chính thức”, “bản nháp”, “thử nghiệm”.`;
        case "id":
          return `${at}mã mẫu “${p.value}” chỉ được gồm chữ cái không dấu, chữ số, dấu chấm, gạch ngang và gạch dưới (ví dụ: so-nganh-2023).`;
        default:
          return `${at}“${p.value}” không phải là một ngày (viết ngày/tháng/năm, ví dụ 11/3/2022).`;
      }
    },
    fact_unknown: (p, at) => `${at}“${p.key}” không phải là một mục của trang ${FORM_SHEET_NAMES.facts} nên được bỏ qua.`,
    dates_reversed: (p, at) => `${at}ngày hết áp dụng ${dmy(p.to)} ở trước ngày bắt đầu áp dụng ${dmy(p.from)}.`,
    section_invalid: (p, at) => `${at}mã phần “${p.id}” chỉ được gồm chữ cái không dấu hoặc chữ số (ví dụ I, II, A).`,
    section_duplicate: (p, at) => `${at}phần “${p.id}” đã có ở một dòng trên.`,
    no_indicators: () => `Trang ${FORM_SHEET_NAMES.indicators} không có chỉ tiêu nào.`,
    row_before_section: (_p, at) => `${at}chỉ tiêu nằm trước dòng phần đầu tiên (dòng có STT I, II… hoặc loại “phần”).`,
    label_missing: (_p, at) => `${at}thiếu tên chỉ tiêu.`,
    id_missing: (_p, at) =>
      `${at}không suy ra được mã chỉ tiêu: dòng không có STT và không nằm dưới một chỉ tiêu có STT; hãy ghi mã ở cột “Mã chỉ tiêu”.`,
    id_invalid: (p, at) => `${at}mã chỉ tiêu “${p.id}” không đúng dạng: mã phần, dấu chấm, rồi các số thứ tự cách nhau bởi dấu chấm (ví dụ I.1.2).`,
    id_duplicate: (p, at) => `${at}mã chỉ tiêu “${p.id}” trùng với một dòng trên; hãy ghi mã khác ở cột “Mã chỉ tiêu” (ví dụ VII.2b khi STT được in lặp).`,
    id_wrong_section: (p, at) => `${at}mã chỉ tiêu “${p.id}” không thuộc phần ${p.section} mà dòng này nằm trong.`,
    parent_missing: (p, at) => `${at}mã chỉ tiêu “${p.id}” nằm dưới “${p.parent}” nhưng không có dòng nào ở trên mang mã “${p.parent}”.`,
    kind_unknown: (p, at) => `${at}“${p.value}” không phải là loại chỉ tiêu; dùng một trong: ${list(Object.values(KIND))}.`,
    kind_needed: (_p, at) =>
      `${at}dòng không có đơn vị tính và không có chỉ tiêu chi tiết: hãy ghi loại (“chữ” cho nội dung ghi bằng chữ, “nhóm” cho dòng tiêu đề).`,
    kind_unit_mismatch: (p, at) => {
      if (p.kind === "flag") return `${at}chỉ tiêu Có/Không cần đơn vị tính dạng “Không = 0 Có = 1”; đơn vị đang ghi là “${p.unit}”.`;
      if (p.kind === "choice") return `${at}chỉ tiêu lựa chọn cần đơn vị tính liệt kê các mã, ví dụ “Trực tuyến = 0 Phát phiếu = 1 Kết hợp = 2”; đơn vị đang ghi là “${p.unit}”.`;
      return `${at}dòng nhóm không có chỉ tiêu chi tiết nên không có đơn vị tính; đơn vị đang ghi là “${p.unit}” (nếu là số liệu, hãy đổi loại).`;
    },
    unit_missing: (_p, at) => `${at}chỉ tiêu số lượng chưa có đơn vị tính.`,
    period_unknown: (p, at) =>
      `${at}“${p.value}” không phải là kỳ báo cáo; dùng Quý I, Quý II, 6 tháng, Quý III, 9 tháng, Quý IV, Năm (cách nhau bởi dấu phẩy), hoặc để trống nếu kỳ nào cũng có số liệu.`,
    periods_source_without_periods: (_p, at) =>
      `${at}đã ghi căn cứ kỳ báo cáo nhưng chưa ghi kỳ báo cáo phải có số liệu; hãy ghi các kỳ (ví dụ “Năm”) hoặc xóa căn cứ.`,
    yes_no_invalid: (p, at) => `${at}“${p.value}” không phải là “Có” hoặc “Không” (để trống là Không).`,
    exceed_not_percent: (p, at) => `${at}chỉ chỉ tiêu tỷ lệ (%) mới có thể được vượt 100%; dòng này thuộc loại “${KIND[p.kind] ?? p.kind}”.`,
    relation_id_missing: (_p, at) => `${at}thiếu mã quan hệ (một chuỗi không có khoảng trắng, ví dụ i1_done_le_planned).`,
    relation_id_duplicate: (p, at) => `${at}mã quan hệ “${p.id}” trùng với một dòng trên.`,
    relation_kind_unknown: (p, at) => `${at}“${p.value}” không phải là loại quan hệ; dùng một trong: ${list(p.known)}.`,
    relation_indicator_unknown: (p, at) => `${at}chỉ tiêu “${p.id}” không có trong trang ${FORM_SHEET_NAMES.indicators}.`,
    relation_arity: (p, at) =>
      `${at}quan hệ “${p.kind}” cần ${p.expected.startsWith("≥") ? `ít nhất ${p.expected.slice(1)}` : p.expected} chỉ tiêu ở cột này, đang có ${p.count}.`,
    relation_indicator_kind: (p, at) =>
      `${at}chỉ tiêu “${p.id}” thuộc loại ${KIND[p.kind]}, còn quan hệ này cần chỉ tiêu loại ${p.expected.map((k) => KIND[k]).join(" hoặc ")}.`,
    condition_invalid: (p, at) => `${at}điều kiện “${p.value}” không đọc được; hãy viết “bằng 0”, “bằng 0 hoặc 1” hoặc “lớn hơn 0”.`,
    condition_missing: (p, at) => `${at}quan hệ “${p.kind}” cần điều kiện (ví dụ “bằng 0” hoặc “lớn hơn 0”).`,
    condition_unused: (p, at) => `${at}quan hệ “${p.kind}” không dùng điều kiện; hãy để trống cột này.`,
    condition_code_unknown: (p, at) => `${at}chỉ tiêu “${p.id}” không có mã ${p.value}.`,
    severity_invalid: (p, at) => (p.value ? `${at}mức độ “${p.value}” phải là “lỗi”, “cảnh báo” hoặc “lưu ý”.` : `${at}chưa ghi mức độ (“lỗi”, “cảnh báo” hoặc “lưu ý”).`),
    caveat_invalid: (p, at) => `${at}lưu ý “${p.value}” phải là “có thể gồm kỳ trước”, “khác thời điểm hoặc phạm vi”, hoặc để trống.`,
    reason_missing: (_p, at) => `${at}quan hệ chưa có lý do bằng tiếng Việt; người kiểm tra cần biết vì sao hai số liệu phải khớp nhau.`,
    relation_draft: (p, at) =>
      `${at}quan hệ “${p.id}” do chương trình đề xuất, chưa được người soạn xác nhận; hãy xem lại rồi xóa “Có” ở cột “Cần xác nhận”.`,
  },
};
