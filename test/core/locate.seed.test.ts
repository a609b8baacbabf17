import { soNganh } from "../../src/core/catalog/soNganh";
import { templates } from "../../src/core/catalog";
import { gridFromCells, type CellValue, type Grid } from "../../src/core/grid";
import { FUZZY_THRESHOLD, locate, locateInWorkbook } from "../../src/core/locate";
import type { Location } from "../../src/core/location";
import { foldDiacritics, labelKey } from "../../src/core/text";
import { SEED_COLUMNS, SEED_HEADER_ROW, seedGrid, seedReportLines } from "../fixtures/seed";

/**
 * The locator against the real catalog and the real appendix (the seed), then against the seed reshaped the
 * ways users reshape it. Each sheet row carries a tag (its row in the untouched seed grid), kept beside the
 * grid, so every reshaped sheet is checked row by row against where the untouched seed put each indicator.
 */

interface Row {
  readonly cells: readonly CellValue[];
  /** Row index in the untouched seed grid; null for rows a reshaping added. */
  readonly tag: number | null;
}

const seedTable = (): Row[] => seedGrid().values.map((cells, tag) => ({ cells, tag }));
const LABEL = SEED_COLUMNS.label;
const FIRST_DATA = SEED_HEADER_ROW + 2;

function toGrid(rows: readonly Row[], origin = { row: 0, col: 0 }): Grid {
  return gridFromCells(origin, rows.map((r) => r.cells.map((value) => ({ value }))));
}

function found(grid: Grid): Location {
  const r = locate(grid, soNganh);
  if (!r.ok) throw new Error(`expected the appendix, got ${JSON.stringify(r.failure)}`);
  return r.location;
}

const base = found(seedGrid());

/** Maps each label cell of the data rows through `f`. */
const labels = (f: (label: string, k: number) => string) => (rows: Row[]) =>
  rows.map((r, k) =>
    k >= FIRST_DATA && typeof r.cells[LABEL] === "string"
      ? { ...r, cells: r.cells.map((c, i) => (i === LABEL ? f(String(c), k) : c)) }
      : r,
  );

describe("locate on the seed appendix with the real catalog", () => {
  it("finds the header, the columns and every row exactly", () => {
    expect(base.template).toBe(soNganh.id);
    expect(base.headerRow).toBe(SEED_HEADER_ROW + 1);
    expect(base.columns).toEqual(SEED_COLUMNS);
    expect(base.missing).toEqual([]);
    expect(base.unrecognized).toEqual([]);
    expect(base.matches).toHaveLength(soNganh.indicators.length);
    expect(base.matches.filter((m) => m.how !== "exact")).toEqual([]);
    expect(Object.keys(base.sectionRows)).toEqual(soNganh.sections.map((s) => s.id));
  });

  it("puts the indicators on rows in catalog order, each on a row carrying its label or an alias", () => {
    const grid = seedGrid();
    let previous = -1;
    for (const ind of soNganh.indicators) {
      const row = base.rows[ind.id];
      expect(row).toBeGreaterThan(previous);
      previous = row;
      const keys = [ind.label, ...(ind.aliases ?? [])].map(labelKey);
      expect(keys).toContain(labelKey(String(grid.values[row][LABEL])));
    }
  });

  it("gives a repeated label to the row in its own section", () => {
    const label = "Số vấn đề phát hiện qua kiểm tra";
    const twins = soNganh.indicators.filter((i) => i.label === label);
    expect(twins.map((t) => t.section)).toEqual(["I", "IV"]);
    const next = (s: string) => base.sectionRows[soNganh.sections[soNganh.sections.findIndex((x) => x.id === s) + 1].id];
    for (const t of twins) {
      expect(base.rows[t.id]).toBeGreaterThan(base.sectionRows[t.section]);
      expect(base.rows[t.id]).toBeLessThan(next(t.section));
    }
  });
});

/** Reshapings of the seed sheet; each must be found with every indicator on the row its tag says. */
const reshapes: [string, (rows: Row[]) => Row[], { columns?: Partial<Location["columns"]>; exact?: boolean }][] = [
  [
    "the table moved to F20",
    (rows) => [
      ...Array.from({ length: 19 - SEED_HEADER_ROW }, () => ({ cells: [], tag: null })),
      ...rows.map((r) => ({ ...r, cells: [null, null, null, null, null, ...r.cells] })),
    ],
    { columns: { stt: 5, label: 6, unit: 7, value: 8, note: 9 } },
  ],
  ["labels in NFD", labels((l) => l.normalize("NFD")), {}],
  ["labels with stray spaces, NBSP, '- ' and ':'", labels((l, k) => [` ${l}  `, `- ${l}`, `${l}:`, l.replace(/ /g, "\u00a0")][k % 4]), {}],
  [
    "blank rows inserted every seventh row",
    (rows) => rows.flatMap((r, k) => (k > FIRST_DATA && k % 7 === 0 ? [{ cells: [], tag: null }, r] : [r])),
    {},
  ],
  [
    "an extra column between label and unit",
    (rows) => rows.map((r, k) => ({ ...r, cells: [...r.cells.slice(0, 2), k === SEED_HEADER_ROW ? "Mã số" : k > SEED_HEADER_ROW + 1 ? "x" : null, ...r.cells.slice(2)] })),
    { columns: { stt: 0, label: 1, unit: 3, value: 4, note: 5 } },
  ],
  [
    "a one-row header: TT | Nội dung | ĐVT | Số liệu năm 2024 | Ghi chú",
    (rows) => [
      ...rows.slice(0, SEED_HEADER_ROW),
      { cells: ["TT", "Nội dung", "ĐVT", "Số liệu năm 2024", "Ghi chú"], tag: null },
      ...rows.slice(SEED_HEADER_ROW + 2),
    ],
    {},
  ],
  [
    "no header at all",
    (rows) => rows.filter((_, k) => k < SEED_HEADER_ROW - 1 || k >= FIRST_DATA),
    // Without a header nothing says the first column is the STT; it is found by its numbers.
    {},
  ],
  ["labels without diacritics (matched tolerantly, score 1)", labels((l) => foldDiacritics(l)), { exact: false }],
  ["outline numbering typed into the labels: 'I. CÔNG TÁC …', '1. …', 'a) …', 'c) Khác', '(d) …', 'đ) …'", outlined, {}],
  ["outline numbering and no header", (rows) => outlined(rows).filter((_, k) => k < SEED_HEADER_ROW - 1 || k >= FIRST_DATA), {}],
];

/**
 * Labels numbered the way clerks outline them: a section "I. CÔNG TÁC CHỈ ĐẠO …" (upper case, its STT cell emptied),
 * a numbered row "1. Tỷ lệ …", its sub-rows "a) …", "b) …", "c) Khác" (every fourth "(d) …", the fifth "đ) …").
 */
function outlined(rows: Row[]): Row[] {
  const letters = ["a", "b", "c", "(d)", "đ", "e", "g", "h", "i", "k", "l", "m", "n", "o", "p", "q"];
  let sub = 0;
  return rows.map((r, k) => {
    const label = r.cells[LABEL];
    if (k < FIRST_DATA || typeof label !== "string") return r;
    const stt = r.cells[0] === null || r.cells[0] === undefined ? "" : String(r.cells[0]);
    const cells = [...r.cells];
    if (/^[IVX]+$/.test(stt)) {
      cells[0] = null;
      cells[LABEL] = `${stt}. ${label.toUpperCase()}`;
    } else if (stt !== "") {
      sub = 0;
      cells[LABEL] = `${stt}. ${label}`;
    } else {
      const letter = letters[sub++ % letters.length];
      cells[LABEL] = letter.startsWith("(") ? `${letter} ${label}` : `${letter}) ${label}`;
    }
    return { ...r, cells };
  });
}

describe("locate on the seed reshaped", () => {
  it.each(reshapes)("%s", (_name, reshape, expected) => {
    const rows = reshape(seedTable());
    const loc = found(toGrid(rows));
    expect(loc.missing).toEqual([]);
    expect(loc.unrecognized).toEqual([]);
    if (expected.columns) expect(loc.columns).toEqual({ ...SEED_COLUMNS, ...expected.columns });
    for (const ind of soNganh.indicators) expect([ind.id, rows[loc.rows[ind.id]]?.tag]).toEqual([ind.id, base.rows[ind.id]]);
    if (expected.exact === false) expect(loc.matches.every((m) => m.how === "fuzzy" && m.score === 1)).toBe(true);
    else expect(loc.matches.every((m) => m.how === "exact")).toBe(true);
  });

  it("reports a deleted row as missing and an added row as unrecognised, the rest unchanged", () => {
    const dropped = base.rows["I.1.2"];
    const rows = seedTable().filter((r) => r.tag !== dropped);
    const at = rows.findIndex((r) => r.tag === base.rows["II.1"]);
    rows.splice(at, 0, { cells: [null, "Số văn bản hướng dẫn về CCHC của đơn vị", "Văn bản", 3, null], tag: null });
    const loc = found(toGrid(rows));
    expect(loc.missing).toEqual(["I.1.2"]);
    expect(loc.unrecognized).toEqual([{ row: at, label: "Số văn bản hướng dẫn về CCHC của đơn vị" }]);
    for (const ind of soNganh.indicators.filter((i) => i.id !== "I.1.2")) expect(rows[loc.rows[ind.id]].tag).toBe(base.rows[ind.id]);
  });

  it("matches a label with a typo tolerantly and says so", () => {
    const target = base.rows["I.1.3"];
    const rows = labels((l, k) => (k === target ? "Số văn bản chỉ đạo CCHC đã ban hàn" : l))(seedTable());
    const loc = found(toGrid(rows));
    const m = loc.matches.find((x) => x.indicator === "I.1.3")!;
    expect(m).toMatchObject({ row: target, how: "fuzzy" });
    expect(m.score).toBeGreaterThanOrEqual(FUZZY_THRESHOLD);
    expect(m.score).toBeLessThan(1);
  });
});

describe("locateInWorkbook with the real catalog", () => {
  const reportText = (): Grid => {
    const lines = seedReportLines();
    return gridFromCells({ row: 0, col: 0 }, lines.map((l) => [{ value: l === "" ? null : l }]));
  };

  it("picks the appendix sheet, the second of three", () => {
    const r = locateInWorkbook(
      [
        { name: "Báo cáo", grid: reportText() },
        { name: "Phụ lục", grid: seedGrid() },
        { name: "Trống", grid: gridFromCells({ row: 0, col: 0 }, []) },
      ],
      templates,
    );
    expect(r.ok).toBe(true);
    if (r.ok) {
      expect(r.sheet).toBe("Phụ lục");
      expect(r.template).toBe(soNganh);
      expect(r.location.rows).toEqual(base.rows);
    }
  });

  it("fails with a reason when no sheet holds the appendix (the report's text, an empty sheet)", () => {
    const r = locateInWorkbook(
      [
        { name: "Báo cáo", grid: reportText() },
        { name: "Trống", grid: gridFromCells({ row: 0, col: 0 }, []) },
      ],
      templates,
    );
    expect(r).toEqual({ ok: false, failure: { reason: "no_header" } });
  });

  it("fails with too_few_rows when only a section of a few rows was pasted", () => {
    const rows = seedTable().filter((r) => r.tag === null || r.tag <= base.rows["I.1.3"]);
    const r = locateInWorkbook([{ name: "Phụ lục", grid: toGrid(rows) }], templates);
    expect(r).toEqual({ ok: false, failure: { reason: "too_few_rows", sheet: "Phụ lục", template: "so-nganh-2023", matched: 4, needed: 20, total: 178 } });
  });
});
