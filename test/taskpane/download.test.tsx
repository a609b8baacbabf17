/** @jest-environment jsdom */
/**
 * Outside Excel, the download delivers what its name says: with cells left to fill, "Tải bản đã điền" first shows
 * the fill's preview and the copy is the filled one; with nothing filled and nothing to fill, the button and the file
 * name say the copy is the file unchanged, never "đã điền".
 */
import * as fs from "fs";
import * as path from "path";
import * as React from "react";
import ExcelJS from "exceljs";
import { fireEvent, render, screen, waitFor, within } from "@testing-library/react";
import { webLightTheme } from "@fluentui/react-components";
import { toA1 } from "../../src/core";
import { App } from "../../src/taskpane/components/App";
import { en } from "../../src/taskpane/messages/en";
import { vi } from "../../src/taskpane/messages/vi";
import { FileHost } from "../../src/xlsx/fileHost";
import { installResizeObserver, fileOf } from "./jsdomShims";

const SAMPLE = path.resolve(__dirname, "../../samples/phu-luc-mau-2023.xlsx");

beforeAll(installResizeObserver);

function blobBytes(blob: Blob): Promise<Uint8Array> {
  return new Promise((resolve, reject) => {
    const reader = new FileReader();
    reader.onload = () => resolve(new Uint8Array(reader.result as ArrayBuffer));
    reader.onerror = () => reject(reader.error);
    reader.readAsArrayBuffer(blob);
  });
}

/** Catches what the pane hands to the browser to save: each file's name and bytes. */
function catchDownloads() {
  const blobs: Blob[] = [];
  const names: string[] = [];
  Object.assign(URL, { createObjectURL: jest.fn((b: Blob) => (blobs.push(b), `blob:copy-${blobs.length}`)), revokeObjectURL: jest.fn() });
  const click = jest.spyOn(HTMLAnchorElement.prototype, "click").mockImplementation(function (this: HTMLAnchorElement) {
    names.push(this.download);
  });
  return { names, bytes: (i: number) => blobBytes(blobs[i]), restore: () => click.mockRestore() };
}

async function openInPane(name: string, bytes: Uint8Array) {
  render(<App mode={{ kind: "outside", openFile: (d, n) => FileHost.open(d, n) }} theme={webLightTheme} />);
  fireEvent.change(screen.getByTestId("file-input"), { target: { files: [fileOf(name, bytes)] } });
  await screen.findByTestId("summary", {}, { timeout: 10_000 });
}

describe("the download outside Excel", () => {
  it("with cells left to fill, shows the fill's preview first (Escape closes it), then downloads the filled copy", async () => {
    const sample = new Uint8Array(fs.readFileSync(SAMPLE));
    const state = await (await FileHost.open(sample, "phu-luc-mau-2023.xlsx")).check();
    if (!state.found) throw new Error("no appendix in the sample");
    const rate = state.patches.find((p) => p.indicator === "I.1")!;
    expect(state.patches).toHaveLength(1);

    const downloads = catchDownloads();
    await openInPane("phu-luc-mau-2023.xlsx", sample);
    const button = screen.getByTestId("download");
    expect(button.textContent).toBe(vi.download);
    expect(button.getAttribute("data-copy")).toBe("filled");

    // The same preview as "Điền", saying what the copy will hold; nothing is downloaded yet.
    fireEvent.click(button);
    const preview = await screen.findByTestId("fill-preview");
    expect(button.getAttribute("aria-expanded")).toBe("true");
    expect(preview.textContent).toContain(vi.fillBeforeDownload);
    expect(preview.querySelector(`[data-patch="${toA1(rate.cell)}"]`)).not.toBeNull();
    expect(downloads.names).toEqual([]);
    fireEvent.keyDown(preview, { key: "Escape" });
    await waitFor(() => expect(screen.queryByTestId("fill-preview")).toBeNull());
    await waitFor(() => expect(document.activeElement).toBe(screen.getByTestId("download")));
    expect(downloads.names).toEqual([]);

    fireEvent.click(screen.getByTestId("download"));
    const again = await screen.findByTestId("fill-preview");
    fireEvent.click(within(again).getByRole("button", { name: vi.applyFillDownload(1) }));
    const notice = await screen.findByTestId("notice", {}, { timeout: 10_000 });
    expect(notice.textContent).toContain(`${vi.filled(1)} ${vi.downloadReady("phu-luc-mau-2023-da-dien.xlsx")}`);
    expect(downloads.names).toEqual(["phu-luc-mau-2023-da-dien.xlsx"]);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load((await downloads.bytes(0)).buffer as ArrayBuffer);
    const cell = wb.getWorksheet(state.sheet)!.getCell(toA1(rate.cell));
    expect(`=${cell.formula}`).toBe(rate.formula);
    expect(cell.result).toBe(87.23);

    // Filled: nothing is left to fill, the button downloads the filled copy at once.
    expect(screen.getByTestId("download").textContent).toBe(vi.download);
    fireEvent.click(screen.getByTestId("download"));
    await waitFor(() => expect(downloads.names).toHaveLength(2));
    expect(screen.queryByTestId("fill-preview")).toBeNull();
    expect(downloads.names[1]).toBe("phu-luc-mau-2023-da-dien.xlsx");
    downloads.restore();
  });

  it("with nothing filled and nothing to fill, names and labels the copy as the file unchanged", async () => {
    // The sample once filled (by the file host, as the pane does) has nothing left to fill.
    const host = await FileHost.open(new Uint8Array(fs.readFileSync(SAMPLE)), "phu-luc-mau-2023.xlsx");
    const state = await host.check();
    if (!state.found) throw new Error("no appendix in the sample");
    await host.applyPatches(state.sheet, state.patches);
    const filled = (await host.download()).bytes;

    const downloads = catchDownloads();
    await openInPane("bao-cao.xlsx", filled);
    const button = screen.getByTestId("download");
    expect(button.textContent).toBe(vi.downloadUnchanged);
    expect(button.getAttribute("data-copy")).toBe("unchanged");
    expect(button.getAttribute("aria-expanded")).toBeNull();
    fireEvent.click(button);
    await screen.findByText(vi.downloadReadyUnchanged("bao-cao-ban-goc.xlsx"));
    expect(screen.queryByTestId("fill-preview")).toBeNull();
    expect(downloads.names).toEqual(["bao-cao-ban-goc.xlsx"]);
    expect(Buffer.compare(Buffer.from(await downloads.bytes(0)), Buffer.from(filled))).toBe(0);
    expect(downloads.names.join()).not.toContain("da-dien");

    // In English too.
    fireEvent.click(screen.getByRole("button", { name: vi.switchLanguage }));
    await waitFor(() => expect(screen.getByTestId("download").textContent).toBe(en.downloadUnchanged));
    downloads.restore();
  });
});
