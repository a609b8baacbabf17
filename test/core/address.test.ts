import { columnLetters, columnIndex, fromA1, toA1 } from "../../src/core/address";
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
