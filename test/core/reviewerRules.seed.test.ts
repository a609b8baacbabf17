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

/** The seed with some values (by indicator id; null clears), notes and printed units replaced. */
function edited(values: Record<string, CellValue>, notes: Record<string, string> = {}, units: Record<string, string> = {}): Grid {
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
  for (const [id, unit] of Object.entries(units)) set(id, SEED_COLUMNS.unit, unit);
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

  it("procedures eligible or offered online above those in force stay a warning that names the real causes", () => {
    for (const [relation, values, on] of [
      ["vii3_eligible_le_in_force", { "VII.3.1.1": 10 }, "VII.3.2.1"],
      ["vii3_provided_le_in_force", { "VII.3.1.1": 10, "VII.3.1.2": 10 }, "VII.3.2.2"],
    ] as const) {
      const f = findingOf(relation, values);
      expect([f.severity, f.indicator]).toEqual(["warning", on]);
      expect(formatFinding(f, "vi", soNganh)).toContain(
        "Số liệu này chưa chắc đã sai, vì một TTHC có thể đã bị tính ở cả hai mức, hoặc đã tính cả TTHC thuộc lĩnh vực của ngành nhưng giải quyết tại cấp huyện, cấp xã; hãy kiểm tra lại.",
      );
      expect(formatFinding(f, "vi", soNganh)).not.toContain("thời điểm");
      expect(formatFinding(f, "en", soNganh)).toContain("one procedure may have been counted at both levels, or the sector's procedures handled at district and commune level counted too");
    }
  });

  it("parts above a whole are said as parts 'cộng lại' in Vietnamese, without a 'Tổng' before labels that begin with it", () => {
    expect(formatFinding(findingOf("vii3_eligible_le_in_force", { "VII.3.1.1": 10 }), "vi", soNganh)).toMatch(
      /^Tổng số TTHC đủ điều kiện cung cấp trực tuyến mức độ 3 \(D\d+\) = 10 và Tổng số TTHC đủ điều kiện cung cấp trực tuyến mức độ 4 \(D\d+\) = 41 cộng lại là 51, lớn hơn Tổng số TTHC đang có hiệu lực \(D\d+\) = 41\. /,
    );
    expect(formatFinding(findingOf("vii6_mail_accounts_le_staff_present", { "VII.6": 60, "IV.4.2": 0 }), "vi", soNganh)).toMatch(
      /\) = 60 lớn hơn Tổng số biên chế có mặt tại thời điểm báo cáo \(D\d+\) = 25, Tổng số người làm việc có mặt \(D\d+\) = 22 và Tổng số người làm việc có mặt \(D\d+\) = 0 cộng lại là 47\. /,
    );
    // A whole of several rows, some blank: every cell of the whole is named, not only the filled one.
    expect(formatFinding(findingOf("vi3_sncl_all_in_autonomy_groups", { "IV.1.4": 3 }), "vi", soNganh)).toMatch(
      /^Số đơn vị sự nghiệp trực thuộc sở ngành \(D\d+\) = 3 lớn hơn tổng các ô D\d+, D\d+, D\d+ và D\d+ là 1 \(Số đơn vị SNCL đã thực hiện tự chủ một phần chi thường xuyên \(D\d+\) = 1; các ô còn lại để trống\)\. /,
    );
    expect(formatFinding(findingOf("vii6_mail_accounts_le_staff_present", { "VII.6": 60 }), "vi", soNganh)).toContain(
      "= 22; ô còn lại để trống).",
    );
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

describe("implications a reviewer checks, each on an edited seed", () => {
  // [relation, edited values, edited notes, expected [severity, indicator] list]
  const cases: [string, Record<string, CellValue>, Record<string, string>, [string, string][]][] = [
    ["iv1_org_divisions_need_orgs", { "IV.1.3": 2 }, {}, [["error", "IV.1.3"]]],
    ["iv1_org_divisions_need_orgs", { "IV.1.3": 2, "IV.1.2": 1 }, {}, []],
    ["iv1_sncl_divisions_need_sncl", { "IV.1.4": 0 }, {}, [["error", "IV.1.5"]]],
    ["iv1_cut_orgs_rate", { "IV.1.6": 0, "IV.1.7": 50 }, {}, [["error", "IV.1.7"]]],
    ["iv1_cut_orgs_rate", { "IV.1.6": 1, "IV.1.7": 0 }, {}, [["error", "IV.1.7"]]],
    ["iv1_cut_orgs_rate", { "IV.1.6": 1, "IV.1.7": null }, {}, []],
    ["iv1_cut_orgs_rate", { "IV.1.6": 0, "IV.1.7": 0 }, {}, []],
    ["iv1_cut_sncl_divisions_rate", { "IV.1.9": 0, "IV.1.10": 20 }, {}, [["error", "IV.1.10"]]],
    ["iv2_downsized_rate", { "IV.2.4": 2, "IV.2.5": 0 }, {}, [["error", "IV.2.5"]]],
    ["iv3_downsized_rate", { "IV.3.3": 0, "IV.3.4": 10 }, {}, [["error", "IV.3.4"]]],
    ["i7_no_survey_no_rate", { "I.7.1": 0, "I.7.3": 95 }, {}, [["warning", "I.7.3"]]],
    ["i7_no_survey_no_rate", { "I.7.1": 29, "I.7.3": 0 }, {}, [["warning", "I.7.3"]]],
    ["i7_no_survey_no_rate", { "I.7.1": 29, "I.7.3": 92.5 }, {}, []],
    ["i7_no_survey_no_rate", { "I.7.1": 0, "I.7.3": null }, {}, []],
    ["i7_no_survey_no_rate", { "I.7.1": null, "I.7.3": null }, {}, []],
    ["iii7_no_results_no_on_time_rate", { "III.7.2": 5, "III.7.3": null }, {}, []],
    ["iii7_no_results_no_on_time_rate", { "III.7.2": 0, "III.7.3": 100 }, {}, [["warning", "III.7.3"]]],
    ["iv3_sncl_staff_need_sncl", { "IV.1.4": 0, "IV.1.5": 0 }, {}, [["warning", "IV.3.2"]]],
    ["iv4_self_funded_staff_need_self_funded_units", { "IV.4.2": 3 }, {}, [["warning", "IV.4.2"]]],
    ["iv5_unit_leaders_need_units", { "IV.5.3": 2, "IV.1.4": 0, "IV.1.5": 0 }, {}, [["warning", "IV.5.3"]]],
    ["vii10_unit_iso_needs_units", { "VII.10.4": 1, "IV.1.4": 0, "IV.1.5": 0 }, { "VII.10.4": "Quyết định số 1" }, [["warning", "VII.10.4"]]],
    ["vii10_unit_iso_needs_units", { "VII.10.6": 1, "IV.1.4": 0, "IV.1.5": 0 }, {}, [["warning", "VII.10.6"]]],
    ["vii10_unit_iso_needs_units", { "VII.10.5": 1, "IV.1.4": null, "IV.1.2": 1, "IV.1.5": 0 }, {}, []],
    // Eligible procedures above those in force stay a warning (levels counted twice, or district and commune
    // procedures of the sector).
    ["vii3_eligible_le_in_force", { "VII.3.1.1": 10 }, {}, [["warning", "VII.3.2.1"]]],
    ["i2_issues_need_inspection", { "I.2.3": 4, "I.2.1": 0, "I.2.2": 0 }, {}, [["warning", "I.2.3"]]],
    ["iv6_issues_need_inspection", { "IV.6.3": 4, "IV.6.1": 0, "IV.6.2": null }, {}, [["warning", "IV.6.3"]]],
    ["ii3_yes_needs_documents", { "II.3": 1, "II.3.1": 0 }, {}, [["warning", "II.3"]]],
    ["ii3_yes_needs_documents", { "II.3": 1, "II.3.1": null }, {}, []],
    ["iii3_yes_needs_counts", { "III.3": 1, "III.3.1": 0, "III.3.2": 0, "III.3.3": 0 }, {}, [["warning", "III.3"]]],
    ["v3_exam_needs_appointments", { "V.3.1": 1, "V.3.2": 0, "V.3.3": 0, "V.3.4": 0 }, {}, [["warning", "V.3.1"]]],
    ["iv5_leaders_le_staff_present", { "IV.5.2": 60 }, {}, [["warning", "IV.5.3"]]],
    ["iv5_department_leaders_le_civil_servants", { "IV.5.1": 30 }, {}, [["warning", "IV.5.1"]]],
    ["v6_self_funded_disciplined_le_present", { "V.6.5.1": 1, "IV.4.2": 0 }, {}, [["warning", "V.6.5.1"]]],
    ["v6_other_sncl_disciplined_le_present", { "V.6.5.2": 30, "IV.3.2": 22 }, {}, [["warning", "V.6.5.2"]]],
    ["vii3_online_payment_le_provided", { "VII.3.7": 50 }, {}, [["warning", "VII.3.7"]]],
    ["iii4_abolished_note", { "III.4.2": 2 }, { "III.4.2": "" }, [["warning", "III.4.2"]]],
    ["iii5_resolved_note", { "III.5.2": 1, "III.5.1": 1 }, { "III.5.2": "" }, [["warning", "III.5.2"]]],
    ["iii7_on_time_note", { "III.7.3": 100 }, { "III.7.3": "" }, [["warning", "III.7.3"]]],
    ["iv4_decision_note", { "IV.4.1": 3 }, { "IV.4": "" }, [["warning", "IV.4"]]],
    ["iv6_plan_note", { "IV.6.1": 3 }, { "IV.6": "" }, [["warning", "IV.6"]]],
    ["v3_decision_note", { "V.3.3": 1 }, { "V.3": "" }, [["warning", "V.3"]]],
    ["v6_decision_note", { "V.6.4": 1 }, { "V.6": "" }, [["warning", "V.6"]]],
    ["v6_decision_note", { "V.6.4": 1 }, { "V.6": "Quyết định số 12/QĐ-STTTT" }, []],
    ["vi3_sncl_all_in_autonomy_groups", { "IV.1.4": 3 }, {}, [["info", "IV.1.4"]]],
    ["vi3_document_note", { "VI.3.3": 1 }, { "VI.3": "Văn bản số 15/STC-HCSN" }, []],
    ["vi3_document_note", { "VI.3.3": 0 }, {}, []],
    ["vi3_document_note", { "VI.3.3": null, "VI.3.1": 2 }, {}, [["warning", "VI.3"]]],
    ["vii4_reports_note", { "VII.4": 1 }, { "VII.4": "12/15" }, []],
    ["vii4_reports_note", { "VII.4": 0 }, {}, []],
    ["vii4_reports_note", { "VII.4": 1 }, { "VII.4": "" }, [["warning", "VII.4"]]],
  ];
  it.each(cases)("%s on %j", (relation, values, notes, expected) => {
    expect(of(relation, values, notes)).toEqual(expected);
  });

  it("none of them fires on the seed as it is, but the three the seed really breaks", () => {
    const ids = new Set(cases.map((c) => c[0]));
    expect(
      checked(seed)
        .findings.filter((f) => f.relation && ids.has(f.relation))
        .map((f) => [f.relation, f.severity, f.indicator]),
    ).toEqual([
      // 29 survey forms, no satisfaction rate; VI.3.3 = 1 with the note "Văn bản số..."; VII.4 = 1 with the
      // note repeating the template's request.
      ["i7_no_survey_no_rate", "warning", "I.7.3"],
      ["vi3_document_note", "warning", "VI.3"],
      ["vii4_reports_note", "warning", "VII.4"],
    ]);
  });

  it("an implication names a blank row as blank, counted as 0, and says what the answer asks", () => {
    expect(formatFinding(findingOf("iv1_org_divisions_need_orgs", { "IV.1.3": 2 }), "vi", soNganh)).toMatch(
      /^Số phòng ban chuyên môn trong tổ chức hành chính trực thuộc \(D\d+\) = 2 nhưng Số tổ chức hành chính trực thuộc sở ngành \(D\d+\) để trống \(tính là 0\); chỉ tiêu này lớn hơn 0 thì chỉ tiêu đó cũng phải lớn hơn 0\.$/,
    );
    expect(formatFinding(findingOf("iii3_yes_needs_counts", { "III.3": 1, "III.3.1": 0 }), "vi", soNganh)).toMatch(
      /^Đơn giản hóa TTHC \(D\d+\) = 1 \(Có\) nhưng .* = 0, .* để trống và .* để trống, cộng lại bằng 0 \(ô để trống tính là 0\); đã trả lời 1 \(Có\) thì các chỉ tiêu đó cộng lại phải lớn hơn 0\. /,
    );
    expect(formatFinding(findingOf("iv1_org_divisions_need_orgs", { "IV.1.3": 2 }), "en", soNganh)).toContain("is blank (a blank counts as 0); when this row is above 0, that row must be above 0 too.");
  });

  it("a group row's note names the group and the row that asks for it; a 'no' lists the counts above 0", () => {
    expect(formatFinding(findingOf("vi3_document_note", {}), "vi", soNganh)).toMatch(
      /^Số đơn vị SNCL đã thực hiện tự chủ một phần chi thường xuyên \(D\d+\) = 1 nên dòng nhóm “Số lượng đơn vị sự nghiệp công lập thực hiện cơ chế tự chủ” cần ghi chú ở ô E\d+ \(mẫu yêu cầu: “Văn bản số...”\), nhưng ghi chú chỉ nhắc lại hướng dẫn của mẫu\.$/,
    );
    expect(formatFinding(findingOf("vi3_document_note", {}), "en", soNganh)).toContain("= 1, so group row “Số lượng đơn vị sự nghiệp công lập thực hiện cơ chế tự chủ” needs a note in E");
    expect(formatFinding(findingOf("iii3_simplify_flag_vs_counts", { "III.3": 0, "III.3.1": 2, "III.3.2": 1 }), "vi", soNganh)).toMatch(
      /^Đơn giản hóa TTHC \(D\d+\) = 0 \(Không\) nhưng .* \(D\d+\) = 2 và Giảm thành phần hồ sơ \(D\d+\) = 1 lớn hơn 0\.$/,
    );
  });

  it("every finding reads without gaps in both languages", () => {
    for (const [relation, values, notes, expected] of cases) {
      if (expected.length === 0) continue;
      const f = findingOf(relation, values, notes);
      for (const lang of ["vi", "en"] as const) expect(formatFinding(f, lang, soNganh)).not.toMatch(/undefined|null|NaN/);
    }
  });
});

describe("each count and the rate against the year's plan computed from it (the count is the rate's numerator)", () => {
  it.each([
    ["iv1_cut_orgs_rate", "IV.1.6", "IV.1.7"],
    ["iv1_cut_sncl_divisions_rate", "IV.1.9", "IV.1.10"],
    ["iv2_downsized_rate", "IV.2.4", "IV.2.5"],
    ["iv3_downsized_rate", "IV.3.3", "IV.3.4"],
  ] as const)("%s: %s = 0 ⇔ %s = 0, a blank rate (no plan) accepted", (relation, count, rate) => {
    // Nothing counted, a rate above 0; something counted, a rate of 0: both errors, on the rate.
    expect(of(relation, { [count]: 0, [rate]: 25 })).toEqual([["error", rate]]);
    expect(of(relation, { [count]: 2, [rate]: 0 })).toEqual([["error", rate]]);
    // A blank rate is the department without a plan for the year: no finding either way.
    expect(of(relation, { [count]: 2, [rate]: null })).toEqual([]);
    expect(of(relation, { [count]: 0, [rate]: null })).toEqual([]);
    expect(of(relation, { [count]: 0, [rate]: 0 })).toEqual([]);
    expect(of(relation, { [count]: 2, [rate]: 50 })).toEqual([]);
    // A blank count says nothing.
    expect(of(relation, { [count]: null, [rate]: 40 })).toEqual([]);
  });
});

describe("more of each implication row, on edited seeds", () => {
  it("divisions inside subordinate units need those units, a blank unit count being none", () => {
    expect(of("iv1_org_divisions_need_orgs", { "IV.1.3": 2, "IV.1.2": 0 })).toEqual([["error", "IV.1.3"]]);
    expect(of("iv1_sncl_divisions_need_sncl", { "IV.1.4": null })).toEqual([["error", "IV.1.5"]]);
    expect(of("iv1_sncl_divisions_need_sncl", {})).toEqual([]);
  });

  it("people at fully self-funded units alone (IV.4.2) also need a public service unit (IV.1.4)", () => {
    expect(of("iv3_sncl_staff_need_sncl", { "IV.3.2": 0, "IV.4.2": 3, "IV.1.4": 0, "IV.1.5": 0 })).toEqual([["warning", "IV.4.2"]]);
    expect(of("iv3_sncl_staff_need_sncl", { "IV.1.4": null, "IV.1.5": 0 })).toEqual([["warning", "IV.3.2"]]);
    expect(of("iv3_sncl_staff_need_sncl", { "IV.3.2": 0, "IV.4.2": 0, "IV.1.4": 0, "IV.1.5": 0 })).toEqual([]);
  });

  it("each of VII.10.4, VII.10.5, VII.10.6 answered 1 needs subordinate units", () => {
    for (const id of ["VII.10.4", "VII.10.5", "VII.10.6"]) {
      expect(of("vii10_unit_iso_needs_units", { [id]: 1, "IV.1.4": 0, "IV.1.5": 0 }, { "VII.10.4": "Quyết định số 1" })).toEqual([["warning", id]]);
    }
    // Answered 0, nothing is implied.
    expect(of("vii10_unit_iso_needs_units", { "IV.1.4": 0, "IV.1.5": 0 })).toEqual([]);
  });

  it("a yes needs its figures only once they are filled (III.3, V.3.1)", () => {
    expect(of("iii3_yes_needs_counts", { "III.3": 1 })).toEqual([]);
    expect(of("iii3_yes_needs_counts", { "III.3": 1, "III.3.2": 2 }, { "III.3.2": "TTHC A - 2 giấy tờ" })).toEqual([]);
    expect(of("v3_exam_needs_appointments", { "V.3.1": 1 })).toEqual([]);
    expect(of("v3_exam_needs_appointments", { "V.3.1": 1, "V.3.4": 0 })).toEqual([["warning", "V.3.1"]]);
    expect(of("v3_exam_needs_appointments", { "V.3.1": 0, "V.3.2": 0, "V.3.3": 0, "V.3.4": 0 })).toEqual([]);
  });

  it("files resolved with an on-time rate of 0 is a warning (none on time is rare)", () => {
    expect(of("iii7_no_results_no_on_time_rate", { "III.7.2": 5, "III.7.3": 0 })).toEqual([["warning", "III.7.3"]]);
  });

  it.each([
    ["iv4_decision_note", "IV.4", ["IV.4.1", "IV.4.2"]],
    ["iv6_plan_note", "IV.6", ["IV.6.1", "IV.6.2", "IV.6.3", "IV.6.4"]],
    ["v3_decision_note", "V.3", ["V.3.2", "V.3.3", "V.3.4"]],
    ["v6_decision_note", "V.6", ["V.6.1", "V.6.2", "V.6.3", "V.6.4", "V.6.5"]],
    ["vi3_document_note", "VI.3", ["VI.3.1", "VI.3.2", "VI.3.3", "VI.3.4"]],
  ] as const)("%s: any of the group %s's rows above 0 asks for the group's note", (relation, group, subRows) => {
    const none = Object.fromEntries(subRows.map((id) => [id, 0]));
    expect(of(relation, none, { [group]: "" })).toEqual([]);
    for (const id of subRows) {
      expect(of(relation, { ...none, [id]: 1 }, { [group]: "" })).toEqual([["warning", group]]);
      expect(of(relation, { ...none, [id]: 1 }, { [group]: "Văn bản số 15/QĐ-STTTT ngày 02/3/2023" })).toEqual([]);
    }
  });

  it("VII.10.4 = 0 with the reason written asks nothing more; with the template's words only, it asks for the reason", () => {
    expect(of("vii10_unit_iso_reason_note", {}, { "VII.10.4": "Trung tâm chưa đủ điều kiện áp dụng ISO 9001:2015" })).toEqual([]);
    expect(of("vii10_unit_iso_reason_note", {}, { "VII.10.4": "" })).toEqual([["warning", "VII.10.4"]]);
  });
});

describe("what a reviewer does not ask (the seed or practice breaks it legitimately)", () => {
  /** The relation findings an edit adds to those of the seed as it is. */
  const seedRelations = new Set(checked(seed).findings.flatMap((f) => (f.relation ? [`${f.relation} ${f.indicator}`] : [])));
  const implied = (values: Record<string, CellValue>) =>
    checked(edited(values)).findings.filter((f) => f.relation && !seedRelations.has(`${f.relation} ${f.indicator}`));
  it("III.1 = 1 with no procedure reviewed is fine", () => {
    expect(implied({ "III.1": 1, "III.1.1": 0 })).toEqual([]);
  });
  it("files or procedures returned by post above those received by post (handed in at the counter) is fine", () => {
    expect(implied({ "VII.9.4": 1, "VII.9.5": 3, "VII.9.3": 1, "VII.9.2": 1 })).toEqual([]);
    expect(implied({ "VII.9.4": 1, "VII.9.5": 3, "VII.9.3": 3, "VII.9.2": 1 })).toEqual([]);
  });
  it("issues found by specialised inspection with no public body inspected is fine (businesses are inspected too)", () => {
    expect(implied({ "IV.7.4": 3, "IV.7.1": 0, "IV.7.2": 0, "IV.7.3": 0 })).toEqual([]);
  });
  it("no relation of the form reads those pairs the wrong way", () => {
    const reads = (r: (typeof soNganh.relations)[number]) => JSON.stringify(r);
    const between = (a: string, b: string) =>
      soNganh.relations.filter((r) => reads(r).includes(`"${a}"`) && reads(r).includes(`"${b}"`)).map((r) => r.id);
    expect(between("III.1", "III.1.1")).toEqual(["iii1_control_flag_vs_reviewed"]);
    expect(between("VII.9.4", "VII.9.5")).toEqual([]);
    expect(between("VII.9.2", "VII.9.3")).toEqual([]);
    for (const id of ["IV.7.1", "IV.7.2", "IV.7.3"]) expect(between("IV.7.4", id)).toEqual([]);
  });
});

describe("readings of the form a reviewer applies, each on an edited seed", () => {
  /** The cell findings of some rows on an edited seed, as [code, severity, indicator]. */
  const cellFindings = (ids: readonly string[], values: Record<string, CellValue>, units: Record<string, string> = {}) =>
    checked(edited(values, {}, units))
      .findings.filter((f) => ids.includes(f.indicator) && !f.relation)
      .map((f) => [f.code, f.severity, f.indicator]);

  it.each([
    ["IV.1.7", { "IV.1.6": 3, "IV.1.7": 150 }],
    ["IV.1.10", { "IV.1.9": 2, "IV.1.10": 120 }],
    ["IV.2.5", { "IV.2.4": 4, "IV.2.5": 133.33 }],
    ["IV.3.4", { "IV.3.3": 5, "IV.3.4": 125 }],
  ] as const)("%s, a rate against the year's plan, above 100 is a warning, not an error", (id, values) => {
    const found = checked(edited(values)).findings.filter((f) => f.indicator === id);
    expect(found.map((f) => [f.code, f.severity])).toEqual([["percent_above_plan", "warning"]]);
    expect(formatFinding(found[0], "vi", soNganh)).toContain("khi đã thực hiện vượt kế hoạch");
  });

  it("a rate against the plan still may not be negative, and any other rate may not pass 100", () => {
    expect(cellFindings(["IV.2.5"], { "IV.2.4": 4, "IV.2.5": -5 })).toEqual([["percent_out_of_range", "error", "IV.2.5"]]);
    expect(cellFindings(["I.7.3"], { "I.7.3": 120 })).toEqual([["percent_out_of_range", "error", "I.7.3"]]);
    expect(cellFindings(["III.7.3"], { "III.7.3": 101 })).toEqual([["percent_out_of_range", "error", "III.7.3"]]);
  });

  it("a rate above its plan still feeds its relations (150 with nothing cut is the count/rate error)", () => {
    expect(of("iv1_cut_orgs_rate", { "IV.1.6": 0, "IV.1.7": 150 })).toEqual([["error", "IV.1.7"]]);
  });

  it.each(["Không vi phạm", "không có vi phạm", "Chấp hành tốt", "khong vi pham"])("I.8 written %p reads as Tốt = 1", (word) => {
    const f = checked(edited({ "I.8": word })).findings.filter((x) => x.indicator === "I.8");
    expect(f.map((x) => [x.code, x.severity, x.expected])).toEqual([["code_as_word", "warning", 1]]);
  });

  it("I.8 written 'Có vi phạm' still reads as 0 and asks for the breach", () => {
    const f = checked(edited({ "I.8": "Có vi phạm" }, { "I.8": "" })).findings.filter((x) => x.indicator === "I.8");
    expect(f.map((x) => [x.code, x.expected])).toEqual([["code_as_word", 0], ["note_missing", null]]);
  });

  it("I.3.4 printed 'Tin, bài' holding a count above 1 reads as Có with a warning, never an error", () => {
    const result = checked(edited({ "I.3.4": 15 }));
    const f = result.findings.filter((x) => x.indicator === "I.3.4");
    expect(f.map((x) => [x.code, x.severity, x.actual, x.expected])).toEqual([["count_as_yes", "warning", 15, 1]]);
    expect(result.findings.filter((x) => x.severity === "error")).toEqual([]);
    expect(formatFinding(f[0], "vi", soNganh)).toContain("“Tin, bài”");
    expect(formatFinding(f[0], "vi", soNganh)).toContain("nên đã hiểu là 1 (Có)");
  });

  it("I.3.4 printed 'Tin, bài': 0 and 1 are the codes themselves; a fraction is still no answer", () => {
    expect(cellFindings(["I.3.4"], { "I.3.4": 0 })).toEqual([]);
    expect(cellFindings(["I.3.4"], { "I.3.4": 1 })).toEqual([]);
    expect(cellFindings(["I.3.4"], { "I.3.4": 2.5 })).toEqual([["code_not_allowed", "error", "I.3.4"]]);
    // Read as Có, the count does not break "Không ⇒ no articles".
    expect(of("i3_media_flag_vs_articles", { "I.3.4": 15 })).toEqual([]);
  });

  it("I.3.4 printed with its yes/no unit: a count is not read as Có", () => {
    expect(cellFindings(["I.3.4"], { "I.3.4": 15 }, { "I.3.4": "Không = 0 Có = 1" })).toEqual([["code_not_allowed", "error", "I.3.4"]]);
  });

  it("VII.10.4–6 left blank are not asked of a department without subordinate units (IV.1.2 + IV.1.4 = 0)", () => {
    const blanks = { "VII.10.4": null, "VII.10.5": null, "VII.10.6": null };
    const ids = ["VII.10.4", "VII.10.5", "VII.10.6"];
    expect(cellFindings(ids, { ...blanks, "IV.1.4": 0, "IV.1.5": 0 })).toEqual([]);
    expect(cellFindings(ids, { ...blanks, "IV.1.4": null, "IV.1.5": 0 })).toEqual([]);
    expect(cellFindings(ids, blanks)).toEqual(ids.map((id) => ["flag_blank", "warning", id]));
    expect(cellFindings(ids, { ...blanks, "IV.1.4": 0, "IV.1.5": 0, "IV.1.2": 2 })).toEqual(ids.map((id) => ["flag_blank", "warning", id]));
  });

  it("I.7.2, the survey's form, is not asked when no survey was made, and is when there was one", () => {
    expect(cellFindings(["I.7.2"], { "I.7.2": null, "I.7.1": 0 })).toEqual([]);
    expect(cellFindings(["I.7.2"], { "I.7.2": null, "I.7.1": null })).toEqual([]);
    expect(cellFindings(["I.7.2"], { "I.7.2": null })).toEqual([["flag_blank", "warning", "I.7.2"]]);
  });

  it("a note citing an answer on a blank VII.10.4 is still said, units or not", () => {
    const f = checked(edited({ "VII.10.4": null, "IV.1.4": 0, "IV.1.5": 0 }, { "VII.10.4": "Quyết định số 20/QĐ-TTCNTT" }));
    expect(f.findings.filter((x) => x.indicator === "VII.10.4").map((x) => x.code)).toEqual(["flag_blank_with_note"]);
  });
});
