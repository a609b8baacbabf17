/**
 * Pane figures, from a production build made now into a private folder (same config as `npm run build`, so a
 * running dev server's dist/ is left alone):
 * - initial JavaScript: the same-origin scripts taskpane.html loads, gzipped (level 6, what a web server sends);
 *   webpack's stats must show ExcelJS only in chunks that are not initial. Inside Excel the office-js adapter's
 *   chunk group is loaded right after Office.onReady: printed beside it.
 * - time to the first usable screen: headless Chromium loads taskpane.html from a small static server on
 *   127.0.0.1; every request elsewhere (office.js's CDN) is aborted, as on this offline machine, so the pane
 *   starts in its outside-Excel mode. "Usable" = the file input of the outside-Excel screen is in the page
 *   (data-testid="file-input", rendered with its "Open file" button), timed in the page from navigation start
 *   by a MutationObserver. Each run uses a fresh browser context (empty cache). Median of PANE_RUNS.
 */
import { spawn } from "child_process";
import * as fs from "fs";
import * as http from "http";
import type { AddressInfo } from "net";
import * as os from "os";
import * as path from "path";
import { gzipSync } from "zlib";
import { chromium } from "playwright-core";
import { median, type Figure } from "./figure";

export const PANE_JS_BUDGET_KB = 250;
export const PANE_READY_BUDGET_MS = 1000;
export const PANE_RUNS = 5;
/** The element the outside-Excel screen shows once it can be used. */
export const READY_SELECTOR = '[data-testid="file-input"]';

const ROOT = path.resolve(__dirname, "..");
const CHROMIUM = "/usr/bin/chromium";

/** Builds the add-in for production into `out`, with webpack's stats beside it. */
export async function productionBuild(out: string, log: (line: string) => void): Promise<{ statsFile: string }> {
  const statsFile = path.join(out, "..", "stats.json");
  log(`  building the pane (webpack --mode production) into ${out}`);
  const status = await new Promise<number>((resolve, reject) => {
    const child = spawn(process.execPath, [path.join(ROOT, "node_modules/webpack-cli/bin/cli.js"), "--mode", "production", "--output-path", out, "--json", statsFile], {
      cwd: ROOT,
      stdio: ["ignore", "ignore", "pipe"],
    });
    let err = "";
    child.stderr.on("data", (d) => (err += String(d)));
    child.on("error", reject);
    child.on("exit", (code) => (code === 0 ? resolve(0) : reject(new Error(`webpack exited with ${code}: ${err.slice(-2000)}`))));
  });
  if (status !== 0) throw new Error("webpack failed");
  return { statsFile };
}

export interface StatsChunk {
  readonly id: number | string;
  readonly initial: boolean;
  readonly files: readonly string[];
  readonly modules?: readonly { readonly name: string }[];
}
export interface Stats {
  readonly chunks: readonly StatsChunk[];
  readonly namedChunkGroups: Record<string, { readonly chunks: readonly (number | string)[] }>;
}

/** The same-origin script files taskpane.html loads, in order. */
export function initialScripts(html: string): string[] {
  return [...html.matchAll(/<script\b[^>]*\bsrc=["']?([^"'\s>]+)/gi)].map((m) => m[1]).filter((src) => !/^[a-z]+:\/\//i.test(src) && !src.startsWith("//"));
}

function gzipKb(files: readonly string[], dir: string): number {
  return files.reduce((sum, f) => sum + gzipSync(fs.readFileSync(path.join(dir, f))).length, 0) / 1024;
}

/** The build's JavaScript sizes, gzipped (KB), as the pane figures and the docs (docs/OFFICE.md) quote them. */
export interface BundleSizes {
  /** The same-origin scripts taskpane.html loads, in order. */
  readonly initial: readonly string[];
  readonly initialKb: number;
  /** The same, minified, not gzipped. */
  readonly initialRawKb: number;
  /** The office-js adapter's chunk group ("excel"), loaded after Office.onReady. */
  readonly excelFiles: readonly string[];
  readonly excelKb: number;
  /** The chunks holding ExcelJS, loaded only outside Excel. */
  readonly excelJsKb: number;
}

/** Bundle sizes; throws when ExcelJS is in an initial chunk or in no chunk at all (the check would be void). */
export function bundleSizes(dir: string, stats: Stats): BundleSizes {
  const html = fs.readFileSync(path.join(dir, "taskpane.html"), "utf8");
  const initial = initialScripts(html);
  if (initial.length === 0) throw new Error("taskpane.html loads no script of its own");
  const isExcelJs = (c: StatsChunk) => (c.modules ?? []).some((m) => /node_modules[\\/]exceljs[\\/]/.test(m.name));
  const withExcelJs = stats.chunks.filter(isExcelJs);
  if (withExcelJs.length === 0) throw new Error("no chunk holds ExcelJS: the stats do not list modules as expected");
  const initialFiles = new Set(initial);
  const leaked = withExcelJs.filter((c) => c.initial || c.files.some((f) => initialFiles.has(f)));
  if (leaked.length) throw new Error(`ExcelJS is in the initial JavaScript (${leaked.flatMap((c) => c.files).join(", ")})`);
  const excelGroup = stats.namedChunkGroups.excel;
  if (!excelGroup) throw new Error('no "excel" chunk group: the office-js adapter is not split out as expected');
  const excelFiles = stats.chunks.filter((c) => excelGroup.chunks.includes(c.id)).flatMap((c) => c.files).filter((f) => f.endsWith(".js"));
  if (excelFiles.some((f) => withExcelJs.some((c) => c.files.includes(f)))) throw new Error("the Excel adapter's chunks pull in ExcelJS");
  return {
    initial,
    initialKb: gzipKb(initial, dir),
    initialRawKb: initial.reduce((s, f) => s + fs.statSync(path.join(dir, f)).size, 0) / 1024,
    excelFiles,
    excelKb: gzipKb(excelFiles, dir),
    excelJsKb: gzipKb(withExcelJs.flatMap((c) => c.files).filter((f) => f.endsWith(".js")), dir),
  };
}

/** Initial JS figures (bundleSizes, against the budget). */
export function bundleFigures(dir: string, stats: Stats): Figure[] {
  const b = bundleSizes(dir, stats);
  return [
    {
      name: "pane.js.initial.gzip",
      value: b.initialKb,
      unit: "KB",
      budget: PANE_JS_BUDGET_KB,
      note: `${b.initial.join(" + ")}, ${b.initialRawKb.toFixed(0)} KB minified; ExcelJS not initial (its chunk ${b.excelJsKb.toFixed(0)} KB gz loads only outside Excel)`,
    },
    {
      name: "pane.js.insideExcel.gzip",
      value: b.initialKb + b.excelKb,
      unit: "KB",
      budget: PANE_JS_BUDGET_KB,
      note: `initial + the office-js adapter's chunks (${b.excelFiles.join(" + ")}, ${b.excelKb.toFixed(1)} KB) loaded after Office.onReady`,
    },
  ];
}

const TYPES: Record<string, string> = {
  ".html": "text/html; charset=utf-8",
  ".js": "text/javascript; charset=utf-8",
  ".png": "image/png",
  ".xml": "application/xml",
  ".xlsx": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
};

/** A static file server for `dir` on 127.0.0.1 (ephemeral port), gzip for what a browser accepts, as a host would. */
export async function staticServer(dir: string): Promise<{ url: string; close: () => Promise<void> }> {
  const server = http.createServer((req, res) => {
    const local = decodeURIComponent(new URL(req.url ?? "/", "http://x").pathname);
    const file = path.join(dir, path.normalize(local).replace(/^(\.\.[/\\])+/, ""));
    if (!file.startsWith(dir) || !fs.existsSync(file) || fs.statSync(file).isDirectory()) {
      res.writeHead(404).end();
      return;
    }
    const body = fs.readFileSync(file);
    const type = TYPES[path.extname(file)] ?? "application/octet-stream";
    const gzip = /\bgzip\b/.test(String(req.headers["accept-encoding"] ?? "")) && /text|xml/.test(type);
    res.writeHead(200, { "content-type": type, ...(gzip ? { "content-encoding": "gzip" } : {}) });
    res.end(gzip ? gzipSync(body) : body);
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  return { url: `http://127.0.0.1:${port}`, close: () => new Promise((resolve) => server.close(() => resolve())) };
}

/** Milliseconds from navigation start to the first usable screen, one fresh context per run. */
export async function readyTimes(url: string, runs = PANE_RUNS): Promise<number[]> {
  const browser = await chromium.launch({
    executablePath: CHROMIUM,
    args: ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking"],
  });
  const times: number[] = [];
  try {
    for (let i = 0; i < runs; i++) {
      const context = await browser.newContext();
      const origin = new URL(url).origin;
      // Nothing leaves the machine: office.js's CDN (and anything else off the local server) is refused.
      await context.route("**/*", (route) => (route.request().url().startsWith(origin) ? route.continue() : route.abort()));
      // A string, not a function: the TypeScript runner may wrap a function's inner functions in helpers the page lacks.
      await context.addInitScript(`(() => {
        const seen = () => {
          if (window.__ready === undefined && document.querySelector(${JSON.stringify(READY_SELECTOR)})) window.__ready = performance.now();
          return window.__ready !== undefined;
        };
        new MutationObserver((_m, observer) => { if (seen()) observer.disconnect(); })
          .observe(document, { childList: true, subtree: true });
      })();`);
      const page = await context.newPage();
      const errors: string[] = [];
      page.on("pageerror", (e) => errors.push(e.message));
      await page.goto(`${url}/taskpane.html`, { waitUntil: "commit" });
      await page.waitForSelector(READY_SELECTOR, { state: "attached", timeout: 15000 }).catch(() => {
        throw new Error(`the pane showed no ${READY_SELECTOR} within 15 s${errors.length ? `: ${errors.join("; ")}` : ""}`);
      });
      const ready = await page.evaluate(() => (window as unknown as { __ready?: number }).__ready);
      if (typeof ready !== "number") throw new Error("the ready time was not recorded");
      if (errors.length) throw new Error(`the pane threw while starting: ${errors.join("; ")}`);
      times.push(ready);
      await context.close();
    }
  } finally {
    await browser.close();
  }
  return times;
}

/** The pane figures. */
export async function paneFigures(log: (line: string) => void): Promise<Figure[]> {
  const work = fs.mkdtempSync(path.join(os.tmpdir(), "cchc-bench-pane-"));
  try {
    const dir = path.join(work, "dist");
    const { statsFile } = await productionBuild(dir, log);
    const figures = bundleFigures(dir, JSON.parse(fs.readFileSync(statsFile, "utf8")) as Stats);
    const server = await staticServer(dir);
    try {
      const times = await readyTimes(server.url);
      figures.push({
        name: "pane.firstUsableScreen",
        value: median(times),
        unit: "ms",
        budget: PANE_READY_BUDGET_MS,
        note: `median of ${times.length} cold loads in headless Chromium, outside-Excel mode: ${times.map((t) => t.toFixed(0)).join(", ")} ms`,
      });
    } finally {
      await server.close();
    }
    return figures;
  } finally {
    fs.rmSync(work, { recursive: true, force: true });
  }
}
