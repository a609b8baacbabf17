/** @jest-environment jsdom */
import {
  appendixFailureText, cellA1, type CellValue, countBySeverity, type Finding, formatFinding, formatNumber, gridFromCells, readiness, readinessText, soNganh, templates, toA1,
} from "../../src/core";
import { at } from "../fixtures/a1";
import * as React from "react";
import { act, fireEvent, render, screen, waitFor, within } from "@testing-library/react";
import { webLightTheme } from "@fluentui/react-components";
import { ExcelHostError } from "../../src/excel/errors";
import { workbookErrorMessage } from "../../src/app/hostErrorMessages";
import { App } from "../../src/taskpane/components/App";
import { HostError } from "../../src/app/hostErrors";
import { en } from "../../src/taskpane/messages/en";
import { vi } from "../../src/taskpane/messages/vi";
import { ackKey } from "../../src/app/acknowledgements";
import { MemoryHost } from "./memoryHost";
import { formatCellState } from "../../src/taskpane/format";
import { installResizeObserver } from "./jsdomShims";

const SHEET = "Phụ lục";

// jsdom has no ResizeObserver; Fluent's MessageBar and Textarea observe their size for reflow only.
beforeAll(installResizeObserver);

async function renderPane(host: MemoryHost) {
  const view = render(<App mode={{ kind: "excel", host }} theme={webLightTheme} />);
  await screen.findByTestId("summary");
  openAllSections();
  return view;
}

/** Sections start collapsed but the first with findings: the tests below look at every card. */
function openAllSections() {
  for (const header of document.querySelectorAll<HTMLElement>('[data-section] h3 button[aria-expanded="false"]')) fireEvent.click(header);
}

/**
 * The seed appendix alone gives 0 errors and these 11 warnings (test/core/golden.seed.test.ts); the tests below
 * change a few cells and pin what the pane must then show.
 */
const SEED_WARNINGS = 11;

/** The engine's findings for the host's sheet: the objects a test needs for their sentences or keys. */
async function checked(host: MemoryHost) {
  const state = await host.check();
  if (!state.found) throw new Error("appendix not found");
  return state;
}

function cardOf(cell: string, code?: string): HTMLElement {
  const cards = document.querySelectorAll<HTMLElement>(`[data-cell="${cell}"]${code ? `[data-finding="${code}"]` : ""}`);
  if (cards.length !== 1) throw new Error(`expected one finding card on ${cell}${code ? ` (${code})` : ""}, found ${cards.length}`);
  return cards[0];
}

describe("pane: check", () => {
  it("shows the summary counts of the check in an aria-live region", async () => {
    // Two errors (2.5 is no code of I.3.4's flag, nor a count to read as Có; "abc" is no number), and the seed's warnings but I.3.4's blank flag.
    const host = MemoryHost.seed({ D22: 2.5, D41: "abc" });
    await renderPane(host);
    const summary = screen.getByTestId("summary");
    expect(summary.textContent).toBe("2 lỗi, 10 cảnh báo");
    const live = summary.closest("[aria-live]");
    expect(live?.getAttribute("aria-live")).toBe("polite");
    expect(live?.getAttribute("role")).toBe("status");
    expect(screen.getByTestId("recognised").textContent).toContain(`“${SHEET}”`);
    // With errors the verdict says so, never "ready".
    expect(screen.getByTestId("ready").getAttribute("data-ready")).toBe("false");
    expect(screen.getByTestId("ready").textContent).toContain("Còn 2 lỗi");
  });

  it("groups findings by section in the template's order, each card under its own section", async () => {
    const host = MemoryHost.seed({ D22: 2.5, D41: "abc" });
    const state = await checked(host);
    await renderPane(host);
    const template = templates[0];
    const shown = [...document.querySelectorAll("[data-section]")].map((e) => e.getAttribute("data-section"));
    expect(shown).toEqual(["I", "II", "III", "V", "VI", "VII"]);
    const cards: [string, string, string][] = [
      ["D22", "code_not_allowed", "I"],
      ["D9", "computed_value_missing", "I"],
      ["D19", "number_stored_as_text", "I"],
      ["D33", "count_rate_disagree", "I"],
      ["D41", "text_not_number", "II"],
      ["D43", "number_stored_as_text", "II"],
      ["D44", "number_stored_as_text", "II"],
      ["D50", "flag_blank_with_note", "III"],
      ["D124", "flag_blank", "V"],
      ["E146", "note_missing", "VI"],
      ["E175", "note_missing", "VII"],
      ["E190", "note_missing", "VII"],
    ];
    expect(state.findings.map((f) => [cellA1(f.cell), f.code]).sort()).toEqual(cards.map(([cell, code]) => [cell, code]).sort());
    for (const [cell, code, section] of cards) {
      expect(cardOf(cell, code).closest("[data-section]")?.getAttribute("data-section")).toBe(section);
      const f = state.findings.find((x) => cellA1(x.cell) === cell && x.code === code)!;
      expect(cardOf(cell, code).textContent).toContain(formatFinding(f, "vi", template));
    }
    const sectionII = document.querySelector('[data-section="II"]') as HTMLElement;
    expect(within(sectionII).getByRole("button", { name: /II\. Cải cách thể chế/ })).toBeTruthy();
  });

  it("selects the finding's cell when its button is clicked", async () => {
    const host = MemoryHost.seed({ D41: "abc" });
    await renderPane(host);
    fireEvent.click(within(cardOf("D41")).getByRole("button", { name: vi.goToCell("D41") }));
    await waitFor(() => expect(host.callsOf("select")).toEqual([{ op: "select", sheet: SHEET, cell: "D41" }]));
  });

  it("asks before a fix replaces what the clerk typed (old → new), applies it on the second click, says what changed", async () => {
    const host = MemoryHost.seed();
    await renderPane(host);
    expect(screen.getByTestId("summary").textContent).toBe(vi.summary(0, SEED_WARNINGS));
    const card = cardOf("D43", "number_stored_as_text");
    fireEvent.click(within(card).getByRole("button", { name: vi.applyFixAt("D43") }));
    // "02" typed as text: nothing is written, the card shows old → new and asks.
    const ask = await within(card).findByTestId("confirm-replace");
    expect(host.read(SHEET, "D43").value).toBe("02");
    expect(host.callsOf("applyFix")).toEqual([{ op: "applyFix", sheet: SHEET, fix: { cell: at("D43"), value: 2, cellValue: 2 }, replace: false, written: false }]);
    expect(ask.textContent).toContain(vi.replaceAsk("D43"));
    expect(within(ask).getByTestId("replace-change").textContent).toBe("02 → 2");
    await waitFor(() => expect(document.activeElement).toBe(ask));
    expect(within(card).queryByRole("button", { name: vi.applyFixAt("D43") })).toBeNull();
    fireEvent.click(within(ask).getByRole("button", { name: vi.replaceConfirmAt("D43") }));
    await waitFor(() => expect(host.read(SHEET, "D43").value).toBe(2));
    expect(host.callsOf("applyFix")[1]).toMatchObject({ replace: true, written: true });
    await waitFor(() =>
      expect(screen.getByTestId("summary").textContent).toBe(vi.summary(0, SEED_WARNINGS - 1)),
    );
    expect(document.querySelector('[data-cell="D43"]')).toBeNull();
    // The focus lands on the next finding (D44, the same warning one row down), and the confirmation is said there.
    await waitFor(() => expect(document.activeElement).toBe(cardOf("D44", "number_stored_as_text")), { timeout: 5000 });
    const notice = screen.getByTestId("notice");
    expect(notice.textContent).toContain(vi.fixed("D43", "02", "2"));
    expect(notice.closest("li")?.contains(cardOf("D44", "number_stored_as_text"))).toBe(true);
    expect(screen.getByTestId("announcer").textContent).toBe(vi.fixed("D43", "02", "2"));
  });

  it("a rate typed over its formula: 95 → =ROUND(…) (87,23) in Vietnamese, Cancel and Escape keep the cell and the focus on the card", async () => {
    const host = MemoryHost.seed({ D9: 95 });
    await renderPane(host);
    const card = document.querySelector('[data-finding="rate_mismatch"][data-cell="D9"]') as HTMLElement;
    fireEvent.click(within(card).getByRole("button", { name: vi.applyFixAt("D9") }));
    let ask = await within(card).findByTestId("confirm-replace");
    expect(within(ask).getByTestId("replace-change").textContent).toBe("95 → =ROUND(D11/D10*100;2) (87,23)");
    fireEvent.click(within(ask).getByRole("button", { name: vi.replaceCancelAt("D9") }));
    expect(within(card).queryByTestId("confirm-replace")).toBeNull();
    await waitFor(() => expect(document.activeElement).toBe(card));
    fireEvent.click(within(card).getByRole("button", { name: vi.applyFixAt("D9") }));
    ask = await within(card).findByTestId("confirm-replace");
    fireEvent.keyDown(ask, { key: "Escape" });
    expect(within(card).queryByTestId("confirm-replace")).toBeNull();
    await waitFor(() => expect(document.activeElement).toBe(card));
    expect(host.read(SHEET, "D9")).toEqual({ value: 95, formula: "", numberFormat: host.read(SHEET, "D9").numberFormat });
    expect(host.callsOf("applyFix").every((c) => !c.written)).toBe(true);
  });

  it("a fix into a blank cell is one click, says what it filled, and Hoàn tác puts the cell back as it was", async () => {
    const host = MemoryHost.seed();
    const state = await checked(host);
    const blank = state.findings.find((f) => f.fix && f.fix.formula && (host.read(SHEET, cellA1(f.fix.cell)).value ?? "") === "" && !host.read(SHEET, cellA1(f.fix.cell)).formula);
    expect(blank).toBeDefined();
    const cell = cellA1(blank!.fix!.cell);
    const before = host.read(SHEET, cell);
    await renderPane(host);
    fireEvent.click(within(cardOf(cellA1(blank!.cell), blank!.code)).getByRole("button", { name: vi.applyFixAt(cellA1(blank!.cell)) }));
    const notice = await screen.findByTestId("notice");
    expect(host.read(SHEET, cell).formula).toBe(blank!.fix!.formula);
    expect(notice.textContent).toContain(vi.filledCell(cell, formatNumber(blank!.fix!.value as number, "vi")));
    fireEvent.click(within(notice).getByRole("button", { name: vi.undoAt(cell) }));
    await waitFor(() => expect(host.read(SHEET, cell)).toEqual(before));
    await waitFor(() => expect(screen.getByTestId("notice").textContent).toContain(vi.undone(cell, vi.blank)));
    // The finding is back, and the focus is on it.
    await waitFor(() => expect(document.activeElement).toBe(cardOf(cellA1(blank!.cell), blank!.code)));
  });

  it("Hoàn tác puts a typed value back, and leaves a cell typed over since the fix as it is", async () => {
    const host = MemoryHost.seed({ D9: 95 });
    await renderPane(host);
    const card = () => document.querySelector('[data-finding="rate_mismatch"][data-cell="D9"]') as HTMLElement;
    fireEvent.click(within(card()).getByRole("button", { name: vi.applyFixAt("D9") }));
    fireEvent.click(within(await within(card()).findByTestId("confirm-replace")).getByRole("button", { name: vi.replaceConfirmAt("D9") }));
    let notice = await screen.findByTestId("notice");
    expect(notice.textContent).toContain("Đã sửa ô D9: 95 → 87,23.");
    expect(host.read(SHEET, "D9").formula).toBe("=ROUND(D11/D10*100,2)");
    fireEvent.click(within(notice).getByRole("button", { name: vi.undoAt("D9") }));
    await waitFor(() => expect(screen.getByTestId("notice").textContent).toContain(vi.undone("D9", "95")));
    expect(host.read(SHEET, "D9")).toMatchObject({ value: 95, formula: "" });
    await waitFor(() => expect(document.activeElement).toBe(card()));

    // Fixed again, then the clerk types 80 in D9 before pressing Hoàn tác: the 80 stays, and the pane says so.
    fireEvent.click(within(card()).getByRole("button", { name: vi.applyFixAt("D9") }));
    fireEvent.click(within(await within(card()).findByTestId("confirm-replace")).getByRole("button", { name: vi.replaceConfirmAt("D9") }));
    notice = await screen.findByTestId("notice");
    const undo = within(notice).getByRole("button", { name: vi.undoAt("D9") });
    host.write(SHEET, "D9", 80);
    fireEvent.click(undo);
    await waitFor(() => expect(screen.getByTestId("notice").textContent).toContain(vi.undoRefused("D9", "80")));
    expect(host.read(SHEET, "D9")).toMatchObject({ value: 80, formula: "" });
    expect(host.callsOf("undoFix").map((c) => c.undone)).toEqual([true, false]);
  });

  it("keeps an acknowledged warning in the settings, stops counting it, and drops it when its values change", async () => {
    const host = MemoryHost.seed();
    const target = (await checked(host)).findings.find((f) => cellA1(f.cell) === "D43" && f.code === "number_stored_as_text")!;
    await renderPane(host);

    const card = cardOf("D43", "number_stored_as_text");
    fireEvent.click(within(card).getByRole("button", { name: vi.acknowledgeAt("D43") }));
    // A reason is required.
    fireEvent.click(within(card).getByRole("button", { name: vi.saveAcknowledge }));
    expect(within(card).getByText(vi.reasonRequired)).toBeTruthy();
    expect(host.callsOf("saveSettings")).toHaveLength(0);
    fireEvent.change(within(card).getByRole("textbox", { name: new RegExp(vi.reason) }), {
      target: { value: "Số liệu theo công văn" },
    });
    fireEvent.click(within(card).getByRole("button", { name: vi.saveAcknowledge }));

    await waitFor(() => expect(host.settings.acknowledged?.[ackKey(target)]?.reason).toBe("Số liệu theo công văn"));
    expect(screen.getByTestId("summary").textContent).toBe(vi.summary(0, SEED_WARNINGS - 1));
    expect(screen.getByText(vi.acknowledgedCount(1))).toBeTruthy();
    fireEvent.click(screen.getByRole("button", { name: `${vi.acknowledgedTitle} (1)` }));
    expect(cardOf("D43").textContent).toContain(vi.acknowledgedReason("Số liệu theo công văn"));
    expect(cardOf("D43").closest("[data-section]")?.getAttribute("data-section")).toBe("acknowledged");

    // The user types another value over it: same warning, different values, so the acknowledgement no longer holds.
    await act(async () => host.userEdit(SHEET, "D43", "03"));
    await waitFor(() => expect(host.settings.acknowledged?.[ackKey(target)]).toBeUndefined());
    expect(screen.getByTestId("summary").textContent).toBe(vi.summary(0, SEED_WARNINGS));
    expect(cardOf("D43").closest("[data-section]")?.getAttribute("data-section")).toBe("II");
  });

  it("marks the findings on the sheet only when asked, and clears them", async () => {
    const host = MemoryHost.seed({ D41: "abc" });
    await renderPane(host);
    expect(host.callsOf("highlight")).toHaveLength(0);
    const toggle = screen.getByRole("switch", { name: vi.highlight });
    fireEvent.click(toggle);
    await waitFor(() => expect(host.callsOf("highlight")).toHaveLength(1));
    expect(host.callsOf("highlight")[0].sheet).toBe(SHEET);
    expect(host.callsOf("highlight")[0].cells).toContain("D41");
    // A re-check keeps the marks up to date while the switch is on.
    await act(async () => host.userEdit(SHEET, "D41", 13));
    await waitFor(() => expect(host.callsOf("highlight")).toHaveLength(2));
    expect(host.callsOf("highlight")[1].cells).not.toContain("D41");
    fireEvent.click(toggle);
    await waitFor(() => expect(host.callsOf("clearHighlights")).toEqual([{ op: "clearHighlights", sheet: SHEET }]));
  });

  it("below ExcelApi 1.20 a re-check after the user's edit shows the new findings but marks nothing (Ctrl+Z kept), and says so; 'Check again' marks", async () => {
    const host = MemoryHost.seed({ D41: "abc" });
    host.writesClearUndo = true;
    await renderPane(host);
    fireEvent.click(screen.getByRole("switch", { name: vi.highlight }));
    await waitFor(() => expect(host.callsOf("highlight")).toHaveLength(1));
    await act(async () => host.userEdit(SHEET, "D41", 13));
    await waitFor(() => expect(screen.getByTestId("marks-note").textContent).toBe(vi.marksKeptForUndo));
    expect(host.callsOf("highlight")).toHaveLength(1);
    expect(document.querySelector('[data-cell="D41"]')).toBeNull();
    fireEvent.click(screen.getByRole("button", { name: vi.check }));
    await waitFor(() => expect(host.callsOf("highlight")).toHaveLength(2));
    expect(screen.queryByTestId("marks-note")).toBeNull();
  });

  it("has no highlight switch outside Excel", async () => {
    await renderPane(MemoryHost.seed({}, "file"));
    expect(screen.queryByRole("switch", { name: vi.highlight })).toBeNull();
  });

  it("does not offer to acknowledge an error", async () => {
    const host = MemoryHost.seed({ D41: "abc" });
    await renderPane(host);
    expect(within(cardOf("D41")).queryByRole("button", { name: vi.acknowledgeAt("D41") })).toBeNull();
  });
});

/** The summary the pane must show for the seed with `edits` typed over it (the engine's counts, nothing acknowledged). */
async function summaryOf(edits: Record<string, CellValue>): Promise<string> {
  const counts = countBySeverity((await checked(MemoryHost.seed(edits))).findings);
  return vi.summary(counts.error, counts.warning);
}

/**
 * A slow workbook (inside Excel, a round trip can take seconds): the check answering the user's edit elsewhere may
 * start or finish while the user has something open. Nothing the user opened closes, and no click is lost, because
 * of it; and no answer that comes late stands for the workbook as it is now.
 */
describe("pane: operations finishing in any order", () => {
  /** "02" typed as text in D43: its fix asks before it writes. */
  const d43 = () => cardOf("D43", "number_stored_as_text");
  const d44 = () => cardOf("D44", "number_stored_as_text");
  /** "Sửa ngay" on D43: the question it opens. */
  async function askD43(): Promise<HTMLElement> {
    fireEvent.click(within(d43()).getByRole("button", { name: vi.applyFixAt("D43") }));
    return within(d43()).findByTestId("confirm-replace");
  }
  /** D43 fixed with "Ghi đè": the focus lands on D44, the next finding. */
  async function fixD43(): Promise<void> {
    fireEvent.click(within(await askD43()).getByRole("button", { name: vi.replaceConfirmAt("D43") }));
    await waitFor(() => expect(document.activeElement).toBe(d44()), { timeout: 5000 });
  }

  it("keeps the question of a fix open, and the focus in it, when the check after the user's edit elsewhere finishes", async () => {
    const host = MemoryHost.seed();
    await renderPane(host);
    const ask = await askD43();
    await waitFor(() => expect(document.activeElement).toBe(ask));

    const check = host.holdNext("check", { userEdit: true });
    await act(async () => host.userEdit(SHEET, "D41", 13));
    await act(() => check.entered);
    await act(async () => check.release());
    await waitFor(async () => expect(screen.getByTestId("summary").textContent).toBe(await summaryOf({ D41: 13 })));
    expect(within(d43()).getByTestId("confirm-replace")).toBe(ask);
    expect(document.activeElement).toBe(ask);

    // …and still answers: "Ghi đè" writes.
    fireEvent.click(within(ask).getByRole("button", { name: vi.replaceConfirmAt("D43") }));
    await waitFor(() => expect(host.read(SHEET, "D43").value).toBe(2));
  });

  it("closes the question once the user's own edit changes the cell it asked about (old → new no longer holds)", async () => {
    const host = MemoryHost.seed();
    await renderPane(host);
    await askD43();
    await act(async () => host.userEdit(SHEET, "D43", "03"));
    await waitFor(() => expect(within(d43()).queryByTestId("confirm-replace")).toBeNull());
    // Asked again, it shows what the cell holds now.
    const ask = await askD43();
    expect(within(ask).getByTestId("replace-change").textContent).toBe("03 → 3");
  });

  it("leaves the buttons working while the check after the user's edit runs: a click waits for it instead of being lost", async () => {
    const host = MemoryHost.seed();
    await renderPane(host);
    const check = host.holdNext("check", { userEdit: true });
    await act(async () => host.userEdit(SHEET, "D41", 13));
    await act(() => check.entered);
    const fix = within(d43()).getByRole("button", { name: vi.applyFixAt("D43") }) as HTMLButtonElement;
    expect(fix.disabled).toBe(false);
    expect(screen.queryByText(vi.working)).toBeNull();
    fireEvent.click(fix);
    // The fix waits for the check that started before it: one operation at a time.
    await act(async () => undefined);
    expect(host.callsOf("applyFix")).toEqual([]);
    await act(async () => check.release());
    const ask = await within(d43()).findByTestId("confirm-replace");
    expect(within(ask).getByTestId("replace-change").textContent).toBe("02 → 2");
    expect(screen.getByTestId("summary").textContent).toBe(await summaryOf({ D41: 13 }));
  });

  it("never shows a check that read the sheet before a fix and answered after it: the fixed finding stays gone", async () => {
    const host = MemoryHost.seed();
    await renderPane(host);
    const ask = await askD43();
    // "Ghi đè" on a slow workbook; the user edits another cell meanwhile, and that check answers last.
    const write = host.holdNext("applyFix");
    const check = host.holdNext("check", { userEdit: true });
    fireEvent.click(within(ask).getByRole("button", { name: vi.replaceConfirmAt("D43") }));
    await act(() => write.entered);
    await act(async () => host.userEdit(SHEET, "D41", 13));
    await act(async () => write.release());
    await act(() => check.entered);
    await act(async () => check.release());
    const expected = await summaryOf({ D41: 13, D43: 2 });
    await waitFor(() => expect(screen.getByTestId("summary").textContent).toBe(expected));
    await act(async () => new Promise((r) => setTimeout(r, 50)));
    expect(screen.getByTestId("summary").textContent).toBe(expected);
    expect(document.querySelector('[data-cell="D43"]')).toBeNull();
    expect(host.read(SHEET, "D43").value).toBe(2);
  });

  it("keeps the fix's confirmation, its undo and the focus where the fix landed when the check after the user's edit elsewhere finishes", async () => {
    const host = MemoryHost.seed();
    await renderPane(host);
    await fixD43();
    expect(screen.getByTestId("notice").textContent).toContain(vi.fixed("D43", "02", "2"));

    await act(async () => host.userEdit(SHEET, "D41", 13));
    await waitFor(async () => expect(screen.getByTestId("summary").textContent).toBe(await summaryOf({ D41: 13, D43: 2 })));
    const notice = screen.getByTestId("notice");
    expect(notice.textContent).toContain(vi.fixed("D43", "02", "2"));
    expect(notice.closest("li")?.contains(d44())).toBe(true);
    expect(document.activeElement).toBe(d44());
    // The undo offered still works.
    fireEvent.click(within(notice).getByRole("button", { name: vi.undoAt("D43") }));
    await waitFor(() => expect(host.read(SHEET, "D43").value).toBe("02"));
  });

  it("does not move the focus when the user's edit takes away the card the fix landed on: the confirmation goes to the result", async () => {
    const host = MemoryHost.seed();
    await renderPane(host);
    await fixD43();
    // The clerk moves on in the pane (the "?" of the first card), then types D44 as a number in the workbook.
    const help = document.querySelector<HTMLElement>('[data-card] [data-testid="rule-help-toggle"]')!;
    act(() => help.focus());
    await act(async () => host.userEdit(SHEET, "D44", 2));
    await waitFor(() => expect(document.querySelector('[data-cell="D44"]')).toBeNull());
    expect(document.activeElement).toBe(help);
    const notice = screen.getByTestId("notice");
    expect(notice.getAttribute("data-landing")).toBe("result");
    expect(notice.textContent).toContain(vi.fixed("D43", "02", "2"));
  });
});

describe("pane: fill", () => {
  it("previews every patch and never offers to overwrite a typed total", async () => {
    // D9 blank (a rate to fill); D58 holds 50 where D59 + D60 give 41 (a total typed by the user: it or a part is wrong).
    const host = MemoryHost.seed({ D58: 50 });
    const state = await checked(host);
    expect(state.patches.map((p) => toA1(p.cell))).toEqual(["D9"]);
    expect(state.conflicts).toEqual([]);
    await renderPane(host);

    fireEvent.click(screen.getByRole("button", { name: vi.fill }));
    const preview = await screen.findByTestId("fill-preview");
    const rows = preview.querySelectorAll("[data-patch]");
    expect([...rows].map((r) => r.getAttribute("data-patch"))).toEqual(["D9"]);
    const d9 = preview.querySelector('[data-patch="D9"]')!;
    expect(d9.textContent).toContain("87,23");
    // Named by the indicator, and the formula as a Vietnamese Excel shows it (the workbook keeps en-US, below).
    expect(d9.textContent).toContain("Tỷ lệ hoàn thành Kế hoạch CCHC năm");
    expect(d9.textContent).toContain("=ROUND(D11/D10*100;2)");
    expect(preview.querySelector('[data-conflict="D58"]')).toBeNull();
    expect(within(preview).queryAllByRole("checkbox")).toEqual([]);

    fireEvent.click(within(preview).getByRole("button", { name: vi.applyFill(1) }));
    await waitFor(() => expect(host.callsOf("applyPatches")).toHaveLength(1));
    expect(host.callsOf("applyPatches")[0].patches.map((p) => toA1(p.cell))).toEqual(["D9"]);
    expect(host.read(SHEET, "D9")).toEqual({ value: 87.23, formula: "=ROUND(D11/D10*100,2)", numberFormat: "0.00" });
    expect(host.read(SHEET, "D58").value).toBe(50);
    await waitFor(() => expect(screen.getByTestId("notice").textContent).toContain(vi.filled(1)));
  });

  it("lists a typed rate apart and writes it only once ticked", async () => {
    // D9 typed 95 where D11 / D10 give 87,23.
    const host = MemoryHost.seed({ D9: 95 });
    const state = await checked(host);
    expect(state.patches).toEqual([]);
    expect(state.conflicts.map((f) => cellA1(f.cell))).toEqual(["D9"]);
    await renderPane(host);

    fireEvent.click(screen.getByRole("button", { name: vi.fill }));
    const preview = await screen.findByTestId("fill-preview");
    expect(preview.querySelectorAll("[data-patch]")).toHaveLength(0);
    const conflict = preview.querySelector('[data-conflict="D9"]') as HTMLElement;
    expect(conflict.textContent).toContain(vi.conflictLine("D9", "95", "87,23"));
    expect(conflict.textContent).toContain("=ROUND(D11/D10*100;2)");
    const tick = within(conflict).getByRole("checkbox", { name: vi.overwrite("D9") }) as HTMLInputElement;
    expect(tick.checked).toBe(false);
    fireEvent.click(tick);
    fireEvent.click(within(preview).getByRole("button", { name: vi.applyFill(1) }));
    await waitFor(() => expect(host.callsOf("applyPatches")).toHaveLength(1));
    expect(host.callsOf("applyPatches")[0].patches).toEqual([
      expect.objectContaining({ cell: at("D9"), formula: "=ROUND(D11/D10*100,2)", value: 87.23 }),
    ]);
    expect(host.read(SHEET, "D9").value).toBe(87.23);
  });

  it("says when there is nothing to fill", async () => {
    const host = MemoryHost.seed({ D9: 87.23 });
    await renderPane(host);
    fireEvent.click(screen.getByRole("button", { name: vi.fill }));
    const preview = await screen.findByTestId("fill-preview");
    expect(preview.textContent).toContain(vi.fillNothing);
    // No "Ghi 0 ô": nothing to write, nothing to press but Close.
    expect(within(preview).queryByRole("button", { name: vi.applyFill(0) })).toBeNull();
    expect(within(preview).getAllByRole("button").map((b) => b.textContent)).toEqual([vi.fillClose]);
  });
});

describe("pane: ready, start, language, errors", () => {
  it("shows a bound as a bound and what other cells give as such, never as the answer", async () => {
    const host = MemoryHost.seed({ D41: -3, D9: 95 });
    await renderPane(host);
    const negative = document.querySelector('[data-finding="count_negative"]') as HTMLElement;
    expect(negative.querySelector("[data-expected]")?.textContent).toBe("Phải ≥ 0");
    expect(negative.textContent).not.toContain("Cần là");
    const rate = document.querySelector('[data-finding="rate_mismatch"]') as HTMLElement;
    expect(rate.querySelector("[data-expected]")?.textContent).toBe("Tính từ các ô khác: 87,23");
  });

  it("says ready to send only when nothing is left, and what is left otherwise (the rule cchc check uses)", async () => {
    const host = MemoryHost.seed({ D41: "abc" });
    await renderPane(host);
    expect(screen.getByTestId("summary").textContent).toBe(vi.summary(1, SEED_WARNINGS));
    const verdict = () => screen.getByTestId("ready");
    const expected = (state: Awaited<ReturnType<typeof checked>>, ack: (f: Finding) => boolean = () => false) => {
      const r = readiness(state, ack);
      const text = readinessText(r, "vi");
      return { ready: String(r.ready), text: `${text.title}. ${text.body}` };
    };
    let state = await checked(host);
    expect(verdict().getAttribute("data-ready")).toBe("false");
    expect(verdict().textContent).toBe(expected(state).text);
    expect(verdict().textContent).toMatch(/^Chưa sẵn sàng gửi\. Còn 1 lỗi, \d+ chỉ tiêu chưa nhập, \d+ cảnh báo chưa xem\.$/);
    // Title and body apart: the bar is named by its title and described by its body (the pause is said, not shown).
    const labelled = document.getElementById(verdict().getAttribute("aria-labelledby")!);
    const described = document.getElementById(verdict().getAttribute("aria-describedby")!);
    expect(labelled?.textContent).toBe("Chưa sẵn sàng gửi");
    expect(described?.textContent).toBe(readinessText(readiness(state), "vi").body);

    // The error fixed: no error, but still not ready (no "Sẵn sàng gửi" while indicators are blank).
    await act(async () => host.userEdit(SHEET, "D41", 13));
    await waitFor(() => expect(screen.getByTestId("summary").textContent).toBe(vi.summary(0, SEED_WARNINGS)));
    state = await checked(host);
    expect(verdict().textContent).toBe(expected(state).text);
    expect(verdict().textContent).not.toContain("lỗi");
    expect(verdict().getAttribute("data-ready")).toBe("false");

    // A warning skipped with a reason is one fewer left to review.
    const before = readiness(state).unreviewed;
    const card = document.querySelector('[data-finding="number_stored_as_text"]') as HTMLElement;
    fireEvent.click(within(card).getByRole("button", { name: new RegExp(vi.acknowledge) }));
    fireEvent.change(within(card).getByRole("textbox"), { target: { value: "Đã kiểm tra" } });
    fireEvent.click(within(card).getByRole("button", { name: new RegExp(vi.saveAcknowledge) }));
    await waitFor(() => expect(verdict().textContent).toContain(`${before - 1} cảnh báo chưa xem`));
  });

  it("says why no appendix was checked in the words the command line uses; two parts that each hold too few rows are checked as one", async () => {
    const header = ["STT", "Chỉ tiêu thống kê", "Đơn vị tính", "Số liệu", "Ghi chú"].map((value) => ({ value }));
    const part = (from: number, to: number) =>
      gridFromCells({ row: 0, col: 0 }, [header, ...soNganh.indicators.slice(from, to).map((i) => [{ value: i.stt }, { value: i.label }, { value: i.unit }])]);
    const failure = { reason: "too_few_rows", sheet: "PL", template: soNganh.id, matched: 4, needed: 20, total: 178 } as const;
    const few = render(<App mode={{ kind: "excel", host: new MemoryHost([{ name: "PL", grid: part(0, 4) }]) }} theme={webLightTheme} />);
    expect((await screen.findByTestId("not-found")).textContent).toBe(appendixFailureText(failure, "vi"));
    few.unmount();
    render(<App mode={{ kind: "excel", host: new MemoryHost([{ name: "Phần 1", grid: part(0, 15) }, { name: "Phần 2", grid: part(15, 30) }]) }} theme={webLightTheme} />);
    expect((await screen.findByTestId("recognised")).textContent).toBe(vi.recognised("Phần 1", 30, 178));
    expect(screen.getByTestId("appendix-split").textContent).toContain(vi.splitAppendix("Phần 1", "Phần 2"));
  });

  it("offers to insert the appendix when none is found, then recognises the inserted sheet", async () => {
    const host = new MemoryHost([{ name: "Sheet1", grid: { origin: { row: 0, col: 0 }, values: [["Báo cáo", 1]] } }]);
    render(<App mode={{ kind: "excel", host }} theme={webLightTheme} />);
    expect((await screen.findByTestId("not-found")).textContent).toBe(
      "Không tìm thấy phụ lục thống kê CCHC trong sổ làm việc (không có dòng tiêu đề “Chỉ tiêu thống kê” và các chỉ tiêu của mẫu).",
    );
    expect(screen.getByText(vi.sheetsSeen("Sheet1"))).toBeTruthy();
    fireEvent.change(screen.getByRole("textbox", { name: vi.unitName }), { target: { value: "Sở Nội vụ" } });
    fireEvent.change(screen.getByRole("textbox", { name: vi.year }), { target: { value: "2024" } });
    fireEvent.change(screen.getByRole("combobox", { name: vi.period }), { target: { value: "6thang" } });
    fireEvent.click(screen.getByRole("button", { name: vi.insert }));
    await waitFor(() => expect(host.callsOf("insertTemplate")).toHaveLength(1));
    expect(host.callsOf("insertTemplate")[0].options).toEqual({ unitName: "Sở Nội vụ", year: 2024, period: "6thang" });
    const recognised = await screen.findByTestId("recognised");
    // Every row of the inserted template matches, the 7 sections aside: 178 of 178 indicators.
    expect(recognised.textContent).toBe(vi.recognised("Phụ lục", 178, 178));
    // A freshly inserted template has no error and few warnings, yet nothing is answered: not ready to send.
    const verdict = screen.getByTestId("ready");
    expect(verdict.getAttribute("data-ready")).toBe("false");
    expect(verdict.textContent).toMatch(/^Chưa sẵn sàng gửi\. Còn \d{3} chỉ tiêu chưa nhập/);
    expect(host.settings).toMatchObject({ unitName: "Sở Nội vụ", year: 2024, period: "6thang" });
  });

  it("switches to English and back, keeping the choice in the workbook settings", async () => {
    const host = MemoryHost.seed({ D41: "abc" });
    const state = await checked(host);
    await renderPane(host);
    fireEvent.click(screen.getByRole("button", { name: vi.switchLanguage }));
    await waitFor(() => expect(screen.getByTestId("summary").textContent).toBe(en.summary(1, SEED_WARNINGS)));
    expect(screen.getByTestId("summary").textContent).toBe("1 error, 11 warnings");
    expect(screen.getByRole("heading", { name: en.findingsTitle })).toBeTruthy();
    const f = state.findings.find((x) => cellA1(x.cell) === "D41")!;
    expect(cardOf("D41").textContent).toContain(formatFinding(f, "en", templates[0]));
    expect(document.documentElement.lang).toBe("en");
    await waitFor(() => expect(host.settings.lang).toBe("en"));
    fireEvent.click(screen.getByRole("button", { name: en.switchLanguage }));
    await waitFor(() => expect(screen.getByTestId("summary").textContent).toBe("1 lỗi, 11 cảnh báo"));
  });

  it("in English: old → new and the notice in English numbers and formulas, the buttons named with the cell; a percentage cell shown as such", async () => {
    const host = MemoryHost.seed({ D9: 95 });
    host.settings = { lang: "en" };
    await renderPane(host);
    await waitFor(() => expect(screen.getByRole("heading", { name: en.appTitle })).toBeTruthy());
    openAllSections();
    const card = document.querySelector('[data-finding="rate_mismatch"][data-cell="D9"]') as HTMLElement;
    fireEvent.click(within(card).getByRole("button", { name: en.applyFixAt("D9") }));
    const ask = await within(card).findByTestId("confirm-replace");
    expect(ask.textContent).toContain(en.replaceAsk("D9"));
    expect(within(ask).getByTestId("replace-change").textContent).toBe("95 → =ROUND(D11/D10*100,2) (87.23)");
    fireEvent.click(within(ask).getByRole("button", { name: en.replaceConfirmAt("D9") }));
    const notice = await screen.findByTestId("notice");
    expect(notice.textContent).toContain("Fixed D9: 95 → 87.23.");
    expect(within(notice).getByRole("button", { name: en.undoAt("D9") })).toBeTruthy();
    // What a cell holds, as it shows it: a fraction in a percentage cell is a percentage, a formula with its value.
    const cell = at("D9");
    expect(formatCellState({ cell, cellValue: 0.95, numberFormat: "0.00%" }, "vi", vi)).toBe("95%");
    expect(formatCellState({ cell, cellValue: 1234.5, numberFormat: "General" }, "vi", vi)).toBe("1.234,5");
    expect(formatCellState({ cell, cellValue: 87.23, formula: "=ROUND(D11/D10*100,2)", numberFormat: "0.00" }, "vi", vi)).toBe("=ROUND(D11/D10*100;2) (87,23)");
    expect(formatCellState({ cell, cellValue: null, numberFormat: "General" }, "en", en)).toBe(en.blank);
    expect(formatCellState({ cell, cellValue: "02", numberFormat: "@" }, "en", en)).toBe("02");
  });

  it("opens in the language kept in the workbook", async () => {
    const host = MemoryHost.seed();
    host.settings = { lang: "en" };
    await renderPane(host);
    await waitFor(() => expect(screen.getByRole("heading", { name: en.appTitle })).toBeTruthy());
  });

  it("shows a host error as a sentence in the user's language, never the error's own text", async () => {
    const host = MemoryHost.seed({ D41: "abc" });
    await renderPane(host);
    const unexpected = new Error("RichApi.Error at Object.<anonymous> (office.js:1:2)");
    const logged = jest.spyOn(console, "error").mockImplementation(() => undefined);
    host.failNext = { op: "select", error: unexpected };
    fireEvent.click(within(cardOf("D41")).getByRole("button", { name: vi.goToCell("D41") }));
    const bar = await screen.findByTestId("error");
    expect(bar.textContent).toContain(vi.errors.generic);
    expect(bar.textContent).not.toContain("RichApi");
    // The sentence hides the error from the user, not from the console.
    expect(logged).toHaveBeenCalledWith(expect.any(String), unexpected);
    logged.mockClear();
    host.failNext = { op: "applyFix", error: new HostError("busy", "InvalidOperationInCellEditMode") };
    fireEvent.click(within(cardOf("D43", "number_stored_as_text")).getByRole("button", { name: vi.applyFixAt("D43") }));
    await waitFor(() => expect(screen.getByTestId("error").textContent).toContain(vi.errors.excelBusy));
    expect(screen.getByTestId("error").textContent).not.toContain("InvalidOperation");
    // The Excel adapter's own reasons have their own sentences.
    host.failNext = { op: "applyFix", error: new ExcelHostError("sheet_protected", "AccessDenied") };
    fireEvent.click(within(cardOf("D43", "number_stored_as_text")).getByRole("button", { name: vi.applyFixAt("D43") }));
    await waitFor(() => expect(screen.getByTestId("error").textContent).toContain(workbookErrorMessage("sheet_protected", "vi")));
    expect(screen.getByTestId("error").textContent).not.toContain("AccessDenied");
    // Refusals with a known reason are no bugs: nothing logged for them.
    expect(logged).not.toHaveBeenCalled();
    logged.mockRestore();
  });

  it("offers to check again when the first check fails", async () => {
    const host = MemoryHost.seed();
    host.failNext = { op: "check", error: new HostError("busy") };
    render(<App mode={{ kind: "excel", host }} theme={webLightTheme} />);
    expect((await screen.findByTestId("error")).textContent).toContain(vi.errors.excelBusy);
    expect(screen.queryByTestId("summary")).toBeNull();
    fireEvent.click(screen.getByRole("button", { name: vi.check }));
    await screen.findByTestId("summary");
    expect(screen.queryByTestId("error")).toBeNull();
  });

  it("renders HTML typed in a cell as text", async () => {
    const payload = `<img src=x onerror="window.__pwned=1"><script>window.__pwned=1</script>`;
    const host = MemoryHost.seed({ E50: payload });
    await renderPane(host);
    const card = cardOf("D50");
    expect(card.textContent).toContain("<img src=x");
    expect(document.querySelector("main img, main script")).toBeNull();
    expect((window as unknown as { __pwned?: number }).__pwned).toBeUndefined();
  });
});
