/**
 * The shape of a template: the official appendix as data. One file per template
 * (`soNganh.ts` for the sở/ngành appendix); the engine reads nothing else about a template.
 */
import type { PeriodKind } from "../period";

/** What a row's value is. */
export type IndicatorKind = "count" | "percent" | "flag" | "choice" | "group" | "text";

/** Reporting periods a row may be due in (the period kinds a title can name, src/core/period.ts). */
export type DuePeriod = PeriodKind;

/** One allowed code of a flag or coded choice: "Có = 1". */
export interface Code {
  readonly value: number;
  /** The official wording, NFC ("Có", "Tốt", "Trực tuyến"). */
  readonly label: string;
  /** Other words a user may type for this code, lower case NFC ("co", "yes"). */
  readonly words?: readonly string[];
}

/** One row of the appendix. */
export interface Indicator {
  /** Stable id: section numeral then positions, "I.1", "I.1.2", "VII.3.2.1". Never reused. */
  readonly id: string;
  /** Section numeral this row belongs to ("I".."VII"). */
  readonly section: string;
  /** STT as printed ("1", "" for unnumbered rows). */
  readonly stt: string;
  /** Official label, NFC, page-break splits joined. */
  readonly label: string;
  /** Official unit text as the template prints it ("Nhiệm vụ", "%", "Không = 0 Có = 1"). */
  readonly unit: string;
  readonly kind: IndicatorKind;
  /** Codes of a flag or choice, in printed order. */
  readonly codes?: readonly Code[];
  /** Nesting depth under its section: 0 for a numbered row, 1 for its sub-rows, 2 below that. */
  readonly level: number;
  /** Id of the group row this row sits under, if any. */
  readonly parent?: string;
  /** Other label wordings accepted when recognising a sheet (e.g. the text as printed where we corrected it). */
  readonly aliases?: readonly string[];
  /** Unit texts accepted without error besides `unit` (e.g. the wrong unit printed in the source). */
  readonly acceptedUnits?: readonly string[];
  /** The official "Ghi chú" guidance printed for this row, if any ("Ghi rõ nội dung vi phạm"). */
  readonly noteHint?: string;
  /**
   * Periods in which the row is due; absent: every period. In a report of another period a blank is not asked for
   * (docs/FINDINGS.md, "Periods").
   */
  readonly periods?: readonly DuePeriod[];
  /** Where `periods` comes from: the document or practice that makes the row due only then. */
  readonly periodsSource?: string;
  /**
   * The value is cumulative ("lũy kế") from the start of the year (15/12 of the year before), not the period's own:
   * in a quarter's report (quý II, III, IV) it spans more than the period.
   */
  readonly cumulative?: boolean;
  /**
   * A rate against a plan ("% so với kế hoạch năm"): doing more than planned gives more than 100, so above 100 is a
   * warning (`percent_above_plan`), not an error.
   */
  readonly mayExceed100?: boolean;
  /**
   * A question asked only when these count rows do not add up to 0 (a blank counts as 0): its blank answer is no
   * warning then, e.g. the survey's form (I.7.2) when no survey was made (I.7.1), or a subordinate unit's ISO
   * (VII.10.4–6) when the department has none (IV.1.2 + IV.1.4).
   */
  readonly askedUnlessZero?: readonly string[];
}

/** A section row: "I Công tác chỉ đạo điều hành CCHC". */
export interface Section {
  readonly id: string;
  readonly stt: string;
  readonly label: string;
}

/** Why a relation may legitimately break (turns an error into a warning, and the message says why). */
export type Caveat =
  /** results in the period may include files received before it */
  | "carried_over"
  /** counted at a different time or scope (e.g. staff present vs accounts issued) */
  | "different_scope"
  /**
   * counted twice or wider than the whole: a procedure counted at both eligibility levels, or the sector's
   * procedures handled at district and commune level counted with the department's own
   */
  | "overlap";

/**
 * How sure a broken relation is wrong: error (certainly), warning (likely; the message may say why it can break),
 * info (a reviewer's reminder: consistent readings exist, e.g. reviewing under the province's plan).
 */
export type RelationSeverity = "error" | "warning" | "info";

/** Relations between rows, declared as data; `id` is stable and named in docs/RULES.md. */
export type Relation =
  /** sum(parts) <= whole */
  | {
      readonly kind: "part_of_whole";
      readonly id: string;
      readonly parts: readonly string[];
      readonly whole: string;
      /**
       * Further rows summed into the whole when no single row holds it, e.g. staff present =
       * IV.2.2 + IV.3.2 + IV.4.2: the relation is sum(parts) <= whole + sum(wholeAlso). Skipped when `whole` and
       * every `wholeAlso` row are blank; otherwise blank ones count as 0.
       */
      readonly wholeAlso?: readonly string[];
      readonly severity: RelationSeverity;
      readonly caveat?: Caveat;
    }
  /** sum(parts) = total */
  | {
      readonly kind: "sum_equals";
      readonly id: string;
      readonly parts: readonly string[];
      readonly total: string;
      readonly severity: RelationSeverity;
      readonly caveat?: Caveat;
    }
  /** rate = numerator / denominator x 100, rounded to 2 decimals */
  | {
      readonly kind: "rate";
      readonly id: string;
      readonly rate: string;
      readonly numerator: string;
      readonly denominator: string;
      readonly severity: RelationSeverity;
    }
  /** a flag answering `no` while any of its counts is above 0 */
  | {
      readonly kind: "flag_counts";
      readonly id: string;
      readonly flag: string;
      readonly no: number;
      readonly counts: readonly string[];
      readonly severity: RelationSeverity;
    }
  /**
   * any `given` row holding `givenEquals` (a flag's "yes"), or above 0 when absent, needs the `then` rows to add up
   * to more than 0. Skipped when every `then` row is blank, unless `blankIsZero` ("(nếu có)" rows: blank is none).
   */
  | {
      readonly kind: "implies_positive";
      readonly id: string;
      readonly given: readonly string[];
      readonly givenEquals?: number;
      readonly then: readonly string[];
      readonly blankIsZero?: boolean;
      readonly severity: RelationSeverity;
    }
  /**
   * a count and the rate computed from it are 0 together: count = 0 ⇔ rate = 0. A blank count skips; a blank rate
   * skips (the "no plan" case), unless `blankIsZero`: then a count above 0 needs its rate (a survey's satisfaction rate).
   */
  | {
      readonly kind: "count_rate_zero";
      readonly id: string;
      readonly count: string;
      readonly rate: string;
      readonly blankIsZero?: boolean;
      readonly severity: RelationSeverity;
    }
  /**
   * an answer among `when` (or, for a count, a value above `whenAbove`) needs the note column of `indicator` filled;
   * with `sources`, the answers are read from those rows (any one asks), e.g. a group row's note for its sub-rows
   */
  | {
      readonly kind: "note_required";
      readonly id: string;
      readonly indicator: string;
      readonly sources?: readonly string[];
      readonly when: readonly number[];
      readonly whenAbove?: number;
      /**
       * Rows that must not all be none for the note to be asked: skipped when they add up to 0 (a blank counts as
       * 0: these are "(nếu có)" rows), e.g. a subordinate unit's ISO needs subordinate units (IV.1.2 + IV.1.4).
       */
      readonly unlessZero?: readonly string[];
      readonly severity: RelationSeverity;
    };

/** A whole template. */
export interface Template {
  /** Stable id, written into files we make and into JSON output: "so-nganh-2023". */
  readonly id: string;
  readonly title: string;
  /**
   * The form's own version ("2022", "2025.1"): two versions of one form share the id but are different forms (rows
   * added, moved or reworded), so a unit on another version is never added to this one's figures.
   */
  readonly version?: string;
  readonly sections: readonly Section[];
  /** Every row in printed order, group rows included (section rows are in `sections`). */
  readonly indicators: readonly Indicator[];
  readonly relations: readonly Relation[];
}

/** One form and version: the key under which units are consolidated together ("so-nganh-2023@2022"). */
export function formKey(t: Pick<Template, "id" | "version">): string {
  return t.version === undefined ? t.id : `${t.id}@${t.version}`;
}
