/**
 * The reviewer's relation kinds are data a form file declares, not code for the built-in form: a commune's test form
 * (not official: test/fixtures/forms/suy-ra-xa.xlsx, authored with openpyxl by scripts/fixtures/implication_form.py)
 * writes each kind in the words of its sheet "Quan hệ" — a yes needing its figures, X > 0 needing Y > 0 with a blank
 * counted as 0, a count and its rate at 0 together, a filled value needing its note, a group row's note, a note
 * skipped while other rows add up to 0 — and `cchc check --form` runs each on a template the form laid out.
 */
import * as fs from "fs";
import * as path from "path";
import ExcelJS from "exceljs";
import type { Relation } from "../../src/core";
import { cchcInProcess } from "../fixtures/cchcInProcess";
import { readFormBytes } from "../../src/xlsx";
import { tempDir } from "../fixtures/tempDir";
import { writeByIndicator } from "../fixtures/writeByIndicator";

jest.setTimeout(120000);

const FORM = path.join(path.resolve(__dirname, "../.."), "test", "fixtures", "forms", "suy-ra-xa.xlsx");
const cchc = (...args: string[]) => cchcInProcess(args, new Date(Date.UTC(2025, 8, 1)));
const dir = tempDir("cchc-implication-form-");

/** The form's template laid out by `cchc template --form`, filled as a clerk would: figures and notes by indicator id. */
async function filled(name: string, values: Record<string, ExcelJS.CellValue>, notes: Record<string, string> = {}): Promise<string> {
  const blank = path.join(dir, `blank-${name}`);
  expect((await cchc("template", "--form", FORM, blank, "--unit", "UBND xã Thử", "--year", "2025")).code).toBe(0);
  const form = await readFormBytes(fs.readFileSync(FORM), FORM);
  if (!form.ok) throw new Error("test form refused");
  return writeByIndicator(blank, form.form.template, path.join(dir, name), { values, notes });
}

/** `cchc check --form` on a file: its findings as "code severity indicator". */
async function findings(file: string): Promise<string[]> {
  const r = await cchc("check", "--form", FORM, file, "--json");
  const [one] = JSON.parse(r.out).files;
  expect(one.match).toEqual({ matched: 15, total: 15 });
  return one.findings.map((f: { code: string; severity: string; indicator: string }) => `${f.code} ${f.severity} ${f.indicator}`).sort();
}

/** A commune's figures that break none of the form's relations. */
const GOOD = { "I.1": 1, "I.1.1": 2, "I.2": 3, "I.3": 1, "I.4": 50, "I.5": 1, "I.6": 90, "II.1": 4, "II.2": 1, "II.3": 50, "II.4": 1, "III.1.1": 0, "III.1.2": 1, "III.2": 2 };
const GOOD_NOTES = { "II.4": "Quyết định số 5/QĐ-UBND ngày 02/3/2025", "III.1": "Quyết định số 7/QĐ-UBND ngày 10/4/2025", "III.2": "Văn bản số 9/UBND-VP ngày 12/5/2025" };

describe("a form file declares the reviewer's relation kinds in its own words", () => {
  it("passes `form check` and reads each kind with its condition from the sheet 'Quan hệ'", async () => {
    const r = await cchc("form", "check", FORM);
    expect(r.code).toBe(0);
    expect(r.out).toContain("3 phần, 15 chỉ tiêu, 8 quan hệ.");
    const form = await readFormBytes(fs.readFileSync(FORM), FORM);
    if (!form.ok) throw new Error("test form refused");
    const byId = Object.fromEntries(form.form.template.relations.map((x): [string, Relation] => [x.id, x]));
    expect(byId.xa_dialogue_needs_count).toEqual({ kind: "implies_positive", id: "xa_dialogue_needs_count", given: ["I.1"], givenEquals: 1, then: ["I.1.1"], severity: "warning" });
    expect(byId.xa_issues_need_inspection).toEqual({ kind: "implies_positive", id: "xa_issues_need_inspection", given: ["I.3"], then: ["I.2"], blankIsZero: true, severity: "warning" });
    expect(byId.xa_iso_needs_hamlets).toEqual({ kind: "implies_positive", id: "xa_iso_needs_hamlets", given: ["II.4"], givenEquals: 1, then: ["II.1"], blankIsZero: true, severity: "warning" });
    expect(byId.xa_survey_rate).toEqual({ kind: "count_rate_zero", id: "xa_survey_rate", count: "I.4", rate: "I.6", blankIsZero: true, severity: "warning" });
    expect(byId.xa_downsized_rate).toEqual({ kind: "count_rate_zero", id: "xa_downsized_rate", count: "II.2", rate: "II.3", severity: "error" });
    expect(byId.xa_iso_note).toEqual({ kind: "note_required", id: "xa_iso_note", indicator: "II.4", when: [0, 1], unlessZero: ["II.1"], severity: "warning" });
    expect(byId.xa_discipline_note).toEqual({ kind: "note_required", id: "xa_discipline_note", indicator: "III.1", sources: ["III.1.1", "III.1.2"], when: [], whenAbove: 0, severity: "warning" });
    expect(byId.xa_replies_note).toEqual({ kind: "note_required", id: "xa_replies_note", indicator: "III.2", when: [], whenAbove: 0, severity: "warning" });
    // The readings of its sheet "Chỉ tiêu".
    const ind = (id: string) => form.form.template.indicators.find((i) => i.id === id);
    expect(ind("II.3")?.mayExceed100).toBe(true);
    expect(ind("II.4")?.askedUnlessZero).toEqual(["II.1"]);
    expect(ind("I.5")?.askedUnlessZero).toEqual(["I.4"]);
  });

  it("a commune's figures that hold every relation give no finding", async () => {
    expect(await findings(await filled("dung.xlsx", GOOD, GOOD_NOTES))).toEqual([]);
  });

  it("each kind fires on a clerk's slip, with the severity the form gives it", async () => {
    const file = await filled(
      "sai.xlsx",
      {
        ...GOOD,
        "I.1.1": 0, // a yes with no dialogue counted
        "I.2": null, // issues found, no hamlet inspected (blank counts as 0)
        "I.6": null, // 50 survey forms, no satisfaction rate (a blank rate counts as 0 here)
        "II.2": 0, // nobody downsized, a rate of 20 (an error in this form)
        "II.3": 20,
        "II.4": 0, // hamlets, ISO answered 0 with no reason
      },
      {}, // no notes: the group row III.1, III.2's replies and II.4's reason are all missing
    );
    expect(await findings(file)).toEqual(
      [
        "implication_broken warning I.1",
        "implication_broken warning I.3",
        "count_rate_disagree warning I.6",
        "count_rate_disagree error II.3",
        "note_missing warning II.4",
        "note_missing warning III.1",
        "note_missing warning III.2",
      ].sort(),
    );
  });

  it("a commune without hamlets: ISO answered 1 is the implication, its note is not asked, a blank ISO is not asked", async () => {
    expect(await findings(await filled("khong-thon.xlsx", { ...GOOD, "II.1": 0 }, { ...GOOD_NOTES, "II.4": "" }))).toEqual(["implication_broken warning II.4"]);
    expect(await findings(await filled("khong-thon-trong.xlsx", { ...GOOD, "II.1": 0, "II.4": null }, { ...GOOD_NOTES, "II.4": "" }))).toEqual([]);
  });

  it("the readings: a rate against the plan above 100 is a warning; no survey, its form is not asked", async () => {
    const file = await filled("doc.xlsx", { ...GOOD, "II.2": 3, "II.3": 120, "I.4": 0, "I.5": null, "I.6": 0 }, GOOD_NOTES);
    expect(await findings(file)).toEqual(["percent_above_plan warning II.3"]);
    expect(await findings(await filled("doc-2.xlsx", { ...GOOD, "I.5": null }, GOOD_NOTES))).toEqual(["flag_blank warning I.5"]);
  });
});
