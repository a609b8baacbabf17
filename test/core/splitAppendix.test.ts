/**
 * An appendix split over two sheets (sections I–III on one, IV–VII on the other) is checked as one: every section's
 * rules, relations across the two sheets included; each fix and computed cell names the sheet it belongs on.
 */
import { cellA1 } from "../../src/core/address";
import { writtenCell } from "../../src/core/cellWrite";
import { templates } from "../../src/core/catalog";
import { checkWorkbook, fillBlocker, matchedIndicators, missingIndicators, type FoundCheck } from "../../src/core/checkWorkbook";
import type { CellValue, Grid } from "../../src/core/grid";
import { seedGrid, SEED_FIRST_ROW } from "../fixtures/seed";
import { cellOf, FIRST_ROW, sheet, testTemplate } from "./rulesFixture";

const full = checkWorkbook([{ name: "PL", grid: seedGrid() }], templates) as FoundCheck;
const rowOf = (id: string) => full.location.rows[id]!;

/** The seed sheet with the table rows of sections `from`..`to` kept (title and header kept, other rows blank). */
function sections(from: string, to: string | null, edits: Record<string, CellValue> = {}): Grid {
  const g = seedGrid();
  const at = (stt: string) => g.values.findIndex((r) => r[0] === stt);
  const first = at(from);
  const end = to ? at(to) : g.values.length;
  const values = g.values.map((row, r) => (r < SEED_FIRST_ROW || (r >= first && r < end) ? [...row] : row.map(() => null)));
  for (const [id, v] of Object.entries(edits)) {
    const r = rowOf(id);
    if (r >= first && r < end) values[r]![3] = v;
  }
  return { origin: g.origin, values, texts: undefined, formulas: undefined, numberFormats: undefined };
}

function split(edits: Record<string, CellValue> = {}, names: [string, string] = ["PL I-III", "PL IV-VII"]): FoundCheck {
  const state = checkWorkbook(
    [
      { name: names[0], grid: sections("I", "IV", edits) },
      { name: names[1], grid: sections("IV", null, edits) },
    ],
    templates,
  );
  if (!state.found) throw new Error(JSON.stringify(state.failure));
  return state;
}

describe("an appendix split over two sheets, checked as one", () => {
  test("the larger part is the appendix's sheet, the other its rest; every indicator found", () => {
    const s = split();
    expect(s.sheet).toBe("PL IV-VII");
    expect(s.split).toEqual({ sheets: ["PL IV-VII", "PL I-III"], matched: 178 });
    expect(s.rest?.sheet).toBe("PL I-III");
    expect(matchedIndicators(s)).toBe(178);
    expect(missingIndicators(s)).toEqual([]);
  });

  test("the same findings as the whole appendix on one sheet, each on its own sheet", () => {
    const s = split();
    const where = (c: FoundCheck, sheetOf: (row: number) => string | undefined) =>
      c.findings.map((f) => `${f.code} ${f.indicator} ${f.cell.sheet ?? sheetOf(f.cell.row)} ${f.cell.row}:${f.cell.col}`).sort();
    const sectionOf = (row: number) => (row < rowOf("IV.1") - 1 ? "PL I-III" : "PL IV-VII");
    expect(where(s, () => "PL IV-VII")).toEqual(where(full, sectionOf));
  });

  test("the computed rate on the other sheet is written there, its formula on that sheet's cells", () => {
    const s = split();
    expect(s.patches.map((p) => [p.indicator, cellA1(writtenCell(p)), p.formula])).toEqual([
      ["I.1", `'PL I-III'!D${rowOf("I.1") + 1}`, `=ROUND(D${rowOf("I.1.2") + 1}/D${rowOf("I.1.1") + 1}*100,2)`],
    ]);
  });

  test("a relation across the two sheets runs: online files received (VII) above files received (III)", () => {
    const received = Number(seedGrid().values[rowOf("III.7.1")]![3]);
    const s = split({ "VII.3.4": received + 5 });
    const f = s.findings.find((x) => x.code === "part_exceeds_whole" && x.relation === "vii3_files_le_received");
    expect(f).toBeDefined();
    expect(f!.cells.map(cellA1)).toEqual([`D${rowOf("VII.3.4") + 1}`, `'PL I-III'!D${rowOf("III.7.1") + 1}`]);
  });

  test("split inside a section: a total on one sheet over parts on the other names that sheet in its formula", () => {
    // Sheet "Đầu" ends with III.4.3 (TTHC in force), left blank; its parts III.4.3.1 and III.4.3.2 open "Sau".
    const g = seedGrid();
    const cut = rowOf("III.4.3.1");
    const keep = (from: number, to: number, edits: Record<number, CellValue>) => ({
      origin: g.origin,
      values: g.values.map((row, r) => (r < SEED_FIRST_ROW || (r >= from && r < to) ? row.map((v, c) => (c === 3 && r in edits ? edits[r]! : v)) : row.map(() => null))),
    });
    const edits = { [rowOf("III.4.3")]: null, [rowOf("III.4.3.1")]: 10, [rowOf("III.4.3.2")]: 20 };
    const state = checkWorkbook(
      [
        { name: "Đầu", grid: keep(0, cut, edits) },
        { name: "Sau", grid: keep(cut, g.values.length, edits) },
      ],
      templates,
    );
    if (!state.found) throw new Error(JSON.stringify(state.failure));
    expect(state.sheet).toBe("Sau");
    const total = state.patches.find((p) => p.indicator === "III.4.3");
    expect(total && [cellA1(writtenCell(total)), total.formula, total.value]).toEqual([
      `'Đầu'!D${rowOf("III.4.3") + 1}`,
      `=SUM(Sau!D${rowOf("III.4.3.1") + 1},Sau!D${rowOf("III.4.3.2") + 1})`,
      30,
    ]);
  });

  test("two parts that each hold too few rows are checked as one too", () => {
    const g = seedGrid();
    const seven = g.values.findIndex((r) => r[0] === "VII");
    const head = { ...g, values: g.values.map((r, i) => (i < SEED_FIRST_ROW + 16 ? r : r.map(() => null))), texts: undefined, formulas: undefined, numberFormats: undefined };
    const tail = { ...g, values: g.values.map((r, i) => (i < SEED_FIRST_ROW || (i >= seven && i < seven + 16) ? r : r.map(() => null))), texts: undefined, formulas: undefined, numberFormats: undefined };
    const state = checkWorkbook([{ name: "Đầu", grid: head }, { name: "Cuối", grid: tail }], templates);
    if (!state.found) throw new Error(JSON.stringify(state.failure));
    expect(state.split?.sheets).toEqual(["Đầu", "Cuối"]);
    expect(state.rest?.sheet).toBe("Cuối");
    expect(matchedIndicators(state)).toBeGreaterThanOrEqual(20);
  });
  test("two value columns nothing tells apart on the second sheet: the warning names that sheet's columns", () => {
    // The I–III part carries a second "Số liệu" column (last period's copy) before the note: D and E, both "Số liệu".
    const widen = (g: Grid): Grid => ({ ...g, values: g.values.map((row, r) => [...row.slice(0, 4), r === SEED_FIRST_ROW - 1 ? "Số liệu" : row[3] ?? null, ...row.slice(4)]) });
    const state = checkWorkbook(
      [
        { name: "PL I-III", grid: widen(sections("I", "IV")) },
        { name: "PL IV-VII", grid: sections("IV", null) },
      ],
      templates,
    ) as FoundCheck;
    expect(state.rest?.sheet).toBe("PL I-III");
    expect(state.rest?.location.valueChoice?.reason).toBe("ambiguous");
    const f = state.findings.filter((x) => x.code === "value_column_ambiguous");
    expect(f.map((x) => x.cells.map(cellA1))).toEqual([[`'PL I-III'!D${SEED_FIRST_ROW}`, `'PL I-III'!E${SEED_FIRST_ROW}`]]);
    expect(fillBlocker(state)).toEqual({ reason: "ambiguous_column" });
  });
  test("the user's choice of either part keeps the other: checked as one, the chosen part first", () => {
    for (const chosen of ["PL I-III", "PL IV-VII"]) {
      const state = checkWorkbook(
        [
          { name: "PL I-III", grid: sections("I", "IV") },
          { name: "PL IV-VII", grid: sections("IV", null) },
        ],
        templates,
        { sheet: chosen },
      ) as FoundCheck;
      expect([state.sheet, state.rest?.sheet, matchedIndicators(state)]).toEqual([chosen, chosen === "PL I-III" ? "PL IV-VII" : "PL I-III", 178]);
    }
  });
});

describe("a split appendix among two versions of one form", () => {
  test("is checked against the version whose rows it holds, not the first with the same id", () => {
    // The small test form: 15 rows, 4 needed. Each sheet holds 3 of them (too few alone), together 6: a split.
    const whole = sheet({ "I.1.1": 47, "I.1.2": 41 }).grid;
    const keep = (ids: readonly string[]): Grid => {
      const rows = new Set(ids.map((id) => cellOf(id).row));
      return { ...whole, values: whole.values.map((row, r) => (r < FIRST_ROW || rows.has(r) ? row : row.map(() => null))) };
    };
    const sheets = [
      { name: "Phần 1", grid: keep(["I.1", "I.1.1", "I.1.2"]) },
      { name: "Phần 2", grid: keep(["I.2", "I.2.1", "I.2.2"]) },
    ];
    const current = { ...testTemplate, version: "2" };
    // An older version (same id) whose rows read otherwise: neither sheet is like it.
    const older = { ...testTemplate, version: "1", indicators: testTemplate.indicators.map((x) => ({ ...x, label: `Chỉ tiêu cũ ${x.id} không còn dùng` })) };
    const alone = checkWorkbook([sheets[0]], [current]);
    expect(!alone.found && alone.failure.reason).toBe("too_few_rows");

    const state = checkWorkbook(sheets, [older, current]);
    expect(state.found).toBe(true);
    if (!state.found) return;
    expect(state.template).toBe(current);
    expect(state.split).toEqual({ sheets: ["Phần 1", "Phần 2"], matched: 6 });
    // The blank rate is computed from the first part's rows, as on one sheet.
    expect(state.patches.map((p) => [p.indicator, p.value])).toEqual([["I.1", 87.23]]);
  });
});
