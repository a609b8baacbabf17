/** The layout plan of the real sở/ngành template: recognised by the locator, computed cells as the calculator has them. */
import { cellA1, fromA1, toA1 } from "../../src/core/address";
import { soNganh } from "../../src/core/catalog";
import { checkWorkbook, type FoundCheck } from "../../src/core/checkWorkbook";
import { gridFromCells, type Grid, type RawCell } from "../../src/core/grid";
import { layoutPlan, PLAN_COLUMNS, PLAN_FIRST_ROW, PLAN_HEADER_ROW } from "../../src/core/layout";
import type { LayoutPlan } from "../../src/core/layoutPlan";
import { locate } from "../../src/core/locate";

/** The plan as the sheet a host would show: values as written, formula cells with `formulaValue` (blank by default). */
function planGrid(plan: LayoutPlan, inputs: Readonly<Record<string, number>> = {}, keepFormulas = true): Grid {
  const rows: RawCell[][] = [];
  const put = (a1: string, cell: RawCell) => {
    const at = fromA1(a1)!;
    while (rows.length <= at.row) rows.push([]);
    const row = rows[at.row];
    while (row.length <= at.col) row.push({ value: null });
    row[at.col] = cell;
  };
  for (const c of plan.cells) {
    const numberFormat = plan.styles[c.style].numberFormat ?? "General";
    if (c.formula) put(toA1(c.cell), keepFormulas ? { value: null, formula: c.formula, numberFormat } : { value: null, numberFormat });
    else put(toA1(c.cell), { value: inputs[toA1(c.cell)] ?? c.cellValue ?? null, numberFormat });
  }
  return gridFromCells({ row: 0, col: 0 }, rows);
}

/** The one check every surface runs, on a grid of the template's sheet. */
function checked(grid: Grid): FoundCheck {
  const state = checkWorkbook([{ name: plan.sheetName, grid }], [soNganh]);
  if (!state.found) throw new Error(`not located: ${JSON.stringify(state.failure)}`);
  return state;
}

const plan = layoutPlan(soNganh, { unitName: "Sở Thông tin và Truyền thông tỉnh Sóc Trăng", year: 2023 });

test("the locator finds every indicator of the template, in the plan's rows and columns", () => {
  const found = locate(planGrid(plan), soNganh);
  if (!found.ok) throw new Error(`not located: ${JSON.stringify(found.failure)}`);
  const loc = found.location;
  expect(loc.missing).toEqual([]);
  expect(loc.unrecognized).toEqual([]);
  expect(loc.matches).toHaveLength(soNganh.indicators.length);
  expect(loc.matches.every((m) => m.how === "exact")).toBe(true);
  expect(loc.headerRow).toBe(PLAN_HEADER_ROW + 1);
  expect(loc.columns).toEqual({ stt: 0, label: 1, unit: 2, value: 3, note: 4 });
  for (const n of plan.names) expect(n.cell).toEqual({ row: loc.rows[n.indicator], col: PLAN_COLUMNS.value });
});

test("every section and indicator has its row, in printed order", () => {
  const labels = plan.cells.filter((c) => c.cell.col === 1 && c.cell.row >= PLAN_FIRST_ROW).map((c) => c.cellValue);
  const expected: string[] = [];
  for (const s of soNganh.sections) {
    expected.push(s.label);
    for (const i of soNganh.indicators) if (i.section === s.id) expected.push(i.label);
  }
  expect(labels).toEqual(expected);
  expect(plan.names).toHaveLength(soNganh.indicators.filter((i) => i.kind !== "group").length);
});

test("the template's formula cells are exactly the cells the calculator fills, with the same formulas", () => {
  // Every input a number above 0; computed cells blank: the calculator then fills each of them.
  const computed = new Set(plan.cells.filter((c) => c.formula).map((c) => toA1(c.cell)));
  const inputs: Record<string, number> = {};
  for (const i of soNganh.indicators) {
    const name = plan.names.find((n) => n.indicator === i.id);
    if (name && !computed.has(toA1(name.cell)) && (i.kind === "count" || i.kind === "percent")) inputs[toA1(name.cell)] = 1;
  }
  const { patches } = checked(planGrid(plan, inputs, false));
  expect(new Set(patches.map((p) => toA1(p.cell)))).toEqual(computed);
  // The three computed cells `cchc template` reports: the rates whose numerator and denominator the form asks for.
  expect(computed.size).toBe(3);
  for (const p of patches) {
    const guarded = plan.cells.find((c) => toA1(c.cell) === toA1(p.cell))!.formula!;
    // The template's formula is the calculator's, shown blank while its inputs are blank.
    expect(guarded).toContain(p.formula.slice(1).replace(/^=/, ""));
  }
});

test("a template filled in and recalculated by Excel raises nothing about its own formulas", () => {
  const computed = new Set(plan.cells.filter((c) => c.formula).map((c) => toA1(c.cell)));
  const inputs: Record<string, number> = {};
  for (const i of soNganh.indicators) {
    const name = plan.names.find((n) => n.indicator === i.id);
    if (name && !computed.has(toA1(name.cell)) && i.kind === "count") inputs[toA1(name.cell)] = 3 + (i.id.length % 5);
  }
  // What Excel caches in the formula cells: the calculator's values.
  const cached: Record<string, number> = {};
  for (const p of checked(planGrid(plan, inputs, false)).patches) cached[toA1(p.cell)] = p.cellValue;
  expect(Object.keys(cached).sort()).toEqual([...computed].sort());

  const grid = planGrid(plan, inputs);
  const withValues: Grid = {
    ...grid,
    values: grid.values.map((row, r) => row.map((v, c) => cached[`${String.fromCharCode(65 + c)}${r + 1}`] ?? v)),
  };
  const { findings, patches } = checked(withValues);
  expect(patches).toEqual([]);
  // The inputs are arbitrary, so part-of-whole findings may land on a computed total; what must not appear is any
  // doubt about the computed cells themselves.
  const aboutFormulas = ["computed_value_missing", "computed_value_conflict", "rate_mismatch", "sum_mismatch", "excel_error"];
  expect(findings.filter((f) => computed.has(cellA1(f.cell)) && aboutFormulas.includes(f.code))).toEqual([]);
});

test("names, drop-downs and input messages stay within what Excel accepts", () => {
  const names = plan.names.map((n) => n.name);
  expect(new Set(names).size).toBe(names.length);
  for (const n of names) expect(n).toMatch(/^CCHC_[A-Za-z0-9_]+$/);
  expect(plan.validations.length).toBe(soNganh.indicators.filter((i) => (i.kind === "flag" || i.kind === "choice") && i.codes?.length).length);
  for (const v of plan.validations) {
    expect(v.promptTitle.length).toBeLessThanOrEqual(32);
    expect(v.errorTitle.length).toBeLessThanOrEqual(32);
    expect(v.prompt.length).toBeLessThanOrEqual(255);
    expect(v.error.length).toBeLessThanOrEqual(255);
    // The list is written as one quoted literal, which Excel caps at 255 characters.
    expect(v.list.join(",").length).toBeLessThan(255);
  }
});
