/** One measured figure and its budget, as `npm run bench` prints it. */
export interface Figure {
  /** Stable name, e.g. "engine.analyze.median". */
  readonly name: string;
  readonly value: number;
  readonly unit: string;
  /** The largest acceptable value (inclusive when `inclusive`, else strictly below). */
  readonly budget: number;
  readonly inclusive?: boolean;
  /** Context printed after the budget (what a naive implementation would cost, spread of runs…). */
  readonly note?: string;
}

/** Whether a figure is within its budget. */
export function withinBudget(f: Figure): boolean {
  return f.inclusive ? f.value <= f.budget : f.value < f.budget;
}

/** Rounds for display: integers as they are, others to 3 significant decimals. */
export function shown(value: number): string {
  if (Number.isInteger(value)) return String(value);
  return value >= 100 ? value.toFixed(0) : value >= 10 ? value.toFixed(1) : value.toFixed(3);
}

/** The line `name: value unit (budget ...)` for one figure, with OVER BUDGET when it fails. */
export function figureLine(f: Figure): string {
  const budget = `${f.inclusive ? "<=" : "<"} ${shown(f.budget)} ${f.unit}`;
  const note = f.note ? `; ${f.note}` : "";
  return `${f.name}: ${shown(f.value)} ${f.unit} (budget ${budget}${note})${withinBudget(f) ? "" : " OVER BUDGET"}`;
}

/** Median of a list of numbers. */
export function median(values: readonly number[]): number {
  const s = [...values].sort((a, b) => a - b);
  const mid = s.length >> 1;
  return s.length % 2 ? s[mid] : (s[mid - 1] + s[mid]) / 2;
}

/** A percentile (0..100) by nearest rank. */
export function percentile(values: readonly number[], p: number): number {
  const s = [...values].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.max(0, Math.ceil((p / 100) * s.length) - 1))];
}
