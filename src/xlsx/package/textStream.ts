/** UTF-8 bytes arriving in chunks -> text chunks, a character split between two chunks kept whole. */
import { decodeUtf8 } from "./utf8";

/** A streaming UTF-8 decoder that refuses bytes that are not UTF-8 (`NotUtf8Error`). */
export class Utf8Stream {
  private readonly native = typeof TextDecoder === "function" ? new TextDecoder("utf-8", { fatal: true, ignoreBOM: true }) : null;
  private pending: Uint8Array = new Uint8Array(0);

  /** The text of `chunk` (with what was left of the previous one), up to its last whole character. */
  decode(chunk: Uint8Array): string {
    if (this.native) {
      try {
        return this.native.decode(chunk, { stream: true });
      } catch {
        return decodeUtf8(Uint8Array.of(0xff));
      }
    }
    let bytes = chunk;
    if (this.pending.length) {
      bytes = new Uint8Array(this.pending.length + chunk.length);
      bytes.set(this.pending);
      bytes.set(chunk, this.pending.length);
    }
    // Back up over a sequence cut at the end: at most 3 bytes, starting at a lead byte.
    let cut = bytes.length;
    for (let k = 1; k <= 3 && k <= bytes.length; k++) {
      const b = bytes[bytes.length - k];
      if ((b & 0xc0) === 0x80) continue;
      const need = b >= 0xf0 ? 4 : b >= 0xe0 ? 3 : b >= 0xc0 ? 2 : 1;
      if (need > k) cut = bytes.length - k;
      break;
    }
    this.pending = bytes.slice(cut);
    return decodeUtf8(bytes.subarray(0, cut));
  }

  /** The end: bytes left over are a cut character. */
  end(): void {
    if (this.native) {
      try {
        this.native.decode();
      } catch {
        decodeUtf8(Uint8Array.of(0xff));
      }
    } else if (this.pending.length) decodeUtf8(this.pending);
  }
}
