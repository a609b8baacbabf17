import fc from "fast-check";
import type { CellValue, RawCell } from "../../src/core/grid";
import { EXCEL_ERRORS, readCell } from "../../src/core/read";
import type { Reading } from "../../src/core/reading";

/** Fuzzing the reader: it never throws, always returns a well-formed reading, and NFC = NFD. */

const KINDS = new Set(["blank", "none", "number", "ambiguous", "text", "error", "date", "boolean", "uncomputed"]);

/** Why a reading is malformed, or null when it is well formed. */
function problem(r: Reading): string | null {
  if (!r || !KINDS.has(r.kind)) return "unknown kind";
  const cleanString = (s: unknown) =>
    typeof s === "string" && s !== "" && s === s.trim() && s === s.normalize("NFC") && !/[\u00a0\t\r\n]/.test(s);
  switch (r.kind) {
    case "blank":
      return Object.keys(r).length === 1 ? null : "extra fields on blank";
    case "none":
    case "text":
      return cleanString(r.text) ? null : `bad text ${JSON.stringify(r.text)}`;
    case "error":
      return EXCEL_ERRORS.includes(r.code) && typeof r.fromFormula === "boolean" ? null : `bad error ${r.code}`;
    case "date":
      return Number.isFinite(r.serial) && /^\d{1,2}(\/\d{1,2}(\/-?\d+)?|:\d{2})$/.test(r.text) ? null : `bad date ${r.text}`;
    case "boolean":
      return typeof r.value === "boolean" && typeof r.fromFormula === "boolean" ? null : "bad boolean";
    case "uncomputed":
      return r.formula.startsWith("=") ? null : "bad formula";
    case "ambiguous":
      return cleanString(r.text) && r.candidates.length >= 2 && r.candidates.every(Number.isFinite) ? null : "bad ambiguous";
    case "number": {
      if (!Number.isFinite(r.value) || Object.is(r.value, -0)) return `bad value ${r.value}`;
      if (r.stored !== "number" && r.stored !== "text") return "bad stored";
      if (typeof r.fromFormula !== "boolean" || typeof r.percent !== "boolean") return "bad flags";
      if (r.decimals !== null && !(Number.isInteger(r.decimals) && r.decimals >= 0)) return `bad decimals ${r.decimals}`;
      if (r.stored === "text" && !cleanString(r.text)) return "number stored as text without its text";
      return null;
    }
  }
}

const vietnamese = "aăâeêioôơuưyàáảãạằắẳẵặầấẩẫậèéẻẽẹềếểễệìíỉĩịòóỏõọồốổỗộờớởỡợùúủũụừứửữựỳýỷỹỵđAĂÂĐÊÔƠƯÀÁẠỆỘỨ";
const numberish = "0123456789.,%-+ \u00a0\u2212";
const charsOf = (s: string) => fc.constantFrom(...Array.from(s));

const words = fc.constantFrom(
  "-", "—", "–", "x", "X", "không", "không có", "Không có", "có", "Có", "Tốt", "Có vi phạm", "TRUE", "n/a",
  ...EXCEL_ERRORS,
);
const numberText = fc.string({ unit: charsOf(numberish), maxLength: 16 });
const vietText = fc.string({ unit: charsOf(vietnamese + numberish), maxLength: 24 });

const values: fc.Arbitrary<CellValue> = fc.oneof(
  fc.constant(null),
  fc.boolean(),
  fc.double(), // includes NaN, ±Infinity, -0
  fc.integer(),
  fc.string({ unit: "binary", maxLength: 40 }),
  fc.string({ unit: "grapheme", maxLength: 20 }),
  numberText,
  vietText,
  words,
  words.map((w) => w.normalize("NFD")),
  fc.string({ unit: charsOf("0123456789"), minLength: 30, maxLength: 400 }),
);

const formats = fc.oneof(
  fc.constantFrom("General", "0", "0.00", "0%", "0.00%", "#,##0", "#,##0.00_);[Red](#,##0.00)", "@", "dd/mm/yyyy", "0.00E+00", '0 "người"', "0.0#;-0.0;\"-\"", ""),
  fc.string({ unit: charsOf('0#?.,%;"[]\\_*@Ee+-/ abcdGgmy'), maxLength: 30 }),
  fc.string({ unit: "binary", maxLength: 300 }),
);

const rawCells: fc.Arbitrary<RawCell> = fc.record(
  {
    value: values,
    formula: fc.oneof(fc.constant(""), fc.constant("=A1/B1"), fc.string({ maxLength: 10 })),
    numberFormat: formats,
    text: fc.string({ maxLength: 10 }),
  },
  { requiredKeys: ["value"] },
);

describe("readCell fuzz", () => {
  it("never throws and always returns a well-formed reading (100,000 cells)", () => {
    fc.assert(
      fc.property(rawCells, (raw) => {
        const p = problem(readCell(raw));
        if (p !== null) throw new Error(p);
      }),
      { numRuns: 100_000 },
    );
  });

  it("reads NFC and NFD text the same", () => {
    const text = fc.oneof(vietText, words, fc.string({ unit: "binary", maxLength: 30 }));
    fc.assert(
      fc.property(text, formats, (s, numberFormat) => {
        expect(readCell({ value: s.normalize("NFD"), numberFormat })).toEqual(readCell({ value: s.normalize("NFC"), numberFormat }));
      }),
      { numRuns: 20_000 },
    );
  });

  it("a finite number with the General format reads back as itself", () => {
    fc.assert(
      fc.property(fc.double({ noNaN: true, noDefaultInfinity: true }), fc.constantFrom("General", "", undefined), (value, numberFormat) => {
        const r = readCell({ value, numberFormat });
        expect(r).toEqual({ kind: "number", value: value === 0 ? 0 : value, stored: "number", fromFormula: false, percent: false, decimals: null });
      }),
      { numRuns: 10_000 },
    );
  });

  const grouped = (n: number, mark: string) => String(n).replace(/\B(?=(\d{3})+(?!\d))/g, mark);

  it("an integer grouped with dots ('3.036', '12.345.678') reads as the integer", () => {
    fc.assert(
      fc.property(fc.integer({ min: 1000, max: 999_999_999_999 }), (n) => {
        const text = grouped(n, ".");
        expect(readCell({ value: text })).toEqual({ kind: "number", value: n, stored: "text", fromFormula: false, percent: false, decimals: 0, text });
      }),
      { numRuns: 10_000 },
    );
  });

  it("an integer grouped with commas reads as the integer from two groups on, and as ambiguous with one", () => {
    fc.assert(
      fc.property(fc.integer({ min: 1000, max: 999_999_999_999 }), (n) => {
        const text = grouped(n, ",");
        const r = readCell({ value: text });
        if (n >= 1_000_000) expect(r).toMatchObject({ kind: "number", value: n, decimals: 0 });
        else expect(r).toEqual({ kind: "ambiguous", text, candidates: [n / 1000, n] });
      }),
      { numRuns: 10_000 },
    );
  });

  it("a percent-formatted fraction reads as percent points", () => {
    fc.assert(
      fc.property(fc.integer({ min: -1_000_000, max: 1_000_000 }), fc.integer({ min: 0, max: 4 }), (hundredths, d) => {
        const fraction = hundredths / 10_000; // 0.8723 from 8723
        const format = d === 0 ? "0%" : `0.${"0".repeat(d)}%`;
        const r = readCell({ value: fraction, numberFormat: format });
        expect(r).toEqual({ kind: "number", value: hundredths / 100 === 0 ? 0 : hundredths / 100, stored: "number", fromFormula: false, percent: true, decimals: d });
      }),
      { numRuns: 10_000 },
    );
  });
});
