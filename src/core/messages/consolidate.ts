/**
 * The words of the consolidation: each consolidation issue as a sentence, the period as the report names it,
 * the summary workbook's labels and the `cchc consolidate` command's lines, in Vietnamese and English.
 */
import type { Template } from "../catalog/model";
import type { ConsolidationIssue, ConsolidationIssueCode } from "../consolidate";
import type { Severity } from "../finding";
import type { Period, PeriodKind } from "../titleInfo";
import { consolidateEn } from "./consolidate.en";
import { consolidateVi } from "./consolidate.vi";
import type { Lang } from "../lang";
import { formatNumber, shortLabel } from "./format";

/** What an issue message may use besides the issue: names of indicators and periods in the language. */
export interface IssueContext {
  /** The indicator's short label, or the id when the template lacks it. */
  name(id: string): string;
  /** A period key ("nam/2023") as the report says it ("năm 2023"). */
  period(key: string | number | null | undefined): string;
  /** A detail value as text ("" when absent). */
  text(v: string | number | null | undefined): string;
  num(n: number | string | null | undefined): string;
}

/** One language's words for the consolidation. */
export interface ConsolidateMessages {
  readonly issues: { readonly [K in ConsolidationIssueCode]: (i: ConsolidationIssue, c: IssueContext) => string };
  /** "Năm 2023", "6 tháng đầu năm 2024", "Quý I năm 2024". */
  readonly periodName: (kind: PeriodKind, year: number | null) => string;
  readonly noPeriod: string;
  readonly severity: Readonly<Record<Severity, string>>;
  readonly yes: string;
  readonly no: string;
  readonly workbook: {
    readonly summarySheet: string;
    readonly statusSheet: string;
    readonly findingsSheet: string;
    readonly title: string;
    readonly periodLine: (period: string) => string;
    readonly unitsLine: (units: number, ready: number, marked: number, left: number) => string;
    readonly legend: string;
    readonly stt: string;
    readonly indicator: string;
    readonly unit: string;
    readonly total: string;
    readonly reported: string;
    readonly method: string;
    readonly unitState: string;
    readonly ready: string;
    readonly notReady: string;
    readonly methodSum: string;
    readonly methodRate: (numerator: string, denominator: string) => string;
    readonly methodYes: (yesLabel: string) => string;
    readonly methodChoice: string;
    readonly methodNone: string;
    readonly methodNoneRate: string;
    readonly statusHeaders: {
      readonly stt: string;
      readonly unit: string;
      readonly file: string;
      readonly period: string;
      readonly template: string;
      readonly errors: string;
      readonly warnings: string;
      readonly infos: string;
      readonly ready: string;
      readonly column: string;
      readonly issues: string;
    };
    readonly leftOut: string;
    readonly findingsHeaders: {
      readonly unit: string;
      readonly file: string;
      readonly sheet: string;
      readonly cell: string;
      readonly severity: string;
      readonly code: string;
      readonly message: string;
    };
    /** The "cell" of a consolidation issue, which is about the file, not a cell. */
    readonly wholeFile: string;
  };
  readonly cli: {
    readonly help: string;
    readonly needArgs: string;
    readonly progress: (done: number, total: number) => string;
    readonly readLine: (done: number, total: number) => string;
    readonly fileLine: (unit: string, file: string, period: string, errors: number, warnings: number, ready: boolean) => string;
    readonly leftOutLine: (file: string) => string;
    readonly issueLine: (text: string) => string;
    readonly written: (out: string, units: number, ready: number, marked: number, left: number) => string;
    readonly badPeriod: (v: string) => string;
    readonly noUsableFile: string;
    readonly outIsInput: (file: string) => string;
  };
}

/** The message set of a language. */
export function consolidateMessages(lang: Lang): ConsolidateMessages {
  return lang === "en" ? consolidateEn : consolidateVi;
}

/** "Năm 2023" for a period in a language; the words for "not known" when null. */
export function periodLabel(p: Pick<Period, "kind" | "year"> | null, lang: Lang): string {
  const m = consolidateMessages(lang);
  return p ? m.periodName(p.kind, p.year) : m.noPeriod;
}

const PERIOD_KINDS: readonly PeriodKind[] = ["nam", "6thang", "9thang", "quy1", "quy2", "quy3", "quy4"];

/** The helpers an issue message gets, for one language and template. */
export function issueContext(lang: Lang, template: Template): IssueContext {
  const byId = new Map(template.indicators.map((i) => [i.id, i]));
  return {
    name: (id) => {
      const label = byId.get(id)?.label;
      return label ? shortLabel(label) : id;
    },
    period: (key) => {
      const [kind, year] = String(key ?? "").split("/");
      if (!PERIOD_KINDS.includes(kind as PeriodKind)) return String(key ?? "");
      return periodLabel({ kind: kind as PeriodKind, year: /^\d{4}$/.test(year ?? "") ? Number(year) : null }, lang);
    },
    text: (v) => (v === null || v === undefined ? "" : String(v)),
    num: (n) => (typeof n === "number" ? formatNumber(n, lang) : n === null || n === undefined ? "" : String(n)),
  };
}

/** One consolidation issue as a sentence in `lang`. */
export function formatIssue(issue: ConsolidationIssue, lang: Lang, template: Template): string {
  return consolidateMessages(lang).issues[issue.code](issue, issueContext(lang, template));
}
