import type { Template } from "./catalog/model";
import { computeSheet } from "./compute";
import { severityRank, type Finding } from "./finding";
import { compareCells } from "./address";
import type { Grid } from "./grid";
import type { Location } from "./location";
import type { Period } from "./period";
import type { Patch } from "./cellWrite";
import { validateSheet } from "./validate";
import { inspectCell } from "./rules/cellRules";
import { sheetView } from "./sheetView";

/**
 * Sorts findings by severity, then by their cell (the appendix's sheet first, then row, then column); stable
 * otherwise. Exported so surfaces that merge findings (e.g. with the locator's) keep the same order.
 */
export function sortFindings(findings: readonly Finding[]): Finding[] {
  return findings
    .map((f, i) => ({ f, i }))
    .sort((a, b) => severityRank(a.f.severity) - severityRank(b.f.severity) || compareCells(a.f.cell, b.f.cell) || a.i - b.i)
    .map((x) => x.f);
}

/**
 * Validate + compute on one located appendix. The relation rules and the calculator share one derivation per total
 * or rate (derivation.ts), so each cell gets one finding and nothing needs taking back. `conflicts` are the findings
 * whose fix writes a computed formula over something the user typed (rate_mismatch, sum_mismatch,
 * computed_value_conflict): the fill preview offers each one for the user to confirm.
 */
export function analyze(
  grid: Grid,
  template: Template,
  location: Location,
  opts: { readonly period?: Period | null } = {},
): { findings: Finding[]; patches: Patch[]; conflicts: Finding[] } {
  const sheet = sheetView(grid, template, location, inspectCell, opts.period ?? null);
  const computed = computeSheet(sheet);
  const findings = sortFindings([...validateSheet(sheet), ...computed.findings]);
  const conflicts = findings.filter((f) => f.code !== "computed_value_missing" && f.fix?.formula !== undefined);
  return { findings, patches: computed.patches, conflicts };
}
