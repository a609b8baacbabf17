/**
 * Per-workbook settings in `context.workbook.settings` (Excel.SettingCollection, ExcelApi 1.4): one JSON
 * string under SETTINGS_KEY, saved with the workbook. Read and write are one sync each.
 */
import type { WorkbookSettings } from "../taskpane/host";
import { ExcelHostError } from "./errors";

/** The one setting the add-in owns. */
export const SETTINGS_KEY = "cchc.settings";

const PERIODS = ["nam", "6thang", "quy1", "quy3"];

/** Queues a read of the settings; `resolve` parses them after the sync ({} when none were saved). */
export function queueLoadSettings(context: Excel.RequestContext): { resolve: () => WorkbookSettings } {
  const item = context.workbook.settings.getItemOrNullObject(SETTINGS_KEY);
  item.load("value");
  return { resolve: () => (item.isNullObject ? {} : parseSettings(item.value)) };
}

/** Queues saving the settings (replaces the previous value). */
export function queueSaveSettings(context: Excel.RequestContext, settings: WorkbookSettings): void {
  context.workbook.settings.add(SETTINGS_KEY, JSON.stringify(settings));
}

/** The stored value as settings; anything that is not the add-in's shape is reported, not guessed. */
export function parseSettings(raw: unknown): WorkbookSettings {
  let data: unknown = raw;
  if (typeof raw === "string") {
    try {
      data = JSON.parse(raw);
    } catch {
      throw new ExcelHostError("settings_damaged", undefined, "not JSON");
    }
  }
  if (!data || typeof data !== "object" || Array.isArray(data)) throw new ExcelHostError("settings_damaged", undefined, "not an object");
  const d = data as Record<string, unknown>;
  const bad = (field: string) => new ExcelHostError("settings_damaged", undefined, field);
  if (d.unitName !== undefined && typeof d.unitName !== "string") throw bad("unitName");
  if (d.year !== undefined && (typeof d.year !== "number" || !Number.isInteger(d.year))) throw bad("year");
  if (d.period !== undefined && !PERIODS.includes(d.period as string)) throw bad("period");
  if (d.lang !== undefined && d.lang !== "vi" && d.lang !== "en") throw bad("lang");
  if (d.acknowledged !== undefined) {
    if (!d.acknowledged || typeof d.acknowledged !== "object" || Array.isArray(d.acknowledged)) throw bad("acknowledged");
    for (const v of Object.values(d.acknowledged as Record<string, unknown>)) {
      const a = v as Record<string, unknown> | null;
      if (!a || typeof a.reason !== "string" || typeof a.fingerprint !== "string") throw bad("acknowledged");
    }
  }
  return d as WorkbookSettings;
}
