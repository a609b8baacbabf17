/**
 * Every budget and limit the README and docs/ quote, with its one source: a bench constant (bench/*.ts, what
 * `npm run bench` holds figures to) or a code constant. Each claim is the phrase the doc must contain, written from
 * the constant, so changing either side alone fails here with the claim's doc and source. Measured figures (a run's
 * timings and sizes) are not here: they are `npm run bench`'s output, dated in docs/BENCHMARKS.md; the bundle sizes
 * docs/OFFICE.md quotes are held to the build by test/e2e/pane.e2e.test.ts; one size computed here (the built-in
 * form in the settings) is held at the end. Limits with their own sentence tests: documentedLimits.test.ts; the
 * sample's counts and the commands' output: readmeOutput.test.ts; the files the docs name: documentedPaths.test.ts.
 */
import * as fs from "fs";
import * as path from "path";
import { END_GAP_ROWS, FORM_MAX_BYTES, FORM_MAX_ROWS, FORM_MAX_TEXT, builtinForms, FUZZY_THRESHOLD, soNganh, START_GAP_ROWS } from "../../src/core";
import { documentOf, SETTINGS_MAX_BYTES, settingsBytes, settingsWithForm } from "../../src/app/formInUse";
import { MAX_SHEETS } from "../../src/excel/readSheets";
import { READ_WINDOW } from "../../src/excel/readWindow";
import { DEBOUNCE_MS, WRITE_GRACE_MS } from "../../src/excel/changeWatcher";
import { OFFICE_FRAMED_WAIT_MS, OFFICE_INSIDE_WAIT_MS, OFFICE_READY_TIMEOUT_MS } from "../../src/taskpane/boot";
import { FORM_MAX_CELLS, FORM_MAX_EXPANDED_BYTES } from "../../src/xlsx/formWorkbook";
import { MAX_GRID_COLS, MAX_GRID_ROWS } from "../../src/xlsx/limits";
import * as cli from "../../bench/cli";
import { ENGINE_BUDGET_MS, ENGINE_RUNS, ENGINE_WARMUP } from "../../bench/engine";
import { BIG_ROWS, PAYLOAD_BUDGET_BYTES } from "../../bench/excel";
import * as files from "../../bench/files";
import { PANE_JS_BUDGET_KB, PANE_READY_BUDGET_MS, PANE_RUNS } from "../../bench/pane";

const ROOT = path.resolve(__dirname, "../..");
const text = new Map<string, string>();
/** A doc with its whitespace folded (line breaks fall anywhere in prose). */
const doc = (name: string) => {
  if (!text.has(name)) text.set(name, fs.readFileSync(path.join(ROOT, name), "utf8").replace(/\s+/g, " "));
  return text.get(name)!;
};
/** 1000 -> "1,000", as the docs write numbers. */
const n = (v: number) => v.toLocaleString("en-US");
const MB = 1024 * 1024;
const s = (ms: number) => `${ms / 1000} s`;
const gb = (mb: number) => (mb >= 1000 ? `${mb / 1000} GB` : `${mb} MB`);

interface Claim {
  readonly doc: string;
  /** The phrase the doc must contain, built from the source's constants. */
  readonly says: string;
  /** Where the figure is defined. */
  readonly source: string;
}

const { BEFORE: CLI_BEFORE } = cli;
const { BEFORE: FILES_BEFORE, BIG_SHEET } = files;
const bigCells = 2 * BIG_SHEET.rows * BIG_SHEET.cols;
const pkg = JSON.parse(fs.readFileSync(path.join(ROOT, "package.json"), "utf8")) as { engines: { node: string } };
const startJs = fs.readFileSync(path.join(ROOT, "scripts/start.js"), "utf8");
const number = (re: RegExp, where: string) => {
  const m = re.exec(where);
  if (!m) throw new Error(`not found: ${re}`);
  return Number(m[1]);
};
const START_PORT = number(/const PORT = Number\(process\.env\.PORT \|\| (\d+)\)/, startJs);
const START_TIMEOUT_MS = number(/const READY_TIMEOUT_MS = Number\(process\.env\.CCHC_START_TIMEOUT_MS \|\| (\d+)\)/, startJs);

const CLAIMS: readonly Claim[] = [
  // The README's performance paragraph: the budgets of npm run bench.
  { doc: "README.md", source: "bench/files.ts BIG_*", says: `within ${BIG(files.BIG_CHECK_TIME_S, files.BIG_CHECK_MEMORY_MB)} and ${BIG(files.BIG_FILL_TIME_S, files.BIG_FILL_MEMORY_MB)}` },
  {
    doc: "README.md",
    source: "bench/files.ts BEFORE",
    says: `the surgical writer: ${BIG(FILES_BEFORE.check.seconds, FILES_BEFORE.check.mb)} and ${FILES_BEFORE.fill.seconds} s / ${gb(FILES_BEFORE.fill.mb)})`,
  },
  {
    doc: "README.md",
    source: "bench/cli.ts CLI_*",
    says: `${n(cli.CLI_FILES)} workbooks of ${n(cli.CLI_FILES)} distinct units on both cores, budget ${cli.CLI_TIME_BUDGET_S} s and ${cli.CLI_MEMORY_BUDGET_MB} MB`,
  },
  { doc: "README.md", source: "bench/pane.ts PANE_JS_BUDGET_KB", says: `start-up JavaScript under ${PANE_JS_BUDGET_KB} KB gzipped` },
  // The README's newcomer section.
  { doc: "README.md", source: "package.json engines", says: `**Node ≥ ${pkg.engines.node.replace(/^>=/, "")}**` },
  { doc: "docs/DEPLOY.md", source: "package.json engines", says: `Node.js ${pkg.engines.node.replace(/^>=/, "")} trở lên` },
  { doc: "docs/DEPLOY.md", source: "package.json engines", says: `Node.js ${pkg.engines.node.replace(/^>=/, "")} or later` },
  { doc: "README.md", source: "scripts/start.js PORT", says: `serves it on localhost port ${START_PORT} (\`PORT=${START_PORT + 1} npm start\`` },
  // BENCHMARKS.md's budget table and method.
  { doc: "docs/BENCHMARKS.md", source: "bench/excel.ts PAYLOAD_BUDGET_BYTES, BIG_ROWS", says: `appendix and beside ${n(BIG_ROWS)} rows | under ${PAYLOAD_BUDGET_BYTES / MB} MB (${n(PAYLOAD_BUDGET_BYTES)} bytes) |` },
  { doc: "docs/BENCHMARKS.md", source: "bench/engine.ts ENGINE_BUDGET_MS", says: `| engine: locate + validate + compute on the appendix, median | under ${ENGINE_BUDGET_MS} ms |` },
  {
    doc: "docs/BENCHMARKS.md",
    source: "bench/cli.ts CLI_*",
    says: `| \`cchc check\` over ${n(cli.CLI_FILES)} workbooks (${n(cli.CLI_FILES)} distinct units), both cores | at most ${cli.CLI_TIME_BUDGET_S} s, peak memory at most ${cli.CLI_MEMORY_BUDGET_MB} MB |`,
  },
  {
    doc: "docs/BENCHMARKS.md",
    source: "bench/cli.ts CONSOLIDATE_*",
    says: `| \`cchc consolidate\` of the same ${n(cli.CLI_FILES)} units | at most ${cli.CONSOLIDATE_TIME_BUDGET_S} s, at most ${cli.CONSOLIDATE_MEMORY_BUDGET_MB} MB |`,
  },
  {
    doc: "docs/BENCHMARKS.md",
    source: "bench/files.ts BIG_*",
    says: `| \`cchc check\` of a 20 MB workbook (${n(bigCells)} cells on other sheets) | at most ${files.BIG_CHECK_TIME_S} s, at most ${files.BIG_CHECK_MEMORY_MB} MB |`,
  },
  { doc: "docs/BENCHMARKS.md", source: "bench/files.ts BIG_FILL_*", says: `| \`cchc fill\` of the same | at most ${files.BIG_FILL_TIME_S} s, at most ${files.BIG_FILL_MEMORY_MB} MB |` },
  { doc: "docs/BENCHMARKS.md", source: "bench/pane.ts PANE_JS_BUDGET_KB", says: `| pane: initial JavaScript, gzipped | under ${PANE_JS_BUDGET_KB} KB, ExcelJS not in it |` },
  { doc: "docs/BENCHMARKS.md", source: "bench/pane.ts PANE_RUNS, PANE_READY_BUDGET_MS", says: `| pane: navigation to first usable screen, median of ${PANE_RUNS} | under ${s(PANE_READY_BUDGET_MS)} |` },
  { doc: "docs/BENCHMARKS.md", source: "bench/engine.ts ENGINE_WARMUP, ENGINE_RUNS", says: `${ENGINE_WARMUP} warm-up runs, then ${ENGINE_RUNS} timed runs` },
  { doc: "docs/BENCHMARKS.md", source: "bench/files.ts BIG_SHEET", says: `two sheets of ${n(BIG_SHEET.rows)} rows × ${BIG_SHEET.cols} columns (${n(bigCells)} cells` },
  {
    doc: "docs/BENCHMARKS.md",
    source: "bench/files.ts BEFORE",
    says: `(${BIG(FILES_BEFORE.check.seconds, FILES_BEFORE.check.mb)} and ${FILES_BEFORE.fill.seconds} s / ${gb(FILES_BEFORE.fill.mb)})`,
  },
  // CONSOLIDATE.md: the consolidation's budget and the earlier figure the bench prints beside it.
  { doc: "docs/CONSOLIDATE.md", source: "bench/cli.ts CONSOLIDATE_*", says: `budget ${cli.CONSOLIDATE_TIME_BUDGET_S} s and ${cli.CONSOLIDATE_MEMORY_BUDGET_MB} MB` },
  { doc: "docs/CONSOLIDATE.md", source: "bench/cli.ts BEFORE", says: `figure, ${CLI_BEFORE.consolidate.seconds} s at ${CLI_BEFORE.consolidate.mb} MB, was 1,000 copies of one unit` },
  // Where the readers stop (both readers share the grid limits).
  {
    doc: "SECURITY.md",
    source: "src/xlsx/limits.ts MAX_GRID_ROWS/COLS",
    says: `| grid read from a sheet | ${n(MAX_GRID_ROWS)} rows × ${MAX_GRID_COLS} columns`,
  },
  { doc: "docs/WRITING.md", source: "src/xlsx/limits.ts MAX_GRID_ROWS/COLS", says: `within ${n(MAX_GRID_ROWS)} rows and ${MAX_GRID_COLS} columns` },
  { doc: "SECURITY.md", source: "bench/files.ts BEFORE", says: `ExcelJS read a 20 MB workbook of ${n(bigCells)} cells in ${BIG(FILES_BEFORE.check.seconds, FILES_BEFORE.check.mb)}` },
  { doc: "docs/OFFICE.md", source: "src/excel/readWindow.ts READ_WINDOW", says: `an appendix below row ${READ_WINDOW.replace(/^A1:[A-Z]+/, "")} or right of column ${/^A1:([A-Z]+)/.exec(READ_WINDOW)![1]} is not found` },
  { doc: "SECURITY.md", source: "bench/excel.ts PAYLOAD_BUDGET_BYTES (Excel on the web's limit)", says: `Excel's own ${PAYLOAD_BUDGET_BYTES / MB} MB payload limit` },
  // Form files.
  {
    doc: "SECURITY.md",
    source: "src/core/forms/safety.ts FORM_MAX_*, src/xlsx/formWorkbook.ts FORM_MAX_*",
    says: `at most ${FORM_MAX_BYTES / MB} MB, ${n(FORM_MAX_CELLS)} cells and ${FORM_MAX_EXPANDED_BYTES / MB} MB expanded, ${n(FORM_MAX_ROWS)} indicator and ${n(FORM_MAX_ROWS)} relation rows, ${n(FORM_MAX_TEXT)} characters per cell`,
  },
  {
    doc: "docs/FORMS.md",
    source: "src/core/forms/safety.ts FORM_MAX_*, src/xlsx/formWorkbook.ts FORM_MAX_CELLS",
    says: `**Limits**: ${FORM_MAX_BYTES / MB} MB per form file, ${n(FORM_MAX_ROWS)} indicator and ${n(FORM_MAX_ROWS)} relation rows, ${n(FORM_MAX_TEXT)} characters per cell, ${n(FORM_MAX_CELLS)} cells per workbook`,
  },
  { doc: "docs/FORMS.md", source: "src/core/forms/safety.ts FORM_MAX_BYTES", says: `tệp mẫu lớn hơn ${FORM_MAX_BYTES / MB} MB` },
  { doc: "docs/FORMS.md", source: "src/app/formInUse.ts SETTINGS_MAX_BYTES", says: `nếu vừa giới hạn ${SETTINGS_MAX_BYTES / MB} MB của phần cài đặt` },
  { doc: "docs/FORMS.md", source: "src/app/formInUse.ts SETTINGS_MAX_BYTES", says: `when the settings stay within ${SETTINGS_MAX_BYTES / MB} MB` },
  { doc: "docs/PANE.md", source: "src/app/formInUse.ts SETTINGS_MAX_BYTES", says: `when they stay within ${SETTINGS_MAX_BYTES / MB} MB` },
  // The built-in appendix as data.
  {
    doc: "docs/TEMPLATE.md",
    source: "src/core/catalog/soNganh.ts",
    says: `${soNganh.sections.length} sections and ${soNganh.indicators.length} indicator rows, every printed row in printed order (${soNganh.sections.length + soNganh.indicators.length} table rows with the section rows)`,
  },
  { doc: "docs/LOCATE.md", source: "src/core/catalog/soNganh.ts", says: `the whole appendix (its ${soNganh.sections.length + soNganh.indicators.length} table rows under its header)` },
  // Where the appendix is found.
  { doc: "docs/LOCATE.md", source: "src/core/locate/rows.ts START_GAP_ROWS, END_GAP_ROWS", says: `within ${START_GAP_ROWS} rows of its header (\`START_GAP_ROWS\`) and is taken to end after ${END_GAP_ROWS} rows` },
  { doc: "docs/LOCATE.md", source: "src/core/locate/rows.ts FUZZY_THRESHOLD", says: `**Threshold ${FUZZY_THRESHOLD}**` },
  // Inside Excel: the pane's start, the read window, the change handler.
  { doc: "docs/OFFICE.md", source: "src/taskpane/boot.ts OFFICE_INSIDE_WAIT_MS", says: `waits up to ${s(OFFICE_INSIDE_WAIT_MS)} for office.js and \`Office.onReady\`` },
  { doc: "docs/OFFICE.md", source: "src/taskpane/boot.ts OFFICE_FRAMED_WAIT_MS", says: `the same, up to ${s(OFFICE_FRAMED_WAIT_MS)}, then outside Excel` },
  { doc: "docs/OFFICE.md", source: "src/taskpane/boot.ts OFFICE_READY_TIMEOUT_MS", says: `\`Office.onReady\` gets its ${s(OFFICE_READY_TIMEOUT_MS)}` },
  { doc: "docs/PANE.md", source: "src/taskpane/boot.ts OFFICE_READY_TIMEOUT_MS", says: `\`OFFICE_READY_TIMEOUT_MS\` (${s(OFFICE_READY_TIMEOUT_MS)})` },
  { doc: "docs/OFFICE.md", source: "src/excel/readSheets.ts MAX_SHEETS", says: `up to ${MAX_SHEETS} sheets and looks at the ${MAX_SHEETS + 1}st's name` },
  { doc: "docs/OFFICE.md", source: "src/excel/readWindow.ts READ_WINDOW", says: `getRange("${READ_WINDOW}")` },
  { doc: "docs/OFFICE.md", source: "src/excel/changeWatcher.ts DEBOUNCE_MS, WRITE_GRACE_MS", says: `debounced ${DEBOUNCE_MS} ms. The pane's own writes are skipped by a guard held during each write and ${s(WRITE_GRACE_MS)} after it` },
  { doc: "docs/OFFICE.md", source: "scripts/start.js READY_TIMEOUT_MS", says: `if the server does not answer in ${START_TIMEOUT_MS / 60000} minutes` },
];

/** "1.5 s / 200 MB" */
function BIG(seconds: number, mb: number): string {
  return `${seconds} s / ${mb} MB`;
}

test.each(CLAIMS.map((c) => [c.doc, c.source, c] as const))("%s quotes %s", (_doc, _source, claim) => {
  // On failure the message shows the phrase the doc should contain (the doc or the constant changed alone).
  expect({ doc: claim.doc, contains: doc(claim.doc).includes(claim.says) ? claim.says : `(missing) ${claim.says}` }).toEqual({ doc: claim.doc, contains: claim.says });
});

test("docs/FORMS.md: the built-in form kept in the workbook settings takes less than it says", () => {
  const m = /mẫu có sẵn, kể cả lý do của các quan hệ, chiếm dưới (\d+) KB/.exec(doc("docs/FORMS.md"));
  expect(m).not.toBeNull();
  // As the pane keeps a form it was given (Pane.tsx: settingsWithForm(settings, documentOf(form))).
  const kept = settingsWithForm({}, documentOf(builtinForms[0]));
  expect(kept.fits).toBe(true);
  const kb = settingsBytes(kept.fits ? kept.settings : {}) / 1024;
  expect(kb).toBeLessThan(Number(m![1]));
  // A bound that says something: the form is not a few bytes (the measure would be void).
  expect(kb).toBeGreaterThan(Number(m![1]) / 4);
});
