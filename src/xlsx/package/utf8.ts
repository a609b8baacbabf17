/**
 * UTF-8 both ways without losing a byte: a part decoded and encoded again is the same bytes (a byte-order mark
 * is kept as U+FEFF, never stripped), and bytes that are not UTF-8 are refused rather than replaced.
 */

/** Thrown for bytes that are not UTF-8. */
export class NotUtf8Error extends Error {
  constructor() {
    super("not UTF-8");
    this.name = "NotUtf8Error";
  }
}

// TextDecoder is in every browser and Node; some test environments (jsdom) lack it, hence the fallback below.
const decoder = typeof TextDecoder === "function" ? new TextDecoder("utf-8", { fatal: true, ignoreBOM: true }) : null;
const encoder = typeof TextEncoder === "function" ? new TextEncoder() : null;

function decodeByHand(bytes: Uint8Array): string {
  let out = "";
  const parts: string[] = [];
  for (let i = 0; i < bytes.length; ) {
    const b = bytes[i];
    let cp: number;
    let n: number;
    if (b < 0x80) {
      cp = b;
      n = 1;
    } else if (b >= 0xc2 && b < 0xe0) {
      cp = b & 0x1f;
      n = 2;
    } else if (b >= 0xe0 && b < 0xf0) {
      cp = b & 0x0f;
      n = 3;
    } else if (b >= 0xf0 && b < 0xf5) {
      cp = b & 0x07;
      n = 4;
    } else throw new NotUtf8Error();
    if (i + n > bytes.length) throw new NotUtf8Error();
    for (let k = 1; k < n; k++) {
      const c = bytes[i + k];
      if ((c & 0xc0) !== 0x80) throw new NotUtf8Error();
      cp = (cp << 6) | (c & 0x3f);
    }
    if ((n === 3 && (cp < 0x800 || (cp >= 0xd800 && cp < 0xe000))) || (n === 4 && (cp < 0x10000 || cp > 0x10ffff))) throw new NotUtf8Error();
    out += String.fromCodePoint(cp);
    if (out.length > 8192) {
      parts.push(out);
      out = "";
    }
    i += n;
  }
  parts.push(out);
  return parts.join("");
}

/** Bytes -> text; throws `NotUtf8Error` for anything that is not UTF-8. */
export function decodeUtf8(bytes: Uint8Array): string {
  if (!decoder) return decodeByHand(bytes);
  try {
    return decoder.decode(bytes);
  } catch {
    throw new NotUtf8Error();
  }
}

/** Text -> UTF-8 bytes. */
export function encodeUtf8(text: string): Uint8Array {
  if (encoder) return encoder.encode(text);
  const out: number[] = [];
  for (const ch of text) {
    const cp = ch.codePointAt(0)!;
    if (cp < 0x80) out.push(cp);
    else if (cp < 0x800) out.push(0xc0 | (cp >> 6), 0x80 | (cp & 0x3f));
    else if (cp < 0x10000) out.push(0xe0 | (cp >> 12), 0x80 | ((cp >> 6) & 0x3f), 0x80 | (cp & 0x3f));
    else out.push(0xf0 | (cp >> 18), 0x80 | ((cp >> 12) & 0x3f), 0x80 | ((cp >> 6) & 0x3f), 0x80 | (cp & 0x3f));
  }
  return Uint8Array.from(out);
}
