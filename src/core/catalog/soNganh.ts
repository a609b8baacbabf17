/**
 * The sở/ngành appendix "Thống kê số liệu báo cáo cải cách hành chính" as data: every printed row in order, and the
 * relations between rows. Ids: docs/TEMPLATE.md; every deviation from the printed text is listed there, and every
 * relation (with its reason) in docs/RULES.md.
 */
import {
  countRateZero,
  defineTemplateRows,
  flagCounts,
  groupNote,
  impliesPositive,
  noteRequired,
  noteWhenCounted,
  partOfWhole,
  rate,
  sumEquals,
  yesNeedsCounts,
  type RowSpec,
  type SectionSpec,
} from "./define";
import type { Relation, Template } from "./model";

/**
 * Rows due only in the year's report (docs/FINDINGS.md, "Periods"): in a quarter's or 6 months' report a blank there
 * is not asked for. Each says where that comes from.
 */
const YEAR_SURVEY: Pick<RowSpec, "periods" | "periodsSource"> = {
  periods: ["nam"],
  periodsSource:
    "Khảo sát sự hài lòng của người dân, tổ chức là khảo sát của cả năm: số phiếu, hình thức và tỷ lệ hài lòng có trong báo cáo năm; báo cáo quý, 6 tháng có thể để trống (góp ý khi rà soát báo cáo của các sở, ngành).",
};
const ISO_CYCLE: Pick<RowSpec, "periods" | "periodsSource"> = {
  periods: ["nam"],
  periodsSource:
    "TCVN ISO 9001:2015, mục 9.2 và 9.3: đánh giá nội bộ và xem xét của lãnh đạo được thực hiện theo chu kỳ đã hoạch định, thường mỗi năm một lần; kết quả có trong báo cáo năm.",
};

const outline: readonly SectionSpec[] = [
  {
    id: "I",
    label: "Công tác chỉ đạo điều hành CCHC",
    rows: [
      { stt: "1", label: "Tỷ lệ hoàn thành Kế hoạch CCHC năm (Lũy kế đến thời điểm báo cáo)", unit: "%", rows: [
        { label: "Số nhiệm vụ đề ra trong kế hoạch", unit: "Nhiệm vụ" },
        { label: "Số nhiệm vụ đã hoàn thành", unit: "Nhiệm vụ" },
        { label: "Số văn bản chỉ đạo CCHC đã ban hành", unit: "Văn bản" },
      ] },
      { stt: "2", label: "Kiểm tra CCHC", rows: [
        { label: "Số phòng ban đã kiểm tra", unit: "Cơ quan, đơn vị" },
        { label: "Số đơn vị trực thuộc đã kiểm tra", unit: "Cơ quan, đơn vị" },
        { label: "Số vấn đề phát hiện qua kiểm tra", unit: "Vấn đề" },
        { label: "Số vấn đề phát hiện đã xử lý xong", unit: "Vấn đề" },
      ] },
      { stt: "3", label: "Tuyên truyền CCHC", rows: [
        { label: "Tỷ lệ thực hiện nhiệm vụ tuyên truyền theo kế hoạch", unit: "%" },
        { label: "Số lượng tin, bài viết, phóng sự gửi và duyệt đăng tại Chuyên trang CCHC tỉnh (https://cchc.soctrang.gov.vn/)", unit: "Tin, bài",
          aliases: ["Số lượng tin, bài viết, phóng sự gửi và duyệt đăng tại Chuyên trang CCHC tỉnh"], acceptedUnits: ["Tin bài"] },
        { label: "Số lượng tin, bài viết, phóng sự đã đăng tại Chuyên mục CCHC của Trang Thông tin điện tử của đơn vị", unit: "Tin, bài", acceptedUnits: ["Tin bài"] },
        { label: "Có thực hiện tuyên truyền CCHC thường xuyên thông qua phương tiện truyền thông (báo, đài, website, zalo, ...)",
          // Printed unit "Tin, bài" is wrong for a yes/no question: see docs/TEMPLATE.md.
          unit: "Không = 0 Có = 1", acceptedUnits: ["Tin, bài", "Tin bài"] },
        { label: "Có thực hiện tuyên truyền CCHC thường xuyên thông qua các cuộc họp, hội nghị, hội thi, hội diễn,...", unit: "Không = 0 Có = 1" },
      ] },
      { stt: "4", label: "Thực hiện nhiệm vụ UBND tỉnh giao", rows: [
        { label: "Tổng số nhiệm vụ được giao", unit: "Nhiệm vụ" },
        { label: "Số nhiệm vụ đã hoàn thành đúng hạn", unit: "Nhiệm vụ" },
        { label: "Số nhiệm vụ đã hoàn thành nhưng quá hạn", unit: "Nhiệm vụ" },
      ] },
      { stt: "5", label: "Có sáng kiến, giải pháp mới về CCHC", unit: "Không = 0 Có = 1" },
      { stt: "6", label: "Thực hiện khen thưởng về kết quả CCHC", unit: "Không = 0 Có = 1" },
      { stt: "7", label: "Khảo sát sự hài lòng của người dân, tổ chức", rows: [
        { label: "Số lượng phiếu khảo sát", unit: "Số lượng", ...YEAR_SURVEY },
        { label: "Hình thức khảo sát", unit: "Trực tuyến = 0 Phát phiếu = 1 Kết hợp = 2", askedUnlessZero: ["I.7.1"], ...YEAR_SURVEY },
        { label: "Tỷ lệ hài lòng trong kỳ báo cáo", unit: "%", ...YEAR_SURVEY },
      ] },
      { stt: "8", label: "Việc chấp hành Chỉ thị 10/CT-UBND của Chủ tịch UBND tỉnh, Chỉ thị 10/CT-TTg và Chỉ thị 26/CT-TTg của Thủ tướng Chính phủ về kỷ luật, kỷ cương hành chính", unit: "Tốt = 1 Có vi phạm = 0",
        noteHint: "Ghi rõ nội dung vi phạm" },
      { stt: "9", label: "Nhiệm vụ khác (nếu có)", kind: "text" },
    ],
  },
  {
    id: "II",
    label: "Cải cách thể chế",
    rows: [
      { stt: "1", label: "Số VBQPPL đã tham mưu ban hành", unit: "Văn bản", rows: [
        { label: "Số VBQPPL tham mưu ban hành đúng tiến độ", unit: "Văn bản" },
        { label: "Số VBQPPL tham mưu ban hành đúng quy trình, thủ tục theo quy định", unit: "Văn bản" },
      ] },
      { stt: "2", label: "Rà soát VBQPPL", rows: [
        { label: "Số VBQPPL phải rà soát", unit: "Văn bản" },
        { label: "Số VBQPPL đã rà soát", unit: "Văn bản" },
        { label: "Số VBQPPL đã kiến nghị xử lý sau rà soát", unit: "Văn bản" },
        { label: "Số VBQPPL có kiến nghị xử lý đã được xử lý xong", unit: "Văn bản" },
      ] },
      { stt: "3", label: "Thực hiện công tác phổ biến giáo dục pháp luật", unit: "Không = 0 Có = 1", rows: [
        { label: "Số lượng văn bản đã tuyên truyền", unit: "Văn bản" },
      ] },
    ],
  },
  {
    id: "III",
    label: "Cải cách thủ tục hành chính",
    rows: [
      { stt: "1", label: "Kiểm soát TTHC", unit: "Không = 0 Có = 1", rows: [
        { label: "Số lượng TTHC thực hiện rà soát", unit: "TTHC" },
      ] },
      { stt: "2", label: "Kế hoạch rà soát TTHC", unit: "Không = 0 Có = 1" },
      { stt: "3", label: "Đơn giản hóa TTHC", unit: "Không = 0 Có = 1", rows: [
        { label: "Rút ngắn thời gian giải quyết so với quy định", unit: "Thủ tục", noteHint: "- Tên TTHC - Thời gian rút ngắn" },
        { label: "Giảm thành phần hồ sơ", unit: "Thủ tục", noteHint: "- Tên TTHC - Thành phần hồ sơ" },
        { label: "Khác", unit: "Thủ tục" },
      ] },
      { stt: "4", label: "Thống kê TTHC", rows: [
        { label: "Số TTHC được công bố mới", unit: "Thủ tục" },
        { label: "Số TTHC đã được bãi bỏ, thay thế", unit: "Thủ tục", noteHint: "Quyết định số ..." },
        { label: "Tổng số TTHC đang có hiệu lực:", unit: "Thủ tục", rows: [
          { label: "- Số TTHC áp dụng tại cơ quan, đơn vị:", unit: "Thủ tục" },
          { label: "- Số TTHC áp dụng tại các đơn vị trực thuộc:", unit: "Thủ tục" },
        ] },
      ] },
      { stt: "5", label: "Có thực hiện niêm yết địa chỉ tiếp nhận phản ánh kiến nghị của cá nhân, tổ chức đối với TTHC thuộc thẩm quyền giải quyết", unit: "Không = 0 Có = 1", rows: [
        { label: "Số lượng ý kiến đã tiếp nhận", unit: "Ý kiến", noteHint: "Tóm tắt kiến nghị" },
        { label: "Số lượng ý kiến đã giải quyết", unit: "Ý kiến", noteHint: "Văn bản trả lời" },
      ] },
      { stt: "6", label: "Thực hiện cơ chế một cửa, một cửa liên thông", rows: [
        { label: "Số TTHC liên thông cùng cấp", unit: "Thủ tục" },
        { label: "Số TTHC liên thông giữa các cấp chính quyền", unit: "Thủ tục" },
        { label: "Tỷ lệ TTHC đã được phê duyệt quy trình nội bộ", unit: "%" },
        { label: "Tỷ lệ quy trình nội bộ giải quyết TTHC đã được điện tử hóa", unit: "%" },
      ] },
      { stt: "7", label: "Kết quả giải quyết TTHC", rows: [
        // Printed without a unit: see docs/TEMPLATE.md.
        { label: "Số lượng hồ sơ TTHC do cơ quan, đơn vị tiếp nhận", unit: "Hồ sơ", acceptedUnits: [""] },
        { label: "Số lượng hồ sơ TTHC do cơ quan, đơn vị trả kết quả", unit: "Hồ sơ", acceptedUnits: [""] },
        { label: "Tỷ lệ hồ sơ TTHC tiếp nhận được giải quyết đúng hạn", unit: "%",
          noteHint: "Số lượng TTHC đã giải quyết đúng hạn/Số lượng TTHC đã giải quyết:" },
      ] },
    ],
  },
  {
    id: "IV",
    label: "Cải cách tổ chức bộ máy hành chính nhà nước",
    rows: [
      { stt: "1", label: "Cơ cấu tổ chức bộ máy", rows: [
        { label: "Số phòng ban chuyên môn thuộc khối văn phòng sở", unit: "Cơ quan, đơn vị" },
        { label: "Số tổ chức hành chính trực thuộc sở ngành (nếu có)", unit: "Cơ quan, đơn vị" },
        { label: "Số phòng ban chuyên môn trong tổ chức hành chính trực thuộc (nếu có)", unit: "Cơ quan, đơn vị" },
        { label: "Số đơn vị sự nghiệp trực thuộc sở ngành (nếu có)", unit: "Cơ quan, đơn vị" },
        { label: "Số phòng ban chuyên môn trong đơn vị sự nghiệp trực thuộc (nếu có)", unit: "Cơ quan, đơn vị" },
        { label: "Số lượng phòng ban, tổ chức hành chính thuộc sở cắt giảm trong năm (nếu có)", unit: "Cơ quan, đơn vị" },
        { label: "Tỷ lệ phòng ban, tổ chức hành chính thuộc sở cắt giảm so với kế hoạch năm (nếu có)", unit: "%", mayExceed100: true },
        { label: "Số lượng đơn vị sự nghiệp cắt giảm trong năm (nếu có)", unit: "Cơ quan, đơn vị" },
        { label: "Số phòng ban trong đơn vị sự nghiệp thuộc sở được cắt giảm trong năm (nếu có)", unit: "Cơ quan, đơn vị" },
        { label: "Tỷ lệ phòng ban trong đơn vị sự nghiệp thuộc sở được cắt giảm so với kế hoạch năm (nếu có)", unit: "%", mayExceed100: true },
      ] },
      { stt: "2", label: "Số liệu về biên chế công chức", rows: [
        { label: "Tổng số biên chế được giao trong năm", unit: "Người" },
        { label: "Tổng số biên chế có mặt tại thời điểm báo cáo", unit: "Người" },
        { label: "Số hợp đồng lao động làm việc tại cơ quan hành chính nhà nước", unit: "Người" },
        { label: "Số biên chế đã tinh giản trong kỳ báo cáo", unit: "Người" },
        { label: "Tỷ lệ phần trăm biên chế đã tinh giản so với kế hoạch năm", unit: "%", mayExceed100: true },
      ] },
      { stt: "3", label: "Số người làm việc hưởng lương từ NSNN tại các đơn vị sự nghiệp công lập (nếu có)", rows: [
        { label: "Tổng số người làm việc được giao", unit: "Người" },
        { label: "Tổng số người làm việc có mặt", unit: "Người" },
        { label: "Số người đã tinh giản trong kỳ báo cáo", unit: "Người" },
        { label: "Tỷ lệ % đã tinh giản so với kế hoạch năm", unit: "%", mayExceed100: true },
      ] },
      { stt: "4", label: "Số người làm việc tại các đơn vị sự nghiệp công lập tự chủ hoàn toàn (nếu có)", noteHint: "Quyết định số ...", rows: [
        { label: "Tổng số người làm việc được duyệt", unit: "Người" },
        { label: "Tổng số người làm việc có mặt", unit: "Người" },
      ] },
      { stt: "5", label: "Số liệu về lãnh đạo", rows: [
        { label: "Số lượng lãnh đạo cấp sở, ngành", unit: "Người" },
        { label: "Số lượng lãnh đạo cấp phòng và tương đương thuộc sở, ngành", unit: "Người" },
        { label: "Số lượng lãnh đạo cấp phòng trong đơn vị trực thuộc", unit: "Người" },
      ] },
      { stt: "6", label: "Kiểm tra việc thực hiện nhiệm vụ phân cấp quản lý nhà nước", noteHint: "Kế hoạch số ...", rows: [
        { label: "Số đơn vị hành chính cấp huyện, phòng chuyên môn cấp huyện đã kiểm tra", unit: "Cơ quan, đơn vị" },
        { label: "Số đơn vị hành chính cấp xã đã kiểm tra", unit: "Cơ quan, đơn vị" },
        { label: "Số vấn đề phát hiện qua kiểm tra", unit: "Vấn đề" },
        { label: "Số vấn đề phát hiện đã xử lý xong", unit: "Vấn đề" },
      ] },
      { stt: "7", label: "Thanh tra chuyên ngành", rows: [
        { label: "Số sở ngành và các đơn vị trực thuộc sở ngành đã thanh tra", unit: "Cơ quan, đơn vị" },
        { label: "Số đơn vị hành chính cấp huyện và các đơn vị thuộc, trực thuộc UBND cấp huyện đã thanh tra", unit: "Cơ quan, đơn vị" },
        { label: "Số đơn vị hành chính cấp xã đã thanh tra", unit: "Cơ quan, đơn vị" },
        { label: "Số vấn đề phát hiện qua thanh tra", unit: "Vấn đề" },
        { label: "Số vấn đề phát hiện đã xử lý xong", unit: "Vấn đề" },
      ] },
    ],
  },
  {
    id: "V",
    label: "Cải cách chế độ công vụ",
    rows: [
      { stt: "1", label: "Vị trí việc làm của công chức, viên chức", rows: [
        { label: "Cơ quan, đơn vị đã được phê duyệt vị trí việc làm theo quy định", unit: "Không = 0 Có = 1" },
        { label: "Cơ quan, đơn vị đã thực hiện rà soát, hoàn chỉnh bản mô tả vị trí việc làm, khung năng lực công chức, viên chức theo chức năng, nhiệm vụ hiện hành và gửi về Sở Nội vụ", unit: "Không = 0 Có = 1" },
      ] },
      { stt: "2", label: "Tuyển dụng công chức, viên chức (nếu có)", rows: [
        { label: "Số công chức được tuyển dụng (thi tuyển, xét tuyển)", unit: "Người" },
        { label: "Số công chức được tuyển dụng theo trường hợp đặc biệt", unit: "Người" },
        { label: "Số viên chức được tuyển dụng (thi tuyển, xét tuyển)", unit: "Người" },
        { label: "Số viên chức được tuyển dụng theo trường hợp đặc biệt", unit: "Người" },
      ] },
      { stt: "3", label: "Số liệu về bổ nhiệm công chức lãnh đạo", noteHint: "Quyết định số ...", rows: [
        { label: "Thực hiện tuyển chọn, bổ nhiệm lãnh đạo qua thi tuyển", unit: "Đã thực hiện = 1 Chưa thực hiện = 0" },
        { label: "Số lãnh đạo cấp sở, ngành được bổ nhiệm mới", unit: "Người" },
        { label: "Số lãnh đạo cấp phòng thuộc sở, ngành được bổ nhiệm mới", unit: "Người" },
        { label: "Số lãnh đạo cấp phòng thuộc đơn vị trực thuộc sở, ngành được bổ nhiệm mới", unit: "Người" },
      ] },
      { stt: "4", label: "Công tác đào tạo, bồi dưỡng", rows: [
        { label: "Số người được đào tạo, bồi dưỡng theo Kế hoạch", unit: "Người" },
        { label: "Số người đã được đào tạo, bồi dưỡng thực tế", unit: "Người" },
      ] },
      { stt: "5", label: "Định kỳ chuyển đổi vị trí công tác", rows: [
        { label: "Chỉ tiêu chuyển đổi theo quy định", unit: "Người" },
        { label: "Kết quả thực hiện thực tế", unit: "Người" },
      ] },
      { stt: "6", label: "Số liệu về xử lý kỷ luật cán bộ, công chức (cả về Đảng và chính quyền).", noteHint: "Quyết định số ...", rows: [
        { label: "Số lãnh đạo cấp sở, ngành bị kỷ luật.", unit: "Người" },
        { label: "Số lãnh đạo cấp phòng và tương đương thuộc sở, ngành bị kỷ luật.", unit: "Người" },
        { label: "Số lãnh đạo cấp phòng trong đơn vị trực thuộc sở, ngành bị kỷ luật.", unit: "Người" },
        { label: "Số công chức không giữ chức vụ lãnh đạo, quản lý thuộc sở, ngành bị kỷ luật.", unit: "Người" },
        // The three sub-rows are printed without a unit: see docs/TEMPLATE.md.
        { label: "Số người làm việc tại các đơn vị SNCL bị kỷ luật.", unit: "Người", rows: [
          { label: "- Trong đơn vị SNCL tự chủ hoàn toàn", unit: "Người", acceptedUnits: [""] },
          { label: "- Trong đơn vị SNCL tự chủ một phần", unit: "Người", acceptedUnits: [""] },
          { label: "- Trong đơn vị SNCL do ngân sách nhà nước đảm bảo", unit: "Người", acceptedUnits: [""] },
        ] },
      ] },
    ],
  },
  {
    id: "VI",
    label: "Cải cách tài chính công",
    rows: [
      { stt: "1", label: "Sở ngành thực hiện cơ chế tự chủ theo quy định", unit: "Có = 1 Không = 0" },
      { stt: "2", label: "Số tổ chức hành chính trực thuộc thực hiện cơ chế tự chủ, tự chịu trách nhiệm về quản lý kinh phí hành chính", unit: "Cơ quan, đơn vị",
        noteHint: "Ghi rõ số lượng đơn vị đã triển khai/tổng số đơn vị" },
      { stt: "3", label: "Số lượng đơn vị sự nghiệp công lập (SNCL) thực hiện cơ chế tự chủ", noteHint: "Văn bản số...", rows: [
        { label: "Số đơn vị SNCL đã thực hiện tự chủ 100% chi thường xuyên và chi đầu tư (lũy kế đến thời điểm báo cáo)", unit: "Cơ quan, đơn vị" },
        { label: "Số đơn vị SNCL đã thực hiện tự chủ 100% chi thường xuyên (lũy kế đến thời điểm báo cáo)", unit: "Cơ quan, đơn vị" },
        { label: "Số đơn vị SNCL đã thực hiện tự chủ một phần chi thường xuyên (lũy kế đến thời điểm báo cáo)", unit: "Cơ quan, đơn vị" },
        { label: "Số đơn vị SNCL do nhà nước đảm bảo 100% chi thường xuyên (lũy kế đến thời điểm báo cáo)", unit: "Cơ quan, đơn vị" },
      ] },
      { stt: "4", label: "Quy chế chi tiêu nội bộ của sở ngành đã được thẩm định và ban hành theo quy định", unit: "Có = 1 Không = 0" },
      { stt: "5", label: "Số lượng đơn vị trực thuộc có Quy chế chi tiêu nội bộ đã được thẩm định và ban hành theo quy định", unit: "Cơ quan, đơn vị", noteHint: "Ghi rõ tên đơn vị" },
    ],
  },
  {
    id: "VII",
    label: "Xây dựng và phát triển Chính quyền điện tử, Chính quyền số",
    rows: [
      { stt: "1", label: "Ban hành kế hoạch phát triển chính quyền số, ứng dụng CNTT", unit: "Có = 1 Không = 0" },
      { stt: "2", label: "Bố trí công chức, viên chức chuyên trách CNTT", unit: "Người" },
      // STT "2" is printed three times in section VII: the repeats get keys "2b" and "2c" (docs/TEMPLATE.md).
      { stt: "2", key: "2b", label: "Số liệu về trao đổi văn bản điện tử", rows: [
        { label: "Tổng số văn bản đi của cơ quan, đơn vị (văn bản điện tử và văn bản giấy)", unit: "Văn bản", rows: [
          { label: "- Số lượng văn bản được gửi hoàn toàn dưới dạng điện tử (Sử dụng chữ ký số, chứng thư số và gửi trên môi trường điện tử).", unit: "Văn bản" },
          { label: "- Số lượng văn bản được gửi hoàn toàn dưới dạng điện tử và song song với văn bản giấy", unit: "Văn bản" },
        ] },
      ] },
      { stt: "2", key: "2c", label: "Vận hành kết nối liên thông với Hệ thống thông tin một cửa điện tử tập trung của tỉnh", unit: "Có = 1 Không = 0" },
      { stt: "3", label: "Dịch vụ công trực tuyến mức độ 3, 4", rows: [
        { label: "Dịch vụ công trực tuyến mức độ 3", rows: [
          { label: "- Tổng số TTHC đủ điều kiện cung cấp trực tuyến mức độ 3", unit: "TTHC" },
          { label: "- Số TTHC đang cung cấp trực tuyến mức độ 3", unit: "TTHC" },
          { label: "- Số TTHC đang cung cấp trực tuyến mức độ 3 có phát sinh hồ sơ nộp trực tuyến", unit: "TTHC" },
        ] },
        { label: "Dịch vụ công trực tuyến mức độ 4", rows: [
          { label: "- Tổng số TTHC đủ điều kiện cung cấp trực tuyến mức độ 4", unit: "TTHC" },
          { label: "- Số TTHC đang cung cấp trực tuyến mức độ 4", unit: "TTHC" },
          { label: "- Số TTHC đang cung cấp trực tuyến mức độ 4 có phát sinh hồ sơ nộp trực tuyến", unit: "TTHC" },
        ] },
        { label: "Số TTHC cung cấp trực tuyến mức độ 3 và mức độ 4 đã tích hợp, công khai trên Cổng Dịch vụ công Quốc gia", unit: "TTHC" },
        // The next two rows count files although printed in "TTHC": see docs/TEMPLATE.md.
        { label: "Tổng số hồ sơ TTHC đã tiếp nhận (cả trực tiếp và trực tuyến đối với các TTHC đã cung cấp trực tuyến mức độ 3 và 4 có phát sinh hồ sơ)", unit: "Hồ sơ", acceptedUnits: ["TTHC"] },
        { label: "Số lượng hồ sơ TTHC được tiếp nhận trực tuyến mức độ 3 và 4 (Chỉ thống kê đối với các TTHC mức độ 3 và 4 có phát sinh hồ sơ)", unit: "Hồ sơ", acceptedUnits: ["TTHC"] },
        { label: "Tổng số TTHC có yêu cầu nghĩa vụ tài chính (tất cả các TTHC có phát sinh phí, lệ phí,...)", unit: "TTHC" },
        { label: "Số TTHC đã được tích hợp, triển khai thanh toán trực tuyến trên Cổng DVC Quốc gia hoặc trên Cổng DVC của tỉnh", unit: "TTHC" },
      ] },
      { stt: "4", label: "Vận hành hệ thống báo cáo cấp tỉnh", unit: "Có = 1 Không = 0",
        noteHint: "Số lượng báo cáo định kỳ đã được điện tử hóa/Số lượng báo cáo định kỳ tại đơn vị:" },
      { stt: "5", label: "Sử dụng phần mềm theo dõi, đôn đốc, kiểm tra việc thực hiện nhiệm vụ của UBND tỉnh giao", unit: "Có = 1 Không = 0" },
      { stt: "6", label: "Số lượng công chức, viên chức có tài khoản thư điện tử chính thức", unit: "Người" },
      { stt: "7", label: "Số lượng lãnh đạo được cấp chứng thư số", unit: "Người" },
      { stt: "8", label: "Triển khai các ứng dụng số khác như: Quản lý nhân sự, Quản lý tài chính – Kế toán, Quản lý Thi đua – Khen thưởng, Quản lý tài sản", unit: "Số lượng phần mềm" },
      { stt: "9", label: "Dịch vụ bưu chính công ích (BCCI)", rows: [
        { label: "Số lượng TTHC đã công bố triển khai dịch vụ (BCCI)", unit: "TTHC" },
        { label: "Tổng số TTHC thực tế được tiếp nhận qua dịch vụ BCCI", unit: "TTHC" },
        { label: "Tổng số TTHC thực tế được trả kết quả qua dịch vụ BCCI", unit: "TTHC" },
        { label: "Tổng số hồ sơ thực tế được tiếp nhận qua dịch vụ BCCI", unit: "Hồ sơ" },
        { label: "Tổng số hồ sơ thực tế được trả kết quả qua dịch vụ BCCI", unit: "Hồ sơ" },
      ] },
      { stt: "10", label: "Áp dụng ISO trong hoạt động", rows: [
        { label: "Sở ngành thực hiện công bố, công bố lại ISO", unit: "Có = 1 Không = 0" },
        { label: "Sở ngành thực hiện đánh giá nội bộ", unit: "Có = 1 Không = 0", ...ISO_CYCLE },
        { label: "Sở ngành thực hiện xem xét của lãnh đạo đối với hệ thống quản lý chất lượng", unit: "Có = 1 Không = 0", ...ISO_CYCLE },
        // A department without subordinate units (IV.1.2 + IV.1.4 = 0) has nothing to answer in VII.10.4–6.
        { label: "Đơn vị trực thuộc sở ngành thực hiện công bố, công bố lại ISO", unit: "Có = 1 Không = 0",
          noteHint: "Quyết định công bố: (nếu không công bố: ghi rõ lý do)", askedUnlessZero: ["IV.1.2", "IV.1.4"] },
        { label: "Đơn vị trực thuộc sở ngành thực hiện đánh giá nội bộ", unit: "Có = 1 Không = 0", askedUnlessZero: ["IV.1.2", "IV.1.4"], ...ISO_CYCLE },
        { label: "Đơn vị trực thuộc sở ngành thực hiện xem xét của lãnh đạo đối với hệ thống quản lý chất lượng", unit: "Có = 1 Không = 0",
          askedUnlessZero: ["IV.1.2", "IV.1.4"], ...ISO_CYCLE },
      ] },
    ],
  },
];

const { sections, indicators } = defineTemplateRows(outline);

/** Staff present at the report date: civil servants, and people at public service units (budget-paid and self-funded). */
const STAFF_PRESENT = ["IV.2.2", "IV.3.2", "IV.4.2"];
/** Leaders of the department, of its divisions and of the divisions of its subordinate units. */
const LEADERS = ["IV.5.1", "IV.5.2", "IV.5.3"];
/** Subordinate units: administrative organisations and public service units under the department. */
const SUBORDINATE_UNITS = ["IV.1.2", "IV.1.4"];
/** Procedures in force. */
const IN_FORCE = "III.4.3";

const relations: readonly Relation[] = [
  // I. Công tác chỉ đạo điều hành CCHC
  partOfWhole("i1_done_le_planned", ["I.1.2"], "I.1.1", "error"),
  rate("i1_completion_rate", "I.1", "I.1.2", "I.1.1"),
  partOfWhole("i2_issues_handled_le_found", ["I.2.4"], "I.2.3", "warning", "carried_over"),
  partOfWhole("i2_divisions_inspected_le_divisions", ["I.2.1"], ["IV.1.1", "IV.1.3", "IV.1.5"], "warning", "different_scope"),
  partOfWhole("i2_units_inspected_le_units", ["I.2.2"], SUBORDINATE_UNITS, "warning", "different_scope"),
  flagCounts("i3_media_flag_vs_articles", "I.3.4", ["I.3.2", "I.3.3"], "warning"),
  partOfWhole("i4_done_le_assigned", ["I.4.2", "I.4.3"], "I.4.1", "warning", "carried_over"),
  noteRequired("i8_violation_note", "I.8", [0]),
  impliesPositive("i2_issues_need_inspection", ["I.2.3"], ["I.2.1", "I.2.2"], "warning", { blankIsZero: true }),
  countRateZero("i7_no_survey_no_rate", "I.7.1", "I.7.3", "warning", { blankIsZero: true }),

  // II. Cải cách thể chế
  partOfWhole("ii1_on_time_le_issued", ["II.1.1"], "II.1", "error"),
  partOfWhole("ii1_by_procedure_le_issued", ["II.1.2"], "II.1", "error"),
  partOfWhole("ii2_reviewed_le_required", ["II.2.2"], "II.2.1", "error"),
  partOfWhole("ii2_proposed_le_reviewed", ["II.2.3"], "II.2.2", "error"),
  partOfWhole("ii2_handled_le_proposed", ["II.2.4"], "II.2.3", "warning", "carried_over"),
  flagCounts("ii3_pbgdpl_flag_vs_documents", "II.3", ["II.3.1"], "error"),
  yesNeedsCounts("ii3_yes_needs_documents", "II.3", ["II.3.1"], "warning"),

  // III. Cải cách thủ tục hành chính
  flagCounts("iii1_control_flag_vs_reviewed", "III.1", ["III.1.1"], "error"),
  partOfWhole("iii1_reviewed_le_in_force", ["III.1.1"], IN_FORCE, "warning", "different_scope"),
  flagCounts("iii2_plan_flag_vs_reviewed", "III.2", ["III.1.1"], "info"),
  flagCounts("iii3_simplify_flag_vs_counts", "III.3", ["III.3.1", "III.3.2", "III.3.3"], "error"),
  yesNeedsCounts("iii3_yes_needs_counts", "III.3", ["III.3.1", "III.3.2", "III.3.3"], "warning"),
  noteWhenCounted("iii3_shortened_note", "III.3.1"),
  noteWhenCounted("iii3_fewer_documents_note", "III.3.2"),
  sumEquals("iii4_in_force_sum", ["III.4.3.1", "III.4.3.2"], IN_FORCE, "error"),
  partOfWhole("iii4_new_le_in_force", ["III.4.1"], IN_FORCE, "warning", "different_scope"),
  noteWhenCounted("iii4_abolished_note", "III.4.2"),
  flagCounts("iii5_posting_flag_vs_comments", "III.5", ["III.5.1"], "warning"),
  partOfWhole("iii5_resolved_le_received", ["III.5.2"], "III.5.1", "warning", "carried_over"),
  noteWhenCounted("iii5_comments_note", "III.5.1"),
  noteWhenCounted("iii5_resolved_note", "III.5.2"),
  partOfWhole("iii6_interlinked_le_in_force", ["III.6.1", "III.6.2"], IN_FORCE, "warning", "different_scope"),
  partOfWhole("iii7_returned_le_received", ["III.7.2"], "III.7.1", "warning", "carried_over"),
  countRateZero("iii7_no_results_no_on_time_rate", "III.7.2", "III.7.3", "warning"),
  noteWhenCounted("iii7_on_time_note", "III.7.3"),

  // IV. Cải cách tổ chức bộ máy hành chính nhà nước
  impliesPositive("iv1_org_divisions_need_orgs", ["IV.1.3"], ["IV.1.2"], "error", { blankIsZero: true }),
  impliesPositive("iv1_sncl_divisions_need_sncl", ["IV.1.5"], ["IV.1.4"], "error", { blankIsZero: true }),
  countRateZero("iv1_cut_orgs_rate", "IV.1.6", "IV.1.7", "error"),
  countRateZero("iv1_cut_sncl_divisions_rate", "IV.1.9", "IV.1.10", "error"),
  countRateZero("iv2_downsized_rate", "IV.2.4", "IV.2.5", "error"),
  countRateZero("iv3_downsized_rate", "IV.3.3", "IV.3.4", "error"),
  impliesPositive("iv3_sncl_staff_need_sncl", ["IV.3.2", "IV.4.2"], ["IV.1.4"], "warning", { blankIsZero: true }),
  impliesPositive("iv4_self_funded_staff_need_self_funded_units", ["IV.4.2"], ["VI.3.1", "VI.3.2"], "warning", { blankIsZero: true }),
  impliesPositive("iv5_unit_leaders_need_units", ["IV.5.3"], SUBORDINATE_UNITS, "warning", { blankIsZero: true }),
  partOfWhole("iv5_leaders_le_staff_present", LEADERS, STAFF_PRESENT, "warning", "different_scope"),
  partOfWhole("iv5_department_leaders_le_civil_servants", ["IV.5.1"], "IV.2.2", "warning", "different_scope"),
  impliesPositive("iv6_issues_need_inspection", ["IV.6.3"], ["IV.6.1", "IV.6.2"], "warning", { blankIsZero: true }),
  groupNote("iv4_decision_note", "IV.4", ["IV.4.1", "IV.4.2"]),
  groupNote("iv6_plan_note", "IV.6", ["IV.6.1", "IV.6.2", "IV.6.3", "IV.6.4"]),
  partOfWhole("iv2_present_le_quota", ["IV.2.2"], "IV.2.1", "warning", "different_scope"),
  partOfWhole("iv3_present_le_quota", ["IV.3.2"], "IV.3.1", "warning", "different_scope"),
  partOfWhole("iv4_present_le_approved", ["IV.4.2"], "IV.4.1", "warning", "different_scope"),
  partOfWhole("iv6_issues_handled_le_found", ["IV.6.4"], "IV.6.3", "warning", "carried_over"),
  partOfWhole("iv7_issues_handled_le_found", ["IV.7.5"], "IV.7.4", "warning", "carried_over"),

  // V. Cải cách chế độ công vụ
  partOfWhole("v2_civil_servants_recruited_le_present", ["V.2.1", "V.2.2"], "IV.2.2", "warning", "different_scope"),
  partOfWhole("v2_public_employees_recruited_le_present", ["V.2.3", "V.2.4"], ["IV.3.2", "IV.4.2"], "warning", "different_scope"),
  partOfWhole("v3_department_leaders_appointed_le_leaders", ["V.3.2"], "IV.5.1", "warning", "different_scope"),
  partOfWhole("v3_division_leaders_appointed_le_leaders", ["V.3.3"], "IV.5.2", "warning", "different_scope"),
  partOfWhole("v3_unit_division_leaders_appointed_le_leaders", ["V.3.4"], "IV.5.3", "warning", "different_scope"),
  partOfWhole("v6_department_leaders_disciplined_le_leaders", ["V.6.1"], "IV.5.1", "warning", "different_scope"),
  partOfWhole("v6_division_leaders_disciplined_le_leaders", ["V.6.2"], "IV.5.2", "warning", "different_scope"),
  partOfWhole("v6_unit_division_leaders_disciplined_le_leaders", ["V.6.3"], "IV.5.3", "warning", "different_scope"),
  partOfWhole("v6_civil_servants_disciplined_le_present", ["V.6.4"], "IV.2.2", "warning", "different_scope"),
  partOfWhole("v6_sncl_disciplined_le_present", ["V.6.5"], ["IV.3.2", "IV.4.2"], "warning", "different_scope"),
  partOfWhole("v6_self_funded_disciplined_le_present", ["V.6.5.1"], "IV.4.2", "warning", "different_scope"),
  partOfWhole("v6_other_sncl_disciplined_le_present", ["V.6.5.2", "V.6.5.3"], "IV.3.2", "warning", "different_scope"),
  yesNeedsCounts("v3_exam_needs_appointments", "V.3.1", ["V.3.2", "V.3.3", "V.3.4"], "warning"),
  groupNote("v3_decision_note", "V.3", ["V.3.2", "V.3.3", "V.3.4"]),
  groupNote("v6_decision_note", "V.6", ["V.6.1", "V.6.2", "V.6.3", "V.6.4", "V.6.5"]),
  sumEquals("v6_sncl_disciplined_sum", ["V.6.5.1", "V.6.5.2", "V.6.5.3"], "V.6.5", "error"),

  // VI. Cải cách tài chính công
  partOfWhole("vi2_autonomous_orgs_le_orgs", ["VI.2"], "IV.1.2", "warning", "different_scope"),
  noteWhenCounted("vi2_autonomous_orgs_note", "VI.2"),
  partOfWhole("vi3_sncl_all_in_autonomy_groups", ["IV.1.4"], ["VI.3.1", "VI.3.2", "VI.3.3", "VI.3.4"], "info"),
  partOfWhole("vi3_autonomous_sncl_le_sncl", ["VI.3.1", "VI.3.2", "VI.3.3", "VI.3.4"], "IV.1.4", "warning", "different_scope"),
  partOfWhole("vi5_units_with_spending_rules_le_units", ["VI.5"], SUBORDINATE_UNITS, "warning", "different_scope"),
  noteWhenCounted("vi5_spending_rules_units_note", "VI.5"),
  groupNote("vi3_document_note", "VI.3", ["VI.3.1", "VI.3.2", "VI.3.3", "VI.3.4"]),

  // VII. Xây dựng và phát triển Chính quyền điện tử, Chính quyền số
  partOfWhole("vii2_it_staff_le_present", ["VII.2"], STAFF_PRESENT, "warning", "different_scope"),
  partOfWhole("vii2b_electronic_le_outgoing", ["VII.2b.1.1", "VII.2b.1.2"], "VII.2b.1", "error"),
  partOfWhole("vii3_l3_provided_le_eligible", ["VII.3.1.2"], "VII.3.1.1", "warning"),
  partOfWhole("vii3_provided_le_eligible", ["VII.3.1.2", "VII.3.2.2"], ["VII.3.1.1", "VII.3.2.1"], "error"),
  partOfWhole("vii3_l3_with_files_le_provided", ["VII.3.1.3"], "VII.3.1.2", "error"),
  partOfWhole("vii3_l4_provided_le_eligible", ["VII.3.2.2"], "VII.3.2.1", "error"),
  partOfWhole("vii3_l4_with_files_le_provided", ["VII.3.2.3"], "VII.3.2.2", "error"),
  partOfWhole("vii3_integrated_le_provided", ["VII.3.3"], ["VII.3.1.2", "VII.3.2.2"], "error"),
  partOfWhole("vii3_eligible_le_in_force", ["VII.3.1.1", "VII.3.2.1"], IN_FORCE, "warning", "overlap"),
  partOfWhole("vii3_provided_le_in_force", ["VII.3.1.2", "VII.3.2.2"], IN_FORCE, "warning", "overlap"),
  partOfWhole("vii3_procedures_with_files_le_online_files", ["VII.3.1.3", "VII.3.2.3"], "VII.3.5", "warning", "different_scope"),
  partOfWhole("vii3_online_files_le_files", ["VII.3.5"], "VII.3.4", "error"),
  partOfWhole("vii3_files_le_received", ["VII.3.4"], "III.7.1", "warning", "different_scope"),
  partOfWhole("vii3_fee_procedures_le_in_force", ["VII.3.6"], IN_FORCE, "warning", "different_scope"),
  partOfWhole("vii3_online_payment_le_fee_procedures", ["VII.3.7"], "VII.3.6", "error"),
  partOfWhole("vii3_online_payment_le_provided", ["VII.3.7"], ["VII.3.1.2", "VII.3.2.2"], "warning"),
  noteRequired("vii4_reports_note", "VII.4", [1]),
  partOfWhole("vii6_mail_accounts_le_staff_present", ["VII.6"], STAFF_PRESENT, "warning", "different_scope"),
  partOfWhole("vii7_certified_leaders_le_leaders", ["VII.7"], LEADERS, "warning", "different_scope"),
  partOfWhole("vii9_bcci_le_in_force", ["VII.9.1"], IN_FORCE, "warning", "different_scope"),
  partOfWhole("vii9_received_procedures_le_announced", ["VII.9.2"], "VII.9.1", "warning", "different_scope"),
  partOfWhole("vii9_returned_procedures_le_announced", ["VII.9.3"], "VII.9.1", "warning", "different_scope"),
  partOfWhole("vii9_received_procedures_le_received_files", ["VII.9.2"], "VII.9.4", "error"),
  partOfWhole("vii9_returned_procedures_le_returned_files", ["VII.9.3"], "VII.9.5", "error"),
  partOfWhole("vii9_files_received_le_received", ["VII.9.4"], "III.7.1", "warning", "different_scope"),
  partOfWhole("vii9_files_returned_le_returned", ["VII.9.5"], "III.7.2", "warning", "different_scope"),
  noteRequired("vii10_unit_iso_reason_note", "VII.10.4", [0, 1], SUBORDINATE_UNITS),
  impliesPositive("vii10_unit_iso_needs_units", ["VII.10.4", "VII.10.5", "VII.10.6"], SUBORDINATE_UNITS, "warning", {
    givenEquals: 1,
    blankIsZero: true,
  }),
];

/** The sở/ngành appendix, as printed in the 2023 reports (seed: Sở TTTT Sóc Trăng). */
export const soNganh: Template = {
  id: "so-nganh-2023",
  version: "2022",
  title: "Thống kê số liệu báo cáo cải cách hành chính của sở, ngành",
  sections,
  indicators,
  relations,
};
