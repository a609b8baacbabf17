/**
 * A form: the appendix a Sở Nội vụ issues, as data it can write in Excel, check, share and load at run time.
 * The same content has two shapes: a workbook of three sheets (sheets.ts) and a JSON document (`FormDocument`,
 * published as schemas/form.schema.json). Both compile to the engine's `Template` (compile.ts).
 */
import type { Caveat, DuePeriod, IndicatorKind, RelationSeverity, Section, Template } from "../catalog/model";
import { periodKinds } from "../period";

/** The JSON document's format name and version (bumped only when an old reader could misread a new file). */
export const FORM_FORMAT = "cchc-form";
export const FORM_FORMAT_VERSION = 1;

/** Which body reports with this form. `ubnd_huyen` exists for forms made before the two-tier reform of 1/7/2025. */
export type FormLevel = "so_nganh" | "ubnd_tinh" | "ubnd_huyen" | "ubnd_xa";
export const FORM_LEVELS: readonly FormLevel[] = ["so_nganh", "ubnd_tinh", "ubnd_huyen", "ubnd_xa"];

/** Where the form comes from: an official document, a draft (e.g. made by `cchc form import`), or a test form. */
export type FormStatus = "official" | "draft" | "test";
export const FORM_STATUSES: readonly FormStatus[] = ["official", "draft", "test"];

/** Reporting periods a row may be due in, in calendar order (src/core/period.ts). */
export const FORM_PERIODS: readonly DuePeriod[] = periodKinds;

/** Facts about the form as a document (the "Thông tin" sheet). Dates are ISO "YYYY-MM-DD". */
export interface FormFacts {
  /** Stable id, written into results: "so-nganh-2023". Becomes the template id. */
  readonly id: string;
  /** The form's title: "Thống kê số liệu báo cáo cải cách hành chính của sở, ngành". */
  readonly title: string;
  /** Who issued it: "Sở Nội vụ tỉnh Sóc Trăng". */
  readonly issuer: string;
  /** The document that issued it: "Công văn số 535/SNV-TTr ngày 11/3/2022". */
  readonly document: string;
  readonly level: FormLevel;
  /** Province or city the form is for: "Sóc Trăng". */
  readonly province: string;
  /** The form's own version, as its issuer numbers it or by year: "2022". */
  readonly version: string;
  readonly validFrom?: string;
  readonly validTo?: string;
  readonly status: FormStatus;
  /** Where the text of the form was taken from (a report that prints it, a document). */
  readonly source?: string;
  /** Anything a user of the form should know (changes since it was issued, deviations). One note per entry. */
  readonly notes?: readonly string[];
}

/** One row of the "Chỉ tiêu" sheet as JSON. `level`, `parent` and codes follow from the id and the unit. */
export interface FormIndicator {
  readonly id: string;
  readonly section: string;
  readonly stt: string;
  readonly label: string;
  readonly unit: string;
  readonly kind: IndicatorKind;
  readonly aliases?: readonly string[];
  readonly acceptedUnits?: readonly string[];
  /** Periods in which the row is due; absent: every period. */
  readonly periods?: readonly DuePeriod[];
  /** Where `periods` comes from (a document, a practice): shown to whoever checks the form. */
  readonly periodsSource?: string;
  /** The value is cumulative ("lũy kế") from the start of the year, not the period's own. */
  readonly cumulative?: boolean;
  readonly noteHint?: string;
  /** A rate against a plan: above 100 is a warning, not an error ("Được vượt 100%"). */
  readonly mayExceed100?: boolean;
  /** Its blank answer is no warning while these count rows add up to 0 ("Không hỏi khi … = 0"). */
  readonly askedUnlessZero?: readonly string[];
}

/** The condition a relation kind may need: an answer among codes, or a value above a number. */
export interface FormCondition {
  readonly equals?: readonly number[];
  readonly above?: number;
  /** Skipped when these rows add up to 0 (blank = 0): "trừ khi IV.1.2 + IV.1.4 = 0". */
  readonly unlessZero?: readonly string[];
  /**
   * "ô trống tính là 0". implies_positive: a blank input counts as 0, instead of skipping while all are blank;
   * count_rate_zero: a blank rate counts as 0, so a count above 0 needs its rate.
   */
  readonly blankIsZero?: boolean;
}

/**
 * One row of the "Quan hệ" sheet as JSON, in one shape for every kind: what the relation lands on (`target`),
 * what it reads (`inputs`), a condition where the kind needs one. relationKinds.ts says what each kind makes of them.
 */
export interface FormRelation {
  readonly id: string;
  readonly kind: string;
  readonly target: readonly string[];
  readonly inputs: readonly string[];
  readonly condition?: FormCondition;
  readonly severity: RelationSeverity;
  readonly caveat?: Caveat;
  readonly reason?: { readonly vi?: string; readonly en?: string };
  /** Drafted by a program (form import) and not yet confirmed by a person. */
  readonly draft?: boolean;
}

/** A form as one JSON document. */
export interface FormDocument {
  readonly format: typeof FORM_FORMAT;
  readonly formatVersion: number;
  readonly facts: FormFacts;
  readonly sections: readonly Section[];
  readonly indicators: readonly FormIndicator[];
  readonly relations: readonly FormRelation[];
}

/** A compiled form: what the engine runs (`template`), and what surfaces say about it. */
export interface Form {
  readonly facts: FormFacts;
  readonly template: Template;
  /** Each relation's reason, by relation id, where the form gives one. */
  readonly reasons: Readonly<Record<string, { readonly vi?: string; readonly en?: string }>>;
  /** Ids of relations drafted by a program and not yet confirmed. */
  readonly drafts: readonly string[];
}
