/**
 * A check batch on every core (src/cli/checkBatch.ts): outcomes come back in input order whoever checked them, the
 * workers really take part, an error in a worker reaches the caller, and `cchc check` prints the same bytes on one
 * thread as on two (spawned with CCHC_THREADS, as a user runs it).
 */
import { spawnSync } from "child_process";
import * as fs from "fs";
import * as path from "path";
import { threadId } from "worker_threads";
import { checkInOrder, MAX_THREADS, PARALLEL_MIN_FILES, threadsFor } from "../../src/cli/checkBatch";
import { tempDir } from "../fixtures/tempDir";

jest.setTimeout(180000);

const ROOT = path.resolve(__dirname, "../..");
const ECHO = path.join(ROOT, "test/fixtures/echoWorker.js");
const SAMPLE = path.join(ROOT, "samples/phu-luc-mau-2023.xlsx");

type Echo = { file: string; thread: number; tag: string };
const slowly = (file: string) => new Promise<Echo>((resolve) => setTimeout(() => resolve({ file, thread: threadId, tag: "main" }), 5));

describe("checkInOrder", () => {
  it("hands every outcome on in input order, from the main thread and the workers", async () => {
    const files = Array.from({ length: 60 }, (_, i) => `f${i}`);
    const taken: [number, Echo][] = [];
    // The workers count themselves in `started` and answer only once both have started; the main thread's first file
    // waits for both too. So each thread gets files however slowly the machine starts a thread.
    const started = new Int32Array(new SharedArrayBuffer(4));
    const first = async (file: string) => {
      while (file === "f0" && Atomics.load(started, 0) < 2) await new Promise((r) => setTimeout(r, 10));
      return slowly(file);
    };
    const settings = { tag: "worker", started: started.buffer, expect: 2 };
    await checkInOrder(files, first, (i, o) => taken.push([i, o]), { entry: ECHO, settings }, 3);
    expect(taken.map(([i]) => i)).toEqual(files.map((_, i) => i));
    expect(taken.map(([, o]) => o.file)).toEqual(files);
    const threads = new Set(taken.map(([, o]) => o.thread));
    expect(threads.has(threadId)).toBe(true);
    expect(threads.size).toBe(3);
    expect(taken.filter(([, o]) => o.thread !== threadId).every(([, o]) => o.tag === "worker")).toBe(true);
  });

  it("checks on the main thread alone when given one thread", async () => {
    const taken: Echo[] = [];
    await checkInOrder(["a", "b"], slowly, (_i, o) => taken.push(o), { entry: ECHO, settings: { tag: "worker" } }, 1);
    expect(taken.map((o) => [o.file, o.tag])).toEqual([
      ["a", "main"],
      ["b", "main"],
    ]);
  });

  it("rejects with a worker's error", async () => {
    const files = ["a", "b", "throw", "throw", "throw", "c"];
    // The main thread's first file waits until the worker has started, so the worker is fed "b" and a "throw".
    const started = new Int32Array(new SharedArrayBuffer(4));
    const slow = async (file: string) => {
      while (Atomics.load(started, 0) < 1) await new Promise((r) => setTimeout(r, 10));
      return slowly(file);
    };
    const settings = { tag: "w", started: started.buffer };
    await expect(checkInOrder(files, slow, () => undefined, { entry: ECHO, settings }, 2)).rejects.toThrow("the worker could not check it");
  });

  it("uses the cores for a batch, up to MAX_THREADS, and one thread for a few files", () => {
    expect(threadsFor(PARALLEL_MIN_FILES - 1, 8)).toBe(1);
    expect(threadsFor(PARALLEL_MIN_FILES, 2)).toBe(2);
    expect(threadsFor(1000, 1)).toBe(1);
    expect(threadsFor(1000, 64)).toBe(MAX_THREADS);
  });
});

describe("cchc check on several threads", () => {
  it("prints the same text and JSON as on one thread, in the order the files were given", () => {
    const dir = tempDir("cchc-batch-");
    const files: string[] = [];
    for (let i = 0; i < PARALLEL_MIN_FILES + 6; i++) {
      const f = path.join(dir, `don-vi-${String(i).padStart(2, "0")}.xlsx`);
      fs.copyFileSync(SAMPLE, f);
      files.push(f);
    }
    // A file that cannot be checked, and a lock file, among them.
    fs.writeFileSync(files[7], "not a workbook");
    const lock = path.join(dir, "~$don-vi-03.xlsx");
    fs.writeFileSync(lock, "Nguyen Van A");
    const args = [...files.slice(0, 10), lock, ...files.slice(10)];
    const cchc = (threads: number, ...extra: string[]) => {
      const r = spawnSync(process.execPath, [path.join(ROOT, "bin/cchc.js"), "check", ...extra, ...args], {
        cwd: ROOT,
        encoding: "utf8",
        env: { ...process.env, CCHC_THREADS: String(threads) },
      });
      return { code: r.status, out: r.stdout, err: r.stderr };
    };
    const one = cchc(1);
    const two = cchc(2);
    expect(two).toEqual(one);
    expect(one.code).toBe(2);
    expect(one.out).toContain(`Tổng cộng ${files.length} tệp`);
    const jsonOne = cchc(1, "--json");
    expect(cchc(2, "--json")).toEqual(jsonOne);
    const doc = JSON.parse(jsonOne.out);
    expect(doc.files.map((f: { file: string }) => f.file)).toEqual(files);
    expect(doc.files[7].error).toContain("don-vi-07.xlsx");
    expect(doc.skipped.map((s: { file: string }) => s.file)).toEqual([lock]);
  });
});
