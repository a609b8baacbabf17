/**
 * One check of a whole workbook, shared by every surface: find the appendix among the sheets, then validate and
 * compute. Adapters read their sheets into grids and call this; the pane only sees the result.
 */
import { analyze } from "./analyze";
import type { Template } from "./catalog/model";
import type { Finding } from "./finding";
import type { Grid } from "./grid";
import { locateInWorkbook, type OtherAppendix, type SplitAppendix } from "./locate";
import type { Location } from "./location";
import type { Patch } from "./patch";

/** Where the appendix is in a workbook and what is wrong with it. */
export type WorkbookCheck =
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
      /** other sheets that hold an appendix too (the check uses `sheet`; surfaces should say the others exist) */
      readonly others?: readonly OtherAppendix[];
      /** set when `sheet` and another sheet look like two parts of one appendix */
      readonly split?: SplitAppendix | null;
    };

/** Locates the appendix in `sheets` and analyses it; `found: false` lists the sheets looked at. */
export function checkWorkbook(sheets: readonly { name: string; grid: Grid }[], templates: readonly Template[]): WorkbookCheck {
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
