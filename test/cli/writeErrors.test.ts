/**
 * Output names as users type them, in every command that writes (fill, template, consolidate, form import): a
 * missing folder, a folder given as the output, a file where a folder should be, each one sentence saying what is
 * wrong and what to do (exit 2, nothing written); a backslash in the name on Linux (typed as on Windows) is written
 * as typed after a warning on stderr. English counts take their plural ("1 cell", "2 cells").
 */
import { spawnSync } from "child_process";
import * as fs from "fs";
import * as path from "path";
import { cliMessages, count } from "../../src/cli/messages";
import { tempDir } from "../fixtures/tempDir";

jest.setTimeout(120000);

const ROOT = path.resolve(__dirname, "../..");
const SAMPLE = path.join(ROOT, "samples/phu-luc-mau-2023.xlsx");
let dir: string;
beforeAll(() => {
  dir = tempDir("cchc-write-errors-");
  fs.copyFileSync(SAMPLE, path.join(dir, "phu-luc.xlsx"));
  fs.mkdirSync(path.join(dir, "ket-qua"));
  fs.writeFileSync(path.join(dir, "ghi-chu.txt"), "x");
});

function cchc(...args: string[]): { code: number | null; out: string; err: string } {
  const r = spawnSync(process.execPath, [path.join(ROOT, "bin/cchc.js"), ...args], { cwd: dir, encoding: "utf8" });
  return { code: r.status, out: r.stdout, err: r.stderr };
}

const en = cliMessages("en");
const vi = cliMessages("vi");

describe.each([
  ["fill", ["fill", "phu-luc.xlsx", "-o"], "phu-luc-da-dien.xlsx"],
  ["template", ["template"], "phu-luc.xlsx"],
  ["consolidate", ["consolidate", "phu-luc.xlsx", "-o"], "TONG_HOP.xlsx"],
  ["form import", ["form", "import", "phu-luc.xlsx", "-o"], "mau.xlsx"],
])("%s", (_name, command, example) => {
  test.each([
    ["a missing folder", "chua-co/ra.xlsx", en.outFolderMissing("chua-co/ra.xlsx", "chua-co")],
    ["a folder", "ket-qua", en.outIsFolder("ket-qua", path.join("ket-qua", example))],
    ["a file on the way", "ghi-chu.txt/ra.xlsx", en.outFolderIsFile("ghi-chu.txt/ra.xlsx", "ghi-chu.txt")],
  ])("%s as the output: one sentence, nothing written", (_case, output, sentence) => {
    const before = fs.readdirSync(dir).sort();
    const r = cchc(...command, output, "--lang", "en");
    expect([r.code, r.out, r.err]).toEqual([2, "", `${sentence}\n`]);
    expect(fs.readdirSync(dir).sort()).toEqual(before);
  });
});

test("the sentences say what to do, in Vietnamese by default", () => {
  const r = cchc("fill", "phu-luc.xlsx", "-o", "chua-co/ra.xlsx");
  expect(r.err).toBe("Không ghi được “chua-co/ra.xlsx”: chưa có thư mục “chua-co”. Hãy tạo thư mục đó trước (mkdir -p \"chua-co\") hoặc ghi vào một thư mục đã có.\n");
  expect(vi.outIsFolder("ket-qua", "ket-qua/a.xlsx")).toBe("“ket-qua” là một thư mục, không phải tệp; hãy ghi ra một tệp trong thư mục đó, ví dụ “ket-qua/a.xlsx”.");
});

test("a folder ending in .xlsx is a folder too, even with --force", () => {
  fs.mkdirSync(path.join(dir, "thu-muc.xlsx"));
  const r = cchc("fill", "phu-luc.xlsx", "-o", "thu-muc.xlsx", "--force", "--lang", "en");
  expect([r.code, r.err]).toEqual([2, `${en.outIsFolder("thu-muc.xlsx", path.join("thu-muc.xlsx", "phu-luc-da-dien.xlsx"))}\n`]);
  expect(fs.statSync(path.join(dir, "thu-muc.xlsx")).isDirectory()).toBe(true);
});

(path.sep === "/" ? test : test.skip)("a backslash in -o on Linux: a warning, then the file is written under that very name", () => {
  const r = cchc("fill", "phu-luc.xlsx", "-o", "ket-qua\\da-dien.xlsx", "--lang", "en");
  expect(r.code).toBe(0);
  expect(r.err).toBe(`${en.backslashName("ket-qua\\da-dien.xlsx", "ket-qua/da-dien.xlsx")}\n`);
  expect(r.err).toContain("use /: “ket-qua/da-dien.xlsx”");
  expect(fs.existsSync(path.join(dir, "ket-qua\\da-dien.xlsx"))).toBe(true);
  expect(fs.readdirSync(path.join(dir, "ket-qua"))).toEqual([]);
});

test("English counts take their plural: Filled 1 cell, 2 errors", () => {
  const r = cchc("fill", "phu-luc.xlsx", "-o", "mot-o.xlsx", "--lang", "en");
  expect(r.out).toContain("Filled 1 cell:\n");
  expect([count(0, "error"), count(1, "error"), count(2, "warning")]).toEqual(["0 errors", "1 error", "2 warnings"]);
  expect(en.summary("a.xlsx", 1, 1, 1)).toBe("a.xlsx: 1 error, 1 warning, 1 info");
  expect(en.total(1, 0, 8, 0, 1)).toBe("1 file: 0 errors, 8 warnings, 0 infos; 1 file could not be checked");
  expect(en.hiddenRows(1, "12")).toBe("  Note: 1 row of the appendix is hidden (row 12); it is still checked.");
  expect(en.conflictsHeading(1)).toBe("Left 1 cell alone (it holds a value other than the computed one):");
});
