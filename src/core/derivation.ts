/**
 * What a computable relation (a total, a rate) says its target cell should hold, derived once from the cells it
 * reads: the indicator's value, what goes into the cell, the formula, the inputs. The relation rules (rate_mismatch,
 * sum_mismatch) and the calculator (patches, computed_value_*) both work from it, so they never disagree on a value,
 * a formula or a tolerance, and nothing has to be said twice and then taken back.
 */
import type { CellRef } from "./address";
import type { Relation } from "./catalog/model";
import { sameCell } from "./address";
import type { BlockedReason, ComputedInputs, Finding, Fix, IndicatorAt, IndicatorValue } from "./finding";
import { valueRules } from "./rules/cellRules";
import { writeTarget } from "./cellWrite";
import { guardedRateFormula, guardedSumFormula, rateFormula, sameFormula, sumFormula } from "./formulas";
import { rateFormatFor, showsPercent } from "./numberFormat";
import { DEFAULT_DECIMALS, displayTolerance, roundTo, sameNumber, typedDecimals } from "./rules/numbers";
import { numberValue, type CellNumber, type IndicatorCell, type SheetView } from "./sheetView";

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
  /** How `held`, a number the target shows with `decimals` (null: General, as typed), stands against this value. */
  readonly judge: (held: number, decimals: number | null) => Closeness;
}

/**
 * A held number against a derived one: the same as far as the user sees (`agrees`), a rate rounded to fewer than the
 * appendix's 2 decimals or cut instead of rounded (`near`: at most a warning, the 2-decimal value its fix), or not.
 */
export type Closeness =
  | { readonly state: "agrees" }
  | { readonly state: "differs" }
  | { readonly state: "near"; readonly decimals: number; readonly truncated: boolean };

const AGREES: Closeness = { state: "agrees" };
const DIFFERS: Closeness = { state: "differs" };

/**
 * A rate held against the exact quotient (docs/FINDINGS.md, "Rate tolerance"). The decimals that count are those the
 * cell shows (its format) or, in a General cell, those the clerk typed (at most 2: 87.234 is judged as 87.23 would
 * be). With 2 or more, it agrees within half a unit of the last one (87.23: ±0.005). With fewer (87 → ±0.5, 87.2 →
 * ±0.05) it is only `near`: right as far as it goes, short of the appendix's 2 decimals. A value cut instead of
 * rounded (66.66 for 66.666…) is `near` too.
 */
export function judgeRate(held: number, exact: number, decimals: number | null): Closeness {
  const shown = decimals ?? Math.min(typedDecimals(held), DEFAULT_DECIMALS);
  if (Math.abs(held - exact) <= displayTolerance(Math.max(shown, DEFAULT_DECIMALS))) return AGREES;
  if (shown < DEFAULT_DECIMALS && Math.abs(held - exact) <= displayTolerance(shown)) {
    return { state: "near", decimals: shown, truncated: false };
  }
  const cut = Math.trunc(Number((exact * 10 ** shown).toPrecision(15))) / 10 ** shown;
  if (Math.abs(held - cut) <= 1e-9 * Math.max(1, Math.abs(held))) return { state: "near", decimals: shown, truncated: true };
  return DIFFERS;
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

/** A rate in percent points from its numerator and denominator (not 0), unrounded and as written (2 decimals). */
export function ratePercent(numerator: number, denominator: number): { exact: number; value: number } {
  const exact = (numerator / denominator) * 100;
  return { exact, value: roundTo(exact, 2) };
}

/**
 * A cell as a formula written into `target`'s cell names it: unqualified on the same sheet; with its sheet's name
 * otherwise (a total on the second sheet of a split appendix summing parts on the first names the first).
 */
function seenFrom(cell: CellRef, target: CellRef, sheet: SheetView): CellRef {
  if (cell.sheet === target.sheet) return { row: cell.row, col: cell.col };
  return { row: cell.row, col: cell.col, sheet: cell.sheet ?? sheet.second?.primary };
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
  const { exact, value } = ratePercent(num.n.value, den.n.value);
  // The format section that shows the rate decides, as it does for the reader: "0.00;[Red]-0.00%" shows it plainly.
  const percent = showsPercent(target.raw.numberFormat, value);
  return {
    kind: "derived",
    relation: r,
    target,
    value,
    write: {
      ...writeTarget(target.cell),
      value,
      cellValue: percent ? roundTo(num.n.value / den.n.value, 4) : value,
      formula: rateFormula(seenFrom(numCell.cell, target.cell, sheet), seenFrom(denCell.cell, target.cell, sheet), percent),
      numberFormat: rateFormatFor(target.raw.numberFormat, value),
    },
    sameAs: [guardedRateFormula(seenFrom(numCell.cell, target.cell, sheet), seenFrom(denCell.cell, target.cell, sheet), percent)],
    inputs: {
      kind: "rate",
      numerator: { indicator: r.numerator, cell: numCell.cell, value: num.n.value },
      denominator: { indicator: r.denominator, cell: denCell.cell, value: den.n.value },
    },
    fromComputed: num.computed || den.computed,
    // What the user sees of the rate: half a unit of its last shown (or typed) decimal around the exact quotient.
    judge: (held, decimals) => judgeRate(held, exact, decimals),
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
  const sum = parts.reduce((s, p) => s + (numberValue(p.n) ?? 0), 0);
  const cells = located.map((p) => sheet.cell(p)!.cell);
  return {
    kind: "derived",
    relation: r,
    target,
    value: sum,
    write: { ...writeTarget(target.cell), value: sum, cellValue: sum, formula: sumFormula(cells.map((c) => seenFrom(c, target.cell, sheet))) },
    sameAs: [guardedSumFormula(cells.map((c) => seenFrom(c, target.cell, sheet)))],
    inputs: { kind: "sum", parts: located.map((p, i) => ({ indicator: p, cell: cells[i], value: numberValue(parts[i].n) })) },
    fromComputed: parts.some((p) => p.computed),
    judge: (held) => (sameNumber(held, sum) ? AGREES : DIFFERS),
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
 * - "near": a rate right only to fewer than 2 decimals, or cut instead of rounded (`judgeRate`);
 * - "differs": a number that is not the derived value;
 * - "other": an explicit "nothing" ("-") where a value follows from other cells;
 * - "unusable": text or an error, which the cell rules already report.
 */
export function targetState(d: Derivation, sheet: SheetView): "blank" | "agrees" | "near" | "differs" | "other" | "unusable" {
  const t = d.target;
  if (t.reading.kind === "blank" && !t.raw.formula) return "blank";
  if ([d.write.formula, ...d.sameAs].some((f) => sameFormula(t.raw.formula, f))) return "agrees";
  const held = sheet.number(t.indicator.id);
  if (held.state === "unusable" || held.state === "missing") return "unusable";
  if (held.state !== "value") return "other";
  return d.judge(held.value, held.decimals).state;
}

/** Why a derived value must not be written, and the inputs the user has to fix first. */
export interface Blocked {
  readonly reason: BlockedReason;
  readonly toFix: readonly IndicatorValue[];
}

/** The inputs of a derivation, in order: numerator then denominator, or the parts. */
export function inputsOf(inputs: ComputedInputs): readonly IndicatorValue[] {
  return inputs.kind === "rate" ? [inputs.numerator, inputs.denominator] : inputs.parts;
}

/**
 * A blank total or rate that cannot be derived because an input is in error and cannot be read as a number (a date,
 * text in a count): the calculator leaves it blank, as it does when an input's error would carry on, and names the
 * inputs to fix. Null when the target is not blank or no such input exists (an input merely blank is not in error).
 */
export function unreadableInputs(r: ComputableRelation, sheet: SheetView, findings: readonly Finding[]): (Blocked & { inputs: ComputedInputs }) | null {
  const target = sheet.cell(r.kind === "rate" ? r.rate : r.total);
  if (!target || target.reading.kind !== "blank" || target.raw.formula) return null;
  const ids = r.kind === "rate" ? [r.numerator, r.denominator] : r.parts;
  const at = (id: string): IndicatorValue | null => {
    const c = sheet.cell(id);
    if (!c) return null;
    const n = sheet.number(id);
    return { indicator: id, cell: c.cell, value: n.state === "value" ? n.value : null };
  };
  const errors = findings.filter((f) => f.severity === "error");
  const toFix = ids.flatMap((id) => {
    const v = at(id);
    return v && sheet.number(id).state === "unusable" && errors.some((f) => f.cells.some((c) => sameCell(c, v.cell!))) ? [v] : [];
  });
  if (toFix.length === 0) return null;
  if (r.kind === "sum_equals") return { reason: "inputs_in_error", toFix, inputs: { kind: "sum", parts: ids.flatMap((id) => at(id) ?? []) } };
  const numerator = at(r.numerator);
  const denominator = at(r.denominator);
  return numerator && denominator ? { reason: "inputs_in_error", toFix, inputs: { kind: "rate", numerator, denominator } } : null;
}

/**
 * The one rule on writing a total or a rate (the calculator's fill and the fix of a typed one): never write a value
 * the checker would reject. Blocked when an error finding (`findings`: the validation's) names an input cell — the
 * value would carry the error on (D14 = 50 above D13 = 47 gives a rate of 106,38) — or when the value itself breaks
 * the target's own rule (a rate above 100, a negative total). Findings about the target itself do not count: they
 * are what the write resolves.
 */
export function blockedWrite(d: Derivation, findings: readonly Finding[]): Blocked | null {
  const inputs = inputsOf(d.inputs);
  const errors = findings.filter((f) => f.severity === "error" && !sameCell(f.cell, d.target.cell));
  const toFix = inputs.filter((i) => i.cell !== null && errors.some((f) => f.cells.some((c) => sameCell(c, i.cell!))));
  if (toFix.length) return { reason: "inputs_in_error", toFix };
  const kind = d.target.indicator.kind;
  if ((kind === "count" || kind === "percent") && !valueRules[kind].accepts(d.value, d.target.indicator)) {
    return { reason: "value_rejected", toFix: inputs };
  }
  return null;
}
