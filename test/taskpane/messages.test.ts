import * as fs from "fs";
import * as path from "path";
import { en } from "../../src/taskpane/messages/en";
import { vi } from "../../src/taskpane/messages/vi";

const ROOT = path.resolve(__dirname, "../..");

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
    expect(vi.acknowledge.normalize("NFC")).toBe(vi.acknowledge);
    expect(en.summary(1, 2)).toBe("1 error, 2 warnings");
  });
});

describe("one Vietnamese term per concept", () => {
  const MESSAGE_FILES = [
    "src/taskpane/messages/vi.ts",
    "src/core/messages/vi.ts",
    "src/core/messages/consolidate.vi.ts",
    "src/core/messages/forms.vi.ts",
    "src/core/messages/appendix.ts",
    "src/core/messages/unreadable.ts",
    "src/core/messages/period.ts",
    "src/commands/messages.ts",
    "src/cli/messages.ts",
    "src/cli/formMessages.ts",
    "src/xlsx/package/messages.ts",
    "src/app/hostErrorMessages.ts",
  ];

  it("writes the open syllables oa, oe, uy with the mark on the first vowel, as the official form does (hóa, hủy, xóa)", () => {
    // "hoá"/"huỷ" beside "hóa"/"hủy" read as two spellings of one word; the form and most strings use the first style.
    const other = /[\p{L}]*(?:o[áàảãạ]|o[éèẻẽẹ]|u[ýỳỷỹỵ])(?![\p{L}])/giu;
    const found = MESSAGE_FILES.flatMap((file) =>
      (fs.readFileSync(path.join(ROOT, file), "utf8").normalize("NFC").match(other) ?? []).filter((w) => !/^qu/i.test(w)).map((w) => `${file}: ${w}`),
    );
    expect(found).toEqual([]);
  });

  it("calls a sheet “trang tính”, and never says “Xác nhận” for skipping a warning (pane)", () => {
    for (const [key, text] of strings(vi)) {
      expect({ key, bare: /\btrang\b(?! tính)/i.test(text) }).toEqual({ key, bare: false });
      expect({ key, confirm: /xác nhận/i.test(text) }).toEqual({ key, confirm: false });
    }
    expect(vi.cancel).toBe("Hủy");
  });
});
