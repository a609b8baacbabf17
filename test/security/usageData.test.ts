/**
 * No telemetry from the Office tooling. The installed office-addin-usage-data (3.x, under office-addin-dev-certs)
 * has had its reporting removed: every send is a no-op and the level reads "off". These tests
 * hold that: if an upgrade brought reporting back, they fail and the switch must be turned off (SECURITY.md).
 */
import { spawnSync } from "child_process";
import * as fs from "fs";
import * as path from "path";

const ROOT = path.resolve(__dirname, "../..");
const PKG = path.join(ROOT, "node_modules", "office-addin-usage-data");
const PRELOAD = path.join(__dirname, "noNetwork.cjs");

test("only the no-op major version is installed, with no dependency able to send anything", () => {
  const pkg = JSON.parse(fs.readFileSync(path.join(PKG, "package.json"), "utf8")) as { version: string; dependencies?: Record<string, string> };
  expect(pkg.version.split(".")[0]).toBe("3");
  expect(Object.keys(pkg.dependencies ?? {})).toEqual(["commander"]);
  // No nested, older copy elsewhere in the tree.
  const copies = spawnSync("npm", ["ls", "office-addin-usage-data", "--all", "--parseable"], { cwd: ROOT, encoding: "utf8" }).stdout.trim().split("\n");
  expect(new Set(copies.filter(Boolean))).toEqual(new Set([PKG]));
});

test("reporting every kind of event sends nothing (under the no-network preload) and the level is off", () => {
  const script = `
    const { OfficeAddinUsageData } = require(${JSON.stringify(path.join(PKG, "lib", "usageData.js"))});
    const u = new OfficeAddinUsageData({ projectName: "cchc", instrumentationKey: "00000000-0000-0000-0000-000000000000", promptQuestion: "", raisePrompt: false, usageDataLevel: "on" });
    (async () => {
      await u.reportEvent("e", { a: 1 });
      await u.reportEventApplicationInsights("e", { a: 1 });
      u.sendUsageDataEvent({ a: 1 });
      u.sendUsageDataException("m", new Error("x"));
      u.sendUsageDataSuccessEvent("m");
      await new Promise((r) => setTimeout(r, 200));
      process.stdout.write(String(u.getUsageDataLevel()));
    })();
  `;
  const r = spawnSync(process.execPath, ["-r", PRELOAD, "-e", script], { cwd: ROOT, encoding: "utf8", timeout: 30000 });
  expect(r.stderr).not.toContain("NETWORK ATTEMPT");
  expect(r.status).toBe(0);
  expect(r.stdout).toBe("off");
});
