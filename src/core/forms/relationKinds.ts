/**
 * The relation kinds a form may use, each described once: the names a form writes, how many rows it lands on
 * (`target`) and reads (`inputs`), which kinds of rows those may be, whether it takes a condition, and how the
 * one shape of a form's relation row becomes the engine's `Relation` and back. Adding a relation kind to the
 * engine means adding one entry here; the workbook columns and the JSON shape stay as they are.
 */
import type { IndicatorKind, Relation } from "../catalog/model";
import type { FormCondition, FormRelation } from "./model";

/** How many rows a side takes: exactly n, or at least n. */
export interface Arity {
  readonly min: number;
  readonly max: number;
}

const ONE: Arity = { min: 1, max: 1 };
const SOME: Arity = { min: 1, max: Infinity };
const TWO: Arity = { min: 2, max: 2 };

/** One relation kind as a form sees it. */
export interface RelationKindSpec<K extends Relation["kind"] = Relation["kind"]> {
  readonly kind: K;
  /** How the form writes the kind (Vietnamese first); the code itself is accepted too. */
  readonly words: readonly string[];
  readonly target: Arity;
  readonly inputs: Arity;
  /** Row kinds the target and the inputs may be. */
  readonly targetKinds: readonly IndicatorKind[];
  readonly inputKinds: readonly IndicatorKind[];
  readonly condition: "none" | "optional" | "required";
  /** How the inputs are written in one cell: "I.1.2 / I.1.1" for a rate, "+" between parts. */
  readonly inputsJoin: string;
  /** The engine's relation from the form's row (the row is already checked against the spec). */
  toRelation(r: FormRelation): Extract<Relation, { kind: K }>;
  /** The form's row (target, inputs, condition) from the engine's relation. */
  fromRelation(r: Extract<Relation, { kind: K }>): { target: string[]; inputs: string[]; condition?: FormCondition };
}

const NUMBERS: readonly IndicatorKind[] = ["count"];
const ANSWERS: readonly IndicatorKind[] = ["flag", "choice", "count", "percent", "text"];

const caveatOf = (r: FormRelation) => (r.caveat ? { caveat: r.caveat } : {});

const partOfWhole: RelationKindSpec<"part_of_whole"> = {
  kind: "part_of_whole",
  words: ["phần không vượt quá tổng", "phần không vượt tổng", "part of whole", "phần ≤ tổng"],
  target: SOME,
  inputs: SOME,
  targetKinds: NUMBERS,
  inputKinds: NUMBERS,
  condition: "none",
  inputsJoin: " + ",
  toRelation: (r) => ({
    kind: "part_of_whole",
    id: r.id,
    parts: [...r.inputs],
    whole: r.target[0],
    ...(r.target.length > 1 ? { wholeAlso: r.target.slice(1) } : {}),
    severity: r.severity,
    ...caveatOf(r),
  }),
  fromRelation: (r) => ({ target: [r.whole, ...(r.wholeAlso ?? [])], inputs: [...r.parts] }),
};

const sumEquals: RelationKindSpec<"sum_equals"> = {
  kind: "sum_equals",
  words: ["tổng bằng các phần", "sum equals", "tổng = các phần"],
  target: ONE,
  inputs: SOME,
  targetKinds: NUMBERS,
  inputKinds: NUMBERS,
  condition: "none",
  inputsJoin: " + ",
  toRelation: (r) => ({ kind: "sum_equals", id: r.id, parts: [...r.inputs], total: r.target[0], severity: r.severity, ...caveatOf(r) }),
  fromRelation: (r) => ({ target: [r.total], inputs: [...r.parts] }),
};

const rate: RelationKindSpec<"rate"> = {
  kind: "rate",
  words: ["tỷ lệ", "rate", "tỉ lệ"],
  target: ONE,
  inputs: TWO,
  targetKinds: ["percent"],
  inputKinds: NUMBERS,
  condition: "none",
  inputsJoin: " / ",
  toRelation: (r) => ({ kind: "rate", id: r.id, rate: r.target[0], numerator: r.inputs[0], denominator: r.inputs[1], severity: r.severity }),
  fromRelation: (r) => ({ target: [r.rate], inputs: [r.numerator, r.denominator] }),
};

const flagCounts: RelationKindSpec<"flag_counts"> = {
  kind: "flag_counts",
  words: ["trả lời Không thì số liệu bằng 0", "flag counts", "Có/Không và số liệu"],
  target: ONE,
  inputs: SOME,
  targetKinds: ["flag"],
  inputKinds: NUMBERS,
  condition: "optional",
  inputsJoin: " + ",
  toRelation: (r) => ({
    kind: "flag_counts",
    id: r.id,
    flag: r.target[0],
    no: r.condition?.equals?.[0] ?? 0,
    counts: [...r.inputs],
    severity: r.severity,
  }),
  fromRelation: (r) => ({ target: [r.flag], inputs: [...r.counts], condition: { equals: [r.no] } }),
};

const noteRequired: RelationKindSpec<"note_required"> = {
  kind: "note_required",
  words: ["cần ghi chú", "note required", "phải ghi chú"],
  target: ONE,
  // The rows whose answers ask for the target's note (a group row's sub-rows); none: the target's own answer.
  inputs: { min: 0, max: Infinity },
  targetKinds: [...ANSWERS, "group"],
  inputKinds: NUMBERS,
  condition: "required",
  inputsJoin: " + ",
  toRelation: (r) => ({
    kind: "note_required",
    id: r.id,
    indicator: r.target[0],
    ...(r.inputs.length ? { sources: [...r.inputs] } : {}),
    when: [...(r.condition?.equals ?? [])],
    ...(r.condition?.above !== undefined ? { whenAbove: r.condition.above } : {}),
    ...(r.condition?.unlessZero?.length ? { unlessZero: [...r.condition.unlessZero] } : {}),
    severity: r.severity,
  }),
  fromRelation: (r) => ({
    target: [r.indicator],
    inputs: [...(r.sources ?? [])],
    condition: {
      ...(r.when.length || r.whenAbove === undefined ? { equals: [...r.when] } : {}),
      ...(r.whenAbove !== undefined ? { above: r.whenAbove } : {}),
      ...(r.unlessZero?.length ? { unlessZero: [...r.unlessZero] } : {}),
    },
  }),
};

const impliesPositive: RelationKindSpec<"implies_positive"> = {
  kind: "implies_positive",
  words: ["lớn hơn 0 thì lớn hơn 0", "implies positive", "có thì phải có số liệu"],
  target: SOME,
  inputs: SOME,
  targetKinds: ["count", "flag", "choice"],
  inputKinds: NUMBERS,
  condition: "optional",
  inputsJoin: " + ",
  toRelation: (r) => ({
    kind: "implies_positive",
    id: r.id,
    given: [...r.target],
    ...(r.condition?.equals?.length ? { givenEquals: r.condition.equals[0] } : {}),
    then: [...r.inputs],
    ...(r.condition?.blankIsZero ? { blankIsZero: true } : {}),
    severity: r.severity,
  }),
  fromRelation: (r) => {
    const condition = { ...(r.givenEquals !== undefined ? { equals: [r.givenEquals] } : {}), ...(r.blankIsZero ? { blankIsZero: true } : {}) };
    return { target: [...r.given], inputs: [...r.then], ...(Object.keys(condition).length ? { condition } : {}) };
  },
};

const countRateZero: RelationKindSpec<"count_rate_zero"> = {
  kind: "count_rate_zero",
  words: ["số lượng bằng 0 thì tỷ lệ bằng 0", "count rate zero", "cùng bằng 0"],
  target: ONE,
  inputs: ONE,
  targetKinds: ["percent"],
  inputKinds: NUMBERS,
  // Only "ô trống tính là 0" (blankIsZero): a count above 0 then needs its rate filled.
  condition: "none",
  inputsJoin: " + ",
  toRelation: (r) => ({
    kind: "count_rate_zero",
    id: r.id,
    count: r.inputs[0],
    rate: r.target[0],
    ...(r.condition?.blankIsZero ? { blankIsZero: true } : {}),
    severity: r.severity,
  }),
  fromRelation: (r) => ({ target: [r.rate], inputs: [r.count], ...(r.blankIsZero ? { condition: { blankIsZero: true } } : {}) }),
};

/** Every kind the engine runs, in the order docs/RULES.md lists them. */
export const RELATION_KINDS: readonly RelationKindSpec[] = [partOfWhole, sumEquals, rate, flagCounts, noteRequired, impliesPositive, countRateZero] as readonly RelationKindSpec[];

/** The spec of a kind code. */
export function relationKind(kind: string): RelationKindSpec | undefined {
  return RELATION_KINDS.find((k) => k.kind === kind);
}

/** The form's generic row for an engine relation. */
export function formRelationOf(r: Relation): Omit<FormRelation, "reason" | "draft"> {
  const spec = relationKind(r.kind) as RelationKindSpec<typeof r.kind>;
  const side = spec.fromRelation(r as never);
  return {
    id: r.id,
    kind: r.kind,
    target: side.target,
    inputs: side.inputs,
    ...(side.condition ? { condition: side.condition } : {}),
    severity: r.severity,
    ...("caveat" in r && r.caveat ? { caveat: r.caveat } : {}),
  };
}
