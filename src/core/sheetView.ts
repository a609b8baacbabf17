/**
 * The read step between the grid and the rules: each located indicator's value cell read (read.ts), its note and
 * unit, and the number the cell rules make of it. Validate, compute and consolidation all work from one view.
 */
import type { CellRef } from "./address";
import type { Indicator, Template } from "./catalog/model";
import type { Finding } from "./finding";
import { cellAt, type Grid, type RawCell } from "./grid";
import type { Location } from "./location";
import type { Period } from "./period";
import { readCell } from "./read";
import type { Reading } from "./reading";
import { cleanText, labelKey } from "./text";

/** One located indicator: its value cell as read, and its note. */
export interface IndicatorCell {
  readonly indicator: Indicator;
  /** The value cell (naming its sheet when it is on the second sheet of a split appendix). */
  readonly cell: CellRef;
  readonly raw: RawCell;
  readonly reading: Reading;
  /** The note cell's text, cleaned; "" when blank or when the sheet has no note column. */
  readonly note: string;
  /** The note cell, null when the sheet has no note column. */
  readonly noteCell: CellRef | null;
  /** The note says something of the user's own, not just the template's printed guidance or a "số ..." placeholder. */
  readonly noteFilled: boolean;
  /** The unit column's text, cleaned; "" when blank or when the sheet has no unit column. */
  readonly unit: string;
  /** The unit cell, null when the sheet has no unit column. */
  readonly unitCell: CellRef | null;
  /**
   * False when the report's period is known and the row is not due in it (`Indicator.periods`): a blank there is not
   * asked for. True otherwise.
   */
  readonly due: boolean;
}

/**
 * The number a relation works from, once the cell rules have read the cell: the value the cell is meant to hold
 * (the fix value when a cell rule offers one, e.g. 87 for 0.87 in a % row, 1 for "Có").
 * `missing`: the sheet has no row for the indicator. `unusable`: text, an error or an unresolved ambiguity.
 */
export type CellNumber =
  | { readonly state: "missing" }
  | { readonly state: "blank" }
  | { readonly state: "unusable" }
  | { readonly state: "value"; readonly value: number; readonly decimals: number | null };

/** The number itself, null in any other state. */
export function numberValue(n: CellNumber): number | null {
  return n.state === "value" ? n.value : null;
}

/** What the cell rules say about one cell. */
export interface CellCheck {
  readonly findings: readonly Finding[];
  readonly number: CellNumber;
}

/**
 * The rest of an appendix split over two sheets: the second sheet's name, cells and where the appendix sits on it.
 * `primary` names the appendix's own sheet (the first), so a formula written on the second sheet can name it.
 */
export interface SecondPart {
  readonly primary: string;
  readonly sheet: string;
  readonly grid: Grid;
  readonly location: Location;
}

/** The appendix as the rules see it: each located indicator's cell and the number relations may use. */
export interface SheetView {
  readonly template: Template;
  readonly location: Location;
  /** the second sheet of a split appendix, whose rows the view takes for indicators the first sheet lacks */
  readonly second: SecondPart | null;
  /** The located cell of an indicator, undefined when the sheet has no row for it. */
  cell(id: string): IndicatorCell | undefined;
  /** The number relations use for an indicator. */
  number(id: string): CellNumber;
  /** The cell rules' findings, in template order. */
  readonly cellFindings: readonly Finding[];
  /** The period the report covers, as its title says (null: not known). */
  readonly period: Period | null;
}

/**
 * A note that only repeats the template's guidance ("Ghi rõ nội dung vi phạm") or a blank reference
 * ("Quyết định số ...") carries no information from the user.
 */
function isPlaceholderNote(note: string, indicator: Indicator): boolean {
  if (note === "") return true;
  if (indicator.noteHint && labelKey(note) === labelKey(indicator.noteHint)) return true;
  return /số\s*(\.{2,}|…)\s*$/iu.test(note);
}

function noteText(raw: RawCell): string {
  if (raw.value === null || raw.value === undefined) return "";
  return cleanText(String(raw.value));
}

/**
 * Reads the located cells of a template and runs `inspect` on each; the result is what validate and compute share.
 * With `second` (an appendix split over two sheets) an indicator the first sheet has no row for is read from the
 * second sheet, its cells naming that sheet: every rule, relations across the two parts included, sees one appendix.
 */
export function sheetView(
  grid: Grid,
  template: Template,
  location: Location,
  inspect: (c: IndicatorCell) => CellCheck,
  period: Period | null = null,
  second: SecondPart | null = null,
): SheetView {
  const cells = new Map<string, IndicatorCell>();
  const numbers = new Map<string, CellNumber>();
  const cellFindings: Finding[] = [];
  for (const indicator of template.indicators) {
    const own = location.rows[indicator.id];
    const part = own !== undefined ? { grid, location, sheet: undefined } : second?.location.rows[indicator.id] !== undefined ? second : null;
    if (!part) continue;
    const row = part.location.rows[indicator.id]!;
    const on = (col: number): CellRef => (part.sheet === undefined ? { row, col } : { row, col, sheet: part.sheet });
    const value = part.location.columns.value;
    const raw = cellAt(part.grid, { row, col: value });
    const noteCol = part.location.columns.note;
    const note = noteCol === null ? "" : noteText(cellAt(part.grid, { row, col: noteCol }));
    const unitCol = part.location.columns.unit;
    const c: IndicatorCell = {
      indicator,
      cell: on(value),
      raw,
      reading: readCell(raw),
      note,
      noteCell: noteCol === null ? null : on(noteCol),
      noteFilled: !isPlaceholderNote(note, indicator),
      unit: unitCol === null ? "" : noteText(cellAt(part.grid, { row, col: unitCol })),
      unitCell: unitCol === null ? null : on(unitCol),
      due: period === null || !indicator.periods?.length || indicator.periods.includes(period.kind),
    };
    const check = inspect(c);
    cells.set(indicator.id, c);
    numbers.set(indicator.id, check.number);
    cellFindings.push(...check.findings);
  }
  return {
    template,
    location,
    second,
    cell: (id) => cells.get(id),
    number: (id) => numbers.get(id) ?? { state: "missing" },
    cellFindings,
    period,
  };
}
