/** The grid a template sheet holds right after the add-in inserted it, without reading it again. */
import { type Grid, type LayoutPlan, withWrites } from "../core";

/**
 * The grid a freshly rendered plan reads as: its literal values, its formulas with the result the plan gives them
 * (the template's formulas are guarded and show "" until their inputs are filled), with the plan's number formats.
 */
export function planGrid(plan: LayoutPlan): Grid {
  return withWrites(
    { origin: { row: 0, col: 0 }, values: [] },
    plan.cells.map((c) => ({
      cell: c.cell,
      cellValue: c.cellValue ?? null,
      ...(c.formula ? { formula: c.formula } : {}),
      numberFormat: plan.styles[c.style]?.numberFormat,
    })),
  );
}
