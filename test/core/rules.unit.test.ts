import { at } from "../fixtures/a1";
import { validate } from "../../src/core/validate";
import { unitKind } from "../../src/core/rules/unitRule";
import { sheet, testTemplate } from "./rulesFixture";

const answered = { "I.3": 1, "I.4": 1, "I.5": 1 };

function unitFindings(units: Record<string, string>) {
  const s = sheet(answered, {}, testTemplate, units);
  return validate(s.grid, s.template, s.location).filter((f) => f.code === "unit_mismatch");
}

describe("unit column", () => {
  it.each([
    ["%", "percent"],
    ["Tỷ lệ (%)", "percent"],
    ["Không = 0 Có = 1", "code"],
    ["Có = 1\nKhông = 0", "code"],
    ["Nhiệm vụ", "count"],
    ["Văn bản", "count"],
  ])("%j announces a %s", (unit, kind) => {
    expect(unitKind(unit)).toBe(kind);
  });

  it("the template's own units give nothing", () => {
    expect(unitFindings({})).toEqual([]);
  });

  it.each([
    ["I.1.1", "Nhiệm vu", "another count word"],
    ["I.1.1", "", "a blank unit"],
    ["I.1", "Tỷ lệ %", "a rate written differently"],
    ["I.3", "Có = 1 Không = 0", "codes in the other order"],
  ])("%s with %j is accepted (%s)", (id, unit) => {
    expect(unitFindings({ [id]: unit })).toEqual([]);
  });

  it.each([
    ["I.1.1", "%", "D12", "C12"],
    ["I.1", "Nhiệm vụ", "D11", "C11"],
    ["I.3", "Thủ tục", "D17", "C17"],
    ["I.1.2", "Không = 0 Có = 1", "D13", "C13"],
  ])("%s with unit %j is a warning on the unit cell", (id, unit, valueCell, unitCell) => {
    const found = unitFindings({ [id]: unit });
    expect(found).toHaveLength(1);
    expect(found[0]).toMatchObject({
      severity: "warning",
      indicator: id,
      cell: at(unitCell),
      cells: [at(unitCell), at(valueCell)],
      actual: unit,
      fix: null,
      detail: { valueCell: at(valueCell) },
    });
  });
});
