/** A small template and a sheet builder for the rule, validate, compute and message tests. */
import type { Address } from "../../src/core/address";
import type { Indicator, Relation, Template } from "../../src/core/catalog/model";
import { checkWorkbook, type FoundCheck } from "../../src/core/checkWorkbook";
import { gridFromCells, type CellValue, type Grid, type RawCell } from "../../src/core/grid";
import type { Location } from "../../src/core/location";

const flag01 = [
  { value: 0, label: "Không" },
  { value: 1, label: "Có", words: ["yes"] },
];

const ind = (id: string, label: string, unit: string, kind: Indicator["kind"], extra: Partial<Indicator> = {}): Indicator => ({
  id,
  section: "I",
  stt: "",
  label,
  unit,
  kind,
  level: id.split(".").length - 2,
  ...extra,
});

/** Indicators in sheet order. */
export const indicators: readonly Indicator[] = [
  ind("I.1", "Tỷ lệ hoàn thành Kế hoạch CCHC năm (Lũy kế đến thời điểm báo cáo)", "%", "percent"),
  ind("I.1.1", "Số nhiệm vụ đề ra trong kế hoạch", "Nhiệm vụ", "count"),
  ind("I.1.2", "Số nhiệm vụ đã hoàn thành", "Nhiệm vụ", "count"),
  ind("I.2", "Kiểm tra CCHC", "", "group"),
  ind("I.2.1", "Số vấn đề phát hiện qua kiểm tra", "Vấn đề", "count"),
  ind("I.2.2", "Số vấn đề phát hiện đã xử lý xong", "Vấn đề", "count"),
  ind("I.3", "Kiểm soát TTHC", "Không = 0 Có = 1", "flag", { codes: flag01 }),
  ind("I.3.1", "Số lượng TTHC thực hiện rà soát", "TTHC", "count"),
  ind("I.4", "Việc chấp hành kỷ luật, kỷ cương hành chính", "Tốt = 1 Có vi phạm = 0", "flag", {
    codes: [
      { value: 1, label: "Tốt" },
      { value: 0, label: "Có vi phạm" },
    ],
    noteHint: "Ghi rõ nội dung vi phạm",
  }),
  ind("I.5", "Hình thức khảo sát", "Trực tuyến = 0 Phát phiếu = 1 Kết hợp = 2", "choice", {
    codes: [
      { value: 0, label: "Trực tuyến" },
      { value: 1, label: "Phát phiếu" },
      { value: 2, label: "Kết hợp" },
    ],
  }),
  ind("I.6", "Thống kê TTHC", "", "group"),
  ind("I.6.1", "Tổng số TTHC đang có hiệu lực", "Thủ tục", "count"),
  ind("I.6.2", "Số TTHC áp dụng tại cơ quan, đơn vị", "Thủ tục", "count"),
  ind("I.6.3", "Số TTHC áp dụng tại các đơn vị trực thuộc", "Thủ tục", "count"),
  ind("I.7", "Nhiệm vụ khác (nếu có)", "", "text"),
];

/** Relations over the indicators above, one of each kind (two part_of_whole: an error and a warning with a caveat). */
export const relations: readonly Relation[] = [
  { kind: "part_of_whole", id: "done_le_planned", parts: ["I.1.2"], whole: "I.1.1", severity: "error" },
  { kind: "rate", id: "completion_rate", rate: "I.1", numerator: "I.1.2", denominator: "I.1.1", severity: "error" },
  { kind: "part_of_whole", id: "handled_le_found", parts: ["I.2.2"], whole: "I.2.1", severity: "warning", caveat: "carried_over" },
  { kind: "flag_counts", id: "control_flag", flag: "I.3", no: 0, counts: ["I.3.1"], severity: "error" },
  { kind: "note_required", id: "violation_note", indicator: "I.4", when: [0], severity: "warning" },
  { kind: "sum_equals", id: "procedures_total", parts: ["I.6.2", "I.6.3"], total: "I.6.1", severity: "error" },
  { kind: "implies_positive", id: "control_needs_reviewed", given: ["I.3"], givenEquals: 1, then: ["I.3.1"], severity: "warning" },
  { kind: "count_rate_zero", id: "completed_rate_zero", count: "I.1.2", rate: "I.1", severity: "error" },
];

/** The test template. */
export const testTemplate: Template = {
  id: "test",
  title: "Test appendix",
  sections: [{ id: "I", stt: "I", label: "Công tác chỉ đạo điều hành CCHC" }],
  indicators,
  relations,
};

/** Sheet row (0-based) of the first indicator: D11 is I.1, D12 is I.1.1, D13 is I.1.2, ... */
export const FIRST_ROW = 10;

/** The value cell (column D) of an indicator in `sheet()`. */
export function cellOf(id: string): Address {
  return { row: FIRST_ROW + indicators.findIndex((i) => i.id === id), col: 3 };
}

/** The note cell (column E) of an indicator in `sheet()`. */
export function noteOf(id: string): Address {
  return { row: FIRST_ROW + indicators.findIndex((i) => i.id === id), col: 4 };
}

const asCell = (v: CellValue | RawCell): RawCell => (v !== null && typeof v === "object" ? v : { value: v });

/** The header row above the table (sheet row FIRST_ROW - 1), as the template prints it. */
const HEADER: readonly RawCell[] = ["STT", "Chỉ tiêu thống kê", "Đơn vị tính", "Số liệu", "Ghi chú"].map((value) => ({ value }));

/**
 * A sheet with a header row and one row per indicator (A STT, B label, C unit, D value, E note), and its location as
 * the locator finds it (`checked` proves they agree).
 * `values`, `notes` and `units` are by indicator id; a value is a plain cell value or a raw cell (with format or
 * formula); a unit not given is the template's.
 */
export function sheet(
  values: Readonly<Record<string, CellValue | RawCell>>,
  notes: Readonly<Record<string, string>> = {},
  template: Template = testTemplate,
  units: Readonly<Record<string, string>> = {},
): { grid: Grid; template: Template; location: Location } {
  const rows: RawCell[][] = Array.from({ length: FIRST_ROW - 1 }, () => []);
  rows.push([...HEADER]);
  const rowOf: Record<string, number> = {};
  template.indicators.forEach((i, n) => {
    rowOf[i.id] = FIRST_ROW + n;
    rows.push([
      { value: i.stt || null },
      { value: i.label },
      { value: (units[i.id] ?? i.unit) || null },
      asCell(values[i.id] ?? null),
      { value: notes[i.id] ?? null },
    ]);
  });
  const location: Location = {
    template: template.id,
    headerRow: FIRST_ROW - 1,
    columns: { stt: 0, label: 1, unit: 2, value: 3, note: 4 },
    rows: rowOf,
    sectionRows: {},
    matches: template.indicators.map((i) => ({ indicator: i.id, row: rowOf[i.id], how: "exact" as const, score: 1 })),
    missing: [],
    unrecognized: [],
  };
  return { grid: gridFromCells({ row: 0, col: 0 }, rows), template, location };
}

/**
 * The one check every surface runs (src/core/checkWorkbook.ts) on `sheet(...)`: located, validated and computed. The
 * fixture's own location must be what the locator finds, so the rule tests and the check see the same rows.
 */
export function checked(...args: Parameters<typeof sheet>): FoundCheck & { grid: Grid } {
  const s = sheet(...args);
  const state = checkWorkbook([{ name: "Phụ lục", grid: s.grid }], [s.template]);
  if (!state.found) throw new Error(`the fixture sheet was not located: ${JSON.stringify(state.failure)}`);
  expect(state.location).toEqual(s.location);
  return { ...state, grid: s.grid };
}

/**
 * `testTemplate` laid out with two value columns (D and E, headed `headings`), the note in F and `title` lines above
 * the header: the report's period beside another one. `a` and `b` are the two columns' values by indicator id.
 */
export function twoColumnSheet(
  headings: readonly [string, string],
  a: Readonly<Record<string, CellValue>>,
  b: Readonly<Record<string, CellValue>>,
  title: readonly string[] = [],
): Grid {
  const rows: RawCell[][] = Array.from({ length: FIRST_ROW - 1 }, (_, i) => (i < title.length ? [{ value: title[i]! }] : []));
  rows.push(["STT", "Chỉ tiêu thống kê", "Đơn vị tính", ...headings, "Ghi chú"].map((value) => ({ value })));
  for (const i of testTemplate.indicators) {
    rows.push([i.stt || null, i.label, i.unit || null, a[i.id] ?? null, b[i.id] ?? null, null].map((value) => ({ value })));
  }
  return gridFromCells({ row: 0, col: 0 }, rows);
}
