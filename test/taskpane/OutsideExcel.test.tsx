/** @jest-environment jsdom */
import * as fs from "fs";
import * as path from "path";
import * as React from "react";
import { act, fireEvent, render, screen, waitFor, within } from "@testing-library/react";
import { webLightTheme } from "@fluentui/react-components";
import { type PreviewRow, unreadableText } from "../../src/core";
import { App } from "../../src/taskpane/components/App";
import { AppendixPreview } from "../../src/taskpane/components/AppendixPreview";
import { LangProvider } from "../../src/taskpane/i18n";
import { vi } from "../../src/taskpane/messages/vi";
import { FileHost } from "../../src/xlsx/fileHost";
import { CopyRefusedError } from "../../src/app/hostErrors";
import { refusalText } from "../../src/xlsx/package/messages";
import { installResizeObserver, fileOf } from "./jsdomShims";

const SAMPLE = path.resolve(__dirname, "../../samples/phu-luc-mau-2023.xlsx");

beforeAll(installResizeObserver);

describe("outside Excel", () => {
  it("opens an .xlsx through the file input, checks it, previews the appendix and points at a finding's row", async () => {
    const bytes = new Uint8Array(fs.readFileSync(SAMPLE));
    const opened: string[] = [];
    const openFile = async (data: ArrayBuffer, name: string) => {
      opened.push(name);
      return FileHost.open(data, name);
    };
    render(<App mode={{ kind: "outside", openFile }} theme={webLightTheme} />);
    fireEvent.change(screen.getByTestId("file-input"), { target: { files: [fileOf("phu-luc-mau-2023.xlsx", bytes)] } });
    await screen.findByTestId("summary", {}, { timeout: 10_000 });
    expect(opened).toEqual(["phu-luc-mau-2023.xlsx"]);
    const table = screen.getByTestId("appendix-preview");
    // The sample's 11 warnings (README), each on its own row of the 185 (7 sections, 178 indicators).
    expect(screen.getByTestId("summary").textContent).toBe("0 lỗi, 11 cảnh báo");
    expect(table.querySelectorAll("tbody tr")).toHaveLength(185);
    const marked = [...table.querySelectorAll("tr[data-severity]")].map((r) => [r.getAttribute("data-row"), r.getAttribute("data-severity")]);
    expect(marked).toEqual(["12", "22", "25", "36", "46", "47", "53", "127", "149", "178", "193"].map((row) => [row, "warning"]));

    const card = document.querySelector<HTMLElement>('[data-finding="number_stored_as_text"]')!;
    const cell = card.getAttribute("data-cell")!;
    fireEvent.click(within(card).getByRole("button", { name: vi.goToCell(cell) }));
    const row = Number(/\d+/.exec(cell)![0]);
    await waitFor(() => expect(table.querySelector(`tr[data-row="${row}"]`)?.getAttribute("aria-current")).toBe("true"));
    expect(table.querySelector(`tr[data-row="${row}"]`)?.getAttribute("data-severity")).toBe("warning");
  });

  it("shows the file chosen last when one chosen before it is ready later (a large file dropped first)", async () => {
    const bytes = new Uint8Array(fs.readFileSync(SAMPLE));
    let finishFirst!: () => void;
    const firstReady = new Promise<void>((r) => (finishFirst = r));
    const openFile = async (data: ArrayBuffer, name: string) => {
      if (name === "lon.xlsx") await firstReady;
      return FileHost.open(data, name);
    };
    render(<App mode={{ kind: "outside", openFile }} theme={webLightTheme} />);
    fireEvent.change(screen.getByTestId("file-input"), { target: { files: [fileOf("lon.xlsx", bytes)] } });
    fireEvent.change(screen.getByTestId("file-input"), { target: { files: [fileOf("sau.xlsx", bytes)] } });
    await screen.findByTestId("summary", {}, { timeout: 10_000 });
    expect(screen.getByTestId("file-name").textContent).toBe(vi.openedFile("sau.xlsx"));
    await act(async () => finishFirst());
    await act(async () => new Promise((r) => setTimeout(r, 200)));
    expect(screen.getByTestId("file-name").textContent).toBe(vi.openedFile("sau.xlsx"));
    expect(screen.getByRole("button", { name: vi.openOtherFile })).not.toHaveProperty("disabled", true);
  });

  it("refuses a file that is not .xlsx by its name, in Vietnamese", async () => {
    const openFile = jest.fn();
    render(<App mode={{ kind: "outside", openFile }} theme={webLightTheme} />);
    fireEvent.change(screen.getByTestId("file-input"), { target: { files: [fileOf("bao-cao.pdf", new Uint8Array([1, 2]))] } });
    expect((await screen.findByTestId("error")).textContent).toContain(vi.notXlsx("bao-cao.pdf"));
    expect(openFile).not.toHaveBeenCalled();
  });

  it("says the file could not be read when the workbook is damaged", async () => {
    render(<App mode={{ kind: "outside", openFile: (d, n) => FileHost.open(d, n) }} theme={webLightTheme} />);
    fireEvent.change(screen.getByTestId("file-input"), {
      target: { files: [fileOf("hong.xlsx", new Uint8Array([0x50, 0x4b, 3, 4, 9, 9]))] },
    });
    const bar = await screen.findByTestId("error");
    expect(bar.textContent).toContain(unreadableText({ reason: "damaged" }, "vi"));
    expect(bar.textContent).not.toMatch(/workbook not readable|Error/);
  });
});

describe("the filled copy", () => {
  it("shows the writer's sentence and offers no copy when the writer refuses", async () => {
    const bytes = new Uint8Array(fs.readFileSync(SAMPLE));
    const refusal = { reason: "shared_formula", cell: "D12", range: "D12:D20" } as const;
    const openFile = async (data: ArrayBuffer, name: string) => {
      const host = await FileHost.open(data, name);
      host.download = async () => {
        throw new CopyRefusedError({ vi: refusalText(refusal, "vi"), en: refusalText(refusal, "en") });
      };
      return host;
    };
    const log = jest.spyOn(console, "error").mockImplementation(() => undefined);
    render(<App mode={{ kind: "outside", openFile }} theme={webLightTheme} />);
    fireEvent.change(screen.getByTestId("file-input"), { target: { files: [fileOf("phu-luc-mau-2023.xlsx", bytes)] } });
    await screen.findByTestId("summary", {}, { timeout: 10_000 });
    // The sample has a rate left to fill: the filled copy is made after the fill's preview.
    fireEvent.click(screen.getByRole("button", { name: vi.download }));
    fireEvent.click(within(await screen.findByTestId("fill-preview")).getByRole("button", { name: vi.applyFillDownload(1) }));
    const bar = await screen.findByTestId("error", {}, { timeout: 10_000 });
    expect(bar.textContent).toContain(vi.errors.copyRefused(refusalText(refusal, "vi")));
    expect(screen.queryByText(vi.downloadReady("phu-luc-mau-2023-da-dien.xlsx"))).toBeNull();
    // A refusal on purpose is no bug: nothing is logged as one.
    expect(log).not.toHaveBeenCalled();
    log.mockRestore();
  });
});

describe("appendix preview", () => {
  it("renders markup typed in a label or note as text, never as HTML", () => {
    const rows: PreviewRow[] = [
      { row: 11, id: "I.1", section: false, stt: "1", label: "<b>Tỷ lệ</b><script>window.__x=1</script>", unit: "%", value: "", numeric: false, note: '<img src=x onerror="window.__x=1">', valueCell: { row: 11, col: 3 } },
    ];
    render(
      <LangProvider>
        <AppendixPreview sheet="Phụ lục" rows={rows} findings={[]} />
      </LangProvider>,
    );
    const table = screen.getByTestId("appendix-preview");
    expect(table.querySelector("b, script, img")).toBeNull();
    expect(table.textContent).toContain("<b>Tỷ lệ</b><script>window.__x=1</script>");
    expect(table.textContent).toContain('<img src=x onerror="window.__x=1">');
    expect((window as unknown as { __x?: number }).__x).toBeUndefined();
  });
});
