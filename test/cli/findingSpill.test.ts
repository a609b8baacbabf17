/**
 * What `cchc consolidate` keeps of a unit while it reads the others: the figures and each finding's mark, never the
 * workbook, its grid or a finding in full; the findings sheet's rows wait in a file that no run leaves behind, and
 * the summary written from them is the pane's, cell for cell.
 */
import type ExcelJS from "exceljs";
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { consolidate, countBySeverity, isFailure, soNganh, templates, type UnitReport } from "../../src/core";
import { readUnit, runConsolidate } from "../../src/cli/consolidate";
import { FindingSpill } from "../../src/cli/findingSpill";
import { cliMessages } from "../../src/cli/messages";
import { consolidationWorkbook, findingRow, loadWorkbook, workbookBytes } from "../../src/xlsx";
import { BATCH, reportOf, unitWorkbook } from "../xlsx/consolidateFixtures";
import { tempDir } from "../fixtures/tempDir";

jest.setTimeout(120000);

/** The temporary folder cchc is given, when a test names one. */
let mockTmpdir: string | null = null;
jest.mock("os", () => {
  const real = jest.requireActual<typeof import("os")>("os");
  return { ...real, tmpdir: () => mockTmpdir ?? real.tmpdir() };
});

const SAMPLE = path.resolve(__dirname, "../../samples/phu-luc-mau-2023.xlsx");

/** Every object reachable from `root`, with the path to it. */
function reachable(root: unknown): { path: string; value: object }[] {
  const seen = new Set<object>();
  const out: { path: string; value: object }[] = [];
  const walk = (v: unknown, at: string) => {
    if (v === null || typeof v !== "object" || seen.has(v)) return;
    seen.add(v);
    out.push({ path: at, value: v });
    for (const [k, x] of Object.entries(v)) walk(x, `${at}.${k}`);
  };
  walk(root, "unit");
  return out;
}

const spills: FindingSpill[] = [];
afterEach(() => {
  for (const s of spills.splice(0)) s.close();
});

describe("a unit as the command line keeps it", () => {
  let full: UnitReport;
  let spill: FindingSpill;
  beforeAll(async () => {
    const u = await readUnit(SAMPLE);
    if (isFailure(u)) throw new Error(`the sample is a unit: ${u.failure}`);
    full = u;
  });
  beforeEach(() => {
    spill = new FindingSpill("vi");
    spills.push(spill);
  });

  it("holds figures and marks only: no grid, no workbook, no finding in full", () => {
    const kept = spill.keep(full, soNganh);
    // The sample's check as the README prints it: 0 errors, 11 warnings, 0 infos.
    expect(countBySeverity(full.findings)).toEqual({ error: 0, warning: 11, info: 0 });
    expect(Object.keys(kept).sort()).toEqual(
      ["computed", "file", "findings", "hidden", "modified", "period", "periodFrom", "rowsMissing", "rowsUnrecognized", "sheet", "templateId", "templateVersion", "unanswered", "unitName", "values"].sort(),
    );
    expect(kept.findings).toHaveLength(full.findings.length);
    for (const f of kept.findings) expect(Object.keys(f).sort()).toEqual(["at", "bytes", "cell", "severity"]);
    const objects = reachable(kept);
    // Plain data all through (a workbook, a grid's cells or a located sheet would be instances of their classes)...
    for (const { path: at, value } of objects) expect([at, Object.getPrototypeOf(value)]).toEqual([at, Array.isArray(value) ? Array.prototype : Object.prototype]);
    // ...and no rows of cells: the only arrays are lists of ids, marks and cells, none of them an array of arrays.
    for (const { path: at, value } of objects) if (Array.isArray(value)) expect([at, value.some(Array.isArray)]).toEqual([at, false]);
  });

  it("gives back each finding's row as the findings sheet words it", () => {
    const other = spill.keep(full, soNganh);
    const kept = spill.keep(full, soNganh);
    expect(spill.rows(kept.findings)).toEqual(full.findings.map((f) => findingRow(f, "vi", soNganh)));
    expect(spill.rows(other.findings)).toEqual(spill.rows(kept.findings));
    expect(spill.rows([])).toEqual([]);
  });

  it("leaves no file behind", () => {
    const before = fs.readdirSync(os.tmpdir()).filter((n) => n.startsWith("cchc-findings-"));
    const s = new FindingSpill("en");
    s.keep(full, soNganh);
    if (process.platform !== "win32") expect(fs.readdirSync(os.tmpdir()).filter((n) => n.startsWith("cchc-findings-"))).toEqual(before);
    s.close();
    expect(fs.readdirSync(os.tmpdir()).filter((n) => n.startsWith("cchc-findings-"))).toEqual(before);
  });
});

describe("cchc consolidate's summary from kept units", () => {
  it("is the pane's summary, cell for cell, the findings sheet included", async () => {
    const dir = tempDir("cchc-spill-");
    const files: string[] = [];
    for (const { file, spec } of BATCH) {
      files.push(path.join(dir, file));
      fs.writeFileSync(files[files.length - 1], await unitWorkbook(spec));
    }
    const output = path.join(dir, "TONG_HOP.xlsx");
    const code = await runConsolidate(files, output, { force: false, json: true, lang: "vi", progress: false }, cliMessages("vi"), () => undefined, () => undefined);
    expect(code).toBe(1);
    const units = await Promise.all(files.map((f) => reportOf(f, fs.readFileSync(f))));
    const pane = await loadWorkbook(await workbookBytes(consolidationWorkbook(consolidate(units, templates), "vi")));
    const cli = await loadWorkbook(fs.readFileSync(output));
    const cells = (ws: ExcelJS.Worksheet) => {
      const out: unknown[] = [];
      ws.eachRow({ includeEmpty: true }, (row, r) => row.eachCell({ includeEmpty: true }, (cell) => out.push([r, cell.address, cell.formula ?? null, cell.value])));
      return out;
    };
    expect(cli.worksheets.map((w) => w.name)).toEqual(pane.worksheets.map((w) => w.name));
    const findings = cli.getWorksheet("Phát hiện") as ExcelJS.Worksheet;
    expect(findings.rowCount).toBeGreaterThan(20);
    for (const ws of pane.worksheets) expect([ws.name, cells(cli.getWorksheet(ws.name) as ExcelJS.Worksheet)]).toEqual([ws.name, cells(ws)]);
  });
});

describe("cchc consolidate without room for its findings file", () => {
  it("says so in one sentence and writes no summary", async () => {
    const dir = tempDir("cchc-spill-");
    const file = path.join(dir, BATCH[0].file);
    fs.writeFileSync(file, await unitWorkbook(BATCH[0].spec));
    const output = path.join(dir, "TONG_HOP.xlsx");
    const missing = path.join(dir, "no-such-folder");
    // As with TMPDIR naming a folder that is gone (a spawned cchc cannot show it: tsx needs TMPDIR before cchc starts).
    mockTmpdir = missing;
    let err = "";
    try {
      const code = await runConsolidate([file], output, { force: false, json: false, lang: "en", progress: false }, cliMessages("en"), () => undefined, (t) => (err += t));
      expect(code).toBe(2);
    } finally {
      mockTmpdir = null;
    }
    expect(err).toBe(`${cliMessages("en").consolidate.tempFailed(missing, "ENOENT")}\n`);
    expect(err).toContain("set TMPDIR to another folder");
    expect(fs.readdirSync(dir)).toEqual([BATCH[0].file]);
    expect(fs.existsSync(output)).toBe(false);
  });
});
