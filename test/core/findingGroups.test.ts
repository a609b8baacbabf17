import { cellA1 } from "../../src/core/address";
import { at } from "../fixtures/a1";
import { templates } from "../../src/core/catalog";
import type { Finding, FindingOf } from "../../src/core/finding";
import { countBySeverity, groupBySection } from "../../src/core/findingGroups";

/** A finding of a code without detail (code_as_word unless `over` picks another). */
function finding(over: Partial<FindingOf<"code_as_word" | "number_stored_as_text" | "text_not_number">>): Finding {
  return { code: "code_as_word", severity: "warning", indicator: "I.3.4", cell: at("D22"), cells: [at("D22")], actual: null, expected: null, fix: null, ...over } as Finding;
}

describe("grouping and counting", () => {
  it("groups by section in template order, sheet-wide findings first", () => {
    const t = templates[0];
    const fs = [
      finding({ indicator: "VII.10.4", cell: at("E190") }),
      finding({ indicator: "I.3.4", cell: at("D22") }),
      finding({ indicator: "", cell: at("A1") }),
      finding({ indicator: "II.2.3", cell: at("D43") }),
      finding({ indicator: "I.1", cell: at("D9") }),
    ];
    expect(groupBySection(fs, t).map((g) => [g.section?.id ?? null, g.findings.map((f) => cellA1(f.cell))])).toEqual([
      [null, ["A1"]],
      ["I", ["D22", "D9"]],
      ["II", ["D43"]],
      ["VII", ["E190"]],
    ]);
  });

  it("counts by severity", () => {
    expect(countBySeverity([finding({}), finding({ severity: "error" }), finding({ severity: "info" }), finding({})])).toEqual({
      error: 1,
      warning: 2,
      info: 1,
    });
  });
});
