/**
 * Marks on the sheet as conditional formats owned by the add-in. A conditional format paints over the cell's
 * own fill and font without changing them, so the user's formatting is never touched; clearing deletes only
 * the add-in's formats, found by a marker string inside their rule formula (`=ISTEXT("CCHC-ADDIN:error:k3x9a")`,
 * always TRUE). The formula also carries a fingerprint of the cells the format covers, so the marks wanted can
 * be compared with the marks read without loading their ranges: a re-check whose marks did not change writes
 * nothing (before ExcelApi 1.20 any add-in write clears the user's undo stack). Nothing else in the workbook
 * records them, so marks survive a reload and are still cleared.
 */
import { type Address, addressKey, type CellRef, type Finding, ownSheetAddress, type Severity, severityRank, toA1 } from "../core";
import { READ_COLS, READ_ROWS, READ_WINDOW } from "./readWindow";

/** The marker every add-in conditional format carries in its formula. */
export const HIGHLIGHT_MARK = "CCHC-ADDIN";

/** Colors of a mark, Office's "light red fill with dark red text" and "yellow fill with dark yellow text". */
export const MARK_STYLE: Readonly<Record<Exclude<Severity, "info">, { fill: string; font: string }>> = {
  error: { fill: "#FFC7CE", font: "#9C0006" },
  warning: { fill: "#FFEB9C", font: "#9C5700" },
};

/** A short fingerprint of a text (FNV-1a, 32 bits, base 36). */
function fingerprintOf(text: string): string {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  return h.toString(36);
}

/** The rule formula of the add-in's mark for a severity over `areas` (their fingerprint inside the marker). */
export function markFormula(severity: Exclude<Severity, "info">, areas: string): string {
  return `=ISTEXT("${HIGHLIGHT_MARK}:${severity}:${fingerprintOf(`${areas}|${MARK_STYLE[severity].fill}|${MARK_STYLE[severity].font}`)}")`;
}

/** Whether a conditional format's formula is one of the add-in's marks. */
export function isMarkFormula(formula: string | null | undefined): boolean {
  return typeof formula === "string" && formula.includes(`"${HIGHLIGHT_MARK}:`);
}

/** A finding's primary cell when it lies on the sheet marked: the appendix's own (`other` undefined), or the named other sheet. */
function cellOn(cell: CellRef, other: string | undefined): Address | null {
  if (other === undefined) return ownSheetAddress(cell);
  return cell.sheet === other ? { row: cell.row, col: cell.col } : null;
}

/**
 * The cells to mark per severity: each finding's primary cell, at the most severe finding on it. Infos are
 * not marked (they are notes, not problems), nor is a cell on another sheet than the one marked: the appendix's own
 * sheet, or with `other` the sheet of that name (the second sheet of a split appendix, whose cells name it). Cells
 * are listed as compact A1 areas for `getRanges`.
 */
export function markAreas(findings: readonly Finding[], other?: string): { severity: Exclude<Severity, "info">; areas: string }[] {
  const worst = new Map<string, { at: Address; severity: Severity }>();
  for (const f of findings) {
    const at = cellOn(f.cell, other);
    // Marks go only inside the read window (every finding of a check is there): the marks read covers no more.
    if (!at || at.row >= READ_ROWS || at.col >= READ_COLS) continue;
    const seen = worst.get(addressKey(at));
    if (!seen || severityRank(f.severity) < severityRank(seen.severity)) worst.set(addressKey(at), { at, severity: f.severity });
  }
  const out: { severity: Exclude<Severity, "info">; areas: string }[] = [];
  for (const severity of ["error", "warning"] as const) {
    const cells = [...worst.values()].filter((c) => c.severity === severity).map((c) => c.at);
    if (cells.length) out.push({ severity, areas: compactAreas(cells) });
  }
  return out;
}

/** D12, D13, D14, E20 -> "D12:D14,E20": vertical runs joined (the appendix marks a column of values). */
export function compactAreas(cells: readonly Address[]): string {
  const points = [...cells].sort((a, b) => a.col - b.col || a.row - b.row);
  const parts: string[] = [];
  let i = 0;
  while (i < points.length) {
    let j = i;
    while (j + 1 < points.length && points[j + 1].col === points[i].col && points[j + 1].row === points[j].row + 1) j++;
    parts.push(i === j ? toA1(points[i]) : `${toA1(points[i])}:${toA1(points[j])}`);
    i = j + 1;
  }
  return parts.join(",");
}

/** The sheet's conditional formats as the marking needs them. */
export interface MarkState {
  /** ids of the add-in's marks */
  readonly marks: string[];
  /** each mark's rule formula, by id (what it covers is fingerprinted in it) */
  readonly formulas: Readonly<Record<string, string>>;
  /** ids of custom formats with no rule formula yet: a mark whose batch stopped between adding it and setting its rule */
  readonly blank: string[];
  /** ids of every conditional format on the sheet */
  readonly all: string[];
}

/**
 * Queues a load of the conditional formats over the read window, the only cells the add-in marks (a user's
 * format elsewhere that Excel cannot load, office-js#5222, does not fail the read); `resolve` sorts them after
 * the sync.
 */
export function queueMarkState(sheet: Excel.Worksheet): { resolve: () => MarkState } {
  const formats = sheet.getRange(READ_WINDOW).conditionalFormats;
  formats.load("items/id, items/type, items/customOrNullObject/rule/formula");
  return {
    resolve: () => {
      // Only custom formats have a rule; for the others customOrNullObject is a null object, and its rule was never
      // loaded (reading it throws PropertyNotLoaded): ask isNullObject first.
      const custom = formats.items.filter((cf) => cf.type === "Custom" && !cf.customOrNullObject.isNullObject);
      const formula = (cf: Excel.ConditionalFormat) => cf.customOrNullObject.rule.formula;
      const marks = custom.filter((cf) => isMarkFormula(formula(cf)));
      return {
        marks: marks.map((cf) => cf.id),
        formulas: Object.fromEntries(marks.map((cf) => [cf.id, formula(cf)])),
        blank: custom.filter((cf) => !formula(cf)).map((cf) => cf.id),
        all: formats.items.map((cf) => cf.id),
      };
    },
  };
}

/** The marks wanted for some findings, each a conditional format: its severity, cells and rule formula. */
export interface WantedMark {
  readonly severity: Exclude<Severity, "info">;
  readonly areas: string;
  readonly formula: string;
}

/** The conditional formats that mark `findings` (one per severity, more when its cell list is long); `other` as markAreas. */
export function wantedMarks(findings: readonly Finding[], other?: string): WantedMark[] {
  return markAreas(findings, other).flatMap(({ severity, areas }) => splitAreas(areas).map((part) => ({ severity, areas: part, formula: markFormula(severity, part) })));
}

/** What turns the marks on the sheet into the marks wanted: those to add and the ids to delete (none: write nothing). */
export interface MarkPlan {
  readonly add: readonly WantedMark[];
  readonly remove: readonly string[];
}

/** Keeps every mark already there with the right formula (so its cells and colors); adds the rest, deletes the others. */
export function planMarks(findings: readonly Finding[], now: MarkState, other?: string): MarkPlan {
  const left = new Map<string, string[]>();
  for (const id of now.marks) {
    const f = now.formulas[id] ?? "";
    left.set(f, [...(left.get(f) ?? []), id]);
  }
  const add: WantedMark[] = [];
  for (const w of wantedMarks(findings, other)) {
    const same = left.get(w.formula);
    if (same && same.length > 0) same.shift();
    else add.push(w);
  }
  return { add, remove: [...left.values()].flat() };
}

/** Queues the deletion of the add-in's conditional formats by id. */
export function queueDeleteMarks(sheet: Excel.Worksheet, ids: readonly string[]): void {
  const formats = sheet.getRange().conditionalFormats;
  for (const id of ids) formats.getItem(id).delete();
}

/** Longest area list given to one `getRanges` call (Excel's limit on the address text is not documented). */
export const MAX_AREAS_TEXT = 1000;

/** "D1,D3,…" cut into lists of at most `max` characters, at commas. */
export function splitAreas(areas: string, max = MAX_AREAS_TEXT): string[] {
  const out: string[] = [];
  let current = "";
  for (const area of areas.split(",")) {
    if (current && current.length + 1 + area.length > max) {
      out.push(current);
      current = area;
    } else {
      current = current ? `${current},${area}` : area;
    }
  }
  if (current) out.push(current);
  return out;
}

/** Queues the conditional formats of `marks`; returns how many. */
export function queueAddMarks(sheet: Excel.Worksheet, marks: readonly WantedMark[]): number {
  for (const { severity, areas, formula } of marks) {
    const cf = sheet.getRanges(areas).conditionalFormats.add("Custom");
    cf.custom.rule.formula = formula;
    cf.custom.format.fill.color = MARK_STYLE[severity].fill;
    cf.custom.format.font.color = MARK_STYLE[severity].font;
  }
  return marks.length;
}
