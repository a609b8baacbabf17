/**
 * Reporting periods: their kinds, the dates each covers, and the "nam/2023" key the command line and the
 * consolidation use. The one home of the period; its words are in src/core/messages/period.ts, and reading it from a
 * title block or a file name is src/core/titleInfo.ts.
 */

/** Every kind of period a report may cover, in the order of the year (a quarter before the period ending with it). */
export const periodKinds = ["quy1", "quy2", "6thang", "quy3", "9thang", "quy4", "nam"] as const;

/** A kind of reporting period: a quarter, 6 or 9 months (cumulative), or the year. */
export type PeriodKind = (typeof periodKinds)[number];

/**
 * The periods the CCHC report is made for (Bộ Nội vụ 581/BNV-CCHC), the year first: the template's title, the
 * pane's choice, the settings and `cchc template --period`.
 */
export const reportPeriods = ["nam", "6thang", "quy1", "quy3"] as const satisfies readonly PeriodKind[];

/** A period the report is made for. */
export type ReportPeriod = (typeof reportPeriods)[number];

/** The period an appendix reports on. `from`/`to` are "d/m/yyyy" as written, when the title gives them. */
export interface Period {
  readonly kind: PeriodKind;
  readonly year: number | null;
  readonly from?: string;
  readonly to?: string;
}

/** Whether a value (an argument, a stored setting) names a kind of period. */
export function isPeriodKind(value: unknown): value is PeriodKind {
  return (periodKinds as readonly unknown[]).includes(value);
}

/** Whether a value names a period the report is made for. */
export function isReportPeriod(value: unknown): value is ReportPeriod {
  return (reportPeriods as readonly unknown[]).includes(value);
}

/** "nam/2023" ("nam/?" without a year): equal keys mean the same period. */
export function periodKey(p: Pick<Period, "kind" | "year">): string {
  return `${p.kind}/${p.year ?? "?"}`;
}

/** "nam/2023" (case and spaces around ignored) -> the period; null when it is not one, or has no 4-digit year. */
export function parsePeriodKey(text: string): Period | null {
  const m = /^([a-z0-9]+)\/(\d{4})$/.exec(text.trim().toLowerCase());
  return m && isPeriodKind(m[1]) ? { kind: m[1], year: Number(m[2]) } : null;
}

/** Same kind of report and, where both are known, the same year. */
export function samePeriod(a: Pick<Period, "kind" | "year">, b: Pick<Period, "kind" | "year">): boolean {
  return a.kind === b.kind && (a.year === null || b.year === null || a.year === b.year);
}

/** A day of the calendar. */
export interface Day {
  readonly day: number;
  readonly month: number;
  readonly year: number;
}

/**
 * The days a period covers: periods end on the 14th of the quarter's last month and cumulative ones start on 15/12 of
 * the year before (quý I: 15/12/2023–14/3/2024); quý II, III and IV cover their own three months (quý III: 15/6–14/9).
 */
export function periodDates(kind: PeriodKind, year: number): { readonly from: Day; readonly to: Day } {
  const endMonth: Readonly<Record<PeriodKind, number>> = { quy1: 3, quy2: 6, "6thang": 6, quy3: 9, "9thang": 9, quy4: 12, nam: 12 };
  const quarter = kind === "quy2" || kind === "quy3" || kind === "quy4";
  const from = quarter ? { day: 15, month: endMonth[kind] - 3, year } : { day: 15, month: 12, year: year - 1 };
  return { from, to: { day: 14, month: endMonth[kind], year } };
}

/**
 * A cumulative period runs from 15/12 of the year before (quý I, 6 tháng, 9 tháng, năm); quý II, III and IV cover only
 * their own three months, so a row marked "lũy kế" spans more than such a period.
 */
export function isCumulativePeriod(kind: PeriodKind): boolean {
  return kind !== "quy2" && kind !== "quy3" && kind !== "quy4";
}

/** "15/12/2023", as the report writes a day. */
export function dayText(d: Day): string {
  return `${d.day}/${d.month}/${d.year}`;
}

/** "2023-12-15". */
export function isoDay(d: Day): string {
  return `${d.year}-${String(d.month).padStart(2, "0")}-${String(d.day).padStart(2, "0")}`;
}

/** The kind of a period from the months of its first and last day (the inverse of `periodDates`); null for others. */
export function kindFromMonths(fromMonth: number, toMonth: number): PeriodKind | null {
  if (toMonth === 3) return "quy1";
  if (toMonth === 6) return fromMonth === 3 ? "quy2" : "6thang";
  if (toMonth === 9) return fromMonth === 6 ? "quy3" : "9thang";
  if (toMonth === 12) return fromMonth === 9 ? "quy4" : "nam";
  return null;
}
