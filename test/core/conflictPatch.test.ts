import { at } from "../fixtures/a1";
import type { Finding, FindingOf } from "../../src/core/finding";
import { conflictPatch } from "../../src/core/conflictPatch";

/** A finding of a code without detail (code_as_word unless `over` picks another). */
function finding(over: Partial<FindingOf<"code_as_word" | "number_stored_as_text" | "text_not_number">>): Finding {
  return { code: "code_as_word", severity: "warning", indicator: "I.3.4", cell: at("D22"), cells: [at("D22")], actual: null, expected: null, fix: null, ...over } as Finding;
}

describe("conflictPatch", () => {
  it("builds the patch that writes the conflict's formula", () => {
    const f: Finding = {
      code: "computed_value_conflict",
      severity: "warning",
      indicator: "III.4.3",
      cell: at("D58"),
      cells: [at("D58"), at("D59"), at("D60")],
      actual: "-",
      expected: 41,
      relation: "iii4_in_force_sum",
      fix: { cell: at("D58"), value: 41, cellValue: 41, formula: "=SUM(D59,D60)" },
      detail: {
        formula: "=SUM(D59,D60)",
        inputs: { kind: "sum", parts: [{ indicator: "III.4.3.1", cell: at("D59"), value: 40 }, { indicator: "III.4.3.2", cell: at("D60"), value: 1 }] },
      },
    };
    expect(conflictPatch(f, [])).toEqual({ cell: at("D58"), indicator: "III.4.3", formula: "=SUM(D59,D60)", value: 41, cellValue: 41, relation: "iii4_in_force_sum" });
    expect(conflictPatch(finding({ fix: { cell: at("D22"), value: 1, cellValue: 1 } }), [])).toBeNull();
  });

  it("keeps the rate's value in percent points and its fraction for a cell formatted as %", () => {
    const f: Finding = {
      code: "computed_value_conflict",
      severity: "warning",
      indicator: "I.1",
      cell: at("D9"),
      cells: [at("D9"), at("D11"), at("D10")],
      actual: 50,
      expected: 87.23,
      relation: "i1_completion_rate",
      fix: { cell: at("D9"), value: 87.23, cellValue: 0.8723, formula: "=ROUND(D11/D10,4)", numberFormat: "0.00%" },
      detail: {
        formula: "=ROUND(D11/D10,4)",
        inputs: { kind: "rate", numerator: { indicator: "I.1.2", cell: at("D11"), value: 41 }, denominator: { indicator: "I.1.1", cell: at("D10"), value: 47 } },
      },
    };
    expect(conflictPatch(f, [])).toMatchObject({ value: 87.23, cellValue: 0.8723, numberFormat: "0.00%" });
  });
});
