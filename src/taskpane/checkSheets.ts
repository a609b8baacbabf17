/**
 * One check of a whole workbook, shared by the hosts: find the appendix among the sheets, then validate and
 * compute. Hosts read their sheets into grids and call this; the pane only sees the resulting CheckState.
 */
import { analyze } from "../core/analyze";
import { compute } from "../core/compute";
import type { Template } from "../core/catalog/model";
import type { Finding } from "../core/finding";
import type { Grid } from "../core/grid";
import { locateInWorkbook } from "../core/locate";
import type { Location } from "../core/location";
import type { CheckState } from "./host";

/**
 * Computed cells holding a value other than the one that follows from their inputs. Taken from the calculator
 * itself: analyze() folds some of these into validate's sum_mismatch/rate_mismatch (which may carry no fix), but
 * the fill preview needs every one, with the formula to write once the user confirms.
 */
export function conflictsOf(grid: Grid, template: Template, location: Location): Finding[] {
  return compute(grid, template, location).findings.filter((f) => f.code === "computed_value_conflict" && f.fix !== null);
}

/** Locates the appendix in `sheets` and analyses it; `found: false` lists the sheets looked at. */
export function checkSheets(sheets: readonly { name: string; grid: Grid }[], templates: readonly Template[]): CheckState {
  const located = locateInWorkbook(sheets, templates);
  if (!located.ok) return { found: false, sheets: sheets.map((s) => s.name) };
  const sheet = sheets.find((s) => s.name === located.sheet);
  if (!sheet) return { found: false, sheets: sheets.map((s) => s.name) };
  const { findings, patches } = analyze(sheet.grid, located.template, located.location);
  return {
    found: true,
    sheet: located.sheet,
    location: located.location,
    findings,
    patches,
    conflicts: conflictsOf(sheet.grid, located.template, located.location),
    others: located.others,
    split: located.split,
  };
}
