/**
 * Output files written atomically. The content goes to a hidden temporary file in the target's own folder
 * (`.NAME.cchc-PID-RANDOM.tmp`, never matched by `*.xlsx`), is flushed to disk (fsync), and only then takes the
 * target's name: by rename with --force (replacing an existing file in one step), by link without (so an existing
 * file is never replaced, whatever slipped in since the check). The temporary file is removed on any failure and on
 * SIGINT/SIGTERM/SIGHUP; one left by a kill that cannot be caught (SIGKILL, a power cut) is removed by the next
 * write into that folder once its process is gone. A target open in Excel or LibreOffice (its lock file is
 * beside it) is never replaced. Readers of the target see the old file or the whole new one, never a part.
 */
import * as os from "os";
import * as fs from "fs";
import * as path from "path";
import { openLockOf } from "./fileNames";

/** Why the output was not written; the command turns it into a sentence. */
export class OutputError extends Error {
  constructor(
    readonly reason: "exists" | "open_elsewhere" | "system",
    /** the system's error code ("ENOSPC", "EACCES"...) or the lock file's path */
    readonly detail: string,
  ) {
    super(`output not written: ${reason} (${detail})`);
    this.name = "OutputError";
  }
}

const TEMP = /^\.(.+)\.cchc-(\d+)-[0-9a-f]{8}\.tmp$/;

function code(e: unknown): string {
  return e && typeof e === "object" && "code" in e ? String((e as { code: unknown }).code) : String(e);
}

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (e) {
    return code(e) === "EPERM";
  }
}

/** Removes temporary files of earlier runs in `dir` whose process is gone (killed before it could clean up). */
export function sweepStaleTemps(dir: string): void {
  let entries: string[];
  try {
    entries = fs.readdirSync(dir);
  } catch {
    return;
  }
  for (const e of entries) {
    const m = TEMP.exec(e);
    if (m && Number(m[2]) !== process.pid && !alive(Number(m[2]))) fs.rmSync(path.join(dir, e), { force: true });
  }
}

const live = new Set<string>();
const SIGNALS: NodeJS.Signals[] = ["SIGINT", "SIGTERM", "SIGHUP"];
function onSignal(signal: NodeJS.Signals): void {
  for (const t of live) fs.rmSync(t, { force: true });
  live.clear();
  for (const s of SIGNALS) process.removeListener(s, onSignal);
  // Die of the same signal, as the process would have without this handler; should the signal not end the process
  // at once, exit now with the shell's code for it (128 + number) rather than let the interrupted write go on.
  process.kill(process.pid, signal);
  process.exit(128 + (os.constants.signals[signal] ?? 0));
}

function track(temp: string): void {
  if (live.size === 0) for (const s of SIGNALS) process.on(s, onSignal);
  live.add(temp);
}

function untrack(temp: string): void {
  live.delete(temp);
  if (live.size === 0) for (const s of SIGNALS) process.removeListener(s, onSignal);
}

/**
 * Writes `bytes` to the open file in pieces (a partial write is continued). Asynchronous, so a signal arriving
 * during a long write is handled between two pieces (the temporary file removed) rather than after the rename.
 */
async function writeAll(file: fs.promises.FileHandle, bytes: Uint8Array): Promise<void> {
  const PIECE = 1 << 20;
  for (let at = 0; at < bytes.length; ) {
    const { bytesWritten } = await file.write(bytes, at, Math.min(PIECE, bytes.length - at));
    at += bytesWritten;
  }
}

function fsyncPath(p: string, flags: string): void {
  const fd = fs.openSync(p, flags);
  try {
    fs.fsyncSync(fd);
  } finally {
    fs.closeSync(fd);
  }
}

/**
 * Gives `target` the content that `write` puts into the temporary path it is handed (a file `write` creates),
 * atomically as described above. Throws `OutputError`.
 */
export async function writeAtomically(target: string, force: boolean, write: (temp: string) => Promise<void> | void): Promise<void> {
  const abs = path.resolve(target);
  const dir = path.dirname(abs);
  const lock = openLockOf(abs);
  if (lock && fs.existsSync(abs)) throw new OutputError("open_elsewhere", lock);
  if (!force && fs.existsSync(abs)) throw new OutputError("exists", abs);
  sweepStaleTemps(dir);
  const random = Math.floor(Math.random() * 0xffffffff).toString(16).padStart(8, "0");
  const temp = path.join(dir, `.${path.basename(abs)}.cchc-${process.pid}-${random}.tmp`);
  track(temp);
  try {
    await write(temp);
    fsyncPath(temp, "r+");
    if (force) fs.renameSync(temp, abs);
    else {
      try {
        // link() refuses an existing name in the same step that creates it: nothing can slip in between.
        fs.linkSync(temp, abs);
      } catch (e) {
        // Folders without hard links (FAT/exFAT drives, some network shares): rename after the check, which
        // leaves a moment in which another program could create the file.
        if (!["EPERM", "ENOTSUP", "EOPNOTSUPP", "ENOSYS", "EXDEV"].includes(code(e))) throw e;
        if (fs.existsSync(abs)) throw Object.assign(new Error("exists"), { code: "EEXIST" });
        fs.renameSync(temp, abs);
      }
    }
    try {
      fsyncPath(dir, "r");
    } catch {
      // Some systems cannot fsync a folder (Windows); the rename itself is still atomic there.
    }
  } catch (e) {
    if (e instanceof OutputError) throw e;
    const c = code(e);
    throw c === "EEXIST" ? new OutputError("exists", abs) : new OutputError("system", c);
  } finally {
    fs.rmSync(temp, { force: true });
    untrack(temp);
  }
}

/** `writeAtomically` for bytes in memory. */
export async function writeBytesAtomically(target: string, bytes: Uint8Array, force: boolean): Promise<void> {
  await writeAtomically(target, force, async (temp) => {
    const file = await fs.promises.open(temp, "wx", 0o644);
    try {
      await writeAll(file, bytes);
    } finally {
      await file.close();
    }
  });
}
