/**
 * The shape of the consolidation's words in one language (consolidate.vi.ts, consolidate.en.ts fill it; the typed
 * table makes the compiler hold every issue code in both), and what an issue's sentence may use.
 */
import type { ConsolidationIssueCode, ConsolidationIssueOf, FileModified, SetAside, UnitFailure } from "../consolidate";
import type { Severity } from "../finding";
import type { AppendixFailure } from "../location";
import type { Period } from "../period";
import type { Unreadable } from "../unreadable";

/** What an issue message may use besides the issue: names of indicators, periods and failures in the language. */
export interface IssueContext {
  /** The indicator's short label, or the id when the template lacks it. */
  name(id: string): string;
  /** A period as the report says it ("Năm 2023"). */
  period(p: Pick<Period, "kind" | "year">): string;
  num(n: number): string;
  /** Why the file could not be read: the sentence every surface says. */
  unreadable(u: Unreadable): string;
  /** Why no appendix was found in the file: the sentence every surface says. */
  appendix(f: AppendixFailure): string;
  /** When a file was last saved, Vietnam time ("14/12/2023 09:30"), and where that date comes from. */
  modified(m: FileModified): string;
}

/** One language's words for the consolidation. */
export interface ConsolidateTexts {
  readonly issues: { readonly [K in ConsolidationIssueCode]: (i: ConsolidationIssueOf<K>, c: IssueContext) => string };
  /** Why a file is no unit at all, as one sentence. */
  readonly unusable: { readonly [K in UnitFailure["failure"]]: (u: Extract<UnitFailure, { failure: K }>, c: IssueContext) => string };
  /** A file's modified date and its source, after the date ("theo thuộc tính tệp"). */
  readonly modifiedFrom: Readonly<Record<FileModified["from"], string>>;
  /** Why a readable file is not a column of the summary, in a word. */
  readonly setAside: Readonly<Record<SetAside, string>>;
  readonly severity: Readonly<Record<Severity, string>>;
  readonly yes: string;
  readonly no: string;
  readonly workbook: {
    readonly summarySheet: string;
    readonly statusSheet: string;
    readonly findingsSheet: string;
    readonly title: string;
    /** `form`: the form's title. */
    readonly periodLine: (period: string, form: string) => string;
    readonly unitsLine: (units: number, ready: number, marked: number, setAside: number, unusable: number) => string;
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
    /** The sheet listing the files that could not be used, and its headers. */
    readonly unusableSheet: string;
    readonly unusableHeaders: { readonly stt: string; readonly file: string; readonly reason: string };
    readonly findingsHeaders: {
      readonly unit: string;
      readonly file: string;
      readonly sheet: string;
      readonly cell: string;
      readonly severity: string;
      readonly indicator: string;
      readonly message: string;
      readonly code: string;
    };
    /** The "cell" of a consolidation issue, which is about the file, not a cell. */
    readonly wholeFile: string;
  };
}
