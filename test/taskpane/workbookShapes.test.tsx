/** @jest-environment jsdom */
/**
 * A workbook holding two appendices, or one appendix split over two sheets, opened in the pane outside Excel: the
 * Start section says so in a warning, since the check then covers one sheet only.
 */
import * as React from "react";
import ExcelJS from "exceljs";
import { fireEvent, render, screen } from "@testing-library/react";
import { webLightTheme } from "@fluentui/react-components";
import type { Grid, Lang } from "../../src/core";
import { App } from "../../src/taskpane/components/App";
import { en } from "../../src/taskpane/messages/en";
import { vi } from "../../src/taskpane/messages/vi";
import { FileHost } from "../../src/xlsx/fileHost";
import { seedGrid } from "../fixtures/seed";
import { installResizeObserver, fileOf } from "./jsdomShims";

beforeAll(installResizeObserver);

/** The seed grid's title and header rows, then its sections from `from` (inclusive) to `to` (exclusive). */
function part(from: string, to: string | null): Grid {
  const g = seedGrid();
  const at = (stt: string) => g.values.findIndex((r) => r[0] === stt);
  return { origin: { row: 0, col: 0 }, values: [...g.values.slice(0, 7), ...g.values.slice(at(from), to ? at(to) : undefined)] };
}

async function workbook(sheets: readonly [string, Grid][]): Promise<Uint8Array> {
  const wb = new ExcelJS.Workbook();
  for (const [name, grid] of sheets) {
    const ws = wb.addWorksheet(name);
    grid.values.forEach((row, r) => row.forEach((v, c) => v !== null && (ws.getCell(r + 1, c + 1).value = v)));
  }
  return new Uint8Array(await wb.xlsx.writeBuffer());
}

async function openInPane(bytes: Uint8Array, lang: Lang): Promise<void> {
  render(<App mode={{ kind: "outside", openFile: (d, n) => FileHost.open(d, n) }} lang={lang} theme={webLightTheme} />);
  fireEvent.change(screen.getByTestId("file-input"), { target: { files: [fileOf("so-lieu.xlsx", bytes)] } });
  await screen.findByTestId("recognised", {}, { timeout: 20_000 });
}

describe("workbook shapes in the Start section", () => {
  it.each([
    ["vi", vi],
    ["en", en],
  ] as const)("names the other sheet that holds an appendix too, with its matched rows (%s)", async (lang, t) => {
    await openInPane(await workbook([["Năm 2023", seedGrid()], ["Năm 2022", seedGrid()]]), lang);
    const bars = screen.getAllByTestId("appendix-other");
    expect(bars).toHaveLength(1);
    expect(bars[0].getAttribute("data-sheet")).toBe("Năm 2022");
    // 178 rows: what locateInWorkbook matches on the seed appendix (test/reliability/workbookShapes.test.ts).
    expect(bars[0].textContent).toContain(t.otherAppendix("Năm 2022", 178, "Năm 2023"));
    expect(screen.queryByTestId("appendix-split")).toBeNull();
    expect(screen.getByTestId("recognised").textContent).toBe(t.recognised("Năm 2023", 178, 178));
  }, 40_000);

  it("says the exact Vietnamese sentence for another appendix", async () => {
    await openInPane(await workbook([["Năm 2023", seedGrid()], ["Năm 2022", seedGrid()]]), "vi");
    expect(screen.getByTestId("appendix-other").textContent).toContain(
      "Sổ làm việc này còn một phụ lục ở trang tính “Năm 2022” (nhận ra 178 chỉ tiêu); đang kiểm tra trang tính “Năm 2023”.",
    );
  }, 40_000);

  it.each([
    [
      "vi",
      "Phụ lục có vẻ bị chia ra hai trang tính “Phần đầu” và “Phần sau”; hai trang tính được kiểm tra như một phụ lục, kể cả quan hệ giữa các phần, và mỗi ô được điền vào đúng trang tính của nó.",
    ],
    ["en", en.splitAppendix("Phần đầu", "Phần sau")],
  ] as const)("says an appendix split over two sheets is checked as one, naming the second sheet only there (%s)", async (lang, sentence) => {
    await openInPane(await workbook([["Phần đầu", part("I", "V")], ["Phần sau", part("V", null)]]), lang);
    const bar = screen.getByTestId("appendix-split");
    expect(bar.textContent).toContain(sentence);
    // locateInWorkbook also lists "Phần sau" among the others; the pane says it once.
    expect(screen.queryByTestId("appendix-other")).toBeNull();
  }, 40_000);

  it("shows no warning for a workbook with one appendix", async () => {
    await openInPane(await workbook([["Phụ lục", seedGrid()], ["Ghi chú", { origin: { row: 0, col: 0 }, values: [["Ghi chú"]] }]]), "vi");
    expect(screen.queryByTestId("appendix-other")).toBeNull();
    expect(screen.queryByTestId("appendix-split")).toBeNull();
  }, 40_000);
});
