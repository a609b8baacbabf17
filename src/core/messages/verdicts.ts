/**
 * The verdicts every surface shows the same way, in both languages: what a finding expects (a value, what the other
 * cells give, a likely reading, or a bound) and whether the appendix is ready to send (core/readiness.ts).
 */
import type { Finding } from "../finding";
import type { Lang } from "../lang";
import type { Readiness } from "../readiness";
import { formatNumber } from "./format";

/** A finding's expectation as a label and a value: "Cần là" 87,23; "Phải ≥" 0; "Theo các ô khác" 50. */
export interface ExpectationText {
  readonly label: string;
  readonly value: string;
  /** which kind of expectation: the surfaces style a bound apart from a value */
  readonly kind: "value" | "derived" | "reading" | "limit";
}

const LABELS: Readonly<Record<Lang, Readonly<Record<"value" | "derived" | "reading" | "min" | "max", string>>>> = {
  vi: { value: "Cần là", derived: "Tính từ các ô khác", reading: "Có lẽ là", min: "Phải ≥", max: "Phải ≤" },
  en: { value: "Should be", derived: "From the other cells", reading: "Probably", min: "Must be ≥", max: "Must be ≤" },
};

/**
 * What the finding expects, worded: an expected value only where the relation or the reading determines one; a bound
 * as a bound ("Phải ≥ 0", "Phải ≤ 100", "Phải ≤ 47"); null when the finding expects nothing it can name.
 * `value` formats a value the way the surface shows values (the pane's own formatter, or numbers in the language).
 */
export function expectationText(
  f: Finding,
  lang: Lang,
  value: (v: Finding["expected"]) => string = (v) => (typeof v === "number" ? formatNumber(v, lang) : String(v)),
): ExpectationText | null {
  const labels = LABELS[lang];
  if (f.limit) return { label: labels[f.limit.bound], value: formatNumber(f.limit.value, lang), kind: "limit" };
  if (f.expected === null) return null;
  const kind = f.expectedKind ?? "value";
  return { label: labels[kind], value: value(f.expected), kind };
}

function count(n: number, lang: Lang, vi: string, en: [string, string]): string {
  return lang === "vi" ? `${formatNumber(n, lang)} ${vi}` : `${formatNumber(n, lang)} ${n === 1 ? en[0] : en[1]}`;
}

/** The verdict as a title and a sentence saying what is left: "Chưa sẵn sàng gửi" / "Còn 23 chỉ tiêu chưa nhập, 2 cảnh báo chưa xem." */
export function readinessText(r: Readiness, lang: Lang): { readonly title: string; readonly body: string } {
  if (r.ready) {
    return lang === "vi"
      ? { title: "Sẵn sàng gửi", body: "Không còn lỗi, mọi chỉ tiêu của kỳ báo cáo đã có số liệu và mọi cảnh báo đã được xem, có ghi lý do." }
      : { title: "Ready to send", body: "No errors, every indicator due this period answered, every warning reviewed with a reason." };
  }
  const left = readinessLeft(r, lang);
  return lang === "vi"
    ? { title: "Chưa sẵn sàng gửi", body: `Còn ${left}.` }
    : { title: "Not ready to send", body: `Left: ${left}.` };
}

/** What is left, as a list: "2 lỗi, 23 chỉ tiêu chưa nhập, 2 cảnh báo chưa xem" ("" when ready). */
export function readinessLeft(r: Readiness, lang: Lang): string {
  const parts = [
    r.errors ? count(r.errors, lang, "lỗi", ["error", "errors"]) : "",
    r.unanswered ? count(r.unanswered, lang, "chỉ tiêu chưa nhập", ["indicator not answered", "indicators not answered"]) : "",
    r.unreviewed ? count(r.unreviewed, lang, "cảnh báo chưa xem", ["warning not reviewed", "warnings not reviewed"]) : "",
  ];
  return parts.filter(Boolean).join(", ");
}
