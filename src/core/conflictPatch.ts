/** The patch a surface writes once the user confirms a conflict (a computed cell holding another value). */
import { sameCell } from "./address";
import type { Finding } from "./finding";
import { writeTarget, writtenCell, type Patch } from "./cellWrite";

/** The patch that writes a conflict's computed formula over the user's value, once the user confirms it. */
export function conflictPatch(f: Finding, patches: readonly Patch[]): Patch | null {
  const planned = patches.find((p) => sameCell(writtenCell(p), f.cell));
  if (planned) return planned;
  if (!f.fix?.formula || typeof f.fix.value !== "number" || typeof f.fix.cellValue !== "number") return null;
  return {
    ...writeTarget(writtenCell(f.fix)),
    indicator: f.indicator,
    formula: f.fix.formula,
    value: f.fix.value,
    cellValue: f.fix.cellValue,
    relation: f.relation ?? "",
    ...(f.fix.numberFormat ? { numberFormat: f.fix.numberFormat } : {}),
  };
}
