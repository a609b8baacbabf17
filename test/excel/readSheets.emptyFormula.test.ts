/** Excel computes every formula: one that shows "" is read as holding the empty text, never as "no saved result". */
import { rangeToGrid } from "../../src/excel/readSheets";
import { checkWorkbook, layoutPlan, templates } from "../../src/core";
import { planMatrices } from "../../src/excel/renderPlan";

test("a guarded formula showing \"\" is an answer Excel computed, not a formula without a result", () => {
  const plan = layoutPlan(templates[0], { year: 2024 });
  const { formulas, numberFormats } = planMatrices(plan);
  // What Excel gives back for the freshly inserted template: every guarded formula shows "".
  const values = formulas.map((row) => row.map((f) => (typeof f === "string" && f.startsWith("=") ? "" : f)));
  const rows = formulas.length;
  const cols = formulas[0].length;
  const grid = rangeToGrid({ address: `Phụ lục!A1:${String.fromCharCode(64 + cols)}${rows}`, values, formulas, numberFormat: numberFormats, text: values.map((r) => r.map(String)) });
  const state = checkWorkbook([{ name: "Phụ lục", grid }], templates);
  expect(state.found).toBe(true);
  if (!state.found) return;
  expect(state.findings.filter((f) => f.code === "formula_no_result")).toEqual([]);
  expect(state.findings.map((f) => f.code)).toEqual(Array(22).fill("flag_blank"));
});
