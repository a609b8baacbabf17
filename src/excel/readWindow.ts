/**
 * The window each sheet is read in: the rows and columns the locator looks at, and the only cells the add-in
 * marks. Bounding it bounds every response whatever a sheet holds (docs/OFFICE.md, "Reading").
 */
import { columnLetters } from "../core";

/** Rows read from the top of each sheet: the locator wants the header in the first 300 rows, and the appendix is ~190 rows. */
export const READ_ROWS = 600;
/** Columns read from column A: the appendix is 5 columns wide; it may be shifted right or sit beside other tables. */
export const READ_COLS = 26;
/** The window each sheet is read in. */
export const READ_WINDOW = `A1:${columnLetters(READ_COLS - 1)}${READ_ROWS}`;
