/**
 * The pane's port to a workbook. The pane never calls Excel or ExcelJS itself: it gets one of these
 * (src/excel/excelHost.ts inside Excel, src/xlsx/fileHost.ts outside Excel) and calls its operations.
 * Each operation is one read and/or one write round trip to the host.
 */
import type { Finding, Fix } from "../core/finding";
import type { OtherAppendix, SplitAppendix } from "../core/locate";
import type { Location } from "../core/location";
import type { Patch } from "../core/patch";

/** Per-workbook settings the pane keeps (Excel.SettingCollection inside Excel). */
export interface WorkbookSettings {
  readonly unitName?: string;
  readonly year?: number;
  readonly period?: "nam" | "6thang" | "quy1" | "quy3";
  readonly lang?: "vi" | "en";
  /** acknowledged warnings: key (code|indicator|cell) -> reason and the values it was given for */
  readonly acknowledged?: Readonly<Record<string, { readonly reason: string; readonly fingerprint: string }>>;
}

/** The result of one check: where the appendix is and what is wrong with it. */
export type CheckState =
  | { readonly found: false; readonly sheets: readonly string[] }
  | {
      readonly found: true;
      readonly sheet: string;
      readonly location: Location;
      readonly findings: readonly Finding[];
      /** totals and rates the calculator would write */
      readonly patches: readonly Patch[];
      /** computed cells holding a different user value (not overwritten without confirmation) */
      readonly conflicts: readonly Finding[];
      /** other sheets that hold an appendix too (the check uses `sheet`; the pane should say the others exist) */
      readonly others?: readonly OtherAppendix[];
      /** set when `sheet` and another sheet look like two parts of one appendix */
      readonly split?: SplitAppendix | null;
    };

export interface AppendixHost {
  readonly kind: "excel" | "file";
  /** One read: find the appendix in the workbook, validate and compute. */
  check(): Promise<CheckState>;
  /** Insert the official template as a new sheet (never replacing one); returns the sheet's name. */
  insertTemplate(options: { unitName?: string; year?: number; period?: WorkbookSettings["period"] }): Promise<string>;
  /** Write totals and rates; cells in `overwrite` are written even if they hold a different value. */
  applyPatches(sheet: string, patches: readonly Patch[]): Promise<void>;
  /** Apply one finding's fix. */
  applyFix(sheet: string, fix: Fix): Promise<void>;
  /** Mark findings on the sheet without touching the user's own formatting. */
  highlight(sheet: string, findings: readonly Finding[]): Promise<void>;
  /** Remove every mark the add-in made; the sheet is exactly as before. */
  clearHighlights(sheet: string): Promise<void>;
  /** Select a cell (go to a finding). */
  select(sheet: string, cell: string): Promise<void>;
  /** Call `listener` (debounced) when the user changes the sheet; returns an unsubscribe. */
  onUserChange(listener: () => void): Promise<() => void>;
  loadSettings(): Promise<WorkbookSettings>;
  saveSettings(settings: WorkbookSettings): Promise<void>;
}

/**
 * Why a host operation failed, for the pane to say in the user's language (never the raw message). The file
 * refusals ("empty" to "too_much_data") are the reader's own reasons (src/xlsx/readWorkbook.ts), each with its advice.
 */
export type HostErrorCode =
  | "read_failed"
  | "not_xlsx"
  | "no_workbook"
  | "busy"
  | "sample_missing"
  | "generic"
  | "empty"
  | "encrypted"
  | "old_xls"
  | "ods"
  | "too_large"
  | "too_much_data";

/**
 * The file limits a "too_large"/"too_much_data" refusal names. The host that refused fills them in from
 * src/xlsx/limits.ts, so the pane's first bundle never imports the reader (and its inflater) just for three numbers.
 */
export interface FileLimits {
  readonly fileBytes: number;
  readonly expandedBytes: number;
  readonly cells: number;
}

/** An error a host throws on purpose; anything else a host throws is shown as "generic". */
export class HostError extends Error {
  constructor(
    readonly code: HostErrorCode,
    message?: string,
    /** set with "too_large" and "too_much_data" */
    readonly limits?: FileLimits,
  ) {
    super(message ?? code);
    this.name = "HostError";
  }
}
