/**
 * Rules between rows, one factory per relation kind (`rateRule` runs what catalog/define.ts `rate` declares). Each takes the catalog's relation (data) and returns a plain
 * object naming the indicators it reads; `run` returns the findings, each landing on one cell.
 *
 * Blank inputs: a relation never invents a value for a blank cell, with two documented exceptions.
 * - part_of_whole sums only the filled parts: counts are >= 0, so filled parts already above the whole break the
 *   relation whatever the blank ones hold.
 * - sum_equals treats blank parts as 0 once at least one part is filled and the total is filled: a total next to a
 *   partial breakdown says the other parts are none. With every part blank the relation is skipped (the unit may
 *   not break its total down); with the total blank the calculator fills it instead.
 * A part, numerator or denominator holding text or an error is reported by the cell rules; relations that need its
 * value are skipped.
 */
import { writeTarget } from "../cellWrite";
import { sameCell } from "../address";
import type { Relation, RelationSeverity } from "../catalog/model";
import { cellNumberFor, rateFormatFor } from "../numberFormat";
import type { Finding, IndicatorValue } from "../finding";
import { derive, targetState, type ComputableRelation, type Derivation } from "../derivation";
import { sameNumber } from "./numbers";
import { numberValue, type SheetView } from "../sheetView";

/** A relation as a runnable rule. */
export interface RelationRule {
  readonly kind: "relation";
  readonly type: Relation["kind"];
  /** The catalog relation id. */
  readonly id: string;
  /** Indicators the rule reads. */
  readonly reads: readonly string[];
  readonly run: (sheet: SheetView) => Finding[];
}

type Of<K extends Relation["kind"]> = Extract<Relation, { kind: K }>;

/** Indicators with their cells and values (null: blank, unusable or not on the sheet), for a finding's detail. */
function operands(sheet: SheetView, ids: readonly string[]): IndicatorValue[] {
  return ids.map((id) => ({ indicator: id, cell: sheet.cell(id)?.cell ?? null, value: numberValue(sheet.number(id)) }));
}

/**
 * sum(parts) <= whole (+ sum(wholeAlso), when no single row holds the whole); reported on the last filled part (the
 * row where the running sum overflows). The whole rows: skipped when all blank, otherwise blank ones count as 0
 * (the catalog's documented meaning of `wholeAlso`); skipped when one holds text or an error.
 */
export function partOfWholeRule(r: Of<"part_of_whole">): RelationRule {
  const wholeIds = [r.whole, ...(r.wholeAlso ?? [])];
  return {
    kind: "relation",
    type: r.kind,
    id: r.id,
    reads: [...r.parts, ...wholeIds],
    run: (sheet) => {
      const wholeStates = wholeIds.map((id) => sheet.number(id));
      if (wholeStates.some((s) => s.state === "unusable") || !wholeStates.some((s) => s.state === "value")) return [];
      const whole = wholeStates.reduce((s, n) => s + (numberValue(n) ?? 0), 0);
      const wholeCells = wholeIds.flatMap((id) => sheet.cell(id)?.cell ?? []);
      const filled = r.parts.filter((p) => numberValue(sheet.number(p)) !== null);
      if (filled.length === 0) return [];
      const sum = filled.reduce((s, p) => s + (numberValue(sheet.number(p)) ?? 0), 0);
      if (sum <= whole || sameNumber(sum, whole)) return [];
      const primary = sheet.cell(filled[filled.length - 1])!;
      const others = filled.map((p) => sheet.cell(p)!.cell).filter((c) => !sameCell(c, primary.cell));
      return [
        {
          code: "part_exceeds_whole",
          severity: r.severity,
          indicator: primary.indicator.id,
          cell: primary.cell,
          cells: [primary.cell, ...others, ...wholeCells],
          actual: sum,
          // The parts may add up to anything up to the whole: a bound, not a value.
          expected: null,
          limit: { bound: "max", value: whole },
          fix: null,
          relation: r.id,
          detail: { parts: operands(sheet, r.parts), wholes: operands(sheet, wholeIds), caveat: r.caveat ?? null },
        },
      ];
    },
  };
}

/**
 * The derivation of a total or a rate from the user's own inputs, when the target holds a number that differs from
 * it (a blank target is the calculator's to fill; a 0 or blank denominator the calculator reports).
 */
function differing(r: ComputableRelation, sheet: SheetView): Derivation | null {
  const d = derive(r, { sheet });
  return d?.kind === "derived" && targetState(d, sheet) === "differs" ? d : null;
}

/**
 * sum(parts) = total; reported on the total. A typed total is never overwritten: the total or a part may be the wrong
 * one, so the finding says they disagree (the parts' sum as `derived`) and offers no fix.
 */
export function sumEqualsRule(r: Of<"sum_equals">): RelationRule {
  return {
    kind: "relation",
    type: r.kind,
    id: r.id,
    reads: [...r.parts, r.total],
    run: (sheet) => {
      const d = differing(r, sheet);
      const total = numberValue(sheet.number(r.total));
      if (!d || total === null) return [];
      const parts = operands(sheet, r.parts);
      return [
        {
          code: "sum_mismatch",
          severity: r.severity,
          indicator: r.total,
          cell: d.target.cell,
          cells: [d.target.cell, ...parts.flatMap((p) => (p.cell === null ? [] : [p.cell]))],
          actual: total,
          expected: d.value,
          expectedKind: "derived",
          fix: null,
          relation: r.id,
          detail: { parts, caveat: r.caveat ?? null },
        },
      ];
    },
  };
}

/** At most a warning: a rate right to fewer decimals than the appendix's 2 is not wrong. */
function atMostWarning(s: RelationSeverity): RelationSeverity {
  return s === "error" ? "warning" : s;
}

/**
 * A rate right only as far as its typed or shown decimals go (87 or 87.2 for 87.23), or cut instead of rounded (66.66
 * for 66.666…): at most a warning, whose fix is the 2-decimal value (the format set to show 2 decimals).
 */
function roundedRate(r: Of<"rate">, sheet: SheetView): Finding[] {
  const d = derive(r, { sheet });
  const held = sheet.number(r.rate);
  if (d?.kind !== "derived" || d.inputs.kind !== "rate" || held.state !== "value" || targetState(d, sheet) !== "near") return [];
  const judged = d.judge(held.value, held.decimals);
  if (judged.state !== "near") return [];
  const format = d.target.raw.numberFormat;
  const numberFormat = rateFormatFor(format, d.value);
  return [
    {
      code: "rate_rounded",
      severity: atMostWarning(r.severity),
      indicator: r.rate,
      cell: d.target.cell,
      cells: [d.target.cell, d.inputs.numerator.cell!, d.inputs.denominator.cell!],
      actual: held.value,
      expected: d.value,
      fix: { ...writeTarget(d.target.cell), value: d.value, cellValue: cellNumberFor(d.value, numberFormat), numberFormat },
      relation: r.id,
      detail: { inputs: d.inputs, decimals: judged.decimals, truncated: judged.truncated },
    },
  ];
}

/** rate = numerator / denominator x 100, within what the rate cell shows; reported on the rate. */
export function rateRule(r: Of<"rate">): RelationRule {
  return {
    kind: "relation",
    type: r.kind,
    id: r.id,
    reads: [r.rate, r.numerator, r.denominator],
    run: (sheet) => {
      const d = differing(r, sheet);
      const held = sheet.number(r.rate);
      if (!d) return roundedRate(r, sheet);
      if (d.inputs.kind !== "rate" || held.state !== "value") return [];
      return [
        {
          code: "rate_mismatch",
          severity: r.severity,
          indicator: r.rate,
          cell: d.target.cell,
          cells: [d.target.cell, d.inputs.numerator.cell!, d.inputs.denominator.cell!],
          actual: held.value,
          expected: d.value,
          expectedKind: "derived",
          // The fix replaces a typed value: surfaces ask before applying it; analyze drops it when the inputs are in error.
          fix: d.write,
          relation: r.id,
          detail: { inputs: d.inputs, decimals: held.decimals },
        },
      ];
    },
  };
}

/** A flag answering "no" while one of its counts is above 0; reported on the flag. */
export function flagCountsRule(r: Of<"flag_counts">): RelationRule {
  return {
    kind: "relation",
    type: r.kind,
    id: r.id,
    reads: [r.flag, ...r.counts],
    run: (sheet) => {
      const flag = numberValue(sheet.number(r.flag));
      const flagCell = sheet.cell(r.flag);
      if (flag !== r.no || !flagCell) return [];
      const positive = r.counts.filter((id) => (numberValue(sheet.number(id)) ?? 0) > 0);
      if (positive.length === 0) return [];
      const counts = operands(sheet, positive);
      return [
        {
          code: "flag_contradicts_counts",
          severity: r.severity,
          indicator: r.flag,
          cell: flagCell.cell,
          cells: [flagCell.cell, ...counts.flatMap((p) => (p.cell === null ? [] : [p.cell]))],
          actual: flag,
          expected: null,
          fix: null,
          relation: r.id,
          detail: { counts },
        },
      ];
    },
  };
}

/**
 * An answer among `when` needs the note column filled (unless the `unlessZero` rows add up to 0); reported on the
 * note cell. With `sources`, the answers are read from those rows (the first that asks is named).
 */
export function noteRequiredRule(r: Of<"note_required">): RelationRule {
  const sources = r.sources ?? [r.indicator];
  return {
    kind: "relation",
    type: r.kind,
    id: r.id,
    reads: [r.indicator, ...(r.sources ?? []), ...(r.unlessZero ?? [])],
    run: (sheet) => {
      if (r.unlessZero && r.unlessZero.every((id) => (numberValue(sheet.number(id)) ?? 0) === 0)) return [];
      const c = sheet.cell(r.indicator);
      if (!c || c.noteCell === null || c.noteFilled) return [];
      const asks = (answer: number | null) =>
        answer !== null && (r.when.includes(answer) || (r.whenAbove !== undefined && answer > r.whenAbove));
      const source = sources.find((id) => asks(numberValue(sheet.number(id))));
      const at = source === undefined ? undefined : sheet.cell(source);
      if (source === undefined || !at) return [];
      return [
        {
          code: "note_missing",
          severity: r.severity,
          indicator: r.indicator,
          cell: c.noteCell,
          cells: [c.noteCell, at.cell],
          actual: c.note === "" ? null : c.note,
          expected: null,
          fix: null,
          relation: r.id,
          detail: {
            answer: numberValue(sheet.number(source))!,
            valueCell: at.cell,
            noteHint: c.indicator.noteHint ?? null,
            ...(source !== r.indicator ? { source } : {}),
          },
        },
      ];
    },
  };
}

/** Any `given` row holding `givenEquals` (or above 0) needs the `then` rows above 0; reported on that given row. */
export function impliesPositiveRule(r: Of<"implies_positive">): RelationRule {
  return {
    kind: "relation",
    type: r.kind,
    id: r.id,
    reads: [...r.given, ...r.then],
    run: (sheet) => {
      const trigger = r.given.find((id) => {
        const v = numberValue(sheet.number(id));
        return v !== null && (r.givenEquals !== undefined ? v === r.givenEquals : v > 0);
      });
      const at = trigger === undefined ? undefined : sheet.cell(trigger);
      if (trigger === undefined || !at) return [];
      const states = r.then.map((id) => sheet.number(id));
      if (states.some((n) => n.state === "unusable")) return [];
      if (!r.blankIsZero && !states.some((n) => n.state === "value")) return [];
      const sum = states.reduce((t, n) => t + (numberValue(n) ?? 0), 0);
      if (sum > 0) return [];
      const given = operands(sheet, r.given.filter((id) => numberValue(sheet.number(id)) !== null));
      const then = operands(sheet, r.then);
      return [
        {
          code: "implication_broken",
          severity: r.severity,
          indicator: trigger,
          cell: at.cell,
          cells: [at.cell, ...then.flatMap((p) => (p.cell === null ? [] : [p.cell]))],
          actual: numberValue(sheet.number(trigger)),
          expected: null,
          fix: null,
          relation: r.id,
          detail: { given, then },
        },
      ];
    },
  };
}

/**
 * A count and the rate computed from it: one 0 and the other above 0 (with `blankIsZero`, a blank rate counts as 0,
 * so a count above 0 with no rate breaks it); reported on the rate.
 */
export function countRateZeroRule(r: Of<"count_rate_zero">): RelationRule {
  return {
    kind: "relation",
    type: r.kind,
    id: r.id,
    reads: [r.count, r.rate],
    run: (sheet) => {
      const count = numberValue(sheet.number(r.count));
      const rateState = sheet.number(r.rate);
      const held = numberValue(rateState);
      const rate = held ?? (r.blankIsZero && rateState.state === "blank" ? 0 : null);
      const at = sheet.cell(r.rate);
      if (count === null || rate === null || !at || (count === 0) === (rate === 0)) return [];
      const [c] = operands(sheet, [r.count]);
      return [
        {
          code: "count_rate_disagree",
          severity: r.severity,
          indicator: r.rate,
          cell: at.cell,
          cells: [at.cell, ...(c.cell === null ? [] : [c.cell])],
          actual: held,
          expected: null,
          fix: null,
          relation: r.id,
          detail: { count: c },
        },
      ];
    },
  };
}

/** The runnable rule for a catalog relation. */
export function relationRule(r: Relation): RelationRule {
  switch (r.kind) {
    case "part_of_whole":
      return partOfWholeRule(r);
    case "sum_equals":
      return sumEqualsRule(r);
    case "rate":
      return rateRule(r);
    case "flag_counts":
      return flagCountsRule(r);
    case "note_required":
      return noteRequiredRule(r);
    case "implies_positive":
      return impliesPositiveRule(r);
    case "count_rate_zero":
      return countRateZeroRule(r);
  }
}
