/**
 * The unit column against the indicator: a sheet whose unit says "%" on a count row, or a code list on a rate row,
 * holds a value of another kind than the appendix asks for. Wording differences within a kind ("Cơ quan đơn vị"
 * for "Cơ quan, đơn vị") are left alone: they change nothing about the figure. A blank unit is left alone too.
 */
import type { Indicator, IndicatorKind } from "../catalog/model";
import type { Finding } from "../finding";
import { foldDiacritics } from "../text";
import type { IndicatorCell } from "../sheetView";

/** The kind of value a unit text announces: "%" a rate, "Không = 0 Có = 1" a code, anything else a count. */
export function unitKind(unit: string): "percent" | "code" | "count" {
  if (/%/.test(unit)) return "percent";
  if (/=\s*\d/.test(unit)) return "code";
  return "count";
}

function expectedKind(kind: IndicatorKind): "percent" | "code" | "count" | null {
  if (kind === "percent") return "percent";
  if (kind === "flag" || kind === "choice") return "code";
  if (kind === "count") return "count";
  return null;
}

const key = (u: string) => foldDiacritics(u).replace(/[\s,.;:]+/g, "");

/** Each indicator's accepted unit keys, folded once (the check runs on every re-check). */
const acceptedKeys = new WeakMap<Indicator, ReadonlySet<string>>();

function accepted(indicator: Indicator, unit: string): boolean {
  let keys = acceptedKeys.get(indicator);
  if (!keys) {
    keys = new Set([indicator.unit, ...(indicator.acceptedUnits ?? [])].map(key));
    acceptedKeys.set(indicator, keys);
  }
  return keys.has(key(unit));
}

/**
 * The sheet's unit text when it is one the indicator accepts and it announces a count, on a yes/no or coded row:
 * the printed unit is a count's ("Tin, bài" on I.3.4, a yes/no question), so the clerk may have typed a count.
 */
export function printedCountUnit(c: IndicatorCell): string | null {
  if (c.unit === "" || (c.indicator.kind !== "flag" && c.indicator.kind !== "choice")) return null;
  return unitKind(c.unit) === "count" && accepted(c.indicator, c.unit) ? c.unit : null;
}

/** A warning when the sheet's unit announces another kind of value than the indicator's. */
export function unitMismatch(c: IndicatorCell): Finding | null {
  if (c.unit === "" || c.unitCell === null) return null;
  const want = expectedKind(c.indicator.kind);
  if (want === null || accepted(c.indicator, c.unit) || unitKind(c.unit) === want) return null;
  return {
    code: "unit_mismatch",
    severity: "warning",
    indicator: c.indicator.id,
    cell: c.unitCell,
    cells: [c.unitCell, c.cell],
    actual: c.unit,
    expected: c.indicator.unit,
    // No fix: rewriting the unit would hide the question of which unit the figure was counted in.
    fix: null,
    detail: { valueCell: c.cell },
  };
}
