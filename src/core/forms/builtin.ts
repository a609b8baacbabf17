/**
 * The form compiled into the program: the sở/ngành appendix of Sóc Trăng (src/core/catalog/soNganh.ts) with its
 * facts. The same form is shipped as forms/so-nganh-soc-trang-2023.xlsx and .json (scripts/make-forms.ts), and a
 * test proves the files compile to this very template.
 */
import { soNganh } from "../catalog/soNganh";
import type { Form, FormFacts } from "./model";

/** Facts of the built-in form. The notes record what changed since, without claiming a newer official form. */
export const soNganhFacts: FormFacts = {
  id: soNganh.id,
  title: soNganh.title,
  issuer: "Sở Nội vụ tỉnh Sóc Trăng",
  document: "Công văn số 535/SNV-TTr ngày 11/3/2022 của Sở Nội vụ tỉnh Sóc Trăng",
  level: "so_nganh",
  province: "Sóc Trăng",
  version: soNganh.version ?? "2022",
  validFrom: "2022-03-11",
  status: "official",
  source:
    "Phụ lục thống kê số liệu kèm báo cáo CCHC năm 2023 của Sở Thông tin và Truyền thông tỉnh Sóc Trăng; các chỗ khác bản in ghi ở docs/TEMPLATE.md",
  notes: [
    "Mẫu của tỉnh Sóc Trăng trước khi sắp xếp đơn vị hành chính: theo Nghị quyết số 202/2025/QH15 của Quốc hội, tỉnh Sóc Trăng nhập vào thành phố Cần Thơ; chưa có mẫu mới của thành phố Cần Thơ trong chương trình.",
    "Từ ngày 1/7/2025 chính quyền địa phương tổ chức theo hai cấp (tỉnh, xã), không còn cấp huyện: các chỉ tiêu nói về cấp huyện (IV.6.1, IV.7.2) không còn đối tượng với kỳ báo cáo sau ngày đó.",
    "Năm 2025 Sở Thông tin và Truyền thông hợp nhất vào Sở Khoa học và Công nghệ; tên sở trong báo cáo ví dụ (Sở TTTT Sóc Trăng, năm 2023) là tên lúc lập báo cáo.",
    "Nghị định số 42/2022/NĐ-CP chia dịch vụ công trực tuyến thành “toàn trình” và “một phần” thay cho “mức độ 3, mức độ 4”; mục VII.3 của mẫu vẫn ghi mức độ 3, 4 như bản in.",
    "Các ghi chú trên chỉ ghi lại những thay đổi đã biết; đây không phải nội dung của một mẫu chính thức mới hơn.",
  ],
};

/**
 * The built-in form. Its relations' reasons (docs/RULES.md, as the form files carry them) are loaded on demand with
 * `builtinFormReasons`: 35 KB of text the pane's first bundle does without.
 */
export const soNganhForm: Form = { facts: soNganhFacts, template: soNganh, reasons: {}, drafts: [] };

/** Every form compiled into the program, the default first. */
export const builtinForms: readonly Form[] = [soNganhForm];

/**
 * Why each relation of a built-in form exists, in Vietnamese and English, by relation id (none for a template that
 * is no built-in form's). A separate module loaded with import(): webpack puts it in a chunk of its own.
 */
export async function builtinFormReasons(templateId: string): Promise<Form["reasons"]> {
  if (templateId !== soNganh.id) return {};
  const { soNganhReasons } = await import(/* webpackChunkName: "reasons" */ "./soNganhReasons");
  return soNganhReasons;
}
