/**
 * A reader that stops early (`cchc check … | head -3`) closes the pipe while cchc is still writing: cchc stops
 * quietly, with no stack trace on stderr.
 */
import { spawn } from "child_process";
import * as path from "path";

jest.setTimeout(60000);

const ROOT = path.resolve(__dirname, "../..");
const CCHC = path.join(ROOT, "bin/cchc.js");
const SAMPLE = path.join(ROOT, "samples/phu-luc-mau-2023.xlsx");

test("the pipe closed after the first lines: no stack trace, the run ends", async () => {
  // The sample three times over: more output than one pipe buffer holds, so the writes after the close fail.
  const child = spawn(process.execPath, [CCHC, "check", SAMPLE, SAMPLE, SAMPLE, SAMPLE], { stdio: ["ignore", "pipe", "pipe"] });
  let err = "";
  child.stderr.on("data", (d: Buffer) => (err += d.toString("utf8")));
  const first = await new Promise<string>((resolve) => child.stdout.once("data", (d: Buffer) => resolve(d.toString("utf8"))));
  child.stdout.destroy();
  const code = await new Promise<number | null>((resolve) => child.on("close", (c) => resolve(c)));
  expect(first).toContain("phu-luc-mau-2023.xlsx");
  expect(err).not.toMatch(/EPIPE|\n\s+at |Error:/);
  expect(code).not.toBeNull();
});
