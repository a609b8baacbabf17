import { periodLabel, periodSpanLabel } from "../../src/core/messages/period";
import {
  dayText,
  isoDay,
  isPeriodKind,
  isReportPeriod,
  kindFromMonths,
  parsePeriodKey,
  periodDates,
  periodKey,
  periodKinds,
  reportPeriods,
  samePeriod,
  type Period,
} from "../../src/core/period";

describe("the reporting period", () => {
  it("knows seven kinds, four of which the report is made for (the year first)", () => {
    expect(periodKinds).toEqual(["quy1", "quy2", "6thang", "quy3", "9thang", "quy4", "nam"]);
    expect(reportPeriods).toEqual(["nam", "6thang", "quy1", "quy3"]);
    expect(periodKinds.filter(isReportPeriod)).toEqual(["quy1", "6thang", "quy3", "nam"]);
    expect([isPeriodKind("9thang"), isPeriodKind("quy5"), isReportPeriod("quy2"), isPeriodKind(undefined)]).toEqual([true, false, false, false]);
  });

  it.each([
    ["nam/2023", { kind: "nam", year: 2023 }],
    [" 6THANG/2024 ", { kind: "6thang", year: 2024 }],
    ["quy1/2025", { kind: "quy1", year: 2025 }],
    ["quy5/2025", null],
    ["nam/23", null],
    ["2023", null],
  ])("parses the key %j", (text, period) => {
    expect(parsePeriodKey(text)).toEqual(period);
  });

  it("keys a period by kind and year, and reads its key back", () => {
    expect(periodKey({ kind: "quy1", year: null })).toBe("quy1/?");
    const ranged: Period = { kind: "nam", year: 2023, from: "15/12/2022" };
    expect(periodKey(ranged)).toBe("nam/2023");
    for (const kind of periodKinds) expect(parsePeriodKey(periodKey({ kind, year: 2024 }))).toEqual({ kind, year: 2024 });
  });

  it.each<[Period, Period, boolean]>([
    [{ kind: "nam", year: 2023 }, { kind: "nam", year: 2023 }, true],
    [{ kind: "nam", year: 2023 }, { kind: "nam", year: 2024 }, false],
    [{ kind: "nam", year: 2023 }, { kind: "6thang", year: 2023 }, false],
    [{ kind: "quy1", year: null }, { kind: "quy1", year: 2024 }, true],
  ])("%j same as %j: %s", (a, b, same) => {
    expect(samePeriod(a, b)).toBe(same);
  });

  it("gives each period's days (15/12 of the year before to the 14th; quarters II-IV on their own), and the kind back from them", () => {
    const days = (k: (typeof periodKinds)[number]) => {
      const { from, to } = periodDates(k, 2024);
      return { from: dayText(from), to: dayText(to) };
    };
    expect(periodKinds.map((k) => [k, days(k)])).toEqual([
      ["quy1", { from: "15/12/2023", to: "14/3/2024" }],
      ["quy2", { from: "15/3/2024", to: "14/6/2024" }],
      ["6thang", { from: "15/12/2023", to: "14/6/2024" }],
      ["quy3", { from: "15/6/2024", to: "14/9/2024" }],
      ["9thang", { from: "15/12/2023", to: "14/9/2024" }],
      ["quy4", { from: "15/9/2024", to: "14/12/2024" }],
      ["nam", { from: "15/12/2023", to: "14/12/2024" }],
    ]);
    expect(isoDay(periodDates("quy1", 2024).from)).toBe("2023-12-15");
    for (const kind of periodKinds) {
      const { from, to } = periodDates(kind, 2024);
      expect(kindFromMonths(from.month, to.month)).toBe(kind);
    }
  });

  it("is said the same way everywhere, in both languages", () => {
    expect(periodKinds.map((kind) => periodLabel({ kind, year: 2024 }, "vi"))).toEqual([
      "Quý I năm 2024",
      "Quý II năm 2024",
      "6 tháng đầu năm 2024",
      "Quý III năm 2024",
      "9 tháng năm 2024",
      "Quý IV năm 2024",
      "Năm 2024",
    ]);
    expect(periodKinds.map((kind) => periodLabel({ kind, year: 2024 }, "en"))).toEqual([
      "Q1 2024",
      "Q2 2024",
      "First six months 2024",
      "Q3 2024",
      "Nine months 2024",
      "Q4 2024",
      "Year 2024",
    ]);
    expect([periodLabel({ kind: "nam", year: null }, "vi"), periodLabel(null, "vi"), periodLabel(null, "en")]).toEqual(["Cả năm", "Chưa xác định", "Unknown"]);
  });
});

describe("a kind of period with its days, as the pane's choice lists it", () => {
  it("words the report's periods from their dates, in both languages", () => {
    expect(reportPeriods.map((k) => periodSpanLabel(k, "vi"))).toEqual([
      "Năm (15/12 năm trước – 14/12)",
      "6 tháng (15/12 năm trước – 14/6)",
      "Quý I (15/12 năm trước – 14/3)",
      "Quý III (15/6 – 14/9)",
    ]);
    expect(reportPeriods.map((k) => periodSpanLabel(k, "en"))).toEqual([
      "Year (15/12 of the previous year – 14/12)",
      "6 months (15/12 of the previous year – 14/6)",
      "Quarter I (15/12 of the previous year – 14/3)",
      "Quarter III (15/6 – 14/9)",
    ]);
  });

  it("says the other kinds too: a quarter its own three months, 9 months from the year before", () => {
    expect(periodSpanLabel("quy2", "vi")).toBe("Quý II (15/3 – 14/6)");
    expect(periodSpanLabel("quy4", "en")).toBe("Quarter IV (15/9 – 14/12)");
    expect(periodSpanLabel("9thang", "vi")).toBe("9 tháng (15/12 năm trước – 14/9)");
  });
});
