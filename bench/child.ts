/**
 * One run of the `cchc` command as a child process, launched the way a user launches it (node bin/cchc.js): wall time
 * from spawn to exit, CPU time, and the child's peak resident memory (from `/usr/bin/time -v` where present, else
 * VmHWM polled from /proc, without CPU time). Shared by the command-line and file benchmarks.
 */
import { spawn } from "child_process";
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { performance } from "perf_hooks";

const ROOT = path.resolve(__dirname, "..");
const TIME = "/usr/bin/time";

/** What one run cost. */
export interface ChildRun {
  readonly seconds: number;
  /** user + system CPU seconds of the child and its threads (NaN without /usr/bin/time) */
  readonly cpu: number;
  readonly peakMb: number;
  /** exit status (128 when killed by a signal) */
  readonly status: number;
  /** how the peak memory was measured */
  readonly how: string;
}

/** Runs `cchc args…`; stdout goes to `stdoutFile` when given (else nowhere), stderr to the bench's stderr. */
export async function runCchc(args: readonly string[], opts: { readonly stdoutFile?: string; readonly env?: NodeJS.ProcessEnv } = {}): Promise<ChildRun> {
  const timeLog = path.join(os.tmpdir(), `cchc-bench-time-${process.pid}.txt`);
  const useTime = fs.existsSync(TIME);
  const cmd = [process.execPath, path.join(ROOT, "bin/cchc.js"), ...args];
  const [exe, ...rest] = useTime ? [TIME, "-v", "-o", timeLog, ...cmd] : cmd;
  const stdout = opts.stdoutFile ? fs.openSync(opts.stdoutFile, "w") : "ignore";
  const started = performance.now();
  const child = spawn(exe, rest, { cwd: ROOT, stdio: ["ignore", stdout, "inherit"], env: opts.env ?? process.env });
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
  if (typeof stdout === "number") fs.closeSync(stdout);
  if (!useTime) return { seconds, cpu: NaN, peakMb: polled / 1024, status, how: "VmHWM polled" };
  const log = fs.readFileSync(timeLog, "utf8");
  fs.rmSync(timeLog, { force: true });
  const field = (name: string) => {
    const m = new RegExp(`${name}: ([\\d.]+)`).exec(log);
    if (!m) throw new Error(`no "${name}" in the output of ${TIME} -v`);
    return Number(m[1]);
  };
  const cpu = field("User time \\(seconds\\)") + field("System time \\(seconds\\)");
  return { seconds, cpu, peakMb: field("Maximum resident set size \\(kbytes\\)") / 1024, status, how: TIME + " -v" };
}

/** "load average 1.9 on 2 cores": the machine is shared, and wall times swell with its load. */
export function loadNote(): string {
  return `load average ${os.loadavg()[0].toFixed(1)} on ${os.cpus().length} cores`;
}
