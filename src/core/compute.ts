/**
 * The calculator: totals (sum_equals) and rates that follow from other cells, as patches. It writes only blank
 * cells; a cell that holds something else is reported (computed_value_conflict), never overwritten.
 */
import type { Relation, Template } from "./catalog/model";
import type { CellRef, ComputedInputs, Finding } from "./finding";
import type { Grid } from "./grid";
import type { Location } from "./location";
import type { Patch } from "./patch";
import { actualOf, inspectCell } from "./rules/cellRules";
import { guardedSum, rateFormula, sameFormula, sumFormula } from "./rules/formulas";
import { displayTolerance } from "./rules/numbers";
import { sheetView, type CellNumber, type IndicatorCell, type SheetView } from "./rules/sheet";

type Of<K extends Relation["kind"]> = Extract<Relation, { kind: K }>;

/** What one computable relation gives: the target, its value and formula, and the inputs a message names. */
interface Computed {
  readonly target: IndicatorCell;
  /** The value written into the cell (a fraction for a cell formatted as %). */
  readonly cellValue: number;
  /** The value as the appendix means it (percent points for rates), for findings and for later relations. */
  readonly value: number;
  readonly formula: string;
  /** Other spellings of the same computation (the layout plan's guarded formula), which count as already filled. */
  readonly sameAs: readonly string[];
  readonly numberFormat?: string;
  readonly tolerance: (decimals: number | null) => number;
  readonly inputs: ComputedInputs;
}

type Outcome = { readonly computed: Computed } | { readonly info: Finding } | null;

type Numbers = (id: string) => CellNumber;

function valueOf(n: CellNumber): number | null {
  return n.state === "value" ? n.value : null;
}

function rateOutcome(r: Of<"rate">, sheet: SheetView, number: Numbers): Outcome {
  const target = sheet.cell(r.rate);
  const numCell = sheet.cell(r.numerator);
  const denCell = sheet.cell(r.denominator);
  if (!target || !numCell || !denCell) return null;
  const num = number(r.numerator);
  const den = number(r.denominator);
  if (num.state === "unusable" || den.state === "unusable") return null;
  const rateValue = number(r.rate);
  const info = (code: "rate_denominator_blank" | "rate_denominator_zero"): Outcome => ({
    info: {
      code,
      severity: "info",
      indicator: r.rate,
      cell: target.cell,
      cells: [target.cell, denCell.cell, numCell.cell],
      actual: actualOf(target.reading),
      expected: null,
      fix: null,
      relation: r.id,
      detail: {
        numerator: { indicator: r.numerator, cell: numCell.cell },
        denominator: { indicator: r.denominator, cell: denCell.cell },
      },
    },
  });
  if (den.state === "blank") {
    // Only worth saying when something was filled in: most optional rates are blank with all their inputs.
    return num.state === "value" || rateValue.state === "value" ? info("rate_denominator_blank") : null;
  }
  if (den.state !== "value") return null;
  if (den.value === 0) return info("rate_denominator_zero");
  if (num.state !== "value") return null;
  const f = rateFormula(target, { cell: numCell.cell, value: num.value }, { cell: denCell.cell, value: den.value });
  return {
    computed: {
      target,
      cellValue: f.cellValue,
      value: f.value,
      formula: f.formula,
      sameAs: [f.guarded],
      numberFormat: f.numberFormat,
      tolerance: displayTolerance,
      inputs: {
        kind: "rate",
        numerator: { indicator: r.numerator, cell: numCell.cell, value: num.value },
        denominator: { indicator: r.denominator, cell: denCell.cell, value: den.value },
      },
    },
  };
}

function totalOutcome(r: Of<"sum_equals">, sheet: SheetView, number: Numbers): Outcome {
  const target = sheet.cell(r.total);
  if (!target) return null;
  const located = r.parts.filter((p) => sheet.cell(p));
  const states = located.map((p) => number(p));
  if (states.some((s) => s.state === "unusable") || !states.some((s) => s.state === "value")) return null;
  const sum = states.reduce((s, n) => s + (valueOf(n) ?? 0), 0);
  const cells = located.map((p) => sheet.cell(p)!.cell);
  return {
    computed: {
      target,
      cellValue: sum,
      value: sum,
      formula: sumFormula(cells),
      sameAs: [guardedSum(cells)],
      tolerance: () => 1e-9,
      inputs: {
        kind: "sum",
        parts: located.map((p, i) => ({ indicator: p, cell: cells[i], value: valueOf(states[i]) })),
      },
    },
  };
}

function outcomeOf(r: Relation, sheet: SheetView, number: Numbers): Outcome {
  if (r.kind === "rate") return rateOutcome(r, sheet, number);
  if (r.kind === "sum_equals") return totalOutcome(r, sheet, number);
  return null;
}

function isBlankTarget(c: IndicatorCell): boolean {
  return c.reading.kind === "blank" && !c.raw.formula;
}

/** Totals and rates that follow from other cells: patches for blank targets, findings for everything left alone. */
export function compute(grid: Grid, template: Template, location: Location): { patches: Patch[]; findings: Finding[] } {
  return computeSheet(sheetView(grid, template, location, inspectCell));
}

/** `compute` on a sheet already read (analyze reads once for validate and compute). */
export function computeSheet(sheet: SheetView): { patches: Patch[]; findings: Finding[] } {
  const template = sheet.template;
  // Values the calculator has filled, so that a total feeding a rate is used once it is computed.
  const filled = new Map<string, number>();
  const number: Numbers = (id) => {
    const v = filled.get(id);
    return v === undefined ? sheet.number(id) : { state: "value", value: v, decimals: null };
  };
  const patches: Patch[] = [];
  const findings: Finding[] = [];

  // Fill blank targets until nothing new follows (a computed total may feed a rate declared before it).
  for (let progress = true; progress; ) {
    progress = false;
    for (const r of template.relations) {
      const out = outcomeOf(r, sheet, number);
      if (!out || !("computed" in out)) continue;
      const c = out.computed;
      if (!isBlankTarget(c.target) || filled.has(c.target.indicator.id)) continue;
      filled.set(c.target.indicator.id, c.value);
      progress = true;
      patches.push({
        cell: c.target.cell,
        indicator: c.target.indicator.id,
        formula: c.formula,
        value: c.value,
        cellValue: c.cellValue,
        relation: r.id,
        ...(c.numberFormat ? { numberFormat: c.numberFormat } : {}),
      });
      findings.push({
        code: "computed_value_missing",
        severity: "warning",
        indicator: c.target.indicator.id,
        cell: c.target.cell,
        cells: [c.target.cell, ...inputCells(c.inputs)],
        actual: null,
        expected: c.value,
        fix: { cell: c.target.cell, value: c.value, cellValue: c.cellValue, formula: c.formula, ...(c.numberFormat ? { numberFormat: c.numberFormat } : {}) },
        relation: r.id,
        detail: { inputs: c.inputs, formula: c.formula },
      });
    }
  }

  // With everything filled, what is left alone and why.
  for (const r of template.relations) {
    const out = outcomeOf(r, sheet, number);
    if (!out) continue;
    if ("info" in out) {
      findings.push(out.info);
      continue;
    }
    const c = out.computed;
    const t = c.target;
    if (filled.has(t.indicator.id) || isBlankTarget(t)) continue;
    if ([c.formula, ...c.sameAs].some((f) => sameFormula(t.raw.formula, f))) continue;
    const held = sheet.number(t.indicator.id);
    // Text or an error in the target is already an error of the cell rules; an explicit "-" is the user's answer.
    if (held.state === "unusable" || held.state === "missing") continue;
    if (held.state === "value" && Math.abs(held.value - c.value) <= c.tolerance(held.decimals)) continue;
    findings.push({
      code: "computed_value_conflict",
      severity: "warning",
      indicator: t.indicator.id,
      cell: t.cell,
      cells: [t.cell, ...inputCells(c.inputs)],
      actual: held.state === "value" ? held.value : actualOf(t.reading),
      expected: c.value,
      fix: { cell: t.cell, value: c.value, cellValue: c.cellValue, formula: c.formula, ...(c.numberFormat ? { numberFormat: c.numberFormat } : {}) },
      relation: r.id,
      detail: { inputs: c.inputs, formula: c.formula },
    });
  }
  return { patches, findings };
}

/** The input cells of a computation, in order: numerator then denominator, or the parts. */
function inputCells(inputs: ComputedInputs): CellRef[] {
  const named = inputs.kind === "rate" ? [inputs.numerator, inputs.denominator] : inputs.parts;
  return named.flatMap((i) => (i.cell === null ? [] : [i.cell]));
}
