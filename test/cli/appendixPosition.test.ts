/**
 * Where on a sheet `cchc check` finds the appendix (docs/LOCATE.md, "Bounded work"): the sample's appendix moved down
 * and right by another program (openpyxl), each file checked as a user checks it. A header below the first
 * HEADER_SCAN_ROWS rows is no obstacle while the label column lies in the first FALLBACK_SCAN_ROWS rows and the first
 * SCAN_COLS columns; wholly beyond either, the file holds no appendix (exit 2).
 */
import { execFileSync, spawnSync } from "child_process";
import * as path from "path";
import { columnLetters, FALLBACK_SCAN_ROWS, HEADER_SCAN_ROWS, SCAN_COLS } from "../../src/core";
import { tempDir } from "../fixtures/tempDir";

jest.setTimeout(120000);

const ROOT = path.resolve(__dirname, "../..");
const SAMPLE = path.join(ROOT, "samples/phu-luc-mau-2023.xlsx");
/** The sample's label column is B (index 1); its title starts in row 1. */
const LABEL_COL = 1;

/** The sample with `rows` rows and `cols` columns inserted before its first (merges undone first: openpyxl keeps them in place). */
function moved(rows: number, cols: number): string {
  const out = path.join(tempDir("cchc-position-"), `r${rows}-c${cols}.xlsx`);
  const py = [
    "import sys, openpyxl",
    "wb = openpyxl.load_workbook(sys.argv[1]); ws = wb['Phụ lục']",
    "for m in list(ws.merged_cells.ranges): ws.unmerge_cells(str(m))",
    "r, c = int(sys.argv[3]), int(sys.argv[4])",
    "if r: ws.insert_rows(1, r)",
    "if c: ws.insert_cols(1, c)",
    "wb.save(sys.argv[2])",
  ].join("\n");
  execFileSync("/usr/bin/python3", ["-c", py, SAMPLE, out, String(rows), String(cols)]);
  return out;
}

function check(file: string): { code: number | null; recognized?: number; error?: string } {
  const r = spawnSync(process.execPath, [path.join(ROOT, "bin/cchc.js"), "check", "--json", file], { encoding: "utf8" });
  const entry = (JSON.parse(r.stdout) as { files: { recognized?: number; error?: string }[] }).files[0];
  return { code: r.status, recognized: entry.recognized, error: entry.error };
}

test(`a header below row ${HEADER_SCAN_ROWS}: found by its labels, every indicator`, () => {
  const r = check(moved(HEADER_SCAN_ROWS + 50, 0));
  expect(r).toMatchObject({ recognized: 178 });
  expect(r.error).toBeUndefined();
});

test(`the label column in column ${columnLetters(SCAN_COLS - 1)}, the last one looked at: found`, () => {
  expect(check(moved(0, SCAN_COLS - 1 - LABEL_COL))).toMatchObject({ recognized: 178 });
});

test(`the label column right of column ${columnLetters(SCAN_COLS - 1)}: no appendix, exit 2`, () => {
  const r = check(moved(0, SCAN_COLS - LABEL_COL));
  expect(r.code).toBe(2);
  expect(r.recognized).toBeUndefined();
  expect(r.error).toEqual(expect.any(String));
});

test(`the appendix wholly below row ${FALLBACK_SCAN_ROWS}: no appendix, exit 2`, () => {
  const r = check(moved(FALLBACK_SCAN_ROWS, 0));
  expect(r.code).toBe(2);
  expect(r.error).toEqual(expect.any(String));
});
