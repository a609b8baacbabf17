/** Where the appendix sits on a sheet, as found by `locate` (src/core/locate/). All rows and columns are sheet indices, 0-based. */
export interface Location {
  readonly template: string;
  /** The header row holding "Chỉ tiêu thống kê" (the lower one when the header spans two rows). */
  readonly headerRow: number;
  readonly columns: {
    readonly stt: number | null;
    readonly label: number;
    readonly unit: number | null;
    readonly value: number;
    readonly note: number | null;
  };
  /** Indicator id -> sheet row of its value. */
  readonly rows: Readonly<Record<string, number>>;
  /** Section id -> sheet row of its section heading, where found. */
  readonly sectionRows: Readonly<Record<string, number>>;
  /** How each matched row was matched ("exact" after normalisation, or "fuzzy" with its score 0..1). */
  readonly matches: readonly { readonly indicator: string; readonly row: number; readonly how: "exact" | "fuzzy"; readonly score: number }[];
  /** Indicator ids the sheet has no row for. */
  readonly missing: readonly string[];
  /** Rows below the header with a label that matched no indicator. */
  readonly unrecognized: readonly { readonly row: number; readonly label: string }[];
  /** Set when the sheet has several value columns (or the user chose one): which was checked and why. */
  readonly valueChoice?: ValueChoice;
}

/** A value column seen on the sheet: its sheet column, its heading (header row and the row above), whether it was checked. */
export interface ValueColumnSeen {
  readonly col: number;
  readonly heading: string | null;
  readonly checked: boolean;
}

/**
 * Why the checked value column (`columns.value`) was chosen among several: the title's year names it
 * (`title_year`), its heading names the report's own period ("Kỳ này", "Kỳ báo cáo", "Thực hiện") or the others
 * name another period (`heading`), it is the later year (`later_year`), the user chose it (`chosen`), or nothing
 * tells them apart (`ambiguous`: the first is checked and a `value_column_ambiguous` finding says so).
 */
export interface ValueChoice {
  readonly reason: "title_year" | "heading" | "later_year" | "chosen" | "ambiguous";
  /** every value column seen, left to right */
  readonly columns: readonly ValueColumnSeen[];
}

/** Why no appendix could be found. */
export type LocateFailure =
  | { readonly reason: "no_header" }
  | { readonly reason: "too_few_rows"; readonly matched: number };

/**
 * Why no appendix was found in a workbook: no sheet at all; nothing like the appendix; a table like it with too few
 * rows matched (the best sheet's attempt); or two sheets that each hold too few rows but together hold enough
 * (the appendix split over sheets). Every surface says the same sentence for each (src/core/messages/appendix.ts).
 */
export type AppendixFailure =
  | { readonly reason: "no_sheets" }
  | { readonly reason: "no_header" }
  | {
      readonly reason: "too_few_rows";
      readonly sheet: string;
      readonly template: string;
      /** rows matched on that sheet */
      readonly matched: number;
      /** rows needed to say "found" (minimumMatches) */
      readonly needed: number;
      /** indicators of the template */
      readonly total: number;
    }
  | {
      readonly reason: "split";
      readonly sheets: readonly [string, string];
      readonly template: string;
      /** indicators matched on the two sheets together */
      readonly matched: number;
      readonly needed: number;
      readonly total: number;
    };

export type LocateResult =
  | { readonly ok: true; readonly location: Location }
  | { readonly ok: false; readonly failure: LocateFailure };
