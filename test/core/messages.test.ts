import { cellA1 } from "../../src/core/address";
import { at } from "../fixtures/a1";
import type { Finding, FindingCode, FindingOf } from "../../src/core/finding";
import type { CellValue, RawCell } from "../../src/core/grid";
import { fixLabel, formatFinding, formatNumber, shortLabel } from "../../src/core/messages";
import { en } from "../../src/core/messages/en";
import type { FindingMessages } from "../../src/core/messages/format";
import { formulaText } from "../../src/core/messages/format";
import { vi } from "../../src/core/messages/vi";
import { findingCodes } from "../../src/core/rules/codes";
import { checkWorkbook } from "../../src/core/checkWorkbook";
import { checked, sheet, testTemplate, twoColumnSheet } from "./rulesFixture";

/**
 * The test template with two readings of the form: I.1 is a rate against a plan (may pass 100), and I.3's sheet may
 * print a count unit ("Tin, bài", as I.3.4 of the sở/ngành form does).
 */
const readingTemplate = {
  ...testTemplate,
  indicators: testTemplate.indicators.map((i) =>
    i.id === "I.1" ? { ...i, mayExceed100: true } : i.id === "I.3" ? { ...i, acceptedUnits: ["Tin, bài"] } : i,
  ),
};

/** A realistic sheet (flags answered) plus the values that provoke one code, and the first finding with it. */
function example(
  code: FindingCode,
  values: Record<string, CellValue | RawCell>,
  notes: Record<string, string>,
  units: Record<string, string> = {},
): Finding {
  if (code === "value_column_ambiguous") {
    // The locator's finding: two "Số liệu" columns and nothing saying which period each holds.
    const grid = twoColumnSheet(["Số liệu", "Số liệu"], { "I.1.1": 47, "I.1.2": 41 }, { "I.1.1": 40, "I.1.2": 30 });
    const state = checkWorkbook([{ name: "Phụ lục", grid }], [testTemplate]);
    const found = state.found ? state.findings.find((x) => x.code === code) : undefined;
    if (!found) throw new Error("the example for value_column_ambiguous does not produce it");
    return found;
  }
  if (code === "period_not_cumulative" || code === "period_dates_mismatch") {
    // The period's findings need a title: a quarter's report, its rate row marked cumulative.
    const template = { ...testTemplate, indicators: testTemplate.indicators.map((i) => (i.id === "I.1" ? { ...i, cumulative: true } : i)) };
    const s = sheet({ "I.3": 1, "I.4": 1, "I.5": 1, ...values }, notes, template);
    const title = "BÁO CÁO QUÝ III NĂM 2024 (từ ngày 15/12/2023 đến ngày 14/9/2024)";
    const grid = { ...s.grid, values: s.grid.values.map((r, i) => (i === 0 ? [title, ...r.slice(1)] : r)) };
    const state = checkWorkbook([{ name: "Phụ lục", grid }], [template]);
    const found = state.found ? state.findings.find((x) => x.code === code) : undefined;
    if (!found) throw new Error(`the example for ${code} does not produce it`);
    return found;
  }
  const template = code === "percent_above_plan" || code === "count_as_yes" ? readingTemplate : testTemplate;
  const f = checked({ "I.3": 1, "I.4": 1, "I.5": 1, ...values }, notes, template, units).findings.find((x) => x.code === code);
  if (!f) throw new Error(`the example for ${code} does not produce it`);
  return f;
}

const examples: [FindingCode, Record<string, CellValue | RawCell>, Record<string, string>, string, string, Record<string, string>?][] = [
    [
      "unit_mismatch",
      {"I.1.1": 47},
      {},
      "Đơn vị tính (C12) của Số nhiệm vụ đề ra trong kế hoạch (D12) ghi “%”, trong khi mẫu quy định “Nhiệm vụ”; số liệu có thể đang được nhập theo đơn vị khác.",
      "The unit (C12) of Số nhiệm vụ đề ra trong kế hoạch (D12) reads “%”, while the template sets “Nhiệm vụ”; the figure may be in another unit.",
      {"I.1.1": "%"},
    ],
    [
      "excel_error",
      {"I.1.1": "#DIV/0!"},
      {},
      "Số nhiệm vụ đề ra trong kế hoạch (D12) đang báo lỗi Excel #DIV/0!; hãy sửa công thức hoặc nhập lại số liệu.",
      "Số nhiệm vụ đề ra trong kế hoạch (D12) shows the Excel error #DIV/0!; fix the formula or type the figure again.",
    ],
    [
      "formula_no_result",
      {"I.1.1": { value: null, formula: "=D30+D31" }, "I.1.2": 41},
      {},
      "Số nhiệm vụ đề ra trong kế hoạch (D12) có công thức =D30+D31: công thức chưa có kết quả lưu; mở và lưu lại tệp trong Excel rồi kiểm tra lại. Đã bỏ qua các kiểm tra với Số nhiệm vụ đã hoàn thành (D13), Tỷ lệ hoàn thành Kế hoạch CCHC năm (D11), vì chúng cần giá trị của ô này.",
      "Số nhiệm vụ đề ra trong kế hoạch (D12) holds the formula =D30+D31: the formula has no saved result; open the file in Excel, save it and check again. The checks with Số nhiệm vụ đã hoàn thành (D13), Tỷ lệ hoàn thành Kế hoạch CCHC năm (D11) were skipped, as they need this cell's value.",
    ],
    [
      "date_not_number",
      {"I.1.1": { value: 45638, numberFormat: "dd/mm" }},
      {},
      "Số nhiệm vụ đề ra trong kế hoạch (D12): ô đang chứa ngày 12/12 (Excel đã tự đổi số liệu gõ vào thành ngày tháng), không phải số; chỉ tiêu này cần một số (đơn vị tính: Nhiệm vụ). Hãy định dạng ô là Number rồi nhập lại số liệu.",
      "Số nhiệm vụ đề ra trong kế hoạch (D12): the cell holds the date 12/12 (Excel turned the figure typed into a date), not a number; this indicator needs a number (unit: Nhiệm vụ). Format the cell as Number and type the figure again.",
    ],
    [
      "percent_in_count",
      {"I.1.1": "100%"},
      {},
      "Số nhiệm vụ đề ra trong kế hoạch (D12) = “100%” là tỷ lệ phần trăm, trong khi chỉ tiêu này là số lượng (Nhiệm vụ); hãy nhập số lượng, không nhập %. Ô này không được cộng vào tổng hợp.",
      "Số nhiệm vụ đề ra trong kế hoạch (D12) = “100%” is a percentage, while this indicator is a count (Nhiệm vụ); enter the count, not a %. The cell is left out of consolidation.",
    ],
    [
      "boolean_as_code",
      {"I.3": true},
      {},
      "Kiểm soát TTHC (D17) = “TRUE” (ô đánh dấu hoặc giá trị đúng/sai); câu hỏi có/không này cần mã số 1 (Có).",
      "Kiểm soát TTHC (D17) = “TRUE” (a checkbox or a true/false value); this yes/no question needs the code 1 (Có).",
    ],
    [
      "rate_rounded",
      {"I.1.1": 47,"I.1.2": 41,"I.1": 87},
      {},
      "Tỷ lệ hoàn thành Kế hoạch CCHC năm (D11) = 87 chỉ khớp khi làm tròn đến hàng đơn vị: Số nhiệm vụ đã hoàn thành (D13) = 41 chia cho Số nhiệm vụ đề ra trong kế hoạch (D12) = 47, nhân 100 = 87,23. Phụ lục ghi tỷ lệ với 2 chữ số thập phân, nên ghi 87,23.",
      "Tỷ lệ hoàn thành Kế hoạch CCHC năm (D11) = 87 agrees only when rounded to a whole number: Số nhiệm vụ đã hoàn thành (D13) = 41 divided by Số nhiệm vụ đề ra trong kế hoạch (D12) = 47, times 100 = 87.23. The appendix writes rates with 2 decimals, so write 87.23.",
    ],
    [
      "text_not_number",
      {"I.1.1": "nhiều"},
      {},
      "Số nhiệm vụ đề ra trong kế hoạch (D12) = “nhiều” là chữ, không phải số; chỉ tiêu này cần một số (đơn vị tính: Nhiệm vụ).",
      "Số nhiệm vụ đề ra trong kế hoạch (D12) = “nhiều” is text, not a number; this indicator needs a number (unit: Nhiệm vụ).",
    ],
    [
      "number_stored_as_text",
      {"I.2.1": "02"},
      {},
      "Số vấn đề phát hiện qua kiểm tra (D15) = “02” là số nhưng được lưu dạng chữ, nên Excel không cộng hay tính tỷ lệ được với ô này; nên nhập số 2.",
      "Số vấn đề phát hiện qua kiểm tra (D15) = “02” is a number stored as text, so Excel cannot add it up or use it in a rate; enter the number 2.",
    ],
    [
      "ambiguous_number",
      {"I.1.1": "1,000"},
      {},
      "Số nhiệm vụ đề ra trong kế hoạch (D12) = “1,000” có thể hiểu là 1 hoặc 1.000; hãy nhập lại số cho rõ.",
      "Số nhiệm vụ đề ra trong kế hoạch (D12) = “1,000” could mean 1 or 1,000; type the number again unambiguously.",
    ],
    [
      "ambiguous_number_resolved",
      {"I.1.1": "3,036"},
      {},
      "Số nhiệm vụ đề ra trong kế hoạch (D12) = “3,036” có thể hiểu là 3,036 hoặc 3.036; với chỉ tiêu này chỉ 3.036 hợp lệ, nên nhập đúng số đó.",
      "Số nhiệm vụ đề ra trong kế hoạch (D12) = “3,036” could mean 3.036 or 3,036; only 3,036 is valid for this indicator, so enter that number.",
    ],
    [
      "count_negative",
      {"I.1.1": -3},
      {},
      "Số nhiệm vụ đề ra trong kế hoạch (D12) = -3 là số âm; số lượng phải từ 0 trở lên.",
      "Số nhiệm vụ đề ra trong kế hoạch (D12) = -3 is negative; a count must be 0 or more.",
    ],
    [
      "count_not_whole",
      {"I.1.1": 1.248},
      {},
      "Số nhiệm vụ đề ra trong kế hoạch (D12) = 1,248 không phải số nguyên; số lượng (Nhiệm vụ) phải là số nguyên. Nếu ý là 1.248, dấu chấm hàng nghìn đã bị hiểu là dấu thập phân: hãy nhập lại số 1248 không có dấu chấm. Các kiểm tra dùng ô này được bỏ qua cho đến khi sửa.",
      "Số nhiệm vụ đề ra trong kế hoạch (D12) = 1.248 is not a whole number; a count (Nhiệm vụ) must be whole. If 1,248 was meant, its thousands dot was read as a decimal point: type 1248 without the dot. The checks using this cell are skipped until it is fixed.",
    ],
    [
      "percent_out_of_range",
      {"I.1": 120},
      {},
      "Tỷ lệ hoàn thành Kế hoạch CCHC năm (D11) = 120 nằm ngoài khoảng 0–100 của một tỷ lệ phần trăm.",
      "Tỷ lệ hoàn thành Kế hoạch CCHC năm (D11) = 120 is outside the 0–100 range of a percentage.",
    ],
    [
      "percent_above_plan",
      {"I.1": 120},
      {},
      "Tỷ lệ hoàn thành Kế hoạch CCHC năm (D11) = 120 vượt 100%: tỷ lệ so với kế hoạch năm chỉ vượt 100% khi đã thực hiện vượt kế hoạch; nếu đúng như vậy thì giữ nguyên, nếu không hãy kiểm tra lại số liệu.",
      "Tỷ lệ hoàn thành Kế hoạch CCHC năm (D11) = 120 is above 100%: a rate against the year's plan passes 100% only when more was done than planned; if so, leave it, otherwise check the figures.",
    ],
    [
      "count_as_yes",
      {"I.3": 5},
      {},
      "Kiểm soát TTHC (D17) = 5 được ghi như số lượng theo đơn vị tính “Tin, bài” in trên mẫu, nhưng chỉ tiêu này hỏi có hay không, chỉ nhận 0 (Không) hoặc 1 (Có), nên đã hiểu là 1 (Có). Hãy nhập mã 1 (Có); nếu cần, ghi số lượng vào ghi chú.",
      "Kiểm soát TTHC (D17) = 5 is written as a count in the unit “Tin, bài” the form prints, but this row asks yes or no and takes only 0 (Không) or 1 (Có), so it is read as 1 (Có). Enter the code 1 (Có); put the count in the note if needed.",
      {"I.3": "Tin, bài"},
    ],
    [
      "percent_as_fraction",
      {"I.1": 0.8723},
      {},
      "Tỷ lệ hoàn thành Kế hoạch CCHC năm (D11) = 0,8723 trông như một phân số, trong khi phụ lục ghi tỷ lệ bằng điểm phần trăm (100 là 100%), nên có lẽ là 87,23. Nếu tỷ lệ thật sự dưới 1%, hãy giữ nguyên.",
      "Tỷ lệ hoàn thành Kế hoạch CCHC năm (D11) = 0.8723 looks like a fraction, while the appendix writes rates in percent points (100 means 100%), so it is probably 87.23. If the rate really is below 1%, leave it.",
    ],
    [
      "code_not_allowed",
      {"I.3": 2},
      {},
      "Kiểm soát TTHC (D17) = 2 không phải mã hợp lệ; ô này chỉ nhận 0 (Không) hoặc 1 (Có).",
      "Kiểm soát TTHC (D17) = 2 is not a valid code; this cell accepts only 0 (Không) or 1 (Có).",
    ],
    [
      "code_as_word",
      {"I.3": "Có"},
      {},
      "Kiểm soát TTHC (D17) = “Có” được ghi bằng chữ; ô này cần mã số 1 (Có).",
      "Kiểm soát TTHC (D17) = “Có” is written as a word; this cell needs the code 1 (Có).",
    ],
    [
      "flag_blank",
      {"I.3": null},
      {},
      "Kiểm soát TTHC (D17) chưa được trả lời; hãy chọn 0 (Không) hoặc 1 (Có).",
      "Kiểm soát TTHC (D17) is not answered; choose 0 (Không) or 1 (Có).",
    ],
    [
      "flag_blank_with_note",
      {"I.3": null},
      {"I.3":"Kế hoạch số 03/KH.CCHC-STTTT ngày 30/01/2023 thực hiện rà soát, đánh giá TTHC năm 2023"},
      "Kiểm soát TTHC (D17) để trống trong khi ghi chú (E17) đã ghi “Kế hoạch số 03/KH.CCHC-STTTT ngày 30/01/2023 thực hiện rà…”; hãy chọn 0 (Không) hoặc 1 (Có) cho khớp với ghi chú.",
      "Kiểm soát TTHC (D17) is blank while its note (E17) reads “Kế hoạch số 03/KH.CCHC-STTTT ngày 30/01/2023 thực hiện rà…”; choose 0 (Không) or 1 (Có) to match the note.",
    ],
    [
      "value_in_group_row",
      {"I.2": 5},
      {},
      "Kiểm tra CCHC (D14) là dòng nhóm, không nhập số liệu; giá trị 5 nên chuyển vào chỉ tiêu chi tiết bên dưới.",
      "Kiểm tra CCHC (D14) is a group row and takes no figure; move the value 5 to the detail row below.",
    ],
    [
      "part_exceeds_whole",
      {"I.2.1": 3,"I.2.2": 5},
      {},
      "Số vấn đề phát hiện đã xử lý xong (D16) = 5 lớn hơn Số vấn đề phát hiện qua kiểm tra (D15) = 3. Số liệu này chưa chắc đã sai, vì kết quả trong kỳ có thể gồm cả hồ sơ, nhiệm vụ, vấn đề phát sinh từ kỳ trước; hãy kiểm tra lại.",
      "Số vấn đề phát hiện đã xử lý xong (D16) = 5 is greater than Số vấn đề phát hiện qua kiểm tra (D15) = 3. This can still be right because results in the period may include files, tasks or issues from before it; please check.",
    ],
    [
      "sum_mismatch",
      {"I.6.1": 50,"I.6.2": 41},
      {},
      "Tổng số TTHC đang có hiệu lực (D22) = 50 không khớp với tổng các chỉ tiêu thành phần: Số TTHC áp dụng tại cơ quan, đơn vị (D23) = 41 (các chỉ tiêu thành phần để trống được tính là 0). Có thể số tổng sai, cũng có thể một chỉ tiêu thành phần sai; hãy đối chiếu và sửa ô sai (ô tổng không bị ghi đè).",
      "Tổng số TTHC đang có hiệu lực (D22) = 50 and the sum of its parts disagree: Số TTHC áp dụng tại cơ quan, đơn vị (D23) = 41 (blank parts counted as 0). Either the total or a part is wrong; compare them and correct the wrong cell (the total is not overwritten).",
    ],
    [
      "rate_mismatch",
      {"I.1.1": 47,"I.1.2": 41,"I.1": 80},
      {},
      "Tỷ lệ hoàn thành Kế hoạch CCHC năm (D11) = 80 không khớp với Số nhiệm vụ đã hoàn thành (D13) = 41 chia cho Số nhiệm vụ đề ra trong kế hoạch (D12) = 47, nhân 100 = 87,23.",
      "Tỷ lệ hoàn thành Kế hoạch CCHC năm (D11) = 80 does not match Số nhiệm vụ đã hoàn thành (D13) = 41 divided by Số nhiệm vụ đề ra trong kế hoạch (D12) = 47, times 100 = 87.23.",
    ],
    [
      "flag_contradicts_counts",
      {"I.3": 0,"I.3.1": 3},
      {},
      "Kiểm soát TTHC (D17) = 0 (Không) nhưng Số lượng TTHC thực hiện rà soát (D18) = 3 lớn hơn 0.",
      "Kiểm soát TTHC (D17) = 0 (Không) but Số lượng TTHC thực hiện rà soát (D18) = 3 is above 0.",
    ],
    [
      "note_missing",
      {"I.4": 0},
      {},
      "Việc chấp hành kỷ luật, kỷ cương hành chính (D19) = 0 (Có vi phạm) thì cần ghi chú ở ô E19 (mẫu yêu cầu: “Ghi rõ nội dung vi phạm”), nhưng ghi chú đang trống.",
      "Việc chấp hành kỷ luật, kỷ cương hành chính (D19) = 0 (Có vi phạm) needs a note in E19 (the template asks: “Ghi rõ nội dung vi phạm”), but the note is blank.",
    ],
    [
      "implication_broken",
      {"I.3": 1,"I.3.1": 0},
      {},
      "Kiểm soát TTHC (D17) = 1 (Có) nhưng Số lượng TTHC thực hiện rà soát (D18) = 0; đã trả lời 1 (Có) thì chỉ tiêu đó phải lớn hơn 0. Số liệu này chưa chắc đã sai, vì số liệu có thể được thống kê theo cách khác; hãy kiểm tra lại.",
      "Kiểm soát TTHC (D17) = 1 (Có) but Số lượng TTHC thực hiện rà soát (D18) = 0; with the answer 1 (Có), that row must be above 0. This can still be right because the figures may be counted differently; please check.",
    ],
    [
      "count_rate_disagree",
      {"I.1.1": 47,"I.1.2": 0,"I.1": 50},
      {},
      "Tỷ lệ hoàn thành Kế hoạch CCHC năm (D11) = 50 không khớp với Số nhiệm vụ đã hoàn thành (D13) = 0: tỷ lệ được tính từ chính số lượng này, nên số lượng bằng 0 thì tỷ lệ phải bằng 0 hoặc để trống.",
      "Tỷ lệ hoàn thành Kế hoạch CCHC năm (D11) = 50 disagrees with Số nhiệm vụ đã hoàn thành (D13) = 0: the rate is computed from this very count, so a count of 0 means a rate of 0 or blank.",
    ],
    [
      "computed_value_missing",
      {"I.6.2": 3036,"I.6.3": 2},
      {},
      "Tổng số TTHC đang có hiệu lực (D22) đang để trống; tính được 3.038 từ tổng của Số TTHC áp dụng tại cơ quan, đơn vị (D23) = 3.036 + Số TTHC áp dụng tại các đơn vị trực thuộc (D24) = 2.",
      "Tổng số TTHC đang có hiệu lực (D22) is blank; it can be computed as 3,038 from the sum of Số TTHC áp dụng tại cơ quan, đơn vị (D23) = 3,036 + Số TTHC áp dụng tại các đơn vị trực thuộc (D24) = 2.",
    ],
    [
      "computed_value_conflict",
      {"I.1.1": 47,"I.1.2": 41,"I.1": "-"},
      {},
      "Tỷ lệ hoàn thành Kế hoạch CCHC năm (D11) = “-” khác giá trị tính từ các ô khác: 87,23 (=ROUND(D13/D12*100;2)); ô này không bị ghi đè khi chưa được bạn đồng ý.",
      "Tỷ lệ hoàn thành Kế hoạch CCHC năm (D11) = “-” differs from the value computed from other cells: 87.23 (=ROUND(D13/D12*100,2)); the cell is not overwritten unless you confirm.",
    ],
    [
      "computed_value_blocked",
      {"I.1.1": 47,"I.1.2": 50},
      {},
      "Chưa điền Tỷ lệ hoàn thành Kế hoạch CCHC năm (D11): số liệu dùng để tính đang có lỗi (Số nhiệm vụ đã hoàn thành (D13) = 50, Số nhiệm vụ đề ra trong kế hoạch (D12) = 47); hãy sửa các ô đó trước.",
      "Tỷ lệ hoàn thành Kế hoạch CCHC năm (D11) is not filled in: the figures it is computed from have errors (Số nhiệm vụ đã hoàn thành (D13) = 50, Số nhiệm vụ đề ra trong kế hoạch (D12) = 47); fix those cells first.",
    ],
    [
      "rate_denominator_blank",
      {"I.1.2": 41},
      {},
      "Chưa tính được Tỷ lệ hoàn thành Kế hoạch CCHC năm (D11): mẫu số Số nhiệm vụ đề ra trong kế hoạch (D12) đang để trống.",
      "Tỷ lệ hoàn thành Kế hoạch CCHC năm (D11) cannot be computed: the denominator Số nhiệm vụ đề ra trong kế hoạch (D12) is blank.",
    ],
    [
      "rate_denominator_zero",
      {"I.1.1": 0,"I.1.2": 0},
      {},
      "Chưa tính được Tỷ lệ hoàn thành Kế hoạch CCHC năm (D11): mẫu số Số nhiệm vụ đề ra trong kế hoạch (D12) bằng 0.",
      "Tỷ lệ hoàn thành Kế hoạch CCHC năm (D11) cannot be computed: the denominator Số nhiệm vụ đề ra trong kế hoạch (D12) is 0.",
    ],
    [
      "period_not_cumulative",
      {"I.1.1": 47,"I.1.2": 41,"I.1": 87.23},
      {},
      "Báo cáo Quý III năm 2024 (từ 15/6/2024 đến 14/9/2024) không lũy kế, còn Tỷ lệ hoàn thành Kế hoạch CCHC năm (D11) là số liệu lũy kế từ 15/12/2023; hãy ghi các dòng này lũy kế, các dòng khác chỉ trong kỳ.",
      "The Q3 2024 report (15/6/2024 to 14/9/2024) is not cumulative, while Tỷ lệ hoàn thành Kế hoạch CCHC năm (D11) are cumulative from 15/12/2023; write these rows cumulatively and the others for the period only.",
    ],
    [
      "period_dates_mismatch",
      {},
      {},
      "Tiêu đề (A1) ghi Quý III năm 2024 từ ngày 15/12/2023 đến ngày 14/9/2024, nhưng kỳ Quý III năm 2024 là từ ngày 15/6/2024 đến ngày 14/9/2024 (không lũy kế); hãy kiểm tra lại kỳ báo cáo và số liệu đã ghi theo kỳ nào.",
      "The title (A1) writes Q3 2024 as 15/12/2023 to 14/9/2024, but Q3 2024 runs from 15/6/2024 to 14/9/2024 (not cumulative); check the report's period and which period the figures were written for.",
    ],
    [
      "value_column_ambiguous",
      {},
      {},
      "Bảng có nhiều cột số liệu: D (“Số liệu”), E (“Số liệu”); không rõ cột nào là kỳ báo cáo nên đang kiểm tra cột D (tiêu đề ở ô D10). Hãy chọn cột của kỳ báo cáo (dòng lệnh: --column).",
      "The table has several value columns: D (“Số liệu”), E (“Số liệu”); nothing says which is the report's period, so column D (heading in D10) is checked. Choose the report's column (command line: --column).",
    ],
];

/*
 * Parity is the compiler's job: `Finding` is a union keyed by code and each language's table is a
 * `FindingMessages`, a function for every code reading that code's detail. The lines below are type checks run by
 * `npm run typecheck`; each `@ts-expect-error` fails the typecheck if the mistake it shows were ever accepted.
 */
const { sum_mismatch: _dropped, ...withoutOne } = vi.findings;
// @ts-expect-error a table missing a code is not a FindingMessages
const _missing: FindingMessages = withoutOne;
// @ts-expect-error a sentence reads only its own code's detail (sum_mismatch has no numerator)
const _wrongDetail: FindingMessages = { ...vi.findings, sum_mismatch: (f: FindingOf<"sum_mismatch">) => `${f.detail.numerator}` };
const _noCode: Finding = {
  // @ts-expect-error a finding's code is one of the listed codes
  code: "from_the_future",
  severity: "info",
  indicator: "",
  cell: at("A1"),
  cells: [at("A1")],
  actual: null,
  expected: null,
  fix: null,
};
// @ts-expect-error a code with a detail cannot leave it out
const _noDetail: Finding = { code: "flag_blank", severity: "warning", indicator: "I.3", cell: at("D17"), cells: [at("D17")], actual: null, expected: null, fix: null };

describe("finding codes", () => {
  it("every code has a worked example below, and a sentence in each table", () => {
    expect(examples.map((e) => e[0]).sort()).toEqual([...findingCodes].sort());
    // The tables are typed; this holds at run time too (a table built by spreading cannot drop a key unnoticed).
    for (const code of findingCodes) {
      expect(typeof vi.findings[code]).toBe("function");
      expect(typeof en.findings[code]).toBe("function");
    }
  });
});

describe("messages by code", () => {
  // `units` comes as a rest element: a sixth named parameter would make jest wait for a `done` callback.
  it.each(examples)("%s", (code, values, notes, viText, enText, ...[units]) => {
    const f = example(code, values, notes, units);
    const v = formatFinding(f, "vi", testTemplate);
    const e = formatFinding(f, "en", testTemplate);
    expect(v).toBe(viText);
    expect(e).toBe(enText);
    for (const text of [v, e]) {
      expect(text.trim()).not.toBe("");
      expect(text).toBe(text.normalize("NFC"));
      expect(text).not.toMatch(/undefined|null|NaN|\[object/);
      // no placeholder left unfilled: template braces, printf or positional markers
      expect(text).not.toMatch(/\$\{|\{\w*\}|%[sd]|\{\d\}/);
      expect(text).toContain(cellA1(f.cell));
    }
    expect(v).not.toBe(e);
  });

  it.each(examples.map((e) => e[0]))("%s: the fix label, when there is a fix, names its value in each language", (code) => {
    const [, values, notes, , , units] = examples.find((e) => e[0] === code)!;
    const f = example(code, values, notes, units);
    const labels = [fixLabel(f, "vi", testTemplate), fixLabel(f, "en", testTemplate)];
    if (!f.fix) {
      expect(labels).toEqual(["", ""]);
      return;
    }
    expect(labels[0]).toContain(formatNumber(Number(f.fix.value), "vi"));
    expect(labels[1]).toContain(formatNumber(Number(f.fix.value), "en"));
    expect(labels[0]).not.toBe(labels[1]);
    for (const l of labels) expect(l).toBe(l.normalize("NFC"));
  });

  it("fix labels read as the user's action", () => {
    const f = example("number_stored_as_text", { "I.2.1": "02" }, {});
    expect(fixLabel(f, "vi", testTemplate)).toBe("Đổi thành số 2");
    expect(fixLabel(f, "en", testTemplate)).toBe("Change to the number 2");
    const r = example("computed_value_missing", { "I.1.1": 47, "I.1.2": 41 }, {});
    expect(fixLabel(r, "vi", testTemplate)).toBe("Điền công thức =ROUND(D13/D12*100;2) (= 87,23)");
  });

  it("a count typed with its unit names the words it carries", () => {
    const f = example("number_stored_as_text", { "I.2.1": "29 phiếu" }, {});
    expect(f.detail).toEqual({ words: "phiếu" });
    expect(formatFinding(f, "vi", testTemplate)).toContain("= “29 phiếu” ghi kèm chữ “phiếu” sau số");
    expect(formatFinding(f, "vi", testTemplate)).toContain("ô chỉ cần số 29");
    expect(formatFinding(f, "en", testTemplate)).toContain("has the word “phiếu” after the number");
    expect(fixLabel(f, "vi", testTemplate)).toBe("Đổi thành số 29");
  });

  it("names the example of the issue: completed 50 above planned 47", () => {
    const f = example("part_exceeds_whole", { "I.1.1": 47, "I.1.2": 50 }, {});
    expect(formatFinding(f, "vi", testTemplate)).toBe("Số nhiệm vụ đã hoàn thành (D13) = 50 lớn hơn Số nhiệm vụ đề ra trong kế hoạch (D12) = 47.");
  });

});

describe("number and label formatting", () => {
  it.each([
    [87.23, "87,23", "87.23"],
    [3036, "3.036", "3,036"],
    [1234567.5, "1.234.567,5", "1,234,567.5"],
    [100, "100", "100"],
    [0.8723, "0,8723", "0.8723"],
    [(41 / 47) * 100, "87,234", "87.234"],
    [-3, "-3", "-3"],
    [999, "999", "999"],
  ])("%d reads %s in vi and %s in en", (n, viText, enText) => {
    expect(formatNumber(n, "vi")).toBe(viText);
    expect(formatNumber(n, "en")).toBe(enText);
  });

  it.each([
    ["Tỷ lệ hoàn thành Kế hoạch CCHC năm (Lũy kế đến thời điểm báo cáo)", "Tỷ lệ hoàn thành Kế hoạch CCHC năm"],
    ["- Số TTHC áp dụng tại cơ quan, đơn vị:", "Số TTHC áp dụng tại cơ quan, đơn vị"],
    ["Số tổ chức hành chính trực thuộc sở ngành (nếu có)", "Số tổ chức hành chính trực thuộc sở ngành"],
    [
      "Việc chấp hành Chỉ thị 10/CT-UBND của Chủ tịch UBND tỉnh, Chỉ thị 10/CT-TTg và Chỉ thị 26/CT-TTg của Thủ tướng Chính phủ về kỷ luật, kỷ cương hành chính",
      "Việc chấp hành Chỉ thị 10/CT-UBND của Chủ tịch UBND tỉnh, Chỉ thị…",
    ],
  ])("shortens %s", (label, short) => {
    expect(shortLabel(label)).toBe(short);
    expect(shortLabel(label).length).toBeLessThanOrEqual(70);
  });
});

describe("formulas as a Vietnamese Excel shows them", () => {
  it.each([
    ["=ROUND(D14/D13*100,2)", "=ROUND(D14/D13*100;2)"],
    ["=SUM(D59,D60)", "=SUM(D59;D60)"],
    ["=ROUND(D14/D13,4)*0.5", "=ROUND(D14/D13;4)*0,5"],
    ['=IF(N(D13)=0,"a, b",ROUND(D14/D13*100,2))', '=IF(N(D13)=0;"a, b";ROUND(D14/D13*100;2))'],
    ["='Phụ lục, 2'!D11+'Phụ lục, 2'!D12", "='Phụ lục, 2'!D11+'Phụ lục, 2'!D12"],
  ])("%s -> %s (the workbook keeps the first)", (en, vi) => {
    expect(formulaText(en, "vi")).toBe(vi);
    expect(formulaText(en, "en")).toBe(en);
  });
});
