/** `cchc consolidate`: in process for the cases, spawned as a user runs it for the wiring; LibreOffice recomputes the result. */
import { spawnSync } from "child_process";
import { createHash } from "crypto";
import type ExcelJS from "exceljs";
import * as fs from "fs";
import * as path from "path";
import { soNganh } from "../../src/core";
import { runConsolidate, type ConsolidateCliOptions } from "../../src/cli/consolidate";
import { cliMessages } from "../../src/cli/messages";
import { loadWorkbook } from "../../src/xlsx";
import { SUMMARY_COLUMNS, SUMMARY_FIRST_ROW } from "../../src/xlsx/consolidateWorkbook";
import { BATCH, BATCH_TOTALS, READY, unitWorkbook } from "../xlsx/consolidateFixtures";
import { convertWithLibreOffice } from "../xlsx/libreoffice";
import { tempDir } from "../fixtures/tempDir";

jest.setTimeout(180000);

const ROOT = path.resolve(__dirname, "../..");
const BIN = path.join(ROOT, "bin", "cchc.js");

function cchc(...args: string[]) {
  const r = spawnSync(process.execPath, [BIN, ...args], { cwd: ROOT, encoding: "utf8", timeout: 120000 });
  if (r.error) throw r.error;
  return { code: r.status, out: r.stdout, err: r.stderr };
}

async function run(files: string[], output: string | undefined, opts: Partial<ConsolidateCliOptions> = {}) {
  let out = "";
  let err = "";
  const lang = opts.lang ?? "vi";
  const code = await runConsolidate(
    files,
    output,
    { force: false, json: false, lang, progress: false, ...opts },
    cliMessages(lang),
    (t) => (out += t),
    (t) => (err += t),
  );
  return { code, out, err };
}

/** The summary row of an indicator: sections and indicators in the template's order. */
function summaryRow(id: string): number {
  const order = soNganh.sections.flatMap((s) => [s.id, ...soNganh.indicators.filter((i) => i.section === s.id).map((i) => i.id)]);
  return SUMMARY_FIRST_ROW + order.indexOf(id);
}

function shown(cell: ExcelJS.Cell): unknown {
  const v = cell.value;
  return v && typeof v === "object" && "formula" in v ? v.result : v;
}

const digest = (file: string) => createHash("sha256").update(fs.readFileSync(file)).digest("hex");

let dir: string;
let units: string[];
let bad: string;
let ready: string;

beforeAll(async () => {
  dir = tempDir("cchc-consolidate-cli-");
  units = [];
  for (const { file, spec } of BATCH) {
    const p = path.join(dir, file);
    fs.writeFileSync(p, await unitWorkbook(spec));
    units.push(p);
  }
  ready = path.join(dir, READY.file);
  fs.writeFileSync(ready, await unitWorkbook(READY.spec));
  bad = path.join(dir, "ghi-chu.xlsx");
  fs.writeFileSync(bad, "not a workbook");
});

describe("cchc consolidate (spawned)", () => {
  it("shows its help in both languages and in cchc --help", () => {
    expect(cchc("consolidate", "--help").out).toContain("Tổng hợp phụ lục của nhiều cơ quan, đơn vị vào một tệp");
    expect(cchc("consolidate", "--help", "--lang", "en").out).toContain("Merges the appendices of many units");
    expect(cchc("--help").out).toContain("cchc consolidate FILE.xlsx");
  });

  it("writes TONG_HOP.xlsx whose formulas LibreOffice computes to the known sums, and leaves the inputs alone", async () => {
    const before = units.map(digest);
    const output = path.join(tempDir("cchc-tonghop-"), "TONG_HOP.xlsx");
    const r = cchc("consolidate", ...units, "-o", output);
    // A and B leave most indicators blank, C has an error, E reports another period: none is ready. D, an older copy of A, is set aside and said.
    expect(r.code).toBe(1);
    // Not a terminal: no progress bar, one plain line.
    expect(r.err).toBe("Đã đọc 5/5 tệp.\n");
    expect(r.out).toContain("Sở Y tế (");
    expect(r.out).toMatch(/d-sttt-lan-2\.xlsx\): Năm 2023 — Không dùng \(đã có tệp khác cùng kỳ\)/);
    expect(r.out).toContain("vì tệp đó được lưu sau (15/12/2023 10:00 theo thuộc tính của tệp; tệp kia: 10/12/2023 10:00 theo thuộc tính của tệp)");
    expect(r.out).toContain(`(dùng tệp này thay: --prefer "${units[3]}")`);
    expect(r.out).toContain("Kỳ báo cáo là 6 tháng đầu năm 2024, khác kỳ của đợt tổng hợp (Năm 2023).");
    expect(r.out).toMatch(/Đã ghi “.*TONG_HOP\.xlsx”: 4 cơ quan, đơn vị, 0 sẵn sàng, 4 cần xem lại, 1 tệp không dùng\./);
    expect(units.map(digest)).toEqual(before);

    const recalculated = await loadWorkbook(fs.readFileSync(convertWithLibreOffice(output, "xlsx")));
    const ws = recalculated.getWorksheet("Tổng hợp") as ExcelJS.Worksheet;
    for (const [id, value] of Object.entries(BATCH_TOTALS)) {
      expect([id, shown(ws.getCell(summaryRow(id), SUMMARY_COLUMNS.total))]).toEqual([id, value]);
    }
    expect(shown(ws.getCell(summaryRow("I.7.2"), SUMMARY_COLUMNS.total))).toBe("Trực tuyến: 0; Phát phiếu: 1; Kết hợp: 2");
  });
});

describe("cchc consolidate (in process)", () => {
  const out = () => path.join(tempDir("cchc-tonghop-"), "TONG_HOP.xlsx");

  it("prints one JSON document with each unit's status, the files not read apart, and the totals", async () => {
    const output = out();
    const r = await run([...units, bad], output, { json: true, lang: "en" });
    expect(r.code).toBe(2);
    const doc = JSON.parse(r.out);
    expect(doc.period).toEqual({ kind: "nam", year: 2023, label: "Year 2023" });
    expect(doc.templateTitle).toBe(soNganh.title);
    type Unit = { file: string; ready: boolean; included: boolean; setAside: string | null };
    expect(doc.units.map((u: Unit) => [path.basename(u.file), u.ready, u.included, u.setAside])).toEqual([
      ["a-sttt.xlsx", false, true, null],
      ["b-syt.xlsx", false, true, null],
      ["c-stp.xlsx", false, true, null],
      ["d-sttt-lan-2.xlsx", false, false, "duplicate"],
      ["e-sxd.xlsx", false, true, null],
    ]);
    expect(doc.units[0].modified).toEqual({ at: "2023-12-15T03:00:00.000Z", from: "properties" });
    expect(doc.unusable).toEqual([{ file: bad, failure: "unreadable", reason: "not_xlsx", message: expect.stringContaining("is not an Excel .xlsx file") }]);
    const total = (id: string) => doc.totals.find((t: { indicator: string }) => t.indicator === id);
    expect(total("I.1")).toEqual({ indicator: "I.1", method: "rate", value: 42, reported: 2 });
    expect(total("I.7.2").value).toEqual([
      { code: 0, count: 0 },
      { code: 1, count: 1 },
      { code: 2, count: 2 },
    ]);
    expect(fs.existsSync(output)).toBe(true);
  });

  it("exits 0 when every unit is ready, 1 when one is not (the rule cchc check and the pane show)", async () => {
    const r = await run([ready], out(), { json: true });
    expect(r.code).toBe(0);
    expect(JSON.parse(r.out).units.map((u: { ready: boolean }) => u.ready)).toEqual([true]);
    // B has no error, but most of its indicators are blank.
    expect((await run([ready, units[1]], out())).code).toBe(1);
  });

  it("draws a progress bar on a terminal and clears it", async () => {
    const r = await run(units.slice(0, 2), out(), { progress: true });
    expect(r.err).toMatch(/^\r\[#{15}\.{15}\] Đang đọc 1\/2 tệp/);
    expect(r.err).toContain("\r[##############################] Đang đọc 2/2 tệp");
    expect(r.err.endsWith("\r\x1b[2KĐã đọc 2/2 tệp.\n")).toBe(true);
  });

  it("takes the batch's period from --period", async () => {
    const r = await run(units, out(), { period: "6thang/2024", json: true });
    const doc = JSON.parse(r.out);
    const mismatched = doc.units.filter((u: { issues: { code: string }[] }) => u.issues.some((i) => i.code === "period_mismatch"));
    expect(mismatched.map((u: { file: string }) => path.basename(u.file))).toEqual(["a-sttt.xlsx", "b-syt.xlsx", "c-stp.xlsx"]);
  });

  it("never replaces an existing output without --force, and does with it", async () => {
    const output = out();
    fs.writeFileSync(output, "mine");
    const refused = await run(units.slice(0, 1), output);
    expect(refused).toEqual({ code: 2, out: "", err: `Tệp “${output}” đã có; thêm --force để ghi đè.\n` });
    expect(fs.readFileSync(output, "utf8")).toBe("mine");
    const forced = await run([ready], output, { force: true });
    expect(forced.code).toBe(0);
    expect((await loadWorkbook(fs.readFileSync(output))).worksheets.map((w) => w.name)).toEqual(["Tổng hợp", "Tình trạng", "Phát hiện"]);
    // The temporary file is gone.
    expect(fs.readdirSync(path.dirname(output))).toEqual(["TONG_HOP.xlsx"]);
  });

  it.each<[string, string[], string | undefined, Partial<ConsolidateCliOptions>, string]>([
    ["no files", [], "x.xlsx", {}, "Lệnh consolidate cần ít nhất một tệp .xlsx và tệp kết quả"],
    ["no output", ["a.xlsx"], undefined, {}, "Lệnh consolidate cần ít nhất một tệp .xlsx và tệp kết quả"],
    ["a bad period", ["a.xlsx"], "x.xlsx", { period: "nam2023" }, "Kỳ “nam2023” không hợp lệ"],
    ["an output that is not .xlsx", ["a.xlsx"], "x.csv", {}, "phải có đuôi .xlsx"],
    ["an output in a missing folder", ["a.xlsx"], "/nonexistent-dir/x.xlsx", {}, "Không ghi được “/nonexistent-dir/x.xlsx”: chưa có thư mục “/nonexistent-dir”. Hãy tạo thư mục đó trước (mkdir -p \"/nonexistent-dir\") hoặc ghi vào một thư mục đã có."],
    ["no files (en)", [], "x.xlsx", { lang: "en" }, "The consolidate command needs at least one .xlsx file"],
    ["--prefer naming no input", ["a.xlsx"], "x.xlsx", { prefer: ["b.xlsx"] }, "--prefer “b.xlsx”: tệp này không có trong danh sách tệp cần tổng hợp."],
  ])("refuses %s with one sentence, exit 2", async (_name, files, output, opts, text) => {
    const r = await run(files, output, opts);
    expect(r.code).toBe(2);
    expect(r.out).toBe("");
    expect(r.err).toContain(text);
    expect(r.err.trim().split("\n")).toHaveLength(1);
  });

  it("refuses to write over one of its inputs", async () => {
    const before = digest(units[0]);
    const r = await run(units.slice(0, 2), units[0], { force: true });
    expect(r.code).toBe(2);
    expect(r.err).toContain("trùng với một tệp nguồn");
    expect(digest(units[0])).toBe(before);
  });
});
