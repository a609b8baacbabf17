import { cellKey } from "../../src/core/address";
import fc from "fast-check";
import { soNganh } from "../../src/core/catalog/soNganh";
import type { RawCell } from "../../src/core/grid";
import { formatFinding } from "../../src/core/messages";
import { findingCodes } from "../../src/core/rules/codes";
import { checked } from "./rulesFixture";

/** What users put in appendix cells: numbers of every sort, numbers as text, words, errors, formulas, formats. */
const rawCell: fc.Arbitrary<RawCell> = fc.record(
  {
    value: fc.oneof(
      fc.constant(null),
      fc.integer({ min: -5, max: 5000 }),
      fc.double({ min: -10, max: 200, noNaN: true }),
      fc.constantFrom("02", "100%", "87,23", "3.036", "1,234", "1,000", "0,87", "Có", "không", "Tốt", "x", "-", "#DIV/0!", "#REF!", "abc", " 41 ", "TRUE"),
      // Random text, but never the words the messages are searched for below: a clerk's "NaN" quoted back is not a leak.
      fc.string({ maxLength: 12 }).filter((s) => !/undefined|NaN|\[object/.test(s)),
      fc.boolean(),
    ),
    numberFormat: fc.constantFrom("General", "0", "0.00", "0.0%", "0.00%", "@", "#,##0"),
    formula: fc.constantFrom("", "=D10+D11", "=ROUND(D11/D10*100,2)"),
  },
  { requiredKeys: ["value"] },
);

describe("the check on arbitrary sheets", () => {
  it("never throws, and every finding is well-formed and sayable in both languages", () => {
    const ids = soNganh.indicators.map((i) => i.id);
    fc.assert(
      fc.property(fc.array(rawCell, { minLength: ids.length, maxLength: ids.length }), fc.array(fc.constantFrom("", "Kế hoạch số 03", "Ghi rõ nội dung vi phạm"), { minLength: ids.length, maxLength: ids.length }), (cells, notes) => {
        const values = Object.fromEntries(ids.map((id, i) => [id, cells[i]]));
        const noteMap = Object.fromEntries(ids.map((id, i) => [id, notes[i]]).filter(([, n]) => n !== ""));
        const { findings, patches } = checked(values, noteMap, soNganh);
        for (const f of findings) {
          expect(findingCodes).toContain(f.code);
          expect(Number.isInteger(f.cell.row) && Number.isInteger(f.cell.col) && f.cell.row >= 0 && f.cell.col >= 0).toBe(true);
          expect(f.cells[0]).toEqual(f.cell);
          for (const lang of ["vi", "en"] as const) {
            const text = formatFinding(f, lang, soNganh);
            expect(text).not.toMatch(/undefined|NaN|\[object/);
            expect(text).toBe(text.normalize("NFC"));
          }
        }
        for (const p of patches) {
          expect(Number.isFinite(p.value)).toBe(true);
          expect(p.formula.startsWith("=")).toBe(true);
        }
        // Each cell is patched at most once, and only cells the findings announce.
        expect(new Set(patches.map((p) => cellKey(p.cell))).size).toBe(patches.length);
        const announced = new Set(findings.filter((f) => f.code === "computed_value_missing").map((f) => cellKey(f.cell)));
        for (const p of patches) expect(announced.has(cellKey(p.cell))).toBe(true);
      }),
      { numRuns: 60 },
    );
  });
});
