/** Vietnamese messages: functions of the finding. NFC, full diacritics, numbers as "87,23" and "3.036". */
import type { Caveat, DuePeriod } from "../catalog/model";
import type { ComputedInputs, Finding, PeriodRelaxation, TypedRate } from "../finding";
import { dayText, isCumulativePeriod, periodDates } from "../period";
import { clip, namedValues, type MessageContext, type Messages } from "./format";
import { periodLabel } from "./period";

const caveats: Readonly<Record<Caveat, string>> = {
  carried_over: "kết quả trong kỳ có thể gồm cả hồ sơ, nhiệm vụ, vấn đề phát sinh từ kỳ trước",
  different_scope: "hai số liệu được tính ở thời điểm hoặc phạm vi khác nhau",
  overlap: "một TTHC có thể đã bị tính ở cả hai mức, hoặc đã tính cả TTHC thuộc lĩnh vực của ngành nhưng giải quyết tại cấp huyện, cấp xã",
};

/** The sentence a warning adds when its relation can legitimately break. */
function caveat(f: Finding, c: Caveat | null): string {
  if (f.severity === "error") return "";
  const why = c ? caveats[c] : "số liệu có thể được thống kê theo cách khác";
  return ` Số liệu này chưa chắc đã sai, vì ${why}; hãy kiểm tra lại.`;
}

const self = (f: Finding, m: MessageContext) => m.name(f.indicator, f.cell);

function inputs(i: ComputedInputs, m: MessageContext): string {
  if (i.kind === "rate") {
    return `${m.name(i.numerator.indicator, i.numerator.cell)} = ${m.num(i.numerator.value)} chia cho ${m.name(i.denominator.indicator, i.denominator.cell)} = ${m.num(i.denominator.value)}, nhân 100`;
  }
  return `tổng của ${namedValues(i.parts, m, true).join(" + ")}`;
}

/** How a rate typed otherwise than as a number was typed (its reading warning is part of the rate's finding). */
function typedRate(t: TypedRate | undefined, m: MessageContext): string {
  if (!t) return "";
  if (t.as === "fraction") return ` (gõ dạng phân số ${m.num(t.actual)})`;
  return ` (gõ dạng chữ “${t.actual}”, nên Excel không tính được với ô này)`;
}

/** "A, B và C". */
const andList = (items: readonly string[]) => (items.length < 2 ? items.join("") : `${items.slice(0, -1).join(", ")} và ${items[items.length - 1]}`);

const candidates = (list: readonly number[], m: MessageContext) => list.map((c) => m.num(c)).join(" hoặc ");

/** Vietnamese. */
/** The periods a row is due in, as "chỉ báo cáo năm" says them. */
const dueWords: Readonly<Record<DuePeriod, string>> = {
  quy1: "quý I",
  quy2: "quý II",
  "6thang": "6 tháng",
  quy3: "quý III",
  "9thang": "9 tháng",
  quy4: "quý IV",
  nam: "năm",
};

/** "Chỉ tiêu I.7.1 chỉ báo cáo năm; Quý III năm 2024 không đối chiếu, …": why the period lowered a relation's finding. */
function relaxed(r: PeriodRelaxation, m: MessageContext): string {
  const label = periodLabel(r.period, "vi");
  const rows = r.indicators.map((id) => `${id} (${m.name(id)})`).join(", ");
  const now = r.ruleSeverity === "error" ? "lỗi" : "cảnh báo";
  const then = r.ruleSeverity === "error" ? "cảnh báo" : "thông tin";
  if (r.reason === "not_due") {
    const due = [...new Set(r.indicators.flatMap((id) => m.indicator(id)?.periods ?? []))].map((k) => dueWords[k]).join(", ");
    return `Chỉ tiêu ${rows} chỉ báo cáo ${due || "trong kỳ khác"}; báo cáo ${label} không đối chiếu chỉ tiêu này, nên đây là ${then} thay vì ${now}.`;
  }
  const days = r.period.year === null ? null : periodDates(r.period.kind, r.period.year);
  const span = days ? ` (từ ${dayText(days.from)} đến ${dayText(days.to)})` : "";
  const since = r.period.year === null ? "từ đầu năm" : `từ ${dayText({ day: 15, month: 12, year: r.period.year - 1 })}`;
  return `Chỉ tiêu ${rows} là số lũy kế ${since}, còn báo cáo ${label}${span} không lũy kế: hai số liệu không cùng khoảng thời gian, nên đây là ${then} thay vì ${now}.`;
}

export const vi: Messages = {
  relaxed,
  findings: {
    excel_error: (f, m) => `${self(f, m)} đang báo lỗi Excel ${f.actual}; hãy sửa công thức hoặc nhập lại số liệu.`,
    formula_no_result: (f, m) => {
      const skipped = f.detail.skipped.flatMap((r) => r.others.map((o) => m.name(o.indicator, o.cell)));
      const also = skipped.length ? ` Đã bỏ qua các kiểm tra với ${[...new Set(skipped)].join(", ")}, vì chúng cần giá trị của ô này.` : "";
      return `${self(f, m)} có công thức ${m.formula(f.detail.formula)}: công thức chưa có kết quả lưu; mở và lưu lại tệp trong Excel rồi kiểm tra lại.${also}`;
    },
    date_not_number: (f, m) =>
      `${self(f, m)}: ô đang chứa ngày ${f.detail.date} (Excel đã tự đổi số liệu gõ vào thành ngày tháng), không phải số; chỉ tiêu này cần một số (đơn vị tính: ${m.indicator(f.indicator)?.unit || "số"}). Hãy định dạng ô là Number rồi nhập lại số liệu.`,
    text_not_number: (f, m) =>
      `${self(f, m)} = ${m.value(f.actual)} là chữ, không phải số; chỉ tiêu này cần một số (đơn vị tính: ${m.indicator(f.indicator)?.unit || "số"}).`,
    number_stored_as_text: (f, m) =>
      f.detail?.words
        ? `${self(f, m)} = ${m.value(f.actual)} ghi kèm chữ “${f.detail.words}” sau số, nên Excel coi là chữ, không cộng hay tính tỷ lệ được; ô chỉ cần số ${m.num(f.expected)} (đơn vị tính đã ghi ở cột Đơn vị tính).`
        : `${self(f, m)} = ${m.value(f.actual)} là số nhưng được lưu dạng chữ, nên Excel không cộng hay tính tỷ lệ được với ô này; nên nhập số ${m.num(f.expected)}.`,
    ambiguous_number: (f, m) =>
      `${self(f, m)} = ${m.value(f.actual)} có thể hiểu là ${candidates(f.detail.candidates, m)}; hãy nhập lại số cho rõ.`,
    ambiguous_number_resolved: (f, m) =>
      `${self(f, m)} = ${m.value(f.actual)} có thể hiểu là ${candidates(f.detail.candidates, m)}; với chỉ tiêu này chỉ ${m.num(f.expected)} hợp lệ, nên nhập đúng số đó.`,
    count_negative: (f, m) => `${self(f, m)} = ${m.num(f.actual)} là số âm; số lượng phải từ 0 trở lên.`,
    count_not_whole: (f, m) => {
      const slip = f.detail.thousands;
      const meant =
        slip === null
          ? ""
          : ` Nếu ý là ${m.num(slip)}, dấu chấm hàng nghìn đã bị hiểu là dấu thập phân: hãy nhập lại số ${slip} không có dấu chấm.`;
      return `${self(f, m)} = ${m.num(f.actual)} không phải số nguyên; số lượng (${m.indicator(f.indicator)?.unit || "đơn vị"}) phải là số nguyên.${meant} Các kiểm tra dùng ô này được bỏ qua cho đến khi sửa.`;
    },
    percent_in_count: (f, m) =>
      `${self(f, m)} = ${m.value(f.actual)} là tỷ lệ phần trăm, trong khi chỉ tiêu này là số lượng (${m.indicator(f.indicator)?.unit || "đơn vị"}); hãy nhập số lượng, không nhập %. Ô này không được cộng vào tổng hợp.`,
    percent_out_of_range: (f, m) => `${self(f, m)} = ${m.num(f.actual)} nằm ngoài khoảng 0–100 của một tỷ lệ phần trăm.`,
    percent_above_plan: (f, m) =>
      `${self(f, m)} = ${m.num(f.actual)} vượt 100%: tỷ lệ so với kế hoạch năm chỉ vượt 100% khi đã thực hiện vượt kế hoạch; nếu đúng như vậy thì giữ nguyên, nếu không hãy kiểm tra lại số liệu.`,
    percent_as_fraction: (f, m) =>
      `${self(f, m)} = ${m.value(f.actual)} trông như một phân số, trong khi phụ lục ghi tỷ lệ bằng điểm phần trăm (100 là 100%), nên có lẽ là ${m.num(f.expected)}. Nếu tỷ lệ thật sự dưới 1%, hãy giữ nguyên.`,
    code_not_allowed: (f, m) =>
      `${self(f, m)} = ${m.value(f.actual)} không phải mã hợp lệ; ô này chỉ nhận ${m.codes(f.indicator)}.`,
    boolean_as_code: (f, m) =>
      `${self(f, m)} = ${m.value(f.actual)} (ô đánh dấu hoặc giá trị đúng/sai); câu hỏi có/không này cần mã số ${m.code(f.indicator, f.expected)}.`,
    code_as_word: (f, m) =>
      `${self(f, m)} = ${m.value(f.actual)} được ghi bằng chữ; ô này cần mã số ${m.code(f.indicator, f.expected)}.`,
    count_as_yes: (f, m) =>
      `${self(f, m)} = ${m.num(f.actual)} được ghi như số lượng theo đơn vị tính “${f.detail.unit}” in trên mẫu, nhưng chỉ tiêu này hỏi có hay không, chỉ nhận ${m.codes(f.indicator)}, nên đã hiểu là ${m.code(f.indicator, 1)}. Hãy nhập mã ${m.code(f.indicator, 1)}; nếu cần, ghi số lượng vào ghi chú.`,
    flag_blank: (f, m) =>
      f.actual === null
        ? `${self(f, m)} chưa được trả lời; hãy chọn ${m.codes(f.indicator)}.`
        : `${self(f, m)} = ${m.value(f.actual)} không phải câu trả lời; hãy chọn ${m.codes(f.indicator)}.`,
    flag_blank_with_note: (f, m) =>
      `${self(f, m)} để trống trong khi ghi chú (${m.cell(f.detail.noteCell)}) đã ghi ${m.value(clip(f.detail.note, 60))}; hãy chọn ${m.codes(f.indicator)} cho khớp với ghi chú.`,
    value_in_group_row: (f, m) =>
      `${self(f, m)} là dòng nhóm, không nhập số liệu; giá trị ${m.value(f.actual)} nên chuyển vào chỉ tiêu chi tiết bên dưới.`,
    unit_mismatch: (f, m) =>
      `Đơn vị tính (${m.cell(f.cell)}) của ${m.name(f.indicator, f.detail.valueCell)} ghi ${m.value(f.actual)}, trong khi mẫu quy định ${m.value(f.expected)}; số liệu có thể đang được nhập theo đơn vị khác.`,
    part_exceeds_whole: (f, m) => {
      const parts = namedValues(f.detail.parts, m, true);
      const wholes = namedValues(f.detail.wholes, m, true);
      // "A = 10 và B = 41 cộng lại là 51": labels often begin with "Tổng số", so no "Tổng" is put before them.
      const blankWholes = f.detail.wholes.length - wholes.length;
      const whole =
        f.detail.wholes.length === 1
          ? wholes[0]
          : blankWholes === 0
            ? `${andList(wholes)} cộng lại là ${m.num(f.limit?.value)}`
            : `tổng các ô ${andList(f.detail.wholes.map((w) => (w.cell ? m.cell(w.cell) : w.indicator)))} là ${m.num(f.limit?.value)} (${andList(wholes)}; ${blankWholes === 1 ? "ô" : "các ô"} còn lại để trống)`;
      const lead = parts.length === 1 ? parts[0] : `${andList(parts)} cộng lại là ${m.num(f.actual)},`;
      return `${lead} lớn hơn ${whole}.${caveat(f, f.detail.caveat)}`;
    },
    sum_mismatch: (f, m) => {
      const blanks = f.detail.parts.some((p) => p.value === null) ? " (các chỉ tiêu thành phần để trống được tính là 0)" : "";
      const parts = namedValues(f.detail.parts, m, true);
      const sum = parts.length > 1 ? ` = ${m.num(f.expected)}` : "";
      return `${self(f, m)} = ${m.num(f.actual)} không khớp với tổng các chỉ tiêu thành phần: ${parts.join(" + ")}${sum}${blanks}. Có thể số tổng sai, cũng có thể một chỉ tiêu thành phần sai; hãy đối chiếu và sửa ô sai (ô tổng không bị ghi đè).${caveat(f, f.detail.caveat)}`;
    },
    rate_mismatch: (f, m) =>
      `${self(f, m)} = ${m.num(f.actual)}${typedRate(f.detail.typed, m)} không khớp với ${inputs(f.detail.inputs, m)} = ${m.num(f.expected)}.${caveat(f, null)}`,
    rate_rounded: (f, m) => {
      const how = f.detail.truncated
        ? "được cắt bớt chữ số thay vì làm tròn"
        : `chỉ khớp khi làm tròn đến ${f.detail.decimals === 0 ? "hàng đơn vị" : `${f.detail.decimals} chữ số thập phân`}`;
      return `${self(f, m)} = ${m.num(f.actual)}${typedRate(f.detail.typed, m)} ${how}: ${inputs(f.detail.inputs, m)} = ${m.num(f.expected)}. Phụ lục ghi tỷ lệ với 2 chữ số thập phân, nên ghi ${m.num(f.expected)}.`;
    },
    flag_contradicts_counts: (f, m) =>
      `${self(f, m)} = ${m.code(f.indicator, f.actual)} nhưng ${andList(namedValues(f.detail.counts, m))} lớn hơn 0.${caveat(f, null)}`,
    note_missing: (f, m) => {
      const hint = f.detail.noteHint;
      const asks = hint ? ` (mẫu yêu cầu: “${hint}”)` : "";
      const state = f.actual === null ? "ghi chú đang trống" : "ghi chú chỉ nhắc lại hướng dẫn của mẫu";
      const src = f.detail.source;
      if (src) {
        return `${m.name(src, f.detail.valueCell)} = ${m.num(f.detail.answer)} nên ${m.indicator(f.indicator)?.kind === "group" ? "dòng nhóm" : "dòng"} “${m.name(f.indicator)}” cần ghi chú ở ô ${m.cell(f.cell)}${asks}, nhưng ${state}.`;
      }
      return `${m.name(f.indicator, f.detail.valueCell)} = ${m.code(f.indicator, f.detail.answer)} thì cần ghi chú ở ô ${m.cell(f.cell)}${asks}, nhưng ${state}.`;
    },
    implication_broken: (f, m) => {
      const then = f.detail.then.map((x) => `${m.name(x.indicator, x.cell)} ${x.value === null ? "để trống" : `= ${m.num(x.value)}`}`);
      const blank = f.detail.then.some((x) => x.value === null);
      const one = then.length === 1;
      const lead = one ? `${then[0]}${blank ? " (tính là 0)" : ""}` : `${andList(then)}, cộng lại bằng 0${blank ? " (ô để trống tính là 0)" : ""}`;
      const those = one ? "chỉ tiêu đó" : "các chỉ tiêu đó cộng lại";
      const why =
        m.indicator(f.indicator)?.kind !== "count"
          ? `đã trả lời ${m.code(f.indicator, f.actual)} thì ${those} phải lớn hơn 0`
          : `chỉ tiêu này lớn hơn 0 thì ${those} cũng phải lớn hơn 0`;
      return `${self(f, m)} = ${m.code(f.indicator, f.actual)} nhưng ${lead}; ${why}.${caveat(f, null)}`;
    },
    count_rate_disagree: (f, m) => {
      const c = f.detail.count;
      const count = `${m.name(c.indicator, c.cell)} = ${m.num(c.value)}`;
      if (f.actual === null) {
        return `${self(f, m)} đang để trống trong khi ${count}; đã có số lượng thì cần ghi cả tỷ lệ.`;
      }
      const state =
        c.value === 0
          ? "số lượng bằng 0 thì tỷ lệ phải bằng 0 hoặc để trống"
          : f.severity === "error"
            ? "số lượng lớn hơn 0 thì tỷ lệ không thể bằng 0"
            : "số lượng lớn hơn 0 mà tỷ lệ bằng 0 là bất thường";
      return `${self(f, m)} = ${m.num(f.actual)} không khớp với ${count}: tỷ lệ được tính từ chính số lượng này, nên ${state}.${caveat(f, null)}`;
    },
    computed_value_missing: (f, m) =>
      `${self(f, m)} đang để trống; tính được ${m.num(f.expected)} từ ${inputs(f.detail.inputs, m)}.`,
    computed_value_conflict: (f, m) =>
      f.fix
        ? `${self(f, m)} = ${m.value(f.actual)} khác giá trị tính từ các ô khác: ${m.num(f.expected)} (${m.formula(f.detail.formula)}); ô này không bị ghi đè khi chưa được bạn đồng ý.`
        : `${self(f, m)} = ${m.value(f.actual)} khác giá trị tính từ các ô khác: ${m.num(f.expected)} (${m.formula(f.detail.formula)}); hãy xem ô này hay các ô được tính đang sai (ô không bị ghi đè).`,
    computed_value_blocked: (f, m) => {
      const toFix = f.detail.toFix.map((x) => (x.value === null ? m.name(x.indicator, x.cell) : `${m.name(x.indicator, x.cell)} = ${m.num(x.value)}`)).join(", ");
      return f.detail.reason === "inputs_in_error"
        ? `Chưa điền ${self(f, m)}: số liệu dùng để tính đang có lỗi (${toFix}); hãy sửa các ô đó trước.`
        : `Chưa điền ${self(f, m)}: tính từ ${toFix} được ${m.num(f.detail.value)}, giá trị không hợp lệ cho chỉ tiêu này; hãy kiểm tra lại các ô đó.`;
    },
    rate_denominator_blank: (f, m) =>
      `Chưa tính được ${self(f, m)}: mẫu số ${m.name(f.detail.denominator.indicator, f.detail.denominator.cell)} đang để trống.`,
    rate_denominator_zero: (f, m) =>
      `Chưa tính được ${self(f, m)}: mẫu số ${m.name(f.detail.denominator.indicator, f.detail.denominator.cell)} bằng 0.`,
    period_not_cumulative: (f, m) => {
      const d = f.detail;
      const days = d.from && d.to ? ` (từ ${dayText(d.from)} đến ${dayText(d.to)})` : "";
      const rows = d.rows.slice(0, 3).map((r) => m.name(r.indicator, r.cell));
      const more = d.rows.length > 3 ? ` và ${d.rows.length - 3} dòng khác` : "";
      const since = d.since ? `từ ${dayText(d.since)}` : "từ đầu năm";
      const relaxed = d.relaxed.length ? ` Các kiểm tra giữa số liệu lũy kế và số liệu trong kỳ (${d.relaxed.length}) vì vậy chỉ là cảnh báo.` : "";
      return `Báo cáo ${periodLabel(d.period, "vi")}${days} không lũy kế, còn ${rows.join(", ")}${more} là số liệu lũy kế ${since}; hãy ghi các dòng này lũy kế, các dòng khác chỉ trong kỳ.${relaxed}`;
    },
    period_dates_mismatch: (f, m) => {
      const d = f.detail;
      const label = periodLabel(d.period, "vi");
      const how = isCumulativePeriod(d.period.kind) ? "lũy kế từ 15/12 năm trước" : "không lũy kế";
      return `Tiêu đề (${m.cell(f.cell)}) ghi ${label} từ ngày ${dayText(d.written.from)} đến ngày ${dayText(d.written.to)}, nhưng kỳ ${label} là từ ngày ${dayText(d.expected.from)} đến ngày ${dayText(d.expected.to)} (${how}); hãy kiểm tra lại kỳ báo cáo và số liệu đã ghi theo kỳ nào.`;
    },
    value_column_ambiguous: (f, m) => {
      const cols = f.detail.columns.map((c) => `${m.column(c.col)}${c.heading ? ` (“${c.heading}”)` : ""}`).join(", ");
      const checked = f.detail.columns.find((c) => c.checked);
      return `Bảng có nhiều cột số liệu: ${cols}; không rõ cột nào là kỳ báo cáo nên đang kiểm tra cột ${checked ? m.column(checked.col) : ""} (tiêu đề ở ô ${m.cell(f.cell)}). Hãy chọn cột của kỳ báo cáo (dòng lệnh: --column).`;
    },
  },
  fix: (f, m) => {
    if (!f.fix) return "";
    if (f.fix.formula) return `Điền công thức ${m.formula(f.fix.formula)} (= ${m.num(f.fix.value)})`;
    if (f.code === "code_as_word" || f.code === "boolean_as_code") return `Đổi thành mã ${m.num(f.fix.value)}`;
    return `Đổi thành số ${m.num(f.fix.value)}`;
  },
};
