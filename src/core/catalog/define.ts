/**
 * Builds a template's flat indicator list from a nested outline, so a template file reads like the printed
 * appendix: ids, levels, parents, kinds and codes follow from the outline and the unit text instead of being
 * typed (and mistyped) row by row.
 */
import { foldDiacritics } from "../text";
import type { Caveat, Code, DuePeriod, Indicator, IndicatorKind, Relation, RelationSeverity, Section } from "./model";

/** One printed row of the outline; `rows` are the rows printed under it. */
export interface RowSpec {
  /** STT as printed; only numbered (level-0) rows have one. */
  readonly stt?: string;
  /** Id segment when it cannot be the STT (a duplicated STT). Defaults to `stt`. */
  readonly key?: string;
  readonly label: string;
  /** Official unit text; "" or absent for group and text rows. */
  readonly unit?: string;
  /** Needed only where the unit does not say it ("text", or "group" for a unitless row without sub-rows). */
  readonly kind?: IndicatorKind;
  readonly aliases?: readonly string[];
  readonly acceptedUnits?: readonly string[];
  readonly noteHint?: string;
  /** See `Indicator.mayExceed100`. */
  readonly mayExceed100?: boolean;
  /** See `Indicator.askedUnlessZero`. */
  readonly askedUnlessZero?: readonly string[];
  /** Periods the row is due in (absent: every period), and where that comes from. */
  readonly periods?: readonly DuePeriod[];
  readonly periodsSource?: string;
  readonly rows?: readonly RowSpec[];
}

/** One section of the outline. */
export interface SectionSpec {
  readonly id: string;
  readonly label: string;
  readonly rows: readonly RowSpec[];
}

/** Words users type for a code, besides its own label (lower case; unaccented forms are added automatically). */
const CODE_WORDS: Readonly<Record<string, readonly string[]>> = {
  "có": ["yes"],
  "không": ["không có", "ko", "k", "no"],
  // I.8 "Tốt = 1 Có vi phạm = 0": clerks write the good answer in words of their own.
  "tốt": ["good", "không vi phạm", "không có vi phạm", "chấp hành tốt"],
  "có vi phạm": ["vi phạm"],
  "đã thực hiện": ["có", "đã", "rồi", "yes"],
  "chưa thực hiện": ["chưa", "không", "no"],
  "trực tuyến": ["online"],
  "phát phiếu": ["phiếu", "giấy", "phiếu giấy"],
  "kết hợp": ["cả hai", "trực tuyến và phát phiếu"],
};

/** "Không = 0 Có = 1" -> its codes in printed order; [] when the unit is not a code list. */
export function codesOf(unit: string): Code[] {
  const codes: Code[] = [];
  for (const m of unit.normalize("NFC").matchAll(/([^=\d]+?)\s*=\s*(\d+)/g)) {
    const label = m[1].trim();
    const lower = label.toLowerCase();
    const extra = CODE_WORDS[lower] ?? [];
    const words = [...new Set([lower, ...extra].flatMap((w) => [w, foldDiacritics(w)]))];
    codes.push({ value: Number(m[2]), label, words });
  }
  return codes;
}

function kindOf(spec: RowSpec, unit: string, codes: readonly Code[]): IndicatorKind {
  if (spec.kind) return spec.kind;
  if (unit === "%") return "percent";
  if (codes.length === 2 && codes.every((c) => c.value === 0 || c.value === 1)) return "flag";
  if (codes.length > 0) return "choice";
  if (unit === "" && spec.rows?.length) return "group";
  if (unit === "") throw new Error(`Row "${spec.label}" has no unit and no sub-rows: give its kind.`);
  return "count";
}

/** The printed label says the value runs from the start of the year: "(Lũy kế đến thời điểm báo cáo)". */
export function printedCumulative(label: string): boolean {
  return /\blu[yỹ] ke\b/.test(foldDiacritics(label));
}

/** Flattens the outline into sections and indicators in printed order. Throws on a malformed outline. */
export function defineTemplateRows(outline: readonly SectionSpec[]): { sections: Section[]; indicators: Indicator[] } {
  const sections: Section[] = [];
  const indicators: Indicator[] = [];
  const walk = (section: string, spec: RowSpec, id: string, level: number, parent: string | undefined): void => {
    const unit = (spec.unit ?? "").normalize("NFC");
    const codes = codesOf(unit);
    const kind = kindOf(spec, unit, codes);
    // The official table prints yes/no flags in both orders, so either order is a valid print of the same flag.
    const reversed = kind === "flag" ? [...codes].reverse().map((c) => `${c.label} = ${c.value}`).join(" ") : "";
    const acceptedUnits = [...(spec.acceptedUnits ?? []), ...(reversed ? [reversed] : [])].map((u) => u.normalize("NFC"));
    indicators.push({
      id,
      section,
      stt: spec.stt ?? "",
      label: spec.label.normalize("NFC"),
      unit,
      kind,
      ...(codes.length ? { codes } : {}),
      level,
      ...(parent ? { parent } : {}),
      ...(spec.aliases ? { aliases: spec.aliases.map((a) => a.normalize("NFC")) } : {}),
      ...(acceptedUnits.length ? { acceptedUnits } : {}),
      ...(spec.noteHint ? { noteHint: spec.noteHint.normalize("NFC") } : {}),
      ...(spec.mayExceed100 ? { mayExceed100: true } : {}),
      ...(spec.askedUnlessZero?.length ? { askedUnlessZero: [...spec.askedUnlessZero] } : {}),
      ...(spec.periods ? { periods: spec.periods } : {}),
      ...(spec.periodsSource ? { periodsSource: spec.periodsSource.normalize("NFC") } : {}),
      ...(printedCumulative(spec.label) ? { cumulative: true } : {}),
    });
    spec.rows?.forEach((child, i) => walk(section, child, `${id}.${i + 1}`, level + 1, id));
  };
  for (const s of outline) {
    sections.push({ id: s.id, stt: s.id, label: s.label.normalize("NFC") });
    for (const row of s.rows) {
      const key = row.key ?? row.stt;
      if (!key) throw new Error(`Numbered row "${row.label}" in section ${s.id} has no STT.`);
      walk(s.id, row, `${s.id}.${key}`, 0, undefined);
    }
  }
  return { sections, indicators };
}

/** sum(parts) <= whole; a list as `whole` means the sum of those rows (the first is `whole`, the rest `wholeAlso`). */
export function partOfWhole(
  id: string,
  parts: readonly string[],
  whole: string | readonly string[],
  severity: RelationSeverity,
  caveat?: Caveat,
): Relation {
  const [first, ...also] = typeof whole === "string" ? [whole] : whole;
  return {
    kind: "part_of_whole",
    id,
    parts,
    whole: first,
    ...(also.length ? { wholeAlso: also } : {}),
    severity,
    ...(caveat ? { caveat } : {}),
  };
}

/** sum(parts) = total. */
export function sumEquals(id: string, parts: readonly string[], total: string, severity: RelationSeverity): Relation {
  return { kind: "sum_equals", id, parts, total, severity };
}

/** rate = numerator / denominator x 100. */
export function rate(id: string, rateId: string, numerator: string, denominator: string): Relation {
  return { kind: "rate", id, rate: rateId, numerator, denominator, severity: "error" };
}

/** A yes/no flag answering "no" (0) while one of its counts is above 0. */
export function flagCounts(id: string, flag: string, counts: readonly string[], severity: RelationSeverity): Relation {
  return { kind: "flag_counts", id, flag, no: 0, counts, severity };
}

/** An answer among `when` needs the note column filled; skipped when the `unlessZero` rows add up to 0. */
export function noteRequired(id: string, indicator: string, when: readonly number[], unlessZero?: readonly string[]): Relation {
  return { kind: "note_required", id, indicator, when, ...(unlessZero?.length ? { unlessZero } : {}), severity: "warning" };
}

/** A count above 0 needs the note column filled (the template asks to name what was counted). */
export function noteWhenCounted(id: string, indicator: string): Relation {
  return { kind: "note_required", id, indicator, when: [], whenAbove: 0, severity: "warning" };
}

/** Any `given` row above 0 needs the `then` rows to add up to more than 0 (`blankIsZero`: a blank `then` row is 0). */
export function impliesPositive(
  id: string,
  given: readonly string[],
  then: readonly string[],
  severity: RelationSeverity,
  options: { readonly givenEquals?: number; readonly blankIsZero?: boolean } = {},
): Relation {
  return {
    kind: "implies_positive",
    id,
    given,
    ...(options.givenEquals !== undefined ? { givenEquals: options.givenEquals } : {}),
    then,
    ...(options.blankIsZero ? { blankIsZero: true } : {}),
    severity,
  };
}

/** A yes (1) on `flag` needs its counts to add up to more than 0 (skipped while they are all blank). */
export function yesNeedsCounts(id: string, flag: string, counts: readonly string[], severity: RelationSeverity): Relation {
  return impliesPositive(id, [flag], counts, severity, { givenEquals: 1 });
}

/** A count and the rate computed from it are 0 together (`blankIsZero`: a count above 0 needs its rate filled). */
export function countRateZero(
  id: string,
  count: string,
  rateId: string,
  severity: RelationSeverity,
  options: { readonly blankIsZero?: boolean } = {},
): Relation {
  return { kind: "count_rate_zero", id, count, rate: rateId, ...(options.blankIsZero ? { blankIsZero: true } : {}), severity };
}

/** A group row's note is needed when any of its sub-rows is above 0. */
export function groupNote(id: string, group: string, rows: readonly string[]): Relation {
  return { kind: "note_required", id, indicator: group, sources: rows, when: [], whenAbove: 0, severity: "warning" };
}
