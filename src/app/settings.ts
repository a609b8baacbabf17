/**
 * The settings the add-in keeps in a workbook (inside Excel, one JSON string in Excel.SettingCollection), shared by
 * the pane, the ribbon and every host: the options of the template and the acknowledged warnings.
 */
import { type FormDocument, isLang, isReportPeriod, type Lang, type ReportPeriod } from "../core";

/** An acknowledged warning: why the user accepts it, and the values it was given for (see acknowledgements.ts). */
export interface Acknowledgement {
  readonly reason: string;
  readonly fingerprint: string;
}

/** Acknowledged warnings by key (code|indicator|cell). */
export type Acknowledged = Readonly<Record<string, Acknowledgement>>;

/** Per-workbook settings. */
export interface WorkbookSettings {
  readonly unitName?: string;
  readonly year?: number;
  /** a period the report is made for (src/core/period.ts) */
  readonly period?: ReportPeriod;
  readonly lang?: Lang;
  /** acknowledged warnings: key (code|indicator|cell) -> reason and the values it was given for */
  readonly acknowledged?: Acknowledged;
  /** the form the workbook is checked against, when the user loaded one (checked again on load: formInUse.ts) */
  readonly form?: FormDocument;
}

/** Stored settings read back: the settings, or the first field that is not the add-in's shape. */
export type StoredSettings = { readonly ok: true; readonly settings: WorkbookSettings } | { readonly ok: false; readonly field: string };

/** A stored value (the JSON text, or the parsed value) as settings; anything not the add-in's shape is named, not guessed. */
export function storedSettings(raw: unknown): StoredSettings {
  let data: unknown = raw;
  if (typeof raw === "string") {
    try {
      data = JSON.parse(raw);
    } catch {
      return { ok: false, field: "not JSON" };
    }
  }
  if (!data || typeof data !== "object" || Array.isArray(data)) return { ok: false, field: "not an object" };
  const d = data as Record<string, unknown>;
  const bad = (field: string): StoredSettings => ({ ok: false, field });
  if (d.unitName !== undefined && typeof d.unitName !== "string") return bad("unitName");
  if (d.year !== undefined && (typeof d.year !== "number" || !Number.isInteger(d.year))) return bad("year");
  if (d.period !== undefined && !isReportPeriod(d.period)) return bad("period");
  if (d.lang !== undefined && !isLang(d.lang)) return bad("lang");
  if (d.form !== undefined && (!d.form || typeof d.form !== "object" || Array.isArray(d.form))) return bad("form");
  if (d.acknowledged !== undefined) {
    if (!d.acknowledged || typeof d.acknowledged !== "object" || Array.isArray(d.acknowledged)) return bad("acknowledged");
    for (const v of Object.values(d.acknowledged as Record<string, unknown>)) {
      const a = v as Record<string, unknown> | null;
      if (!a || typeof a.reason !== "string" || typeof a.fingerprint !== "string") return bad("acknowledged");
    }
  }
  return { ok: true, settings: d as WorkbookSettings };
}
