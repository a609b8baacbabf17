/**
 * Verdicts that are true: ready only when nothing is left, a bound shown as a bound, a typed total never offered as
 * an overwrite, and nothing filled or fixed from inputs in error.
 */
import { cellA1 } from "../../src/core/address";
import type { Template } from "../../src/core/catalog/model";
import type { Finding } from "../../src/core/finding";
import { expectationText, readinessText } from "../../src/core/messages";
import { allDue, readiness } from "../../src/core/readiness";
import { checked, testTemplate } from "./rulesFixture";

/** Every row of the test template answered, consistently: nothing left. */
const complete = {
  "I.1": 87.23,
  "I.1.1": 47,
  "I.1.2": 41,
  "I.2.1": 3,
  "I.2.2": 2,
  "I.3": 1,
  "I.3.1": 4,
  "I.4": 1,
  "I.5": 2,
  "I.6.1": 5,
  "I.6.2": 2,
  "I.6.3": 3,
};

describe("readiness: ready means no error, every due indicator answered, every warning acknowledged", () => {
  it("is ready when every indicator is answered and nothing is wrong", () => {
    const s = checked(complete);
    expect(s.findings).toEqual([]);
    expect(s.unanswered).toEqual([]);
    expect(readiness(s)).toEqual({ ready: true, errors: 0, unanswered: 0, unreviewed: 0 });
  });

  it("is not ready on an empty template: no error and few warnings, but nothing answered", () => {
    const s = checked({});
    expect(s.findings.filter((f) => f.severity === "error")).toEqual([]);
    const r = readiness(s);
    // every count, %, flag and choice row (12 of the 15 rows: two groups and a text row take no answer)
    expect(r).toEqual({ ready: false, errors: 0, unanswered: 12, unreviewed: 0 });
    expect(readinessText(r, "vi")).toEqual({ title: "Chưa sẵn sàng gửi", body: "Còn 12 chỉ tiêu chưa nhập." });
    expect(readinessText(r, "en")).toEqual({ title: "Not ready to send", body: "Left: 12 indicators not answered." });
  });

  it("counts an unanswered yes/no question once, as unanswered, not also as its warning", () => {
    const s = checked({ ...complete, "I.3": null, "I.3.1": 4 });
    expect(s.findings.map((f) => f.code)).toContain("flag_blank");
    expect(s.unanswered.map((u) => u.indicator)).toEqual(["I.3"]);
    expect(readiness(s)).toEqual({ ready: false, errors: 0, unanswered: 1, unreviewed: 0 });
  });

  it("a dash is an answer (none); a blank rate the fill would compute is not yet one", () => {
    const s = checked({ ...complete, "I.2.1": "-", "I.2.2": "-", "I.1": null });
    expect(s.unanswered.map((u) => u.indicator)).toEqual(["I.1"]);
    expect(readiness(s).unanswered).toBe(1);
  });

  it("needs every warning acknowledged; an error can never be acknowledged away", () => {
    const warned = checked({ ...complete, "I.2.2": 5 });
    const w = warned.findings.find((f) => f.code === "part_exceeds_whole")!;
    expect(w.severity).toBe("warning");
    expect(readiness(warned)).toEqual({ ready: false, errors: 0, unanswered: 0, unreviewed: 1 });
    expect(readiness(warned, (f) => f === w)).toEqual({ ready: true, errors: 0, unanswered: 0, unreviewed: 0 });

    const wrong = checked({ ...complete, "I.1.2": 50, "I.1": null });
    const r = readiness(wrong, () => true);
    // 50 done of 47 tasks is the one error; the blank rate over it is a warning, acknowledged here with the rest.
    expect(wrong.findings.filter((f) => f.severity === "error").map((f) => [f.code, f.indicator])).toEqual([["part_exceeds_whole", "I.1.2"]]);
    expect(r).toEqual({ ready: false, errors: 1, unanswered: 1, unreviewed: 0 });
    expect(readinessText(r, "vi").body).toBe("Còn 1 lỗi, 1 chỉ tiêu chưa nhập.");
  });

  it("says everything left in one sentence, in each language", () => {
    const r = { ready: false, errors: 1, unanswered: 23, unreviewed: 2 };
    expect(readinessText(r, "vi").body).toBe("Còn 1 lỗi, 23 chỉ tiêu chưa nhập, 2 cảnh báo chưa xem.");
    expect(readinessText(r, "en").body).toBe("Left: 1 error, 23 indicators not answered, 2 warnings not reviewed.");
    expect(readinessText({ ready: true, errors: 0, unanswered: 0, unreviewed: 0 }, "vi").title).toBe("Sẵn sàng gửi");
  });

  it("asks only for the indicators due in the report's period (rows with `periods`)", () => {
    const annualOnly: Template = {
      ...testTemplate,
      indicators: testTemplate.indicators.map((i) => (i.id === "I.5" ? { ...i, periods: ["nam"] } : i)),
    };
    const values = { ...complete, "I.5": null };
    const quarter = checked(values, {}, annualOnly);
    // the fixture's sheet has no title: the period is unknown, so every row is due
    expect(quarter.unanswered.map((u) => u.indicator)).toEqual(["I.5"]);
    expect(allDue(annualOnly, "quy1").map((u) => u.indicator)).not.toContain("I.5");
    expect(allDue(annualOnly, "nam").map((u) => u.indicator)).toContain("I.5");
  });
});

describe("expected values and limits", () => {
  const text = (f: Finding, lang: "vi" | "en" = "vi") => expectationText(f, lang);
  const only = (values: Record<string, unknown>, code: string) => {
    const f = checked(values as never).findings.find((x) => x.code === code);
    if (!f) throw new Error(`no ${code}`);
    return f;
  };

  it.each([
    ["a count of -3 must be ≥ 0, not 'should be 0'", { "I.2.1": -3 }, "count_negative", "Phải ≥", "0", "Must be ≥"],
    ["a 120% rate must be ≤ 100", { "I.1": 120 }, "percent_out_of_range", "Phải ≤", "100", "Must be ≤"],
    ["a -5% rate must be ≥ 0", { "I.1": -5 }, "percent_out_of_range", "Phải ≥", "0", "Must be ≥"],
    ["parts above their whole: ≤ the whole", { "I.1.1": 47, "I.1.2": 50 }, "part_exceeds_whole", "Phải ≤", "47", "Must be ≤"],
  ])("%s", (_n, values, code, vi, value, en) => {
    const f = only(values, code);
    expect(f.expected).toBeNull();
    expect(text(f)).toEqual({ label: vi, value, kind: "limit" });
    expect(text(f, "en")?.label).toBe(en);
  });

  it("1,5 people expects nothing: neither 1 nor 2 is known", () => {
    const f = only({ "I.2.1": 1.5 }, "count_not_whole");
    expect(f.expected).toBeNull();
    expect(f.limit).toBeUndefined();
    expect(text(f)).toBeNull();
  });

  it("a value the reading determines is expected ('02' is 2); a likely reading says so (0,87 is probably 87)", () => {
    expect(text(only({ "I.2.1": "02" }, "number_stored_as_text"))).toEqual({ label: "Cần là", value: "2", kind: "value" });
    expect(text(only({ "I.1": 0.87 }, "percent_as_fraction"))).toEqual({ label: "Có lẽ là", value: "87", kind: "reading" });
  });

  it("a typed rate against its inputs shows what the other cells give, not an answer", () => {
    const f = only({ "I.1": 80, "I.1.1": 47, "I.1.2": 41 }, "rate_mismatch");
    expect(text(f)).toEqual({ label: "Tính từ các ô khác", value: "87,23", kind: "derived" });
  });
});

describe("a typed total is never offered as an overwrite", () => {
  it("parts and a correct total disagree once a part changes: said, with no fix, and not in the fill's conflicts", () => {
    // D22 = 5 was right for 2 + 3; the clerk changes the part D23 to 6.
    const s = checked({ ...complete, "I.6.2": 6 });
    const f = s.findings.find((x) => x.code === "sum_mismatch")!;
    expect([cellA1(f.cell), f.actual, f.expected, f.expectedKind, f.fix]).toEqual(["D22", 5, 9, "derived", null]);
    expect(s.conflicts).toEqual([]);
    expect(s.patches).toEqual([]);
  });

  it("a typed total that differs once a blank part's total is computed is not offered either", () => {
    const s = checked({ ...complete, "I.6.1": "-" });
    const f = s.findings.find((x) => x.code === "computed_value_conflict")!;
    expect(cellA1(f.cell)).toBe("D22");
    expect(f.fix).toBeNull();
    expect(s.conflicts).toEqual([]);
  });

  it("a dash in a rate is still offered (a rate follows from its inputs), to be confirmed", () => {
    const s = checked({ ...complete, "I.1": "-" });
    expect(s.conflicts.map((f) => [f.code, cellA1(f.cell), f.fix?.formula])).toEqual([["computed_value_conflict", "D11", "=ROUND(D13/D12*100,2)"]]);
  });
});

describe("nothing is filled or fixed from inputs in error", () => {
  it("D14 = 50 above D13 = 47: the rate is not filled, and the finding names the inputs to fix", () => {
    const s = checked({ ...complete, "I.1": null, "I.1.2": 50 });
    expect(s.patches).toEqual([]);
    const f = s.findings.find((x) => x.code === "computed_value_blocked");
    expect(f).toBeDefined();
    if (f?.code !== "computed_value_blocked") return;
    expect(f.detail.reason).toBe("inputs_in_error");
    expect(f.detail.value).toBe(106.38);
    expect(f.detail.toFix.map((i) => [i.indicator, cellA1(i.cell!), i.value])).toEqual([
      ["I.1.2", "D13", 50],
      ["I.1.1", "D12", 47],
    ]);
    expect(f.fix).toBeNull();
    expect(s.findings.some((x) => x.code === "computed_value_missing")).toBe(false);
  });

  it("a typed rate whose inputs are in error is not offered a fix either", () => {
    const s = checked({ ...complete, "I.1": 95, "I.1.2": 50 });
    const f = s.findings.find((x) => x.code === "rate_mismatch")!;
    expect(f.fix).toBeNull();
    expect(s.conflicts).toEqual([]);
  });

  it("an input that is no number at all (words in a count): the rate stays blank and the finding names that input", () => {
    const s = checked({ ...complete, "I.1": null, "I.1.2": "nhiều" });
    expect(s.patches).toEqual([]);
    const f = s.findings.find((x) => x.code === "computed_value_blocked");
    if (f?.code !== "computed_value_blocked") throw new Error("no computed_value_blocked");
    expect([cellA1(f.cell), f.detail.reason, f.detail.value, f.detail.formula]).toEqual(["D11", "inputs_in_error", null, null]);
    expect(f.detail.toFix.map((i) => [i.indicator, cellA1(i.cell!), i.value])).toEqual([["I.1.2", "D13", null]]);
    expect(s.findings.find((x) => cellA1(x.cell) === "D13")?.severity).toBe("error");
  });

  it("a part that is no number at all: the total stays blank, named as such; a blank part alone blocks nothing", () => {
    const s = checked({ ...complete, "I.6.1": null, "I.6.3": "ba" });
    expect(s.patches).toEqual([]);
    const f = s.findings.find((x) => x.code === "computed_value_blocked");
    if (f?.code !== "computed_value_blocked") throw new Error("no computed_value_blocked");
    expect([cellA1(f.cell), f.detail.toFix.map((i) => cellA1(i.cell!))]).toEqual(["D22", ["D24"]]);
    const blank = checked({ ...complete, "I.6.1": null, "I.6.3": null });
    expect(blank.findings.some((x) => x.code === "computed_value_blocked")).toBe(false);
  });

  it("a total with a negative part is not filled (a rejected value feeds nothing), and says which part to fix", () => {
    const s = checked({ ...complete, "I.6.1": null, "I.6.2": -2 });
    expect(s.patches).toEqual([]);
    expect(s.findings.map((f) => [f.code, cellA1(f.cell)])).toEqual([
      ["count_negative", "D23"],
      ["computed_value_blocked", "D22"],
    ]);
  });

  it("a rate whose value would break its own rule is not filled, with every input named", () => {
    // No part_of_whole between these two: only the rate's own 0–100 rule stops 150.
    const loose: Template = { ...testTemplate, relations: testTemplate.relations.filter((r) => r.id !== "done_le_planned") };
    const s = checked({ ...complete, "I.1": null, "I.1.2": 60, "I.1.1": 40 }, {}, loose);
    expect(s.patches).toEqual([]);
    const f = s.findings.find((x) => x.code === "computed_value_blocked");
    if (f?.code !== "computed_value_blocked") throw new Error("no computed_value_blocked");
    expect([f.detail.reason, f.detail.value, f.detail.toFix.map((i) => i.indicator)]).toEqual(["value_rejected", 150, ["I.1.2", "I.1.1"]]);
  });

  it("sound inputs still fill", () => {
    const s = checked({ ...complete, "I.1": null });
    expect(s.patches.map((p) => [cellA1(p.cell), p.value])).toEqual([["D11", 87.23]]);
  });
});
