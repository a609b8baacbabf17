import { en } from "../../src/taskpane/messages/en";
import { vi } from "../../src/taskpane/messages/vi";

/** Every string a message file yields, functions called with sample arguments. */
function strings(obj: unknown, at = ""): [string, string][] {
  if (typeof obj === "string") return [[at, obj]];
  if (typeof obj === "function") {
    const args = Array.from({ length: obj.length }, (_, i) => (i % 2 === 0 ? "Phụ lục" : 3));
    return [[at, String((obj as (...a: unknown[]) => unknown)(...args))]];
  }
  if (obj && typeof obj === "object") return Object.entries(obj).flatMap(([k, v]) => strings(v, at ? `${at}.${k}` : k));
  throw new Error(`unexpected message value at ${at}`);
}

describe("pane messages", () => {
  const vis = strings(vi);
  const ens = strings(en);

  it("cover the same keys in both languages", () => {
    expect(ens.map(([k]) => k)).toEqual(vis.map(([k]) => k));
  });

  it.each([
    ["vi", vis],
    ["en", ens],
  ])("%s: every string is non-empty NFC", (_lang, list) => {
    for (const [key, text] of list) {
      expect({ key, empty: text.trim() === "" }).toEqual({ key, empty: false });
      expect({ key, nfc: text === text.normalize("NFC") }).toEqual({ key, nfc: true });
    }
  });

  it("Vietnamese is written with its diacritics", () => {
    expect(vi.summary(3, 5)).toBe("3 lỗi, 5 cảnh báo");
    expect(vi.readyTitle).toBe("Sẵn sàng gửi");
    expect(en.summary(1, 2)).toBe("1 error, 2 warnings");
  });
});
