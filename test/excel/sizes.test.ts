/**
 * The benchmark's actions (bench/excel.ts, the figures `npm run bench` prints) held exactly: each action's reads and
 * writes, the bytes of its largest request and response as Microsoft's client builds them and the host answers
 * them, what 50,000 rows of other data in the workbook add to them, and docs/OFFICE.md's table of them. Only the
 * first check reads other sheets, in the bounded read window: beside 50,000 rows it sends and receives exactly
 * what it does beside that sheet cut to the window. Every other action sends and receives the same bytes whatever
 * else the workbook holds (the template insert: plus the other sheet's name, which the new sheet must not take).
 */
import * as fs from "fs";
import * as path from "path";
import { ACTIONS, BIG_ROWS, PAYLOAD_BUDGET_BYTES, type ActionCount } from "../../bench/excel";
import { MAX_SHEETS } from "../../src/excel/readSheets";
import { READ_ROWS } from "../../src/excel/readWindow";
import { bigWorkbook, DATA_SHEET, seedWorkbook } from "./workbooks";

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

/**
 * Largest request and response, bytes: [appendix request, appendix response, beside 50,000 rows request, response].
 * Exact for the pinned client. A change to what the adapter sends or reads moves them: put the new figures here
 * and in docs/OFFICE.md's table (the test below says which row) in the same commit.
 */
const BYTES: Record<string, readonly [number, number, number, number]> = {
  check: [40692, 87283, 40692, 280504],
  ribbonCheck: [59562, 90788, 59562, 283931],
  ribbonFill: [59562, 90788, 59562, 283931],
  fill: [982, 14, 982, 14],
  fillHighlighted: [3366, 166, 3366, 166],
  insertTemplate: [330830, 131, 330830, 163],
  clearHighlights: [1153, 166, 1153, 166],
  recheckAfterEdit: [1579, 79156, 1579, 79156],
};

/** docs/OFFICE.md's row of each action in the table of host calls. */
const OFFICE_ROW: Record<string, string> = {
  check: "check (first)",
  recheckAfterEdit: "re-check (on change)",
  ribbonCheck: "ribbon *Check*",
  ribbonFill: "ribbon *Fill*",
  fill: "pane *Fill*, after a check",
  fillHighlighted: "pane *Fill* with highlighting on",
  insertTemplate: "pane *Insert template*",
  clearHighlights: "clear highlights",
};

/** A size as OFFICE.md writes it: bytes under 100, tenths of a KB under 10 KB, whole KB above (1 KB = 1,000 bytes). */
function kb(bytes: number): string {
  if (bytes < 100) return `${bytes} B`;
  return bytes < 10_000 ? `${(bytes / 1000).toFixed(1)} KB` : `${Math.round(bytes / 1000)} KB`;
}

/** The sizes cell of OFFICE.md's table: the appendix's figures; then, where they read otherwise, beside 50,000 rows. */
function sizesCell([req, res, bigReq, bigRes]: readonly number[]): string {
  const small = `${kb(req)} / ${kb(res)}`;
  const big = `${kb(bigReq)} / ${kb(bigRes)}`;
  return small === big ? small : `${small}; ${big}`;
}

describe("benchmark actions through the office-js adapter", () => {
  test("every benchmarked action has an expectation here", () => {
    expect(ACTIONS.map((a) => a.name).sort()).toEqual(Object.keys(expected).sort());
    expect(Object.keys(BYTES).sort()).toEqual(Object.keys(expected).sort());
    expect(Object.keys(OFFICE_ROW).sort()).toEqual(Object.keys(expected).sort());
  });

  const results = new Map<string, { small: ActionCount; big: ActionCount; window: ActionCount; names: ActionCount }>();
  beforeAll(async () => {
    for (const action of ACTIONS) {
      results.set(action.name, {
        small: await action.run(seedWorkbook),
        big: await action.run(() => bigWorkbook(BIG_ROWS)),
        // The other sheet cut to the rows the read window covers, and the other sheet empty (its name alone).
        window: await action.run(() => bigWorkbook(READ_ROWS)),
        names: await action.run(() => {
          const wb = seedWorkbook();
          wb.addSheet(DATA_SHEET);
          return wb;
        }),
      });
    }
  }, 240_000);

  test.each(Object.entries(expected))("%s: exact reads and writes on both workbooks", (name, e) => {
    const { small, big } = results.get(name)!;
    expect({ reads: small.reads, writes: small.writes }).toEqual({ reads: e.reads, writes: e.writes });
    expect({ reads: big.reads, writes: big.writes }).toEqual({ reads: e.reads, writes: e.writes });
    // The cell-by-cell baseline always needs more syncs than the adapter.
    expect(small.naive).toBeGreaterThan(small.reads + small.writes);
  });

  test.each(Object.entries(expected))("%s: the exact bytes of its largest request and response", (name) => {
    const { small, big } = results.get(name)!;
    expect([small.maxRequestBytes, small.maxResponseBytes, big.maxRequestBytes, big.maxResponseBytes]).toEqual(BYTES[name]);
  });

  test.each(Object.entries(expected))("%s: 50,000 other rows add nothing to the request, and only what is needed to the response", (name, e) => {
    const { small, big, window, names } = results.get(name)!;
    expect(big.maxRequestBytes).toBe(small.maxRequestBytes);
    if (e.bigResponseExtra === "none") expect(big.maxResponseBytes).toBe(small.maxResponseBytes);
    // The other sheet's entry (name, id) in the list of names the new sheet must not clash with, nothing of its cells.
    if (e.bigResponseExtra === "sheet names") {
      expect(big.maxResponseBytes).toBe(names.maxResponseBytes);
      expect(names.maxResponseBytes).toBeGreaterThan(small.maxResponseBytes);
    }
    // The other sheet's read window, to the byte: what the sheet holds below it costs nothing.
    if (e.bigResponseExtra === "window") {
      expect(big.maxResponseBytes).toBe(window.maxResponseBytes);
      expect(window.maxResponseBytes).toBeGreaterThan(small.maxResponseBytes);
    }
    expect(Math.max(big.maxRequestBytes, big.maxResponseBytes)).toBeLessThan(PAYLOAD_BUDGET_BYTES);
  });

  test.each(Object.entries(OFFICE_ROW))("docs/OFFICE.md's row for %s gives its measured sizes", (name, row) => {
    const doc = fs.readFileSync(path.join(__dirname, "../../docs/OFFICE.md"), "utf8");
    const line = doc.split("\n").find((l) => l.startsWith(`| ${row} |`));
    expect(line).toBeDefined();
    const cells = line!.split("|").map((c) => c.trim());
    expect(cells[cells.length - 2]).toBe(sizesCell(BYTES[name]));
  });
});

test("docs/OFFICE.md's sentence on sizes quotes the table's figures: the check's read, with the marks, the template insert and its share of 5 MB", () => {
  const doc = fs.readFileSync(path.join(__dirname, "../../docs/OFFICE.md"), "utf8").replace(/\s+/g, " ");
  const share = Math.round((BYTES.insertTemplate[0] / PAYLOAD_BUDGET_BYTES) * 100);
  expect(doc).toContain(`the check's one read of ${MAX_SHEETS} sheet slots is ${kb(BYTES.check[0])} of request, ${kb(BYTES.ribbonCheck[0])} with the marks queried`);
  expect(doc).toContain(`The largest, the template insert, is ${kb(BYTES.insertTemplate[0])}: ${share} % of Excel on the web's 5 MB limit`);
  expect(Math.max(...Object.values(BYTES).flat())).toBe(BYTES.insertTemplate[0]);
});
