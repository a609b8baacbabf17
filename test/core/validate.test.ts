import { cellA1, cellKey } from "../../src/core/address";
import { findingCodes } from "../../src/core/rules/codes";
import { gridFromCells, type RawCell } from "../../src/core/grid";
import { validate } from "../../src/core/validate";
import { sheet } from "./rulesFixture";

const messy = {
  "I.1": 80,
  "I.1.1": 47,
  "I.1.2": 50,
  "I.2": 3,
  "I.2.1": "02",
  "I.2.2": 5,
  "I.3": 0,
  "I.3.1": 4,
  "I.4": 0,
  "I.5": "Kết hợp",
  "I.6.1": 10,
  "I.6.2": 4,
  "I.6.3": "#REF!",
};

describe("validate", () => {
  const s = sheet(messy);
  const findings = validate(s.grid, s.template, s.location);

  it("gives one finding per problem on a messy sheet, cell rules first, relations in catalog order", () => {
    expect(findings.map((f) => [f.code, f.indicator, cellA1(f.cell)])).toEqual([
      ["value_in_group_row", "I.2", "D14"],
      ["number_stored_as_text", "I.2.1", "D15"],
      ["code_as_word", "I.5", "D20"],
      ["excel_error", "I.6.3", "D24"],
      ["part_exceeds_whole", "I.1.2", "D13"],
      ["rate_mismatch", "I.1", "D11"],
      ["part_exceeds_whole", "I.2.2", "D16"],
      ["flag_contradicts_counts", "I.3", "D17"],
      ["note_missing", "I.4", "E19"],
      // procedures_total is skipped: a part holds an error value
    ]);
  });

  it("fills every field of the finding contract", () => {
    for (const f of findings) {
      expect(findingCodes).toContain(f.code);
      expect(["error", "warning", "info"]).toContain(f.severity);
      expect(f.cells[0]).toEqual(f.cell);
      expect(new Set(f.cells.map(cellKey)).size).toBe(f.cells.length);
      for (const c of f.cells) expect(Number.isInteger(c.row) && Number.isInteger(c.col) && c.row >= 0 && c.col >= 0).toBe(true);
      expect(f).toHaveProperty("actual");
      expect(f).toHaveProperty("expected");
      expect(f).toHaveProperty("fix");
    }
  });

  it("names the relation on relation findings only", () => {
    const withRelation = findings.filter((f) => f.relation).map((f) => f.relation);
    expect(withRelation).toEqual(["done_le_planned", "completion_rate", "handled_le_found", "control_flag", "violation_note"]);
  });

  it("gives nothing on a correct sheet", () => {
    const ok = sheet(
      { "I.1": 87.23, "I.1.1": 47, "I.1.2": 41, "I.2.1": 3, "I.2.2": 3, "I.3": 1, "I.3.1": 5, "I.4": 1, "I.5": 1, "I.6.1": 41, "I.6.2": 41 },
      { "I.4": "Ghi rõ nội dung vi phạm" },
    );
    expect(validate(ok.grid, ok.template, ok.location)).toEqual([]);
  });

  it("addresses cells through the location, wherever the table sits", () => {
    // The same value column D, but the grid starts at B3 and the indicator sits on sheet row 40.
    const rows: RawCell[][] = Array.from({ length: 38 }, () => []);
    rows.push([{ value: "Số nhiệm vụ đề ra trong kế hoạch" }, { value: "Nhiệm vụ" }, { value: -1 }]);
    const grid = gridFromCells({ row: 2, col: 1 }, rows);
    const s2 = sheet({});
    const location = { ...s2.location, rows: { "I.1.1": 40 }, columns: { stt: null, label: 1, unit: 2, value: 3, note: null } };
    expect(validate(grid, s2.template, location).map((f) => [f.code, cellA1(f.cell)])).toEqual([["count_negative", "D41"]]);
  });

  it("skips indicators the sheet has no row for", () => {
    const location = { ...s.location, rows: { "I.1.2": s.location.rows["I.1.2"] } };
    expect(validate(s.grid, s.template, location)).toEqual([]);
  });
});
