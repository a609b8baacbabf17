/**
 * The repository stands alone: `npm test` on a fresh clone with nothing beside it. No source, test, script or
 * benchmark names a path outside the checkout (the seed report once sat in a folder beside the repository; its rows
 * are now test/fixtures/seed-appendix.json), and the fixtures the tests read are committed, not left in a working copy.
 */
import { execFileSync } from "child_process";
import * as fs from "fs";
import * as path from "path";

const ROOT = path.join(__dirname, "../..");

function files(dir: string): string[] {
  return fs.readdirSync(path.join(ROOT, dir), { withFileTypes: true }).flatMap((e) => {
    const rel = `${dir}/${e.name}`;
    if (e.isDirectory()) return e.name === "node_modules" ? [] : files(rel);
    return /\.(ts|tsx|js|mjs|cjs|py|sh)$/.test(e.name) ? [rel] : [];
  });
}

/** A quoted relative path that climbs ("../…"), or an absolute path of a machine's home or work folder. */
const CLIMBING = /["'`]((?:\.\.\/)+[^"'`\s]*)/g;
const MACHINE = /["'`]\/(work|home|Users)\//;

/** Whether `rel` names a file or folder of the checkout (a module without its extension too). */
const inCheckout = (rel: string) => ["", ".ts", ".tsx", ".js"].some((ext) => fs.existsSync(path.join(ROOT, rel + ext)));

/**
 * The paths in `text` (a file at `file`, relative to the root) that lead outside the checkout. A climbing path that
 * is the checkout's own path written for another file (the lint probes' import specifiers are relative to the probe
 * files they describe) is not one: past the root it names a file the checkout has.
 */
function outside(file: string, text: string): string[] {
  const found = [...text.matchAll(CLIMBING)]
    .map((m) => m[1])
    .filter((p) => path.relative(ROOT, path.resolve(ROOT, path.dirname(file), p)).startsWith(".."))
    .filter((p) => !inCheckout(p.replace(/^(\.\.\/)+/, "")));
  const machine = MACHINE.exec(text);
  return machine ? [...found, machine[0]] : found;
}

test("no file of the repository reads a path outside it", () => {
  const own = path.relative(ROOT, __filename);
  const offending = ["src", "test", "scripts", "bench", "bin"]
    .flatMap(files)
    .filter((f) => f !== own)
    .flatMap((f) => outside(f, fs.readFileSync(path.join(ROOT, f), "utf8")).map((p) => `${f}: ${p}`));
  expect(offending).toEqual([]);
});

test("the probe above recognises such a path, and not a path inside the checkout", () => {
  const beside = `${"../".repeat(3)}beside/report.md`;
  expect(outside("test/core/x.test.ts", `fs.readFileSync(path.join(__dirname, "${beside}"))`)).toEqual([beside]);
  expect(outside("test/core/x.test.ts", `const seed = "/work/beside/report.md";`)).toHaveLength(1);
  expect(outside("test/core/x.test.ts", `import { seedGrid } from "../fixtures/seed";`)).toEqual([]);
  expect(outside("test/lint/x.test.ts", `const ROOT = path.join(__dirname, "../..");`)).toEqual([]);
  expect(outside("test/lint/x.test.ts", `probe("test/core/locate/p.test.ts", "../../../src/core/locate/header")`)).toEqual([]);
});

test("the fixtures the tests read are committed", () => {
  const tracked = new Set(execFileSync("git", ["ls-files", "test/fixtures", "samples"], { cwd: ROOT, encoding: "utf8" }).split("\n").filter(Boolean));
  const onDisk = files("test/fixtures").concat(
    fs.readdirSync(path.join(ROOT, "test/fixtures"), { recursive: true, encoding: "utf8" }).filter((f) => /\.(json|xlsx)$/.test(f)).map((f) => `test/fixtures/${f}`),
  );
  expect(tracked.has("test/fixtures/seed-appendix.json")).toBe(true);
  expect(onDisk.filter((f) => !tracked.has(f))).toEqual([]);
});
