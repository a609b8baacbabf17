/**
 * Per-workbook settings in `context.workbook.settings` (Excel.SettingCollection, ExcelApi 1.4): one JSON
 * string under SETTINGS_KEY, saved with the workbook. Read and write are one sync each.
 */
import { storedSettings, type WorkbookSettings } from "../app/settings";
import { ExcelHostError } from "./errors";

/** The one setting the add-in owns. */
export const SETTINGS_KEY = "cchc.settings";

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

/** The stored value as settings; anything that is not the add-in's shape is reported (settings_damaged), not guessed. */
export function parseSettings(raw: unknown): WorkbookSettings {
  const stored = storedSettings(raw);
  if (!stored.ok) throw new ExcelHostError("settings_damaged", undefined, stored.field);
  return stored.settings;
}
