import type { Finding } from "../../src/core/finding";
import { conflictPatch } from "../../src/core/conflictPatch";

function finding(over: Partial<Finding>): Finding {
  return { code: "flag_blank", severity: "warning", indicator: "I.3.4", cell: "D22", cells: ["D22"], actual: null, expected: null, fix: null, ...over };
}

describe("conflictPatch", () => {
  it("builds the patch that writes the conflict's formula", () => {
    const f = finding({
      code: "computed_value_conflict",
      indicator: "III.4.3",
      cell: "D58",
      relation: "iii4_in_force_sum",
      fix: { cell: "D58", value: 41, formula: "=SUM(D59,D60)" },
    });
    expect(conflictPatch(f, [])).toEqual({ cell: "D58", indicator: "III.4.3", formula: "=SUM(D59,D60)", value: 41, relation: "iii4_in_force_sum" });
    expect(conflictPatch(finding({ fix: { cell: "D22", value: 1 } }), [])).toBeNull();
  });
});
