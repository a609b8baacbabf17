import type { Template } from "../../src/core/catalog/model";
import { soNganh } from "../../src/core/catalog";
import { foldLabel, prepare, similarity } from "../../src/core/similarity";
import { gridFromCells, type CellValue, type Grid, type RawCell } from "../../src/core/grid";
import {
  END_GAP_ROWS,
  FALLBACK_SCAN_ROWS,
  FUZZY_THRESHOLD,
  HEADER_SCAN_ROWS,
  locate,
  locateInWorkbook,
  minimumMatches,
} from "../../src/core/locate";
import type { Location } from "../../src/core/location";

/**
 * A small template in the shape of the real one (labels from the seed appendix): repeated labels across
 * sections ("Số vấn đề phát hiện qua kiểm tra" in I and IV, "Số vấn đề phát hiện đã xử lý xong" three times),
 * group rows, an alias.
 */
const ind = (id: string, section: string, stt: string, label: string, unit: string, kind: "count" | "percent" | "group" = "count", level = 0, parent?: string) => ({
  id, section, stt, label, unit, kind, level, ...(parent ? { parent } : {}),
});
const mini: Template = {
  id: "mini",
  title: "Mini",
  sections: [
    { id: "I", stt: "I", label: "Công tác chỉ đạo điều hành CCHC" },
    { id: "II", stt: "II", label: "Cải cách thể chế" },
    { id: "IV", stt: "IV", label: "Cải cách tổ chức bộ máy hành chính nhà nước" },
  ],
  indicators: [
    ind("I.1", "I", "1", "Tỷ lệ hoàn thành Kế hoạch CCHC năm (Lũy kế đến thời điểm báo cáo)", "%", "percent"),
    ind("I.1.1", "I", "", "Số nhiệm vụ đề ra trong kế hoạch", "Nhiệm vụ", "count", 1, "I.1"),
    ind("I.1.2", "I", "", "Số nhiệm vụ đã hoàn thành", "Nhiệm vụ", "count", 1, "I.1"),
    ind("I.1.3", "I", "", "Số văn bản chỉ đạo CCHC đã ban hành", "Văn bản", "count", 1, "I.1"),
    ind("I.2", "I", "2", "Kiểm tra CCHC", "", "group"),
    ind("I.2.1", "I", "", "Số phòng ban đã kiểm tra", "Cơ quan, đơn vị", "count", 1, "I.2"),
    ind("I.2.2", "I", "", "Số vấn đề phát hiện qua kiểm tra", "Vấn đề", "count", 1, "I.2"),
    ind("I.2.3", "I", "", "Số vấn đề phát hiện đã xử lý xong", "Vấn đề", "count", 1, "I.2"),
    { ...ind("II.1", "II", "1", "Số VBQPPL đã tham mưu ban hành", "Văn bản"), aliases: ["Số văn bản QPPL đã tham mưu ban hành"] },
    ind("II.1.1", "II", "", "Số VBQPPL tham mưu ban hành đúng tiến độ", "Văn bản", "count", 1, "II.1"),
    ind("IV.6", "IV", "6", "Kiểm tra việc thực hiện nhiệm vụ phân cấp quản lý nhà nước", "", "group"),
    ind("IV.6.1", "IV", "", "Số đơn vị hành chính cấp xã đã kiểm tra", "Cơ quan, đơn vị", "count", 1, "IV.6"),
    ind("IV.6.2", "IV", "", "Số vấn đề phát hiện qua kiểm tra", "Vấn đề", "count", 1, "IV.6"),
    ind("IV.6.3", "IV", "", "Số vấn đề phát hiện đã xử lý xong", "Vấn đề", "count", 1, "IV.6"),
    ind("IV.7", "IV", "7", "Thanh tra chuyên ngành", "", "group"),
    ind("IV.7.1", "IV", "", "Số vấn đề phát hiện qua thanh tra", "Vấn đề", "count", 1, "IV.7"),
    ind("IV.7.2", "IV", "", "Số vấn đề phát hiện đã xử lý xong", "Vấn đề", "count", 1, "IV.7"),
  ],
  relations: [],
};

type Row = readonly CellValue[];

/** The table rows of `mini` as [STT, label, unit, value, note], value = position so every row is told apart. */
function tableRows(labelOf: (label: string, id: string) => string = (l) => l): Row[] {
  const rows: Row[] = [];
  let section = "";
  mini.indicators.forEach((i, n) => {
    if (i.section !== section) {
      section = i.section;
      const s = mini.sections.find((x) => x.id === section)!;
      rows.push([s.stt, s.label, null, null, null]);
    }
    rows.push([i.stt === "" ? null : Number(i.stt), labelOf(i.label, i.id), i.unit || null, i.kind === "group" ? null : n + 1, null]);
  });
  return rows;
}

const HEADER: Row = ["STT", "Chỉ tiêu thống kê", "Đơn vị tính", "Số liệu", "Ghi chú"];

/** A sheet from A1: `top` rows, then `rows` shifted right by `left` columns. */
function sheet(rows: readonly Row[], opts: { top?: readonly Row[]; left?: number; origin?: { row: number; col: number } } = {}): Grid {
  const left = opts.left ?? 0;
  const cells: RawCell[][] = [...(opts.top ?? []), ...rows].map((r) => [
    ...Array.from({ length: left }, () => ({ value: null })),
    ...r.map((value) => ({ value })),
  ]);
  return gridFromCells(opts.origin ?? { row: 0, col: 0 }, cells);
}

function found(grid: Grid, template: Template = mini): Location {
  const r = locate(grid, template);
  if (!r.ok) throw new Error(`expected the appendix to be found, got ${JSON.stringify(r.failure)}`);
  return r.location;
}

/** Sheet row of each indicator when the table's first row (section I) sits at sheet row `first`. */
function expectedRows(first: number): Record<string, number> {
  // Repeated labels: the rows are in order, so the n-th occurrence of a label is the n-th indicator with it.
  const byLabel = new Map<string, number[]>();
  tableRows().forEach((r, k) => byLabel.set(String(r[1]), [...(byLabel.get(String(r[1])) ?? []), first + k]));
  const result: Record<string, number> = {};
  const used = new Map<string, number>();
  for (const i of mini.indicators) {
    const n = used.get(i.label) ?? 0;
    result[i.id] = byLabel.get(i.label)![n];
    used.set(i.label, n + 1);
  }
  return result;
}

describe("locate: where the table is", () => {
  it("finds a table with its header at A1: header row, columns, every row exactly", () => {
    const loc = found(sheet([HEADER, ...tableRows()]));
    expect(loc.template).toBe("mini");
    expect(loc.headerRow).toBe(0);
    expect(loc.columns).toEqual({ stt: 0, label: 1, unit: 2, value: 3, note: 4 });
    expect(loc.rows).toEqual(expectedRows(1));
    expect(loc.rows["I.2.2"]).toBe(8);
    expect(loc.rows["IV.6.2"]).toBe(16);
    expect(loc.sectionRows).toEqual({ I: 1, II: 10, IV: 13 });
    expect(loc.missing).toEqual([]);
    expect(loc.unrecognized).toEqual([]);
    expect(loc.matches).toHaveLength(mini.indicators.length);
    expect(loc.matches.every((m) => m.how === "exact" && m.score === 1)).toBe(true);
  });

  it("finds a table starting at F20 under title rows", () => {
    const top: Row[] = Array.from({ length: 19 }, () => []);
    top[2] = [null, null, null, null, null, "PHỤ LỤC"];
    top[3] = [null, null, null, null, null, "THỐNG KÊ SỐ LIỆU BÁO CÁO CẢI CÁCH HÀNH CHÍNH"];
    top[4] = [null, null, null, null, null, "(Kèm theo Báo cáo số: 319/BC-STTTT ngày 15/12/2023)"];
    const loc = found(sheet([HEADER, ...tableRows()], { top: top.map((r) => r.slice(5)), left: 5 }));
    expect(loc.headerRow).toBe(19);
    expect(loc.columns).toEqual({ stt: 5, label: 6, unit: 7, value: 8, note: 9 });
    expect(loc.rows).toEqual(expectedRows(20));
  });

  it("reports sheet indices when the grid itself starts at F20 (a used range)", () => {
    const loc = found(sheet([HEADER, ...tableRows()], { origin: { row: 19, col: 5 } }));
    expect(loc.headerRow).toBe(19);
    expect(loc.columns.value).toBe(8);
    expect(loc.rows).toEqual(expectedRows(20));
  });
});

describe("locate: header variants", () => {
  it.each<[string, Row, { stt: number | null; label: number; unit: number | null; value: number; note: number | null }]>([
    ["STT / Chỉ tiêu / ĐVT / Số liệu", ["STT", "Chỉ tiêu", "ĐVT", "Số liệu", "Ghi chú"], { stt: 0, label: 1, unit: 2, value: 3, note: 4 }],
    ["TT / Nội dung / Đơn vị tính / Kết quả", ["TT", "Nội dung", "Đơn vị tính", "Kết quả", "Ghi chú"], { stt: 0, label: 1, unit: 2, value: 3, note: 4 }],
    ["a value header naming the year", ["STT", "Chỉ tiêu thống kê", "ĐVT", "Số liệu năm 2024", "Ghi chú"], { stt: 0, label: 1, unit: 2, value: 3, note: 4 }],
    ["Kết quả thống kê as the value header", ["STT", "Chỉ tiêu thống kê", "Đơn vị tính", "Kết quả thống kê", "Ghi chú"], { stt: 0, label: 1, unit: 2, value: 3, note: 4 }],
    ["headers with a colon, NFD and odd spacing", ["S\u00a0T\u00a0T".replace(/\u00a0/g, ""), " Chỉ  tiêu thống kê: ".normalize("NFD"), "Đơn vị tính".normalize("NFD"), "Số\u00a0liệu", "Ghi chú:"], { stt: 0, label: 1, unit: 2, value: 3, note: 4 }],
    ["no note and no STT column", [null, "Chỉ tiêu thống kê", "ĐVT", "Số liệu", null], { stt: 0, label: 1, unit: 2, value: 3, note: null }],
  ])("%s", (_name, header, columns) => {
    const loc = found(sheet([header, ...tableRows()]));
    expect(loc.columns).toEqual(columns);
    expect(loc.rows).toEqual(expectedRows(1));
  });

  it("a two-row merged header: 'Kết quả thống kê' over C:D above 'Đơn vị tính | Số liệu'", () => {
    const loc = found(
      sheet([["STT", "Chỉ tiêu thống kê", "Kết quả thống kê", null, "Ghi chú"], [null, null, "Đơn vị tính", "Số liệu", null], ...tableRows()]),
    );
    expect(loc.headerRow).toBe(1);
    expect(loc.columns).toEqual({ stt: 0, label: 1, unit: 2, value: 3, note: 4 });
    expect(loc.rows).toEqual(expectedRows(2));
  });

  it("a merged 'Kết quả thống kê' over unit and value with no second row: the data picks the value column", () => {
    const loc = found(sheet([["STT", "Chỉ tiêu thống kê", "Kết quả thống kê", null, "Ghi chú"], ...tableRows()]));
    expect(loc.columns).toEqual({ stt: 0, label: 1, unit: 2, value: 3, note: 4 });
  });

  it("skips a row of column numbers under the header", () => {
    const loc = found(sheet([HEADER, ["(1)", "(2)", "(3)", "(4)", "(5)"], ...tableRows()]));
    expect(loc.rows).toEqual(expectedRows(2));
    expect(loc.unrecognized).toEqual([]);
  });
});

describe("locate: messy rows and columns", () => {
  it("tolerates blank rows inserted anywhere and an extra column between label and unit", () => {
    const rows = tableRows().flatMap((r, k) => (k % 4 === 0 ? [[], [r[0], r[1], "extra", r[2], r[3], r[4]]] : [[r[0], r[1], "extra", r[2], r[3], r[4]]]));
    const loc = found(sheet([["STT", "Chỉ tiêu", "Mã", "ĐVT", "Số liệu", "Ghi chú"], ...rows]));
    expect(loc.columns).toEqual({ stt: 0, label: 1, unit: 3, value: 4, note: 5 });
    expect(loc.missing).toEqual([]);
    // A blank row before every fourth table row shifts rows by one each time.
    expect(loc.rows["I.1"]).toBe(3);
    expect(loc.rows["IV.7.2"]).toBe(1 + tableRows().length + Math.ceil(tableRows().length / 4) - 1);
  });

  it.each<[string, (label: string) => string]>([
    ["NFD", (l) => l.normalize("NFD")],
    ["stray and non-breaking spaces", (l) => `  ${l.replace(/ /g, "  ").replace("Số", "Số\u00a0")} `],
    ["a leading '- '", (l) => `- ${l}`],
    ["a trailing ':'", (l) => `${l}:`],
    ["upper case", (l) => l.toUpperCase()],
  ])("labels with %s match exactly", (_name, f) => {
    const loc = found(sheet([HEADER, ...tableRows(f)]));
    expect(loc.rows).toEqual(expectedRows(1));
    expect(loc.matches.every((m) => m.how === "exact")).toBe(true);
  });

  it.each<[string, string, string]>([
    ["I.1.1", "So nhiem vu de ra trong ke hoach", "no diacritics"],
    ["I.1.2", "Số nhiệm vu đã hoàn thàn", "typos"],
    ["I.1.3", "Số văn bản chỉ đạo về CCHC đã ban hành", "a word added"],
    ["I.1", "Tỉ lệ hoàn thành kế hoạch CCHC năm", "Tỉ for Tỷ and the parenthesis dropped"],
  ])("%s typed as %j (%s) matches tolerantly", (id, typed, _why) => {
    const target = mini.indicators.find((i) => i.id === id)!.label;
    const loc = found(sheet([HEADER, ...tableRows((l) => (l === target ? typed : l))]));
    expect(loc.rows).toEqual(expectedRows(1));
    const m = loc.matches.find((x) => x.indicator === id)!;
    expect(m.how).toBe("fuzzy");
    expect(m.score).toBeGreaterThanOrEqual(FUZZY_THRESHOLD);
    expect(m.score).toBeLessThanOrEqual(1);
  });

  it("matches an alias exactly", () => {
    const loc = found(sheet([HEADER, ...tableRows((l) => (l === "Số VBQPPL đã tham mưu ban hành" ? "Số văn bản QPPL đã tham mưu ban hành" : l))]));
    expect(loc.matches.find((m) => m.indicator === "II.1")).toEqual({ indicator: "II.1", row: expectedRows(1)["II.1"], how: "exact", score: 1 });
  });

  it("reports a missing row and an unknown extra row", () => {
    const rows = tableRows().filter((r) => r[1] !== "Số nhiệm vụ đã hoàn thành");
    rows.splice(6, 0, [null, "Số cuộc họp giao ban về CCHC", "Cuộc", 3, null]);
    const loc = found(sheet([HEADER, ...rows]));
    expect(loc.missing).toEqual(["I.1.2"]);
    expect(loc.unrecognized).toEqual([{ row: 7, label: "Số cuộc họp giao ban về CCHC" }]);
    expect(loc.rows["I.1.3"]).toBe(4);
  });

  it("an unknown row that merely shares an opening ('Số nhiệm vụ khác') is not taken for an indicator", () => {
    const rows = tableRows();
    rows.splice(4, 0, [null, "Số nhiệm vụ khác", "Nhiệm vụ", 1, null]);
    const loc = found(sheet([HEADER, ...rows]));
    expect(loc.unrecognized).toEqual([{ row: 5, label: "Số nhiệm vụ khác" }]);
    expect(loc.missing).toEqual([]);
  });

  it("a repeated label takes its section from the rows above it, even when its twin in section I is missing", () => {
    const rows = tableRows().filter((r, k) => !(r[1] === "Số vấn đề phát hiện qua kiểm tra" && k < 10));
    const loc = found(sheet([HEADER, ...rows]));
    expect(loc.missing).toEqual(["I.2.2"]);
    expect(loc.rows["IV.6.2"]).toBe(15);
    expect(loc.rows["I.2.3"]).toBe(8);
  });

  it("a section row numbered inside its label ('IV. CẢI CÁCH ...') is recognised", () => {
    const rows = tableRows().map((r) => (r[0] === "IV" ? [null, "IV. CẢI CÁCH TỔ CHỨC BỘ MÁY HÀNH CHÍNH NHÀ NƯỚC", null, null, null] : r));
    expect(found(sheet([HEADER, ...rows])).sectionRows.IV).toBe(13);
  });

  it("a section title abbreviated under its numeral is recognised by the numeral", () => {
    const rows = tableRows().map((r) => (r[0] === "IV" ? ["IV", "Cải cách tổ chức bộ máy", null, null, null] : r));
    const loc = found(sheet([HEADER, ...rows]));
    expect(loc.sectionRows.IV).toBe(13);
    expect(loc.unrecognized).toEqual([]);
  });

  it("an unknown row that looks like a present indicator does not take its place", () => {
    // One word away from IV.7.1 ("qua thanh tra") and placed just before it: the real row keeps its indicator.
    const rows = tableRows();
    const at = rows.findIndex((r) => r[1] === "Số vấn đề phát hiện qua thanh tra");
    rows.splice(at, 0, [null, "Số vấn đề phát hiện qua giám sát", "Vấn đề", 1, null]);
    const loc = found(sheet([HEADER, ...rows]));
    expect(loc.rows["IV.7.1"]).toBe(at + 2);
    expect(loc.matches.find((m) => m.indicator === "IV.7.1")?.how).toBe("exact");
    expect(loc.unrecognized).toEqual([{ row: at + 1, label: "Số vấn đề phát hiện qua giám sát" }]);
  });

  it("joins a label split over two rows at a page break", () => {
    const rows = tableRows().flatMap((r) =>
      r[1] === "Số văn bản chỉ đạo CCHC đã ban hành" ? [[null, "Số văn bản chỉ đạo", r[2], r[3], null], [null, "CCHC đã ban hành", null, null, null]] : [r],
    );
    // The continuation starts with a capital here, so split it where Vietnamese text would: mid-sentence, lower case.
    rows[5] = [null, "cchc đã ban hành", null, null, null];
    const loc = found(sheet([HEADER, ...rows]));
    expect(loc.rows["I.1.3"]).toBe(5);
    expect(loc.rows["I.2"]).toBe(7);
    expect(loc.unrecognized).toEqual([]);
  });
});

describe("locate: no header", () => {
  it("finds the labels, the unit column, and the first mostly-numeric column right of it", () => {
    const rows = tableRows().map((r) => [null, null, ...r.slice(1, 4), "ghi chú " + String(r[1]).slice(0, 3)]);
    const loc = found(sheet([["Báo cáo"], [], ...rows]));
    expect(loc.columns).toEqual({ stt: null, label: 2, unit: 3, value: 4, note: 5 });
    expect(loc.rows).toEqual(expectedRows(2));
    expect(loc.headerRow).toBe(1);
  });

  it("values typed as text still count as numeric", () => {
    const rows = tableRows().map((r) => [r[1], r[2], r[3] === null ? null : `0${r[3]}`]);
    expect(found(sheet(rows)).columns).toEqual({ stt: null, label: 0, unit: 1, value: 2, note: null });
  });
});

describe("locate: failures", () => {
  it("a sheet of other data has no appendix", () => {
    const rows: Row[] = [["Họ tên", "Ngày sinh", "Lương"], ...Array.from({ length: 50 }, (_, k) => [`Nguyễn Văn ${k}`, "01/01/1990", 1000 + k])];
    expect(locate(sheet(rows), mini)).toEqual({ ok: false, failure: { reason: "no_header" } });
  });

  it("an empty sheet has no appendix", () => {
    expect(locate(sheet([]), mini)).toEqual({ ok: false, failure: { reason: "no_header" } });
  });

  it("a header over too few known rows is not an appendix", () => {
    const need = minimumMatches(mini);
    const rows = tableRows().filter((r) => typeof r[3] === "number").slice(0, need - 1);
    expect(locate(sheet([HEADER, ...rows]), mini)).toEqual({ ok: false, failure: { reason: "too_few_rows", matched: need - 1 } });
  });

  it("scores as docs/LOCATE.md says: an unrelated row sharing an opening 0.5, the closest sibling labels 0.94", () => {
    const score = (a: string, b: string) => similarity(prepare(a), prepare(b));
    expect(score("Số nhiệm vụ khác", "Số nhiệm vụ đề ra trong kế hoạch")).toBeCloseTo(0.5, 2);
    const labels = [...new Set(soNganh.indicators.map((i) => foldLabel(i.label)))];
    const closest = Math.max(...labels.flatMap((a, i) => labels.slice(i + 1).map((b) => score(a, b))));
    expect(closest).toBeCloseTo(0.94, 2);
    expect(closest).toBeGreaterThan(FUZZY_THRESHOLD);
  });

  it("needs a quarter of the template's rows, at least 3 and at most 20 (docs/LOCATE.md)", () => {
    const cut = (n: number) => ({ ...soNganh, indicators: soNganh.indicators.slice(0, n) });
    expect([cut(4), cut(40), cut(79), cut(80), soNganh].map(minimumMatches)).toEqual([3, 10, 20, 20, 20]);
  });

  it("just enough known rows is an appendix", () => {
    const need = minimumMatches(mini);
    const rows = tableRows().filter((r) => typeof r[3] === "number").slice(0, need);
    expect(found(sheet([HEADER, ...rows])).matches).toHaveLength(need);
  });

  it("needs a quarter of the template, between 3 and 20 rows", () => {
    const withRows = (n: number): Template => ({ ...mini, indicators: Array.from({ length: n }, (_, k) => ind(`X.${k}`, "I", "", `Dòng ${k}`, "Người")) });
    expect([4, 17, 40, 180].map((n) => minimumMatches(withRows(n)))).toEqual([3, 5, 10, 20]);
  });
});

describe("locateInWorkbook", () => {
  const other = sheet([["Họ tên", "Lương"], ["An", 1], ["Bình", 2]]);
  const partial = sheet([HEADER, ...tableRows().slice(0, 3)]);

  it("picks the sheet holding the appendix (the second of three)", () => {
    const r = locateInWorkbook(
      [
        { name: "Báo cáo", grid: other },
        { name: "Phụ lục", grid: sheet([HEADER, ...tableRows()]) },
        { name: "Ghi chú", grid: partial },
      ],
      [mini],
    );
    expect(r.ok && r.sheet).toBe("Phụ lục");
    expect(r.ok && r.template.id).toBe("mini");
    expect(r.ok && r.location.missing).toEqual([]);
  });

  it("prefers the sheet with more matched rows, the first on a tie", () => {
    const fewer = sheet([HEADER, ...tableRows().filter((r) => r[1] !== "Số nhiệm vụ đã hoàn thành")]);
    const full = sheet([HEADER, ...tableRows()]);
    const pick = (sheets: [string, Grid][]) => {
      const r = locateInWorkbook(sheets.map(([name, grid]) => ({ name, grid })), [mini]);
      return r.ok ? r.sheet : null;
    };
    expect(pick([["a", fewer], ["b", full]])).toBe("b");
    expect(pick([["a", full], ["b", full]])).toBe("a");
  });

  it("fails with the closest attempt when no sheet holds the appendix", () => {
    expect(locateInWorkbook([{ name: "a", grid: other }, { name: "b", grid: partial }], [mini])).toEqual({
      ok: false,
      failure: { reason: "too_few_rows", sheet: "b", template: "mini", matched: 2, needed: 5, total: 17 },
    });
    expect(locateInWorkbook([{ name: "a", grid: other }], [mini])).toEqual({ ok: false, failure: { reason: "no_header" } });
    expect(locateInWorkbook([], [mini])).toEqual({ ok: false, failure: { reason: "no_sheets" } });
  });

  /** The table rows holding these indicators (under a header), as a sheet. */
  const rowsOf = (ids: readonly string[]) => {
    const labels = new Set(mini.indicators.filter((i) => ids.includes(i.id)).map((i) => i.label));
    const wanted = tableRows().filter((r) => labels.has(String(r[1])));
    return sheet([HEADER, ...wanted]);
  };

  it("takes two sheets that each hold too few rows but together enough as one appendix split over them", () => {
    // 4 + 3 rows, each below the 5 needed, together 7: the larger part is the appendix's sheet, the other its rest.
    const first = rowsOf(["I.1", "I.1.1", "I.1.2", "I.1.3"]);
    const second = rowsOf(["II.1", "II.1.1", "IV.6"]);
    const r = locateInWorkbook([{ name: "Phần I", grid: first }, { name: "Khác", grid: other }, { name: "Phần II", grid: second }], [mini]);
    if (!r.ok) throw new Error(JSON.stringify(r.failure));
    expect(r.sheet).toBe("Phần I");
    expect(r.split).toEqual({ sheets: ["Phần I", "Phần II"], matched: 7 });
    expect(r.location.matches.map((m) => m.indicator)).toEqual(["I.1", "I.1.1", "I.1.2", "I.1.3"]);
    expect(r.rest?.sheet).toBe("Phần II");
    expect(r.rest?.location.matches.map((m) => m.indicator)).toEqual(["II.1", "II.1.1", "IV.6"]);
    expect(r.others).toEqual([{ sheet: "Phần II", template: "mini", matched: 3, hidden: false }]);
  });

  it("is not a split when the second sheet shares only a label or two (each part holds a real share of the rows)", () => {
    const first = rowsOf(["I.1", "I.1.1", "I.1.2", "I.1.3"]);
    const stray = rowsOf(["II.1", "II.1.1"]);
    const r = locateInWorkbook([{ name: "a", grid: first }, { name: "b", grid: stray }], [mini]);
    expect(r).toEqual({ ok: false, failure: { reason: "too_few_rows", sheet: "a", template: "mini", matched: 4, needed: 5, total: 17 } });
  });

  it("is not a split when the two sheets hold the same rows twice", () => {
    const first = rowsOf(["I.1", "I.1.1", "I.1.2", "I.1.3"]);
    const r = locateInWorkbook([{ name: "a", grid: first }, { name: "b", grid: first }], [mini]);
    expect(!r.ok && r.failure.reason).toBe("too_few_rows");
  });
});

describe("locate: bounded work on big sheets", () => {
  /** A grid whose row reads are counted: the locator must not touch every row of a 50,000-row sheet. */
  function counted(rows: Row[]): { grid: Grid; reads: () => number } {
    let reads = 0;
    const base = sheet(rows);
    const values = new Proxy(base.values as CellValue[][], {
      get(target, key, receiver) {
        if (typeof key === "string" && /^\d+$/.test(key)) reads++;
        return Reflect.get(target, key, receiver);
      },
    });
    return { grid: { ...base, values }, reads: () => reads };
  }
  const bigOther = (n: number): Row[] => Array.from({ length: n }, (_, k) => [`Mục ${k}`, `Nội dung dòng số ${k} của bảng khác`, k, k * 2]);

  it("a 50,000-row sheet of other data is rejected after reading only its first rows", () => {
    const { grid, reads } = counted(bigOther(50_000));
    expect(locate(grid, mini)).toEqual({ ok: false, failure: { reason: "no_header" } });
    expect(reads()).toBeLessThan(2 * (HEADER_SCAN_ROWS + FALLBACK_SCAN_ROWS));
  });

  it("an appendix above 50,000 rows of other data is found without reading them all", () => {
    const { grid, reads } = counted([HEADER, ...tableRows(), ...bigOther(50_000)]);
    const r = locate(grid, mini);
    expect(r.ok && r.location.missing).toEqual([]);
    expect(reads()).toBeLessThan(2 * HEADER_SCAN_ROWS + 20 * (tableRows().length + END_GAP_ROWS));
  });
});
