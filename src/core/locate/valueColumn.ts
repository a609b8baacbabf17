/**
 * Which of several value columns holds the report's own period (docs/LOCATE.md §1, "Several value columns"):
 * "Năm 2023 | Năm 2024", "Kỳ trước | Kỳ này", "Cùng kỳ | Kỳ báo cáo", "Kế hoạch | Thực hiện".
 */
import type { Grid } from "../grid";
import type { ValueChoice, ValueColumnSeen } from "../location";
import { titleInfo } from "../titleInfo";
import { cleanText, foldDiacritics } from "../text";
import { numericCells } from "./columns";
import { cellText } from "./rows";

/** Headings of another period than the report's: last period, the same period last year, the plan. */
const OTHER_PERIOD = /\b(ky truoc|cung ky|ke hoach|nam truoc|nam ngoai|uoc (tinh|thuc hien))\b/;
/** Headings of the report's own period. */
const OWN_PERIOD = /\b(ky nay|ky bao cao|thuc hien|nam nay|trong ky)\b/;

/**
 * A column's heading: the header row's cell and the one above it (a merged "Kết quả thống kê" over the years), and the
 * one below when that row is still header (`below`: "Kết quả" merged over "Kỳ trước | Kỳ này", headings the header
 * row does not recognise, so the header row found is the upper one).
 */
function headingOf(grid: Grid, headerRow: number, col: number, below = false): string | null {
  const texts: string[] = [];
  for (const r of below ? [headerRow - 1, headerRow, headerRow + 1] : [headerRow - 1, headerRow]) {
    if (r < 0) continue;
    const t = cleanText(cellText(grid.values[r]?.[col]));
    if (t !== "" && !texts.includes(t)) texts.push(t);
  }
  return texts.length ? texts.join(" / ") : null;
}

/** A heading's period marks: another period, the report's own, and the year it names (the last one). */
function marks(heading: string | null): { other: boolean; own: boolean; year: number | null } {
  if (heading === null) return { other: false, own: false, year: null };
  const f = foldDiacritics(heading);
  const years = [...f.matchAll(/\b(19|20)\d{2}\b/g)].map((m) => Number(m[0]));
  const other = OTHER_PERIOD.test(f);
  return { other, own: !other && OWN_PERIOD.test(f), year: years.length ? years[years.length - 1]! : null };
}

/**
 * The value columns seen (grid-relative `col`) and the one to check. A candidate is a column right of the labels
 * and units, not the note or STT column, whose filled cells on matched rows are mostly numbers (at least 2 and a
 * tenth of the rows), or whose heading names a period. With one candidate (or none) nothing changes: `current`
 * stays. `forced` (a column the user chose) wins over everything.
 */
export function chooseValueColumn(
  grid: Grid,
  headerRow: number,
  matchedRows: readonly number[],
  roles: { label: number; unit: number | null; note: number | null; stt: number | null },
  current: number,
  forced: number | null,
): { value: number; choice: ValueChoice | null } {
  const width = matchedRows.reduce((w, r) => Math.max(w, grid.values[r]?.length ?? 0), 0);
  const from = Math.max(roles.label, roles.unit ?? roles.label) + 1;
  const taken = new Set([roles.note, roles.stt, roles.unit, roles.label]);
  const seen: { col: number; heading: string | null; m: ReturnType<typeof marks> }[] = [];
  // The row under the header is header too when it is no table row: no label there and no match.
  const next = headerRow + 1;
  const below = !matchedRows.includes(next) && cleanText(cellText(grid.values[next]?.[roles.label])) === "";
  for (let c = from; c < Math.max(width, current + 1); c++) {
    if (taken.has(c) && c !== current) continue;
    const heading = headingOf(grid, headerRow, c, below);
    const m = marks(heading);
    const n = numericCells(grid, c, matchedRows);
    const numeric = n.filled >= Math.max(2, matchedRows.length / 10) && n.numeric / n.filled >= 0.6;
    if (c === current || numeric || m.year !== null || m.own || m.other) seen.push({ col: c, heading, m });
  }
  const columns = (value: number): ValueColumnSeen[] =>
    seen.map((s) => ({ col: s.col + grid.origin.col, heading: s.heading, checked: s.col === value }));
  if (forced !== null) {
    if (!seen.some((s) => s.col === forced)) seen.push({ col: forced, heading: headingOf(grid, headerRow, forced, below), m: marks(null) });
    seen.sort((a, b) => a.col - b.col);
    return { value: forced, choice: { reason: "chosen", columns: columns(forced) } };
  }
  if (seen.length < 2) return { value: current, choice: null };
  const decide = (value: number, reason: ValueChoice["reason"]) => ({ value, choice: { reason, columns: columns(value) } });
  const titleYear = titleInfo(grid, { headerRow: headerRow + grid.origin.row }).period?.year ?? null;
  const years = seen.filter((s) => s.m.year !== null);
  if (titleYear !== null) {
    const same = seen.filter((s) => s.m.year === titleYear && !s.m.other);
    if (same.length === 1) return decide(same[0]!.col, "title_year");
  }
  const own = seen.filter((s) => s.m.own);
  if (own.length === 1) return decide(own[0]!.col, "heading");
  const distinctYears = new Set(years.map((s) => s.m.year)).size === years.length;
  if (years.length >= 2 && distinctYears && (titleYear === null || years.every((s) => s.m.year! < titleYear) === false)) {
    const latest = years.reduce((a, b) => (b.m.year! > a.m.year! ? b : a));
    if (!latest.m.other) return decide(latest.col, "later_year");
  }
  const notOther = seen.filter((s) => !s.m.other);
  if (notOther.length === 1 && seen.some((s) => s.m.other)) return decide(notOther[0]!.col, "heading");
  return decide(current, "ambiguous");
}
