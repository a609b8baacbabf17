import { cellA1, toA1 } from "../../src/core/address";
import { at } from "../fixtures/a1";
import { checkWorkbook } from "../../src/core/checkWorkbook";
import { compute } from "../../src/core/compute";
import type { CellValue, RawCell } from "../../src/core/grid";
import { cellOf, sheet } from "./rulesFixture";

function run(values: Record<string, CellValue | RawCell>) {
  const s = sheet(values);
  return compute(s.grid, s.template, s.location);
}

describe("compute: rates", () => {
  it("fills a blank rate from 41/47 as 87.23 with a ROUND formula", () => {
    const { patches, findings } = run({ "I.1.1": 47, "I.1.2": 41 });
    expect(patches).toEqual([
      { cell: at("D11"), indicator: "I.1", formula: "=ROUND(D13/D12*100,2)", value: 87.23, cellValue: 87.23, relation: "completion_rate", numberFormat: "0.00" },
    ]);
    expect(findings).toEqual([
      expect.objectContaining({
        code: "computed_value_missing",
        severity: "warning",
        cell: at("D11"),
        cells: [at("D11"), at("D13"), at("D12")],
        expected: 87.23,
        fix: { cell: at("D11"), value: 87.23, cellValue: 87.23, formula: "=ROUND(D13/D12*100,2)", numberFormat: "0.00" },
      }),
    ]);
  });

  it("writes a fraction and a %-formula into a blank cell formatted as %", () => {
    const { patches } = run({ "I.1.1": 47, "I.1.2": 41, "I.1": { value: null, numberFormat: "0.00%" } });
    expect(patches).toEqual([expect.objectContaining({ formula: "=ROUND(D13/D12,4)", value: 87.23, cellValue: 0.8723, numberFormat: "0.00%" })]);
  });

  it.each([
    ["the same value", 87.23],
    ["the same value within its 0 displayed decimals", { value: 87, numberFormat: "0" }],
    ["the same value as text", "87,23"],
    ["the same formula (other spacing and $)", { value: 87.23, formula: "= round($D$13/$D$12*100, 2)" }],
    ["a % cell with the same fraction", { value: 0.8723, numberFormat: "0.00%" }],
  ] as [string, CellValue | RawCell][])("leaves a rate that already holds %s", (_n, rate) => {
    expect(run({ "I.1.1": 47, "I.1.2": 41, "I.1": rate })).toEqual({ patches: [], findings: [] });
  });

  it("reports a conflict, not a patch, when the rate holds a dash", () => {
    const { patches, findings } = run({ "I.1.1": 47, "I.1.2": 41, "I.1": "-" });
    expect(patches).toEqual([]);
    expect(findings).toEqual([
      expect.objectContaining({ code: "computed_value_conflict", severity: "warning", cell: at("D11"), actual: "-", expected: 87.23, relation: "completion_rate" }),
    ]);
  });

  it("leaves a rate holding a different number to the relation rule (rate_mismatch), writing nothing", () => {
    expect(run({ "I.1.1": 47, "I.1.2": 41, "I.1": 80 })).toEqual({ patches: [], findings: [] });
  });

  it("stays silent on a rate cell holding text (the cell rules report it)", () => {
    expect(run({ "I.1.1": 47, "I.1.2": 41, "I.1": "chưa có" })).toEqual({ patches: [], findings: [] });
  });

  it.each([
    ["blank denominator, numerator filled", { "I.1.2": 41 }, "rate_denominator_blank"],
    ["blank denominator, rate filled", { "I.1": 50 }, "rate_denominator_blank"],
    ["denominator 0", { "I.1.1": 0, "I.1.2": 0 }, "rate_denominator_zero"],
    ["denominator 0 as text", { "I.1.1": "0", "I.1.2": 0 }, "rate_denominator_zero"],
  ] as [string, Record<string, CellValue>, string][])("leaves the rate alone and says why: %s", (_n, values, code) => {
    const { patches, findings } = run(values);
    expect(patches).toEqual([]);
    expect(findings).toEqual([
      expect.objectContaining({ code, severity: "info", cell: at("D11"), cells: [at("D11"), at("D12"), at("D13")], fix: null, relation: "completion_rate" }),
    ]);
  });

  it("says nothing when every input of a rate is blank", () => {
    expect(run({})).toEqual({ patches: [], findings: [] });
  });

  it("says nothing when only the numerator is missing", () => {
    expect(run({ "I.1.1": 47 })).toEqual({ patches: [], findings: [] });
  });
});

describe("compute: totals", () => {
  it("fills a blank total from its parts, a blank part counting as 0", () => {
    const { patches, findings } = run({ "I.6.2": 41 });
    expect(patches).toEqual([
      { cell: cellOf("I.6.1"), indicator: "I.6.1", formula: `=SUM(${toA1(cellOf("I.6.2"))},${toA1(cellOf("I.6.3"))})`, value: 41, cellValue: 41, relation: "procedures_total" },
    ]);
    expect(findings).toEqual([expect.objectContaining({ code: "computed_value_missing", expected: 41, cell: cellOf("I.6.1") })]);
  });

  it("uses the number stored as text in a part", () => {
    expect(run({ "I.6.2": "02", "I.6.3": 3 }).patches).toEqual([expect.objectContaining({ value: 5 })]);
  });

  it.each([
    ["no part filled", {}],
    ["the total already right", { "I.6.1": 5, "I.6.2": 2, "I.6.3": 3 }],
  ] as [string, Record<string, CellValue>][])("does nothing when %s", (_n, values) => {
    expect(run(values)).toEqual({ patches: [], findings: [] });
  });

  it("leaves the total blank when a part is no number at all, naming that part (computed_value_blocked)", () => {
    const r = run({ "I.6.2": 4, "I.6.3": "nhiều" });
    expect(r.patches).toEqual([]);
    expect(r.findings.map((f) => [f.code, cellA1(f.cell), f.code === "computed_value_blocked" && f.detail.toFix.map((i) => cellA1(i.cell!))])).toEqual([
      ["computed_value_blocked", "D22", ["D24"]],
    ]);
  });

  it("leaves a total that differs to the relation rule (sum_mismatch), writing nothing", () => {
    expect(run({ "I.6.1": 6, "I.6.2": 2, "I.6.3": 3 })).toEqual({ patches: [], findings: [] });
  });
});

describe("compute: chained relations", () => {
  it("uses a computed total as a rate's denominator", () => {
    const s = sheet({ "I.6.2": 40, "I.6.3": 10, "I.1.2": 41 });
    const template = {
      ...s.template,
      relations: [
        { kind: "rate" as const, id: "r", rate: "I.1", numerator: "I.1.2", denominator: "I.6.1", severity: "error" as const },
        { kind: "sum_equals" as const, id: "t", parts: ["I.6.2", "I.6.3"], total: "I.6.1", severity: "error" as const },
      ],
    };
    const { patches, findings } = compute(s.grid, template, s.location);
    expect(patches.map((p) => [p.relation, p.value])).toEqual([
      ["t", 50],
      ["r", 82],
    ]);
    expect(findings.map((f) => f.code)).toEqual(["computed_value_missing", "computed_value_missing"]);
  });

  it("reports a rate that differs once a computed total is its denominator as a conflict (the rule cannot see it)", () => {
    const s = sheet({ "I.6.2": 40, "I.6.3": 10, "I.1.2": 41, "I.1": 50 });
    const template = {
      ...s.template,
      relations: [
        { kind: "rate" as const, id: "r", rate: "I.1", numerator: "I.1.2", denominator: "I.6.1", severity: "error" as const },
        { kind: "sum_equals" as const, id: "t", parts: ["I.6.2", "I.6.3"], total: "I.6.1", severity: "error" as const },
      ],
    };
    const state = checkWorkbook([{ name: "Phụ lục", grid: s.grid }], [template]);
    if (!state.found) throw new Error("the fixture sheet was not located");
    expect(state.findings.filter((f) => f.relation).map((f) => [f.code, cellA1(f.cell), f.expected])).toEqual([
      ["computed_value_conflict", "D11", 82],
      ["computed_value_missing", toA1(cellOf("I.6.1")), 50],
    ]);
  });
});

describe("compute: the layout plan's guarded formulas", () => {
  it.each([
    ["a guarded rate showing blank", "I.1", { value: null, formula: '=IF(N(D12)=0,"",ROUND(D13/D12*100,2))' }, { "I.1.1": 47, "I.1.2": 41 }],
    ["a guarded total showing blank", "I.6.1", { value: null, formula: `=IF(COUNT(${toA1(cellOf("I.6.2"))},${toA1(cellOf("I.6.3"))})=0,"",SUM(${toA1(cellOf("I.6.2"))},${toA1(cellOf("I.6.3"))}))` }, { "I.6.2": 4 }],
  ] as [string, string, RawCell, Record<string, CellValue>][])("treats %s as already filled", (_n, id, target, inputs) => {
    expect(run({ ...inputs, [id]: target })).toEqual({ patches: [], findings: [] });
  });

  it("still reports another formula showing blank as a conflict", () => {
    const { findings } = run({ "I.1.1": 47, "I.1.2": 41, "I.1": { value: "", formula: '=IF(D12="","",D13)' } });
    expect(findings.map((f) => [f.code, f.actual])).toEqual([["computed_value_conflict", null]]);
  });
});
