/** The appendix's header row: which columns hold the STT, labels, units, values and notes (docs/LOCATE.md §1). */
import type { Grid } from "../grid";
import { cleanText, foldDiacritics } from "../text";

/** A header must sit in the first rows of the sheet (sheets with an appendix far below other data are not looked at). */
export const HEADER_SCAN_ROWS = 300;
/** The header, and the label column without one, are searched for in this many first columns. */
export const SCAN_COLS = 40;

export type Role = "stt" | "label" | "unit" | "value" | "note";

/** What a header cell names, from its folded text; null for anything else. Long texts are titles, not headers. */
export function headerRole(text: string): { role: Role; strength: number } | null {
  if (text.length > 40) return null;
  const f = foldDiacritics(cleanText(text)).replace(/[:.]+$/, "").trim();
  if (/^(s?tt|so tt|so thu tu)$/.test(f)) return { role: "stt", strength: 1 };
  if (/^(chi tieu( thong ke)?|(ten|noi dung) chi tieu|noi dung)$/.test(f)) return { role: "label", strength: 1 };
  if (/^(dvt|d\.v\.t|don vi tinh|don vi)$/.test(f)) return { role: "unit", strength: 1 };
  if (/^ghi chu/.test(f)) return { role: "note", strength: 1 };
  // A value heading is short ("Kết quả thống kê") or names a period ("Số liệu năm 2024"); a data label
  // such as "Kết quả thực hiện thực tế" is neither.
  const words = f.split(/\s+/).length;
  if (words > 4 && !(/\d{4}/.test(f) && words <= 8)) return null;
  // "Số liệu" names the value column exactly; "Kết quả thống kê" often spans unit and value (merged).
  if (/^(so lieu|gia tri|thuc hien)/.test(f)) return { role: "value", strength: 2 };
  if (/^(ket qua|nam \d{4}|ky bao cao)/.test(f)) return { role: "value", strength: 1 };
  return null;
}

/** The header row (the lower one of a two-row header) and the column of each role it names. */
export interface Header {
  row: number;
  roles: Map<Role, { col: number; strength: number }>;
}

/** The header row: holds a label heading and at least one other role, possibly completed by the row below. */
export function findHeader(grid: Grid): Header | null {
  const rows = Math.min(grid.values.length, HEADER_SCAN_ROWS);
  let best: Header | null = null;
  let bestScore = 0;
  for (let r = 0; r < rows; r++) {
    const roles = rowRoles(grid, r);
    if (!roles.has("label")) continue;
    let headerRow = r;
    // A two-row header: "Kết quả thống kê" over C:D above "Đơn vị tính | Số liệu". The lower row's roles
    // are more precise, so they override; a vertically merged "Chỉ tiêu" stays from the upper row.
    const below = r + 1 < grid.values.length ? rowRoles(grid, r + 1) : new Map();
    const labelCol = roles.get("label")!.col;
    if (below.size > 0 && ![...below.values()].some((at) => at.col === labelCol)) {
      for (const [role, at] of below) {
        for (const [other, o] of roles) if (o.col === at.col && other !== "label") roles.delete(other);
        const prior = roles.get(role);
        if (!prior || role !== "value" || at.strength >= prior.strength) roles.set(role, at);
      }
      headerRow = r + 1;
    }
    // Each role in its own column: a label heading and a value heading in one column is a data row.
    const score = new Set([...roles.values()].map((at) => at.col)).size === roles.size ? roles.size : 0;
    if (score >= 2 && score > bestScore) {
      best = { row: headerRow, roles };
      bestScore = score;
    }
  }
  return best;
}

function rowRoles(grid: Grid, r: number): Map<Role, { col: number; strength: number }> {
  const roles = new Map<Role, { col: number; strength: number }>();
  const row = grid.values[r] ?? [];
  const cols = Math.min(row.length, SCAN_COLS);
  for (let c = 0; c < cols; c++) {
    const v = row[c];
    if (typeof v !== "string" || v.length > 40) continue;
    const h = headerRole(v);
    if (!h) continue;
    const prior = roles.get(h.role);
    // The first cell of a role wins, except a stronger value heading ("Số liệu" over "Kết quả").
    if (!prior || h.strength > prior.strength) roles.set(h.role, { col: c, strength: h.strength });
  }
  return roles;
}
