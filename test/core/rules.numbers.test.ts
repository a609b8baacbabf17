import { displayTolerance, isWhole, roundTo } from "../../src/core/rules/numbers";

describe("roundTo", () => {
  it.each([
    [(41 / 47) * 100, 2, 87.23],
    [1.005, 2, 1.01],
    [2.675, 2, 2.68],
    [-1.005, 2, -1.01],
    [0.87234, 4, 0.8723],
    [5e-324, 2, 0],
    [123456789.125, 2, 123456789.13],
    [-0.001, 2, 0],
    [100, 2, 100],
  ])("%d to %d decimals is %d", (value, decimals, expected) => {
    expect(roundTo(value, decimals)).toBe(expected);
  });
});

describe("displayTolerance", () => {
  it.each([
    [2, 0.005],
    [0, 0.5],
    [1, 0.05],
    [null, 0.005],
  ])("%s decimals: ±%d", (decimals, tol) => {
    expect(displayTolerance(decimals)).toBeCloseTo(tol, 8);
  });
});

describe("isWhole", () => {
  it.each([
    [3, true],
    [3.0000000000004, true],
    [2.5, false],
    [-1, true],
  ])("%d: %s", (n, whole) => {
    expect(isWhole(n)).toBe(whole);
  });
});
