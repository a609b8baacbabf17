/**
 * One check of a whole workbook, shared by the hosts: find the appendix among the sheets, then validate and
 * compute. Hosts read their sheets into grids and call this; the pane only sees the resulting CheckState.
 */
import { analyze } from "../core/analyze";
import type { Template } from "../core/catalog/model";
import type { Grid } from "../core/grid";
import { locateInWorkbook } from "../core/locate";
import type { CheckState } from "./host";

/** Locates the appendix in `sheets` and analyses it; `found: false` lists the sheets looked at. */
export function checkSheets(sheets: readonly { name: string; grid: Grid }[], templates: readonly Template[]): CheckState {
  const located = locateInWorkbook(sheets, templates);
  if (!located.ok) return { found: false, sheets: sheets.map((s) => s.name) };
  const sheet = sheets.find((s) => s.name === located.sheet);
  if (!sheet) return { found: false, sheets: sheets.map((s) => s.name) };
  const { findings, patches, conflicts } = analyze(sheet.grid, located.template, located.location);
  return {
    found: true,
    sheet: located.sheet,
    location: located.location,
    findings,
    patches,
    conflicts,
    others: located.others,
    split: located.split,
  };
}
