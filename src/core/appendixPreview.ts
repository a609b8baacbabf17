/** The located appendix rows as plain text, for the read-only preview outside Excel. */
import type { Address } from "./address";
import { cellAt, type Grid } from "./grid";
import type { Location } from "./location";

/** One appendix row as the sheet shows it. */
export interface PreviewRow {
  /** 0-based sheet row */
  readonly row: number;
  /** indicator id, or the section id for a section heading */
  readonly id: string;
  readonly section: boolean;
  readonly stt: string;
  readonly label: string;
  readonly unit: string;
  readonly value: string;
  /** the value cell holds a number (its text is then written in the workbook's en-US form: "87.23", "3,036") */
  readonly numeric: boolean;
  readonly note: string;
  /** the value cell */
  readonly valueCell: Address;
}

function textAt(grid: Grid, row: number, col: number | null): string {
  if (col === null) return "";
  const c = cellAt(grid, { row, col });
  if (c.text !== undefined && c.text !== "") return c.text;
  return c.value === null ? "" : String(c.value);
}

/** Section headings and indicator rows in sheet order, each cell as displayed text. */
export function appendixPreview(grid: Grid, location: Location): PreviewRow[] {
  const cols = location.columns;
  const rows: { row: number; id: string; section: boolean }[] = [
    ...Object.entries(location.sectionRows).map(([id, row]) => ({ row, id, section: true })),
    ...Object.entries(location.rows).map(([id, row]) => ({ row, id, section: false })),
  ].sort((a, b) => a.row - b.row);
  return rows.map(({ row, id, section }) => ({
    row,
    id,
    section,
    stt: textAt(grid, row, cols.stt),
    label: textAt(grid, row, cols.label),
    unit: textAt(grid, row, cols.unit),
    value: textAt(grid, row, cols.value),
    numeric: typeof cellAt(grid, { row, col: cols.value }).value === "number",
    note: textAt(grid, row, cols.note),
    valueCell: { row, col: cols.value },
  }));
}
