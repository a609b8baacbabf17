/**
 * The repository stands alone: `npm test` on a fresh clone with nothing beside it. No source, test, script or
 * benchmark names a path outside the checkout (the seed report once sat in ../shared; its rows are now
 * test/fixtures/seed-appendix.json), and the fixtures the tests read are committed, not left in a working copy.
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

/** A path that leaves the checkout: a sibling folder of the repository, or an absolute machine path. */
const OUTSIDE = /(["'`/])(\.\.\/)+shared\b|\bshared\/seed\b|["'`]\/(work|home|Users)\//;

test("no file of the repository reads a path outside it", () => {
  const own = path.relative(ROOT, __filename);
  const offending = ["src", "test", "scripts", "bench", "bin"]
    .flatMap(files)
    .filter((f) => f !== own && OUTSIDE.test(fs.readFileSync(path.join(ROOT, f), "utf8")));
  expect(offending).toEqual([]);
});

test("the probe above recognises such a path", () => {
  expect(OUTSIDE.test(`fs.readFileSync(path.join(__dirname, "../../../shared/seed/report.md"))`)).toBe(true);
  expect(OUTSIDE.test(`const seed = "/work/shared/seed/report.md";`)).toBe(true);
  expect(OUTSIDE.test(`import { seedGrid } from "../fixtures/seed";`)).toBe(false);
});

test("the fixtures the tests read are committed", () => {
  const tracked = new Set(execFileSync("git", ["ls-files", "test/fixtures", "samples"], { cwd: ROOT, encoding: "utf8" }).split("\n").filter(Boolean));
  const onDisk = files("test/fixtures").concat(
    fs.readdirSync(path.join(ROOT, "test/fixtures"), { recursive: true, encoding: "utf8" }).filter((f) => /\.(json|xlsx)$/.test(f)).map((f) => `test/fixtures/${f}`),
  );
  expect(tracked.has("test/fixtures/seed-appendix.json")).toBe(true);
  expect(onDisk.filter((f) => !tracked.has(f))).toEqual([]);
});
