/**
 * Golden workbooks (test/xlsx/golden, written by make-golden.ts from cases.ts): each committed file is read by the
 * xlsx adapter, located and analysed; its findings must be the seed's, at the cells where the case put them.
 */
import { cellA1, checkWorkbook, templates } from "../../src/core";
import { at } from "../fixtures/a1";
import * as fs from "fs";
import * as path from "path";
import { readWorkbook } from "../../src/xlsx";
import { goldenCases, refusedCases } from "./golden/cases";

const GOLDEN = path.join(__dirname, "golden");

/**
 * The seed's findings, cells on the seed sheet (table from A1, header on rows 6-7), each for a reason:
 * [code, severity, indicator, cell].
 */
const SEED_FINDINGS: readonly (readonly [string, string, string, string])[] = [
  // The completion rate is blank although 41 of 47 tasks are done: 87.23 follows.
  ["computed_value_missing", "warning", "I.1", "D9"],
  // "100%" typed as text in a % row.
  ["number_stored_as_text", "warning", "I.3.1", "D19"],
  // A yes/no question left blank.
  ["flag_blank", "warning", "I.3.4", "D22"],
  // 29 survey forms but no satisfaction rate.
  ["count_rate_disagree", "warning", "I.7.3", "D33"],
  // "02" typed as text, twice.
  ["number_stored_as_text", "warning", "II.2.3", "D43"],
  ["number_stored_as_text", "warning", "II.2.4", "D44"],
  // "Kế hoạch rà soát TTHC" left blank while its note cites the plan.
  ["flag_blank_with_note", "warning", "III.2", "D50"],
  // "Thực hiện tuyển chọn, bổ nhiệm lãnh đạo qua thi tuyển" left blank.
  ["flag_blank", "warning", "V.3.1", "D124"],
  // VI.3's note keeps the template's "Văn bản số..." although a unit is counted (VI.3.3 = 1).
  ["note_missing", "warning", "VI.3", "E146"],
  // VII.4 = 1 with the note only repeating the template's request for the two report counts.
  ["note_missing", "warning", "VII.4", "E175"],
  // Subsidiaries' ISO: answered 0 with no reason in the note column.
  ["note_missing", "warning", "VII.10.4", "E190"],
];

/** What each case changes in the seed's findings. */
const CHANGES: Readonly<Record<string, { add?: typeof SEED_FINDINGS; remove?: readonly string[] }>> = {
  "numbers-as-text": {
    add: [
      ["number_stored_as_text", "warning", "I.1.1", "D10"],
      ["number_stored_as_text", "warning", "I.1.2", "D11"],
    ],
  },
  // The rate cell is no longer blank: it is an error, and there is nothing to fill.
  "error-value": { add: [["excel_error", "error", "I.1", "D9"]], remove: ["computed_value_missing|D9"] },
};

async function analysed(file: string) {
  const sheets = await readWorkbook(fs.readFileSync(file));
  const found = checkWorkbook(sheets, templates);
  if (!found.found) throw new Error(`${file}: no appendix (${JSON.stringify(found.failure)})`);
  return found;
}

describe.each(goldenCases().map((c) => [c.name, c] as const))("golden %s", (name, c) => {
  const file = path.join(GOLDEN, `${name}.xlsx`);

  test(`is the committed output of make-golden (${c.about})`, async () => {
    const committed = await readWorkbook(fs.readFileSync(file));
    const fresh = await readWorkbook(await c.build());
    expect(committed).toEqual(fresh);
  });

  test("is found whole, on the right sheet", async () => {
    const found = await analysed(file);
    expect(found.sheet).toBe(c.sheet);
    expect(found.location.missing).toEqual([]);
    expect(found.location.matches).toHaveLength(found.template.indicators.length);
  });

  test("yields the seed's findings at the case's cells", async () => {
    const change = CHANGES[name] ?? {};
    const expected = [...SEED_FINDINGS.filter(([code, , , cell]) => !change.remove?.includes(`${code}|${cell}`)), ...(change.add ?? [])]
      .map(([code, severity, indicator, cell]) => `${code}|${severity}|${indicator}|${c.mapCell(cell)}`)
      .sort();
    const { findings } = await analysed(file);
    expect(findings.map((f) => `${f.code}|${f.severity}|${f.indicator}|${cellA1(f.cell)}`).sort()).toEqual(expected);
  });

  test("fills the completion rate, 87.23 from 41/47, unless the cell already holds something", async () => {
    const { patches } = await analysed(file);
    const rate = { cell: at(c.mapCell("D9")), indicator: "I.1", value: 87.23, formula: `=ROUND(${c.mapCell("D11")}/${c.mapCell("D10")}*100,2)` };
    expect(patches).toEqual(name === "error-value" ? [] : [expect.objectContaining(rate)]);
  });
});

describe.each(refusedCases.map((c) => [c.name, c] as const))("refused %s", (name, c) => {
  const file = path.join(GOLDEN, `${name}.xlsx`);

  test(`is the committed output of make-golden (${c.about})`, async () => {
    const fresh = await c.build();
    if (name === "text-renamed") expect(Buffer.from(fresh).equals(fs.readFileSync(file))).toBe(true);
    else expect(await readWorkbook(fs.readFileSync(file))).toEqual(await readWorkbook(fresh));
  });

  test("holds no appendix the locator would accept", async () => {
    const bytes = fs.readFileSync(file);
    if (name === "text-renamed") {
      await expect(readWorkbook(bytes)).rejects.toMatchObject({ reason: "not_xlsx" });
      return;
    }
    const sheets = await readWorkbook(bytes);
    expect(checkWorkbook(sheets, templates)).toEqual({ found: false, sheets: sheets.map((s) => s.name), failure: { reason: "no_header" } });
  });
});
