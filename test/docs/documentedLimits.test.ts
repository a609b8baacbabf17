/**
 * The limits the docs quote are the code's: each documented figure is read from its doc (by the sentence that states
 * it) and compared with the constant it names, so changing one without the other fails here.
 */
import * as fs from "fs";
import * as path from "path";
import { columnLetters, FALLBACK_SCAN_ROWS, HEADER_SCAN_ROWS, SCAN_COLS } from "../../src/core";
import { MAX_THREADS, PARALLEL_MIN_FILES } from "../../src/cli/checkBatch";
import { READ_WINDOW } from "../../src/excel/readWindow";
import { MAX_CELLS, MAX_ENTRIES, MAX_EXPANDED_BYTES, MAX_FILE_BYTES } from "../../src/xlsx/limits";

const ROOT = path.resolve(__dirname, "../..");
const doc = (name: string) => fs.readFileSync(path.join(ROOT, name), "utf8").replace(/\s+/g, " ");
/** "2,000" -> 2000 */
const num = (text: string) => Number(text.replace(/,/g, ""));
/** The first capture of `re` in `name`, failing with the doc's name when the sentence is gone. */
function quoted(name: string, re: RegExp): string {
  const m = re.exec(doc(name));
  if (!m) throw new Error(`${name} no longer says ${re}`);
  return m[1];
}
const MB = 1024 * 1024;

test("file limits: SECURITY.md, README.md and PANE.md quote limits.ts", () => {
  expect(num(quoted("SECURITY.md", /\| file size \| ([\d,]+) MB \(`MAX_FILE_BYTES`\)/)) * MB).toBe(MAX_FILE_BYTES);
  expect(num(quoted("SECURITY.md", /\| ([\d,]+) MB \(`MAX_EXPANDED_BYTES`\)/)) * MB).toBe(MAX_EXPANDED_BYTES);
  expect(num(quoted("SECURITY.md", /\| ([\d,]+) \(`MAX_ENTRIES`\)/))).toBe(MAX_ENTRIES);
  expect(num(quoted("SECURITY.md", /\| ([\d,]+) \(`MAX_CELLS`\)/))).toBe(MAX_CELLS);
  for (const name of ["README.md", "docs/PANE.md"]) {
    const [size, expanded, cells] = /(\d+) MB, (\d+) MB expanded, ([\d,]+) cells/.exec(doc(name))!.slice(1).map(num);
    expect([size * MB, expanded * MB, cells]).toEqual([MAX_FILE_BYTES, MAX_EXPANDED_BYTES, MAX_CELLS]);
  }
});

test("where an appendix is found: LOCATE.md and CLI.md quote the locator's and the Excel adapter's windows", () => {
  expect(num(quoted("docs/LOCATE.md", /The first ([\d,]+) rows \(`HEADER_SCAN_ROWS`\)/))).toBe(HEADER_SCAN_ROWS);
  expect(num(quoted("docs/LOCATE.md", /and (\d+) columns \(`SCAN_COLS`\)/))).toBe(SCAN_COLS);
  const outside = /label column lies in the first ([\d,]+) rows and in columns A–([A-Z]+) \((\d+) columns\)/.exec(doc("docs/LOCATE.md"))!;
  expect([num(outside[1]), outside[2], num(outside[3])]).toEqual([FALLBACK_SCAN_ROWS, columnLetters(SCAN_COLS - 1), SCAN_COLS]);
  expect(quoted("docs/LOCATE.md", /in the window (A1:[A-Z]+\d+) only/)).toBe(READ_WINDOW);
  const within = /within columns A–([A-Z]+) and the first (\d+) rows/.exec(doc("docs/LOCATE.md"))!;
  expect(`A1:${within[1]}${within[2]}`).toBe(READ_WINDOW);
  const probe = /over its first ([\d,]+) rows and (\d+) columns/.exec(doc("docs/CLI.md"))!;
  expect([num(probe[1]), num(probe[2])]).toEqual([FALLBACK_SCAN_ROWS, SCAN_COLS]);
});

test("check on every core: CLI.md quotes checkBatch.ts", () => {
  const m = /up to (\d+) threads, the main thread included, from (\d+) files on/.exec(doc("docs/CLI.md"))!;
  expect([num(m[1]), num(m[2])]).toEqual([MAX_THREADS, PARALLEL_MIN_FILES]);
});
