/**
 * `cchc consolidate` on batches as they arrive: a unit's file sent twice (dates in the workbook, or only on the file
 * system), a quarterly report beside the annual one, an empty file, a text file named .xlsx and Excel's lock file. The
 * unit workbooks are written by openpyxl and LibreOffice (scripts/fixtures/consolidation_batch.py, test/cli/batches),
 * not by the ExcelJS under test.
 */
import { spawnSync } from "child_process";
import ExcelJS from "exceljs";
import * as fs from "fs";
import * as path from "path";
import { runConsolidate, type ConsolidateCliOptions } from "../../src/cli/consolidate";
import { cliMessages } from "../../src/cli/messages";
import { tempDir } from "../fixtures/tempDir";

jest.setTimeout(180000);

const ROOT = path.resolve(__dirname, "../..");
const BATCHES = path.join(__dirname, "batches");

async function run(files: string[], opts: Partial<ConsolidateCliOptions> = {}) {
  const output = path.join(tempDir("cchc-batch-out-"), "TONG_HOP.xlsx");
  let out = "";
  let err = "";
  const lang = opts.lang ?? "vi";
  const code = await runConsolidate(files, output, { force: false, json: false, lang, progress: false, ...opts }, cliMessages(lang), (t) => (out += t), (t) => (err += t));
  return { code, out, err, output };
}

type JsonUnit = { file: string; unit: string; included: boolean; setAside: string | null; modified: { at: string; from: string } | null; issues: { code: string; detail: Record<string, unknown> }[] };

let dir: string;
const at = (name: string) => path.join(dir, name);

beforeAll(() => {
  dir = tempDir("cchc-batch-");
  for (const f of fs.readdirSync(BATCHES)) fs.copyFileSync(path.join(BATCHES, f), at(f));
  fs.writeFileSync(at("trong.xlsx"), "");
  fs.writeFileSync(at("ghi-chu.xlsx"), "không phải bảng tính");
  // Excel's lock file: the user's name, padded; a *.xlsx pattern catches it while the workbook is open.
  fs.writeFileSync(at("~$so-noi-vu-nam-2023.xlsx"), Buffer.concat([Buffer.from([8]), Buffer.from("nguyenvana".padEnd(53, " "))]));
  // File-system dates that contradict the workbooks' own: the older copy was copied last, so its file is newer.
  const day = (iso: string) => new Date(iso);
  fs.utimesSync(at("so-noi-vu-nam-2023-ban-cu.xlsx"), day("2024-01-05T03:00:00Z"), day("2024-01-05T03:00:00Z"));
  fs.utimesSync(at("so-noi-vu-nam-2023.xlsx"), day("2023-12-18T03:00:00Z"), day("2023-12-18T03:00:00Z"));
  // No core properties in these two: only the file system says which is newer.
  fs.utimesSync(at("so-cong-thuong-a.xlsx"), day("2023-12-20T03:00:00Z"), day("2023-12-20T03:00:00Z"));
  fs.utimesSync(at("so-cong-thuong-b.xlsx"), day("2023-12-01T03:00:00Z"), day("2023-12-01T03:00:00Z"));
});

const batch = () =>
  [
    "so-noi-vu-nam-2023-ban-cu.xlsx",
    "so-noi-vu-quy-1-2023.xlsx",
    "so-noi-vu-nam-2023.xlsx",
    "so-tai-chinh-nam-2023.xlsx",
    "so-cong-thuong-a.xlsx",
    "so-cong-thuong-b.xlsx",
    "trong.xlsx",
    "ghi-chu.xlsx",
    "~$so-noi-vu-nam-2023.xlsx",
  ].map(at);

describe("cchc consolidate on a batch as it arrives (openpyxl and LibreOffice files)", () => {
  let doc: { period: unknown; units: JsonUnit[]; unusable: { file: string; failure: string; reason: string }[] };
  let code: number;
  beforeAll(async () => {
    const r = await run(batch(), { json: true });
    code = r.code;
    doc = JSON.parse(r.out);
  });

  it("keeps one file per unit: the newer by the workbook's own date, else by the file system's", () => {
    expect(doc.period).toMatchObject({ kind: "nam", year: 2023 });
    expect(doc.units.filter((u) => u.included).map((u) => path.basename(u.file))).toEqual([
      "so-noi-vu-nam-2023.xlsx",
      "so-tai-chinh-nam-2023.xlsx",
      "so-cong-thuong-a.xlsx",
    ]);
    const byName = (name: string) => doc.units.find((u) => path.basename(u.file) === name) as JsonUnit;
    // The workbook's own date wins over a later file-system date (the older copy was copied last).
    expect(byName("so-noi-vu-nam-2023.xlsx").modified).toEqual({ at: "2023-12-18T03:00:00.000Z", from: "properties" });
    expect(byName("so-noi-vu-nam-2023-ban-cu.xlsx")).toMatchObject({ setAside: "duplicate" });
    expect(byName("so-noi-vu-nam-2023-ban-cu.xlsx").issues[0]).toMatchObject({ code: "duplicate_unit", detail: { keptFile: at("so-noi-vu-nam-2023.xlsx"), why: "modified" } });
    // LibreOffice keeps the date the document carries.
    expect(byName("so-tai-chinh-nam-2023.xlsx").modified).toEqual({ at: "2023-12-15T03:00:00.000Z", from: "properties" });
    // Without core properties the file system's date decides, and the choice says so.
    expect(byName("so-cong-thuong-a.xlsx").modified).toEqual({ at: "2023-12-20T03:00:00.000Z", from: "file_system" });
    expect(byName("so-cong-thuong-a.xlsx").issues.map((i) => [i.code, i.detail.why])).toEqual([["kept_over", "modified"]]);
  });

  it("reports the quarterly file as another period of the unit, not as a duplicate", () => {
    const q1 = doc.units.find((u) => path.basename(u.file) === "so-noi-vu-quy-1-2023.xlsx") as JsonUnit;
    expect(q1).toMatchObject({ included: false, setAside: "other_period" });
    expect(q1.issues.map((i) => i.code)).toEqual(["other_period"]);
  });

  it("lists the empty file and the text file as files not read, skips the lock file, and none is a unit", () => {
    expect(doc.units.map((u) => path.basename(u.file))).not.toEqual(expect.arrayContaining(["trong.xlsx", "ghi-chu.xlsx", "~$so-noi-vu-nam-2023.xlsx"]));
    expect(doc.unusable.map((u) => [path.basename(u.file), u.failure, u.reason])).toEqual([
      ["trong.xlsx", "unreadable", "empty"],
      ["ghi-chu.xlsx", "unreadable", "not_xlsx"],
      ["~$so-noi-vu-nam-2023.xlsx", "lock_file", "excel_lock_file"],
    ]);
    // Files that could not be read: exit 2, the summary still written.
    expect(code).toBe(2);
  });

  it("says it all in text: the choice with its dates, the hint to take the other, the files not read, the lock file skipped", async () => {
    const r = await run(batch());
    expect(r.out.split("\n")[0]).toBe(cliMessages("vi").lockFileSkipped(at("~$so-noi-vu-nam-2023.xlsx")));
    expect(r.out).toContain("vì tệp đó được lưu sau (18/12/2023 10:00 theo thuộc tính của tệp; tệp kia: 11/12/2023 10:00 theo thuộc tính của tệp)");
    expect(r.out).toContain("vì tệp đó được lưu sau (20/12/2023 10:00 theo ngày sửa tệp trên máy; tệp kia: 01/12/2023 10:00 theo ngày sửa tệp trên máy)");
    expect(r.out).toContain(`(dùng tệp này thay: --prefer "${at("so-noi-vu-nam-2023-ban-cu.xlsx")}")`);
    expect(r.out).toContain("là báo cáo kỳ khác, không phải bản gửi trùng");
    expect(r.out).toContain("2 tệp không đọc được, không phải đơn vị:");
    expect(r.out).toMatch(/trong\.xlsx: Tệp rỗng/);
    expect(r.out).not.toMatch(/trong\.xlsx.*lỗi/);
    // Each unit is the sample with its 11 warnings not yet acknowledged: none is ready to send.
    expect(r.out).toMatch(/: 3 cơ quan, đơn vị, 0 sẵn sàng, 3 cần xem lại, 3 tệp không dùng, 2 tệp không đọc được\.$/m);
  });

  it("takes the other file with --prefer, and says it was the user's choice", async () => {
    const r = await run(batch().slice(0, 6), { json: true, prefer: [at("so-noi-vu-nam-2023-ban-cu.xlsx")] });
    const units: JsonUnit[] = JSON.parse(r.out).units;
    expect(units.filter((u) => u.included).map((u) => path.basename(u.file))).toEqual(["so-noi-vu-nam-2023-ban-cu.xlsx", "so-tai-chinh-nam-2023.xlsx", "so-cong-thuong-a.xlsx"]);
    expect(units[0].issues.map((i) => [i.code, i.detail.why])).toEqual([["kept_over", "preferred"]]);
    // Nothing unreadable, but every unit has warnings not yet acknowledged (not ready to send): 1.
    expect(r.code).toBe(1);
  });

  it("writes the files not read on a sheet of their own, and no unit row for them", async () => {
    const r = await run(batch());
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(r.output);
    expect(wb.worksheets.map((w) => w.name)).toEqual(["Tổng hợp", "Tình trạng", "Phát hiện", "Tệp không đọc được"]);
    const status = wb.getWorksheet("Tình trạng") as ExcelJS.Worksheet;
    const files: string[] = [];
    status.eachRow((row, n) => void (n > 1 && files.push(path.basename(String(row.getCell(3).value)))));
    expect(files).toEqual(["so-noi-vu-nam-2023-ban-cu.xlsx", "so-noi-vu-quy-1-2023.xlsx", "so-noi-vu-nam-2023.xlsx", "so-tai-chinh-nam-2023.xlsx", "so-cong-thuong-a.xlsx", "so-cong-thuong-b.xlsx"]);
    const unread = wb.getWorksheet("Tệp không đọc được") as ExcelJS.Worksheet;
    expect([2, 3, 4].map((n) => path.basename(String(unread.getCell(n, 2).value)))).toEqual(["trong.xlsx", "ghi-chu.xlsx", "~$so-noi-vu-nam-2023.xlsx"]);
  });

  it("takes --prefer on the command line, more than once", () => {
    const r = spawnSync(
      process.execPath,
      [path.join(ROOT, "bin", "cchc.js"), "consolidate", ...batch().slice(0, 6), "-o", path.join(tempDir("cchc-batch-out-"), "T.xlsx"), "--json", "--prefer", at("so-noi-vu-nam-2023-ban-cu.xlsx"), "--prefer", at("so-cong-thuong-b.xlsx")],
      { cwd: ROOT, encoding: "utf8", timeout: 120000 },
    );
    const units: JsonUnit[] = JSON.parse(r.stdout).units;
    expect(units.filter((u) => u.included).map((u) => path.basename(u.file))).toEqual(["so-noi-vu-nam-2023-ban-cu.xlsx", "so-tai-chinh-nam-2023.xlsx", "so-cong-thuong-b.xlsx"]);
  });
});
