/**
 * The pane outside Excel in real headless Chromium: the production build is served on localhost, office.js cannot
 * load (no network), so the pane starts in its outside-Excel mode; the test opens the sample, checks, fills and
 * downloads the filled copy, then opens that copy with ExcelJS. Chromium missing is a failure, never a skip.
 */
import { execFileSync } from "child_process";
import * as fs from "fs";
import * as path from "path";
import ExcelJS from "exceljs";
import { chromium, type Browser, type Page } from "playwright-core";
import { builtinFormReasons, cellA1, consolidate, soNganh, templates, unreadableText } from "../../src/core";
import { FileHost } from "../../src/xlsx/fileHost";
import { SUMMARY_COLUMNS, SUMMARY_FIRST_ROW } from "../../src/xlsx/consolidateWorkbook";
import { BATCH, BATCH_TOTALS, reportOf, unitWorkbook } from "../xlsx/consolidateFixtures";
import { vi } from "../../src/taskpane/messages/vi";
import { allowOnlyServer, serveDirectory, type StaticServer } from "./staticServer";
import { tempDir } from "../fixtures/tempDir";
import { bundleSizes, type Stats } from "../../bench/pane";

const ROOT = path.resolve(__dirname, "../..");
const SAMPLE = path.join(ROOT, "samples/phu-luc-mau-2023.xlsx");
const CHROMIUM = "/usr/bin/chromium";
// The README's screenshots come from the review flow below (UPDATE_SCREENSHOTS=1); this one goes to test-output/.
const SCREENSHOT = path.join(ROOT, "test-output/pane.png");
const PANE_WIDTH = 340;

let outDir: string;
let server: StaticServer;
let browser: Browser;

/**
 * What the pane must show for the sample (README): 0 errors and 11 warnings on the sheet “Phụ lục”, one fill (the
 * completion rate, 87.23 from 41/47) that leaves 10 warnings. Known values, not the engine's own output.
 */
const SAMPLE_EXPECTED = {
  sheet: "Phụ lục",
  errors: 0,
  warnings: 11,
  rate: { cell: "D12", formula: "=ROUND(D14/D13*100,2)" },
  patches: 1,
  /** Rows of the preview: the 7 sections and 178 indicators; and the rows holding the 11 warnings. */
  rows: 185,
  markedRows: 11,
} as const;

beforeAll(async () => {
  if (!fs.existsSync(CHROMIUM)) {
    throw new Error(`Chromium not found at ${CHROMIUM}: install the Debian package "chromium" (scripts/check-system.sh does it as root).`);
  }
  outDir = tempDir("cchc-pane-e2e-");
  execFileSync(
    process.execPath,
    // Webpack's stats beside the build (not in it, so the server does not serve them): the bundle sizes below.
    [require.resolve("webpack-cli/bin/cli.js"), "--mode", "production", "--output-path", outDir, "--json", path.join(outDir, "..", `${path.basename(outDir)}-stats.json`)],
    { cwd: ROOT, stdio: "pipe", timeout: 400_000 },
  );
  if (!fs.existsSync(path.join(outDir, "taskpane.html"))) throw new Error(`the build wrote no taskpane.html into ${outDir}`);
  // axe-core is served beside the pane, so the page's own policy (scripts from 'self' only) lets it in.
  fs.copyFileSync(require.resolve("axe-core/axe.min.js"), path.join(outDir, "axe.min.js"));
  server = await serveDirectory(outDir);
  browser = await chromium.launch({
    executablePath: CHROMIUM,
    args: ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking"],
  });
}, 420_000);

afterAll(async () => {
  await browser?.close();
  await server?.close();
  if (outDir) {
    fs.rmSync(outDir, { recursive: true, force: true });
    fs.rmSync(path.join(outDir, "..", `${path.basename(outDir)}-stats.json`), { force: true });
  }
});

/** A page at the pane's width where every request off localhost is refused and recorded. */
async function openPane(
  query = "",
  look: { width?: number; height?: number; scheme?: "light" | "dark" } = {},
): Promise<{ page: Page; external: string[]; errors: string[] }> {
  const context = await browser.newContext({
    viewport: { width: look.width ?? PANE_WIDTH, height: look.height ?? 900 },
    colorScheme: look.scheme ?? "light",
    acceptDownloads: true,
    locale: "vi-VN",
  });
  const page = await context.newPage();
  const external = await allowOnlyServer(page, server);
  const errors: string[] = [];
  page.on("pageerror", (e) => errors.push(String(e)));
  await page.goto(`${server.url}/taskpane.html${query}`);
  return { page, external, errors };
}

describe("the pane outside Excel (headless Chromium)", () => {
  it("opens the sample, checks it, fills the rate and downloads a copy holding the formula", async () => {
    const expected = SAMPLE_EXPECTED;
    const { page, external, errors } = await openPane();

    // office.js did not load, so the pane offers files instead of a workbook.
    await page.getByRole("button", { name: vi.openFile }).waitFor({ timeout: 15_000 });
    await page.getByTestId("file-input").setInputFiles(SAMPLE);

    const summary = page.getByTestId("summary");
    await summary.waitFor({ timeout: 30_000 });
    expect(await summary.textContent()).toBe(vi.summary(expected.errors, expected.warnings));
    expect(await page.getByTestId("recognised").textContent()).toContain(`“${expected.sheet}”`);
    // The read-only preview shows the appendix rows, with the findings marked.
    const preview = page.getByTestId("appendix-preview");
    expect(await preview.locator("tbody tr").count()).toBe(expected.rows);
    expect(await preview.locator("tr[data-severity]").count()).toBe(expected.markedRows);
    // No error, yet not ready to send: blank indicators and warnings are left (the rule cchc check prints).
    const verdict = page.getByTestId("ready");
    expect(await verdict.getAttribute("data-ready")).toBe("false");
    expect(await verdict.textContent()).toMatch(/^Chưa sẵn sàng gửi\. Còn \d+ chỉ tiêu chưa nhập, \d+ cảnh báo chưa xem\.$/);
    // The title on its own line, the body under it.
    const titleBox = await verdict.locator(".fui-MessageBarTitle").boundingBox();
    const bodyBox = await verdict.getByTestId("ready-body").boundingBox();
    expect(bodyBox!.y).toBeGreaterThanOrEqual(titleBox!.y + titleBox!.height - 1);

    fs.mkdirSync(path.dirname(SCREENSHOT), { recursive: true });
    await page.screenshot({ path: SCREENSHOT });

    await page.getByRole("button", { name: vi.fill }).click();
    const fill = page.getByTestId("fill-preview");
    const rateRow = fill.locator(`[data-patch="${expected.rate.cell}"]`);
    expect(await rateRow.textContent()).toContain("87,23");
    // The formula as a Vietnamese Excel shows it; the copy below keeps the en-US formula.
    expect(await rateRow.textContent()).toContain(expected.rate.formula.replace(",", ";"));
    await fill.getByRole("button", { name: vi.applyFill(expected.patches) }).click();
    await page.getByTestId("notice").filter({ hasText: vi.filled(expected.patches) }).waitFor();
    expect(await summary.textContent()).toBe(vi.summary(expected.errors, expected.warnings - expected.patches));

    const [download] = await Promise.all([page.waitForEvent("download"), page.getByRole("button", { name: vi.download }).click()]);
    expect(download.suggestedFilename()).toBe("phu-luc-mau-2023-da-dien.xlsx");
    const saved = path.join(outDir, download.suggestedFilename());
    await download.saveAs(saved);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.readFile(saved);
    const cell = workbook.getWorksheet(expected.sheet)!.getCell(expected.rate.cell);
    expect(`=${cell.formula}`).toBe(expected.rate.formula);
    expect(cell.result).toBe(87.23);

    expect(errors).toEqual([]);
    // Nothing leaves the machine but the attempt to load office.js from Microsoft's CDN.
    expect(external.every((u) => u.startsWith("https://appsforoffice.microsoft.com/"))).toBe(true);
    await page.context().close();
  }, 120_000);

  it("opens the shipped sample by itself with ?sample (npm start without Excel)", async () => {
    const expected = SAMPLE_EXPECTED;
    const { page, errors } = await openPane("?sample");
    const summary = page.getByTestId("summary");
    await summary.waitFor({ timeout: 30_000 });
    expect(await summary.textContent()).toBe(vi.summary(expected.errors, expected.warnings));
    expect(await page.getByTestId("file-name").textContent()).toContain("phu-luc-mau-2023.xlsx");
    expect(errors).toEqual([]);
    await page.context().close();
  }, 120_000);

  it("opens an .xlsx dropped on the pane", async () => {
    const expected = SAMPLE_EXPECTED;
    const { page, errors } = await openPane();
    const zone = page.getByRole("group", { name: vi.dropZoneLabel });
    await zone.waitFor({ timeout: 15_000 });
    const dataTransfer = await page.evaluateHandle(
      ({ base64, name }) => {
        const bytes = Uint8Array.from(atob(base64), (c) => c.charCodeAt(0));
        const dt = new DataTransfer();
        dt.items.add(new File([bytes], name));
        return dt;
      },
      { base64: fs.readFileSync(SAMPLE).toString("base64"), name: "tha-vao.xlsx" },
    );
    await zone.dispatchEvent("dragover", { dataTransfer });
    await zone.dispatchEvent("drop", { dataTransfer });
    const summary = page.getByTestId("summary");
    await summary.waitFor({ timeout: 30_000 });
    expect(await summary.textContent()).toBe(vi.summary(expected.errors, expected.warnings));
    expect(await page.getByTestId("file-name").textContent()).toContain("tha-vao.xlsx");
    expect(errors).toEqual([]);
    await page.context().close();
  }, 120_000);

  it("works by keyboard alone: open the sample, fill, and the summary is announced", async () => {
    const expected = SAMPLE_EXPECTED;
    const { page } = await openPane();
    await page.getByRole("button", { name: vi.openSample }).waitFor({ timeout: 15_000 });
    /** Presses Tab until the focused element is the button named `name` (the pane's focus order reaches it). */
    const tabTo = async (name: string) => {
      for (let i = 0; i < 40; i++) {
        await page.keyboard.press("Tab");
        const focused = await page.evaluate(() => {
          const el = document.activeElement as HTMLElement | null;
          return el?.tagName === "BUTTON" ? (el.textContent ?? "").trim() : "";
        });
        if (focused === name) return;
      }
      throw new Error(`Tab never reached the button "${name}"`);
    };
    await tabTo(vi.openSample);
    await page.keyboard.press("Enter");
    const summary = page.getByTestId("summary");
    await summary.waitFor({ timeout: 30_000 });
    expect(await page.getByRole("status").filter({ has: summary }).count()).toBe(1);
    await tabTo(vi.fill);
    await page.keyboard.press("Enter");
    await page.getByTestId("fill-preview").waitFor();
    await tabTo(vi.applyFill(expected.patches));
    await page.keyboard.press("Enter");
    await page.getByTestId("notice").filter({ hasText: vi.filled(expected.patches) }).waitFor();
    expect(await summary.textContent()).toBe(vi.summary(expected.errors, expected.warnings - expected.patches));
    await page.context().close();
  }, 120_000);

  it("consolidates several files set on the input into TONG_HOP.xlsx, at 320 px", async () => {
    // A, B and C of the fixtures (I.1.1 = 47 + 53, I.1.2 = 41 + 1: the rate is 42.00, not the mean 44.56) and a damaged file.
    const files = [];
    for (const b of BATCH.slice(0, 3)) files.push({ name: b.file, mimeType: "application/octet-stream", buffer: Buffer.from(await unitWorkbook(b.spec)) });
    files.push({ name: "hong.xlsx", mimeType: "application/octet-stream", buffer: Buffer.from([0x50, 0x4b, 3, 4, 9, 9]) });
    const { page, external, errors } = await openPane();
    await page.setViewportSize({ width: 320, height: 900 });
    await page.getByRole("button", { name: vi.openFile }).waitFor({ timeout: 15_000 });
    await page.getByTestId("file-input").setInputFiles(files);
    await page.getByRole("button", { name: vi.consolidate }).click();
    await page.getByTestId("consolidate-table").waitFor({ timeout: 30_000 });

    const rows = page.getByTestId("status-row");
    expect(await rows.evaluateAll((trs) => trs.map((tr) => [tr.getAttribute("data-file"), tr.getAttribute("data-state")]))).toEqual([
      // Units with indicators left blank are not ready to send (the one verdict the pane and the CLI share).
      ["a-sttt.xlsx", "review"],
      ["b-syt.xlsx", "review"],
      ["c-stp.xlsx", "review"],
    ]);
    // The damaged file is no unit: listed apart with its reason.
    expect(await page.locator('[data-testid="unread-files"] [data-file="hong.xlsx"]').textContent()).toContain(unreadableText({ reason: "damaged" }, "vi"));
    expect(await page.getByTestId("consolidate-status").textContent()).toBe(vi.batchSummary(3, 0, 3, 0, 1));
    // Nothing wider than the pane: no sideways scrolling at 320 px.
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(320);

    const [download] = await Promise.all([page.waitForEvent("download"), page.getByRole("button", { name: vi.downloadSummary }).click()]);
    expect(download.suggestedFilename()).toBe("TONG_HOP.xlsx");
    const saved = path.join(outDir, "TONG_HOP.xlsx");
    await download.saveAs(saved);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.readFile(saved);
    const reports = await Promise.all(files.slice(0, 3).map((f) => reportOf(f.name, f.buffer)));
    const rowOf = (id: string) => SUMMARY_FIRST_ROW + consolidate(reports, templates).rows.findIndex((r) => r.kind === "indicator" && r.indicator.id === id);
    const total = (id: string) => workbook.getWorksheet("Tổng hợp")!.getCell(rowOf(id), SUMMARY_COLUMNS.total);
    expect((total("I.1.1").value as ExcelJS.CellFormulaValue).result).toBe(BATCH_TOTALS["I.1.1"]);
    const rate = total("I.1").value as ExcelJS.CellFormulaValue;
    expect(rate.result).toBe(42);
    expect(rate.formula).toMatch(/^IF\(OR\(D\d+="",N\(D\d+\)=0\),"",ROUND\(D\d+\/D\d+\*100,2\)\)$/);

    expect(errors).toEqual([]);
    expect(external.every((u) => u.startsWith("https://appsforoffice.microsoft.com/"))).toBe(true);
    await page.context().close();
  }, 120_000);

  it.each([
    [320, "light"],
    [500, "dark"],
  ] as const)("walks the consolidation's choices at %i px, %s: a unit sent twice, another period, the period picker, a unit's findings", async (width, scheme) => {
    // A (saved 15/12) and D (an older copy of A, saved 10/12), C with an error, E another period, a lock file.
    const files = [];
    for (const b of [BATCH[3], BATCH[0], BATCH[2], BATCH[4]]) files.push({ name: b.file, mimeType: "application/octet-stream", buffer: Buffer.from(await unitWorkbook(b.spec)) });
    files.push({ name: "~$a-sttt.xlsx", mimeType: "application/octet-stream", buffer: Buffer.from([8, 110, 103, 117, 121, 101, 110]) });
    const { page, errors } = await openPane();
    await page.emulateMedia({ colorScheme: scheme });
    await page.setViewportSize({ width, height: 900 });
    await page.getByRole("button", { name: vi.openFile }).waitFor({ timeout: 15_000 });
    await page.getByTestId("file-input").setInputFiles(files);
    await page.getByRole("button", { name: vi.consolidate }).click();
    await page.getByTestId("consolidate-table").waitFor({ timeout: 30_000 });
    const states = () => page.getByTestId("status-row").evaluateAll((trs) => trs.map((tr) => [tr.getAttribute("data-file"), tr.getAttribute("data-state")]));
    // axe-core over each state: no serious or critical violation.
    await page.addScriptTag({ url: "/axe.min.js" });
    const violations = () =>
      page.evaluate(async () => {
        type Axe = { run: () => Promise<{ violations: { id: string; impact: string | null; nodes: { target: string[] }[] }[] }> };
        const r = await (window as unknown as { axe: Axe }).axe.run();
        return r.violations.filter((v) => v.impact === "serious" || v.impact === "critical").map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(" ")).join(", ")}`);
      });
    expect(await states()).toEqual([
      ["d-sttt-lan-2.xlsx", "set_aside"],
      ["a-sttt.xlsx", "review"],
      ["c-stp.xlsx", "review"],
      ["e-sxd.xlsx", "review"],
    ]);
    expect(await page.locator('[data-issue="kept_over"][data-file="a-sttt.xlsx"]').textContent()).toContain("vì tệp này được lưu sau (15/12/2023 10:00");
    expect(await page.locator('[data-testid="skipped-file"][data-file="~$a-sttt.xlsx"]').textContent()).toContain("tệp khóa");
    expect(await page.getByTestId("unread-files").count()).toBe(0);
    expect(await page.getByTestId("consolidate-status").textContent()).toBe(vi.batchSummary(3, 0, 3, 1, 0));
    await page.screenshot({ path: path.join(ROOT, `test-output/consolidate-${width}-${scheme}.png`), fullPage: true });
    expect(await violations()).toEqual([]);

    // Take the older copy instead, as --prefer does.
    await page.getByRole("button", { name: vi.useThisFileLabel("d-sttt-lan-2.xlsx") }).click();
    expect((await states()).slice(0, 2)).toEqual([
      ["d-sttt-lan-2.xlsx", "review"],
      ["a-sttt.xlsx", "set_aside"],
    ]);
    expect(await page.locator('[data-issue="kept_over"][data-file="d-sttt-lan-2.xlsx"]').textContent()).toContain("theo lựa chọn của người tổng hợp");

    // The period picker, as --period: the six-month report becomes the batch's, the annual ones are marked.
    await page.getByRole("combobox", { name: vi.periodPick }).selectOption("6thang/2024");
    expect(await states()).toEqual([
      ["d-sttt-lan-2.xlsx", "review"],
      ["a-sttt.xlsx", "set_aside"],
      ["c-stp.xlsx", "review"],
      ["e-sxd.xlsx", "review"],
    ]);

    // A unit's findings on demand, by cell.
    const block = page.locator('[data-testid="unit-block"][data-file="c-stp.xlsx"]');
    const toggle = block.getByTestId("toggle-findings");
    expect(await toggle.getAttribute("aria-expanded")).toBe("false");
    await toggle.click();
    expect(await toggle.getAttribute("aria-expanded")).toBe("true");
    expect(await block.getByTestId("unit-findings").locator('li[data-code="part_exceeds_whole"]').textContent()).toMatch(/^D\d+ · Lỗi: /);
    await page.screenshot({ path: path.join(ROOT, `test-output/consolidate-choices-${width}-${scheme}.png`), fullPage: true });
    expect(await violations()).toEqual([]);
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(width);
    expect(errors).toEqual([]);
    await page.context().close();
  }, 120_000);

  it("keeps a unit name written in capitals whole at 320 px: no word broken across lines in the status table", async () => {
    // D's unit is "SỞ THÔNG TIN VÀ TRUYỀN THÔNG": in a narrow column its capitals broke as "TRUYỀ/N".
    const files = [];
    for (const b of [BATCH[3], BATCH[1]]) files.push({ name: b.file, mimeType: "application/octet-stream", buffer: Buffer.from(await unitWorkbook(b.spec)) });
    const { page, errors } = await openPane();
    await page.setViewportSize({ width: 320, height: 900 });
    await page.getByRole("button", { name: vi.openFile }).waitFor({ timeout: 15_000 });
    await page.getByTestId("file-input").setInputFiles(files);
    await page.getByRole("button", { name: vi.consolidate }).click();
    await page.getByTestId("consolidate-table").waitFor({ timeout: 30_000 });
    // Each word of each unit name: a word laid out on more than one line box was broken.
    const words = await page.evaluate(() =>
      Array.from(document.querySelectorAll('[data-testid="status-row"] [data-part="unit"]')).flatMap((span) => {
        const node = span.firstChild!;
        const text = node.textContent ?? "";
        let at = 0;
        return text.split(" ").map((word) => {
          const range = document.createRange();
          range.setStart(node, at);
          range.setEnd(node, at + word.length);
          at += word.length + 1;
          return { word, lines: range.getClientRects().length };
        });
      }),
    );
    expect(words.map((w) => w.word)).toContain("TRUYỀN");
    expect(words.filter((w) => w.lines !== 1)).toEqual([]);
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(320);
    expect(errors).toEqual([]);
    await page.context().close();
  }, 120_000);

  it("says in Vietnamese that a file which is not an .xlsx cannot be read", async () => {
    const { page } = await openPane();
    await page.getByRole("button", { name: vi.openFile }).waitFor({ timeout: 15_000 });
    await page.getByTestId("file-input").setInputFiles({ name: "bao-cao.xlsx", mimeType: "application/octet-stream", buffer: Buffer.from("không phải tệp Excel") });
    const error = page.getByTestId("error");
    await error.waitFor();
    expect(await error.textContent()).toContain(unreadableText({ reason: "not_xlsx" }, "vi"));
    await page.context().close();
  }, 60_000);
});

describe("the pane's start when Microsoft's CDN hangs (office.js never answers)", () => {
  /** A page where office.js's request never gets an answer (a hung CDN) and nothing else leaves localhost. */
  async function withHungCdn(query: string) {
    const context = await browser.newContext({ viewport: { width: PANE_WIDTH, height: 600 }, locale: "vi-VN" });
    const page = await context.newPage();
    const hung: { abort: () => Promise<void> }[] = [];
    await page.route("**/*", (route) => {
      const url = route.request().url();
      if (url.startsWith(server.url)) return route.continue();
      if (url.startsWith("https://appsforoffice.microsoft.com/")) {
        hung.push({ abort: () => route.abort("timedout") });
        return undefined;
      }
      return route.abort("internetdisconnected");
    });
    const started = Date.now();
    await page.goto(`${server.url}/taskpane.html${query}`, { waitUntil: "commit" });
    return {
      page,
      started,
      close: async () => {
        for (const h of hung) await h.abort().catch(() => undefined);
        await context.close();
      },
    };
  }

  it("paints the pane's frame at once and, outside Office, starts the file checker without waiting for office.js", async () => {
    const { page, started, close } = await withHungCdn("");
    try {
      await page.getByText("Kiểm tra Phụ lục CCHC").first().waitFor({ timeout: 5_000 });
      await page.getByRole("button", { name: vi.openFile }).waitFor({ timeout: 10_000 });
      expect(Date.now() - started).toBeLessThan(10_000);
    } finally {
      await close();
    }
  }, 60_000);

  it("inside Excel (the host-info parameter Office adds) shows that it is connecting instead of the file checker", async () => {
    const { page, close } = await withHungCdn("?_host_Info=Excel$Win32$16.01$vi-VN$$$$0");
    try {
      await page.getByTestId("connecting").waitFor({ timeout: 10_000 });
      expect(await page.getByTestId("connecting").textContent()).toContain(vi.connecting);
      expect(await page.getByRole("button", { name: vi.openFile }).count()).toBe(0);
    } finally {
      await close();
    }
  }, 60_000);
});

/** Where the review flow's screenshots go: test-output/review/, and the README's few to docs/images on request. */
const REVIEW_SHOTS = path.join(ROOT, "test-output/review");
const README_SHOTS: Readonly<Record<string, string>> = {
  "checked-500-light": "pane.png",
  "acknowledge-320-dark": "pane-review-320-dark.png",
  "fill-500-dark": "pane-fill-500-dark.png",
};

async function shoot(page: Page, name: string): Promise<void> {
  fs.mkdirSync(REVIEW_SHOTS, { recursive: true });
  await page.screenshot({ path: path.join(REVIEW_SHOTS, `${name}.png`) });
  if (process.env.UPDATE_SCREENSHOTS === "1" && README_SHOTS[name]) {
    await page.screenshot({ path: path.join(ROOT, "docs/images", README_SHOTS[name]) });
  }
}

interface AxeViolation {
  readonly id: string;
  readonly impact?: string | null;
  readonly nodes: readonly { readonly target: readonly unknown[]; readonly html: string; readonly failureSummary?: string }[];
}

/**
 * axe-core over the whole page: its serious and critical violations (and duplicate landmark names), as
 * "rule (impact): where" lines, so that a failure says what to fix.
 */
async function axeProblems(page: Page): Promise<string[]> {
  if (!(await page.evaluate(() => "axe" in window))) await page.addScriptTag({ url: `${server.url}/axe.min.js` });
  // Colours are judged at rest: a button still fading from disabled to enabled is no contrast failure.
  await page.waitForFunction(() =>
    document.getAnimations().every((a) => a.playState !== "running" || a.effect?.getTiming().iterations === Infinity),
  );
  const violations = await page.evaluate(async () => {
    const axe = (window as unknown as { axe: { run: (c: Document, o: object) => Promise<{ violations: AxeViolation[] }> } }).axe;
    const r = await axe.run(document, { resultTypes: ["violations"] });
    return r.violations.map((v) => ({
      id: v.id,
      impact: v.impact,
      nodes: v.nodes.map((n) => ({ target: n.target.map(String), html: n.html, summary: n.failureSummary })),
    }));
  });
  return violations
    .filter((v) => v.impact === "serious" || v.impact === "critical" || v.id === "landmark-unique")
    .map((v) => `${v.id} (${v.impact}): ${v.nodes.slice(0, 3).map((n) => `${n.html.slice(0, 160)} — ${n.summary?.slice(0, 200)}`).join("; ")}`);
}

/**
 * Words laid out over more than one line ("Cản/h báo"), in the pane's visible text. File names and formulas may
 * break anywhere (marked data-breakable), since they are no words.
 */
async function brokenWords(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const out: string[] = [];
    const walker = document.createTreeWalker(document.querySelector("main")!, NodeFilter.SHOW_TEXT);
    for (let n = walker.nextNode(); n; n = walker.nextNode()) {
      const el = n.parentElement;
      if (!el || el.closest("[data-breakable], [aria-hidden='true'], input, textarea")) continue;
      if (getComputedStyle(el).whiteSpace === "nowrap") continue;
      const text = n.textContent ?? "";
      // A line may end after "/", "-" or "." inside a token ("130/2005/NĐ-CP", a web address): those are no
      // broken words; each piece between them must stay on one line.
      for (const m of text.matchAll(/[^\s/\-–.]+[/\-–.]*/g)) {
        // A web address is no word either: it may break anywhere.
        const token = /\S*$/.exec(text.slice(0, m.index))![0] + /^\S*/.exec(text.slice(m.index))![0];
        if (token.includes("://")) continue;
        const range = document.createRange();
        range.setStart(n, m.index);
        range.setEnd(n, m.index + m[0].length);
        const tops = new Set([...range.getClientRects()].filter((r) => r.width > 0).map((r) => Math.round(r.top)));
        if (tops.size > 1) out.push(m[0]);
      }
    }
    return out;
  });
}

/** The buttons drawn as primary (the theme's brand background): one per view. */
async function primaryButtons(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    // Without transitions: a button that has just turned secondary may still be fading from the brand colour.
    const still = document.createElement("style");
    still.textContent = "*, *::before, *::after { transition: none !important; animation: none !important; }";
    document.head.appendChild(still);
    const probe = document.createElement("div");
    probe.style.backgroundColor = "var(--colorBrandBackground)";
    document.querySelector(".fui-FluentProvider")!.appendChild(probe);
    const brand = getComputedStyle(probe).backgroundColor;
    probe.remove();
    const primary = [...document.querySelectorAll("main button")]
      .filter((b) => getComputedStyle(b).backgroundColor === brand)
      .map((b) => (b.textContent ?? "").trim());
    still.remove();
    return primary;
  });
}

/** What holds the keyboard focus: the finding card's cell, or the element's test id. */
async function focused(page: Page): Promise<string | null> {
  return page.evaluate(() => {
    const el = document.activeElement as HTMLElement | null;
    return el?.getAttribute("data-cell") ?? el?.getAttribute("data-testid") ?? el?.textContent?.trim() ?? null;
  });
}

/** The element lies within the window (the clerk sees it without scrolling). */
async function inView(page: Page, selector: string): Promise<boolean> {
  return page.evaluate((sel) => {
    const r = document.querySelector(sel)!.getBoundingClientRect();
    return r.top >= 0 && r.bottom <= window.innerHeight;
  }, selector);
}

/** Opens a section of the findings if it is closed, and waits until it says it is open. */
async function openSection(page: Page, section: string): Promise<void> {
  const header = page.locator(`[data-section="${section}"] h3 button`);
  if ((await header.getAttribute("aria-expanded")) === "false") await header.click();
  await page.locator(`[data-section="${section}"] h3 button[aria-expanded="true"]`).waitFor();
}

/** The question "Sửa ngay" opens on a cell holding what someone typed (with the focus in it, old → new read out). */
function replaceQuestion(page: Page, cell: string) {
  return page.locator(`[data-card][data-cell="${cell}"] [data-testid="confirm-replace"]`);
}

/**
 * A fix over what someone typed, as a clerk makes it: "Sửa ngay", the question appears and takes the focus, then
 * "Ghi đè". Each step waits for what the pane shows, so a question that never comes fails here, by name.
 */
async function fixOverTyped(page: Page, cell: string): Promise<void> {
  await page.getByRole("button", { name: vi.applyFixAt(cell) }).click();
  const ask = replaceQuestion(page, cell);
  await ask.waitFor();
  await page.waitForFunction(() => document.activeElement?.getAttribute("data-testid") === "confirm-replace");
  await ask.getByRole("button", { name: vi.replaceConfirmAt(cell) }).click();
}

const LOOKS = [
  [320, "light"],
  [320, "dark"],
  [500, "light"],
  [500, "dark"],
] as const;

describe("the review flow, as a clerk goes through it (320 and 500 px, light and dark)", () => {
  it.each(LOOKS)("at %i px, %s: open, go through the findings, help, skip with a reason, fix, fill", async (width, scheme) => {
    const look = `${width}-${scheme}`;
    const { page, errors } = await openPane("", { width, scheme });
    const card = (cell: string) => `[data-card][data-cell="${cell}"]`;
    const summary = page.getByTestId("summary");

    // Start: the file area is the view's one primary action.
    await page.getByRole("button", { name: vi.openSample }).waitFor({ timeout: 15_000 });
    expect(await primaryButtons(page)).toEqual([vi.openFile]);
    expect(await axeProblems(page)).toEqual([]);
    await shoot(page, `start-${look}`);
    const openArea = page.getByTestId("open-area");
    const tallBefore = (await openArea.boundingBox())!.height;

    // Open the example: the focus lands on the result, the opening area shrinks to one line.
    await page.getByRole("button", { name: vi.openSample }).click();
    await summary.waitFor({ timeout: 30_000 });
    expect(await summary.textContent()).toBe(vi.summary(0, SAMPLE_EXPECTED.warnings));
    await page.waitForFunction(() => document.activeElement?.getAttribute("data-testid") === "result");
    expect(await openArea.getAttribute("data-compact")).toBe("true");
    expect((await openArea.boundingBox())!.height).toBeLessThan(tallBefore / 2);
    expect(await page.getByTestId("recognised").textContent()).toBe(vi.recognised("Phụ lục", 178, 178));
    // Sections start collapsed but the first with findings; one primary button in the view.
    expect(await page.locator('[data-section] h3 button[aria-expanded="true"]').count()).toBe(1);
    expect(await page.locator('[data-section="I"] h3 button[aria-expanded="true"]').count()).toBe(1);
    expect(await primaryButtons(page)).toEqual([vi.fill]);
    expect(await brokenWords(page)).toEqual([]);
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(width);
    expect(await axeProblems(page)).toEqual([]);
    await shoot(page, `checked-${look}`);

    // Next, as Excel's Error Checking: the first finding's card takes the focus, its row is marked in the preview.
    const position = page.getByTestId("review-position");
    await page.getByTestId("review-next").click();
    await page.waitForFunction(() => document.activeElement?.getAttribute("data-cell") === "D12");
    expect(await position.textContent()).toBe(vi.position(1, SAMPLE_EXPECTED.warnings));
    expect(await page.locator('[data-testid="appendix-preview"] tr[aria-current="true"]').getAttribute("data-row")).toBe("12");
    // Further down: the preview scrolls inside its own box, and the card stays in view.
    for (let i = 0; i < 4; i++) await page.getByTestId("review-next").click();
    expect(await position.textContent()).toBe(vi.position(5, SAMPLE_EXPECTED.warnings));
    const fifth = (await focused(page))!;
    expect(fifth).toMatch(/^D\d+$/);
    await page.waitForFunction((row) => document.querySelector('tr[aria-current="true"]')?.getAttribute("data-row") === row, fifth.slice(1));
    expect(await page.getByTestId("preview-box").evaluate((box) => box.scrollTop)).toBeGreaterThan(0);
    expect(await inView(page, card(fifth))).toBe(true);
    // …and the way back from the marked row to the card.
    await page.getByTestId("preview-back").click();
    expect(await focused(page)).toBe(fifth);
    expect(await inView(page, card(fifth))).toBe(true);
    await page.getByTestId("review-previous").click();
    expect(await position.textContent()).toBe(vi.position(4, SAMPLE_EXPECTED.warnings));

    // "?": why the rule exists.
    const here = (await focused(page))!;
    const code = (await page.locator(card(here)).getAttribute("data-finding"))!;
    await page.locator(card(here)).getByTestId("rule-help-toggle").click();
    expect(await page.locator(card(here)).getByTestId("rule-help").textContent()).toContain(vi.ruleHelp[code as keyof typeof vi.ruleHelp]);
    expect(await axeProblems(page)).toEqual([]);
    await shoot(page, `help-${look}`);

    // Errors only: the sample has none, and says so.
    await page.getByRole("switch", { name: vi.errorsOnly(0) }).click();
    await page.getByTestId("no-errors-shown").waitFor();
    expect(await position.textContent()).toBe(vi.position(0, 0));
    await page.getByRole("switch", { name: vi.errorsOnly(0) }).click();

    // Skip with a reason: its meaning and where the reason is kept are said by the field; Escape drops a half-typed one.
    await page.getByRole("button", { name: vi.acknowledgeAt("D22") }).click();
    const form = page.locator(card("D22")).getByTestId("acknowledge-form");
    expect(await form.textContent()).toContain(vi.acknowledgeMeaning);
    expect(await form.textContent()).toContain(vi.acknowledgeSavedSession);
    await page.keyboard.type("đang gõ dở");
    await page.keyboard.press("Escape");
    await form.waitFor({ state: "detached" });
    await page.waitForFunction((name) => document.activeElement?.getAttribute("aria-label") === name, vi.acknowledgeAt("D22"));
    await page.keyboard.press("Enter");
    expect(await form.getByTestId("acknowledge-reason").inputValue()).toBe("");
    await page.keyboard.type("Số liệu đúng theo Kế hoạch 01/KH-STTTT");
    expect(await axeProblems(page)).toEqual([]);
    await shoot(page, `acknowledge-${look}`);
    await form.getByRole("button", { name: vi.saveAcknowledge }).click();
    // The focus lands on the next finding, with the confirmation right above it.
    await summary.filter({ hasText: vi.summary(0, SAMPLE_EXPECTED.warnings - 1) }).waitFor();
    await page.waitForFunction(() => /^D\d+$/.test(document.activeElement?.getAttribute("data-cell") ?? ""));
    const afterSkip = (await focused(page))!;
    expect(afterSkip).not.toBe("D22");
    const skipNotice = page.getByTestId("notice");
    expect(await skipNotice.textContent()).toContain(vi.acknowledged("D22"));
    expect(await skipNotice.getAttribute("data-landing")).not.toBe("result");
    expect(await page.locator(`li:has(> [data-testid="notice"]) ${card(afterSkip)}`).count()).toBe(1);
    expect(await inView(page, '[data-testid="notice"]')).toBe(true);

    // Fix "02" typed as text in D46: the card shows old → new and asks; Escape keeps the cell, the focus on the card.
    await openSection(page, "II");
    const previewValue = (row: number) => page.locator(`[data-testid="appendix-preview"] tr[data-row="${row}"] td`).nth(3);
    expect(await previewValue(46).textContent()).toBe("02");
    await page.getByRole("button", { name: vi.applyFixAt("D46") }).click();
    const ask = replaceQuestion(page, "D46");
    await ask.waitFor();
    expect(await ask.getByTestId("replace-change").textContent()).toBe("02 → 2");
    await page.waitForFunction(() => document.activeElement?.getAttribute("data-testid") === "confirm-replace");
    expect(await axeProblems(page)).toEqual([]);
    expect(await brokenWords(page)).toEqual([]);
    await shoot(page, `replace-${look}`);
    await page.keyboard.press("Escape");
    await ask.waitFor({ state: "detached" });
    await page.waitForFunction(() => document.activeElement?.getAttribute("data-cell") === "D46");
    expect(await previewValue(46).textContent()).toBe("02");
    // The second, explicit click writes: the focus goes on, the confirmation says what changed and offers the undo.
    await fixOverTyped(page, "D46");
    await summary.filter({ hasText: vi.summary(0, SAMPLE_EXPECTED.warnings - 2) }).waitFor();
    await page.waitForFunction(() => document.activeElement?.getAttribute("data-cell") === "D47");
    expect(await page.getByTestId("notice").textContent()).toContain(vi.fixed("D46", "02", "2"));
    expect(await page.locator(`li:has(> [data-testid="notice"]) ${card("D47")}`).count()).toBe(1);
    expect(await inView(page, '[data-testid="notice"]')).toBe(true);
    expect(await previewValue(46).textContent()).toBe("2");
    expect(await axeProblems(page)).toEqual([]);
    await shoot(page, `fixed-${look}`);
    // Hoàn tác: the cell holds "02" again (in the preview; the downloaded copy's is checked with the download below),
    // the warning is back with the focus on it.
    await page.getByTestId("notice").getByRole("button", { name: vi.undoAt("D46") }).click();
    await summary.filter({ hasText: vi.summary(0, SAMPLE_EXPECTED.warnings - 1) }).waitFor();
    await page.waitForFunction(() => document.activeElement?.getAttribute("data-cell") === "D46");
    expect(await page.getByTestId("notice").textContent()).toContain(vi.undone("D46", "02"));
    expect(await previewValue(46).textContent()).toBe("02");
    // Fixed again for the rest of the flow.
    await fixOverTyped(page, "D46");
    await summary.filter({ hasText: vi.summary(0, SAMPLE_EXPECTED.warnings - 2) }).waitFor();
    await page.waitForFunction(() => document.activeElement?.getAttribute("data-cell") === "D47");

    // Fill: the preview takes the focus, names the indicator and shows the formula as a Vietnamese Excel does.
    await page.getByRole("button", { name: vi.fill }).click();
    const fill = page.getByTestId("fill-preview");
    await page.waitForFunction(() => document.activeElement?.getAttribute("data-testid") === "fill-preview");
    const rate = fill.locator('[data-patch="D12"]');
    expect(await rate.textContent()).toContain("Tỷ lệ hoàn thành Kế hoạch CCHC năm");
    expect(await rate.textContent()).toContain("87,23");
    expect(await rate.textContent()).toContain("=ROUND(D14/D13*100;2)");
    expect(await primaryButtons(page)).toEqual([vi.applyFill(1)]);
    expect(await axeProblems(page)).toEqual([]);
    await shoot(page, `fill-${look}`);
    // Escape closes it, back on the button that opened it.
    await page.keyboard.press("Escape");
    await fill.waitFor({ state: "detached" });
    expect(await focused(page)).toBe(vi.fill);
    await page.keyboard.press("Enter");
    await fill.getByRole("button", { name: vi.applyFill(1) }).click();
    // Filled: the focus lands on the result, the confirmation under it.
    await summary.filter({ hasText: vi.summary(0, SAMPLE_EXPECTED.warnings - 3) }).waitFor();
    await page.waitForFunction(() => document.activeElement?.getAttribute("data-testid") === "result");
    expect(await page.getByTestId("notice").getAttribute("data-landing")).toBe("result");
    expect(await page.getByTestId("notice").textContent()).toContain(vi.filled(1));
    expect(await page.locator('[data-testid="appendix-preview"] tr[data-row="12"] td').nth(3).textContent()).toBe("87,23");
    expect(await brokenWords(page)).toEqual([]);
    expect(await axeProblems(page)).toEqual([]);
    await shoot(page, `filled-${look}`);

    expect(errors).toEqual([]);
    await page.context().close();
  }, 240_000);

  it.each(LOOKS)("at %i px, %s: a refused file, then several files consolidated", async (width, scheme) => {
    const look = `${width}-${scheme}`;
    const { page, errors } = await openPane("", { width, scheme });
    await page.getByRole("button", { name: vi.openFile }).waitFor({ timeout: 15_000 });
    await page.getByTestId("file-input").setInputFiles({ name: "bao-cao.xlsx", mimeType: "application/octet-stream", buffer: Buffer.from("không phải tệp Excel") });
    await page.getByTestId("error").waitFor();
    expect(await axeProblems(page)).toEqual([]);
    await shoot(page, `refused-${look}`);

    const files = [];
    for (const b of BATCH.slice(0, 3)) files.push({ name: b.file, mimeType: "application/octet-stream", buffer: Buffer.from(await unitWorkbook(b.spec)) });
    files.push({ name: "hong.xlsx", mimeType: "application/octet-stream", buffer: Buffer.from([0x50, 0x4b, 3, 4, 9, 9]) });
    await page.getByTestId("file-input").setInputFiles(files);
    await page.getByRole("button", { name: vi.consolidate }).waitFor();
    // Every chosen file is listed, none hidden in a box of its own.
    const list = page.locator("ol li, ul li").filter({ hasText: "hong.xlsx" }).first();
    expect(await list.isVisible()).toBe(true);
    expect(await page.evaluate(() => [...document.querySelectorAll("main *")].filter((e) => {
      const s = getComputedStyle(e);
      return /auto|scroll/.test(s.overflowY) && e.scrollHeight > e.clientHeight + 1 && !e.closest("table") && !e.querySelector("table");
    }).length)).toBe(0);
    expect(await axeProblems(page)).toEqual([]);
    await page.getByRole("button", { name: vi.consolidate }).click();
    await page.getByTestId("consolidate-table").waitFor({ timeout: 30_000 });
    expect(await brokenWords(page)).toEqual([]);
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(width);
    expect(await axeProblems(page)).toEqual([]);
    await shoot(page, `consolidated-${look}`);
    expect(errors).toEqual([]);
    await page.context().close();
  }, 180_000);
});

describe("docs/OFFICE.md's bundle sizes are this build's", () => {
  // What `npm run bench -- pane` measures (bench/pane.ts bundleSizes: gzip level 6), read from the build above.
  // The docs quote a run's figures; 10 % of room lets small changes pass, a real drift fails here.
  it("initial JavaScript, the Excel adapter's chunks, inside Excel in all, and the ExcelJS chunk", () => {
    const stats = JSON.parse(fs.readFileSync(path.join(outDir, "..", `${path.basename(outDir)}-stats.json`), "utf8")) as Stats;
    const b = bundleSizes(outDir, stats);
    const text = fs.readFileSync(path.join(ROOT, "docs/OFFICE.md"), "utf8").replace(/\s+/g, " ");
    const m = /initial JavaScript \(`taskpane` and `oldHostCheck\.js`\) (\d+) KB, the `excel` chunk group (\d+) KB, (\d+) KB inside Excel; the ExcelJS chunk (\d+) KB/.exec(text);
    expect(m).not.toBeNull();
    const [initial, excel, inside, excelJs] = m!.slice(1).map(Number);
    const measured = { initial: b.initialKb, excel: b.excelKb, inside: b.initialKb + b.excelKb, excelJs: b.excelJsKb };
    const quoted = { initial, excel, inside, excelJs };
    // Small figures (the adapter's chunk, a few KB) get 2 KB of room, the others 10 %.
    const drift = (Object.keys(quoted) as (keyof typeof quoted)[])
      .filter((k) => Math.abs(measured[k] - quoted[k]) > Math.max(2, quoted[k] * 0.1))
      .map((k) => `${k}: docs/OFFICE.md says ${quoted[k]} KB, the build is ${measured[k].toFixed(1)} KB`);
    expect(drift).toEqual([]);
    expect(b.initial).toContain("oldHostCheck.js");
  });
});

/** A unit's report that is ready to send, saved by LibreOffice (scripts/fixtures/ready-unit.ts). */
const READY_UNIT = path.join(ROOT, "test/fixtures/units/so-ke-hoach-va-dau-tu-nam-2023.xlsx");

describe("the download before filling, and a unit ready to send in a consolidation (320 and 500 px)", () => {
  const LOOKS_TWO = [
    [320, "light"],
    [500, "dark"],
  ] as const;

  it.each(LOOKS_TWO)("at %i px, %s: 'Tải bản đã điền' shows the fill's preview first and downloads the filled copy; a file with nothing to fill is the unchanged copy", async (width, scheme) => {
    const look = `${width}-${scheme}`;
    const { page, errors } = await openPane("", { width, scheme });
    await page.getByRole("button", { name: vi.openSample }).click({ timeout: 15_000 });
    const summary = page.getByTestId("summary");
    await summary.waitFor({ timeout: 30_000 });
    const button = page.getByTestId("download");
    expect(await button.textContent()).toBe(vi.download);
    // The "?" of the built-in form's relation gives the relation's reason (a chunk of its own, loaded by the page).
    const host = await FileHost.open(fs.readFileSync(SAMPLE), "phu-luc-mau-2023.xlsx");
    const state = await host.check();
    const rated = state.found ? state.findings.find((f) => cellA1(f.cell) === "D12" && f.relation) : undefined;
    expect(rated?.relation).toBeDefined();
    const reason = (await builtinFormReasons(soNganh.id))[rated!.relation!]!.vi!;
    const d12 = page.locator('[data-card][data-cell="D12"]');
    await d12.getByTestId("rule-help-toggle").click();
    await d12.getByTestId("rule-help").filter({ hasText: `${vi.helpFormReason} ${reason}` }).waitFor();

    // A fix made and undone: the copy holds the cell as typed ("02" in D46), not the fix.
    await openSection(page, "II");
    await fixOverTyped(page, "D46");
    await summary.filter({ hasText: vi.summary(0, SAMPLE_EXPECTED.warnings - 1) }).waitFor();
    await page.getByTestId("notice").getByRole("button", { name: vi.undoAt("D46") }).click();
    await page.getByTestId("notice").filter({ hasText: vi.undone("D46", "02") }).waitFor();
    expect(await summary.textContent()).toBe(vi.summary(0, SAMPLE_EXPECTED.warnings));

    // The rate is left to fill: the same preview as "Điền", saying what the copy will hold; nothing downloaded yet.
    let downloads = 0;
    page.on("download", () => downloads++);
    await button.click();
    const fill = page.getByTestId("fill-preview");
    await page.waitForFunction(() => document.activeElement?.getAttribute("data-testid") === "fill-preview");
    expect(await fill.textContent()).toContain(vi.fillBeforeDownload);
    expect(await fill.locator('[data-patch="D12"]').textContent()).toContain("87,23");
    expect(await button.getAttribute("aria-expanded")).toBe("true");
    expect(await primaryButtons(page)).toEqual([vi.applyFillDownload(1)]);
    expect(await brokenWords(page)).toEqual([]);
    expect(await axeProblems(page)).toEqual([]);
    await shoot(page, `download-fill-${look}`);
    // Escape closes it, back on the download button; nothing was written or downloaded.
    await page.keyboard.press("Escape");
    await fill.waitFor({ state: "detached" });
    expect(await focused(page)).toBe("download");
    expect(downloads).toBe(0);
    expect(await summary.textContent()).toBe(vi.summary(0, SAMPLE_EXPECTED.warnings));

    // Confirmed: written, then the filled copy (the surgical writer's) is downloaded.
    await page.keyboard.press("Enter");
    const [download] = await Promise.all([
      page.waitForEvent("download"),
      fill.getByRole("button", { name: vi.applyFillDownload(1) }).click(),
    ]);
    expect(download.suggestedFilename()).toBe("phu-luc-mau-2023-da-dien.xlsx");
    const saved = path.join(outDir, `download-${look}.xlsx`);
    await download.saveAs(saved);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.readFile(saved);
    const rate = workbook.getWorksheet(SAMPLE_EXPECTED.sheet)!.getCell(SAMPLE_EXPECTED.rate.cell);
    expect(`=${rate.formula}`).toBe(SAMPLE_EXPECTED.rate.formula);
    expect(rate.result).toBe(87.23);
    expect(workbook.getWorksheet(SAMPLE_EXPECTED.sheet)!.getCell("D46").value).toBe("02");
    const notice = page.getByTestId("notice");
    await notice.filter({ hasText: vi.downloadReady("phu-luc-mau-2023-da-dien.xlsx") }).waitFor();
    expect(await notice.textContent()).toContain(vi.filled(1));
    expect(await summary.textContent()).toBe(vi.summary(0, SAMPLE_EXPECTED.warnings - 1));
    expect(await axeProblems(page)).toEqual([]);

    // The filled copy opened again: nothing to fill, nothing filled — the copy is said to be the file unchanged.
    await page.getByTestId("file-input").setInputFiles({ name: "da-xong.xlsx", mimeType: "application/octet-stream", buffer: fs.readFileSync(saved) });
    await page.getByTestId("file-name").filter({ hasText: "da-xong.xlsx" }).waitFor();
    await summary.waitFor();
    expect(await button.textContent()).toBe(vi.downloadUnchanged);
    const [unchanged] = await Promise.all([page.waitForEvent("download"), button.click()]);
    expect(unchanged.suggestedFilename()).toBe("da-xong-ban-goc.xlsx");
    expect(await page.getByText(vi.downloadReadyUnchanged("da-xong-ban-goc.xlsx")).count()).toBe(1);
    expect(await brokenWords(page)).toEqual([]);
    expect(await axeProblems(page)).toEqual([]);
    await shoot(page, `download-unchanged-${look}`);
    expect(errors).toEqual([]);
    await page.context().close();
  }, 180_000);

  it.each(LOOKS_TWO)("at %i px, %s: a unit with nothing left is ready to send in the consolidation's status", async (width, scheme) => {
    const look = `${width}-${scheme}`;
    const files = [{ name: path.basename(READY_UNIT), mimeType: "application/octet-stream", buffer: fs.readFileSync(READY_UNIT) }];
    for (const b of [BATCH[0], BATCH[2]]) files.push({ name: b.file, mimeType: "application/octet-stream", buffer: Buffer.from(await unitWorkbook(b.spec)) });
    const { page, errors } = await openPane("", { width, scheme });
    await page.getByRole("button", { name: vi.openFile }).waitFor({ timeout: 15_000 });
    await page.getByTestId("file-input").setInputFiles(files);
    await page.getByRole("button", { name: vi.consolidate }).click();
    await page.getByTestId("consolidate-table").waitFor({ timeout: 30_000 });
    const rows = page.getByTestId("status-row");
    expect(await rows.evaluateAll((trs) => trs.map((tr) => [tr.getAttribute("data-file"), tr.getAttribute("data-state")]))).toEqual([
      ["so-ke-hoach-va-dau-tu-nam-2023.xlsx", "ready"],
      ["a-sttt.xlsx", "review"],
      ["c-stp.xlsx", "review"],
    ]);
    const ready = page.locator('[data-testid="status-row"][data-file="so-ke-hoach-va-dau-tu-nam-2023.xlsx"]');
    expect(await ready.textContent()).toContain(vi.stateReady);
    expect(await ready.textContent()).toContain("Sở Kế hoạch và Đầu tư");
    expect(await page.getByTestId("consolidate-status").textContent()).toBe(vi.batchSummary(3, 1, 2, 0, 0));
    expect(await brokenWords(page)).toEqual([]);
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(width);
    expect(await axeProblems(page)).toEqual([]);
    await shoot(page, `consolidated-ready-${look}`);
    expect(errors).toEqual([]);
    await page.context().close();
  }, 180_000);
});
