/**
 * The one check of a workbook, shared by every surface and every test: find the appendix among the sheets, then
 * validate and compute it. Adapters read their sheets into grids and call this; the pane, the ribbon, the command
 * line and the consolidation only see its result.
 */
import { analyze } from "./analyze";
import type { Template } from "./catalog/model";
import type { Finding, IndicatorAt } from "./finding";
import type { Grid } from "./grid";
import { locateInWorkbook, type HiddenChoice, type LocateOptions, type OtherAppendix, type SplitAppendix } from "./locate";
import type { CellRef } from "./address";
import type { AppendixFailure, Location } from "./location";
import type { Patch } from "./cellWrite";
import type { Period } from "./period";
import { periodDatesFinding } from "./rules/periodRules";
import { titleInfo, titleOrSheetPeriod } from "./titleInfo";

/** One sheet as an adapter read it; `hidden` when Excel hides it (hidden or very hidden). */
export interface SheetGrid {
  readonly name: string;
  readonly grid: Grid;
  readonly hidden?: boolean;
}

/** What the check is told besides the sheets: the sheet and value column chosen (LocateOptions), the report's period. */
export interface CheckOptions extends LocateOptions {
  /**
   * The report's period as the user states it (the CLI's `--period`): used in place of the one the title gives (which
   * `reportPeriod.title` still says), or where the title gives none.
   */
  readonly period?: Period;
}

/** The report's period the rules went by, and where it was read: the title block, or the user's option. */
export interface PeriodRead {
  readonly period: Period | null;
  /**
   * "title": read from the title block above the table; "sheet": from the sheet's name, the title naming none ("PL Quý
   * III 2026"); "option": given by the user; null: nobody says
   */
  readonly from: "title" | "sheet" | "option" | null;
  /** what the title block says (when `from` is "option", it may say another period, or none) */
  readonly title: Period | null;
}

/** The appendix found and checked. */
export interface FoundCheck {
  readonly found: true;
  readonly sheet: string;
  /**
   * `sheet` is hidden: "chosen" when the user named it (the CLI's --sheet, the pane's choice), "fallback" when no
   * visible sheet holds an appendix. A "fallback" sheet is checked but never filled nor consolidated
   * (`mayWrite`). null: the sheet is visible.
   */
  readonly hidden: HiddenChoice;
  /** the template the appendix follows (the object itself, not an id to look up again) */
  readonly template: Template;
  readonly location: Location;
  /** the report's period the rules went by (rows due, cumulative rows), and where it comes from */
  readonly reportPeriod: PeriodRead;
  /** the title block above the table: the unit it names and its lines (what the form's currency is judged by) */
  readonly title: { readonly unitName: string | null; readonly lines: readonly string[] };
  readonly findings: readonly Finding[];
  /** totals and rates the calculator would write */
  readonly patches: readonly Patch[];
  /** computed cells holding a different user value (not overwritten without confirmation) */
  readonly conflicts: readonly Finding[];
  /** indicators due in the report's period without an answer (core/readiness.ts) */
  readonly unanswered: readonly IndicatorAt[];
  /** other sheets that hold an appendix too (the check uses `sheet`; surfaces should say the others exist) */
  readonly others: readonly OtherAppendix[];
  /** set when `sheet` and another sheet look like two parts of one appendix */
  readonly split: SplitAppendix | null;
  /**
   * With `split`: the second sheet and where the rest of the appendix sits on it. The two are checked as one
   * appendix (every section's rules, relations across them included); findings, fixes and patches on the second
   * sheet name it (`cell.sheet`, `fix.sheet`).
   */
  readonly rest: { readonly sheet: string; readonly location: Location } | null;
}

/** No appendix: why (the same reason every surface words the same way), and the sheets looked at. */
export interface NotFoundCheck {
  readonly found: false;
  readonly sheets: readonly string[];
  readonly failure: AppendixFailure;
}

/** Where the appendix is in a workbook and what is wrong with it, or why there is none. */
export type WorkbookCheck = FoundCheck | NotFoundCheck;

/** Locates the appendix in `sheets` (trying each of `templates`) and analyses it. Pure; never throws on data. */
export function checkWorkbook(sheets: readonly SheetGrid[], templates: readonly Template[], opts: CheckOptions = {}): WorkbookCheck {
  const located = locateInWorkbook(sheets, templates, opts);
  if (!located.ok) return { found: false, sheets: sheets.map((s) => s.name), failure: located.failure };
  // locateInWorkbook names one of the sheets it was given.
  const sheet = sheets.find((s) => s.name === located.sheet) as SheetGrid;
  const title = titleInfo(sheet.grid, located.location);
  const titlePeriod = title.period;
  const readPeriod = titleOrSheetPeriod({ period: titlePeriod }, located.sheet);
  const period = opts.period ?? readPeriod;
  const from = opts.period ? "option" : titlePeriod ? "title" : readPeriod ? "sheet" : null;
  const reportPeriod: PeriodRead = { period, from, title: titlePeriod };
  const restGrid = located.rest && sheets.find((s) => s.name === located.rest!.sheet)!.grid;
  const second = located.rest && restGrid ? { primary: located.sheet, sheet: located.rest.sheet, grid: restGrid, location: located.rest.location } : null;
  const analyzed = analyze(sheet.grid, located.template, located.location, { period, second });
  const { patches, conflicts, unanswered } = analyzed;
  const findings = [
    ...valueColumnFindings(located.location),
    // Each part of a split appendix has its own value column, each chosen alone: either may be the ambiguous one.
    ...(located.rest ? valueColumnFindings(located.rest.location, located.rest.sheet) : []),
    // The title's dates against the title's own period: what the title writes is what is checked there.
    ...periodDatesFinding(sheet.grid, located.location, titlePeriod),
    ...analyzed.findings,
  ];
  return {
    found: true,
    sheet: located.sheet,
    hidden: located.hidden,
    template: located.template,
    location: located.location,
    reportPeriod,
    title: { unitName: title.unitName, lines: title.lines },
    findings,
    patches,
    conflicts,
    unanswered,
    others: located.others,
    split: located.split,
    rest: located.rest,
  };
}

/** The indicators found in the appendix: on its sheet, and on the second sheet of a split one. */
export function matchedIndicators(check: FoundCheck): number {
  return check.location.matches.length + (check.rest?.location.matches.filter((m) => check.location.rows[m.indicator] === undefined).length ?? 0);
}

/** The indicators the appendix has no row for on either of its sheets. */
export function missingIndicators(check: FoundCheck): readonly string[] {
  const rest = check.rest?.location.rows;
  return rest ? check.location.missing.filter((id) => rest[id] === undefined) : check.location.missing;
}

/**
 * Whether a surface may write into the checked sheet or take its figures into a consolidation: not when it is a
 * hidden sheet nobody chose (a hidden "PL 2023" is checked when it is all there is, never filled on a guess).
 */
export function mayUseSheet(check: FoundCheck): boolean {
  return check.hidden !== "fallback";
}

/**
 * Why nothing may be filled into the checked appendix, or null when it may: the sheet is hidden and nobody chose it
 * (`hidden_sheet`), or several value columns and nothing says which is the report's (`ambiguous_column`: filling
 * one would be a guess). Every surface that fills (cchc fill, the ribbon, the pane) asks this.
 */
export function fillBlocker(check: FoundCheck): { readonly reason: "hidden_sheet" | "ambiguous_column" } | null {
  if (!mayUseSheet(check)) return { reason: "hidden_sheet" };
  if (check.location.valueChoice?.reason === "ambiguous" || check.rest?.location.valueChoice?.reason === "ambiguous") return { reason: "ambiguous_column" };
  return null;
}

/**
 * Several value columns nothing tells apart: one warning on the checked column's header cell naming them all. `sheet`
 * names the second sheet of a split appendix (its cells carry the name, as every cell there does).
 */
function valueColumnFindings(location: Location, sheet?: string): Finding[] {
  const choice = location.valueChoice;
  if (choice?.reason !== "ambiguous") return [];
  const cell = (col: number): CellRef => (sheet === undefined ? { row: location.headerRow, col } : { row: location.headerRow, col, sheet });
  const checked = location.columns.value;
  const cells = [cell(checked), ...choice.columns.filter((c) => c.col !== checked).map((c) => cell(c.col))];
  return [
    {
      code: "value_column_ambiguous",
      severity: "warning",
      indicator: "",
      cell: cells[0]!,
      cells,
      actual: null,
      expected: null,
      fix: null,
      detail: { columns: choice.columns.map((c) => ({ col: c.col, heading: c.heading, checked: c.checked })) },
    },
  ];
}
