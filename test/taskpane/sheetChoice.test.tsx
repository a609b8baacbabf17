/** @jest-environment jsdom */
/**
 * The pane's choices where the check would otherwise choose: a hidden appendix named with a button to check it, an
 * appendix only on a hidden sheet never filled until chosen, and a picker of the value column among several, inside
 * Excel (the host port) and outside Excel (FileHost on workbooks written by openpyxl, test/xlsx/sheets).
 */
import * as fs from "fs";
import * as path from "path";
import * as React from "react";
import { fireEvent, render, screen, waitFor } from "@testing-library/react";
import { webLightTheme } from "@fluentui/react-components";
import { App } from "../../src/taskpane/components/App";
import { vi } from "../../src/taskpane/messages/vi";
import { FileHost } from "../../src/xlsx/fileHost";
import { seedGrid, SEED_FIRST_ROW } from "../fixtures/seed";
import { installResizeObserver, fileOf } from "./jsdomShims";
import { MemoryHost } from "./memoryHost";

beforeAll(installResizeObserver);

const FIXTURES = path.join(__dirname, "../xlsx/sheets");

async function inExcel(host: MemoryHost): Promise<void> {
  render(<App mode={{ kind: "excel", host }} theme={webLightTheme} />);
  await screen.findByTestId("recognised");
}

async function outside(file: string): Promise<void> {
  render(<App mode={{ kind: "outside", openFile: (d, n) => FileHost.open(d, n) }} theme={webLightTheme} />);
  fireEvent.change(screen.getByTestId("file-input"), { target: { files: [fileOf(file, new Uint8Array(fs.readFileSync(path.join(FIXTURES, file))))] } });
  await screen.findByTestId("recognised", {}, { timeout: 20_000 });
}

const fillButton = () => screen.getByRole("button", { name: vi.fill });

describe("hidden sheets in the pane", () => {
  test("inside Excel: a hidden “PL 2023” is named as hidden; “Kiểm tra trang này” checks it, as chosen", async () => {
    const host = new MemoryHost([
      { name: "PL 2023", grid: seedGrid(), hidden: true },
      { name: "PL 2024", grid: seedGrid() },
    ]);
    await inExcel(host);
    expect(screen.getByTestId("recognised").textContent).toBe(vi.recognised("PL 2024", 178, 178));
    const bar = screen.getByTestId("appendix-other");
    expect(bar.getAttribute("data-hidden")).toBe("true");
    expect(bar.textContent).toContain(vi.hiddenAppendix("PL 2023", 178));
    fireEvent.click(screen.getByRole("button", { name: vi.useThisSheet }));
    await waitFor(() => expect(screen.getByTestId("recognised").textContent).toBe(vi.recognised("PL 2023", 178, 178)));
    expect(host.choice).toEqual({ sheet: "PL 2023" });
    expect(screen.getByTestId("appendix-hidden").textContent).toContain(vi.checkedHiddenChosen("PL 2023"));
    expect((fillButton() as HTMLButtonElement).disabled).toBe(false);
  });

  test("outside Excel: the only appendix on a hidden sheet is checked, the fill refused until the user chooses it", async () => {
    await outside("openpyxl-chi-trang-an.xlsx");
    expect(screen.getByTestId("appendix-hidden").textContent).toContain(vi.checkedHiddenFallback("PL"));
    expect((fillButton() as HTMLButtonElement).disabled).toBe(true);
    expect(screen.getByTestId("fill-blocked").textContent).toBe(vi.fillBlockedHidden("PL"));
    fireEvent.click(screen.getByRole("button", { name: vi.useThisSheet }));
    await waitFor(() => expect(screen.getByTestId("appendix-hidden").textContent).toContain(vi.checkedHiddenChosen("PL")));
    expect((fillButton() as HTMLButtonElement).disabled).toBe(false);
    expect(screen.queryByTestId("fill-blocked")).toBeNull();
  }, 40_000);
});

describe("the value column picker", () => {
  test("outside Excel: “Năm 2023 | Năm 2024” shows the checked column selected, the other offered", async () => {
    await outside("openpyxl-nam-2023-2024.xlsx");
    const picker = screen.getByTestId("value-column") as HTMLSelectElement;
    expect(picker.value).toBe("4");
    expect([...picker.options].map((o) => o.textContent)).toEqual([vi.valueColumnOption("D", "Năm 2023"), vi.valueColumnOption("E", "Năm 2024")]);
  }, 40_000);

  test("outside Excel: “Số liệu | Số liệu” asks for a column and fills nothing until one is chosen", async () => {
    await outside("openpyxl-so-lieu-so-lieu.xlsx");
    const picker = screen.getByTestId("value-column") as HTMLSelectElement;
    expect(picker.value).toBe("");
    expect(screen.getByText(vi.valueColumnAmbiguous)).toBeTruthy();
    expect((fillButton() as HTMLButtonElement).disabled).toBe(true);
    expect(screen.getByTestId("fill-blocked").textContent).toBe(vi.fillBlockedColumn);
    fireEvent.change(picker, { target: { value: "4" } });
    await waitFor(() => expect((screen.getByTestId("value-column") as HTMLSelectElement).value).toBe("4"));
    expect((fillButton() as HTMLButtonElement).disabled).toBe(false);
    expect(screen.queryByText(vi.valueColumnAmbiguous)).toBeNull();
  }, 40_000);

  test("inside Excel: the choice goes to the host and holds for its checks", async () => {
    const g = seedGrid();
    const widen = <T,>(rows: readonly (readonly T[])[]) => rows.map((r) => [...r.slice(0, 4), r[3] as T, ...r.slice(4)]);
    const host = new MemoryHost([{ name: "Phụ lục", grid: { origin: g.origin, values: widen(g.values) } }]);
    await inExcel(host);
    fireEvent.change(screen.getByTestId("value-column"), { target: { value: "4" } });
    await waitFor(() => expect(host.choice).toEqual({ valueColumn: 4 }));
    await waitFor(() => expect((screen.getByTestId("value-column") as HTMLSelectElement).value).toBe("4"));
  });
  test("inside Excel: a split whose second sheet alone has two columns nothing tells apart gets the picker, named by its sheet", async () => {
    const g = seedGrid();
    const at = (stt: string) => g.values.findIndex((r) => r[0] === stt);
    const part = (from: number, to: number) => g.values.map((r, i) => (i < SEED_FIRST_ROW || (i >= from && i < to) ? r : r.map(() => null)));
    // Sections I–III with a second "Số liệu" column (a copy of the values), IV–VII as printed.
    const first = part(at("I"), at("IV")).map((r, i) => [...r.slice(0, 4), i === SEED_FIRST_ROW - 1 ? "Số liệu" : (r[3] ?? null), ...r.slice(4)]);
    const host = new MemoryHost([
      { name: "PL I-III", grid: { origin: g.origin, values: first } },
      { name: "PL IV-VII", grid: { origin: g.origin, values: part(at("IV"), g.values.length) } },
    ]);
    await inExcel(host);
    const picker = screen.getByTestId("value-column") as HTMLSelectElement;
    expect(picker.value).toBe("");
    expect(screen.getByText(vi.valueColumnLabelOn("PL I-III"))).toBeTruthy();
    expect((fillButton() as HTMLButtonElement).disabled).toBe(true);
    fireEvent.change(picker, { target: { value: "3" } });
    await waitFor(() => expect(host.choice).toEqual({ valueColumn: 3 }));
    await waitFor(() => expect((fillButton() as HTMLButtonElement).disabled).toBe(false));
  });
});
