/**
 * The bad-file tests' memory probe measures the program it is loaded into, not the process that spawned it: Linux
 * carries ru_maxrss over fork and exec, so a small child of a big parent would report the parent's memory.
 */
import { spawnSync } from "child_process";
import * as fs from "fs";
import * as path from "path";
import { tempDir } from "../fixtures/tempDir";

const PROBE = path.join(__dirname, "maxRss.cjs");

test("a small program spawned by one holding 400 MB reports its own peak, not its parent's", () => {
  const out = path.join(tempDir("cchc-maxrss-"), "peak");
  // The parent fills 400 MB, then spawns a program that does nothing, with the probe preloaded.
  const parent = `
    const big = Buffer.alloc(400 * 1024 * 1024, 1);
    const r = require("child_process").spawnSync(process.execPath, ["-r", ${JSON.stringify(PROBE)}, "-e", "0"], {
      env: { ...process.env, CCHC_MAX_RSS_FILE: ${JSON.stringify(out)} },
    });
    process.exitCode = r.status + big[0] - 1;`;
  const r = spawnSync(process.execPath, ["-e", parent], { encoding: "utf8" });
  expect(r.status).toBe(0);
  const peakMb = Number(fs.readFileSync(out, "utf8")) / 1024;
  expect(peakMb).toBeGreaterThan(10);
  expect(peakMb).toBeLessThan(200);
});
