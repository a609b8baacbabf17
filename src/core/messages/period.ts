/**
 * Periods as people say them: "Năm 2023", "6 tháng đầu năm 2024", "Quý I năm 2024" (English: "Year 2023", "First
 * six months 2024", "Q1 2024"); "Chưa xác định" for an unknown one. The consolidation, the pane and the command line
 * say a period with these. A kind of period on its own, with the days it covers, is periodSpanLabel's.
 */
import type { Lang } from "../lang";
import { periodDates, type Period, type PeriodKind } from "../period";

type Names = { readonly [K in PeriodKind]: (year: number | null) => string };

const y = (year: number | null, before = " ") => (year === null ? "" : `${before}${year}`);

const vi: Names = {
  quy1: (year) => `Quý I${y(year, " năm ")}`,
  quy2: (year) => `Quý II${y(year, " năm ")}`,
  "6thang": (year) => `6 tháng đầu năm${y(year)}`,
  quy3: (year) => `Quý III${y(year, " năm ")}`,
  "9thang": (year) => `9 tháng năm${y(year)}`,
  quy4: (year) => `Quý IV${y(year, " năm ")}`,
  nam: (year) => (year === null ? "Cả năm" : `Năm ${year}`),
};

const en: Names = {
  quy1: (year) => `Q1${y(year)}`,
  quy2: (year) => `Q2${y(year)}`,
  "6thang": (year) => `First six months${y(year)}`,
  quy3: (year) => `Q3${y(year)}`,
  "9thang": (year) => `Nine months${y(year)}`,
  quy4: (year) => `Q4${y(year)}`,
  nam: (year) => (year === null ? "Whole year" : `Year ${year}`),
};

const unknown: Readonly<Record<Lang, string>> = { vi: "Chưa xác định", en: "Unknown" };

/** A period as the report names it in `lang`; the words for "not known" when null. */
export function periodLabel(p: Pick<Period, "kind" | "year"> | null, lang: Lang): string {
  return p ? (lang === "en" ? en : vi)[p.kind](p.year) : unknown[lang];
}

/** A kind of period without its year, as a choice lists it. */
const kindNames: Readonly<Record<Lang, Readonly<Record<PeriodKind, string>>>> = {
  vi: { quy1: "Quý I", quy2: "Quý II", "6thang": "6 tháng", quy3: "Quý III", "9thang": "9 tháng", quy4: "Quý IV", nam: "Năm" },
  en: { quy1: "Quarter I", quy2: "Quarter II", "6thang": "6 months", quy3: "Quarter III", "9thang": "9 months", quy4: "Quarter IV", nam: "Year" },
};

/**
 * A kind of period with the days it covers, from periodDates, for a choice made before the year is known: "Năm
 * (15/12 năm trước – 14/12)", "Quý III (15/6 – 14/9)".
 */
export function periodSpanLabel(kind: PeriodKind, lang: Lang): string {
  const year = 2000;
  const { from, to } = periodDates(kind, year);
  const before = from.year < year ? (lang === "en" ? " of the previous year" : " năm trước") : "";
  return `${kindNames[lang][kind]} (${from.day}/${from.month}${before} – ${to.day}/${to.month})`;
}
