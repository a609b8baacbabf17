/**
 * ExcelJS is loaded only by the commands that make or read workbooks through it (template, consolidate, a form
 * file, form import): check and fill without a form file never pay for it. The command is spawned as a user
 * runs it, with a preload that reports at exit whether any ExcelJS module was loaded.
 */
import { spawnSync } from "child_process";
import * as fs from "fs";
import * as path from "path";
import { tempDir } from "../fixtures/tempDir";

const ROOT = path.resolve(__dirname, "../..");
const BIN = path.join(ROOT, "bin/cchc.js");
const SAMPLE = "samples/phu-luc-mau-2023.xlsx";
const FORM = "test/fixtures/forms/thu-nghiem-xa.xlsx";

let dir: string;
let hook: string;
beforeAll(() => {
  dir = tempDir("cchc-lazy-");
  hook = path.join(dir, "hook.cjs");
  fs.writeFileSync(hook, 'process.on("exit", () => { if (Object.keys(require.cache).some((k) => /[\\\\/]node_modules[\\\\/]exceljs[\\\\/]/.test(k))) process.stderr.write("EXCELJS-LOADED\\n"); });\n');
});
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

function loadsExcelJs(args: string[]): boolean {
  const r = spawnSync(process.execPath, ["--require", hook, BIN, ...args], { cwd: ROOT, encoding: "utf8", timeout: 60000 });
  if (r.error) throw r.error;
  return r.stderr.includes("EXCELJS-LOADED");
}

test.each([
  ["check", ["check", SAMPLE]],
  ["fill", ["fill", SAMPLE, "-o", "OUT"]],
  ["form check of a missing file", ["form", "check", "khong-co.xlsx"]],
])("%s does not load ExcelJS", (_name, args) => {
  expect(loadsExcelJs(args.map((a) => (a === "OUT" ? path.join(dir, "out.xlsx") : a)))).toBe(false);
});

test.each([
  ["--form", ["check", SAMPLE, "--form", FORM]],
  ["--forms", ["check", SAMPLE, "--forms", path.dirname(FORM)]],
])("a form file given with %s loads it (the preload sees it)", (_name, args) => {
  expect(loadsExcelJs(args)).toBe(true);
});
