/**
 * The command-line figures' input: N copies of samples/phu-luc-mau-2023.xlsx with varied figures, each of another unit
 * (its title names "Trung tâm thử nghiệm số i", so a consolidation counts N distinct units), written with the
 * project's own ExcelJS adapter. Kept in the temp dir between runs (keyed by the sample's hash and GENERATOR), since
 * writing 1,000 workbooks takes longer than checking them.
 */
import { createHash } from "crypto";
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { indicatorById, locate, soNganh } from "../src/core";
import { loadWorkbook, workbookBytes, worksheetGrid } from "../src/xlsx";

/** The sample the copies are made from. */
export const SAMPLE = path.resolve(__dirname, "../samples/phu-luc-mau-2023.xlsx");
/** Bump when the way copies are varied changes, so stale copies are not reused. */
const GENERATOR = "v2";

/** A small deterministic generator (mulberry32): the same file i has the same figures on every machine. */
function random(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** The sample's unit as its title rows write it, in capitals and as typed. */
const SAMPLE_UNIT = /SỞ THÔNG TIN VÀ TRUYỀN THÔNG|Sở Thông tin và Truyền thông/g;

/** Unit i's name in the same case as the sample's: "TRUNG TÂM THỬ NGHIỆM SỐ 0007" or "Trung tâm thử nghiệm số 0007". */
export function unitName(i: number, capitals: boolean): string {
  const name = `Trung tâm thử nghiệm số ${String(i).padStart(4, "0")}`;
  return capitals ? name.toUpperCase() : name;
}

/** The value a varied copy holds for one indicator (null: leave the sample's). */
function variedValue(kind: string, rnd: () => number): string | number | null {
  const r = rnd();
  switch (kind) {
    case "count":
      // Mostly numbers, sometimes a count typed as text ("02"), as people do.
      return r < 0.1 ? String(Math.floor(rnd() * 10)).padStart(2, "0") : Math.floor(rnd() * 300);
    case "percent":
      return r < 0.3 ? null : Math.round(rnd() * 10000) / 100;
    case "flag":
      return r < 0.05 ? 2 : Math.round(rnd());
    case "choice":
      return Math.floor(rnd() * 3);
    default:
      return null;
  }
}

/** The folder holding `count` varied copies, made now unless an earlier run left them complete. */
export async function variedWorkbooks(count: number, log: (line: string) => void = () => {}): Promise<string[]> {
  const sample = fs.readFileSync(SAMPLE);
  const key = createHash("sha256").update(sample).update(GENERATOR).digest("hex").slice(0, 12);
  const dir = path.join(os.tmpdir(), `cchc-bench-${key}-${count}`);
  const files = Array.from({ length: count }, (_, i) => path.join(dir, `phu-luc-${String(i + 1).padStart(4, "0")}.xlsx`));
  const done = path.join(dir, "COMPLETE");
  if (fs.existsSync(done)) return files;
  // Copies made from an earlier sample are stale: remove them rather than leave them to pile up.
  for (const old of fs.readdirSync(os.tmpdir())) {
    if (old !== path.basename(dir) && new RegExp(`^cchc-bench-[0-9a-f]{12}-${count}$`).test(old)) {
      fs.rmSync(path.join(os.tmpdir(), old), { recursive: true, force: true });
    }
  }
  fs.mkdirSync(dir, { recursive: true });
  const workbook = await loadWorkbook(sample);
  const ws = workbook.worksheets[0];
  const found = locate(worksheetGrid(ws), soNganh);
  if (!found.ok) throw new Error(`the sample's appendix was not located: ${JSON.stringify(found.failure)}`);
  const { rows, columns } = found.location;
  // The title cells naming the unit (above the header row), with their text as the sample has it.
  const titles: { cell: ReturnType<typeof ws.getCell>; text: string }[] = [];
  for (let r = 1; r <= found.location.headerRow; r++) {
    ws.getRow(r).eachCell((cell) => {
      if (typeof cell.value === "string" && SAMPLE_UNIT.test(cell.value)) titles.push({ cell, text: cell.value });
      SAMPLE_UNIT.lastIndex = 0;
    });
  }
  if (titles.length === 0) throw new Error("the sample's title names no unit to vary");
  const started = Date.now();
  for (let i = 0; i < count; i++) {
    for (const t of titles) t.cell.value = t.text.replace(SAMPLE_UNIT, (m) => unitName(i + 1, m === m.toUpperCase()));
    const rnd = random(i + 1);
    for (const [id, row] of Object.entries(rows)) {
      const indicator = indicatorById(soNganh, id);
      if (!indicator) continue;
      const cell = ws.getCell(row + 1, columns.value + 1);
      if (cell.formula) continue;
      const v = variedValue(indicator.kind, rnd);
      if (v !== null) cell.value = v;
    }
    fs.writeFileSync(files[i], await workbookBytes(workbook));
    if ((i + 1) % 250 === 0) log(`  made ${i + 1}/${count} workbooks (${((Date.now() - started) / 1000).toFixed(0)} s)`);
  }
  fs.writeFileSync(done, `${count}\n`);
  return files;
}
