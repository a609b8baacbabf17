/**
 * Outputs are written atomically, and files are taken as users have them. A run killed in the middle of writing
 * leaves no output (SIGTERM: nothing at all; SIGKILL: only a hidden temporary file, removed by the next run); a full
 * disk leaves nothing and says so; two --force runs at once leave one whole output; a file open in Excel is read
 * but never replaced; Excel's lock files in a batch are skipped with a note; a name in NFD finds the NFC file.
 */
import { spawn, spawnSync } from "child_process";
import * as fs from "fs";
import * as path from "path";
import { writeAtomically, OutputError } from "../../src/cli/atomicFile";
import { entryBytes, readZip, zipOf } from "../../src/xlsx/package/zip";
import { tempDir } from "../fixtures/tempDir";

jest.setTimeout(180000);

const ROOT = path.resolve(__dirname, "../..");
const CCHC = path.join(ROOT, "bin/cchc.js");
const SAMPLE = path.join(ROOT, "samples/phu-luc-mau-2023.xlsx");
let dir: string;
beforeEach(() => {
  dir = tempDir("cchc-atomic-");
});
afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

function cchc(args: string[], cwd = dir): { code: number | null; out: string; err: string } {
  const r = spawnSync(process.execPath, [CCHC, ...args, "--lang", "en"], { cwd, encoding: "utf8" });
  return { code: r.status, out: r.stdout, err: r.stderr };
}

/** The sample with a 20 MB part added (stored, so the output is as big): writing it takes long enough to be caught. */
function bigInput(file: string): void {
  const z = readZip(fs.readFileSync(SAMPLE));
  const parts = z.entries.map((e) => ({ name: e.name, data: entryBytes(z, e) }));
  const noise = new Uint8Array(20 * 1024 * 1024);
  for (let i = 0; i < noise.length; i += 4096) noise[i] = (i * 7919) & 0xff;
  fs.writeFileSync(file, zipOf([...parts, { name: "xl/media/scan.bin", data: noise, store: true }]));
}

const temps = () => fs.readdirSync(dir).filter((f) => f.includes(".cchc-") && f.endsWith(".tmp"));

/** Starts `fill`, kills it with `signal` as soon as its temporary file has bytes in it; the exit signal. */
async function killMidWrite(
  input: string,
  output: string,
  signal: NodeJS.Signals,
): Promise<{ sawTemp: boolean; signal: string | null; code: number | null }> {
  const child = spawn(process.execPath, [CCHC, "fill", input, "-o", output], { cwd: dir, stdio: "ignore" });
  let sawTemp = false;
  const exited = new Promise<{ code: number | null; signal: string | null }>((resolve) => child.on("exit", (code, s) => resolve({ code, signal: s })));
  let done = false;
  void exited.then(() => (done = true));
  while (!done) {
    const t = temps().find((f) => fs.statSync(path.join(dir, f), { throwIfNoEntry: false })?.size);
    if (t) {
      sawTemp = true;
      child.kill(signal);
      break;
    }
    await new Promise((r) => setImmediate(r));
  }
  return { sawTemp, ...(await exited) };
}

describe("killed while writing", () => {
  test("SIGKILL: no output, only the hidden temporary file, which the next run removes", async () => {
    const input = path.join(dir, "lon.xlsx");
    bigInput(input);
    const r = await killMidWrite(input, "ra.xlsx", "SIGKILL");
    expect(r).toEqual({ sawTemp: true, signal: "SIGKILL", code: null });
    expect(fs.existsSync(path.join(dir, "ra.xlsx"))).toBe(false);
    expect(temps()).toHaveLength(1);
    // Never picked up by a batch: hidden, and not *.xlsx.
    expect(temps()[0]).toMatch(/^\.ra\.xlsx\.cchc-\d+-[0-9a-f]{8}\.tmp$/);
    const next = cchc(["fill", "samples-copy.xlsx", "-o", "other.xlsx"].map((a) => (a === "samples-copy.xlsx" ? SAMPLE : a)));
    expect(next.code).toBe(0);
    expect(temps()).toEqual([]);
  });

  test("SIGTERM: no output and no temporary file", async () => {
    const input = path.join(dir, "lon.xlsx");
    bigInput(input);
    // On a loaded machine the signal can arrive after the last piece is written, while the file is synced and
    // linked: the run then ends whole (exit 0, the complete output, no temporary file), which is as atomic as
    // dying. That run proves nothing about the kill, so it is tried again until one is caught mid-write.
    let killed = 0;
    for (let attempt = 0; attempt < 5 && killed === 0; attempt++) {
      const r = await killMidWrite(input, "ra.xlsx", "SIGTERM");
      expect(r.sawTemp).toBe(true);
      expect(temps()).toEqual([]);
      if (r.code === 0) {
        // Finished before the signal was handled: the output is whole.
        expect(readZip(fs.readFileSync(path.join(dir, "ra.xlsx"))).entries.length).toBeGreaterThan(0);
        fs.rmSync(path.join(dir, "ra.xlsx"));
        continue;
      }
      // Killed by the signal it re-raises, or (when that is not delivered at once) exited with 128 + 15.
      expect(r.signal === "SIGTERM" || r.code === 143).toBe(true);
      expect(fs.readdirSync(dir).sort()).toEqual(["lon.xlsx"]);
      killed++;
    }
    expect(killed).toBe(1);
  });

  test("an existing output replaced with --force is the old file or the whole new one, never a part", async () => {
    const input = path.join(dir, "lon.xlsx");
    bigInput(input);
    const old = Buffer.from("the old report");
    fs.writeFileSync(path.join(dir, "ra.xlsx"), old);
    const child = spawn(process.execPath, [CCHC, "fill", input, "-o", "ra.xlsx", "--force"], { cwd: dir, stdio: "ignore" });
    const seen = new Set<string>();
    let done = false;
    child.on("exit", () => (done = true));
    while (!done) {
      const b = fs.readFileSync(path.join(dir, "ra.xlsx"));
      seen.add(b.equals(old) ? "old" : b.length > 20_000_000 && readZip(b).entries.length > 0 ? "new" : `partial ${b.length}`);
      await new Promise((r) => setImmediate(r));
    }
    seen.add(readZip(fs.readFileSync(path.join(dir, "ra.xlsx"))).entries.length > 0 ? "new" : "broken");
    expect([...seen].sort()).toEqual(["new", "old"]);
  });
});

describe("a full disk", () => {
  test("a writer failing half-way (an injected ENOSPC) leaves neither the output nor the temporary file", async () => {
    const target = path.join(dir, "ra.xlsx");
    const failing = (temp: string) => {
      fs.writeFileSync(temp, "half a workbook");
      throw Object.assign(new Error("no space left on device"), { code: "ENOSPC" });
    };
    await expect(writeAtomically(target, false, failing)).rejects.toEqual(new OutputError("system", "ENOSPC"));
    await expect(writeAtomically(target, true, failing)).rejects.toEqual(new OutputError("system", "ENOSPC"));
    expect(fs.readdirSync(dir)).toEqual([]);
  });

  const root = process.getuid?.() === 0;
  (root ? test : test.skip)("a real full disk (a 64 kB tmpfs): one sentence, exit 2, nothing left", () => {
    const mnt = path.join(dir, "mnt");
    fs.mkdirSync(mnt);
    const m = spawnSync("mount", ["-t", "tmpfs", "-o", "size=64k", "tmpfs", mnt]);
    if (m.status !== 0) throw new Error(`mount failed: ${m.stderr}`);
    try {
      // Leave less room than the copy needs (the sample's copy is ~18 kB).
      fs.writeFileSync(path.join(mnt, "filler"), Buffer.alloc(56 * 1024));
      const r = cchc(["fill", SAMPLE, "-o", path.join(mnt, "ra.xlsx")]);
      expect(r.code).toBe(2);
      expect(r.err).toBe(`Cannot write “${path.join(mnt, "ra.xlsx")}”: the disk is full. No partial file was left.\n`);
      expect(fs.readdirSync(mnt)).toEqual(["filler"]);
    } finally {
      spawnSync("umount", [mnt]);
    }
  });
});

test("two --force runs at once: the output is one of the two whole copies", async () => {
  const a = path.join(dir, "a.xlsx");
  const b = path.join(dir, "b.xlsx");
  bigInput(a);
  fs.copyFileSync(SAMPLE, b);
  const expected = (input: string, name: string) => {
    expect(cchc(["fill", input, "-o", name]).code).toBe(0);
    return fs.readFileSync(path.join(dir, name));
  };
  const fromA = expected(a, "ref-a.xlsx");
  const fromB = expected(b, "ref-b.xlsx");
  for (let round = 0; round < 2; round++) {
    const runs = [a, b, a].map(
      (input) =>
        new Promise<number | null>((resolve) => spawn(process.execPath, [CCHC, "fill", input, "-o", "ra.xlsx", "--force"], { cwd: dir, stdio: "ignore" }).on("exit", (c) => resolve(c))),
    );
    expect(await Promise.all(runs)).toEqual([0, 0, 0]);
    const out = fs.readFileSync(path.join(dir, "ra.xlsx"));
    expect(out.equals(fromA) || out.equals(fromB)).toBe(true);
    expect(temps()).toEqual([]);
  }
});

describe("files as users have them", () => {
  test("without --force an existing output is never replaced", () => {
    fs.writeFileSync(path.join(dir, "ra.xlsx"), "mine");
    const r = cchc(["fill", SAMPLE, "-o", "ra.xlsx"]);
    expect([r.code, r.err]).toEqual([2, "“ra.xlsx” already exists; add --force to replace it.\n"]);
    expect(fs.readFileSync(path.join(dir, "ra.xlsx"), "utf8")).toBe("mine");
  });

  test("a workbook open in Excel is read, and never replaced by an output, even with --force", () => {
    fs.copyFileSync(SAMPLE, path.join(dir, "bao-cao.xlsx"));
    fs.writeFileSync(path.join(dir, "~$bao-cao.xlsx"), "Nguyen Van A");
    fs.writeFileSync(path.join(dir, "ra.xlsx"), "open in Excel");
    fs.writeFileSync(path.join(dir, "~$ra.xlsx"), "Nguyen Van A");
    expect(cchc(["check", "bao-cao.xlsx"]).code).toBe(0);
    const r = cchc(["fill", "bao-cao.xlsx", "-o", "ra.xlsx", "--force"]);
    expect([r.code, r.err]).toEqual([2, "“ra.xlsx” is open in Excel or LibreOffice; close it or choose another name (even with --force, an open file is never replaced).\n"]);
    expect(fs.readFileSync(path.join(dir, "ra.xlsx"), "utf8")).toBe("open in Excel");
    // LibreOffice's lock file counts too.
    fs.rmSync(path.join(dir, "~$ra.xlsx"));
    fs.writeFileSync(path.join(dir, ".~lock.ra.xlsx#"), "x");
    expect(cchc(["fill", "bao-cao.xlsx", "-o", "ra.xlsx", "--force"]).code).toBe(2);
  });

  test("Excel's lock files in a batch are skipped with a note, not reported as damaged", () => {
    fs.copyFileSync(SAMPLE, path.join(dir, "a.xlsx"));
    fs.writeFileSync(path.join(dir, "~$a.xlsx"), Buffer.from([0x0c, 0x4e, 0x67, 0x75, 0x79, 0x65, 0x6e]));
    const r = cchc(["check", "a.xlsx", "~$a.xlsx"]);
    expect(r.code).toBe(0);
    expect(r.out).toContain("Skipped “~$a.xlsx”: it is the lock file Excel writes while a workbook is open, not an appendix.");
    const j = JSON.parse(cchc(["check", "--json", "a.xlsx", "~$a.xlsx"]).out);
    expect(j.files.map((f: { file: string }) => f.file)).toEqual(["a.xlsx"]);
    expect(j.skipped).toEqual([{ file: "~$a.xlsx", reason: "excel_lock_file", message: expect.any(String) }]);
  });

  test.each([
    ["NFD typed, NFC stored", "NFC", "NFD"],
    ["NFC typed, NFD stored", "NFD", "NFC"],
  ])("a name in another Unicode form finds the file (%s)", (_name, stored, typed) => {
    const folder = "Báo cáo quý".normalize(stored as "NFC" | "NFD");
    const file = "phụ lục đã điền.xlsx".normalize(stored as "NFC" | "NFD");
    fs.mkdirSync(path.join(dir, folder));
    fs.copyFileSync(SAMPLE, path.join(dir, folder, file));
    const asTyped = path.join(folder, file).normalize(typed as "NFC" | "NFD");
    expect(fs.existsSync(path.join(dir, asTyped))).toBe(false);
    expect(cchc(["check", asTyped]).code).toBe(0);
    expect(cchc(["fill", asTyped, "-o", "ra.xlsx"]).code).toBe(0);
    // Nor can the same file, named in another form, be its own output.
    expect(cchc(["fill", asTyped, "-o", path.join(folder, file), "--force"]).err).toContain("is the input file");
  });
});
