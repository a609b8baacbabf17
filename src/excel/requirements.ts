/**
 * The ExcelApi requirement sets the adapter relies on. The manifest asks for MIN_EXCEL_API; the newer sets
 * are used only where `Office.context.requirements.isSetSupported` says so (docs/OFFICE.md, "Requirement sets").
 * `npm run validate` checks that the manifest, this file and docs/OFFICE.md agree.
 */

/** The lowest set the add-in needs: data validation (1.8), page layout, RangeAreas, worksheets.onChanged (1.9). */
export const MIN_EXCEL_API = "1.9";

/** `WorksheetChangedEventArgs.triggerSource`: tells the add-in's own writes from the user's. */
export const TRIGGER_SOURCE_API = "1.14";

/** `Excel.run({ mergeUndoGroup: true })`: the add-in's writes join one undo step. */
export const MERGE_UNDO_API = "1.20";

/** Whether the running Excel supports ExcelApi `version`; false outside Office or on a host without the API. */
export function excelApiSupported(version: string): boolean {
  if (typeof Office === "undefined" || !Office.context?.requirements) return false;
  return Office.context.requirements.isSetSupported("ExcelApi", version);
}

/**
 * Whether the pane runs in Excel on the web, where a workbook that refuses every write is open for viewing only (the
 * Viewing mode, or view permission only) rather than read-only as a file on the desktop is; false outside Office.
 */
export function onExcelWeb(): boolean {
  if (typeof Office === "undefined" || !Office.context) return false;
  const platform = Office.context.diagnostics?.platform ?? Office.context.platform;
  return String(platform) === "OfficeOnline";
}
