/**
 * Finds the appendix on a sheet the add-in may not have made: the header row and columns, then each
 * template row's sheet row. The method, its thresholds and its bounds are described in docs/LOCATE.md.
 */
import type { Template } from "../catalog/model";
import type { Grid } from "../grid";
import type { LocateFailure, LocateResult, Location, ValueChoice } from "../location";
import { bestLabelColumn, guessLabelColumn, inferColumns, type Columns } from "./columns";
import { findHeader } from "./header";
import { matchRows, type MatchState } from "./rows";
import { chooseValueColumn } from "./valueColumn";

/**
 * Matched rows needed to say "found": a quarter of the template, at least 3 and at most 20. A sheet of other
 * data may share a few generic labels ("Khác", "Tổng số"), never twenty; a real appendix, even one section
 * of it, has more than twenty rows.
 */
export function minimumMatches(template: Template): number {
  return Math.min(20, Math.max(3, Math.ceil(template.indicators.length / 4)));
}

/**
 * What the user chose: the sheet column to check as values (the CLI's `--column`, the pane's picker), and the
 * sheet to check (the CLI's `--sheet`, the pane's choice; a hidden sheet is used only when chosen so).
 */
export interface LocateOptions {
  readonly valueColumn?: number;
  readonly sheet?: string;
  /** rows needed to say "found" instead of `minimumMatches` (locateInWorkbook, for the parts of a split appendix) */
  readonly minimum?: number;
}

/** The value column of the report's own period among several (valueColumn.ts), into `cols`. */
function withValueChoice(
  grid: Grid,
  headerRow: number,
  matchedRows: readonly number[],
  cols: Columns,
  opts: LocateOptions,
): { cols: Columns; choice: ValueChoice | null } {
  const forced = opts.valueColumn === undefined ? null : opts.valueColumn - grid.origin.col;
  const { value, choice } = chooseValueColumn(grid, headerRow, matchedRows, cols, cols.value, forced);
  return { cols: { ...cols, value, note: cols.note === value ? null : cols.note }, choice };
}

function toLocation(grid: Grid, template: Template, headerRow: number, cols: Columns, state: MatchState, choice: ValueChoice | null = null): Location {
  const sheetCol = (c: number | null) => (c === null ? null : c + grid.origin.col);
  const missing = template.indicators.filter((i) => !state.rows.has(i.id)).map((i) => i.id);
  return {
    template: template.id,
    headerRow: headerRow + grid.origin.row,
    columns: {
      stt: sheetCol(cols.stt),
      label: cols.label + grid.origin.col,
      unit: sheetCol(cols.unit),
      value: cols.value + grid.origin.col,
      note: sheetCol(cols.note),
    },
    rows: Object.fromEntries(state.rows),
    sectionRows: Object.fromEntries(state.sectionRows),
    matches: state.matches,
    missing,
    unrecognized: state.unrecognized,
    ...(choice ? { valueChoice: choice } : {}),
  };
}

/** Finds `template`'s appendix on a sheet: header, columns, and the sheet row of each indicator. */
export function locate(grid: Grid, template: Template, opts: LocateOptions = {}): LocateResult {
  return locateWithPartial(grid, template, opts).result;
}

/**
 * `locate`, and on failure the indicators that did match (empty on success): a workbook with the appendix split
 * over sheets that each hold too few rows is told apart from one that holds too few rows.
 */
export function locateWithPartial(grid: Grid, template: Template, opts: LocateOptions = {}): { result: LocateResult; partial: readonly string[] } {
  const need = opts.minimum ?? minimumMatches(template);
  const header = findHeader(grid);
  let viaHeader: { col: number; state: MatchState } | null = null;
  if (header) {
    const stt = header.roles.get("stt")?.col ?? null;
    viaHeader = bestLabelColumn(grid, template, header.roles.get("label")!.col, stt, header.row + 1, header.roles);
    if (viaHeader.state.matches.length >= need) {
      const roles = header.roles;
      const matchedRows = [...viaHeader.state.rows.values()].map((r) => r - grid.origin.row);
      const unit = roles.get("unit")?.col;
      const value = roles.get("value");
      // "Số liệu" names the value column. A weaker heading ("Kết quả thống kê", often merged over unit and
      // value) names it only when the unit has its own heading; otherwise the data decides.
      const known: Partial<Columns> = {
        stt,
        unit,
        value: value && (value.strength >= 2 || unit !== undefined) ? value.col : undefined,
        note: roles.get("note")?.col ?? null,
      };
      const chosen = withValueChoice(grid, header.row, matchedRows, inferColumns(grid, template, viaHeader.col, matchedRows, known), opts);
      return found(toLocation(grid, template, header.row, chosen.cols, viaHeader.state, chosen.choice));
    }
  }
  // No usable header: find the labels themselves.
  const guess = guessLabelColumn(grid, template);
  const state = guess ? matchRows(grid, template, { label: guess.col, stt: null }, guess.firstRow) : null;
  const count = Math.max(state?.matches.length ?? 0, viaHeader?.state.matches.length ?? 0);
  if (!guess || !state || state.matches.length < need) {
    const best = state && state.matches.length >= (viaHeader?.state.matches.length ?? 0) ? state : viaHeader?.state;
    const failure: LocateFailure = count === 0 && !header ? { reason: "no_header" } : { reason: "too_few_rows", matched: count };
    return { result: { ok: false, failure }, partial: best ? best.matches.map((m) => m.indicator) : [] };
  }
  const matchedRows = [...state.rows.values()].map((r) => r - grid.origin.row);
  // The row above the first matched one stands in for the header.
  const firstMatched = Math.min(...state.rows.values(), ...state.sectionRows.values()) - grid.origin.row;
  const headerRow = Math.max(0, firstMatched - 1);
  const chosen = withValueChoice(grid, headerRow, matchedRows, inferColumns(grid, template, guess.col, matchedRows, {}), opts);
  return found(toLocation(grid, template, headerRow, chosen.cols, state, chosen.choice));
}

function found(location: Location): { result: LocateResult; partial: readonly string[] } {
  return { result: { ok: true, location }, partial: [] };
}
