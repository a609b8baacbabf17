/** Text normalisation shared by the reader, the locator and the rules. */

/** Entries each memo keeps before it starts over: a sheet's labels, units and headers number in the hundreds. */
const MEMO_LIMIT = 4096;

/**
 * Remembers a pure string function's results. The locator and the rules normalise the same few hundred labels,
 * units and headings on every check (and a re-check after an edit sees the same texts again); the regular
 * expressions below were most of the engine's time (docs/BENCHMARKS.md). Bounded: cleared when full.
 */
function memo(fn: (text: string) => string): (text: string) => string {
  const cache = new Map<string, string>();
  return (text) => {
    let out = cache.get(text);
    if (out === undefined) {
      if (cache.size >= MEMO_LIMIT) cache.clear();
      out = fn(text);
      cache.set(text, out);
    }
    return out;
  };
}

/** NFC, non-breaking and odd spaces to plain spaces, runs of white space folded, trimmed. */
export const cleanText = memo((text) =>
  text
    .normalize("NFC")
    .replace(/[\u00a0\u2000-\u200b\u202f\u205f\u3000\t\r\n]+/g, " ")
    .replace(/ {2,}/g, " ")
    .trim(),
);

/** Vietnamese letters without their marks, lower case: "Số nhiệm vụ" -> "so nhiem vu". */
export const foldDiacritics = memo((text) =>
  text
    .normalize("NFD")
    .replace(/[\u0300-\u036f]/g, "")
    .replace(/đ/g, "d")
    .replace(/Đ/g, "D")
    .toLowerCase(),
);

/**
 * A label reduced for matching: clean, lower case, leading "- " / "+ " / bullets and a trailing ":"
 * or "." dropped, punctuation spacing folded. Diacritics are kept (they carry meaning).
 */
export const labelKey = memo((text) =>
  cleanText(text)
    .toLowerCase()
    .replace(/^[-–—+•*·]+\s*/, "")
    .replace(/[\s:.;,]+$/, "")
    .replace(/\s*([,;:()])\s*/g, "$1 ")
    .replace(/\(\s+/g, "(")
    .replace(/\s+\)/g, ")")
    .replace(/ {2,}/g, " ")
    .trim(),
);
