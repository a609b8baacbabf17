#!/usr/bin/env node
/**
 * `npm start`: build (development) and serve the add-in on port 3000 in the background, then
 *  - where Excel desktop is installed (Windows, macOS) and the server is on https: sideload manifest.xml and start
 *    Excel (`npm stop` removes the sideloaded manifest);
 *  - otherwise (like this machine): open the pane outside Excel, with the sample workbook, in the default browser
 *    when there is one, else print its URL.
 * It returns once the server answers (or fails after a timeout), so it never hangs a terminal or CI; `npm stop`
 * stops the server. In CI (CI=true) or with --once it checks that the pane is served, then stops the server itself.
 * Nothing is sent anywhere: no telemetry (docs/OFFICE.md, "Usage data"), no network beyond localhost.
 */
"use strict";
const { spawn, spawnSync } = require("child_process");
const fs = require("fs");
const http = require("http");
const https = require("https");
const net = require("net");
const os = require("os");
const path = require("path");

const ROOT = path.join(__dirname, "..");
const PORT = Number(process.env.PORT || 3000);
const READY_TIMEOUT_MS = Number(process.env.CCHC_START_TIMEOUT_MS || 420000);
/** Where Excel desktop looks for sideloaded manifests (shared with stop.js). */
const WIN_DEV_KEY = "HKCU\\Software\\Microsoft\\Office\\16.0\\WEF\\Developer";
const MAC_WEF_DIR = path.join(os.homedir(), "Library", "Containers", "com.microsoft.Excel", "Data", "Documents", "wef");
const once = process.argv.includes("--once") || process.env.CI === "true" || process.env.CI === "1";

/** Where start.js keeps the server's pid and log (one per checkout). */
function stateFiles() {
  const tag = Buffer.from(ROOT).toString("base64url").slice(-24);
  const dir = os.tmpdir();
  return { pid: path.join(dir, `cchc-dev-server-${tag}.json`), log: path.join(dir, `cchc-dev-server-${tag}.log`) };
}

/** Excel desktop's location, if installed. */
function excelDesktop() {
  const candidates =
    process.platform === "win32"
      ? [process.env.ProgramFiles, process.env["ProgramFiles(x86)"]]
          .filter(Boolean)
          .flatMap((p) => [path.join(p, "Microsoft Office", "root", "Office16", "EXCEL.EXE"), path.join(p, "Microsoft Office", "Office16", "EXCEL.EXE")])
      : process.platform === "darwin"
        ? ["/Applications/Microsoft Excel.app"]
        : [];
  return candidates.find((p) => fs.existsSync(p)) || null;
}

/** The manifest's add-in id (the registry value name under which Excel on Windows finds a sideloaded manifest). */
function manifestId() {
  const m = /<Id>([^<]+)<\/Id>/.exec(fs.readFileSync(path.join(ROOT, "manifest.xml"), "utf8"));
  if (!m) throw new Error("manifest.xml has no <Id>");
  return m[1].trim();
}

/**
 * Sideloads manifest.xml for Excel desktop the way Office's own tooling does, without its native dependencies:
 * Windows reads developer manifests from HKCU\...\Office\16.0\WEF\Developer (value: the manifest's path),
 * macOS from Excel's container folder `wef`. Returns where it was registered. `npm stop` undoes it.
 */
function sideload() {
  const manifest = path.join(ROOT, "manifest.xml");
  if (process.platform === "win32") {
    const r = spawnSync("reg", ["add", WIN_DEV_KEY, "/v", manifestId(), "/t", "REG_SZ", "/d", manifest, "/f"], { encoding: "utf8" });
    if (r.status !== 0) throw new Error(`could not register the manifest: ${r.stderr || r.stdout}`);
    return WIN_DEV_KEY;
  }
  fs.mkdirSync(MAC_WEF_DIR, { recursive: true });
  const target = path.join(MAC_WEF_DIR, `${manifestId()}.manifest.xml`);
  fs.copyFileSync(manifest, target);
  return target;
}

/** Starts Excel desktop; false when it could not be started. */
function openExcel() {
  if (process.platform === "darwin") return spawnSync("open", ["-a", "Microsoft Excel"]).status === 0;
  if (process.platform === "win32") return spawnSync("cmd", ["/c", "start", "", "excel"]).status === 0;
  return false;
}

/** Resolves with the protocol the server answers on, or null. */
function probe(protocol) {
  return new Promise((resolve) => {
    const lib = protocol === "https" ? https : http;
    const req = lib.get(
      { host: "localhost", port: PORT, path: "/taskpane.html", timeout: 3000, rejectUnauthorized: false },
      (res) => {
        res.resume();
        resolve(res.statusCode === 200 ? protocol : null);
      },
    );
    req.on("error", () => resolve(null));
    req.on("timeout", () => {
      req.destroy();
      resolve(null);
    });
  });
}

/**
 * Resolves with the error code when `port` cannot be listened on (EADDRINUSE: another program holds it; EACCES: a
 * port the user may not open), or null when it is free. Asked before webpack starts, so a taken port is one sentence
 * rather than webpack's EADDRINUSE stack; any program counts, not only one that serves /taskpane.html.
 */
async function portProblem(port) {
  for (const host of ["127.0.0.1", "::1"]) {
    const code = await new Promise((resolve) => {
      const server = net.createServer();
      server.once("error", (e) => resolve(e.code || "EADDRINUSE"));
      server.listen({ port, host, exclusive: true }, () => server.close(() => resolve(null)));
    });
    // A machine without IPv6 has no ::1 to hold; only a real refusal counts.
    if (code && code !== "EADDRNOTAVAIL" && code !== "EAFNOSUPPORT") return code;
  }
  return null;
}

/** The sentence for a port that cannot be used, with the way to pick another. */
function portSentence(code) {
  const next = PORT + 1;
  return code === "EACCES"
    ? `[cchc] Port ${PORT} may not be opened by this user. Pick another port, e.g. \`PORT=${next} npm start\`.`
    : `[cchc] Port ${PORT} is taken by another program. Stop that program, or pick another port: \`PORT=${next} npm start\`.`;
}

async function waitForServer(child) {
  const started = Date.now();
  let exited = null;
  child.on("exit", (code) => (exited = code));
  let dots = 0;
  while (Date.now() - started < READY_TIMEOUT_MS) {
    if (exited !== null) return { error: `the dev server exited with code ${exited}` };
    const protocol = (await probe("https")) || (await probe("http"));
    if (protocol) return { protocol };
    if (++dots % 10 === 0) console.log(`[cchc] still building… ${Math.round((Date.now() - started) / 1000)} s`);
    await new Promise((r) => setTimeout(r, 2000));
  }
  return { error: `no answer on port ${PORT} after ${READY_TIMEOUT_MS / 1000} s` };
}

function stopServer(pid) {
  try {
    process.kill(process.platform === "win32" ? pid : -pid, "SIGTERM");
  } catch (e) {
    if (e.code !== "ESRCH") throw e;
  }
}

/** Opens `url` in the default browser when there is a desktop to show it on; false otherwise. */
function openBrowser(url) {
  if (process.platform === "darwin") return spawnSync("open", [url]).status === 0;
  if (process.platform === "win32") return spawnSync("cmd", ["/c", "start", "", url]).status === 0;
  if (!process.env.DISPLAY && !process.env.WAYLAND_DISPLAY) return false;
  const r = spawnSync("xdg-open", [url], { stdio: "ignore", timeout: 10000 });
  return r.status === 0;
}

async function main() {
  const files = stateFiles();
  if (fs.existsSync(files.pid)) {
    const { pid } = JSON.parse(fs.readFileSync(files.pid, "utf8"));
    let alive = true;
    try {
      process.kill(pid, 0);
    } catch {
      alive = false;
    }
    if (alive) {
      console.log(`[cchc] The dev server is already running (pid ${pid}). Run \`npm stop\` first.`);
      process.exitCode = 1;
      return;
    }
    fs.rmSync(files.pid);
  }
  const taken = await portProblem(PORT);
  if (taken) {
    console.error(portSentence(taken));
    process.exitCode = 1;
    return;
  }

  console.log(`[cchc] Building and serving the add-in on port ${PORT} (log: ${files.log})…`);
  const log = fs.openSync(files.log, "w");
  const webpackCli = require.resolve("webpack-cli/bin/cli.js", { paths: [ROOT] });
  const child = spawn(process.execPath, [webpackCli, "serve", "--mode", "development"], {
    cwd: ROOT,
    detached: true,
    stdio: ["ignore", log, log],
    env: { ...process.env },
  });
  fs.writeFileSync(files.pid, JSON.stringify({ pid: child.pid, port: PORT, started: new Date().toISOString() }));

  const ready = await waitForServer(child);
  if (ready.error) {
    const logText = fs.readFileSync(files.log, "utf8");
    stopServer(child.pid);
    fs.rmSync(files.pid, { force: true });
    process.exitCode = 1;
    // Taken between the check above and webpack's listen: the same sentence, not webpack's stack.
    if (/EADDRINUSE/.test(logText)) {
      console.error(portSentence("EADDRINUSE"));
      return;
    }
    console.error(`[cchc] ${ready.error}. Last lines of the log:`);
    console.error(logText.split("\n").slice(-25).join("\n"));
    return;
  }
  const base = `${ready.protocol}://localhost:${PORT}`;
  const serverNotes = fs.readFileSync(files.log, "utf8").split("\n").filter((l) => l.startsWith("[cchc]"));
  for (const line of serverNotes) console.log(line);

  if (once) {
    console.log(`[cchc] The pane is served at ${base}/taskpane.html (CI/--once: stopping the server).`);
    stopServer(child.pid);
    fs.rmSync(files.pid, { force: true });
    return;
  }

  const excel = excelDesktop();
  if (excel && ready.protocol === "https") {
    console.log(`[cchc] Excel found: ${excel}`);
    const where = sideload();
    console.log(`[cchc] Sideloaded manifest.xml (${where}); \`npm stop\` removes it again.`);
    if (openExcel()) console.log("[cchc] Excel is starting: Home > “Phụ lục CCHC” > “Mở ngăn kiểm tra”.");
    else console.log("[cchc] Start Excel, then Home > “Phụ lục CCHC” > “Mở ngăn kiểm tra”.");
  } else if (excel) {
    console.log(`[cchc] Excel found (${excel}), but the server is on http: Office loads add-ins over https only. See the message above.`);
  } else {
    console.log("[cchc] No Excel desktop on this machine: the pane runs outside Excel, on .xlsx files.");
  }
  const outside = `${base}/taskpane.html?sample`;
  if (openBrowser(outside)) console.log(`[cchc] Opened ${outside} in the default browser.`);
  else console.log(`[cchc] Open ${outside} in a browser (the sample workbook loads by itself).`);
  console.log("[cchc] Excel on the web: Home > Add-ins > More Add-ins > Upload My Add-in > manifest.xml (needs https).");
  console.log(`[cchc] The server keeps running in the background (pid ${child.pid}); \`npm stop\` stops it.`);
  child.unref();
}

main().catch((e) => {
  console.error(`[cchc] npm start failed: ${e && e.message ? e.message : e}`);
  process.exitCode = 1;
});
