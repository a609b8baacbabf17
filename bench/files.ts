/**
 * File figures (issue budgets): `cchc check` and `cchc fill` of a 20 MB workbook whose other sheets hold 900,000
 * cells, each one child process launched as a user launches it (bench/child.ts), wall time, CPU time and peak
 * resident memory, with the ExcelJS path's figures and the ratios beside them. The big workbook is the sample's parts
 * plus two sheets of generated data (numbers and text that compress about as badly as real data), written with the
 * project's own zip writer and kept in the temp dir between runs. The 1,000-file figures are the `cli` group's.
 */
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { entryBytes, readZip, zipOf } from "../src/xlsx/package/zip";
import { loadNote, runCchc } from "./child";
import type { Figure } from "./figure";
import { SAMPLE } from "./workbooks";

export const BIG_CHECK_TIME_S = 1.5;
export const BIG_CHECK_MEMORY_MB = 200;
export const BIG_FILL_TIME_S = 2;
export const BIG_FILL_MEMORY_MB = 250;
/** What the ExcelJS path took on the same workbook on this machine, printed beside the figures with the ratio. */
export const BEFORE = { check: { seconds: 8.2, mb: 676 }, fill: { seconds: 32, mb: 1800 } };
/** Each of the two data sheets beside the appendix: rows x columns. */
export const BIG_SHEET = { rows: 30000, cols: 15 };

const GENERATOR = "v4";

/** A sheet part of `rows` rows x `cols` columns of varied numbers and some text (deterministic). */
function dataSheet(rows: number, cols: number, seed: number): string {
  let a = seed >>> 0;
  const rnd = () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = Math.imul(a ^ (a >>> 15), a | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const word = () => Math.floor(rnd() * 2 ** 40).toString(36);
  const letters = (c: number) => (c < 26 ? String.fromCharCode(65 + c) : String.fromCharCode(64 + Math.floor(c / 26)) + String.fromCharCode(65 + (c % 26)));
  const parts: string[] = ['<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>'];
  for (let r = 1; r <= rows; r++) {
    let row = `<row r="${r}">`;
    for (let c = 0; c < cols; c++) {
      const ref = `${letters(c)}${r}`;
      row +=
        c % 3 === 0
          ? `<c r="${ref}" t="inlineStr"><is><t>Hồ sơ ${word()}-${word()} ${word()} ${word()} ${word()} ${word()}</t></is></c>`
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
  parts.push({ name: "xl/worksheets/big1.xml", data: dataSheet(BIG_SHEET.rows, BIG_SHEET.cols, 1) }, { name: "xl/worksheets/big2.xml", data: dataSheet(BIG_SHEET.rows, BIG_SHEET.cols, 2) });
  fs.writeFileSync(file, zipOf(parts));
  return file;
}

/** "5.8× faster" style ratios beside the before figures. */
const beside = (before: { seconds: number; mb: number }, seconds: number, mb: number) =>
  `before ${before.seconds} s, ${before.mb >= 1000 ? `${(before.mb / 1000).toFixed(1)} GB` : `${before.mb} MB`}: ${(before.seconds / seconds).toFixed(1)}× faster, ${(before.mb / mb).toFixed(1)}× less memory`;

/** The file figures. */
export async function fileFigures(log: (line: string) => void): Promise<Figure[]> {
  const big = bigWorkbook(log);
  const mb = (fs.statSync(big).size / 1024 / 1024).toFixed(1);
  const check = await runCchc(["check", big]);
  if (check.status !== 0 && check.status !== 1) throw new Error(`cchc check exited with ${check.status}`);
  const out = path.join(os.tmpdir(), `cchc-bench-filled-${process.pid}.xlsx`);
  const fill = await runCchc(["fill", big, "-o", out, "--force"]);
  fs.rmSync(out, { force: true });
  if (fill.status !== 0 && fill.status !== 1) throw new Error(`cchc fill exited with ${fill.status}`);
  // On a shared machine wall time swells with the load; the CPU time beside it is what the run itself cost.
  const where = `${mb} MB file, 900,000 cells on other sheets; start-up included; CPU ${check.cpu.toFixed(2)} s; ${loadNote()}`;
  return [
    { name: "files.check.20MB.time", value: check.seconds, unit: "s", budget: BIG_CHECK_TIME_S, inclusive: true, note: `${where}; ${beside(BEFORE.check, check.seconds, check.peakMb)}` },
    { name: "files.check.20MB.peakRss", value: check.peakMb, unit: "MB", budget: BIG_CHECK_MEMORY_MB, inclusive: true },
    { name: "files.fill.20MB.time", value: fill.seconds, unit: "s", budget: BIG_FILL_TIME_S, inclusive: true, note: `CPU ${fill.cpu.toFixed(2)} s; ${loadNote()}; ${beside(BEFORE.fill, fill.seconds, fill.peakMb)}` },
    { name: "files.fill.20MB.peakRss", value: fill.peakMb, unit: "MB", budget: BIG_FILL_MEMORY_MB, inclusive: true },
  ];
}
