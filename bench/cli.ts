/**
 * Command-line figures over 1,000 workbooks of 1,000 distinct units (bench/workbooks.ts): `cchc check --json` on every
 * core (and, for comparison, on one thread: CCHC_THREADS=1), and `cchc consolidate --json`, each one child process
 * launched as a user launches it (bench/child.ts). The JSON outputs are checked: every file reported, none refused,
 * and the consolidation counts 1,000 units, none left out as a duplicate; so a fast run that did nothing cannot pass.
 */
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { loadNote, runCchc } from "./child";
import type { Figure } from "./figure";
import { variedWorkbooks } from "./workbooks";

export const CLI_FILES = 1000;
export const CLI_TIME_BUDGET_S = 10;
export const CLI_MEMORY_BUDGET_MB = 400;
export const CONSOLIDATE_TIME_BUDGET_S = 60;
export const CONSOLIDATE_MEMORY_BUDGET_MB = 400;
/** What the one-thread ExcelJS-free check and the ExcelJS consolidation took before (docs/BENCHMARKS.md, docs/CONSOLIDATE.md). */
export const BEFORE = { check: { seconds: 20, mb: 305 }, consolidate: { seconds: 61, mb: 305 } };

/** Throws unless the output reports every file, each checked (an error entry means a file was refused). */
export function assertAllChecked(out: string, files: readonly string[]): { findings: number } {
  const report = JSON.parse(fs.readFileSync(out, "utf8")) as { files: { file: string; error?: string; findings?: unknown[] }[] };
  if (report.files.length !== files.length) throw new Error(`cchc reported ${report.files.length} of ${files.length} files`);
  const refused = report.files.filter((f) => f.error !== undefined);
  if (refused.length) throw new Error(`cchc refused ${refused.length} files, e.g. ${refused[0].file}: ${refused[0].error}`);
  return { findings: report.files.reduce((s, f) => s + (f.findings?.length ?? 0), 0) };
}

/** Throws unless the consolidation took every file as its own unit. */
function assertAllUnits(out: string, files: readonly string[]): void {
  const report = JSON.parse(fs.readFileSync(out, "utf8")) as { units: { unit: string; included: boolean }[] };
  const included = report.units.filter((u) => u.included);
  const distinct = new Set(report.units.map((u) => u.unit)).size;
  if (report.units.length !== files.length || included.length !== files.length || distinct !== files.length) {
    throw new Error(`consolidate: ${report.units.length} units listed, ${included.length} included, ${distinct} distinct, of ${files.length} files`);
  }
}

const ratio = (before: number, now: number) => `${(before / now).toFixed(1)}×`;

/** The command-line figures. */
export async function cliFigures(log: (line: string) => void): Promise<Figure[]> {
  const files = await variedWorkbooks(CLI_FILES, log);
  const out = path.join(os.tmpdir(), `cchc-bench-out-${process.pid}.json`);
  try {
    const one = await runCchc(["check", "--json", ...files], { stdoutFile: out, env: { ...process.env, CCHC_THREADS: "1" } });
    const r = await runCchc(["check", "--json", ...files], { stdoutFile: out });
    // 0: no error finding, 1: some error finding (expected with varied figures); 2 would mean a file was not checked.
    if (r.status !== 0 && r.status !== 1) throw new Error(`cchc check exited with ${r.status}`);
    const { findings } = assertAllChecked(out, files);
    const summary = path.join(os.tmpdir(), `cchc-bench-tonghop-${process.pid}.xlsx`);
    const c = await runCchc(["consolidate", "--json", ...files, "-o", summary, "--force"], { stdoutFile: out });
    fs.rmSync(summary, { force: true });
    if (c.status > 1) throw new Error(`cchc consolidate exited with ${c.status}`);
    assertAllUnits(out, files);
    const load = loadNote();
    return [
      {
        name: "cli.check.1000files.time",
        value: r.seconds,
        unit: "s",
        budget: CLI_TIME_BUDGET_S,
        inclusive: true,
        note: `${os.availableParallelism()} threads, CPU ${r.cpu.toFixed(1)} s; one thread ${one.seconds.toFixed(1)} s; ${ratio(BEFORE.check.seconds, r.seconds)} faster than before (≈ ${BEFORE.check.seconds} s); ${findings} findings; exit ${r.status}; ${load}`,
      },
      { name: "cli.check.1000files.peakRss", value: r.peakMb, unit: "MB", budget: CLI_MEMORY_BUDGET_MB, inclusive: true, note: `one thread ${one.peakMb.toFixed(0)} MB; before ${BEFORE.check.mb} MB; ${r.how}` },
      {
        name: "cli.consolidate.1000units.time",
        value: c.seconds,
        unit: "s",
        budget: CONSOLIDATE_TIME_BUDGET_S,
        inclusive: true,
        note: `1,000 distinct units, all included; CPU ${c.cpu.toFixed(1)} s; ${ratio(BEFORE.consolidate.seconds, c.seconds)} faster than before (${BEFORE.consolidate.seconds} s); ${load}`,
      },
      { name: "cli.consolidate.1000units.peakRss", value: c.peakMb, unit: "MB", budget: CONSOLIDATE_MEMORY_BUDGET_MB, inclusive: true, note: `before ${BEFORE.consolidate.mb} MB` },
    ];
  } finally {
    fs.rmSync(out, { force: true });
  }
}
