/**
 * The rules a Sở Nội vụ reviewer applies, each tried on an edited copy of the seed appendix (Sở TTTT Sóc Trăng
 * 2023): the edit breaks the relation and the finding appears with its severity; the seed as it is gives none.
 */
import { soNganh } from "../../src/core/catalog/soNganh";
import { checkWorkbook, type FoundCheck } from "../../src/core/checkWorkbook";
import type { Finding } from "../../src/core/finding";
import type { CellValue, Grid } from "../../src/core/grid";
import { formatFinding } from "../../src/core/messages";
import { soNganhFacts } from "../../src/core/forms/builtin";
import { formDocument } from "../../src/core/forms/json";
import { readCondition, writeCondition } from "../../src/core/forms/sheets";
import { SEED_COLUMNS, seedGrid } from "../fixtures/seed";

function checked(grid: Grid): FoundCheck {
  const result = checkWorkbook([{ name: "Phụ lục", grid }], [soNganh]);
  if (!result.found) throw new Error(`the seed appendix was not located: ${JSON.stringify(result.failure)}`);
  return result;
}

const seed = seedGrid();
const rows = checked(seed).location.rows;

/** The seed with some values (by indicator id; null clears) and notes replaced. */
function edited(values: Record<string, CellValue>, notes: Record<string, string> = {}): Grid {
  const v = seed.values.map((r) => [...r]);
  const t = (seed.texts ?? []).map((r) => [...r]);
  const set = (id: string, col: number, value: CellValue) => {
    const row = rows[id];
    if (row === undefined) throw new Error(`no row for ${id}`);
    v[row - seed.origin.row][col] = value;
    t[row - seed.origin.row][col] = value === null ? "" : String(value);
  };
  for (const [id, value] of Object.entries(values)) set(id, SEED_COLUMNS.value, value);
  for (const [id, note] of Object.entries(notes)) set(id, SEED_COLUMNS.note, note === "" ? null : note);
  return { ...seed, values: v, texts: t };
}

/** The findings of one relation on an edited seed, as [severity, indicator]. */
function of(relation: string, values: Record<string, CellValue>, notes: Record<string, string> = {}): [string, string][] {
  return checked(edited(values, notes))
    .findings.filter((f) => f.relation === relation)
    .map((f) => [f.severity, f.indicator]);
}

function findingOf(relation: string, values: Record<string, CellValue>, notes: Record<string, string> = {}): Finding {
  const f = checked(edited(values, notes)).findings.find((x) => x.relation === relation);
  if (!f) throw new Error(`no finding of ${relation}`);
  return f;
}

describe("the seed as it is", () => {
  it("gives no error and no info", () => {
    expect(checked(seed).findings.filter((f) => f.severity !== "warning")).toEqual([]);
  });
});

describe("relation severities a reviewer applies", () => {
  it("III.1 'Không' with procedures reviewed in III.1.1 is an error (reviewing is part of controlling)", () => {
    expect(of("iii1_control_flag_vs_reviewed", { "III.1": 0, "III.1.1": 5 })).toEqual([["error", "III.1"]]);
    expect(of("iii1_control_flag_vs_reviewed", { "III.1": 1, "III.1.1": 5 })).toEqual([]);
  });

  it("III.2 'Không' with procedures reviewed is only an info (the province's plan may be the one followed)", () => {
    expect(of("iii2_plan_flag_vs_reviewed", { "III.2": 0, "III.1.1": 5 })).toEqual([["info", "III.2"]]);
    expect(of("iii2_plan_flag_vs_reviewed", { "III.2": 1, "III.1.1": 5 })).toEqual([]);
  });

  it("level 3 offered above level 3 eligible is a warning while the level 3 + 4 totals hold", () => {
    const v = { "VII.3.1.1": 0, "VII.3.1.2": 3, "VII.3.2.1": 44 };
    expect(of("vii3_l3_provided_le_eligible", v)).toEqual([["warning", "VII.3.1.2"]]);
    expect(of("vii3_provided_le_eligible", v)).toEqual([]);
  });

  it("level 3 + 4 offered above level 3 + 4 eligible is an error", () => {
    expect(of("vii3_provided_le_eligible", { "VII.3.1.1": 0, "VII.3.1.2": 3 })).toEqual([["error", "VII.3.2.2"]]);
  });

  it("procedures received or returned by post above the files received or returned by post are errors", () => {
    expect(of("vii9_received_procedures_le_received_files", { "VII.9.2": 3, "VII.9.4": 1 })).toEqual([["error", "VII.9.2"]]);
    expect(of("vii9_returned_procedures_le_returned_files", { "VII.9.3": 3, "VII.9.5": 2 })).toEqual([["error", "VII.9.3"]]);
    expect(of("vii9_received_procedures_le_received_files", { "VII.9.2": 3, "VII.9.4": 3 })).toEqual([]);
  });

  it("VII.10.4 asks for the decision when 1 and the reason when 0, unless there are no subordinate units", () => {
    expect(of("vii10_unit_iso_reason_note", {})).toEqual([["warning", "VII.10.4"]]);
    expect(of("vii10_unit_iso_reason_note", { "VII.10.4": 1 }, { "VII.10.4": "" })).toEqual([["warning", "VII.10.4"]]);
    expect(of("vii10_unit_iso_reason_note", { "VII.10.4": 1 }, { "VII.10.4": "Quyết định số 20/QĐ-TTCNTT" })).toEqual([]);
    // IV.1.2 blank and IV.1.4 = 0: no subordinate unit, nothing to ask.
    expect(of("vii10_unit_iso_reason_note", { "IV.1.4": 0, "IV.1.5": 0 })).toEqual([]);
    expect(of("vii10_unit_iso_reason_note", { "IV.1.4": 0, "IV.1.5": 0, "IV.1.2": 1 })).toEqual([["warning", "VII.10.4"]]);
  });

  it("says the info in both languages", () => {
    const f = findingOf("iii2_plan_flag_vs_reviewed", { "III.2": 0, "III.1.1": 5 });
    expect(formatFinding(f, "vi", soNganh)).not.toMatch(/undefined|null|NaN/);
    expect(formatFinding(f, "en", soNganh)).not.toMatch(/undefined|null|NaN/);
  });
});

describe("a form writes the new relation data", () => {
  it("reads and writes a note condition with 'trừ khi … = 0'", () => {
    expect(readCondition("bằng 0 hoặc 1; trừ khi IV.1.2 + IV.1.4 = 0")).toEqual({ equals: [0, 1], unlessZero: ["IV.1.2", "IV.1.4"] });
    expect(readCondition("= 0 unless IV.1.2 = 0")).toEqual({ equals: [0], unlessZero: ["IV.1.2"] });
    expect(writeCondition({ equals: [0, 1], unlessZero: ["IV.1.2", "IV.1.4"] })).toBe("bằng 0 hoặc 1; trừ khi IV.1.2 + IV.1.4 = 0");
    expect(readCondition("trừ khi = 0")).toBeNull();
  });

  it("carries the info severity and unlessZero through the built-in form document", () => {
    const doc = formDocument(soNganhFacts, soNganh);
    expect(doc.relations.find((r) => r.id === "iii2_plan_flag_vs_reviewed")?.severity).toBe("info");
    expect(doc.relations.find((r) => r.id === "vii10_unit_iso_reason_note")?.condition).toEqual({ equals: [0, 1], unlessZero: ["IV.1.2", "IV.1.4"] });
  });
});
