/**
 * Finds the appendix on a sheet the add-in may not have made: the header row and columns, then each
 * template row's sheet row. The method, its thresholds and its bounds are described in docs/LOCATE.md.
 */
import type { Template } from "./catalog/model";
import type { CellValue, Grid } from "./grid";
import type { LocateFailure, LocateResult, Location } from "./location";
import { foldLabel, prepare, similarity, type Prepared } from "./similarity";
import { cleanText, foldDiacritics, labelKey } from "./text";

/** A header must sit in the first rows of the sheet (sheets with an appendix far below other data are not looked at). */
export const HEADER_SCAN_ROWS = 300;
/** Without a header, the label column is searched for in this many first rows... */
export const FALLBACK_SCAN_ROWS = 2000;
/** ...and in this many first columns (also the column bound of the header search). */
export const SCAN_COLS = 40;
/** After the last matched row, the table is taken to have ended once this many rows in a row match nothing. */
export const END_GAP_ROWS = 60;
/** The table must start within this many rows below its header (or first label); bounds the work on big sheets. */
export const START_GAP_ROWS = 100;
/**
 * A tolerant match needs this score (see similarity.ts). Real variants of a label (a typo, no diacritics,
 * "Tỉ"/"Tỷ", "(nếu có)" dropped, one word changed) score 0.8–1; labels that only share a generic opening
 * ("Số nhiệm vụ khác" vs "Số nhiệm vụ đề ra trong kế hoạch") score 0.5–0.6.
 */
export const FUZZY_THRESHOLD = 0.75;
/** A section row whose numeral agrees ("IV" in its STT) needs only this score: section titles get abbreviated. */
const SECTION_THRESHOLD = 0.5;
/** Fuzzy candidates of a row out of order are sought this many template rows around the current position (order context). */
const WINDOW_BEFORE = 10;
const WINDOW_AFTER = 40;

/**
 * Matched rows needed to say "found": a quarter of the template, at least 3 and at most 20. A sheet of other
 * data may share a few generic labels ("Khác", "Tổng số"), never twenty; a real appendix, even one section
 * of it, has more than twenty rows.
 */
export function minimumMatches(template: Template): number {
  return Math.min(20, Math.max(3, Math.ceil(template.indicators.length / 4)));
}

type Role = "stt" | "label" | "unit" | "value" | "note";

/** What a header cell names, from its folded text; null for anything else. Long texts are titles, not headers. */
function headerRole(text: string): { role: Role; strength: number } | null {
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

function text(v: CellValue | undefined): string {
  if (v === null || v === undefined || typeof v === "boolean") return "";
  return typeof v === "number" ? String(v) : v;
}

interface Header {
  row: number;
  roles: Map<Role, { col: number; strength: number }>;
}

/** The header row: holds a label heading and at least one other role, possibly completed by the row below. */
function findHeader(grid: Grid): Header | null {
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

/** One template row in printed order: a section heading or an indicator. */
interface Item {
  readonly kind: "section" | "indicator";
  readonly id: string;
  readonly prepared: Prepared;
  /** The label without its parenthesised parts ("(nếu có)"), when it has any. */
  readonly bare: Prepared | null;
}

interface Catalog {
  readonly items: readonly Item[];
  /** labelKey of each label and alias -> item indices (several for a repeated label). */
  readonly byKey: ReadonlyMap<string, readonly number[]>;
  /** Folded label (no diacritics) -> item indices. */
  readonly byFolded: ReadonlyMap<string, readonly number[]>;
  /** Section numeral ("IV") -> item index of the section heading. */
  readonly sectionByNumeral: ReadonlyMap<string, number>;
}

const catalogCache = new WeakMap<Template, Catalog>();

function stripParens(s: string): string {
  return s.replace(/\([^)]*\)/g, " ");
}

function push(map: Map<string, number[]>, key: string, idx: number): void {
  if (key === "") return;
  const list = map.get(key) ?? [];
  if (!list.includes(idx)) list.push(idx);
  map.set(key, list);
}

/** The template as items in printed order (section headings before their rows) with lookup indices, built once. */
function catalogOf(template: Template): Catalog {
  const cached = catalogCache.get(template);
  if (cached) return cached;
  const items: Item[] = [];
  const byKey = new Map<string, number[]>();
  const byFolded = new Map<string, number[]>();
  const sectionByNumeral = new Map<string, number>();
  const add = (kind: Item["kind"], id: string, labels: readonly string[]) => {
    const idx = items.length;
    const bare = labels[0].includes("(") ? prepare(stripParens(labels[0])) : null;
    items.push({ kind, id, prepared: prepare(labels[0]), bare });
    for (const l of labels) {
      push(byKey, labelKey(l), idx);
      push(byFolded, foldLabel(l), idx);
    }
    return idx;
  };
  const done = new Set<string>();
  const addSection = (id: string) => {
    const s = template.sections.find((x) => x.id === id);
    if (!s || done.has(id)) return;
    done.add(id);
    sectionByNumeral.set(s.stt.toUpperCase(), add("section", s.id, [s.label]));
  };
  for (const ind of template.indicators) {
    addSection(ind.section);
    add("indicator", ind.id, [ind.label, ...(ind.aliases ?? [])]);
  }
  for (const s of template.sections) addSection(s.id);
  const built = { items, byKey, byFolded, sectionByNumeral };
  catalogCache.set(template, built);
  return built;
}

/** A sheet row's label as typed, and without a leading "I." / "1." / "1.2)" numbering. */
interface RowLabel {
  readonly row: number;
  readonly label: string;
  /** The label without its numbering (the label itself when it has none). */
  readonly rest: string;
  /** A roman numeral from the STT column or the label's numbering: marks a section row. */
  readonly numeral: string | null;
}

function rowLabel(row: number, label: string, stt: string): RowLabel {
  const m = /^([IVX]+|\d+(?:\.\d+)*)[.)]\s*(?=\S)/i.exec(label);
  // labelKey drops one leading bullet; a doubled "- - " loses the rest here.
  const rest = (m ? label.slice(m[0].length) : label).replace(/^([-–—+•*·]\s*)+/, "");
  const roman = (s: string | undefined) => (s && /^[IVX]+$/i.test(s) ? s.toUpperCase() : null);
  return { row, label, rest, numeral: roman(stt) ?? roman(m?.[1]) };
}

interface Columns {
  stt: number | null;
  label: number;
  unit: number | null;
  value: number;
  note: number | null;
}

interface MatchState {
  rows: Map<string, number>;
  sectionRows: Map<string, number>;
  matches: { indicator: string; row: number; how: "exact" | "fuzzy"; score: number }[];
  unrecognized: { row: number; label: string }[];
}

/** True when a text has a letter: "(2)", "3" or "—" under a header are column numbers or fillers, not labels. */
function hasLetter(s: string): boolean {
  return /\p{L}/u.test(s);
}

/** A page-break continuation starts mid-sentence: lower case or an opening parenthesis. */
function continuesLabel(s: string): boolean {
  return /^[\p{Ll}(]/u.test(s);
}

interface Assigned {
  readonly item: number;
  readonly how: "exact" | "fuzzy";
  readonly score: number;
  /** The row below was this label's continuation and is consumed. */
  readonly joined: boolean;
}

/**
 * Matches the label column below `firstRow` to template items in two passes.
 * 1. Exact (labelKey or alias) and diacritic-free equality, in order: a repeated label goes to the first
 *    unmatched item after the previous match (its section and group), so it follows the rows above it.
 *    These matches also fix where the table ends (END_GAP_ROWS).
 * 2. The remaining rows, tolerantly, each only against the items between the matches above and below it
 *    (rows are in template order), so an unknown row cannot take an indicator matched elsewhere.
 */
function matchRows(grid: Grid, template: Template, cols: { label: number; stt: number | null }, firstRow: number): MatchState {
  const cat = catalogOf(template);
  const lines: RowLabel[] = [];
  const assigned: (Assigned | null)[] = [];
  const taken = new Set<number>();
  const consumed = new Set<number>();
  let cursor = -1;
  let lastMatch = -1;
  /** Last row that matched or might match tolerantly: the table goes on while such rows keep coming. */
  let lastPlausible = -1;
  let skipRow = -1;
  const labelAt = (r: number) => cleanText(text(grid.values[r]?.[cols.label]));
  for (let r = firstRow; r < grid.values.length; r++) {
    if (lastPlausible >= 0 && r - lastPlausible > END_GAP_ROWS) break;
    if (lastPlausible < 0 && r - firstRow > START_GAP_ROWS) break;
    if (r === skipRow) continue;
    const label = labelAt(r);
    if (label === "" || !hasLetter(label)) continue;
    const stt = cols.stt === null ? "" : cleanText(text(grid.values[r]?.[cols.stt]));
    const line = rowLabel(r, label, stt);
    lines.push(line);
    let hit = exactMatch(cat, line, cursor, taken);
    let joined = false;
    if (!hit) {
      const next = labelAt(r + 1);
      if (next !== "" && continuesLabel(next)) {
        hit = exactMatch(cat, rowLabel(r, `${label} ${next}`, stt), cursor, taken);
        joined = hit !== null;
        if (joined) skipRow = r + 1;
      }
    }
    assigned.push(hit ? { ...hit, joined } : null);
    if (hit) {
      taken.add(hit.item);
      cursor = hit.item;
      lastMatch = joined ? r + 1 : r;
      lastPlausible = lastMatch;
    } else if (fuzzyMatch(cat, line, 0, cat.items.length, cursor, taken, true)) {
      lastPlausible = r;
    }
  }
  // Pass 2: tolerant matches between the exact ones.
  const nextItem: number[] = new Array(lines.length);
  let below = cat.items.length;
  for (let k = lines.length - 1; k >= 0; k--) {
    nextItem[k] = below;
    const a = assigned[k];
    if (a) below = a.item;
  }
  let prev = -1;
  for (let k = 0; k < lines.length; k++) {
    const a = assigned[k];
    if (a) {
      prev = a.item;
      continue;
    }
    const [from, to] = prev < nextItem[k] ? [prev + 1, nextItem[k]] : [prev - WINDOW_BEFORE, prev + 1 + WINDOW_AFTER];
    let hit = fuzzyMatch(cat, lines[k], from, to, prev, taken);
    let joined = false;
    const next = lines[k + 1];
    if (!hit && next && next.row === lines[k].row + 1 && !assigned[k + 1] && continuesLabel(next.label)) {
      hit = fuzzyMatch(cat, rowLabel(lines[k].row, `${lines[k].label} ${next.label}`, ""), from, to, prev, taken);
      joined = hit !== null;
    }
    if (hit) {
      assigned[k] = { ...hit, joined };
      taken.add(hit.item);
      prev = hit.item;
      if (lines[k].row > lastMatch) lastMatch = lines[k].row;
      if (joined) {
        k++; // the continuation row is consumed
        assigned[k] = null;
        consumed.add(k);
      }
    }
  }
  const state: MatchState = { rows: new Map(), sectionRows: new Map(), matches: [], unrecognized: [] };
  const firstAssigned = assigned.findIndex((a) => a !== null);
  // Unknown rows are reported inside the table only: below the header, up to its last matched row.
  for (let k = 0; k < lines.length; k++) {
    const a = assigned[k];
    const sheetRow = lines[k].row + grid.origin.row;
    if (!a) {
      if (!consumed.has(k) && firstAssigned >= 0 && lines[k].row <= lastMatch)
        state.unrecognized.push({ row: sheetRow, label: lines[k].label });
      continue;
    }
    const it = cat.items[a.item];
    if (it.kind === "section") state.sectionRows.set(it.id, sheetRow);
    else {
      state.rows.set(it.id, sheetRow);
      state.matches.push({ indicator: it.id, row: sheetRow, how: a.how, score: round3(a.score) });
    }
  }
  return state;
}

function round3(x: number): number {
  return Math.round(x * 1000) / 1000;
}

/** Exact (labelKey, aliases) or diacritic-free equality; between repeats of a label, order decides. */
function exactMatch(cat: Catalog, line: RowLabel, cursor: number, taken: ReadonlySet<number>): Omit<Assigned, "joined"> | null {
  const keyed = [...(cat.byKey.get(labelKey(line.label)) ?? []), ...(cat.byKey.get(labelKey(line.rest)) ?? [])];
  const exact = pickByOrder(keyed, cursor, taken);
  if (exact !== null) return { item: exact, how: "exact", score: 1 };
  const folded = [...(cat.byFolded.get(foldLabel(line.label)) ?? []), ...(cat.byFolded.get(foldLabel(line.rest)) ?? [])];
  const loose = pickByOrder(folded, cursor, taken);
  return loose === null ? null : { item: loose, how: "fuzzy", score: 1 };
}

/**
 * The best tolerant match among the untaken items in [from, to); ties go to the item nearest after `prev`.
 * `anyWillDo` returns the first item above the threshold (only asks whether the row could be a table row).
 */
function fuzzyMatch(
  cat: Catalog,
  line: RowLabel,
  from: number,
  to: number,
  prev: number,
  taken: ReadonlySet<number>,
  anyWillDo = false,
): Omit<Assigned, "joined"> | null {
  const p = prepare(line.rest);
  if (p.tokens.length === 0) return null;
  const bare = prepare(stripParens(line.rest));
  // A label typed without its "(nếu có)" or "(Lũy kế đến thời điểm báo cáo)" is compared without them too,
  // at a small discount (the parenthesis may have been the difference).
  const scoreOf = (it: Item, floor: number) => {
    const s = similarity(p, it.prepared, floor);
    return it.bare ? Math.max(s, 0.95 * similarity(bare, it.bare, floor)) : s;
  };
  if (line.numeral !== null) {
    const sec = cat.sectionByNumeral.get(line.numeral);
    // With the numeral agreeing, a looser wording is enough: section titles get abbreviated.
    if (sec !== undefined && !taken.has(sec)) {
      const s = scoreOf(cat.items[sec], SECTION_THRESHOLD);
      if (s >= SECTION_THRESHOLD) return { item: sec, how: "fuzzy", score: s };
    }
  }
  let best: { item: number; score: number } | null = null;
  for (let i = Math.max(0, from); i < Math.min(cat.items.length, to); i++) {
    if (taken.has(i)) continue;
    const s = scoreOf(cat.items[i], FUZZY_THRESHOLD);
    if (s < FUZZY_THRESHOLD) continue;
    if (anyWillDo) return { item: i, how: "fuzzy", score: s };
    if (!best || s > best.score + 1e-9 || (Math.abs(s - best.score) <= 1e-9 && nearer(i, best.item, prev))) best = { item: i, score: s };
  }
  return best ? { item: best.item, how: "fuzzy", score: best.score } : null;
}

/** True when item `a` is nearer the cursor than `b` in reading order: items ahead first, then those behind. */
function nearer(a: number, b: number, cursor: number): boolean {
  return orderDistance(a, cursor) < orderDistance(b, cursor);
}

function orderDistance(i: number, cursor: number): number {
  return i > cursor ? i - cursor : 1_000_000 + (cursor - i);
}

/** Among untaken items sharing a label, the first after the cursor (section and group context), else the nearest before. */
function pickByOrder(candidates: readonly number[], cursor: number, taken: ReadonlySet<number>): number | null {
  let best: number | null = null;
  for (const i of candidates) {
    if (taken.has(i)) continue;
    if (best === null || nearer(i, best, cursor)) best = i;
  }
  return best;
}

/** The label column without a header: the column (of the first ones) whose cells match the most template labels exactly. */
function guessLabelColumn(grid: Grid, template: Template): { col: number; hits: number; firstRow: number } | null {
  const cat = catalogOf(template);
  const rows = Math.min(grid.values.length, FALLBACK_SCAN_ROWS);
  const hits = new Map<number, { n: number; first: number }>();
  for (let r = 0; r < rows; r++) {
    const row = grid.values[r] ?? [];
    const cols = Math.min(row.length, SCAN_COLS);
    for (let c = 0; c < cols; c++) {
      const v = row[c];
      if (typeof v !== "string" || v.length < 3 || v.length > 400) continue;
      if (!cat.byKey.has(labelKey(v))) continue;
      const h = hits.get(c) ?? { n: 0, first: r };
      h.n++;
      hits.set(c, h);
    }
  }
  let best: { col: number; hits: number; firstRow: number } | null = null;
  for (const [col, h] of hits) if (!best || h.n > best.hits) best = { col, hits: h.n, firstRow: h.first };
  return best;
}

/** Units the template prints, folded, to recognise a unit column without a header. */
function unitKeys(template: Template): Set<string> {
  const keys = new Set<string>();
  for (const ind of template.indicators) {
    for (const u of [ind.unit, ...(ind.acceptedUnits ?? [])]) if (u) keys.add(foldDiacritics(cleanText(u)));
  }
  return keys;
}

/** Share of non-blank cells in `col` over `rows` that hold a number (or a number typed as text). */
function numericShare(grid: Grid, col: number, rows: readonly number[]): { share: number; filled: number } {
  let filled = 0;
  let numeric = 0;
  for (const r of rows) {
    const v = grid.values[r]?.[col];
    if (v === null || v === undefined || v === "") continue;
    filled++;
    if (typeof v === "number" || (typeof v === "string" && /^\s*[+-]?[\d.,\s]+%?\s*$/.test(v))) numeric++;
  }
  return { share: filled === 0 ? 0 : numeric / filled, filled };
}

/**
 * Unit and value columns from the data when the header does not name them: the unit column is the one right
 * of the labels whose cells are most often a template unit; the value column is the first column right of the
 * unit (or label) column whose filled cells are mostly (>= 60%) numbers.
 */
function inferColumns(grid: Grid, template: Template, label: number, matchedRows: readonly number[], known: Partial<Columns>): Columns {
  const width = Math.min(
    SCAN_COLS,
    matchedRows.reduce((w, r) => Math.max(w, grid.values[r]?.length ?? 0), 0),
  );
  let unit = known.unit ?? null;
  if (unit === null) {
    const keys = unitKeys(template);
    let bestHits = 0;
    for (let c = label + 1; c < Math.min(width, label + 4); c++) {
      let hits = 0;
      for (const r of matchedRows) if (keys.has(foldDiacritics(cleanText(text(grid.values[r]?.[c]))))) hits++;
      if (hits > bestHits) {
        bestHits = hits;
        unit = c;
      }
    }
    if (bestHits < Math.max(2, matchedRows.length / 5)) unit = null;
  }
  let value = known.value ?? null;
  if (value === null) {
    const from = Math.max(label, unit ?? label) + 1;
    for (let c = from; c < width; c++) {
      const { share, filled } = numericShare(grid, c, matchedRows);
      if (filled > 0 && share >= 0.6) {
        value = c;
        break;
      }
    }
    if (value === null) value = from;
  }
  let note = known.note === undefined ? null : known.note;
  if (known.note === undefined) {
    // The column right of the values, when it holds text on some matched rows (guidance, decisions cited).
    const c = value + 1;
    const textRows = matchedRows.filter((r) => {
      const v = grid.values[r]?.[c];
      return typeof v === "string" && hasLetter(v);
    }).length;
    if (c < width && textRows > 0) note = c;
  }
  let stt = known.stt ?? null;
  if (stt === null && label > 0) {
    const c = label - 1;
    const numbered = matchedRows.filter((r) => /^(\d+|[IVX]+)$/i.test(cleanText(text(grid.values[r]?.[c])))).length;
    if (numbered >= 2) stt = c;
  }
  return { stt, label, unit, value, note };
}

function toLocation(grid: Grid, template: Template, headerRow: number, cols: Columns, state: MatchState): Location {
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
  };
}

/** Finds `template`'s appendix on a sheet: header, columns, and the sheet row of each indicator. */
export function locate(grid: Grid, template: Template): LocateResult {
  const need = minimumMatches(template);
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
      const cols = inferColumns(grid, template, viaHeader.col, matchedRows, known);
      return { ok: true, location: toLocation(grid, template, header.row, cols, viaHeader.state) };
    }
  }
  // No usable header: find the labels themselves.
  const guess = guessLabelColumn(grid, template);
  const state = guess ? matchRows(grid, template, { label: guess.col, stt: null }, guess.firstRow) : null;
  const count = Math.max(state?.matches.length ?? 0, viaHeader?.state.matches.length ?? 0);
  if (!guess || !state || state.matches.length < need) {
    return fail(count === 0 && !header ? { reason: "no_header" } : { reason: "too_few_rows", matched: count });
  }
  const matchedRows = [...state.rows.values()].map((r) => r - grid.origin.row);
  const cols = inferColumns(grid, template, guess.col, matchedRows, {});
  // The row above the first matched one stands in for the header.
  const firstMatched = Math.min(...state.rows.values(), ...state.sectionRows.values()) - grid.origin.row;
  return { ok: true, location: toLocation(grid, template, Math.max(0, firstMatched - 1), cols, state) };
}

/**
 * The header's "Chỉ tiêu" cell may be merged over several columns with the labels in any of them (an indent
 * column, a merged STT): try it and the next two columns not taken by another role, keep the one that matches most.
 */
function bestLabelColumn(
  grid: Grid,
  template: Template,
  labelCol: number,
  stt: number | null,
  firstRow: number,
  roles: ReadonlyMap<Role, { col: number }>,
): { col: number; state: MatchState } {
  const taken = new Set([...roles.entries()].filter(([role]) => role !== "label").map(([, at]) => at.col));
  let best: { col: number; state: MatchState } | null = null;
  for (let c = labelCol; c < labelCol + 3; c++) {
    if (c !== labelCol && taken.has(c)) break;
    const state = matchRows(grid, template, { label: c, stt }, firstRow);
    if (!best || state.matches.length > best.state.matches.length) best = { col: c, state };
  }
  return best!;
}

function fail(failure: LocateFailure): LocateResult {
  return { ok: false, failure };
}

/** Another sheet that also holds an appendix (locateInWorkbook picks one; the surfaces must say the others exist). */
export interface OtherAppendix {
  readonly sheet: string;
  readonly template: string;
  /** rows matched on that sheet */
  readonly matched: number;
}

/** The appendix seems split over two sheets: their matched indicators hardly overlap and together cover more. */
export interface SplitAppendix {
  /** the chosen sheet first, then the one holding the rest */
  readonly sheets: readonly [string, string];
  /** indicators matched on the two sheets together */
  readonly matched: number;
}

/** What locateInWorkbook found. `others` and `split` are never silent choices: the surfaces report them. */
export type WorkbookLocateResult =
  | {
      readonly ok: true;
      readonly sheet: string;
      readonly template: Template;
      readonly location: Location;
      /** other sheets holding an appendix too, most rows first */
      readonly others: readonly OtherAppendix[];
      /** set when the chosen sheet and another one look like two parts of one appendix */
      readonly split: SplitAppendix | null;
    }
  | { readonly ok: false; readonly failure: LocateFailure };

/** Two parts of one appendix share at most this share of the smaller part's indicators (a few fuzzy doubles). */
const SPLIT_OVERLAP = 0.1;

/**
 * Picks the sheet (and template) holding an appendix: the one with the most matched rows; on a tie the first
 * sheet, then the first template. When none qualifies, the failure with the most matched rows. Other sheets that
 * hold an appendix too are listed in `others`; a second sheet holding the rest of the chosen one is `split`.
 */
export function locateInWorkbook(
  sheets: readonly { name: string; grid: Grid }[],
  templates: readonly Template[],
): WorkbookLocateResult {
  const found: { sheet: string; template: Template; location: Location }[] = [];
  let failure: LocateFailure = { reason: "no_header" };
  for (const sheet of sheets) {
    let best: { sheet: string; template: Template; location: Location } | null = null;
    for (const template of templates) {
      const r = locate(sheet.grid, template);
      if (r.ok) {
        if (!best || r.location.matches.length > best.location.matches.length) best = { sheet: sheet.name, template, location: r.location };
      } else if (r.failure.reason === "too_few_rows" && (failure.reason === "no_header" || r.failure.matched > failure.matched)) {
        failure = r.failure;
      }
    }
    if (best) found.push(best);
  }
  if (found.length === 0) return { ok: false, failure };
  // Stable: the first sheet wins a tie.
  const chosen = found.reduce((a, b) => (b.location.matches.length > a.location.matches.length ? b : a));
  const rest = found.filter((f) => f !== chosen);
  const others = rest
    .map((f) => ({ sheet: f.sheet, template: f.template.id, matched: f.location.matches.length }))
    .sort((a, b) => b.matched - a.matched);
  const mine = new Set(chosen.location.matches.map((m) => m.indicator));
  let split: SplitAppendix | null = null;
  for (const f of rest) {
    if (f.template !== chosen.template) continue;
    const theirs = f.location.matches.map((m) => m.indicator);
    const shared = theirs.filter((id) => mine.has(id)).length;
    const union = mine.size + theirs.length - shared;
    if (shared <= SPLIT_OVERLAP * Math.min(mine.size, theirs.length) && union > mine.size && (!split || union > split.matched)) {
      split = { sheets: [chosen.sheet, f.sheet], matched: union };
    }
  }
  return { ok: true, ...chosen, others, split };
}
