// Preload (node -r) for the bad-file tests: on exit, writes the process's peak resident memory (kB) to $CCHC_MAX_RSS_FILE.
// On Linux it is VmHWM from /proc/self/status: the high-water mark of this program's own memory. Not
// process.resourceUsage().maxRSS: Linux carries ru_maxrss over fork and exec, so a child spawned by a big jest worker
// reports the worker's resident memory (a 40 MB child of a 500 MB parent says 516 MB).
/* eslint-disable @typescript-eslint/no-require-imports -- a plain CommonJS preload */
const fs = require("fs");

function peakKb() {
  try {
    const m = /VmHWM:\s+(\d+) kB/.exec(fs.readFileSync("/proc/self/status", "utf8"));
    if (m) return Number(m[1]);
  } catch {
    // no /proc (macOS, Windows): the system's own figure
  }
  return process.resourceUsage().maxRSS;
}

process.on("exit", () => {
  if (process.env.CCHC_MAX_RSS_FILE) fs.writeFileSync(process.env.CCHC_MAX_RSS_FILE, String(peakKb()));
});
