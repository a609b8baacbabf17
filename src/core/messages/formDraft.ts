/**
 * The words `cchc form import` writes into a drafted form (in the form's own language, Vietnamese): the reasons of the
 * relations it drafts, each marked "Bản nháp" for a person to confirm, and what it puts where a fact is unknown.
 */

/** A printed label inside a sentence: without the colon some tables end it with. */
const label = (text: string) => text.trim().replace(/\s*:$/, "");
/** "nằm trong số …" of a whole, the word said once: "nằm trong số VBQPPL …" for "Số VBQPPL …", "nằm trong tổng số …". */
function amongThe(whole: string): string {
  const w = label(whole).normalize("NFC");
  return /^(tổng\s+)?số\s/i.test(w) ? `nằm trong ${w[0].toLowerCase()}${w.slice(1)}` : `nằm trong số ${w}`;
}

export const formDraftTexts = {
  rate: (rate: string, numerator: string, denominator: string) =>
    `Bản nháp: ${label(rate)} = ${label(numerator)} / ${label(denominator)} × 100 (suy ra từ hai chỉ tiêu số lượng ngay dưới dòng tỷ lệ).`,
  numeratorLeDenominator: (numerator: string, denominator: string) =>
    `Bản nháp: ${label(numerator)} không vượt quá ${label(denominator)} (tử số của tỷ lệ không vượt quá mẫu số).`,
  dashedPartsLeTotal: (total: string) => `Bản nháp: các dòng “- …” dưới “${label(total)}” gộp lại không vượt quá số đó.`,
  partOf: (part: string, whole: string) => `Bản nháp: ${label(part)} ${amongThe(whole)}.`,
  noThenZero: (question: string) => `Bản nháp: trả lời “Không” ở “${label(question)}” thì các số liệu ngay dưới bằng 0.`,
  sectionWithoutStt: "(chưa rõ tên phần: bảng không có cột STT)",
  facts: {
    title: "Thống kê số liệu báo cáo cải cách hành chính",
    issuer: "(chưa ghi: Sở Nội vụ ban hành mẫu)",
    document: "(chưa ghi: văn bản ban hành mẫu)",
    province: "(chưa ghi)",
    version: "nháp",
    note: "Mẫu nháp do lệnh “cchc form import” soạn từ một tệp phụ lục; cần người soạn điền thông tin mẫu và xác nhận các quan hệ.",
  },
} as const;
