
/**
 * The benchmark's actions (bench/excel.ts, the figures `npm run bench` prints) held exactly: each action's reads and
 * writes, and what 50,000 rows of other data in the workbook add to its payloads. Only the first check reads other
 * sheets (in a bounded window, test/excel/roundTrips.test.ts); every other action must send and receive exactly
 * the same bytes whatever else the workbook holds.
 */
import { ACTIONS, BIG_ROWS, PAYLOAD_BUDGET_BYTES, type ActionCount } from "../../bench/excel";
import { bigWorkbook, seedWorkbook } from "./workbooks";

const expected: Record<string, { reads: number; writes: number; bigResponseExtra: "none" | "sheet names" | "window" }> = {
  check: { reads: 1, writes: 0, bigResponseExtra: "window" },
  ribbonCheck: { reads: 1, writes: 1, bigResponseExtra: "window" },
  ribbonFill: { reads: 1, writes: 1, bigResponseExtra: "window" },
  fill: { reads: 0, writes: 1, bigResponseExtra: "none" },
  fillHighlighted: { reads: 1, writes: 1, bigResponseExtra: "none" },
  insertTemplate: { reads: 1, writes: 1, bigResponseExtra: "sheet names" },
  clearHighlights: { reads: 1, writes: 1, bigResponseExtra: "none" },
  recheckAfterEdit: { reads: 1, writes: 0, bigResponseExtra: "none" },
};

describe("benchmark actions through the office-js adapter", () => {
  test("every benchmarked action has an expectation here", () => {
    expect(ACTIONS.map((a) => a.name).sort()).toEqual(Object.keys(expected).sort());
  });

  const results = new Map<string, { small: ActionCount; big: ActionCount }>();
  beforeAll(async () => {
    for (const action of ACTIONS) {
      results.set(action.name, { small: await action.run(seedWorkbook), big: await action.run(() => bigWorkbook(BIG_ROWS)) });
    }
  }, 120_000);

  test.each(Object.entries(expected))("%s: exact reads and writes on both workbooks", (name, e) => {
    const { small, big } = results.get(name)!;
    expect({ reads: small.reads, writes: small.writes }).toEqual({ reads: e.reads, writes: e.writes });
    expect({ reads: big.reads, writes: big.writes }).toEqual({ reads: e.reads, writes: e.writes });
    // The cell-by-cell baseline always needs more syncs than the adapter.
    expect(small.naive).toBeGreaterThan(small.reads + small.writes);
  });

  test.each(Object.entries(expected))("%s: 50,000 other rows add nothing to the request, and only what is needed to the response", (name, e) => {
    const { small, big } = results.get(name)!;
    expect(big.maxRequestBytes).toBe(small.maxRequestBytes);
    const extra = big.maxResponseBytes - small.maxResponseBytes;
    if (e.bigResponseExtra === "none") expect(extra).toBe(0);
    // The other sheet's entry (name, id) in the list of names the new sheet must not clash with, nothing of its cells.
    if (e.bigResponseExtra === "sheet names") {
      expect(extra).toBeGreaterThan(0);
      expect(extra).toBeLessThan(100);
    }
    // The other sheet's bounded window: more than nothing, far less than the sheet.
    if (e.bigResponseExtra === "window") expect(extra).toBeGreaterThan(0);
    expect(Math.max(big.maxRequestBytes, big.maxResponseBytes)).toBeLessThan(PAYLOAD_BUDGET_BYTES);
  });
});
