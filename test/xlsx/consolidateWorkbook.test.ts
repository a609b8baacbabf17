import ExcelJS from "exceljs";
import * as fs from "fs";
import * as path from "path";
import { consolidate, type Consolidation, soNganh, templates, type UnitFailure, type UnitReport } from "../../src/core";
import { loadWorkbook, workbookBytes } from "../../src/xlsx";
import {
  consolidationWorkbook,
  SUMMARY_COLUMNS,
  SUMMARY_FIRST_ROW,
  UNIT_COL,
  writeConsolidation,
} from "../../src/xlsx/consolidateWorkbook";
import { BATCH, BATCH_TOTALS, reportOf, unitWorkbook } from "./consolidateFixtures";
import { convertWithLibreOffice } from "./libreoffice";
import { tempDir } from "../fixtures/tempDir";

const TOTAL = SUMMARY_COLUMNS.total;

function rowOf(c: Consolidation, id: string): number {
  const i = c.rows.findIndex((r) => r.kind === "indicator" && r.indicator.id === id);
  if (i < 0) throw new Error(`no row for ${id}`);
  return SUMMARY_FIRST_ROW + i;
}

/** A cell's value as a spreadsheet shows it: a formula's result, "" for a blank-looking one. */
function shown(cell: ExcelJS.Cell): number | string | null {
  const v = cell.value;
  if (v && typeof v === "object" && "formula" in v) return (v.result as number | string | undefined) ?? null;
  if (v && typeof v === "object" && "sharedFormula" in v) return (v.result as number | string | undefined) ?? null;
  return v as number | string | null;
}

let c: Consolidation;
let reports: (UnitReport | UnitFailure)[];
let wb: ExcelJS.Workbook;
let dir: string;

beforeAll(async () => {
  dir = tempDir("cchc-consolidate-");
  reports = [];
  for (const { file, spec } of BATCH) reports.push(await reportOf(file, await unitWorkbook(spec)));
  reports.push(await reportOf("ghi-chu.xlsx", new TextEncoder().encode("not a workbook")));
  c = consolidate(reports, templates);
  wb = await loadWorkbook(await workbookBytes(consolidationWorkbook(c, "vi")));
});

describe("the generated unit workbooks read as their figures", () => {
  it("takes the unit and period from the title block the renderer wrote", () => {
    expect(reports.slice(0, 5).map((r) => ("failure" in r ? r.failure : [r.unitName, r.period?.kind, r.period?.year]))).toEqual([
      ["Sở Thông tin và Truyền thông", "nam", 2023],
      ["Sở Y tế", "nam", 2023],
      ["Sở Tư pháp", "nam", 2023],
      ["SỞ THÔNG TIN VÀ TRUYỀN THÔNG", "nam", 2023],
      ["Sở Xây dựng", "6thang", 2024],
    ]);
    expect(reports[5]).toEqual({ file: "ghi-chu.xlsx", failure: "unreadable", unreadable: { reason: "not_xlsx" } });
  });

  it("uses the calculator's rate where the unit cleared the formula, the typed one otherwise", () => {
    const [a, b] = reports as UnitReport[];
    expect([a.values["I.1"], a.computed.includes("I.1")]).toEqual([87.23, true]);
    expect([b.values["I.1"], b.computed.includes("I.1")]).toEqual([1.89, false]);
    expect((reports[2] as UnitReport).values["I.3.4"]).toBe(1);
  });
});

describe("consolidation of the batch", () => {
  it("sums, recomputes the rate and counts flags as the fixtures say", () => {
    const totals = Object.fromEntries(
      Object.keys(BATCH_TOTALS).map((id) => {
        const r = c.rows.find((x) => x.kind === "indicator" && x.indicator.id === id);
        return [id, r && r.kind === "indicator" && "value" in r.total ? r.total.value : undefined];
      }),
    );
    expect(totals).toEqual(BATCH_TOTALS);
  });

  it("catches the duplicate, the other period and the error", () => {
    // A and B leave most indicators blank: not ready to send (core/readiness.ts), so marked too.
    expect(c.columns.map((x) => [x.unit, x.marked])).toEqual([
      ["Sở Thông tin và Truyền thông", true],
      ["Sở Y tế", true],
      ["Sở Tư pháp", true],
      ["Sở Xây dựng", true],
    ]);
    const codes = (file: string) => c.issues.filter((i) => i.file === file).map((i) => i.code);
    expect(codes("d-sttt-lan-2.xlsx")).toEqual(["duplicate_unit"]);
    expect(codes("a-sttt.xlsx")).toEqual(["kept_over"]);
    // The dates come from each workbook's own properties (docProps/core.xml).
    expect(c.issues.find((i) => i.code === "kept_over")?.detail).toEqual({
      otherFile: "d-sttt-lan-2.xlsx",
      why: "modified",
      modified: { at: "2023-12-15T03:00:00.000Z", from: "properties" },
      otherModified: { at: "2023-12-10T03:00:00.000Z", from: "properties" },
    });
    expect(codes("e-sxd.xlsx")).toEqual(["period_mismatch"]);
    expect(c.unusable).toEqual([{ file: "ghi-chu.xlsx", failure: "unreadable", unreadable: { reason: "not_xlsx" } }]);
    expect(c.statuses.find((s) => s.file === "c-stp.xlsx")?.findings.map((f) => f.code)).toContain("part_exceeds_whole");
  });
});

describe("TONG_HOP.xlsx", () => {
  it("has the summary, status and findings sheets in that order, then the files that could not be read", () => {
    expect(wb.worksheets.map((w) => w.name)).toEqual(["Tổng hợp", "Tình trạng", "Phát hiện", "Tệp không đọc được"]);
    const unusable = wb.getWorksheet("Tệp không đọc được") as ExcelJS.Worksheet;
    expect(unusable.getRow(1).values).toEqual([undefined, "STT", "Tệp", "Lý do"]);
    expect(unusable.getRow(2).values).toEqual([undefined, 1, "ghi-chu.xlsx", expect.stringMatching(/không phải tệp Excel|\.xlsx/)]);
    expect(unusable.rowCount).toBe(2);
  });

  it("names the form by its title and counts the files not used and not read", () => {
    const ws = wb.getWorksheet("Tổng hợp") as ExcelJS.Worksheet;
    expect(ws.getCell(2, 1).value).toBe(`Kỳ báo cáo: Năm 2023 · Mẫu: ${soNganh.title}`);
    expect(String(ws.getCell(3, 1).value)).toMatch(/; 1 tệp không dùng .*; 1 tệp không đọc được/);
  });

  it("lists every indicator in the official order and wording, units as columns", () => {
    const ws = wb.getWorksheet("Tổng hợp") as ExcelJS.Worksheet;
    const labels: string[] = [];
    for (let r = SUMMARY_FIRST_ROW; r < SUMMARY_FIRST_ROW + c.rows.length; r++) labels.push(String(ws.getCell(r, SUMMARY_COLUMNS.label).value));
    const official = soNganh.sections.flatMap((s) => [s.label, ...soNganh.indicators.filter((i) => i.section === s.id).map((i) => i.label)]);
    expect(labels).toEqual(official);
    expect(ws.getRow(SUMMARY_FIRST_ROW - 3).values).toEqual(
      expect.arrayContaining(["Sở Thông tin và Truyền thông", "Sở Y tế", "Sở Tư pháp", "Sở Xây dựng"]),
    );
    expect(ws.getCell(SUMMARY_FIRST_ROW - 1, UNIT_COL + 2).value).toBe("Cần xem lại");
    expect(ws.getCell(rowOf(c, "I.1.1"), UNIT_COL + 1).value).toBe(53);
  });

  it("writes totals as formulas over the unit columns, each with its computed value", () => {
    const ws = wb.getWorksheet("Tổng hợp") as ExcelJS.Worksheet;
    const r = (id: string) => rowOf(c, id);
    const cell = (id: string) => ws.getCell(r(id), TOTAL);
    expect(cell("I.1.1").formula).toBe(`IF(COUNT(G${r("I.1.1")}:J${r("I.1.1")})=0,"",SUM(G${r("I.1.1")}:J${r("I.1.1")}))`);
    expect(cell("I.1").formula).toBe(`IF(OR(D${r("I.1.2")}="",N(D${r("I.1.1")})=0),"",ROUND(D${r("I.1.2")}/D${r("I.1.1")}*100,2))`);
    expect(cell("I.3.4").formula).toBe(`COUNTIF(G${r("I.3.4")}:J${r("I.3.4")},1)`);
    expect(cell("I.7.2").formula).toContain(`"Trực tuyến: "&COUNTIF(G${r("I.7.2")}:J${r("I.7.2")},0)`);
    for (const [id, value] of Object.entries(BATCH_TOTALS)) expect([id, shown(cell(id))]).toEqual([id, value]);
    expect(shown(cell("I.7.2"))).toBe("Trực tuyến: 0; Phát phiếu: 1; Kết hợp: 2");
    // No unit gave I.2.1: a formula shown blank (ExcelJS reads its cached "" back as no result). I.3.1 is not added up.
    expect([cell("I.2.1").formula, shown(cell("I.2.1")) ?? ""]).toEqual([expect.stringContaining("SUM("), ""]);
    expect([cell("I.3.1").formula, shown(cell("I.3.1"))]).toEqual([undefined, null]);
    expect(shown(ws.getCell(r("I.1.3"), SUMMARY_COLUMNS.reported))).toBe(4);
  });

  it("has a status row per unit's file (none for a file that could not be read) and a findings row per finding and issue", () => {
    const status = wb.getWorksheet("Tình trạng") as ExcelJS.Worksheet;
    expect(status.rowCount).toBe(1 + c.statuses.length);
    const rows = c.statuses.map((_, i) => status.getRow(i + 2).values as unknown[]);
    expect(rows.map((v) => [v[2], v[3], v[4], v[5], v[9], v[10]])).toEqual([
      ["Sở Thông tin và Truyền thông", "a-sttt.xlsx", "Năm 2023", soNganh.title, "Không", "G"],
      ["Sở Y tế", "b-syt.xlsx", "Năm 2023", soNganh.title, expect.any(String), "H"],
      ["Sở Tư pháp", "c-stp.xlsx", "Năm 2023", soNganh.title, "Không", "I"],
      ["SỞ THÔNG TIN VÀ TRUYỀN THÔNG", "d-sttt-lan-2.xlsx", "Năm 2023", soNganh.title, "Không", "Không dùng (đã có tệp khác cùng kỳ)"],
      ["Sở Xây dựng", "e-sxd.xlsx", "6 tháng đầu năm 2024", soNganh.title, "Không", "J"],
    ]);
    expect(String(rows[3][11])).toContain("a-sttt.xlsx");
    expect(rows.map((v) => v[3])).not.toContain("ghi-chu.xlsx");
    const findings = wb.getWorksheet("Phát hiện") as ExcelJS.Worksheet;
    const expected = c.statuses.reduce((n, s) => n + s.findings.length + s.issues.length, 0);
    expect(findings.rowCount).toBe(1 + expected);
    const texts: string[] = [];
    findings.eachRow((row, n) => {
      if (n > 1) texts.push((row.values as unknown[]).slice(1).join(" | "));
    });
    // The indicator by its official label; the code only in the last column.
    const label = (id: string) => soNganh.indicators.find((i) => i.id === id)?.label as string;
    const partExceeds = texts.find((t) => t.endsWith("| part_exceeds_whole")) as string;
    expect(partExceeds.startsWith(`Sở Tư pháp | c-stp.xlsx | Phụ lục | `)).toBe(true);
    expect(partExceeds).toMatch(/ \| D\d+ \| Lỗi \| /);
    expect(partExceeds).toContain(` | ${label("II.2.2")} | `);
    expect(findings.getRow(1).values).toEqual([undefined, "Cơ quan, đơn vị", "Tệp", "Trang tính", "Ô", "Mức độ", "Chỉ tiêu", "Nội dung", "Mã (kỹ thuật)"]);
    expect(texts.find((t) => t.includes("period_mismatch"))).toContain("6 tháng đầu năm 2024");
  });

  it("writes the same cells through the streaming writer the command line uses", async () => {
    const file = path.join(dir, "stream.xlsx");
    const writer = new ExcelJS.stream.xlsx.WorkbookWriter({ filename: file, useStyles: true, useSharedStrings: false });
    writeConsolidation(writer, c, "vi");
    await writer.commit();
    const streamed = await loadWorkbook(fs.readFileSync(file));
    for (const name of ["Tổng hợp", "Tình trạng", "Phát hiện", "Tệp không đọc được"]) {
      const a = wb.getWorksheet(name) as ExcelJS.Worksheet;
      const b = streamed.getWorksheet(name) as ExcelJS.Worksheet;
      expect(b.rowCount).toBe(a.rowCount);
      for (let r = 1; r <= a.rowCount; r++) {
        for (let col = 1; col <= a.columnCount; col++) {
          const x = a.getCell(r, col);
          const y = b.getCell(r, col);
          expect([name, x.address, y.formula ?? null, shown(y)]).toEqual([name, x.address, x.formula ?? null, shown(x)]);
        }
      }
    }
  });

  it("computes the same figures in LibreOffice", async () => {
    const file = path.join(dir, "TONG_HOP.xlsx");
    fs.writeFileSync(file, await workbookBytes(consolidationWorkbook(c, "vi")));
    const recalculated = await loadWorkbook(fs.readFileSync(convertWithLibreOffice(file, "xlsx")));
    const ws = recalculated.getWorksheet("Tổng hợp") as ExcelJS.Worksheet;
    const mine = wb.getWorksheet("Tổng hợp") as ExcelJS.Worksheet;
    // Every total and count cell: LibreOffice's own result equals the value the writer cached.
    let compared = 0;
    for (let r = SUMMARY_FIRST_ROW; r < SUMMARY_FIRST_ROW + c.rows.length; r++) {
      for (const col of [TOTAL, SUMMARY_COLUMNS.reported]) {
        const cell = mine.getCell(r, col);
        if (!cell.formula) continue;
        compared++;
        const got = shown(ws.getCell(r, col));
        expect([cell.address, got ?? ""]).toEqual([cell.address, shown(cell) ?? ""]);
      }
    }
    expect(compared).toBeGreaterThan(150);
    expect(shown(ws.getCell(rowOf(c, "I.1"), TOTAL))).toBe(42);
  }, 120000);
});

describe("a rate in a cell formatted as %", () => {
  it("goes into TONG_HOP as the indicator's value (87.23), computed or typed, never as the cell's fraction", async () => {
    const inputs = { "I.1.1": 47, "I.1.2": 41 };
    const units = [
      { file: "blank.xlsx", spec: { unitName: "Sở A", computed: "blank" as const, numberFormats: { "I.1": "0.00%" }, values: inputs } },
      { file: "typed.xlsx", spec: { unitName: "Sở B", numberFormats: { "I.1": "0.00%" }, values: { ...inputs, "I.1": 0.8723 } } },
      { file: "plain.xlsx", spec: { unitName: "Sở C", computed: "blank" as const, values: inputs } },
    ];
    const rs: (UnitReport | UnitFailure)[] = [];
    for (const u of units) rs.push(await reportOf(u.file, await unitWorkbook(u.spec)));
    const batch = consolidate(rs, templates);
    const row = batch.rows.find((r) => r.kind === "indicator" && r.indicator.id === "I.1");
    expect(row && row.kind === "indicator" && [row.values, row.computed, row.total]).toEqual([
      [87.23, 87.23, 87.23],
      [true, false, true],
      expect.objectContaining({ method: "rate", value: 87.23 }),
    ]);
    const summary = (await loadWorkbook(await workbookBytes(consolidationWorkbook(batch, "vi")))).getWorksheet("Tổng hợp") as ExcelJS.Worksheet;
    const at = rowOf(batch, "I.1");
    expect([0, 1, 2].map((i) => shown(summary.getCell(at, UNIT_COL + i)))).toEqual([87.23, 87.23, 87.23]);
    expect(shown(summary.getCell(at, TOTAL))).toBe(87.23);
  });
});

describe("the summary workbook in English", () => {
  it("names its sheets and states in English, with the same figures", async () => {
    const two = consolidate(reports.slice(0, 2), templates);
    const book = await loadWorkbook(await workbookBytes(consolidationWorkbook(two, "en")));
    expect(book.worksheets.map((w) => w.name)).toEqual(["Summary", "Status", "Findings"]);
    const ws = book.getWorksheet("Summary") as ExcelJS.Worksheet;
    expect(shown(ws.getCell(rowOf(two, "I.1"), TOTAL))).toBe(42);
    // A leaves most indicators blank: not ready to send.
    expect(ws.getCell(SUMMARY_FIRST_ROW - 1, UNIT_COL).value).toBe("To review");
  });
});
