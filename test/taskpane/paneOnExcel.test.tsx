/** @jest-environment jsdom */
/**
 * The pane on the Excel adapter on the real-client host (Microsoft's Excel client against the in-memory workbook,
 * test/excel/realClient): what the user sees and what Excel's undo stack keeps when they type with marking on. Below
 * ExcelApi 1.20 any add-in write clears the undo stack, so the pane's re-check after the user's own edit writes
 * nothing, shows the new findings and says the marks wait; an explicit "Kiểm tra lại" marks. On 1.20 it marks at once.
 * And why Excel refused a write, as the pane says it: a workbook open read-only on the desktop, view-only on the web.
 */
import * as React from "react";
import { act, fireEvent, render, screen, waitFor, within } from "@testing-library/react";
import { webLightTheme } from "@fluentui/react-components";
import { App } from "../../src/taskpane/components/App";
import { vi } from "../../src/taskpane/messages/vi";
import { workbookErrorMessage } from "../../src/app/hostErrorMessages";
import { HIGHLIGHT_MARK } from "../../src/excel/highlights";
import { supportedUpTo } from "../excel/realClient/realExcel";
import type { ModelWorkbook } from "../excel/realClient/workbook";
import { APPENDIX, hostOn, seedWorkbook } from "../excel/workbooks";
import { installResizeObserver } from "./jsdomShims";

beforeAll(installResizeObserver);

const marks = (wb: ModelWorkbook) =>
  wb.sheet(APPENDIX).conditionalFormats.filter((cf) => cf.formula.includes(HIGHLIGHT_MARK)).map((cf) => ({ id: cf.id, areas: cf.areas }));
/** Sections start collapsed but the first with findings: open them all to look at every card. */
function openAllSections() {
  for (const header of document.querySelectorAll<HTMLElement>('[data-section] h3 button[aria-expanded="false"]')) fireEvent.click(header);
}
const markedCells = (wb: ModelWorkbook) => marks(wb).flatMap((m) => m.areas.split(","));

async function paneWithMarks(level: string) {
  const { excel, host } = hostOn(seedWorkbook(), { supported: supportedUpTo(level) });
  render(<App mode={{ kind: "excel", host }} theme={webLightTheme} />);
  await screen.findByTestId("summary");
  fireEvent.click(screen.getByRole("switch", { name: vi.highlight }));
  await waitFor(() => expect(marks(excel.model).length).toBeGreaterThan(0));
  // the seed's warnings are marked, D41 is not (the user is about to type a word there)
  expect(markedCells(excel.model)).not.toContain("D41");
  return excel;
}

test("ExcelApi 1.19: typing a word in a count shows its finding, writes nothing (Ctrl+Z still undoes the typing) and says so; 'Kiểm tra lại' marks", async () => {
  const excel = await paneWithMarks("1.19");
  const before = marks(excel.model);
  excel.reset();
  await act(async () => excel.model.userEdit(APPENDIX, "D41", "abc"));
  await waitFor(() => expect(screen.getByTestId("marks-note").textContent).toBe(vi.marksKeptForUndo));
  openAllSections();
  expect(document.querySelector('[data-cell="D41"]')).not.toBeNull();
  expect(excel.counts()).toMatchObject({ writes: 0, mixed: 0 });
  expect(excel.model.undoStack).toEqual([`${APPENDIX}!D41`]);
  expect(marks(excel.model)).toEqual(before);

  fireEvent.click(screen.getByRole("button", { name: vi.check }));
  await waitFor(() => expect(markedCells(excel.model)).toContain("D41"));
  await waitFor(() => expect(screen.queryByTestId("marks-note")).toBeNull());
});

test("ExcelApi 1.20: the same typing is marked at once, no note, and the typing stays on the undo stack", async () => {
  const excel = await paneWithMarks("1.20");
  await act(async () => excel.model.userEdit(APPENDIX, "D41", "abc"));
  await waitFor(() => expect(markedCells(excel.model)).toContain("D41"));
  expect(screen.queryByTestId("marks-note")).toBeNull();
  expect(excel.model.undoStack).toEqual([`${APPENDIX}!D41`]);
});

test.each([
  { where: "on the desktop", onWeb: false, reason: "read_only" },
  { where: "in Excel on the web", onWeb: true, reason: "view_only" },
] as const)("a fill refused by a workbook that takes no write $where: the pane says why ($reason), and no cell changed", async ({ onWeb, reason }) => {
  const { excel, host } = hostOn(seedWorkbook(), { onWeb: () => onWeb });
  render(<App mode={{ kind: "excel", host }} theme={webLightTheme} />);
  await screen.findByTestId("summary");
  excel.model.readOnly = true;
  fireEvent.click(screen.getByRole("button", { name: vi.fill }));
  const preview = await screen.findByTestId("fill-preview");
  const targets = [...preview.querySelectorAll("[data-patch]")].map((r) => r.getAttribute("data-patch")!);
  expect(targets.length).toBeGreaterThan(0);
  const before = targets.map((a1) => excel.model.cell(APPENDIX, a1));
  fireEvent.click(within(preview).getByRole("button", { name: vi.applyFill(targets.length) }));
  await waitFor(() => expect(screen.getByTestId("error").textContent).toContain(workbookErrorMessage(reason, "vi")));
  expect(screen.getByTestId("error").textContent).not.toContain(workbookErrorMessage("sheet_protected", "vi"));
  expect(targets.map((a1) => excel.model.cell(APPENDIX, a1))).toEqual(before);
});
