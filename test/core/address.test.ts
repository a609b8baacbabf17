import { cellA1, cellKey, cellRangeA1, columnLetters, columnIndex, compareCells, fromA1, sameCell, toA1 } from "../../src/core/address";
import { cellAt, gridFromCells } from "../../src/core/grid";

describe("address", () => {
  it.each([
    [0, "A"],
    [25, "Z"],
    [26, "AA"],
    [701, "ZZ"],
    [702, "AAA"],
  ])("column %i is %s and back", (col, letters) => {
    expect(columnLetters(col)).toBe(letters);
    expect(columnIndex(letters)).toBe(col);
  });

  it("converts A1 both ways", () => {
    expect(toA1({ row: 11, col: 3 })).toBe("D12");
    expect(fromA1("$D$12")).toEqual({ row: 11, col: 3 });
    expect(fromA1("12D")).toBeNull();
    expect(fromA1("")).toBeNull();
  });
});

describe("grid", () => {
  it("reads by sheet address, blank outside", () => {
    const g = gridFromCells({ row: 2, col: 1 }, [[{ value: 5, numberFormat: "0" }, { value: "" }]]);
    expect(cellAt(g, { row: 2, col: 1 })).toMatchObject({ value: 5, numberFormat: "0" });
    expect(cellAt(g, { row: 2, col: 2 }).value).toBeNull();
    expect(cellAt(g, { row: 0, col: 0 }).value).toBeNull();
    expect(cellAt(g, { row: 9, col: 9 }).value).toBeNull();
  });
});

describe("cells that may lie on another sheet", () => {
  it("writes A1 on the appendix's sheet, sheet-qualified elsewhere (quoted where Excel needs it)", () => {
    expect(cellA1({ row: 11, col: 3 })).toBe("D12");
    expect(cellA1({ sheet: "Sheet2", row: 11, col: 3 })).toBe("Sheet2!D12");
    expect(cellA1({ sheet: "Phụ lục (2)", row: 0, col: 0 })).toBe("'Phụ lục (2)'!A1");
    expect(cellA1({ sheet: "Bob's", row: 0, col: 0 })).toBe("'Bob''s'!A1");
    // names Excel would read as a cell or an R1C1 reference are quoted too
    expect(cellA1({ sheet: "AB12", row: 0, col: 0 })).toBe("'AB12'!A1");
    expect(cellA1({ sheet: "R1", row: 0, col: 0 })).toBe("'R1'!A1");
  });

  it("keys, compares and orders by sheet, then row, then column", () => {
    const here = { row: 4, col: 3 };
    const there = { sheet: "Tiếp", row: 4, col: 3 };
    expect(sameCell(here, { row: 4, col: 3 })).toBe(true);
    expect(sameCell(here, there)).toBe(false);
    expect(cellKey(here)).not.toBe(cellKey(there));
    const sorted = [there, { row: 9, col: 0 }, { sheet: "A", row: 0, col: 0 }, here, { row: 4, col: 2 }].sort(compareCells);
    expect(sorted.map(cellA1)).toEqual(["C5", "D5", "A10", "A!A1", "'Tiếp'!D5"]);
  });

  it("writes a range, or one cell for a range of one", () => {
    expect(cellRangeA1({ from: { row: 0, col: 0 }, to: { row: 2, col: 4 } })).toBe("A1:E3");
    expect(cellRangeA1({ from: { row: 1, col: 1 }, to: { row: 1, col: 1 } })).toBe("B2");
  });
});
