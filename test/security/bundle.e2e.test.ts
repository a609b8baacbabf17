/**
 * The add-in's pages as shipped: the production build (reused from dist/ when it is newer than every source, else
 * built once into a temporary folder) carries a content security policy on every page, no eval or `new Function`
 * in its scripts, and no eval-based source maps. Then, in headless Chromium, a workbook whose sheet name, notes and
 * values hold HTML and script is opened in the pane outside Excel: nothing runs, no dialog opens, no element is
 * injected, the text shows literally, the policy is never violated and nothing but office.js is requested off
 * localhost.
 */
import { execFileSync } from "child_process";
import * as crypto from "crypto";
import * as fs from "fs";
import * as path from "path";
import ExcelJS from "exceljs";
import { chromium, type Browser } from "playwright-core";
import { allowOnlyServer, serveDirectory, type StaticServer } from "../e2e/staticServer";
import { vi } from "../../src/taskpane/messages/vi";
import { tempDir } from "../fixtures/tempDir";

const ROOT = path.resolve(__dirname, "../..");
const SAMPLE = path.join(ROOT, "samples/phu-luc-mau-2023.xlsx");
const CHROMIUM = "/usr/bin/chromium";
const OFFICE_JS = "https://appsforoffice.microsoft.com/";

let outDir: string;
let built = false;
let server: StaticServer;
let browser: Browser;

/** Newest modification time of the files under `dir` (recursively). */
function newest(dir: string): number {
  let t = 0;
  for (const e of fs.readdirSync(dir, { withFileTypes: true })) {
    const p = path.join(dir, e.name);
    t = Math.max(t, e.isDirectory() ? newest(p) : fs.statSync(p).mtimeMs);
  }
  return t;
}

/** dist/ when a production build there is newer than src/, the config and the manifest; else a fresh build. */
function productionBuild(): string {
  const dist = path.join(ROOT, "dist");
  const stamp = path.join(dist, "taskpane.html");
  const sources = Math.max(newest(path.join(ROOT, "src")), ...["webpack.config.js", "package.json", "manifest.xml"].map((f) => fs.statSync(path.join(ROOT, f)).mtimeMs));
  const productionJs = fs.existsSync(dist) && fs.readdirSync(dist).some((f) => /^taskpane\.[0-9a-f]{8}\.js$/.test(f));
  if (fs.existsSync(stamp) && productionJs && fs.statSync(stamp).mtimeMs > sources) return dist;
  const out = tempDir("cchc-security-build-");
  execFileSync(process.execPath, [require.resolve("webpack-cli/bin/cli.js"), "--mode", "production", "--output-path", out], {
    cwd: ROOT,
    stdio: "pipe",
    timeout: 400_000,
  });
  built = true;
  return out;
}

beforeAll(async () => {
  if (!fs.existsSync(CHROMIUM)) throw new Error(`Chromium not found at ${CHROMIUM}: install the Debian package "chromium".`);
  outDir = productionBuild();
  server = await serveDirectory(outDir);
  browser = await chromium.launch({ executablePath: CHROMIUM, args: ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking"] });
}, 420_000);

afterAll(async () => {
  await browser?.close();
  await server?.close();
  if (built) fs.rmSync(outDir, { recursive: true, force: true });
});

/** The page's content security policy, directive -> sources. */
function policyOf(html: string): Map<string, string[]> {
  // The production pages are minified: attribute quotes may be dropped where not needed.
  const m = /<meta\s+http-equiv=["']?Content-Security-Policy["']?\s+content="([^"]+)"/i.exec(html);
  if (!m) throw new Error("no Content-Security-Policy meta tag");
  return new Map(
    m[1]
      .split(";")
      .map((d) => d.trim().split(/\s+/))
      .filter((d) => d[0])
      .map(([name, ...sources]) => [name, sources]),
  );
}

describe("content security policy of every page", () => {
  test.each(["taskpane.html", "commands.html", "notice.html"])("%s: own files and office.js only, no eval, no inline script", (page) => {
    const html = fs.readFileSync(path.join(outDir, page), "utf8");
    const csp = policyOf(html);
    // The policy must come before any script, or the scripts before it are not covered.
    expect(html.indexOf("Content-Security-Policy")).toBeLessThan(html.indexOf("<script"));
    expect(["'self'", "'none'"]).toContain(csp.get("default-src")?.join(" "));
    const scripts = csp.get("script-src")!;
    for (const s of scripts) expect(["'self'", OFFICE_JS.replace(/\/$/, "")].includes(s) || /^'sha256-[A-Za-z0-9+/=]+'$/.test(s)).toBe(true);
    for (const directive of csp.values()) {
      expect(directive).not.toContain("'unsafe-eval'");
      expect(directive).not.toContain("*");
    }
    expect(scripts).not.toContain("'unsafe-inline'");
    for (const d of ["connect-src", "img-src", "font-src"]) {
      for (const s of csp.get(d) ?? []) expect(["'self'", "'none'", "data:", "blob:", OFFICE_JS.replace(/\/$/, "")]).toContain(s);
    }
    if (csp.has("object-src")) expect(csp.get("object-src")).toEqual(["'none'"]);
    // Every inline script is allowed by its hash; the page may also list the hash of its unminified (development)
    // form, as written in src/, and nothing else.
    const hashes = (text: string) => [...text.matchAll(/<script>([\s\S]*?)<\/script>/g)].map((m) => `'sha256-${crypto.createHash("sha256").update(m[1]).digest("base64")}'`);
    const source = [path.join(ROOT, "src/taskpane", page), path.join(ROOT, "src/commands", page)].find((f) => fs.existsSync(f))!;
    const allowed = scripts.filter((s) => s.startsWith("'sha256-"));
    for (const h of hashes(html)) expect(allowed).toContain(h);
    for (const h of hashes(fs.readFileSync(source, "utf8"))) expect(allowed).toContain(h);
    expect(allowed.length).toBeLessThanOrEqual(2 * hashes(html).length);
  });
});

/**
 * Dead fallbacks inside third-party code, each reached only where no global object can be found otherwise
 * (globalThis, self and window all missing) or when a string is passed as a callback: never in a browser that runs
 * the pane, and the policy (no 'unsafe-eval') would refuse them anyway. Anything else is a failure.
 */
const DEAD_FALLBACKS = [
  'Function("return this")()', // lodash, browserify's global shim, webpack's __webpack_require__.g
  'Function("r","regeneratorRuntime = r")', // regenerator-runtime, only when strict mode forbids the assignment
  'new Function(""+e)', // setImmediate polyfill: a string callback (never passed)
];

test("no eval, no new Function, no Function( in the shipped scripts (beyond the listed dead fallbacks)", () => {
  const scripts = fs.readdirSync(outDir).filter((f) => f.endsWith(".js"));
  expect(scripts.length).toBeGreaterThan(2);
  for (const file of scripts) {
    let js = fs.readFileSync(path.join(outDir, file), "utf8");
    for (const f of DEAD_FALLBACKS) js = js.split(f).join("");
    expect([file, js.match(/(^|[^\w$.])eval\(/g)]).toEqual([file, null]);
    expect([file, js.match(/new Function\b/g)]).toEqual([file, null]);
    expect([file, js.match(/(^|[^\w$.])Function\(/g)]).toEqual([file, null]);
  }
});

test("webpack's devtool never uses eval (production and development)", async () => {
  // eslint-disable-next-line @typescript-eslint/no-require-imports -- the project's CommonJS webpack config
  const config = require(path.join(ROOT, "webpack.config.js")) as (env: unknown, argv: { mode: string }) => Promise<{ devtool: string | false }>;
  for (const mode of ["production", "development"]) {
    const { devtool } = await config({}, { mode });
    expect(String(devtool)).not.toMatch(/eval/);
  }
  expect((await config({}, { mode: "production" })).devtool).toBe(false);
});

const PAYLOADS = {
  sheet: "<img src=x onerror=alert(1)>",
  note: '<img src=x onerror="window.__pwned=1">',
  script: "<script>window.__pwned=2</script>",
  value: '"><svg onload="window.__pwned=3">',
};

describe("cell text is rendered as text (headless Chromium)", () => {
  test("a workbook with HTML and script in its sheet name, notes and values: nothing runs, text shows literally", async () => {
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(SAMPLE);
    const ws = wb.worksheets[0];
    ws.name = PAYLOADS.sheet;
    for (let r = 12; r <= 40; r++) ws.getCell(`E${r}`).value = r % 2 ? PAYLOADS.note : PAYLOADS.script;
    // Text in count cells: the findings quote what they saw.
    ws.getCell("D13").value = PAYLOADS.value;
    ws.getCell("D14").value = PAYLOADS.script;
    const bytes = Buffer.from(await wb.xlsx.writeBuffer());

    const context = await browser.newContext({ viewport: { width: 340, height: 900 }, locale: "vi-VN" });
    const page = await context.newPage();
    const external = await allowOnlyServer(page, server);
    const dialogs: string[] = [];
    const errors: string[] = [];
    page.on("dialog", (d) => {
      dialogs.push(d.message());
      void d.dismiss();
    });
    page.on("pageerror", (e) => errors.push(String(e)));
    await page.addInitScript(() => {
      const w = window as unknown as { __violations: string[] };
      w.__violations = [];
      document.addEventListener("securitypolicyviolation", (e) => w.__violations.push(`${e.violatedDirective} ${e.blockedURI}`));
    });
    await page.goto(`${server.url}/taskpane.html`);
    await page.getByRole("button", { name: vi.openFile }).waitFor({ timeout: 15_000 });
    await page.getByTestId("file-input").setInputFiles({ name: "doc-hai.xlsx", mimeType: "application/octet-stream", buffer: bytes });
    await page.getByTestId("summary").waitFor({ timeout: 30_000 });
    // Give any injected handler (img onerror, svg onload) the time to fire.
    await page.waitForTimeout(500);

    const state = await page.evaluate(() => ({
      pwned: (window as unknown as { __pwned?: number }).__pwned ?? null,
      violations: (window as unknown as { __violations: string[] }).__violations,
      injected: document.querySelectorAll('img[src="x"], svg[onload], script:not([src])').length,
      text: document.body.innerText,
    }));
    expect(state.pwned).toBeNull();
    expect(dialogs).toEqual([]);
    expect(state.injected).toBe(0);
    expect(state.violations).toEqual([]);
    expect(errors).toEqual([]);
    // The sheet name and the notes appear as the characters typed.
    expect(state.text).toContain(PAYLOADS.sheet);
    expect(state.text).toContain(PAYLOADS.note);
    // Only localhost, and the attempt to load office.js.
    expect(external.every((u) => u.startsWith(OFFICE_JS))).toBe(true);
    await context.close();
  }, 120_000);
});

test("the ribbon's notice dialog runs its one inline script under its policy", async () => {
  const context = await browser.newContext();
  const page = await context.newPage();
  await page.route("**/*", (route) => (route.request().url().startsWith(server.url) ? route.continue() : route.abort("internetdisconnected")));
  await page.addInitScript(() => {
    const w = window as unknown as { __violations: string[] };
    w.__violations = [];
    document.addEventListener("securitypolicyviolation", (e) => w.__violations.push(`${e.violatedDirective} ${e.blockedURI}`));
  });
  const text = "<b>Đã điền 1 ô</b>";
  await page.goto(`${server.url}/notice.html?title=T&text=${encodeURIComponent(text)}&close=OK`);
  await page.locator("#close").filter({ hasText: "OK" }).waitFor({ timeout: 10_000 });
  expect(await page.locator("#text").textContent()).toBe(text);
  expect(await page.locator("#text b").count()).toBe(0);
  expect(await page.evaluate(() => (window as unknown as { __violations: string[] }).__violations)).toEqual([]);
  await context.close();
}, 60_000);
