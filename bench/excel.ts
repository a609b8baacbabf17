/**
 * office-js figures: round trips and payload sizes of each pane action through the Excel adapter
 * (src/excel/excelHost.ts), counted on the real-client test host the adapter's tests use (test/excel/realClient/: Microsoft's Excel client answered by an in-memory workbook).
 * Every action runs from the state the pane is in when the user starts it; the host records each request
 * with the size of its request and response. Beside the count: what a cell-by-cell implementation needs on the
 * same workbook (one request per cell read or written).
 */
import { cellA1, cellKey, layoutPlan, soNganh } from "../src/core";
import { naiveCheckSyncCount } from "../test/excel/realClient/naive";
import type { RealExcel } from "../test/excel/realClient/realExcel";
import type { ModelWorkbook } from "../test/excel/realClient/workbook";
import { APPENDIX, bigWorkbook, hostOn, seedWorkbook } from "../test/excel/workbooks";
import type { ExcelHost } from "../src/excel/excelHost";
import type { CheckState } from "../src/app/host";
import type { Figure } from "./figure";

/** Excel on the web refuses a request or a response over 5 MB. */
export const PAYLOAD_BUDGET_BYTES = 5 * 1024 * 1024;
/** Rows of other data on the big workbook's second sheet. */
export const BIG_ROWS = 50_000;

type Found = Extract<CheckState, { found: true }>;

/** What one action did: the syncs it made and the cell-by-cell baseline for it. */
export interface ActionCount {
  readonly reads: number;
  readonly writes: number;
  readonly maxRequestBytes: number;
  readonly maxResponseBytes: number;
  readonly naive: number;
}

function found(state: CheckState | void): Found {
  if (!state || !state.found) throw new Error("the appendix was not found on the benchmark workbook");
  return state;
}

/** A host that has already checked the workbook (the pane's state after opening), syncs forgotten. */
async function checkedHost(wb: ModelWorkbook): Promise<{ excel: RealExcel; host: ExcelHost; state: Found }> {
  const { excel, host } = hostOn(wb);
  const state = found(await host.check());
  excel.reset();
  return { excel, host, state };
}

/** The syncs one sheet costs a cell-by-cell reader: its used range's address, then one per cell. */
function naiveSheetSyncs(wb: ModelWorkbook, sheet: string): number {
  const only = { sheets: wb.sheets.filter((s) => s.name === sheet) } as unknown as ModelWorkbook;
  return naiveCheckSyncCount(only) - 1;
}

/** Cells a finding marks (one sync each for a cell-by-cell marker). */
function markedCells(state: Found): number {
  return new Set(state.findings.filter((f) => f.severity !== "info").map((f) => cellKey(f.cell))).size;
}

function counted(excel: RealExcel, naive: number): ActionCount {
  const c = excel.counts();
  // A sync carrying both loads and changes counts as a read and a write.
  return { reads: c.reads + c.mixed, writes: c.writes + c.mixed, maxRequestBytes: c.maxRequestBytes, maxResponseBytes: c.maxResponseBytes, naive };
}

/** Each measured action, run on a fresh copy of the workbook `make` builds. */
export const ACTIONS: readonly { readonly name: string; readonly run: (make: () => ModelWorkbook) => Promise<ActionCount> }[] = [
  {
    // The first check of a workbook: every sheet read in one sync.
    name: "check",
    run: async (make) => {
      const { excel, host } = hostOn(make());
      found(await host.check());
      return counted(excel, naiveCheckSyncCount(excel.model));
    },
  },
  {
    // The ribbon's "check" on a workbook just opened: sheets, marks and settings in one read; marks and the
    // selection of the first finding in one write.
    name: "ribbonCheck",
    run: async (make) => {
      const { excel, host } = hostOn(make());
      const state = found(await host.check({ loadSettings: true, highlight: true, select: true }));
      // Cell by cell: the check, then one sync per marked cell, then the selection.
      return counted(excel, naiveCheckSyncCount(excel.model) + markedCells(state) + 1);
    },
  },
  {
    // The ribbon's "fill" on a workbook just opened: the check's read, then the formulas and the conflicts' marks in one write.
    name: "ribbonFill",
    run: async (make) => {
      const { excel, host } = hostOn(make());
      const state = found(await host.check({ loadSettings: true, fill: true, highlight: (s) => s.conflicts }));
      if (state.patches.length === 0) throw new Error("no patch to fill on the benchmark workbook");
      return counted(excel, naiveCheckSyncCount(excel.model) + state.patches.length);
    },
  },
  {
    // Fill as the pane does it after a check: the patches written, the new state computed from the check's grid
    // plus what was written (no read).
    name: "fill",
    run: async (make) => {
      const { excel, host, state } = await checkedHost(make());
      if (state.patches.length === 0) throw new Error("no patch to fill on the benchmark workbook");
      found(await host.applyPatches(state.sheet, state.patches, { recheck: true }));
      return counted(excel, state.patches.length + naiveSheetSyncs(excel.model, state.sheet));
    },
  },
  {
    // The same with the pane's highlighting on: the marks on the sheet are read (the ribbon or the user may have
    // changed them since the check), then one write fills and marks again.
    name: "fillHighlighted",
    run: async (make) => {
      const { excel, host } = hostOn(make());
      const state = found(await host.check({ highlight: true }));
      excel.reset();
      const after = found(await host.applyPatches(state.sheet, state.patches, { recheck: true, highlight: true }));
      return counted(excel, state.patches.length + naiveSheetSyncs(excel.model, state.sheet) + markedCells(after));
    },
  },
  {
    // Insert the template on a workbook that has the appendix already (a second copy, never replacing it), with
    // the pane's settings in the same write and the new sheet's state from the plan (no re-check).
    name: "insertTemplate",
    run: async (make) => {
      const { excel, host } = hostOn(make());
      const options = { unitName: "Sở Thông tin và Truyền thông", year: 2023, period: "nam" as const };
      let inserted: CheckState | null = null;
      await host.insertTemplate({ ...options, settings: { ...options, lang: "vi" }, checked: (s) => (inserted = s) });
      found(inserted ?? { found: false, sheets: [], failure: { reason: "no_sheets" } });
      // Cell by cell: the sheet names, then one sync per cell of the plan.
      return counted(excel, 1 + layoutPlan(soNganh, {}).cells.length);
    },
  },
  {
    // Clear the marks of a highlighted sheet (the ids of the marks just made are read first).
    name: "clearHighlights",
    run: async (make) => {
      const { excel, host, state } = await checkedHost(make());
      await host.highlight(state.sheet, state.findings);
      excel.reset();
      await host.clearHighlights(state.sheet);
      // Cell by cell: one sync per marked cell (restore its fill and font), after reading what is marked.
      return counted(excel, 1 + markedCells(state));
    },
  },
  {
    // A user's edit on the appendix: the change handler fires, the pane checks again.
    name: "recheckAfterEdit",
    run: async (make) => {
      const { excel, host, state } = await checkedHost(make());
      const rechecks: Promise<CheckState>[] = [];
      const stop = await host.onUserChange(() => rechecks.push(host.check()));
      excel.reset();
      await excel.model.userEdit(APPENDIX, state.findings[0] ? cellA1(state.findings[0].cell) : "D12", 5);
      // The handler is debounced (20 ms in the test host).
      await new Promise((r) => setTimeout(r, 80));
      if (rechecks.length !== 1) throw new Error(`the edit caused ${rechecks.length} re-checks, not 1`);
      found(await rechecks[0]);
      const count = counted(excel, naiveSheetSyncs(excel.model, state.sheet));
      // Removing the handler (when the pane closes) is a trip of its own, not part of the re-check.
      stop();
      return count;
    },
  },
];

function ratio(naive: number, trips: number): string {
  return `${naive} syncs cell by cell (${Math.round(naive / Math.max(1, trips))}x)`;
}

/** Round-trip and payload figures for every action, on the appendix workbook and beside 50,000 rows. */
export async function excelFigures(): Promise<Figure[]> {
  const figures: Figure[] = [];
  const workbooks = [
    { label: "appendix", make: seedWorkbook },
    { label: `appendix+${BIG_ROWS / 1000}k-rows`, make: () => bigWorkbook(BIG_ROWS) },
  ];
  for (const action of ACTIONS) {
    const small = await action.run(workbooks[0].make);
    const trips = small.reads + small.writes;
    figures.push(
      { name: `excel.trips.${action.name}.reads`, value: small.reads, unit: "syncs", budget: 1, inclusive: true, note: ratio(small.naive, trips) },
      { name: `excel.trips.${action.name}.writes`, value: small.writes, unit: "syncs", budget: 1, inclusive: true },
    );
    for (const wb of workbooks) {
      const c = wb === workbooks[0] ? small : await action.run(wb.make);
      if (wb !== workbooks[0] && (c.reads !== small.reads || c.writes !== small.writes)) {
        figures.push({ name: `excel.trips.${action.name}.${wb.label}`, value: c.reads + c.writes, unit: "syncs", budget: trips, inclusive: true, note: `${c.reads} reads + ${c.writes} writes; ${ratio(c.naive, c.reads + c.writes)}` });
      }
      figures.push({
        name: `excel.bytes.${action.name}.${wb.label}`,
        value: Math.max(c.maxRequestBytes, c.maxResponseBytes),
        unit: "B",
        budget: PAYLOAD_BUDGET_BYTES,
        note: `largest request ${c.maxRequestBytes} B, largest response ${c.maxResponseBytes} B`,
      });
    }
  }
  return figures;
}
