/**
 * File figures (issue budgets): `cchc check` and `cchc fill` of a 20 MB workbook whose other sheets hold 900,000
 * cells, each one child process launched as a user launches it, wall time and peak resident memory. The big
 * workbook is the sample's parts plus two sheets of generated data, written with the project's own zip writer and
 * kept in the temp dir between runs. The 1,000-file check figure is the `cli` group's (bench/cli.ts).
 */
import { spawn } from "child_process";
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { performance } from "perf_hooks";
import { entryBytes, readZip, zipOf } from "../src/xlsx/package/zip";
import type { Figure } from "./figure";
import { SAMPLE } from "./workbooks";

export const BIG_CHECK_TIME_S = 1.5;
export const BIG_CHECK_MEMORY_MB = 200;
export const BIG_FILL_TIME_S = 2;
export const BIG_FILL_MEMORY_MB = 250;
/** What the issue measured with the ExcelJS path on this machine, printed beside the figures. */
const BEFORE = { check: "8.2 s, 676 MB", fill: "32 s, 1.8 GB" };

const ROOT = path.resolve(__dirname, "..");
const TIME = "/usr/bin/time";
const GENERATOR = "v3";

/** A sheet part of `rows` rows x `cols` columns of varied numbers and some text (deterministic). */
function dataSheet(rows: number, cols: number, seed: number): string {
  let a = seed >>> 0;
  const rnd = () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = Math.imul(a ^ (a >>> 15), a | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const letters = (c: number) => (c < 26 ? String.fromCharCode(65 + c) : String.fromCharCode(64 + Math.floor(c / 26)) + String.fromCharCode(65 + (c % 26)));
  const parts: string[] = ['<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>'];
  for (let r = 1; r <= rows; r++) {
    let row = `<row r="${r}">`;
    for (let c = 0; c < cols; c++) {
      const ref = `${letters(c)}${r}`;
      row +=
        c % 3 === 0
          ? `<c r="${ref}" t="inlineStr"><is><t>Hồ sơ ${Math.floor(rnd() * 1e9).toString(36)}-${Math.floor(rnd() * 1e9).toString(36)}</t></is></c>`
          : `<c r="${ref}"><v>${(rnd() * 1e7).toFixed(9)}</v></c>`;
    }
    parts.push(`${row}</row>`);
  }
  parts.push("</sheetData></worksheet>");
  return parts.join("");
}

/** The 20 MB workbook (made now unless an earlier run left it). */
export function bigWorkbook(log: (line: string) => void): string {
  const file = path.join(os.tmpdir(), `cchc-bench-big-${GENERATOR}.xlsx`);
  if (fs.existsSync(file)) return file;
  log("  making the 20 MB workbook (900,000 cells on two other sheets)…");
  const z = readZip(fs.readFileSync(SAMPLE));
  const parts = z.entries.map((e) => ({ name: e.name, data: entryBytes(z, e) as Uint8Array | string }));
  const text = (name: string) => new TextDecoder().decode(parts.find((p) => p.name === name)!.data as Uint8Array);
  const set = (name: string, data: string) => (parts.find((p) => p.name === name)!.data = data);
  const wb = text("xl/workbook.xml");
  set("xl/workbook.xml", wb.replace("</sheets>", '<sheet name="Dữ liệu 1" sheetId="91" r:id="rIdB1"/><sheet name="Dữ liệu 2" sheetId="92" r:id="rIdB2"/></sheets>'));
  const rels = text("xl/_rels/workbook.xml.rels");
  const ws = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet";
  set("xl/_rels/workbook.xml.rels", rels.replace("</Relationships>", `<Relationship Id="rIdB1" Type="${ws}" Target="worksheets/big1.xml"/><Relationship Id="rIdB2" Type="${ws}" Target="worksheets/big2.xml"/></Relationships>`));
  const ct = text("[Content_Types].xml");
  const wsType = "application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml";
  set("[Content_Types].xml", ct.replace("</Types>", `<Override PartName="/xl/worksheets/big1.xml" ContentType="${wsType}"/><Override PartName="/xl/worksheets/big2.xml" ContentType="${wsType}"/></Types>`));
  parts.push({ name: "xl/worksheets/big1.xml", data: dataSheet(30000, 15, 1) }, { name: "xl/worksheets/big2.xml", data: dataSheet(30000, 15, 2) });
  fs.writeFileSync(file, zipOf(parts));
  return file;
}

/** One child process of the command: seconds and peak RSS (MB). */
export async function timed(args: readonly string[]): Promise<{ seconds: number; cpu: number; peakMb: number; status: number }> {
  const timeLog = path.join(os.tmpdir(), `cchc-bench-time-${process.pid}.txt`);
  const cmd = [process.execPath, path.join(ROOT, "bin/cchc.js"), ...args];
  const useTime = fs.existsSync(TIME);
  const [exe, ...rest] = useTime ? [TIME, "-v", "-o", timeLog, ...cmd] : cmd;
  const started = performance.now();
  const child = spawn(exe, rest, { cwd: ROOT, stdio: ["ignore", "ignore", "inherit"] });
  let polled = 0;
  const poll = useTime
    ? null
    : setInterval(() => {
        try {
          const m = /VmHWM:\s+(\d+) kB/.exec(fs.readFileSync(`/proc/${child.pid}/status`, "utf8"));
          if (m) polled = Math.max(polled, Number(m[1]));
        } catch {
          // exited between two polls
        }
      }, 20);
  const status = await new Promise<number>((resolve, reject) => {
    child.on("error", reject);
    child.on("exit", (code) => resolve(code ?? 2));
  });
  const seconds = (performance.now() - started) / 1000;
  if (poll) clearInterval(poll);
  let peakKb = polled;
  let cpu = NaN;
  if (useTime) {
    const log = fs.readFileSync(timeLog, "utf8");
    peakKb = Number(/Maximum resident set size \(kbytes\): (\d+)/.exec(log)?.[1] ?? 0);
    cpu = Number(/User time \(seconds\): ([\d.]+)/.exec(log)?.[1] ?? NaN) + Number(/System time \(seconds\): ([\d.]+)/.exec(log)?.[1] ?? NaN);
    fs.rmSync(timeLog, { force: true });
  }
  return { seconds, cpu, peakMb: peakKb / 1024, status };
}

/** The file figures. */
export async function fileFigures(log: (line: string) => void): Promise<Figure[]> {
  const big = bigWorkbook(log);
  const mb = (fs.statSync(big).size / 1024 / 1024).toFixed(1);
  const check = await timed(["check", big]);
  if (check.status !== 0 && check.status !== 1) throw new Error(`cchc check exited with ${check.status}`);
  const out = path.join(os.tmpdir(), `cchc-bench-filled-${process.pid}.xlsx`);
  const fill = await timed(["fill", big, "-o", out, "--force"]);
  fs.rmSync(out, { force: true });
  if (fill.status !== 0 && fill.status !== 1) throw new Error(`cchc fill exited with ${fill.status}`);
  // On a shared machine wall time swells with the load; the CPU time beside it is what the run itself cost.
  const load = `load average ${os.loadavg()[0].toFixed(1)} on ${os.cpus().length} cores`;
  const where = `${mb} MB file, 900,000 cells on other sheets; start-up included; CPU ${check.cpu.toFixed(2)} s; ${load}`;
  return [
    { name: "files.check.20MB.time", value: check.seconds, unit: "s", budget: BIG_CHECK_TIME_S, inclusive: true, note: `${where}; before: ${BEFORE.check}` },
    { name: "files.check.20MB.peakRss", value: check.peakMb, unit: "MB", budget: BIG_CHECK_MEMORY_MB, inclusive: true },
    { name: "files.fill.20MB.time", value: fill.seconds, unit: "s", budget: BIG_FILL_TIME_S, inclusive: true, note: `CPU ${fill.cpu.toFixed(2)} s; ${load}; before: ${BEFORE.fill}` },
    { name: "files.fill.20MB.peakRss", value: fill.peakMb, unit: "MB", budget: BIG_FILL_MEMORY_MB, inclusive: true },
  ];
}
