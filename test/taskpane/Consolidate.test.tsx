/** @jest-environment jsdom */
import * as React from "react";
import ExcelJS from "exceljs";
import { act, fireEvent, render, screen, waitFor, within } from "@testing-library/react";
import { FluentProvider, webLightTheme } from "@fluentui/react-components";
import { consolidate, type Consolidation, type Finding, formatFinding, formatIssue, formatUnusable, type Period, periodLabel, templates, type UnitFailure, type UnitReport, unreadableText } from "../../src/core";
import { at } from "../fixtures/a1";
import { App } from "../../src/taskpane/components/App";
import { Consolidate } from "../../src/taskpane/components/Consolidate";
import { readUnitWithExcelJs, type ReadUnitFn } from "../../src/taskpane/consolidation";
import { HostError } from "../../src/app/hostErrors";
import { LangProvider } from "../../src/taskpane/i18n";
import { en } from "../../src/taskpane/messages/en";
import { vi } from "../../src/taskpane/messages/vi";
import { SUMMARY_COLUMNS, SUMMARY_FIRST_ROW } from "../../src/xlsx/consolidateWorkbook";
import { BATCH, BATCH_TOTALS, reportOf, unitWorkbook } from "../xlsx/consolidateFixtures";
import { installResizeObserver, fileOf } from "./jsdomShims";

beforeAll(installResizeObserver);

/** Bytes that start like a zip but are not one: a damaged workbook. */
const DAMAGED = new Uint8Array([0x50, 0x4b, 3, 4, 9, 9, 9, 9]);

/** The five units of the consolidation fixtures (A, B mostly blank; C an error; D an older copy of A; E another period) and two bad files. */
let batch: { name: string; bytes: Uint8Array }[];
/** What the engine itself makes of the same bytes, for the pane's table to match. */
let expected: Consolidation;

beforeAll(async () => {
  const units = [];
  for (const b of BATCH) units.push({ name: b.file, bytes: await unitWorkbook(b.spec) });
  batch = [...units.slice(0, 2), { name: "hong.xlsx", bytes: DAMAGED }, ...units.slice(2), { name: "ghi-chu.txt", bytes: new Uint8Array([104, 105]) }];
  const reports: (UnitReport | UnitFailure)[] = [];
  for (const f of batch) reports.push(f.name.endsWith(".xlsx") ? await reportOf(f.name, f.bytes) : { file: f.name, failure: "unreadable", unreadable: { reason: "not_xlsx" } });
  expected = consolidate(reports, templates);
}, 60_000);

const files = () => batch.map((f) => fileOf(f.name, f.bytes));

function rowsShown() {
  return screen.getAllByTestId("status-row").map((tr) => ({
    file: tr.getAttribute("data-file"),
    state: tr.getAttribute("data-state"),
    // The row header holds the unit and, under it, the file: two cells' worth of text.
    cells: [
      tr.querySelector('th [data-part="unit"]')?.textContent,
      tr.querySelector('th [data-part="file"]')?.textContent,
      ...Array.from(tr.querySelectorAll("td")).map((c) => c.textContent),
    ],
  }));
}

function issuesShown() {
  return Array.from(screen.getByTestId("consolidate-issues").querySelectorAll<HTMLElement>("[data-issue]")).map((bar) => ({
    code: bar.getAttribute("data-issue"),
    file: bar.getAttribute("data-file"),
    text: bar.textContent ?? "",
  }));
}

/** A Blob's bytes through FileReader (jsdom's Blob has no arrayBuffer()). */
function blobBytes(blob: Blob): Promise<ArrayBuffer> {
  return new Promise((resolve, reject) => {
    const reader = new FileReader();
    reader.onload = () => resolve(reader.result as ArrayBuffer);
    reader.onerror = () => reject(reader.error);
    reader.readAsArrayBuffer(blob);
  });
}

describe("consolidating several files outside Excel", () => {
  it("offers the consolidation for several files, lists each file's status and the batch's issues, and writes TONG_HOP.xlsx", async () => {
    render(<App mode={{ kind: "outside", openFile: jest.fn() }} theme={webLightTheme} />);
    const input = screen.getByTestId("file-input");
    expect(input.hasAttribute("multiple")).toBe(true);
    fireEvent.change(input, { target: { files: files() } });

    const panel = await screen.findByTestId("consolidate");
    expect(within(screen.getByTestId("chosen-files")).getAllByRole("listitem").map((li) => li.textContent)).toEqual(batch.map((f) => f.name));
    fireEvent.click(within(panel).getByRole("button", { name: vi.consolidate }));
    await screen.findByTestId("consolidate-table", {}, { timeout: 30_000 });

    // One row per unit's file, in the order given, as the engine's own consolidation of the same bytes says.
    expect(rowsShown()).toEqual(
      expected.statuses.map((s) => {
        const state = s.column === null ? "set_aside" : s.ready ? "ready" : "review";
        return {
          file: s.file,
          state,
          cells: [s.unit, s.file, periodLabel(s.period, "vi"), String(s.errors), String(s.warnings), { ready: vi.stateReady, review: vi.stateReview, set_aside: vi.stateSetAside }[state]],
        };
      }),
    );
    // Known by construction: A and B leave most indicators blank (not ready to send), C has an error, D an older copy of A, E another period. The bad files
    // are no units: no row, no "1 error", listed apart with their reason.
    expect(rowsShown().map((r) => [r.file, r.state])).toEqual([
      ["a-sttt.xlsx", "review"],
      ["b-syt.xlsx", "review"],
      ["c-stp.xlsx", "review"],
      ["d-sttt-lan-2.xlsx", "set_aside"],
      ["e-sxd.xlsx", "review"],
    ]);
    // Errors known by construction: C's 15 of 10 in II.2 (part above its whole), E's report of another period.
    expect(rowsShown().map((r) => [r.file, r.cells[3]])).toEqual([
      ["a-sttt.xlsx", "0"],
      ["b-syt.xlsx", "0"],
      ["c-stp.xlsx", "1"],
      ["d-sttt-lan-2.xlsx", "0"],
      ["e-sxd.xlsx", "1"],
    ]);
    expect(rowsShown()[0].cells[0]).toBe("Sở Thông tin và Truyền thông");
    expect(rowsShown()[0].cells[2]).toBe("Năm 2023");
    expect(screen.getByTestId("consolidate-status").textContent).toBe(vi.batchSummary(4, 0, 4, 1, 2));
    const unread = Array.from(screen.getByTestId("unread-files").querySelectorAll("li")).map((li) => [li.getAttribute("data-file"), li.textContent]);
    expect(unread).toEqual([
      ["hong.xlsx", vi.unreadItem("hong.xlsx", unreadableText({ reason: "damaged" }, "vi"))],
      ["ghi-chu.txt", vi.unreadItem("ghi-chu.txt", unreadableText({ reason: "not_xlsx" }, "vi"))],
    ]);

    // Every issue as a MessageBar under its unit, in Vietnamese.
    const issues = issuesShown();
    expect(issues.map((i) => [i.code, i.file])).toEqual([
      ["kept_over", "a-sttt.xlsx"],
      ["duplicate_unit", "d-sttt-lan-2.xlsx"],
      ["period_mismatch", "e-sxd.xlsx"],
    ]);
    const byFile = (file: string) => issues.filter((i) => i.file === file);
    const duplicate = expected.issues.find((i) => i.code === "duplicate_unit")!;
    expect(byFile("d-sttt-lan-2.xlsx").find((i) => i.code === "duplicate_unit")!.text).toContain(formatIssue(duplicate, "vi", expected.template));
    for (const i of issues) expect(i.text).toBe(i.text.normalize("NFC"));

    // The download: TONG_HOP.xlsx as the browser would save it, opened again with ExcelJS.
    const blobs: Blob[] = [];
    const create = jest.fn((b: Blob) => (blobs.push(b), `blob:tong-hop-${blobs.length}`));
    Object.assign(URL, { createObjectURL: create, revokeObjectURL: jest.fn() });
    const clicked: string[] = [];
    const click = jest.spyOn(HTMLAnchorElement.prototype, "click").mockImplementation(function (this: HTMLAnchorElement) {
      clicked.push(this.download);
    });
    fireEvent.click(screen.getByRole("button", { name: vi.downloadSummary }));
    await screen.findByText(vi.downloadReady("TONG_HOP.xlsx"), {}, { timeout: 30_000 });
    click.mockRestore();
    expect(clicked).toEqual(["TONG_HOP.xlsx"]);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(await blobBytes(blobs[0]));
    expect(wb.worksheets.map((w) => w.name)).toEqual(["Tổng hợp", "Tình trạng", "Phát hiện", "Tệp không đọc được"]);
    const summary = wb.getWorksheet("Tổng hợp")!;
    const total = (id: keyof typeof BATCH_TOTALS) => {
      const i = expected.rows.findIndex((r) => r.kind === "indicator" && r.indicator.id === id);
      const v = summary.getCell(SUMMARY_FIRST_ROW + i, SUMMARY_COLUMNS.total).value as ExcelJS.CellFormulaValue;
      return v.result;
    };
    expect(total("I.1.1")).toBe(BATCH_TOTALS["I.1.1"]);
    expect(total("I.1")).toBe(BATCH_TOTALS["I.1"]);
    // The status sheet lists the units' files; the two bad files are on a sheet of their own.
    expect(wb.getWorksheet("Tình trạng")!.rowCount).toBe(1 + 5);
    expect(wb.getWorksheet("Tệp không đọc được")!.rowCount).toBe(3);
  }, 90_000);

  it("re-words the status and the issues when the language is switched", async () => {
    render(<App mode={{ kind: "outside", openFile: jest.fn() }} theme={webLightTheme} />);
    fireEvent.change(screen.getByTestId("file-input"), { target: { files: files().slice(0, 3) } });
    fireEvent.click(await screen.findByRole("button", { name: vi.consolidate }));
    await screen.findByTestId("consolidate-table", {}, { timeout: 30_000 });
    expect(screen.getByTestId("consolidate-status").textContent).toBe(vi.batchSummary(2, 0, 2, 0, 1));

    fireEvent.click(screen.getByRole("button", { name: vi.switchLanguage }));
    expect(screen.getByTestId("consolidate-status").textContent).toBe(en.batchSummary(2, 0, 2, 0, 1));
    expect(rowsShown().map((r) => r.cells[5])).toEqual([en.stateReview, en.stateReview]);
    expect(rowsShown()[0].cells[2]).toBe(periodLabel({ kind: "nam", year: 2023 }, "en"));
    const damaged = screen.getByTestId("unread-files").querySelector('[data-file="hong.xlsx"]')!.textContent;
    expect(damaged).toContain(unreadableText({ reason: "damaged" }, "en"));
    expect(damaged).not.toContain(unreadableText({ reason: "damaged" }, "vi"));
  }, 90_000);

  it("shows a labelled progress bar and announces the progress while the files are read", async () => {
    let release!: () => void;
    const gate = new Promise<void>((resolve) => (release = resolve));
    const seen: string[] = [];
    // The real reader, held back before the second file so the progress can be looked at.
    const readUnit: ReadUnitFn = async (name, bytes, modified) => {
      seen.push(name);
      if (seen.length === 2) await gate;
      return readUnitWithExcelJs(name, bytes, modified);
    };
    render(
      <FluentProvider theme={webLightTheme}>
        <LangProvider>
          <Consolidate files={files().slice(0, 2)} readUnit={readUnit} />
        </LangProvider>
      </FluentProvider>,
    );
    fireEvent.click(screen.getByRole("button", { name: vi.consolidate }));
    const status = screen.getByTestId("consolidate-status");
    expect(status.getAttribute("aria-live")).toBe("polite");
    await waitFor(() => expect(status.textContent).toBe(vi.progress(1, 2)), { timeout: 30_000 });
    const bar = screen.getByRole("progressbar", { name: vi.progressLabel });
    expect(bar.getAttribute("aria-valuenow")).toBe("0.5");
    expect(screen.getByRole("button", { name: vi.consolidate })).toHaveProperty("disabled", true);

    await act(async () => release());
    await screen.findByTestId("consolidate-table", {}, { timeout: 30_000 });
    expect(screen.queryByRole("progressbar")).toBeNull();
    expect(status.textContent).toBe(vi.batchSummary(2, 0, 2, 0, 0));
    // Two units, neither sent twice nor of another period: no consolidation issue.
    expect(issuesShown()).toEqual([]);
  }, 90_000);

  it("offers the consolidation for several files dropped on the pane, and a single file opened next takes its place", async () => {
    const opened: string[] = [];
    const openFile = jest.fn(async (_bytes: ArrayBuffer, name: string) => {
      opened.push(name);
      throw new HostError("read_failed", "not needed here");
    });
    render(<App mode={{ kind: "outside", openFile }} theme={webLightTheme} />);
    const zone = screen.getByRole("group", { name: vi.dropZoneLabel });
    fireEvent.drop(zone, { dataTransfer: { files: files().slice(0, 2) } });
    const panel = await screen.findByTestId("consolidate");
    expect(within(panel).getByText(vi.filesChosen(2))).toBeTruthy();
    fireEvent.click(within(panel).getByRole("button", { name: vi.consolidate }));
    await screen.findByTestId("consolidate-table", {}, { timeout: 30_000 });
    expect(rowsShown().map((r) => r.file)).toEqual(["a-sttt.xlsx", "b-syt.xlsx"]);
    expect(opened).toEqual([]);

    fireEvent.drop(zone, { dataTransfer: { files: files().slice(1, 2) } });
    await waitFor(() => expect(opened).toEqual(["b-syt.xlsx"]));
    expect(screen.queryByTestId("consolidate")).toBeNull();
  }, 90_000);

  it("keeps one file to check and fill, as before", async () => {
    const opened: string[] = [];
    const openFile = jest.fn(async (_bytes: ArrayBuffer, name: string) => {
      opened.push(name);
      throw new HostError("read_failed", "not needed here");
    });
    render(<App mode={{ kind: "outside", openFile }} theme={webLightTheme} />);
    fireEvent.change(screen.getByTestId("file-input"), { target: { files: files().slice(0, 1) } });
    await waitFor(() => expect(opened).toEqual(["a-sttt.xlsx"]));
    expect(screen.queryByTestId("consolidate")).toBeNull();
  });
});

describe("the pane's choices, as the command line's --period and --prefer, and each unit's findings", () => {
  const negative: Finding = { code: "count_negative", severity: "error", indicator: "I.1.2", cell: at("D13"), cells: [at("D13")], actual: -3, expected: 0, fix: null };
  const report = (file: string, unitName: string, period: Period, modified: string, findings: Finding[] = []): UnitReport => ({
    file,
    sheet: "Phụ lục",
    templateId: templates[0].id,
    unitName,
    period,
    periodFrom: "title",
    values: {},
    computed: [],
    findings,
    unanswered: [],
    rowsMissing: 0,
    rowsUnrecognized: 0,
    modified: { at: modified, from: "properties" },
  });
  const year: Period = { kind: "nam", year: 2023 };
  const reports: Record<string, UnitReport> = {
    "a-cu.xlsx": report("a-cu.xlsx", "Sở A", year, "2023-12-01T02:00:00Z"),
    "a-quy1.xlsx": report("a-quy1.xlsx", "Sở A", { kind: "quy1", year: 2024 }, "2024-03-16T02:00:00Z"),
    "a.xlsx": report("a.xlsx", "Sở A", year, "2023-12-15T02:00:00Z"),
    "b.xlsx": report("b.xlsx", "Sở B", year, "2023-12-14T02:00:00Z", [negative]),
  };
  const names = ["a-cu.xlsx", "a-quy1.xlsx", "a.xlsx", "b.xlsx", "~$a.xlsx"];
  let readUnit: jest.Mock;
  let writeSummary: jest.Mock;

  async function consolidated() {
    readUnit = jest.fn(async (name: string) => reports[name]);
    writeSummary = jest.fn(async () => new Uint8Array([1, 2, 3]));
    render(
      <FluentProvider theme={webLightTheme}>
        <LangProvider>
          <Consolidate files={names.map((n) => fileOf(n, new Uint8Array([1])))} readUnit={readUnit as ReadUnitFn} writeSummary={writeSummary} />
        </LangProvider>
      </FluentProvider>,
    );
    fireEvent.click(screen.getByRole("button", { name: vi.consolidate }));
    await screen.findByTestId("consolidate-table");
  }
  const states = () => rowsShown().map((r) => [r.file, r.state]);

  it("keeps the newer file of a unit, sets a quarterly file apart as another period, and skips the lock file unread", async () => {
    await consolidated();
    expect(readUnit.mock.calls.map((c) => c[0])).toEqual(["a-cu.xlsx", "a-quy1.xlsx", "a.xlsx", "b.xlsx"]);
    expect(states()).toEqual([
      ["a-cu.xlsx", "set_aside"],
      ["a-quy1.xlsx", "set_aside"],
      ["a.xlsx", "ready"],
      ["b.xlsx", "review"],
    ]);
    expect(issuesShown().map((i) => [i.file, i.code])).toEqual([
      ["a-cu.xlsx", "duplicate_unit"],
      ["a-quy1.xlsx", "other_period"],
      ["a.xlsx", "kept_over"],
    ]);
    expect(issuesShown()[2].text).toContain("vì tệp này được lưu sau (15/12/2023 09:00 theo thuộc tính của tệp; tệp kia: 01/12/2023 09:00");
    // The lock file is skipped with a note, not listed among the files that could not be read.
    expect(screen.queryByTestId("unread-files")).toBeNull();
    expect(screen.getByTestId("skipped-file").textContent).toBe(vi.unreadItem("~$a.xlsx", formatUnusable({ file: "~$a.xlsx", failure: "lock_file" }, "vi", templates[0])));
    // A skipped lock file is not counted as a file that could not be read.
    expect(screen.getByTestId("consolidate-status").textContent).toBe(vi.batchSummary(2, 1, 1, 2, 0));
  });

  it("sets a file whose appendix is only on a hidden sheet aside, says so, and consolidates it when the user chooses", async () => {
    const hidden: UnitReport = { ...report("c-an.xlsx", "Sở C", year, "2023-12-14T02:00:00Z"), sheet: "PL 2023", hidden: "fallback" };
    const read = jest.fn(async (name: string) => (name === "c-an.xlsx" ? hidden : reports[name]));
    render(
      <FluentProvider theme={webLightTheme}>
        <LangProvider>
          <Consolidate files={["a.xlsx", "c-an.xlsx"].map((n) => fileOf(n, new Uint8Array([1])))} readUnit={read as ReadUnitFn} />
        </LangProvider>
      </FluentProvider>,
    );
    fireEvent.click(screen.getByRole("button", { name: vi.consolidate }));
    await screen.findByTestId("consolidate-table");
    expect(states()).toEqual([
      ["a.xlsx", "ready"],
      ["c-an.xlsx", "set_aside"],
    ]);
    const said = issuesShown().find((i) => i.code === "hidden_sheet_only");
    expect(said?.text).toContain("trang tính ẩn “PL 2023”");
    fireEvent.click(screen.getByRole("button", { name: vi.includeHiddenLabel("PL 2023", "c-an.xlsx") }));
    expect(states()).toEqual([
      ["a.xlsx", "ready"],
      ["c-an.xlsx", "ready"],
    ]);
    expect(issuesShown().map((i) => [i.file, i.code])).toEqual([["c-an.xlsx", "hidden_sheet_included"]]);
  });

  it("uses the other file when asked, and says it was the user's choice", async () => {
    await consolidated();
    fireEvent.click(screen.getByRole("button", { name: vi.useThisFileLabel("a-cu.xlsx") }));
    expect(states()).toEqual([
      ["a-cu.xlsx", "ready"],
      ["a-quy1.xlsx", "set_aside"],
      ["a.xlsx", "set_aside"],
      ["b.xlsx", "review"],
    ]);
    const kept = issuesShown().find((i) => i.code === "kept_over");
    expect(kept?.file).toBe("a-cu.xlsx");
    expect(kept?.text).toContain("theo lựa chọn của người tổng hợp");
    // TONG_HOP.xlsx is written for the choice made.
    Object.assign(URL, { createObjectURL: jest.fn(() => "blob:tong-hop"), revokeObjectURL: jest.fn() });
    const click = jest.spyOn(HTMLAnchorElement.prototype, "click").mockImplementation(() => undefined);
    fireEvent.click(screen.getByRole("button", { name: vi.downloadSummary }));
    await screen.findByText(vi.downloadReady("TONG_HOP.xlsx"));
    click.mockRestore();
    expect((writeSummary.mock.calls[0][0] as Consolidation).columns.map((c) => c.file)).toEqual(["a-cu.xlsx", "b.xlsx"]);
    // And back again, from the other file's offer; the link to the previous summary goes, as it no longer says this.
    fireEvent.click(screen.getByRole("button", { name: vi.useThisFileLabel("a.xlsx") }));
    expect(states()[2]).toEqual(["a.xlsx", "ready"]);
    expect(screen.queryByText(vi.downloadReady("TONG_HOP.xlsx"))).toBeNull();
  });

  it("does not offer a summary written for a choice the user changed while it was written", async () => {
    await consolidated();
    let finish!: (bytes: Uint8Array) => void;
    writeSummary.mockImplementationOnce(() => new Promise<Uint8Array>((resolve) => (finish = resolve)));
    Object.assign(URL, { createObjectURL: jest.fn(() => "blob:tong-hop"), revokeObjectURL: jest.fn() });
    const click = jest.spyOn(HTMLAnchorElement.prototype, "click").mockImplementation(() => undefined);
    fireEvent.click(screen.getByRole("button", { name: vi.downloadSummary }));
    expect(writeSummary).toHaveBeenCalledTimes(1);
    // Another period picked while TONG_HOP.xlsx is written; the write then finishes.
    fireEvent.change(screen.getByRole("combobox", { name: new RegExp(vi.periodPick) }), { target: { value: "quy1/2024" } });
    await act(async () => finish(new Uint8Array([1, 2, 3])));
    expect(click).not.toHaveBeenCalled();
    expect(screen.queryByText(vi.downloadReady("TONG_HOP.xlsx"))).toBeNull();
    // Written again, for the period shown.
    fireEvent.click(screen.getByRole("button", { name: vi.downloadSummary }));
    await screen.findByText(vi.downloadReady("TONG_HOP.xlsx"));
    click.mockRestore();
    expect((writeSummary.mock.calls[1][0] as Consolidation).period).toEqual({ kind: "quy1", year: 2024 });
  });

  it("consolidates for the period the user picks: the batch's files of other periods are then the ones marked", async () => {
    await consolidated();
    const picker = screen.getByRole("combobox", { name: new RegExp(vi.periodPick) }) as HTMLSelectElement;
    expect(Array.from(picker.options).map((o) => o.textContent)).toEqual([vi.periodAuto("Năm 2023"), "Quý I năm 2024", "Năm 2023"]);
    fireEvent.change(picker, { target: { value: "quy1/2024" } });
    expect(states()).toEqual([
      ["a-cu.xlsx", "set_aside"],
      ["a-quy1.xlsx", "ready"],
      ["a.xlsx", "set_aside"],
      ["b.xlsx", "review"],
    ]);
    expect(issuesShown().filter((i) => i.file === "b.xlsx").map((i) => i.code)).toEqual(["period_mismatch"]);
    fireEvent.change(picker, { target: { value: "" } });
    expect(states()[2]).toEqual(["a.xlsx", "ready"]);
  });

  it("shows a unit's own findings on demand, by cell", async () => {
    await consolidated();
    const block = screen.getAllByTestId("unit-block").find((b) => b.getAttribute("data-file") === "b.xlsx")!;
    const toggle = within(block).getByRole("button", { name: vi.showFindings(1, 0) });
    expect(toggle.getAttribute("aria-expanded")).toBe("false");
    expect(within(block).queryByTestId("unit-findings")).toBeNull();
    fireEvent.click(toggle);
    expect(toggle.getAttribute("aria-expanded")).toBe("true");
    const list = within(block).getByRole("list", { name: vi.findingsOf("Sở B") });
    const text = formatFinding(negative, "vi", templates[0]);
    expect(Array.from(list.querySelectorAll("li")).map((li) => li.textContent)).toEqual([`D13 · ${vi.severity.error}: ${text}`]);
  });
});
