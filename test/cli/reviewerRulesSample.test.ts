/**
 * The reviewer's rules on edited copies of the sample workbook itself (samples/phu-luc-mau-2023.xlsx, Sở TTTT Sóc
 * Trăng 2023), through `cchc check --json` as a user runs it: one row of each class of docs/RULES.md changed with
 * ExcelJS, and what the check adds or drops against the same workbook saved unedited by the same writer.
 * test/core/reviewerRules.seed.test.ts tries every row on the in-memory seed; this holds the file path to it.
 */
import * as path from "path";
import ExcelJS from "exceljs";
import { soNganh } from "../../src/core";
import { checkJsonOf } from "../fixtures/cchcInProcess";
import { tempDir } from "../fixtures/tempDir";
import { writeByIndicator } from "../fixtures/writeByIndicator";

jest.setTimeout(120000);

const SAMPLE = path.join(path.resolve(__dirname, "../.."), "samples", "phu-luc-mau-2023.xlsx");
const dir = tempDir("cchc-reviewer-sample-");

/** The sample saved by ExcelJS with some values and notes replaced (by indicator id; null clears). */
async function edited(
  name: string,
  values: Record<string, ExcelJS.CellValue>,
  notes: Record<string, string | null> = {},
  units: Record<string, string> = {},
): Promise<string> {
  return writeByIndicator(SAMPLE, soNganh, path.join(dir, name), { values, notes, units });
}

type Json = { code: string; severity: string; indicator: string };
const keys = (findings: Json[]) => findings.map((f) => `${f.code} ${f.severity} ${f.indicator}`);

/** What an edit adds to and drops from the findings of the unedited sample saved the same way. */
async function change(
  name: string,
  values: Record<string, ExcelJS.CellValue>,
  notes: Record<string, string | null> = {},
  units: Record<string, string> = {},
) {
  const before = keys((await checkJsonOf(await edited(`goc-${name}`, {}, {}, units))).findings);
  const after = keys((await checkJsonOf(await edited(name, values, notes, units))).findings);
  return { added: after.filter((k) => !before.includes(k)).sort(), dropped: before.filter((k) => !after.includes(k)).sort() };
}

describe("the reviewer's rules on edited copies of the sample workbook", () => {
  it("the sample as saved gives no error and its 11 warnings", async () => {
    const json = await checkJsonOf(await edited("nguyen-ban.xlsx", {}));
    expect(json.summary).toEqual({ errors: 0, warnings: 11, infos: 0 });
  });

  it("relation severities: III.1 'Không' with procedures reviewed, BCCI procedures above files, level 3 + 4 totals are errors", async () => {
    expect(
      await change("muc-do.xlsx", { "III.1": 0, "III.1.1": 2, "VII.9.2": 3, "VII.9.4": 1, "VII.9.1": 5, "VII.3.1.1": 0, "VII.3.1.2": 3 }),
    ).toEqual({
      added: [
        "flag_contradicts_counts error III.1",
        "part_exceeds_whole error VII.9.2",
        "part_exceeds_whole error VII.3.2.2", // level 3 + 4 offered above level 3 + 4 eligible
        "part_exceeds_whole warning VII.3.1.2", // level 3 offered above level 3 eligible: only a warning
        "part_exceeds_whole warning VII.3.2.2", // 3 + 41 offered above the 41 procedures in force (overlap)
      ].sort(),
      dropped: [],
    });
  });

  it("implications: a count and its rate against the plan, divisions without units, a group row's note", async () => {
    expect(await change("suy-ra.xlsx", { "IV.1.6": 0, "IV.1.7": 30, "IV.1.3": 2, "V.6.4": 1, "IV.1.9": 2, "IV.1.10": null })).toEqual({
      added: ["count_rate_disagree error IV.1.7", "implication_broken error IV.1.3", "note_missing warning V.6"].sort(),
      dropped: [],
    });
  });

  it("readings: a rate against the plan above 100, I.8 in words, a count of articles on I.3.4 printed 'Tin, bài'", async () => {
    // The seed report prints I.3.4's unit as "Tin, bài"; the sample prints the form's "Không = 0 Có = 1".
    const tinBai = { "I.3.4": "Tin, bài" };
    expect(await change("cach-doc.xlsx", { "IV.2.4": 3, "IV.2.5": 150, "I.8": "Không vi phạm", "I.3.4": 15 }, {}, tinBai)).toEqual({
      added: ["code_as_word warning I.8", "count_as_yes warning I.3.4", "percent_above_plan warning IV.2.5"].sort(),
      dropped: ["flag_blank warning I.3.4"],
    });
    // With the yes/no unit printed, 15 is no answer: an error, as docs/RULES.md says.
    expect((await change("cach-doc-2.xlsx", { "I.3.4": 15 })).added).toEqual(["code_not_allowed error I.3.4"]);
  });

  it("a department without subordinate units is not asked about their ISO", async () => {
    const r = await change("khong-don-vi.xlsx", { "IV.1.4": 0, "IV.1.5": 0, "VII.10.4": null, "VII.10.5": null, "VII.10.6": null });
    // VII.10.4's note is no longer asked and the blanks are not said; what IV.1.4 = 0 breaks elsewhere is said.
    expect(r.dropped).toEqual(["note_missing warning VII.10.4"]);
    expect(r.added.filter((k) => k.includes(" VII.10."))).toEqual([]);
    expect(r.added).toEqual(
      ["implication_broken warning IV.3.2", "implication_broken warning IV.5.3", "part_exceeds_whole warning I.2.2", "part_exceeds_whole warning VI.3.3"].sort(),
    );
  });

  it("the 'do not add' pairs stay quiet: returned by post above received by post, specialised inspection's issues", async () => {
    expect(await change("khong-them.xlsx", { "VII.9.4": 1, "VII.9.5": 3, "VII.9.2": 1, "VII.9.3": 3, "VII.9.1": 5, "IV.7.4": 3, "IV.7.1": 0, "IV.7.2": 0, "IV.7.3": 0 })).toEqual({
      added: [],
      dropped: [],
    });
  });
});
