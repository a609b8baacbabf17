/** How the summary adds up an indicator across units: counts summed, rates recomputed, flags and choices counted. */
import type { Indicator, Template } from "../catalog/model";
import { ratePercent } from "../derivation";

/** How a row's total is made. */
export type SummaryTotal =
  /** counts: the sum over units; null when no unit gave a figure */
  | { readonly method: "sum"; readonly value: number | null }
  /** a rate: sum(numerator) / sum(denominator) x 100, rounded to 2; never an average of the units' rates */
  | { readonly method: "rate"; readonly numerator: string; readonly denominator: string; readonly value: number | null }
  /** a 0/1 flag: how many units answered the yes code */
  | { readonly method: "yes_count"; readonly yes: number; readonly value: number }
  /** a coded choice: how many units chose each code */
  | { readonly method: "choice_counts"; readonly counts: readonly { readonly value: number; readonly label: string; readonly count: number }[] }
  /** nothing meaningful to add up (group rows, text, a percentage without numerator and denominator) */
  | { readonly method: "none" };

const yesCode = (ind: Indicator): number | undefined => ind.codes?.find((c) => c.value === 1)?.value;

/** The rate relation that gives `id`, when both its numerator and denominator are counts of the template. */
export function rateOf(template: Template, id: string): { numerator: string; denominator: string } | undefined {
  const kindOf = new Map(template.indicators.map((i) => [i.id, i.kind]));
  for (const r of template.relations) {
    if (r.kind === "rate" && r.rate === id && kindOf.get(r.numerator) === "count" && kindOf.get(r.denominator) === "count") {
      return { numerator: r.numerator, denominator: r.denominator };
    }
  }
  return undefined;
}

/** How the summary adds up an indicator across units (the same choice the workbook's formulas make). */
export function totalMethod(template: Template, ind: Indicator): SummaryTotal["method"] {
  switch (ind.kind) {
    case "count":
      return "sum";
    case "percent":
      return rateOf(template, ind.id) ? "rate" : "none";
    case "flag":
      return yesCode(ind) === undefined ? "none" : "yes_count";
    case "choice":
      return ind.codes?.length ? "choice_counts" : "none";
    default:
      return "none";
  }
}

export function sumOf(values: readonly (number | string | null)[]): number | null {
  let sum: number | null = null;
  for (const v of values) if (typeof v === "number") sum = (sum ?? 0) + v;
  return sum;
}

/** The total of one row over the units' values (`sums`: each count indicator's sum, for rates). */
export function totalOf(template: Template, ind: Indicator, values: readonly (number | string | null)[], sums: ReadonlyMap<string, number | null>): SummaryTotal {
  switch (totalMethod(template, ind)) {
    case "sum":
      return { method: "sum", value: sumOf(values) };
    case "rate": {
      const r = rateOf(template, ind.id) as { numerator: string; denominator: string };
      const num = sums.get(r.numerator) ?? null;
      const den = sums.get(r.denominator) ?? null;
      const value = num === null || den === null || den === 0 ? null : ratePercent(num, den).value;
      return { method: "rate", ...r, value };
    }
    case "yes_count": {
      const yes = yesCode(ind) as number;
      return { method: "yes_count", yes, value: values.filter((v) => v === yes).length };
    }
    case "choice_counts":
      return {
        method: "choice_counts",
        counts: (ind.codes ?? []).map((c) => ({ value: c.value, label: c.label, count: values.filter((v) => v === c.value).length })),
      };
    default:
      return { method: "none" };
  }
}
