import { at } from "../fixtures/a1";
import type { Address } from "../../src/core/address";
import type { CellValue, RawCell } from "../../src/core/grid";
import { validate } from "../../src/core/validate";
import { formatFinding } from "../../src/core/messages";
import { cellOf, noteOf, sheet } from "./rulesFixture";

/** The relation findings of a sheet, compactly. */
function relationFindings(values: Record<string, CellValue | RawCell>, notes: Record<string, string> = {}) {
  const s = sheet(values, notes);
  return validate(s.grid, s.template, s.location)
    .filter((f) => f.relation)
    .map((f) => ({ code: f.code, severity: f.severity, relation: f.relation, cell: f.cell, actual: f.actual, expected: f.expected, limit: f.limit }));
}

type Case = [string, Record<string, CellValue | RawCell>, { code: string; severity: string; relation: string; cell: Address; actual?: unknown; expected?: unknown; limit?: unknown }[]];

describe("part_of_whole", () => {
  const cases: Case[] = [
    ["completed 41 of 47 planned", { "I.1.1": 47, "I.1.2": 41 }, []],
    ["completed equals planned", { "I.1.1": 47, "I.1.2": 47 }, []],
    [
      "completed 50 of 47: an error on the completed cell",
      { "I.1.1": 47, "I.1.2": 50 },
      [{ code: "part_exceeds_whole", severity: "error", relation: "done_le_planned", cell: cellOf("I.1.2"), actual: 50, expected: null, limit: { bound: "max", value: 47 } }],
    ],
    ["the whole blank: skipped", { "I.1.2": 50 }, []],
    ["the part blank: skipped", { "I.1.1": 47 }, []],
    ["the part as text '50' still counts", { "I.1.1": 47, "I.1.2": "50" }, [{ code: "part_exceeds_whole", severity: "error", relation: "done_le_planned", cell: cellOf("I.1.2") }]],
    ["the part unreadable: skipped", { "I.1.1": 47, "I.1.2": "nhiều" }, []],
    [
      "handled > found is a warning (carried over)",
      { "I.2.1": 3, "I.2.2": 5 },
      [{ code: "part_exceeds_whole", severity: "warning", relation: "handled_le_found", cell: cellOf("I.2.2"), actual: 5, expected: null, limit: { bound: "max", value: 3 } }],
    ],
  ];
  it.each(cases)("%s", (_n, values, expected) => {
    expect(relationFindings(values).filter((f) => f.code === "part_exceeds_whole")).toEqual(expected.map((e) => expect.objectContaining(e)));
  });

  it("lists every cell involved, primary first, and the caveat", () => {
    const s = sheet({ "I.2.1": 3, "I.2.2": 5 });
    const f = validate(s.grid, s.template, s.location).find((x) => x.relation === "handled_le_found");
    expect(f?.cells).toEqual([cellOf("I.2.2"), cellOf("I.2.1")]);
    expect(f?.detail).toEqual({
      parts: [{ indicator: "I.2.2", cell: cellOf("I.2.2"), value: 5 }],
      wholes: [{ indicator: "I.2.1", cell: cellOf("I.2.1"), value: 3 }],
      caveat: "carried_over",
    });
  });
});

describe("sum_equals", () => {
  const cases: Case[] = [
    ["41 = 41 + blank (blank part is 0 once a part is filled)", { "I.6.1": 41, "I.6.2": 41 }, []],
    ["41 = 30 + 11", { "I.6.1": 41, "I.6.2": 30, "I.6.3": 11 }, []],
    [
      "41 vs 30 + 12",
      { "I.6.1": 41, "I.6.2": 30, "I.6.3": 12 },
      [{ code: "sum_mismatch", severity: "error", relation: "procedures_total", cell: cellOf("I.6.1"), actual: 41, expected: 42 }],
    ],
    [
      "50 vs 41 + blank",
      { "I.6.1": 50, "I.6.2": 41 },
      [{ code: "sum_mismatch", severity: "error", relation: "procedures_total", cell: cellOf("I.6.1"), actual: 50, expected: 41 }],
    ],
    ["total filled, every part blank: skipped", { "I.6.1": 41 }, []],
    ["total blank: the calculator's job", { "I.6.2": 41, "I.6.3": 2 }, []],
    ["a part holds text: skipped", { "I.6.1": 41, "I.6.2": 41, "I.6.3": "abc" }, []],
  ];
  it.each(cases)("%s", (_n, values, expected) => {
    expect(relationFindings(values).filter((f) => f.code === "sum_mismatch")).toEqual(expected.map((e) => expect.objectContaining(e)));
  });

  it("names the blank parts it counted as 0", () => {
    const s = sheet({ "I.6.1": 50, "I.6.2": 41 });
    const f = validate(s.grid, s.template, s.location).find((x) => x.code === "sum_mismatch");
    expect(f?.detail).toMatchObject({
      parts: [
        { indicator: "I.6.2", cell: cellOf("I.6.2"), value: 41 },
        { indicator: "I.6.3", cell: cellOf("I.6.3"), value: null },
      ],
    });
  });
});

describe("rate", () => {
  const planned = { "I.1.1": 47, "I.1.2": 41 };
  const rateCase = (name: string, rate: CellValue | RawCell, mismatch: boolean): Case => [
    name,
    { ...planned, "I.1": rate },
    mismatch ? [{ code: "rate_mismatch", severity: "error", relation: "completion_rate", cell: cellOf("I.1"), expected: 87.23 }] : [],
  ];
  const cases: Case[] = [
    rateCase("87.23 (General: 2 decimals assumed)", 87.23, false),
    rateCase("87.234 within ±0.005", 87.234, false),
    rateCase("87.24 off by 0.0066", 87.24, true),
    rateCase("87 shown with 0 decimals: ±0.5", { value: 87, numberFormat: "0" }, false),
    rateCase("88 shown with 0 decimals: 0.77 off", { value: 88, numberFormat: "0" }, true),
    rateCase("87.2 shown with 1 decimal", { value: 87.2, numberFormat: "0.0" }, false),
    rateCase("0.8723 formatted 0.00%", { value: 0.8723, numberFormat: "0.00%" }, false),
    rateCase("0.8723 typed plain: read as 87.23 via the fraction fix", 0.8723, false),
    rateCase("87,23 as text", "87,23", false),
    rateCase("80 is wrong", 80, true),
    rateCase("the user's own formula, unrounded", { value: (41 / 47) * 100, formula: "=D13/D12*100" }, false),
    ["blank rate: the calculator's job", planned, []],
    ["denominator 0: skipped here", { "I.1.1": 0, "I.1.2": 0, "I.1": 50 }, []],
    ["numerator blank: skipped", { "I.1.1": 47, "I.1": 50 }, []],
  ];
  it.each(cases)("%s", (_n, values, expected) => {
    expect(relationFindings(values).filter((f) => f.code === "rate_mismatch")).toEqual(expected.map((e) => expect.objectContaining(e)));
  });

  it("offers the formula as the fix, in the cell's own form", () => {
    const plain = sheet({ ...planned, "I.1": 80 });
    const pct = sheet({ ...planned, "I.1": { value: 0.8, numberFormat: "0.00%" } });
    const fixOf = (s: typeof plain) => validate(s.grid, s.template, s.location).find((f) => f.code === "rate_mismatch")?.fix;
    expect(fixOf(plain)).toEqual({ cell: at("D11"), value: 87.23, cellValue: 87.23, formula: "=ROUND(D13/D12*100,2)", numberFormat: "0.00" });
    expect(fixOf(pct)).toEqual({ cell: at("D11"), value: 87.23, cellValue: 0.8723, formula: "=ROUND(D13/D12,4)", numberFormat: "0.00%" });
  });
});

describe("rate: rounded or cut short is at most a warning, its fix the 2-decimal value", () => {
  // 41/47 = 87.234…; 2/3 = 66.666…
  const on = (num: number, den: number, rate: CellValue | RawCell) => ({ "I.1.1": den, "I.1.2": num, "I.1": rate });
  const rounded = (decimals: number, truncated = false) => ({ code: "rate_rounded", severity: "warning", decimals, truncated });
  it.each<[string, Record<string, CellValue | RawCell>, ReturnType<typeof rounded> | "mismatch" | null]>([
    ["87 typed in a General cell: right to the unit", on(41, 47, 87), rounded(0)],
    ["87.2 typed in a General cell: right to one decimal", on(41, 47, 87.2), rounded(1)],
    ["87.2 as text", on(41, 47, "87,2"), rounded(1)],
    ["87 shown with format 0", on(41, 47, { value: 87, numberFormat: "0" }), rounded(0)],
    ["87% in a cell formatted 0%", on(41, 47, { value: 0.87, numberFormat: "0%" }), rounded(0)],
    ["a cell formatted 0 holding the exact quotient agrees", on(41, 47, { value: (41 / 47) * 100, numberFormat: "0" }), null],
    ["87.23 agrees", on(41, 47, 87.23), null],
    ["87.234 typed: judged to 2 decimals, agrees", on(41, 47, 87.234), null],
    ["88 is off by more than half a unit", on(41, 47, 88), "mismatch"],
    ["87.3 is off by more than half a tenth", on(41, 47, 87.3), "mismatch"],
    ["66.66 for 2/3: cut instead of rounded", on(2, 3, 66.66), rounded(2, true)],
    ["66.6 for 2/3: cut to one decimal", on(2, 3, 66.6), rounded(1, true)],
    ["66.67 for 2/3 agrees", on(2, 3, 66.67), null],
    ["66.65 for 2/3 is wrong", on(2, 3, 66.65), "mismatch"],
    ["67 for 2/3: rounded to the unit", on(2, 3, 67), rounded(0)],
    // A fraction's decimals less two are the rate's: 0.872 is 87.2, right to one decimal.
    ["0.872 typed as a fraction: 87.2, right to one decimal", on(41, 47, 0.872), rounded(1)],
    ["0.87 typed as a fraction: 87, right to the unit", on(41, 47, 0.87), rounded(0)],
    ["0.8723 typed as a fraction agrees", on(41, 47, 0.8723), null],
    ["'0,872' typed as text", on(41, 47, "0,872"), rounded(1)],
    ["0.873 typed as a fraction is off by more than half a tenth", on(41, 47, 0.873), "mismatch"],
    ["'87,2%' typed as text", on(41, 47, "87,2%"), rounded(1)],
  ])("%s", (_n, values, expected) => {
    const s = sheet(values);
    const found = validate(s.grid, s.template, s.location).filter((f) => f.relation === "completion_rate");
    if (expected === null) expect(found).toEqual([]);
    else if (expected === "mismatch") expect(found.map((f) => [f.code, f.severity])).toEqual([["rate_mismatch", "error"]]);
    else {
      expect(found).toHaveLength(1);
      const f = found[0];
      expect(f.code === "rate_rounded" && { code: f.code, severity: f.severity, decimals: f.detail.decimals, truncated: f.detail.truncated }).toEqual(expected);
    }
  });

  it("the fix writes the 2-decimal value, the format set to show it", () => {
    const fixOf = (rate: CellValue | RawCell) => {
      const s = sheet(on(41, 47, rate));
      return validate(s.grid, s.template, s.location).find((f) => f.code === "rate_rounded")?.fix;
    };
    expect(fixOf(87)).toEqual({ cell: at("D11"), value: 87.23, cellValue: 87.23, numberFormat: "0.00" });
    expect(fixOf({ value: 0.87, numberFormat: "0%" })).toEqual({ cell: at("D11"), value: 87.23, cellValue: 0.8723, numberFormat: "0.00%" });
  });

  it.each<[string, CellValue, string, { as: string; actual: CellValue }]>([
    ["'87,2' typed as text", "87,2", "rate_rounded", { as: "text", actual: "87,2" }],
    ["'87,2%' typed as text", "87,2%", "rate_rounded", { as: "text", actual: "87,2%" }],
    ["0.872 typed as a fraction", 0.872, "rate_rounded", { as: "fraction", actual: 0.872 }],
    ["'88' typed as text", "88", "rate_mismatch", { as: "text", actual: "88" }],
  ])("one slip, one finding: %s is the rate's finding alone, which says how it was typed", (_n, rate, code, typed) => {
    const s = sheet(on(41, 47, rate));
    const onRate = validate(s.grid, s.template, s.location).filter((f) => f.indicator === "I.1");
    expect(onRate.map((f) => f.code)).toEqual([code]);
    const f = onRate[0];
    expect((f.code === "rate_rounded" || f.code === "rate_mismatch") && f.detail.typed).toEqual(typed);
    expect(f.fix).toMatchObject({ value: 87.23, numberFormat: "0.00" });
    const vi = formatFinding(f, "vi", s.template);
    expect(vi).toContain(typed.as === "fraction" ? "(gõ dạng phân số 0,872)" : `(gõ dạng chữ “${typed.actual}”`);
    expect(formatFinding(f, "en", s.template)).toContain(typed.as === "fraction" ? "(typed as the fraction 0.872)" : `(typed as the text “${typed.actual}”`);
  });

  it("a relation declared a warning or an info stays what it is", () => {
    const s = sheet(on(41, 47, 87));
    const template = { ...s.template, relations: s.template.relations.map((r) => (r.kind === "rate" ? { ...r, severity: "info" as const } : r)) };
    expect(validate(s.grid, template, s.location).filter((f) => f.code === "rate_rounded").map((f) => f.severity)).toEqual(["info"]);
  });
});

/** The flags answered, so that only what a case is about is found. */
const answered = { "I.3": 1, "I.4": 1, "I.5": 1 };

describe("one slip, one finding: a value its row rejects feeds no relation", () => {
  const codes = (values: Record<string, CellValue | RawCell>) => {
    const s = sheet({ ...answered, ...values });
    return validate(s.grid, s.template, s.location).map((f) => f.code);
  };
  it("1.248 tasks planned (a thousands dot read as decimals): one error, no expected value, no rate or part finding", () => {
    const s = sheet({ ...answered, "I.1.1": 1.248, "I.1.2": 41, "I.1": 87.23 });
    const found = validate(s.grid, s.template, s.location);
    expect(found.map((f) => f.code)).toEqual(["count_not_whole"]);
    expect(found[0]).toMatchObject({ expected: null, fix: null, detail: { thousands: 1248 } });
  });
  it("2.5 is no thousands slip", () => {
    const s = sheet({ "I.1.1": 2.5 });
    expect(validate(s.grid, s.template, s.location)[0]).toMatchObject({ code: "count_not_whole", detail: { thousands: null } });
  });
  it("a negative part, a rate above 100, 100% in a count: their own finding only", () => {
    expect(codes({ "I.1.1": 47, "I.1.2": -41, "I.1": 87.23 })).toEqual(["count_negative"]);
    expect(codes({ "I.1.1": 47, "I.1.2": 41, "I.1": 120 })).toEqual(["percent_out_of_range"]);
    expect(codes({ "I.1.1": "100%", "I.1.2": 41, "I.1": 87.23 })).toEqual(["percent_in_count"]);
    expect(codes({ "I.1.1": { value: 45638, numberFormat: "dd/mm" }, "I.1.2": 41 })).toEqual(["date_not_number"]);
  });
});

describe("a formula with no saved result", () => {
  it("is reported as such, names the relations skipped for it, and nothing is computed from it", () => {
    const s = sheet({ ...answered, "I.1.1": { value: null, formula: "=D30+D31" }, "I.1.2": 41 });
    const found = validate(s.grid, s.template, s.location);
    expect(found.map((f) => f.code)).toEqual(["formula_no_result"]);
    const f = found[0];
    expect(f.code === "formula_no_result" && f.detail).toEqual({
      formula: "=D30+D31",
      skipped: [
        { relation: "done_le_planned", others: [{ indicator: "I.1.2", cell: cellOf("I.1.2") }] },
        { relation: "completion_rate", others: [{ indicator: "I.1", cell: cellOf("I.1") }, { indicator: "I.1.2", cell: cellOf("I.1.2") }] },
      ],
    });
  });
});

describe("flag_counts", () => {
  const cases: Case[] = [
    ["flag 0 with a count of 3", { "I.3": 0, "I.3.1": 3 }, [{ code: "flag_contradicts_counts", severity: "error", relation: "control_flag", cell: cellOf("I.3"), actual: 0 }]],
    ["flag 'Không' typed as a word, count 3", { "I.3": "Không", "I.3.1": 3 }, [{ code: "flag_contradicts_counts", severity: "error", relation: "control_flag", cell: cellOf("I.3") }]],
    ["flag 0 with a count of 0", { "I.3": 0, "I.3.1": 0 }, []],
    ["flag 1 with a count of 0 (seed III.1)", { "I.3": 1, "I.3.1": 0 }, []],
    ["flag 1 with a count", { "I.3": 1, "I.3.1": 3 }, []],
    ["flag blank: the cell rule reports it", { "I.3.1": 3 }, []],
    ["flag 0, count blank", { "I.3": 0 }, []],
  ];
  it.each(cases)("%s", (_n, values, expected) => {
    expect(relationFindings(values).filter((f) => f.code === "flag_contradicts_counts")).toEqual(expected.map((e) => expect.objectContaining(e)));
  });
});

describe("note_required", () => {
  it.each([
    ["violation without a note", { "I.4": 0 }, {}, true],
    ["violation with only the template's hint", { "I.4": 0 }, { "I.4": "Ghi rõ nội dung vi phạm" }, true],
    ["violation described", { "I.4": 0 }, { "I.4": "Chậm nộp báo cáo tháng 3" }, false],
    ["'Có vi phạm' typed as words, no note", { "I.4": "Có vi phạm" }, {}, true],
    ["no violation", { "I.4": 1 }, {}, false],
    ["blank answer", {}, {}, false],
  ] as [string, Record<string, CellValue>, Record<string, string>, boolean][])("%s", (_n, values, notes, reported) => {
    const found = relationFindings(values, notes).filter((f) => f.code === "note_missing");
    expect(found).toEqual(reported ? [expect.objectContaining({ severity: "warning", relation: "violation_note", cell: noteOf("I.4") })] : []);
  });

  it("is skipped when the sheet has no note column", () => {
    const s = sheet({ "I.4": 0 });
    const location = { ...s.location, columns: { ...s.location.columns, note: null } };
    expect(validate(s.grid, s.template, location).filter((f) => f.code === "note_missing")).toEqual([]);
  });
});

describe("note_required for a count above a bound (whenAbove)", () => {
  const relation = { kind: "note_required" as const, id: "reviewed_note", indicator: "I.3.1", when: [], whenAbove: 0, severity: "warning" as const };
  it.each([
    ["3 reviewed, no note", { "I.3.1": 3 }, {}, true],
    ["3 reviewed, procedures named", { "I.3.1": 3 }, { "I.3.1": "Cấp giấy phép bưu chính" }, false],
    ["0 reviewed, no note", { "I.3.1": 0 }, {}, false],
    ["blank, no note", {}, {}, false],
    ["'02' typed as text counts as 2", { "I.3.1": "02" }, {}, true],
  ] as [string, Record<string, CellValue>, Record<string, string>, boolean][])("%s", (_n, values, notes, reported) => {
    const s = sheet({ "I.3": 1, ...values }, notes);
    const found = validate(s.grid, { ...s.template, relations: [relation] }, s.location).filter((f) => f.code === "note_missing");
    expect(found).toEqual(
      reported ? [expect.objectContaining({ severity: "warning", relation: "reviewed_note", cell: noteOf("I.3.1"), cells: [noteOf("I.3.1"), cellOf("I.3.1")] })] : [],
    );
  });
});

describe("part_of_whole with a whole spread over several rows (wholeAlso)", () => {
  const relation = { kind: "part_of_whole" as const, id: "mail_le_staff", parts: ["I.3.1"], whole: "I.6.2", wholeAlso: ["I.6.3"], severity: "warning" as const, caveat: "different_scope" as const };
  const run = (values: Record<string, CellValue>) => {
    const s = sheet({ "I.3": 1, ...values });
    return validate(s.grid, { ...s.template, relations: [relation] }, s.location).filter((f) => f.relation);
  };
  it.each([
    ["47 <= 25 + 22", { "I.3.1": 47, "I.6.2": 25, "I.6.3": 22 }, null],
    ["48 > 25 + 22", { "I.3.1": 48, "I.6.2": 25, "I.6.3": 22 }, 47],
    ["48 > 25 + blank (a blank whole row counts 0 once another is filled)", { "I.3.1": 48, "I.6.2": 25 }, 25],
    ["48 > blank + 22", { "I.3.1": 48, "I.6.3": 22 }, 22],
    ["every whole row blank: skipped", { "I.3.1": 48 }, null],
    ["a whole row holds text: skipped", { "I.3.1": 48, "I.6.2": 25, "I.6.3": "abc" }, null],
  ] as [string, Record<string, CellValue>, number | null][])("%s", (_n, values, expected) => {
    const found = run(values);
    expect(found).toEqual(
      expected === null
        ? []
        : [expect.objectContaining({ code: "part_exceeds_whole", severity: "warning", cell: cellOf("I.3.1"), expected: null, limit: { bound: "max", value: expected }, cells: [cellOf("I.3.1"), cellOf("I.6.2"), cellOf("I.6.3")] })],
    );
  });
});
