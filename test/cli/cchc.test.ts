/** The real `cchc` command, spawned as a user runs it (node bin/cchc.js): exit codes, output, files untouched. */
import { execFileSync, spawnSync } from "child_process";
import ExcelJS from "exceljs";
import * as fs from "fs";
import * as path from "path";
import { convertWithLibreOffice } from "../xlsx/libreoffice";
import { loadWorkbook } from "../../src/xlsx";
import { appendixFailureText, soNganh } from "../../src/core";
import { tempDir } from "../fixtures/tempDir";

// Each case starts node and tsx; LibreOffice cases take several seconds on a shared machine.
jest.setTimeout(180000);

const ROOT = path.resolve(__dirname, "../..");
const BIN = path.join(ROOT, "bin", "cchc.js");
const SAMPLE = path.join(ROOT, "samples", "phu-luc-mau-2023.xlsx");
const GOLDEN = path.join(ROOT, "test", "xlsx", "golden");

function cchc(...args: string[]) {
  const r = spawnSync(process.execPath, [BIN, ...args], { cwd: ROOT, encoding: "utf8", timeout: 60000 });
  if (r.error) throw r.error;
  return { code: r.status, out: r.stdout, err: r.stderr };
}

function tmpDir(): string {
  return tempDir("cchc-cli-");
}

/** No stack trace, no JavaScript error name: what a user sees is a sentence. */
function expectNoTrace(text: string) {
  expect(text).not.toMatch(/\n\s+at |Error:|TypeError|node:internal/);
}

describe("help", () => {
  test.each([
    [["--help"], "Cách dùng:"],
    [["--help", "--lang", "en"], "Usage:"],
    [["check", "--help"], "Tìm phụ lục trong từng tệp"],
    [["check", "--help", "--lang", "en"], "Finds the appendix in each file"],
    [["fill", "-h"], "Không bao giờ sửa FILE.xlsx"],
    [["template", "--help", "--lang=en"], "drop-down lists"],
  ])("cchc %j", (args, text) => {
    const r = cchc(...args);
    expect(r.code).toBe(0);
    expect(r.out).toContain(text);
    expect(r.err).toBe("");
  });
});

describe("--version", () => {
  test.each([[["--version"]], [["check", "--version"]], [["--version", "--lang", "en"]]])("cchc %j prints package.json's version", (args) => {
    const version = (JSON.parse(fs.readFileSync(path.join(ROOT, "package.json"), "utf8")) as { version: string }).version;
    const r = cchc(...args);
    expect(r.code).toBe(0);
    expect(r.out).toBe(`cchc ${version}\n`);
    expect(r.err).toBe("");
  });
});

describe("misuse is exit 2 with one sentence", () => {
  test.each([
    [[], "Thiếu lệnh"],
    [["lint", "a.xlsx"], "Không có lệnh “lint”"],
    [["check"], "cần ít nhất một tệp"],
    [["check", "--bogus", "a.xlsx"], "Tùy chọn “--bogus”"],
    [["check", "a.xlsx", "--lang", "fr"], "Ngôn ngữ “fr”"],
    [["fill", "a.xlsx"], "cần một tệp nguồn và tệp kết quả"],
    [["template", "x.xlsx", "--year", "23"], "Năm “23”"],
    [["template", "x.xlsx", "--period", "quy2"], "Kỳ báo cáo “quy2”"],
    [["check", "--lang", "en"], "check needs at least one .xlsx file"],
    // An unknown option before any command names no command (not "lệnh cchc … cchc cchc --help").
    [["--bogus"], "Không có tùy chọn “--bogus”. Xem “cchc --help”."],
    [["--bogus", "--lang", "en"], "There is no option “--bogus”. See “cchc --help”."],
  ])("cchc %j", (args, text) => {
    const r = cchc(...args);
    expect(r.code).toBe(2);
    expect(r.err).toContain(text);
    expect(r.err.trim().split("\n")).toHaveLength(1);
    expect(r.out).toBe("");
  });
});

describe("check", () => {
  test("the sample: warnings only, grouped by section, exit 0", () => {
    const r = cchc("check", SAMPLE);
    expect(r.code).toBe(0);
    expect(r.out).toContain("nhận ra 178/178 chỉ tiêu");
    expect(r.out).toContain("Phần I. Công tác chỉ đạo điều hành CCHC");
    expect(r.out).toMatch(/D12 +cảnh báo +Tỷ lệ hoàn thành Kế hoạch CCHC năm \(D12\).*87,23/);
    // No error, but not ready: the verdict says what is left (the same rule as the pane's banner).
    expect(r.out).toMatch(
      /phu-luc-mau-2023\.xlsx: 0 lỗi, 11 cảnh báo, 0 thông tin\n.*phu-luc-mau-2023\.xlsx: Chưa sẵn sàng gửi\. Còn 68 chỉ tiêu chưa nhập, 6 cảnh báo chưa xem\.\n$/,
    );
  });

  test("ready to send only once every indicator is answered and nothing is left; fill completes it", () => {
    const dir = tmpDir();
    const py = (script: string, ...args: string[]) => execFileSync("/usr/bin/python3", ["-c", script, ...args], { encoding: "utf8" });
    const edit = (from: string, to: string, writes: Record<string, string | number>) =>
      py(
        "import json, sys, openpyxl\nwb = openpyxl.load_workbook(sys.argv[1]); ws = wb['Phụ lục']\n" +
          "for ref, v in json.loads(sys.argv[3]).items(): ws[ref] = v\nwb.save(sys.argv[2])",
        from,
        to,
        JSON.stringify(writes),
      );
    // Another writer (openpyxl) answers the questions, retypes the counts stored as text and writes the notes asked for.
    const answered = path.join(dir, "tra-loi.xlsx");
    edit(SAMPLE, answered, { D22: 100, D46: 2, D47: 2, D25: 1, D53: 1, D127: 0, E193: "Chưa công bố: chưa có đơn vị trực thuộc", E149: "Bệnh viện tỉnh", E178: "12 báo cáo" });
    const first = cchc("check", answered, "--json");
    expect(first.code).toBe(0);
    const [doc] = JSON.parse(first.out).files;
    expect(doc.readiness).toMatchObject({ ready: false, errors: 0, unanswered: 65, unreviewed: 0 });
    expect(cchc("check", answered).out).toContain("Chưa sẵn sàng gửi. Còn 65 chỉ tiêu chưa nhập.\n");

    // Every blank answered (0, the satisfaction rate 90) except the completion rate, which fill computes.
    const writes: Record<string, number> = {};
    for (const u of doc.readiness.unansweredIndicators as { indicator: string; cell: string }[]) {
      if (u.indicator !== "I.1") writes[u.cell] = u.indicator === "I.7.3" ? 90 : 0;
    }
    const complete = path.join(dir, "du.xlsx");
    edit(answered, complete, writes);
    expect(cchc("check", complete).out).toContain("du.xlsx: Chưa sẵn sàng gửi. Còn 1 chỉ tiêu chưa nhập.\n");
    const filled = path.join(dir, "da-dien.xlsx");
    expect(cchc("fill", complete, "-o", filled).code).toBe(0);
    const ready = cchc("check", filled, "--lang", "en");
    expect(ready.code).toBe(0);
    expect(ready.out).toMatch(/da-dien\.xlsx: 0 errors, 0 warnings, 0 infos\n.*da-dien\.xlsx: Ready to send\.\n$/);
  });

  test("--json prints one document in the agreed shape, messages in --lang", () => {
    const r = cchc("check", SAMPLE, "--json", "--lang", "en");
    expect(r.code).toBe(0);
    const doc = JSON.parse(r.out);
    expect(Object.keys(doc)).toEqual(["files"]);
    const [file] = doc.files;
    expect(Object.keys(file)).toEqual(["file", "sheet", "hidden", "template", "form", "match", "recognized", "missing", "findings", "summary", "readiness", "others", "split", "mergedValueCells", "hiddenRows", "filtered", "valueColumn", "sheets", "period"]);
    expect(file.period).toEqual({ period: { kind: "nam", year: 2023, label: "Year 2023" }, from: "title", dates: { from: "15/12/2022", to: "14/12/2023" }, title: { kind: "nam", year: 2023, label: "Year 2023" } });
    expect(file.readiness).toMatchObject({ ready: false, errors: 0, unanswered: 68, unreviewed: 6 });
    expect(file.readiness.unansweredIndicators[0]).toEqual({ indicator: "I.1", cell: "D12" });
    expect(file.valueColumn).toEqual({ checked: "D", reason: "single", seen: [{ column: "D", heading: null, checked: true }] });
    expect(file).toMatchObject({ file: SAMPLE, sheet: "Phụ lục", template: "so-nganh-2023", recognized: 178, missing: [] });
    expect(file.summary).toEqual({ errors: 0, warnings: 11, infos: 0 });
    for (const f of file.findings) {
      // The fields agreed before, then the extra ones (what `expected` is, the limit broken).
      expect(Object.keys(f)).toEqual(["code", "severity", "indicator", "cell", "cells", "message", "actual", "expected", "expectedKind", "limit", "fix"]);
      expect(f.code).toMatch(/^[a-z]+(_[a-z]+)*$/);
      expect(f.cells[0]).toBe(f.cell);
    }
    const rate = file.findings.find((f: { indicator: string }) => f.indicator === "I.1");
    expect(rate).toMatchObject({ code: "computed_value_missing", cell: "D12", expected: 87.23, expectedKind: "value", limit: null, fix: { cell: "D12", formula: "=ROUND(D14/D13*100,2)" } });
    expect(rate.message).toContain("87.23");
  });

  test("an error in a file is exit 1", () => {
    const r = cchc("check", path.join(GOLDEN, "error-value.xlsx"));
    expect(r.code).toBe(1);
    expect(r.out).toMatch(/D9 +lỗi +/);
    expect(r.out).toContain("1 lỗi, 10 cảnh báo");
  });

  test("--sheet picks a sheet, and a missing sheet is exit 2", () => {
    expect(cchc("check", path.join(GOLDEN, "second-sheet.xlsx"), "--sheet", "PL thống kê").code).toBe(0);
    const r = cchc("check", path.join(GOLDEN, "second-sheet.xlsx"), "--sheet", "Báo cáo", "--lang", "en");
    expect(r.code).toBe(2);
    expect(r.err).toMatch(/^No CCHC statistics appendix found in “.*second-sheet\.xlsx”/);
    const none = cchc("check", SAMPLE, "--sheet", "Sheet9");
    expect(none.code).toBe(2);
    expect(none.err).toContain("không có trang tính “Sheet9”");
  });

  test("two value columns: this period's is checked and filled, the other is named; --column picks; a guess is never filled", async () => {
    const dir = tmpDir();
    // Last period's column holds a word in a count (an error if it were checked); this period's is clean.
    const write = async (name: string, headings: [string, string], counts: number | null = null) => {
      const wb = new ExcelJS.Workbook();
      const last: Record<string, number | string> = { "I.1.1": "nhiều", "I.1.2": 30 };
      const now: Record<string, number> = { "I.1.1": 47, "I.1.2": 41 };
      const filled = (i: (typeof soNganh.indicators)[number]) => (i.kind === "count" ? counts : null);
      const rows = soNganh.indicators.map((i) => [i.stt, i.label, i.unit, last[i.id] ?? filled(i), now[i.id] ?? filled(i), null]);
      wb.addWorksheet("PL").addRows([["STT", "Chỉ tiêu thống kê", "Đơn vị tính", ...headings, "Ghi chú"], ...rows]);
      const file = path.join(dir, name);
      await wb.xlsx.writeFile(file);
      return file;
    };
    const periods = await write("ky-truoc-ky-nay.xlsx", ["Kỳ trước", "Kỳ này"]);
    const r = cchc("check", periods, "--json");
    const [file] = JSON.parse(r.out).files;
    expect(file.valueColumn).toEqual({
      checked: "E",
      reason: "heading",
      seen: [
        { column: "D", heading: "Kỳ trước", checked: false },
        { column: "E", heading: "Kỳ này", checked: true },
      ],
    });
    expect(file.findings.some((f: { code: string }) => f.code === "text_not_number")).toBe(false);
    expect(cchc("check", periods).out).toContain("Cột số liệu được kiểm tra: E (“Kỳ này”), tiêu đề cột ghi kỳ báo cáo; cột khác thấy trên trang: D (“Kỳ trước”)");
    const chosen = cchc("check", periods, "--column", "D", "--json");
    expect(chosen.code).toBe(1);
    const [d] = JSON.parse(chosen.out).files;
    expect(d.valueColumn).toMatchObject({ checked: "D", reason: "chosen" });
    expect(d.findings.find((f: { code: string }) => f.code === "text_not_number").cell).toBe("D3");
    expect(cchc("check", periods, "--column", "4x").err).toContain("Cột “4x” không hợp lệ");
    // fill writes into the column checked, never the other one
    const out = path.join(dir, "filled.xlsx");
    expect(cchc("fill", periods, "-o", out).code).toBeLessThan(2);
    const filled = new ExcelJS.Workbook();
    await filled.xlsx.readFile(out);
    const ws = filled.getWorksheet("PL")!;
    const formulas = (col: number) => ws.getColumn(col).values.filter((v) => v !== null && typeof v === "object" && "formula" in (v as object)).length;
    expect(formulas(5)).toBe(1); // the rate I.1.3 = I.1.2 / I.1.1, its only inputs filled
    expect(formulas(4)).toBe(0);
    // Two "Số liệu" columns: a warning, and fill refuses to guess until --column says which.
    const same = await write("hai-cot.xlsx", ["Số liệu", "Số liệu"], 0);
    const [amb] = JSON.parse(cchc("check", same, "--json").out).files;
    expect(amb.valueColumn.reason).toBe("ambiguous");
    expect(amb.findings[0]).toMatchObject({ code: "value_column_ambiguous", severity: "warning", cell: "D1", cells: ["D1", "E1"] });
    const refused = cchc("fill", same, "-o", path.join(dir, "x.xlsx"));
    expect(refused.code).toBe(2);
    expect(refused.err).toContain("--column");
    expect(fs.existsSync(path.join(dir, "x.xlsx"))).toBe(false);
    expect(cchc("fill", same, "-o", path.join(dir, "y.xlsx"), "--column", "E").code).toBeLessThan(2);
  });

  test("too few rows is said with the sentence the pane says; two parts that each hold too few rows are checked as one", async () => {
    const dir = tmpDir();
    const header = ["STT", "Chỉ tiêu thống kê", "Đơn vị tính", "Số liệu", "Ghi chú"];
    const part = (wb: ExcelJS.Workbook, name: string, from: number, to: number) =>
      wb.addWorksheet(name).addRows([header, ...soNganh.indicators.slice(from, to).map((i) => [i.stt, i.label, i.unit, null, null])]);
    const few = new ExcelJS.Workbook();
    part(few, "PL", 0, 4);
    const split = new ExcelJS.Workbook();
    part(split, "Phần 1", 0, 15);
    part(split, "Phần 2", 15, 30);
    const fewFile = path.join(dir, "it-dong.xlsx");
    const splitFile = path.join(dir, "hai-trang.xlsx");
    await few.xlsx.writeFile(fewFile);
    await split.xlsx.writeFile(splitFile);
    const tooFew = { reason: "too_few_rows", sheet: "PL", template: soNganh.id, matched: 4, needed: 20, total: 178 } as const;
    for (const lang of ["vi", "en"] as const) {
      const r = cchc("check", fewFile, "--lang", lang);
      expect(r.code).toBe(2);
      expect([r.out, r.err]).toEqual(["", `${appendixFailureText(tooFew, lang, { file: fewFile })}\n`]);
    }
    const both = cchc("check", splitFile);
    expect(both.code).toBeLessThan(2);
    expect(both.out).toContain("trang tính “Phần 1” và “Phần 2”: nhận ra 30/178 chỉ tiêu");
    expect(appendixFailureText(tooFew, "vi", { file: fewFile })).toBe(
      `Tệp “${fewFile}” có bảng giống phụ lục ở trang tính “PL” nhưng chỉ nhận ra 4/178 chỉ tiêu (cần ít nhất 20), quá ít để kiểm tra.`,
    );
  });

  describe("files that cannot be checked are exit 2 with one sentence on stderr, never a stack trace", () => {
    const dir = tmpDir();
    const damaged = path.join(dir, "hong.xlsx");
    fs.writeFileSync(damaged, fs.readFileSync(SAMPLE).subarray(0, 4000));
    const xls = path.join(dir, "cu.xls");
    fs.writeFileSync(xls, Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, 0, 0, 0, 0]));
    test.each([
      [path.join(GOLDEN, "no-appendix.xlsx"), "Không tìm thấy phụ lục thống kê CCHC"],
      [path.join(GOLDEN, "text-renamed.xlsx"), "không phải là tệp Excel .xlsx"],
      [damaged, "bị hỏng"],
      [xls, "định dạng Excel cũ (.xls)"],
      [path.join(dir, "khong-co.xlsx"), "Không tìm thấy tệp"],
      [dir, "là một thư mục"],
    ])("%s", (file, sentence) => {
      const r = cchc("check", file);
      expect(r.code).toBe(2);
      expect(r.out).toBe("");
      expect(r.err.trim().split("\n")).toHaveLength(1);
      expect(r.err).toContain(sentence);
      expectNoTrace(r.out + r.err);
    });
  });

  test("several files: one report each, a summary, and the worst exit status; JSON carries the error in place of findings", () => {
    const files = [SAMPLE, path.join(GOLDEN, "error-value.xlsx"), path.join(GOLDEN, "text-renamed.xlsx")];
    const text = cchc("check", ...files);
    expect(text.code).toBe(2);
    expect(text.out).toContain("Tổng cộng 3 tệp: 1 lỗi, 21 cảnh báo, 0 thông tin; 1 tệp không kiểm tra được");
    // The file that could not be checked is said on stderr (as fill says it), the reports of the others on stdout.
    expect(text.out).not.toContain("không phải là tệp Excel .xlsx");
    expect(text.err).toContain("không phải là tệp Excel .xlsx");
    const json = cchc("check", ...files, "--json");
    expect(json.code).toBe(2);
    const doc = JSON.parse(json.out);
    expect(doc.files.map((f: { file: string }) => f.file)).toEqual(files);
    expect(doc.files[2]).toEqual({ file: files[2], error: expect.stringContaining("không phải là tệp Excel .xlsx") });
    expect(doc.files[1].summary.errors).toBe(1);
  });
});

describe("template", () => {
  test("writes the template, refuses to replace it without --force, and is found whole by check", async () => {
    const out = path.join(tmpDir(), "mau.xlsx");
    const first = cchc("template", out, "--unit", "=Sở Nội vụ", "--year", "2024", "--period", "quy1");
    expect(first.code).toBe(0);
    expect(first.out).toContain("Đã ghi mẫu phụ lục");
    const again = cchc("template", out);
    expect(again.code).toBe(2);
    expect(again.err).toContain("đã có; thêm --force");
    expect(cchc("template", out, "--force", "--unit", "=Sở Nội vụ", "--year", "2024", "--period", "quy1").code).toBe(0);

    const ws = (await loadWorkbook(fs.readFileSync(out))).worksheets[0];
    expect(ws.getCell("A1").type).toBe(ExcelJS.ValueType.String);
    expect(ws.getCell("A1").value).toBe("=SỞ NỘI VỤ");
    expect(ws.getCell("A7").value).toBe("Quý I năm 2024 (từ ngày 15/12/2023-14/3/2024)");

    const check = cchc("check", out, "--json");
    const [file] = JSON.parse(check.out).files;
    expect(file.recognized).toBe(178);
    expect(file.missing).toEqual([]);
    expect(file.summary.errors).toBe(0);
    // Its formulas are written with the result they have while blank (""): none reads as having no saved result.
    expect(new Set(file.findings.map((f: { code: string }) => f.code))).toEqual(new Set(["flag_blank"]));
  });

  test("its formulas compute in LibreOffice: 41 of 47 tasks give 87.23", async () => {
    const out = path.join(tmpDir(), "mau.xlsx");
    expect(cchc("template", out, "--year", "2023").code).toBe(0);
    const wb = await loadWorkbook(fs.readFileSync(out));
    const ws = wb.worksheets[0];
    const cellOf = (name: string) => ws.getCell(wb.definedNames.getRanges(name).ranges[0].split("!")[1].replace(/\$/g, ""));
    expect(cellOf("CCHC_I_1").formula).toMatch(/^IF\(N\(D13\)=0,"",ROUND\(D14\/D13\*100,2\)\)$/);
    cellOf("CCHC_I_1_1").value = 47;
    cellOf("CCHC_I_1_2").value = 41;
    const filled = path.join(tmpDir(), "mau-da-nhap.xlsx");
    fs.writeFileSync(filled, new Uint8Array((await wb.xlsx.writeBuffer()) as ArrayBuffer));
    const recalculated = await loadWorkbook(fs.readFileSync(convertWithLibreOffice(filled, "xlsx")));
    expect(recalculated.worksheets[0].getCell("D12").result).toBe(87.23);
  });
});

describe("fill", () => {
  test("writes a copy with the rate, never touches the input, refuses to replace the output; LibreOffice agrees", async () => {
    const dir = tmpDir();
    const input = path.join(dir, "phu-luc.xlsx");
    fs.copyFileSync(SAMPLE, input);
    const before = fs.readFileSync(input);
    const beforeTime = fs.statSync(input).mtimeMs;
    const output = path.join(dir, "da-dien.xlsx");

    const r = cchc("fill", input, "-o", output);
    expect(r.code).toBe(0);
    expect(r.out).toContain("Đã điền 1 ô:");
    expect(r.out).toContain("D12 = 87,23  (=ROUND(D14/D13*100,2))  Tỷ lệ hoàn thành Kế hoạch CCHC năm");
    expect(fs.readFileSync(input).equals(before)).toBe(true);
    expect(fs.statSync(input).mtimeMs).toBe(beforeTime);

    const cell = (await loadWorkbook(fs.readFileSync(output))).worksheets[0].getCell("D12");
    expect([cell.formula, cell.result, cell.numFmt]).toEqual(["ROUND(D14/D13*100,2)", 87.23, "0.00"]);
    const recalculated = (await loadWorkbook(fs.readFileSync(convertWithLibreOffice(output, "xlsx")))).worksheets[0];
    expect(recalculated.getCell("D12").result).toBe(87.23);

    const again = cchc("fill", input, "-o", output);
    expect(again.code).toBe(2);
    expect(again.err).toContain("đã có; thêm --force");
    expect(cchc("fill", input, "--out", output, "--force").code).toBe(0);
    const same = cchc("fill", input, "-o", input, "--force");
    expect(same.code).toBe(2);
    expect(same.err).toContain("trùng với tệp nguồn");
    expect(fs.readFileSync(input).equals(before)).toBe(true);
  });

  test("a rate the user typed differently is left alone and reported: exit 1", async () => {
    const dir = tmpDir();
    const input = path.join(dir, "sai.xlsx");
    const wb = await loadWorkbook(fs.readFileSync(SAMPLE));
    wb.worksheets[0].getCell("D12").value = 90;
    fs.writeFileSync(input, new Uint8Array((await wb.xlsx.writeBuffer()) as ArrayBuffer));
    const output = path.join(dir, "out.xlsx");
    const r = cchc("fill", input, "-o", output, "--lang", "en");
    expect(r.code).toBe(1);
    expect(r.out).toContain("Nothing to fill.");
    expect(r.out).toContain("Left 1 cell alone");
    expect(r.out).toMatch(/D12 .*90/);
    expect((await loadWorkbook(fs.readFileSync(output))).worksheets[0].getCell("D12").value).toBe(90);
  });

  test("a rate whose inputs are in error is not filled: the inputs named, exit 1; re-checking the copy finds no new error", async () => {
    const dir = tmpDir();
    const input = path.join(dir, "vuot.xlsx");
    // D14 (done) = 50 above D13 (planned) = 47, written by another program (openpyxl).
    execFileSync("/usr/bin/python3", ["-c", "import sys, openpyxl\nwb = openpyxl.load_workbook(sys.argv[1]); wb['Phụ lục']['D14'] = 50\nwb.save(sys.argv[2])", SAMPLE, input]);
    const output = path.join(dir, "out.xlsx");
    const r = cchc("fill", input, "-o", output);
    expect(r.code).toBe(1);
    expect(r.out).toContain("Chưa điền ô nào.");
    expect(r.out).toContain("Không điền 1 ô vì giá trị tính được sẽ sai");
    expect(r.out).toMatch(/D12 +Chưa điền Tỷ lệ hoàn thành Kế hoạch CCHC năm \(D12\): .*\(D14\) = 50, .*\(D13\) = 47\); hãy sửa các ô đó trước\./);
    expect(r.out).not.toContain("106,38");
    expect((await loadWorkbook(fs.readFileSync(output))).worksheets[0].getCell("D12").value).toBeNull();
    const recheck = cchc("check", output, "--json");
    const codes = JSON.parse(recheck.out).files[0].findings.map((f: { code: string; cell: string }) => `${f.code} ${f.cell}`);
    expect(codes).toContain("part_exceeds_whole D14");
    expect(codes).not.toContain("percent_out_of_range D12");
    const en = cchc("fill", input, "-o", path.join(dir, "out-en.xlsx"), "--lang", "en");
    expect(en.code).toBe(1);
    expect(en.out).toContain("Did not fill 1 cell: the computed value would be wrong");
  });

  test("an input without an appendix writes nothing: exit 2", () => {
    const output = path.join(tmpDir(), "out.xlsx");
    const r = cchc("fill", path.join(GOLDEN, "text-renamed.xlsx"), "-o", output);
    expect(r.code).toBe(2);
    expect(r.err).toContain("không phải là tệp Excel .xlsx");
    expect(fs.existsSync(output)).toBe(false);
  });
});
