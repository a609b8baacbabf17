import type { Template } from "./catalog/model";
import { computeSheet } from "./compute";
import { severityRank, type Finding } from "./finding";
import { fromA1 } from "./address";
import type { Grid } from "./grid";
import type { Location } from "./location";
import type { Patch } from "./patch";
import { validateSheet } from "./validate";
import { inspectCell } from "./rules/cellRules";
import { sheetView } from "./rules/sheet";

function position(cell: string): [number, number] {
  const a = fromA1(cell);
  return a ? [a.row, a.col] : [Number.MAX_SAFE_INTEGER, 0];
}

/**
 * Sorts findings by severity, then row, then column; stable otherwise. Exported so surfaces that merge findings
 * (e.g. with the locator's) keep the same order.
 */
export function sortFindings(findings: readonly Finding[]): Finding[] {
  return findings
    .map((f, i) => ({ f, i, at: position(f.cell) }))
    .sort(
      (a, b) =>
        severityRank(a.f.severity) - severityRank(b.f.severity) || a.at[0] - b.at[0] || a.at[1] - b.at[1] || a.i - b.i,
    )
    .map((x) => x.f);
}

/**
 * Validate + compute on one located appendix. Each thing is said once: a finding repeated with the same code, cell
 * and relation is dropped, and the calculator's conflict is dropped where validate already reports that relation on
 * that cell (rate_mismatch, sum_mismatch say the same thing with more detail).
 */
export function analyze(
  grid: Grid,
  template: Template,
  location: Location,
): { findings: Finding[]; patches: Patch[]; conflicts: Finding[] } {
  const sheet = sheetView(grid, template, location, inspectCell);
  const validated = validateSheet(sheet);
  const computed = computeSheet(sheet);
  const seen = new Set<string>();
  const byRelationCell = new Set(validated.filter((f) => f.relation).map((f) => `${f.relation}|${f.cell}`));
  const findings: Finding[] = [];
  for (const f of [...validated, ...computed.findings]) {
    const key = `${f.code}|${f.cell}|${f.relation ?? ""}`;
    if (seen.has(key)) continue;
    if (f.code === "computed_value_conflict" && byRelationCell.has(`${f.relation}|${f.cell}`)) continue;
    seen.add(key);
    findings.push(f);
  }
  // Every calculator conflict with its fix, including those folded into a mismatch above: the fill preview offers
  // each one (with the formula to write once the user confirms).
  const conflicts = computed.findings.filter((f) => f.code === "computed_value_conflict" && f.fix !== null);
  return { findings: sortFindings(findings), patches: computed.patches, conflicts };
}
