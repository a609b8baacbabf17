import type { Template } from "./catalog/model";
import { computeSheet } from "./compute";
import { severityRank, type Finding, type IndicatorAt } from "./finding";
import { blockedWrite, derive, isComputable } from "./derivation";
import { unansweredIndicators } from "./readiness";
import { compareCells } from "./address";
import type { Grid } from "./grid";
import type { Location } from "./location";
import type { Period } from "./period";
import type { Patch } from "./cellWrite";
import { validateSheet } from "./validate";
import { inspectCell } from "./rules/cellRules";
import { sheetView, type SecondPart, type SheetView } from "./sheetView";

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
 * whose fix writes a computed formula over something the user typed (a rate: rate_mismatch, computed_value_conflict;
 * never a typed total): the fill preview offers each one for the user to confirm. A fix that would write a value the
 * checker rejects (its inputs in error, or out of range) is dropped: the finding stays, the offer goes.
 * `unanswered` are the indicators due in the report's period (`opts.period`, when known) left without an answer.
 */
export function analyze(
  grid: Grid,
  template: Template,
  location: Location,
  opts: { readonly period?: Period | null; readonly second?: SecondPart | null } = {},
): { findings: Finding[]; patches: Patch[]; conflicts: Finding[]; unanswered: IndicatorAt[] } {
  const sheet = sheetView(grid, template, location, inspectCell, opts.period ?? null, opts.second ?? null);
  const validated = validateSheet(sheet);
  const computed = computeSheet(sheet, validated);
  const findings = sortFindings([...validated.map((f) => withSoundFix(f, sheet, validated)), ...computed.findings]);
  const conflicts = findings.filter((f) => f.code !== "computed_value_missing" && f.fix?.formula !== undefined);
  return { findings, patches: computed.patches, conflicts, unanswered: unansweredIndicators(sheet) };
}

/** A typed rate's fix, kept only when writing it is allowed (derivation.ts `blockedWrite`). */
function withSoundFix(f: Finding, sheet: SheetView, validated: readonly Finding[]): Finding {
  if (f.code !== "rate_mismatch" || !f.fix) return f;
  const relation = sheet.template.relations.find((r) => r.id === f.relation);
  const d = relation && isComputable(relation) ? derive(relation, { sheet }) : null;
  return d?.kind === "derived" && blockedWrite(d, validated) === null ? f : { ...f, fix: null };
}
