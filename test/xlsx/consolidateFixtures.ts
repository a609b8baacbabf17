/**
 * Unit workbooks for the consolidation tests, made with the project's own layout plan and renderer and filled
 * with known figures, and the pipeline the command line and the pane run on each (read, the one check, reduce).
 */
import { checkWorkbook, type Grid, layoutPlan, type ReportPeriod, sameCell, soNganh, toA1, type UnitFailure, type UnitReport } from "../../src/core";
import { templateWorkbook, workbookBytes, worksheetGrid } from "../../src/xlsx";
import { unitFromBytes } from "../../src/xlsx/unitFromBytes";
import type ExcelJS from "exceljs";

/** One unit's workbook: title block and figures by indicator id. */
export interface UnitSpec {
  readonly unitName?: string;
  readonly year?: number;
  readonly period?: ReportPeriod;
  /** Figures by indicator id; a number, or text as the unit typed it ("Có", "02"). */
  readonly values: Readonly<Record<string, number | string>>;
  /**
   * The template's computed cells (rate, exact totals): "cached" keeps the formula with the value Excel would have
   * saved, "blank" clears them (the unit deleted the formula). A figure in `values` replaces the formula anyway.
   */
  readonly computed?: "cached" | "blank";
  /** Number formats the unit gave cells, by indicator id ("0.00%" on a rate). */
  readonly numberFormats?: Readonly<Record<string, string>>;
  /** When the workbook says it was last saved (docProps/core.xml); default 14/12/2023 09:00 Vietnam time. */
  readonly modified?: string;
  /**
   * Answer every other indicator too (0 for counts and rates, for a question the first code that raises nothing), so
   * that the unit is ready to send (core/readiness.ts): what a complete report looks like.
   */
  readonly complete?: boolean;
}

/** The spec's figures plus, for a complete unit, an answer for every indicator it leaves blank that raises nothing. */
function completed(spec: UnitSpec): Readonly<Record<string, number | string>> {
  if (!spec.complete) return spec.values;
  const values: Record<string, number | string> = { ...spec.values };
  const plan = () => layoutPlan(soNganh, { unitName: spec.unitName, year: spec.year ?? 2023, period: spec.period ?? "nam" });
  const check = (v: Record<string, number | string>) => {
    const p = plan();
    const wb = templateWorkbook(p);
    const ws = wb.getWorksheet(p.sheetName) as ExcelJS.Worksheet;
    const cellOf = new Map(p.names.map((n) => [n.indicator, toA1(n.cell)]));
    for (const [id, value] of Object.entries(v)) ws.getCell(cellOf.get(id)!).value = value;
    const found = checkWorkbook([{ name: ws.name, grid: blankedFormulas(worksheetGrid(ws)) }], [soNganh]);
    if (!found.found) throw new Error("the generated unit workbook is not recognised");
    return found;
  };
  // Rates stay the template's formulas; totals of parts all 0 are 0 (typed: a cached 0 result is not kept by the writer).
  const computed = new Set(soNganh.relations.flatMap((r) => (r.kind === "rate" ? [r.rate] : [])));
  for (const ind of soNganh.indicators) {
    if (ind.id in values || computed.has(ind.id)) continue;
    if (ind.kind === "count" || ind.kind === "percent") values[ind.id] = 0;
  }
  for (const ind of soNganh.indicators) {
    if (ind.id in values || (ind.kind !== "flag" && ind.kind !== "choice")) continue;
    const quiet = (ind.codes ?? []).find((c) => check({ ...values, [ind.id]: c.value }).findings.every((f) => f.severity === "info" || f.indicator !== ind.id));
    values[ind.id] = (quiet ?? ind.codes![0]).value;
  }
  return values;
}

/** The default saved time of a generated unit workbook. */
export const DEFAULT_MODIFIED = "2023-12-14T02:00:00.000Z";

function blankedFormulas(grid: Grid): Grid {
  return {
    ...grid,
    values: grid.values.map((row, r) => row.map((v, c) => (grid.formulas?.[r]?.[c] ? null : v))),
    formulas: grid.formulas?.map((row) => row.map(() => "")),
  };
}

/** An .xlsx of the official template (project's layout + renderer) holding the spec's figures. */
export async function unitWorkbook(spec: UnitSpec): Promise<Uint8Array> {
  const plan = layoutPlan(soNganh, { unitName: spec.unitName, year: spec.year ?? 2023, period: spec.period ?? "nam" });
  const wb = templateWorkbook(plan);
  // A fixed date, not the moment of the test run: which of a unit's two files is newer must not depend on timing.
  wb.modified = new Date(spec.modified ?? DEFAULT_MODIFIED);
  const ws = wb.getWorksheet(plan.sheetName) as ExcelJS.Worksheet;
  const cellOf = new Map(plan.names.map((n) => [n.indicator, toA1(n.cell)]));
  const values = completed(spec);
  for (const [id, value] of Object.entries(values)) {
    const cell = cellOf.get(id);
    if (!cell) throw new Error(`the template has no value cell for ${id}`);
    ws.getCell(cell).value = value;
  }
  for (const [id, format] of Object.entries(spec.numberFormats ?? {})) {
    const cell = cellOf.get(id);
    if (!cell) throw new Error(`the template has no value cell for ${id}`);
    ws.getCell(cell).numFmt = format;
  }
  const formulaCells = plan.cells.filter((c) => c.formula && !Object.keys(values).some((id) => cellOf.get(id) === toA1(c.cell)));
  if ((spec.computed ?? "cached") === "blank") {
    for (const c of formulaCells) ws.getCell(toA1(c.cell)).value = null;
  } else {
    // What Excel would have cached on saving: the calculator's value for each formula cell.
    const found = checkWorkbook([{ name: ws.name, grid: blankedFormulas(worksheetGrid(ws)) }], [soNganh]);
    if (!found.found) throw new Error("the generated unit workbook is not recognised");
    const patches = found.patches;
    for (const c of formulaCells) {
      const p = patches.find((x) => sameCell(x.cell, c.cell));
      ws.getCell(toA1(c.cell)).value = { formula: (c.formula as string).replace(/^=/, ""), result: p ? p.cellValue : "" } as ExcelJS.CellFormulaValue;
    }
  }
  return workbookBytes(wb);
}

/** What the command line and the pane make of one file (read, the one check, reduce). */
export function reportOf(file: string, bytes: Uint8Array): Promise<UnitReport | UnitFailure> {
  return unitFromBytes(file, bytes);
}

/**
 * The batch of the tests. Sums known by construction: I.1.1 = 47 + 53 = 100 and I.1.2 = 41 + 1 = 42, so the overall
 * completion rate is 42.00 (the mean of 87.23 and 1.89 would be 44.56); I.1.3 = 12 + 3 + 5 + 7 = 27 (E is
 * kept, marked); I.3.4 answered yes
 * by A and C ("Có"), I.8 "Tốt" by A only; I.7.2: one "Phát phiếu", two "Kết hợp"; III.4.3 = 41 + 120 + 7 = 168.
 * C has an error (II.2.2 reviewed 15 of 10 required); D is an older copy of A's report (saved on 10/12, A on 15/12),
 * set aside for A; E reports another period. A and B leave
 * most indicators blank, so no unit of the batch is ready to send (core/readiness.ts); `READY` is one that is.
 */
export const BATCH: readonly { file: string; spec: UnitSpec }[] = [
  {
    file: "a-sttt.xlsx",
    spec: {
      unitName: "Sở Thông tin và Truyền thông",
      computed: "blank",
      modified: "2023-12-15T03:00:00.000Z",
      values: { "I.1.1": 47, "I.1.2": 41, "I.1.3": 12, "I.3.4": 1, "I.5": 1, "I.7.2": 1, "I.8": 1, "III.4.3.1": 41, "III.4.3.2": 0 },
    },
  },
  {
    file: "b-syt.xlsx",
    spec: {
      unitName: "Sở Y tế",
      values: { "I.1.1": 53, "I.1.2": 1, "I.1": 1.89, "I.1.3": 3, "I.3.4": 0, "I.5": 0, "I.7.2": 2, "I.8": 0, "III.4.3.1": 100, "III.4.3.2": 20 },
    },
  },
  {
    file: "c-stp.xlsx",
    spec: {
      unitName: "Sở Tư pháp",
      values: { "I.1.3": 5, "I.3.4": "Có", "I.7.2": 2, "II.2.1": 10, "II.2.2": 15, "III.4.3.1": 7 },
    },
  },
  {
    file: "d-sttt-lan-2.xlsx",
    spec: { unitName: "SỞ THÔNG TIN VÀ TRUYỀN THÔNG", modified: "2023-12-10T03:00:00.000Z", values: { "I.1.1": 1000, "I.1.3": 900 } },
  },
  { file: "e-sxd.xlsx", spec: { unitName: "Sở Xây dựng", period: "6thang", year: 2024, values: { "I.1.3": 7 } } },
];

/** A unit that answers every indicator and raises no warning: ready to send. */
export const READY: { file: string; spec: UnitSpec } = {
  file: "f-snv.xlsx",
  spec: { unitName: "Sở Nội vụ", complete: true, values: { "I.1.1": 10, "I.1.2": 5 } },
};

/** The expected totals of `BATCH` (A, B, C and E in the summary; D set aside for A, which was saved later). */
export const BATCH_TOTALS = {
  "I.1.1": 100,
  "I.1.2": 42,
  "I.1": 42,
  "I.1.3": 27,
  "I.3.4": 2,
  "I.8": 1,
  "III.4.3": 168,
} as const;
