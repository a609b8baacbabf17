/**
 * The bad-file corpus (makeBadFiles.ts) through the real `cchc check`, spawned as a user runs it: exit 2 and one
 * sentence in Vietnamese and in English, within a bound on time and peak memory (measured by a preload in the
 * child), never a stack trace. The same refusals come from `readWorkbook`, which the pane outside Excel uses.
 */
import { spawnSync } from "child_process";
import ExcelJS from "exceljs";
import * as fs from "fs";
import * as path from "path";
import { makeBadFiles, type BadFile } from "./makeBadFiles";
import { readWorkbook, WorkbookReadError, type WorkbookReadFailure } from "../../src/xlsx/readWorkbook";
import { inspectWorkbookBytes, MAX_CELLS } from "../../src/xlsx/limits";
import { tempDir } from "../fixtures/tempDir";

jest.setTimeout(240000);

const ROOT = path.resolve(__dirname, "../..");
const BIN = path.join(ROOT, "bin", "cchc.js");
const PROBE = path.join(__dirname, "maxRss.cjs");
const SAMPLE = path.join(ROOT, "samples", "phu-luc-mau-2023.xlsx");
/** Bounds, not benchmarks: a refused file costs well under a second and ~100 MB; these leave room for a busy machine. */
const MAX_SECONDS = 20;
const MAX_RSS_MB = 400;

let dir: string;
let files: BadFile[];

beforeAll(async () => {
  dir = tempDir("cchc-bad-");
  files = await makeBadFiles(dir);
});

afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

function cchc(args: string[]) {
  const rssFile = path.join(dir, `rss-${Math.random().toString(36).slice(2)}`);
  const started = Date.now();
  const r = spawnSync(process.execPath, ["-r", PROBE, BIN, ...args], {
    cwd: ROOT,
    encoding: "utf8",
    timeout: MAX_SECONDS * 1000 * 2,
    env: { ...process.env, CCHC_MAX_RSS_FILE: rssFile },
  });
  if (r.error) throw r.error;
  const seconds = (Date.now() - started) / 1000;
  const rssMb = Number(fs.readFileSync(rssFile, "utf8")) / 1024;
  return { code: r.status, out: r.stdout, err: r.stderr, seconds, rssMb };
}

const NAMES = [
  "rong.xlsx",
  "van-ban.xlsx",
  "cat-cut.xlsx",
  "cu.xls",
  "co-mat-khau.xlsx",
  "bang-tinh.ods",
  "van-ban-word.xlsx",
  "kich-thuoc-khong-lo.xlsx",
  "bom-nen.xlsx",
  "bom-nen-khai-sai.xlsx",
  "qua-nhieu-o.xlsx",
  "qua-lon.xlsx",
];

test("the corpus holds every kind of bad file", () => {
  expect(files.map((f) => f.name)).toEqual(NAMES);
  // The bombs are small on disk: the point is what they expand to.
  expect(fs.statSync(path.join(dir, "bom-nen.xlsx")).size).toBeLessThan(5 * 1024 * 1024);
});

describe.each(NAMES)("cchc check %s", (name) => {
  const bad = () => files.find((f) => f.name === name)!;

  test("exit 2, one Vietnamese sentence on stderr naming the file, bounded time and memory", () => {
    const r = cchc(["check", bad().file]);
    expect(r.code).toBe(2);
    expect(r.out).toBe("");
    const lines = r.err.trim().split("\n");
    expect(lines).toHaveLength(1);
    expect(lines[0]).toContain(bad().vi);
    expect(lines[0]).toContain(bad().file);
    expect(r.out + r.err).not.toMatch(/\n\s+at |Error:|TypeError|node:internal/);
    expect(r.seconds).toBeLessThan(MAX_SECONDS);
    expect(r.rssMb).toBeLessThan(MAX_RSS_MB);
  });
});

test("--lang en: one English sentence per file, exit 2", () => {
  const r = cchc(["check", ...files.map((f) => f.file), "--lang", "en"]);
  expect(r.code).toBe(2);
  for (const f of files) {
    const line = r.err.split("\n").find((l) => l.includes(f.file));
    expect(line).toContain(f.en);
  }
  expect(r.out).toContain(`${files.length} files could not be checked`);
  expect(r.out + r.err).not.toMatch(/\n\s+at |Error:|TypeError|node:internal/);
  expect(r.rssMb).toBeLessThan(MAX_RSS_MB);
});

test("fill refuses them too, writing nothing", () => {
  for (const name of ["bom-nen.xlsx", "co-mat-khau.xlsx", "cat-cut.xlsx"]) {
    const out = path.join(dir, `out-${name}.xlsx`);
    const r = cchc(["fill", path.join(dir, name), "-o", out]);
    expect(r.code).toBe(2);
    expect(r.err.trim().split("\n")).toHaveLength(1);
    expect(fs.existsSync(out)).toBe(false);
  }
});

describe("readWorkbook (ExcelJS's path: form files) refuses with a typed reason", () => {
  const reasons: Record<string, WorkbookReadFailure | null> = {
    "rong.xlsx": "empty",
    "van-ban.xlsx": "not_xlsx",
    "cat-cut.xlsx": "damaged",
    "cu.xls": "old_xls",
    "co-mat-khau.xlsx": "encrypted",
    "bang-tinh.ods": "ods",
    "van-ban-word.xlsx": "not_xlsx",
    "kich-thuoc-khong-lo.xlsx": null,
    "bom-nen.xlsx": "too_much_data",
    "bom-nen-khai-sai.xlsx": "damaged",
    "qua-nhieu-o.xlsx": "too_much_data",
    "qua-lon.xlsx": "too_large",
  };
  test.each(Object.entries(reasons))("%s -> %s", async (name, reason) => {
    const bytes = fs.readFileSync(path.join(dir, name));
    if (reason === null) {
      // Huge claimed dimensions are no reason to refuse: the grid stops where the values do, and never reaches
      // past MAX_GRID_ROWS × MAX_GRID_COLS, so the lone far cell leaves it empty (and the check says "no appendix").
      const sheets = await readWorkbook(bytes);
      expect(sheets).toHaveLength(1);
      expect(sheets[0].grid.values).toEqual([]);
      return;
    }
    await expect(readWorkbook(bytes)).rejects.toEqual(expect.objectContaining({ reason }));
    await expect(readWorkbook(bytes)).rejects.toBeInstanceOf(WorkbookReadError);
  });
});

test("a real workbook passes the inspection with its true figures", () => {
  const r = inspectWorkbookBytes(fs.readFileSync(SAMPLE));
  expect(r.ok).toBe(true);
  if (!r.ok) return;
  expect(r.stats.cells).toBeGreaterThan(500);
  expect(r.stats.cells).toBeLessThan(MAX_CELLS);
  expect(r.stats.expandedBytes).toBeGreaterThan(fs.statSync(SAMPLE).size);
});

test("the sample with a value at XFD1048576 on another sheet is still checked, within the same bounds", async () => {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(SAMPLE);
  wb.addWorksheet("Xa").getCell("XFD1048576").value = "góc xa";
  const file = path.join(dir, "mau-va-o-xa.xlsx");
  await wb.xlsx.writeFile(file);
  const r = cchc(["check", file]);
  expect(r.code).toBe(0);
  expect(r.out).toContain("nhận ra 178/178 chỉ tiêu");
  expect(r.seconds).toBeLessThan(MAX_SECONDS);
  expect(r.rssMb).toBeLessThan(MAX_RSS_MB);
});

test("consolidate leaves every bad file out with its sentence, and still sums the good one, within the bounds", () => {
  const out = path.join(dir, "TONG_HOP.xlsx");
  const r = cchc(["consolidate", SAMPLE, ...files.map((f) => f.file), "-o", out]);
  expect(r.code).toBe(2);
  // Each bad file listed apart (no unit, no error count) with the sentence every surface says for that file.
  const lines = r.out.split("\n");
  for (const f of files) {
    const line = lines.find((l) => l.startsWith(`  - ${f.file}: `));
    expect([f.name, line]).toEqual([f.name, expect.stringContaining(f.vi)]);
  }
  expect(r.out).toContain(`${files.length} tệp không đọc được, không phải đơn vị:`);
  expect(r.out).toContain(`${files.length} tệp không đọc được.`);
  expect(fs.existsSync(out)).toBe(true);
  expect(r.out + r.err).not.toMatch(/\n\s+at |Error:|TypeError|node:internal/);
  expect(r.seconds).toBeLessThan(MAX_SECONDS * 2);
  expect(r.rssMb).toBeLessThan(MAX_RSS_MB);
});
