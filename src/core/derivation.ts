/**
 * What a computable relation (a total, a rate) says its target cell should hold, derived once from the cells it
 * reads: the indicator's value, what goes into the cell, the formula, the inputs. The relation rules (rate_mismatch,
 * sum_mismatch) and the calculator (patches, computed_value_*) both work from it, so they never disagree on a value,
 * a formula or a tolerance, and nothing has to be said twice and then taken back.
 */
import type { Relation } from "./catalog/model";
import type { ComputedInputs, Fix, IndicatorAt } from "./finding";
import { guardedRateFormula, guardedSumFormula, rateFormula, sameFormula, sumFormula } from "./formulas";
import { showsPercent } from "./numberFormat";
import { displayTolerance, roundTo, sameNumber } from "./rules/numbers";
import type { CellNumber, IndicatorCell, SheetView } from "./sheetView";

/** A relation whose target follows from other cells. */
export type ComputableRelation = Extract<Relation, { kind: "rate" | "sum_equals" }>;

/** The target's value as its inputs give it. */
export interface Derivation {
  readonly kind: "derived";
  readonly relation: ComputableRelation;
  readonly target: IndicatorCell;
  /** The indicator's value: percent points for a rate (87.23, rounded to 2 decimals), the sum for a total. */
  readonly value: number;
  /** What the cell should hold: the formula, its result (a fraction where the cell shows percentages) and format. */
  readonly write: Fix & { readonly formula: string; readonly value: number; readonly cellValue: number };
  /** Formulas that are this same computation (the layout plan's guarded spelling): a target holding one agrees. */
  readonly sameAs: readonly string[];
  readonly inputs: ComputedInputs;
  /** An input is a value the calculator filled in, not one the user gave. */
  readonly fromComputed: boolean;
  /** True when `held`, a number the target shows with `decimals`, is this value as far as the user can see. */
  readonly agrees: (held: number, decimals: number | null) => boolean;
}

/** A rate that cannot be computed because its denominator is blank or 0, while something says it was meant to be. */
export interface Underivable {
  readonly kind: "denominator_blank" | "denominator_zero";
  readonly relation: Extract<Relation, { kind: "rate" }>;
  readonly target: IndicatorCell;
  readonly numerator: IndicatorAt;
  readonly denominator: IndicatorAt;
}

/**
 * The numbers a derivation reads: the sheet's (what the cell rules made of each cell), with the values the calculator
 * has already filled in laid over them.
 */
export interface DerivationInputs {
  readonly sheet: SheetView;
  readonly filled?: ReadonlyMap<string, number>;
}

function numberOf(inputs: DerivationInputs, id: string): { n: CellNumber; computed: boolean } {
  const v = inputs.filled?.get(id);
  return v === undefined ? { n: inputs.sheet.number(id), computed: false } : { n: { state: "value", value: v, decimals: null }, computed: true };
}

function valueOf(n: CellNumber): number | null {
  return n.state === "value" ? n.value : null;
}

function deriveRate(r: Extract<Relation, { kind: "rate" }>, inputs: DerivationInputs): Derivation | Underivable | null {
  const { sheet } = inputs;
  const target = sheet.cell(r.rate);
  const numCell = sheet.cell(r.numerator);
  const denCell = sheet.cell(r.denominator);
  if (!target || !numCell || !denCell) return null;
  const num = numberOf(inputs, r.numerator);
  const den = numberOf(inputs, r.denominator);
  if (num.n.state === "unusable" || den.n.state === "unusable") return null;
  const underivable = (kind: Underivable["kind"]): Underivable => ({
    kind,
    relation: r,
    target,
    numerator: { indicator: r.numerator, cell: numCell.cell },
    denominator: { indicator: r.denominator, cell: denCell.cell },
  });
  if (den.n.state === "blank") {
    // Only worth saying when something was filled in: most optional rates are blank with all their inputs.
    const said = num.n.state === "value" || numberOf(inputs, r.rate).n.state === "value";
    return said ? underivable("denominator_blank") : null;
  }
  if (den.n.state !== "value") return null;
  if (den.n.value === 0) return underivable("denominator_zero");
  if (num.n.state !== "value") return null;
  const exact = (num.n.value / den.n.value) * 100;
  const value = roundTo(exact, 2);
  // The format section that shows the rate decides, as it does for the reader: "0.00;[Red]-0.00%" shows it plainly.
  const percent = showsPercent(target.raw.numberFormat, value);
  return {
    kind: "derived",
    relation: r,
    target,
    value,
    write: {
      cell: target.cell,
      value,
      cellValue: percent ? roundTo(num.n.value / den.n.value, 4) : value,
      formula: rateFormula(numCell.cell, denCell.cell, percent),
      numberFormat: percent ? "0.00%" : "0.00",
    },
    sameAs: [guardedRateFormula(numCell.cell, denCell.cell, percent)],
    inputs: {
      kind: "rate",
      numerator: { indicator: r.numerator, cell: numCell.cell, value: num.n.value },
      denominator: { indicator: r.denominator, cell: denCell.cell, value: den.n.value },
    },
    fromComputed: num.computed || den.computed,
    // What the user sees of the rate: half a unit of its last shown decimal around the exact quotient.
    agrees: (held, decimals) => Math.abs(held - exact) <= displayTolerance(decimals),
  };
}

function deriveTotal(r: Extract<Relation, { kind: "sum_equals" }>, inputs: DerivationInputs): Derivation | null {
  const { sheet } = inputs;
  const target = sheet.cell(r.total);
  if (!target) return null;
  const located = r.parts.filter((p) => sheet.cell(p));
  const parts = located.map((p) => numberOf(inputs, p));
  // Blank parts count as 0 (as SUM does), but only once one part is filled: a unit may not break its total down.
  if (parts.some((s) => s.n.state === "unusable") || !parts.some((s) => s.n.state === "value")) return null;
  const sum = parts.reduce((s, p) => s + (valueOf(p.n) ?? 0), 0);
  const cells = located.map((p) => sheet.cell(p)!.cell);
  return {
    kind: "derived",
    relation: r,
    target,
    value: sum,
    write: { cell: target.cell, value: sum, cellValue: sum, formula: sumFormula(cells) },
    sameAs: [guardedSumFormula(cells)],
    inputs: { kind: "sum", parts: located.map((p, i) => ({ indicator: p, cell: cells[i], value: valueOf(parts[i].n) })) },
    fromComputed: parts.some((p) => p.computed),
    agrees: (held) => sameNumber(held, sum),
  };
}

/** The derivation of a computable relation; null when it does not apply (a row missing, an input blank or unusable). */
export function derive(r: ComputableRelation, inputs: DerivationInputs): Derivation | Underivable | null {
  return r.kind === "rate" ? deriveRate(r, inputs) : deriveTotal(r, inputs);
}

/** True for the relations the calculator can fill. */
export function isComputable(r: Relation): r is ComputableRelation {
  return r.kind === "rate" || r.kind === "sum_equals";
}

/**
 * Where the target stands against its derivation:
 * - "blank": nothing there (no value, no formula): the calculator fills it;
 * - "agrees": the derivation's formula (or its guarded spelling), or a number the same as far as the user sees;
 * - "differs": a number that is not the derived value;
 * - "other": an explicit "nothing" ("-") where a value follows from other cells;
 * - "unusable": text or an error, which the cell rules already report.
 */
export function targetState(d: Derivation, sheet: SheetView): "blank" | "agrees" | "differs" | "other" | "unusable" {
  const t = d.target;
  if (t.reading.kind === "blank" && !t.raw.formula) return "blank";
  if ([d.write.formula, ...d.sameAs].some((f) => sameFormula(t.raw.formula, f))) return "agrees";
  const held = sheet.number(t.indicator.id);
  if (held.state === "unusable" || held.state === "missing") return "unusable";
  if (held.state !== "value") return "other";
  return d.agrees(held.value, held.decimals) ? "agrees" : "differs";
}
