/** @jest-environment jsdom */
/**
 * "Mẫu phụ lục" in the pane: the form in use, loading a form file (kept in the workbook inside Excel when it fits the
 * settings' size limit; for the session outside Excel), and a refused file changing nothing.
 */
import * as fs from "fs";
import * as path from "path";
import * as React from "react";
import { fireEvent, render, screen, waitFor } from "@testing-library/react";
import { webLightTheme } from "@fluentui/react-components";
import { formDocument, formJson, soNganh, soNganhFacts } from "../../src/core";
import { formOfSettings, SETTINGS_MAX_BYTES, settingsWithForm } from "../../src/app/formInUse";
import { App } from "../../src/taskpane/components/App";
import { MemoryHost } from "./memoryHost";
import { fileOf, installResizeObserver, installTextCoding } from "./jsdomShims";
import { badForms } from "../fixtures/badForms";

beforeAll(() => {
  installResizeObserver();
  installTextCoding();
});

const TEST_FORM = fs.readFileSync(path.join(__dirname, "../fixtures/forms/thu-nghiem-xa.xlsx"));

async function renderPane(host: MemoryHost) {
  render(<App mode={{ kind: "excel", host }} theme={webLightTheme} />);
  await screen.findByTestId("summary");
}

function load(name: string, bytes: Uint8Array) {
  fireEvent.change(screen.getByTestId("form-file"), { target: { files: [fileOf(name, bytes)] } });
}

describe("pane: Mẫu phụ lục", () => {
  it("names the built-in form until another is loaded; a loaded form is checked against and saved in the workbook", async () => {
    const host = MemoryHost.seed();
    await renderPane(host);
    expect(screen.getByTestId("form-in-use").textContent).toBe(
      "Thống kê số liệu báo cáo cải cách hành chính của sở, ngành (Sóc Trăng, sở, ngành; phiên bản 2022) — mẫu có sẵn",
    );
    load("thu-nghiem-xa.xlsx", new Uint8Array(TEST_FORM));
    await waitFor(() => expect(screen.getByTestId("form-in-use").textContent).toContain("(mẫu thử nghiệm)"), { timeout: 10000 });
    expect(screen.getByTestId("form-in-use").textContent).toContain("— tệp “thu-nghiem-xa.xlsx”");
    expect(screen.getByTestId("form-note").textContent).toBe("Mẫu được lưu trong sổ làm việc này, đi cùng báo cáo.");
    // The seed is no appendix of the test form: the check says so now.
    await waitFor(() => expect(screen.queryByTestId("summary")).toBeNull(), { timeout: 10000 });
    // Saved with the workbook, and read back as the same form.
    expect(host.settings.form?.facts.id).toBe("thu-nghiem-xa-2025");
    expect(formOfSettings(host.settings)?.template.indicators).toHaveLength(14);

    // Back to the built-in form: the form leaves the settings, the seed is found again.
    fireEvent.click(screen.getByText("Dùng mẫu có sẵn"));
    await screen.findByTestId("summary", {}, { timeout: 10000 });
    expect(host.settings.form).toBeUndefined();
  });

  it("says when the form may not fit the report checked: a period before it applies, another province; nothing with the built-in form", async () => {
    const host = MemoryHost.seed();
    await renderPane(host);
    expect(screen.queryByTestId("form-currency")).toBeNull();
    const doc = formDocument({ ...soNganhFacts, id: "so-nganh-can-tho-2025", province: "Cần Thơ", version: "2025", validFrom: "2025-07-01" }, soNganh);
    load("can-tho.json", new TextEncoder().encode(formJson(doc)));
    const bar = await screen.findByTestId("form-currency", {}, { timeout: 10000 });
    expect(bar.textContent).toBe(
      "Lưu ý về mẫu. " +
        "Kỳ báo cáo kết thúc ngày 14/12/2023, trước ngày mẫu “so-nganh-can-tho-2025” bắt đầu áp dụng (01/07/2025); hãy kiểm tra có dùng đúng mẫu của kỳ đó không. " +
        "Tiêu đề ghi tỉnh, thành phố “Sóc Trăng”, còn mẫu đang dùng là mẫu của Cần Thơ; hãy kiểm tra có dùng đúng mẫu của tỉnh, thành phố mình không.",
    );
    // The appendix is still checked against the loaded form (its 178 rows are the built-in form's).
    expect(screen.getByTestId("summary")).toBeTruthy();
    fireEvent.click(screen.getByText("Dùng mẫu có sẵn"));
    await waitFor(() => expect(screen.queryByTestId("form-currency")).toBeNull(), { timeout: 10000 });
  });

  it.each([
    ["script in a label", "x.json", () => {
      const doc = JSON.parse(formJson(formDocument(soNganhFacts, soNganh)));
      doc.indicators[4].label = "<script>alert(1)</script>";
      return new TextEncoder().encode(JSON.stringify(doc));
    }, "Mục indicators[4].label: nội dung “<script>alert(1)</script>” giống công thức hoặc mã lệnh"],
    ["over 1 MB", "lon.json", () => new TextEncoder().encode(`{"a":"${"x".repeat(1100 * 1024)}"}`), "vượt giới hạn 1,0 MB của một tệp mẫu"],
    ["not a form", "phu-luc.xlsx", () => new Uint8Array(fs.readFileSync(path.join(__dirname, "../../samples/phu-luc-mau-2023.xlsx"))), "Tệp này không phải là mẫu phụ lục"],
  ])("a form file with %s is one sentence, and nothing changes", async (_name, file, bytes, sentence) => {
    const host = MemoryHost.seed();
    await renderPane(host);
    const saves = host.calls.filter((c) => c.op === "saveSettings").length;
    load(file, bytes());
    const refused = await screen.findByTestId("form-refused", {}, { timeout: 10000 });
    expect(refused.textContent).toContain("Không dùng được tệp mẫu");
    expect(refused.textContent).toContain(sentence);
    expect(screen.getByTestId("form-in-use").textContent).toContain("— mẫu có sẵn");
    expect(host.calls.filter((c) => c.op === "saveSettings")).toHaveLength(saves);
    expect(host.settings.form).toBeUndefined();
    expect(screen.getByTestId("summary")).toBeTruthy();
  });

  it("every malformed, huge or hostile form file of the command line's tests is one sentence in the pane too, and nothing changes", async () => {
    const bad = await badForms();
    expect(bad.length).toBeGreaterThanOrEqual(7);
    for (const f of bad) {
      const host = MemoryHost.seed();
      const { unmount } = render(<App mode={{ kind: "excel", host }} theme={webLightTheme} />);
      await screen.findByTestId("summary");
      const saves = host.calls.filter((c) => c.op === "saveSettings").length;
      load(f.name, f.bytes);
      const refused = await screen.findByTestId("form-refused", {}, { timeout: 10000 });
      expect([f.name, refused.textContent]).toEqual([f.name, expect.stringContaining(f.sentence)]);
      expect(screen.getByTestId("form-in-use").textContent).toContain("— mẫu có sẵn");
      expect(host.calls.filter((c) => c.op === "saveSettings")).toHaveLength(saves);
      expect(host.settings.form).toBeUndefined();
      expect(screen.getByTestId("summary")).toBeTruthy();
      unmount();
    }
  }, 60000);

  it("inside Excel a form that would take the settings past their limit is used for the session, and the pane says by how much", async () => {
    const host = MemoryHost.seed();
    // Settings already near their limit (a long unit name stands for whatever the workbook keeps).
    host.settings = { unitName: "x".repeat(SETTINGS_MAX_BYTES - 4096) };
    await renderPane(host);
    load("thu-nghiem-xa.xlsx", new Uint8Array(TEST_FORM));
    const note = await screen.findByTestId("form-note", {}, { timeout: 10000 });
    expect(note.textContent).toMatch(/^Mẫu cần [\d.]+ KB trong phần cài đặt của sổ làm việc, vượt giới hạn 2\.048 KB; mẫu chỉ dùng trong phiên làm việc này\.$/);
    const kb = Number(/cần ([\d.]+) KB/.exec(note.textContent ?? "")![1].replace(/\./g, ""));
    expect(kb).toBeGreaterThan(2048);
    expect(screen.getByTestId("form-in-use").textContent).toContain("(mẫu thử nghiệm)");
    expect(host.settings.form).toBeUndefined();
    expect(host.calls.filter((c) => c.op === "saveSettings")).toHaveLength(0);
  });

  it("outside Excel the form lasts for the session (the file is not changed)", async () => {
    const host = MemoryHost.seed({}, "file");
    render(<App mode={{ kind: "excel", host }} theme={webLightTheme} />);
    await screen.findByTestId("summary");
    load("thu-nghiem-xa.xlsx", new Uint8Array(TEST_FORM));
    await waitFor(() => expect(screen.getByTestId("form-note").textContent).toBe("Mẫu chỉ dùng trong phiên làm việc này; tệp đang mở không bị sửa."), {
      timeout: 10000,
    });
    expect(host.settings.form).toBeUndefined();
  });
});

describe("keeping a form in the workbook's settings", () => {
  it("fits when the settings stay within the limit; says by how much otherwise", () => {
    const doc = formDocument(soNganhFacts, soNganh);
    const small = settingsWithForm({ unitName: "Sở A" }, doc);
    expect(small.fits).toBe(true);
    const big = settingsWithForm({ unitName: "x".repeat(SETTINGS_MAX_BYTES) }, doc);
    expect(big).toMatchObject({ fits: false, limit: SETTINGS_MAX_BYTES });
    expect(!big.fits && big.bytes).toBeGreaterThan(SETTINGS_MAX_BYTES);
  });

  it("a damaged form in the settings is ignored (checked again like any form file)", () => {
    expect(formOfSettings({ form: { format: "cchc-form" } as never })).toBeNull();
  });
});
