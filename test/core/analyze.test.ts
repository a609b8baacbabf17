import { cellA1, toA1 } from "../../src/core/address";
import { at } from "../fixtures/a1";
import { sortFindings } from "../../src/core/analyze";
import type { Finding } from "../../src/core/finding";
import { checked } from "./rulesFixture";

describe("the check of a located appendix (validate and compute, each thing said once)", () => {
  it("reports a blank computable rate once, with its patch", () => {
    const { findings, patches } = checked({ "I.1.1": 47, "I.1.2": 41, "I.3": 1, "I.4": 1, "I.5": 1 });
    expect(findings.map((f) => [f.code, cellA1(f.cell)])).toEqual([["computed_value_missing", "D11"]]);
    expect(patches.map((p) => [toA1(p.cell), p.formula, p.value])).toEqual([["D11", "=ROUND(D13/D12*100,2)", 87.23]]);
  });

  it("says a rate or total that differs once: a rate with the computed formula as its fix, a typed total with none", () => {
    const { findings, conflicts } = checked({ "I.1": 80, "I.1.1": 47, "I.1.2": 41, "I.6.1": 6, "I.6.2": 2, "I.6.3": 3, "I.3": 1, "I.4": 1, "I.5": 1 });
    expect(findings.map((f) => [f.code, cellA1(f.cell), f.fix?.formula, f.fix?.value, f.expected, f.expectedKind])).toEqual([
      ["rate_mismatch", "D11", "=ROUND(D13/D12*100,2)", 87.23, 87.23, "derived"],
      // The total or a part may be the wrong one: said, never offered as an overwrite.
      ["sum_mismatch", "D22", undefined, undefined, 5, "derived"],
    ]);
    // The fill preview offers the rate, to be confirmed before it overwrites the typed number; never the total.
    expect(conflicts.map((f) => f.code)).toEqual(["rate_mismatch"]);
  });

  it("has no conflicts when the computed cells agree or are blank", () => {
    const s = checked({ "I.1.1": 47, "I.1.2": 41, "I.3": 1, "I.4": 1, "I.5": 1 });
    expect(s.conflicts).toEqual([]);
  });

  it("keeps the conflict where validate has nothing to say (a dash in the rate)", () => {
    const s = checked({ "I.1": "-", "I.1.1": 47, "I.1.2": 41, "I.3": 1, "I.4": 1, "I.5": 1 });
    expect(s.findings.map((f) => f.code)).toEqual(["computed_value_conflict"]);
  });

  it("sorts by severity, then row, then column", () => {
    const s = checked({ "I.1.1": 0, "I.1.2": 2, "I.2.1": "02", "I.3": null, "I.4": 0, "I.5": 7 });
    const found = s.findings.map((f) => [f.severity, cellA1(f.cell), f.code]);
    expect(found).toEqual([
      ["error", "D13", "part_exceeds_whole"],
      ["error", "D20", "code_not_allowed"],
      ["warning", "D15", "number_stored_as_text"],
      ["warning", "D17", "flag_blank"],
      ["warning", "E19", "note_missing"],
      ["info", "D11", "rate_denominator_zero"],
    ]);
  });
});

describe("sortFindings", () => {
  // The indicator field labels each finding so the order can be read back.
  const f = (severity: Finding["severity"], a1: string, label: string): Finding => ({
    code: "excel_error", severity, indicator: label, cell: at(a1), cells: [at(a1)], actual: null, expected: null, fix: null,
  });
  it("puts rows before columns (D9 before D10 before E10) and is stable", () => {
    const input = [f("warning", "E10", "a"), f("warning", "D10", "b"), f("warning", "D9", "c"), f("warning", "D9", "d"), f("error", "Z99", "e")];
    expect(sortFindings(input).map((x) => x.indicator)).toEqual(["e", "c", "d", "b", "a"]);
  });
});
