/**
 * The calculator: totals (sum_equals) and rates that follow from other cells, as patches. It writes only blank
 * cells; a cell that holds something else is left alone. What it says about a computed cell that is not blank:
 * - a number that differs from what the user's own inputs give is the relation rule's finding (rate_mismatch,
 *   sum_mismatch), not the calculator's;
 * - a number that differs once a value the calculator filled is used (a blank total feeding a rate), or an explicit
 *   "nothing" ("-") where a value follows, is computed_value_conflict.
 * Both sides work from the same derivation (derivation.ts), so each cell gets one finding.
 * It never writes a value the checker would reject (derivation.ts `blockedWrite`): a blank total or rate whose inputs
 * are in error (a number that breaks a rule, or a cell that cannot be read as a number at all: `unreadableInputs`),
 * or whose value breaks its own rule, stays blank with computed_value_blocked naming the inputs to fix;
 * and it never offers to overwrite a typed total (the total or a part may be the wrong one: the user decides).
 */
import type { Template } from "./catalog/model";
import { blockedWrite, derive, inputsOf, isComputable, targetState, unreadableInputs, type Derivation, type Underivable } from "./derivation";
import type { CellRef, ComputedInputs, Finding, FindingDetails } from "./finding";
import type { Grid } from "./grid";
import type { Location } from "./location";
import type { Patch } from "./cellWrite";
import { actualOf, inspectCell } from "./rules/cellRules";
import { sheetView, type SheetView } from "./sheetView";
import { validateSheet } from "./validate";

/** Totals and rates that follow from other cells: patches for blank targets, findings for everything left alone. */
export function compute(grid: Grid, template: Template, location: Location): { patches: Patch[]; findings: Finding[] } {
  const sheet = sheetView(grid, template, location, inspectCell);
  return computeSheet(sheet, validateSheet(sheet));
}

function underivableFinding(u: Underivable): Finding {
  return {
    code: u.kind === "denominator_blank" ? "rate_denominator_blank" : "rate_denominator_zero",
    severity: "info",
    indicator: u.relation.rate,
    cell: u.target.cell,
    cells: [u.target.cell, u.denominator.cell!, u.numerator.cell!],
    actual: actualOf(u.target.reading),
    expected: null,
    fix: null,
    relation: u.relation.id,
    detail: { numerator: u.numerator, denominator: u.denominator },
  };
}

/**
 * `compute` on a sheet already read (analyze reads once for validate and compute); `validated` are the rules'
 * findings on it, whose errors keep a total or rate from being written.
 */
export function computeSheet(sheet: SheetView, validated: readonly Finding[]): { patches: Patch[]; findings: Finding[] } {
  const relations = sheet.template.relations.filter(isComputable);
  // Values the calculator has filled, so that a total feeding a rate is used once it is computed.
  const filled = new Map<string, number>();
  const patches: Patch[] = [];
  const findings: Finding[] = [];

  const blocked = new Set<string>();
  // Fill blank targets until nothing new follows (a computed total may feed a rate declared before it).
  for (let progress = true; progress; ) {
    progress = false;
    for (const r of relations) {
      const d = derive(r, { sheet, filled });
      const id = d?.kind === "derived" ? d.target.indicator.id : "";
      if (d?.kind !== "derived" || filled.has(id) || blocked.has(id) || targetState(d, sheet) !== "blank") continue;
      const refused = blockedWrite(d, validated);
      if (refused) {
        blocked.add(id);
        findings.push(blockedFinding(d.target.cell, id, r.id, { ...refused, inputs: d.inputs, formula: d.write.formula, value: d.value }));
        continue;
      }
      filled.set(d.target.indicator.id, d.value);
      progress = true;
      patches.push({ ...d.write, indicator: d.target.indicator.id, relation: r.id });
      findings.push({
        code: "computed_value_missing",
        severity: "warning",
        indicator: d.target.indicator.id,
        cell: d.target.cell,
        cells: [d.target.cell, ...inputCells(d.inputs)],
        actual: null,
        expected: d.value,
        fix: d.write,
        relation: r.id,
        detail: { inputs: d.inputs, formula: d.write.formula },
      });
    }
  }

  // With everything filled, what is left alone and why.
  for (const r of relations) {
    const d = derive(r, { sheet, filled });
    if (!d) {
      const unread = unreadableInputs(r, sheet, validated);
      const target = r.kind === "rate" ? r.rate : r.total;
      if (unread && !blocked.has(target)) {
        blocked.add(target);
        findings.push(blockedFinding(sheet.cell(target)!.cell, target, r.id, { ...unread, formula: null, value: null }));
      }
      continue;
    }
    if (d.kind !== "derived") {
      findings.push(underivableFinding(d));
      continue;
    }
    if (filled.has(d.target.indicator.id) || blocked.has(d.target.indicator.id)) continue;
    const state = targetState(d, sheet);
    if (state === "other" || (state === "differs" && d.fromComputed)) findings.push(conflict(d, sheet, validated));
  }
  return { patches, findings };
}

/** A blank total or rate the calculator leaves blank (computed_value_blocked), and why. */
function blockedFinding(cell: CellRef, indicator: string, relation: string, detail: FindingDetails["computed_value_blocked"]): Finding {
  return {
    code: "computed_value_blocked",
    severity: "warning",
    indicator,
    cell,
    cells: [cell, ...inputCells(detail.inputs)],
    actual: null,
    expected: null,
    fix: null,
    relation,
    detail,
  };
}

/**
 * A computed cell holding something else. The fix (the formula, written only once the user confirms) is offered for a
 * rate whose inputs are sound; never over a typed total, where a part may be the wrong figure.
 */
function conflict(d: Derivation, sheet: SheetView, validated: readonly Finding[]): Finding {
  const t = d.target;
  const held = sheet.number(t.indicator.id);
  const offer = d.inputs.kind === "rate" && blockedWrite(d, validated) === null;
  return {
    code: "computed_value_conflict",
    severity: "warning",
    indicator: t.indicator.id,
    cell: t.cell,
    cells: [t.cell, ...inputCells(d.inputs)],
    actual: held.state === "value" ? held.value : actualOf(t.reading),
    expected: d.value,
    expectedKind: "derived",
    fix: offer ? d.write : null,
    relation: d.relation.id,
    detail: { inputs: d.inputs, formula: d.write.formula },
  };
}

/** The input cells of a computation, in order: numerator then denominator, or the parts. */
function inputCells(inputs: ComputedInputs): CellRef[] {
  return inputsOf(inputs).flatMap((i) => (i.cell === null ? [] : [i.cell]));
}
