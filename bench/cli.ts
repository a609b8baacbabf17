/**
 * Command-line figure: `cchc check --json` over 1,000 varied copies of the sample, as one child process launched the
 * way a user launches it (bin/cchc.js). Wall time from spawn to exit, and the child's peak resident memory (from
 * `/usr/bin/time -v` where present, else VmHWM polled from /proc). The JSON output is checked: every file reported,
 * none refused, so a fast run that checked nothing cannot pass.
 */
import { spawn } from "child_process";
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { performance } from "perf_hooks";
import type { Figure } from "./figure";
import { variedWorkbooks } from "./workbooks";

export const CLI_FILES = 1000;
export const CLI_TIME_BUDGET_S = 60;
export const CLI_MEMORY_BUDGET_MB = 400;

const ROOT = path.resolve(__dirname, "..");
const TIME = "/usr/bin/time";

/** One run of the command: seconds, peak RSS in MB, exit status, output file. */
export async function runCheck(files: readonly string[], extraArgs: readonly string[] = []): Promise<{ seconds: number; peakMb: number; status: number; out: string; how: string }> {
  const out = path.join(os.tmpdir(), `cchc-bench-out-${process.pid}.json`);
  const timeLog = path.join(os.tmpdir(), `cchc-bench-time-${process.pid}.txt`);
  const useTime = fs.existsSync(TIME);
  const cmd = [process.execPath, path.join(ROOT, "bin/cchc.js"), "check", "--json", ...extraArgs, ...files];
  const [exe, ...args] = useTime ? [TIME, "-v", "-o", timeLog, ...cmd] : cmd;
  const stdout = fs.openSync(out, "w");
  const started = performance.now();
  const child = spawn(exe, args, { cwd: ROOT, stdio: ["ignore", stdout, "inherit"] });
  let polled = 0;
  const poll = useTime
    ? null
    : setInterval(() => {
        try {
          const m = /VmHWM:\s+(\d+) kB/.exec(fs.readFileSync(`/proc/${child.pid}/status`, "utf8"));
          if (m) polled = Math.max(polled, Number(m[1]));
        } catch {
          // The child has exited between two polls: the last reading stands.
        }
      }, 20);
  const status = await new Promise<number>((resolve, reject) => {
    child.on("error", reject);
    child.on("exit", (code, signal) => resolve(code ?? (signal ? 128 : 2)));
  });
  const seconds = (performance.now() - started) / 1000;
  if (poll) clearInterval(poll);
  fs.closeSync(stdout);
  let peakKb = polled;
  if (useTime) {
    const m = /Maximum resident set size \(kbytes\): (\d+)/.exec(fs.readFileSync(timeLog, "utf8"));
    if (!m) throw new Error(`no peak memory in ${timeLog}`);
    peakKb = Number(m[1]);
    fs.rmSync(timeLog, { force: true });
  }
  return { seconds, peakMb: peakKb / 1024, status, out, how: useTime ? "/usr/bin/time -v" : "VmHWM polled" };
}

/** Throws unless the output reports every file, each checked (an error entry means a file was refused). */
export function assertAllChecked(out: string, files: readonly string[]): { findings: number } {
  const report = JSON.parse(fs.readFileSync(out, "utf8")) as { files: { file: string; error?: string; findings?: unknown[] }[] };
  if (report.files.length !== files.length) throw new Error(`cchc reported ${report.files.length} of ${files.length} files`);
  const refused = report.files.filter((f) => f.error !== undefined);
  if (refused.length) throw new Error(`cchc refused ${refused.length} files, e.g. ${refused[0].file}: ${refused[0].error}`);
  return { findings: report.files.reduce((s, f) => s + (f.findings?.length ?? 0), 0) };
}

/** The command-line figures. */
export async function cliFigures(log: (line: string) => void): Promise<Figure[]> {
  const files = await variedWorkbooks(CLI_FILES, log);
  const r = await runCheck(files);
  // 0: no error finding, 1: some error finding (expected with varied figures); 2 would mean a file was not checked.
  if (r.status !== 0 && r.status !== 1) throw new Error(`cchc check exited with ${r.status}`);
  const { findings } = assertAllChecked(r.out, files);
  fs.rmSync(r.out, { force: true });
  const perFile = (r.seconds * 1000) / files.length;
  return [
    {
      name: "cli.check.1000files.time",
      value: r.seconds,
      unit: "s",
      budget: CLI_TIME_BUDGET_S,
      note: `${perFile.toFixed(1)} ms/file incl. start-up; ${findings} findings; exit ${r.status}`,
    },
    { name: "cli.check.1000files.peakRss", value: r.peakMb, unit: "MB", budget: CLI_MEMORY_BUDGET_MB, note: r.how },
  ];
}
