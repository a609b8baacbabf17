/** Text normalisation shared by the reader, the locator and the rules. */

/** NFC, non-breaking and odd spaces to plain spaces, runs of white space folded, trimmed. */
export function cleanText(text: string): string {
  return text
    .normalize("NFC")
    .replace(/[\u00a0\u2000-\u200b\u202f\u205f\u3000\t\r\n]+/g, " ")
    .replace(/ {2,}/g, " ")
    .trim();
}

/** Vietnamese letters without their marks, lower case: "Số nhiệm vụ" -> "so nhiem vu". */
export function foldDiacritics(text: string): string {
  return text
    .normalize("NFD")
    .replace(/[\u0300-\u036f]/g, "")
    .replace(/đ/g, "d")
    .replace(/Đ/g, "D")
    .toLowerCase();
}

/**
 * A label reduced for matching: clean, lower case, leading "- " / "+ " / bullets and a trailing ":"
 * or "." dropped, punctuation spacing folded. Diacritics are kept (they carry meaning).
 */
export function labelKey(text: string): string {
  return cleanText(text)
    .toLowerCase()
    .replace(/^[-–—+•*·]+\s*/, "")
    .replace(/[\s:.;,]+$/, "")
    .replace(/\s*([,;:()])\s*/g, "$1 ")
    .replace(/\(\s+/g, "(")
    .replace(/\s+\)/g, ")")
    .replace(/ {2,}/g, " ")
    .trim();
}
