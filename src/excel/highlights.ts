/**
 * Marks on the sheet as conditional formats owned by the add-in. A conditional format paints over the cell's
 * own fill and font without changing them, so the user's formatting is never touched; clearing deletes only
 * the add-in's formats, found by a marker string inside their rule formula (`=ISTEXT("CCHC-ADDIN:error")`,
 * always TRUE). Nothing else in the workbook records them, so marks survive a reload and are still cleared.
 */
import { fromA1, toA1 } from "../core/address";
import type { Finding, Severity } from "../core/finding";
import { severityRank } from "../core/finding";

/** The marker every add-in conditional format carries in its formula. */
export const HIGHLIGHT_MARK = "CCHC-ADDIN";

/** Colors of a mark, Office's "light red fill with dark red text" and "yellow fill with dark yellow text". */
export const MARK_STYLE: Readonly<Record<Exclude<Severity, "info">, { fill: string; font: string }>> = {
  error: { fill: "#FFC7CE", font: "#9C0006" },
  warning: { fill: "#FFEB9C", font: "#9C5700" },
};

/** The rule formula of the add-in's mark for a severity. */
export function markFormula(severity: Exclude<Severity, "info">): string {
  return `=ISTEXT("${HIGHLIGHT_MARK}:${severity}")`;
}

/** Whether a conditional format's formula is one of the add-in's marks. */
export function isMarkFormula(formula: string | null | undefined): boolean {
  return typeof formula === "string" && formula.includes(`"${HIGHLIGHT_MARK}:`);
}

/**
 * The cells to mark per severity: each finding's primary cell, at the most severe finding on it. Infos are
 * not marked (they are notes, not problems). Cells are listed as compact A1 areas for `getRanges`.
 */
export function markAreas(findings: readonly Finding[]): { severity: Exclude<Severity, "info">; areas: string }[] {
  const worst = new Map<string, Severity>();
  for (const f of findings) {
    if (!fromA1(f.cell)) continue;
    const cell = toA1(fromA1(f.cell)!);
    const seen = worst.get(cell);
    if (!seen || severityRank(f.severity) < severityRank(seen)) worst.set(cell, f.severity);
  }
  const out: { severity: Exclude<Severity, "info">; areas: string }[] = [];
  for (const severity of ["error", "warning"] as const) {
    const cells = [...worst].filter(([, s]) => s === severity).map(([c]) => c);
    if (cells.length) out.push({ severity, areas: compactAreas(cells) });
  }
  return out;
}

/** "D12,D13,D14,E20" -> "D12:D14,E20": vertical runs joined (the appendix marks a column of values). */
export function compactAreas(cells: readonly string[]): string {
  const points = cells.map((c) => fromA1(c)!).sort((a, b) => a.col - b.col || a.row - b.row);
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
  /** ids of custom formats with no rule formula yet: a mark whose batch stopped between adding it and setting its rule */
  readonly blank: string[];
  /** ids of every conditional format on the sheet */
  readonly all: string[];
}

/** Queues a load of the sheet's conditional formats; `resolve` sorts them after the sync. */
export function queueMarkState(sheet: Excel.Worksheet): { resolve: () => MarkState } {
  const formats = sheet.getRange().conditionalFormats;
  formats.load("items/id, items/type, items/customOrNullObject/rule/formula");
  return {
    resolve: () => {
      // Only custom formats have a rule formula; for the others customOrNullObject is a null object whose formula is null.
      const custom = formats.items.filter((cf) => cf.type === "Custom");
      return {
        marks: custom.filter((cf) => isMarkFormula(cf.customOrNullObject.rule.formula)).map((cf) => cf.id),
        blank: custom.filter((cf) => !cf.customOrNullObject.rule.formula).map((cf) => cf.id),
        all: formats.items.map((cf) => cf.id),
      };
    },
  };
}

/** Queues a load of the sheet's conditional formats; `resolve` gives the ids of the add-in's own after the sync. */
export function queueOwnedMarks(sheet: Excel.Worksheet): { resolve: () => string[] } {
  const q = queueMarkState(sheet);
  return { resolve: () => q.resolve().marks };
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

/** Queues the conditional formats over the cells to mark: one per severity (more if its cell list is long). */
export function queueAddMarks(sheet: Excel.Worksheet, findings: readonly Finding[]): number {
  let added = 0;
  for (const { severity, areas } of markAreas(findings)) {
    for (const part of splitAreas(areas)) {
      const cf = sheet.getRanges(part).conditionalFormats.add("Custom");
      cf.custom.rule.formula = markFormula(severity);
      cf.custom.format.fill.color = MARK_STYLE[severity].fill;
      cf.custom.format.font.color = MARK_STYLE[severity].font;
      added++;
    }
  }
  return added;
}
