#!/usr/bin/env node
/**
 * `npm stop`: stops the dev server `npm start` left running in the background, by the pid it recorded
 * (its whole process group: webpack and its workers), and forgets it. Says so when there is nothing to stop.
 */
"use strict";
const { spawnSync } = require("child_process");
const fs = require("fs");
const os = require("os");
const path = require("path");

const ROOT = path.join(__dirname, "..");
const tag = Buffer.from(ROOT).toString("base64url").slice(-24);
const pidFile = path.join(os.tmpdir(), `cchc-dev-server-${tag}.json`);

if (!fs.existsSync(pidFile)) {
  console.log("[cchc] No dev server started by `npm start` is running.");
} else {
  const { pid, port } = JSON.parse(fs.readFileSync(pidFile, "utf8"));
  try {
    process.kill(process.platform === "win32" ? pid : -pid, "SIGTERM");
    console.log(`[cchc] Stopped the dev server on port ${port} (pid ${pid}).`);
  } catch (e) {
    if (e.code !== "ESRCH") throw e;
    console.log(`[cchc] The dev server (pid ${pid}) had already stopped.`);
  }
  fs.rmSync(pidFile);
}

// Undo start.js's sideloading, where it happened (Excel desktop on Windows or macOS).
const manifestId = (/<Id>([^<]+)<\/Id>/.exec(fs.readFileSync(path.join(ROOT, "manifest.xml"), "utf8")) || [])[1];
if (manifestId && process.platform === "win32") {
  const key = "HKCU\\Software\\Microsoft\\Office\\16.0\\WEF\\Developer";
  const r = spawnSync("reg", ["delete", key, "/v", manifestId.trim(), "/f"], { encoding: "utf8" });
  if (r.status === 0) console.log("[cchc] Removed the sideloaded add-in from Excel.");
} else if (manifestId && process.platform === "darwin") {
  const file = path.join(os.homedir(), "Library", "Containers", "com.microsoft.Excel", "Data", "Documents", "wef", `${manifestId.trim()}.manifest.xml`);
  if (fs.existsSync(file)) {
    fs.rmSync(file);
    console.log("[cchc] Removed the sideloaded add-in from Excel.");
  }
}
