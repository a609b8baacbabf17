/** @jest-environment jsdom */
/**
 * The pane outside Excel with the bad-file corpus (real bytes, test/badfiles/makeBadFiles.ts): each refusal gets
 * its own sentence and advice in the user's language; a bug behind "could not read" still reaches the console.
 */
import * as fs from "fs";
import * as React from "react";
import { fireEvent, render, screen } from "@testing-library/react";
import { webLightTheme } from "@fluentui/react-components";
import { App } from "../../src/taskpane/components/App";
import { HostError, type HostErrorCode } from "../../src/app/hostErrors";
import { type Lang, unreadableText } from "../../src/core";
import { FileHost } from "../../src/xlsx/fileHost";
import { MAX_CELLS, MAX_EXPANDED_BYTES, MAX_FILE_BYTES } from "../../src/xlsx/limits";
import { makeBadFiles, type BadFile } from "../badfiles/makeBadFiles";
import { installResizeObserver, fileOf } from "./jsdomShims";
import { tempDir } from "../fixtures/tempDir";

beforeAll(installResizeObserver);

let dir: string;
let bad: Map<string, BadFile>;
beforeAll(async () => {
  dir = tempDir("cchc-pane-bad-");
  bad = new Map((await makeBadFiles(dir)).map((f) => [f.name, f]));
}, 60_000);
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

/** Opens one file of the corpus through the pane's file input; returns the error bar's text. */
async function refusal(name: string, lang: Lang): Promise<string> {
  const f = bad.get(name);
  if (!f) throw new Error(`${name} is not in the bad-file corpus`);
  render(<App mode={{ kind: "outside", openFile: (d, n) => FileHost.open(d, n) }} lang={lang} theme={webLightTheme} />);
  fireEvent.change(screen.getByTestId("file-input"), { target: { files: [fileOf(name, new Uint8Array(fs.readFileSync(f.file)))] } });
  // The cell bomb is refused by the streaming reader after it has scanned a million cells: seconds under load.
  return (await screen.findByTestId("error", {}, { timeout: 45_000 })).textContent ?? "";
}

const LARGE_VI = "Tệp lớn hơn 30 MB, quá lớn để kiểm tra; hãy chép riêng trang tính phụ lục sang một tệp mới.";
const LARGE_EN = "The file is larger than 30 MB, too large to check; copy the appendix sheet into a new file.";
const MUCH_VI = "Tệp chứa quá nhiều dữ liệu khi giải nén (hơn 300 MB hoặc 1.000.000 ô) nên không được mở; hãy chép riêng trang tính phụ lục sang một tệp mới.";
const MUCH_EN = "The file holds too much data once expanded (over 300 MB or 1,000,000 cells), so it was not opened; copy the appendix sheet into a new file.";

describe("a file the reader refuses gets its own advice", () => {
  it.each([
    ["co-mat-khau.xlsx", "vi", "Tệp được đặt mật khẩu; hãy mở trong Excel, bỏ mật khẩu (Tệp > Thông tin > Bảo vệ sổ làm việc) rồi lưu lại."],
    ["co-mat-khau.xlsx", "en", unreadableText({ reason: "encrypted" }, "en")],
    ["cu.xls", "vi", "Tệp có định dạng Excel cũ (.xls); hãy mở trong Excel và lưu lại thành .xlsx."],
    ["cu.xls", "en", unreadableText({ reason: "old_xls" }, "en")],
    ["bang-tinh.ods", "vi", "Tệp là bảng tính OpenDocument (.ods); hãy mở và lưu lại thành .xlsx."],
    ["bang-tinh.ods", "en", unreadableText({ reason: "ods" }, "en")],
    ["qua-lon.xlsx", "vi", LARGE_VI],
    ["qua-lon.xlsx", "en", LARGE_EN],
    ["bom-nen.xlsx", "vi", MUCH_VI],
    ["qua-nhieu-o.xlsx", "en", MUCH_EN],
    ["rong.xlsx", "vi", "Tệp rỗng, không có dữ liệu nào."],
    ["cat-cut.xlsx", "vi", "Tệp bị hỏng hoặc không phải tệp .xlsx hợp lệ."],
    ["van-ban.xlsx", "en", "The file is not an Excel .xlsx file."],
  ] as const)("%s (%s)", async (name, lang, sentence) => {
    const error = jest.spyOn(console, "error").mockImplementation(() => undefined);
    try {
      const text = await refusal(name, lang);
      expect(text).toContain(sentence);
      expect(text).not.toMatch(/workbook not readable|Error|undefined/);
      // A refusal of the file is no bug: nothing for the console.
      expect(error).not.toHaveBeenCalled();
    } finally {
      error.mockRestore();
    }
  }, 60_000);

  it("names the limits from src/xlsx/limits.ts, not from the message text", () => {
    const limits = { fileBytes: MAX_FILE_BYTES * 2, expandedBytes: MAX_EXPANDED_BYTES / 3, cells: MAX_CELLS + 234_567 };
    expect(unreadableText({ reason: "too_large", limits }, "vi")).toContain("lớn hơn 60 MB");
    expect(unreadableText({ reason: "too_much_data", limits }, "vi")).toContain("(hơn 100 MB hoặc 1.234.567 ô)");
    expect(unreadableText({ reason: "too_much_data", limits }, "en")).toContain("(over 100 MB or 1,234,567 cells)");
  });

  it("carries the limits on the refusal itself", async () => {
    const f = bad.get("qua-lon.xlsx")!;
    const refused = await FileHost.open(fs.readFileSync(f.file), f.name).then(
      () => null,
      (e: unknown) => e,
    );
    expect(refused).toBeInstanceOf(HostError);
    expect((refused as HostError).code).toBe<HostErrorCode>("too_large");
    expect((refused as HostError).limits).toEqual({ fileBytes: MAX_FILE_BYTES, expandedBytes: MAX_EXPANDED_BYTES, cells: MAX_CELLS });
  });
});

describe("an unexpected failure while opening", () => {
  it("still reads as 'could not read the file', but the original error goes to console.error first", async () => {
    const bug = new TypeError("Cannot read properties of undefined (reading 'worksheets')");
    const error = jest.spyOn(console, "error").mockImplementation(() => undefined);
    try {
      render(<App mode={{ kind: "outside", openFile: () => Promise.reject(bug) }} theme={webLightTheme} />);
      fireEvent.change(screen.getByTestId("file-input"), { target: { files: [fileOf("bao-cao.xlsx", new Uint8Array([0x50, 0x4b]))] } });
      const text = (await screen.findByTestId("error")).textContent ?? "";
      expect(text).toContain(unreadableText({ reason: "damaged" }, "vi"));
      expect(text).not.toContain("Cannot read properties");
      expect(error).toHaveBeenCalledWith(expect.any(String), bug);
    } finally {
      error.mockRestore();
    }
  });

  it("logs the bytes that never arrived as a warning, with the browser's error", async () => {
    const lost = new DOMException("The requested file could not be read", "NotReadableError");
    const warn = jest.spyOn(console, "warn").mockImplementation(() => undefined);
    try {
      const file = new File([new Uint8Array([1])], "bao-cao.xlsx");
      Object.defineProperty(file, "arrayBuffer", { value: () => Promise.reject(lost) });
      render(<App mode={{ kind: "outside", openFile: (d, n) => FileHost.open(d, n) }} theme={webLightTheme} />);
      fireEvent.change(screen.getByTestId("file-input"), { target: { files: [file] } });
      expect((await screen.findByTestId("error")).textContent).toContain(unreadableText({ reason: "damaged" }, "vi"));
      expect(warn).toHaveBeenCalledWith(expect.any(String), lost);
    } finally {
      warn.mockRestore();
    }
  });
});
