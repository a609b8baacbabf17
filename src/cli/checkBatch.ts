/**
 * Many files checked on every core: the main thread checks files itself while worker threads (checkWorker.ts) check
 * others, and each file's outcome is handed on in input order as soon as the ones before it are in, so a batch of a
 * thousand files never holds more than the outcomes waiting for an earlier one. A small batch stays on the main
 * thread: a worker costs about half a second to start (its own copy of the modules).
 */
import * as os from "os";
import * as path from "path";
import { Worker } from "worker_threads";

/** Below this many files a batch runs on the main thread alone. */
export const PARALLEL_MIN_FILES = 24;
/** Most threads a batch uses (the main thread included): each holds its own heap of about 60 MB. */
export const MAX_THREADS = 4;
/** Files handed to a worker ahead of its answers, so it never waits while the main thread is busy with a file. */
const AHEAD = 2;

/** How many threads a batch of `files` files uses on this machine (1: the main thread alone). */
export function threadsFor(files: number, cores = os.availableParallelism()): number {
  if (files < PARALLEL_MIN_FILES) return 1;
  return Math.max(1, Math.min(cores, MAX_THREADS));
}

/** What a worker is started with: the module that checks one file, and that module's settings. */
export interface WorkerSetup<S> {
  /** absolute path of the worker module (a .ts file, loaded through tsx like the command itself) */
  readonly entry: string;
  readonly settings: S;
}

/** A worker's message: the outcome of file `index`, or the error that stopped it. */
type WorkerMessage<O> = { readonly index: number; readonly outcome: O } | { readonly index: number; readonly error: string };

/**
 * Runs `checkOne` over `files` on `threads` threads (the main thread's own `checkOne`, the workers' through
 * `setup`), calling `take(index, outcome)` in input order. Rejects with the first error a thread met.
 */
export async function checkInOrder<S, O>(
  files: readonly string[],
  checkOne: (file: string) => Promise<O>,
  take: (index: number, outcome: O) => void,
  setup: WorkerSetup<S>,
  threads = threadsFor(files.length),
): Promise<void> {
  const waiting = new Map<number, O>();
  let nextOut = 0;
  const settle = (index: number, outcome: O) => {
    waiting.set(index, outcome);
    while (waiting.has(nextOut)) {
      const o = waiting.get(nextOut) as O;
      waiting.delete(nextOut);
      take(nextOut++, o);
    }
  };
  let next = 0;
  const claim = (): number | null => (next < files.length ? next++ : null);

  const workers: Promise<void>[] = [];
  for (let t = 1; t < threads; t++) workers.push(runWorker(setup, files, claim, settle));
  // Watched from now on, so that a worker failing while the main thread is busy stops the main thread too.
  let failed = false;
  const all = Promise.all(workers);
  all.catch(() => (failed = true));
  // The main thread checks too, yielding between files so the workers' answers are taken in.
  for (let i = claim(); i !== null && !failed; i = claim()) {
    settle(i, await checkOne(files[i]));
    await new Promise((resolve) => setImmediate(resolve));
  }
  await all;
}

/** One worker: fed AHEAD files at a time from `claim`, its outcomes settled as they come. */
function runWorker<S, O>(setup: WorkerSetup<S>, files: readonly string[], claim: () => number | null, settle: (index: number, outcome: O) => void): Promise<void> {
  // The worker loads the TypeScript sources as bin/cchc.js does (tsx), or plain JavaScript if it is given one.
  const loader = path.extname(setup.entry) === ".ts" ? 'require("tsx/cjs");' : "";
  const worker = new Worker(`${loader} require(require("worker_threads").workerData.entry);`, {
    eval: true,
    workerData: { entry: setup.entry, settings: setup.settings },
    stdout: false,
    stderr: false,
  });
  return new Promise<void>((resolve, reject) => {
    let out = 0;
    let failed = false;
    const feed = () => {
      while (out < AHEAD) {
        const i = claim();
        if (i === null) break;
        out++;
        worker.postMessage({ index: i, file: files[i] });
      }
      if (out === 0) void worker.terminate().then(() => resolve());
    };
    worker.on("online", feed);
    worker.on("message", (m: WorkerMessage<O>) => {
      out--;
      if ("error" in m) {
        failed = true;
        void worker.terminate();
        reject(new Error(m.error));
        return;
      }
      settle(m.index, m.outcome);
      feed();
    });
    worker.on("error", (e) => {
      failed = true;
      reject(e);
    });
    worker.on("exit", (code) => {
      if (!failed && out > 0) reject(new Error(`a worker thread stopped (exit ${code}) before answering`));
    });
  });
}
