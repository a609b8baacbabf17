/** English messages: functions of the finding. Indicator names stay in Vietnamese (the official wording). */
import type { Caveat, DuePeriod } from "../catalog/model";
import type { ComputedInputs, Finding, PeriodRelaxation, TypedRate } from "../finding";
import { dayText, isCumulativePeriod, periodDates } from "../period";
import { clip, namedValues, type MessageContext, type Messages } from "./format";
import { periodLabel } from "./period";

const caveats: Readonly<Record<Caveat, string>> = {
  carried_over: "results in the period may include files, tasks or issues from before it",
  different_scope: "the two figures are counted at a different time or scope",
  overlap: "one procedure may have been counted at both levels, or the sector's procedures handled at district and commune level counted too",
};

/** The sentence a warning adds when its relation can legitimately break. */
function caveat(f: Finding, c: Caveat | null): string {
  if (f.severity === "error") return "";
  const why = c ? caveats[c] : "the figures may be counted differently";
  return ` This can still be right because ${why}; please check.`;
}

const self = (f: Finding, m: MessageContext) => m.name(f.indicator, f.cell);

function inputs(i: ComputedInputs, m: MessageContext): string {
  if (i.kind === "rate") {
    return `${m.name(i.numerator.indicator, i.numerator.cell)} = ${m.num(i.numerator.value)} divided by ${m.name(i.denominator.indicator, i.denominator.cell)} = ${m.num(i.denominator.value)}, times 100`;
  }
  return `the sum of ${namedValues(i.parts, m, true).join(" + ")}`;
}

/** How a rate typed otherwise than as a number was typed (its reading warning is part of the rate's finding). */
function typedRate(t: TypedRate | undefined, m: MessageContext): string {
  if (!t) return "";
  if (t.as === "fraction") return ` (typed as the fraction ${m.num(t.actual)})`;
  return ` (typed as the text “${t.actual}”, which Excel cannot compute with)`;
}

const candidates = (list: readonly number[], m: MessageContext) => list.map((c) => m.num(c)).join(" or ");

/** English. */
/** The periods a row is due in, as "reported only in the annual report" says them. */
const dueWords: Readonly<Record<DuePeriod, string>> = {
  quy1: "Q1",
  quy2: "Q2",
  "6thang": "six-month",
  quy3: "Q3",
  "9thang": "nine-month",
  quy4: "Q4",
  nam: "annual",
};

/** Why the period lowered a relation's finding (`Finding.relaxed`). */
function relaxed(r: PeriodRelaxation, m: MessageContext): string {
  const label = periodLabel(r.period, "en");
  const rows = r.indicators.map((id) => `${id} (${m.name(id)})`).join(", ");
  const now = r.ruleSeverity === "error" ? "an error" : "a warning";
  const then = r.ruleSeverity === "error" ? "a warning" : "an info";
  const plural = r.indicators.length > 1;
  if (r.reason === "not_due") {
    const due = [...new Set(r.indicators.flatMap((id) => m.indicator(id)?.periods ?? []))].map((k) => dueWords[k]).join(", ");
    return `Indicator${plural ? "s" : ""} ${rows} ${plural ? "are" : "is"} reported only in the ${due || "other"} report; the ${label} report is not checked against ${plural ? "them" : "it"}, so this is ${then}, not ${now}.`;
  }
  const days = r.period.year === null ? null : periodDates(r.period.kind, r.period.year);
  const span = days ? ` (${dayText(days.from)} to ${dayText(days.to)})` : "";
  const since = r.period.year === null ? "from the start of the year" : `from ${dayText({ day: 15, month: 12, year: r.period.year - 1 })}`;
  return `Indicator${plural ? "s" : ""} ${rows} ${plural ? "are" : "is"} cumulative ${since}, while the ${label} report${span} is not: the two figures cover different spans, so this is ${then}, not ${now}.`;
}

export const en: Messages = {
  relaxed,
  findings: {
    excel_error: (f, m) => `${self(f, m)} shows the Excel error ${f.actual}; fix the formula or type the figure again.`,
    formula_no_result: (f, m) => {
      const skipped = f.detail.skipped.flatMap((r) => r.others.map((o) => m.name(o.indicator, o.cell)));
      const also = skipped.length ? ` The checks with ${[...new Set(skipped)].join(", ")} were skipped, as they need this cell's value.` : "";
      return `${self(f, m)} holds the formula ${f.detail.formula}: the formula has no saved result; open the file in Excel, save it and check again.${also}`;
    },
    date_not_number: (f, m) =>
      `${self(f, m)}: the cell holds the date ${f.detail.date} (Excel turned the figure typed into a date), not a number; this indicator needs a number (unit: ${m.indicator(f.indicator)?.unit || "number"}). Format the cell as Number and type the figure again.`,
    text_not_number: (f, m) =>
      `${self(f, m)} = ${m.value(f.actual)} is text, not a number; this indicator needs a number (unit: ${m.indicator(f.indicator)?.unit || "number"}).`,
    number_stored_as_text: (f, m) =>
      f.detail?.words
        ? `${self(f, m)} = ${m.value(f.actual)} has the word “${f.detail.words}” after the number, so Excel takes it as text and cannot add it up or use it in a rate; the cell needs only the number ${m.num(f.expected)} (the unit is in the unit column).`
        : `${self(f, m)} = ${m.value(f.actual)} is a number stored as text, so Excel cannot add it up or use it in a rate; enter the number ${m.num(f.expected)}.`,
    ambiguous_number: (f, m) =>
      `${self(f, m)} = ${m.value(f.actual)} could mean ${candidates(f.detail.candidates, m)}; type the number again unambiguously.`,
    ambiguous_number_resolved: (f, m) =>
      `${self(f, m)} = ${m.value(f.actual)} could mean ${candidates(f.detail.candidates, m)}; only ${m.num(f.expected)} is valid for this indicator, so enter that number.`,
    count_negative: (f, m) => `${self(f, m)} = ${m.num(f.actual)} is negative; a count must be 0 or more.`,
    count_not_whole: (f, m) => {
      const slip = f.detail.thousands;
      const meant = slip === null ? "" : ` If ${m.num(slip)} was meant, its thousands dot was read as a decimal point: type ${slip} without the dot.`;
      return `${self(f, m)} = ${m.num(f.actual)} is not a whole number; a count (${m.indicator(f.indicator)?.unit || "unit"}) must be whole.${meant} The checks using this cell are skipped until it is fixed.`;
    },
    percent_in_count: (f, m) =>
      `${self(f, m)} = ${m.value(f.actual)} is a percentage, while this indicator is a count (${m.indicator(f.indicator)?.unit || "unit"}); enter the count, not a %. The cell is left out of consolidation.`,
    percent_out_of_range: (f, m) => `${self(f, m)} = ${m.num(f.actual)} is outside the 0–100 range of a percentage.`,
    percent_above_plan: (f, m) =>
      `${self(f, m)} = ${m.num(f.actual)} is above 100%: a rate against the year's plan passes 100% only when more was done than planned; if so, leave it, otherwise check the figures.`,
    percent_as_fraction: (f, m) =>
      `${self(f, m)} = ${m.value(f.actual)} looks like a fraction, while the appendix writes rates in percent points (100 means 100%), so it is probably ${m.num(f.expected)}. If the rate really is below 1%, leave it.`,
    code_not_allowed: (f, m) =>
      `${self(f, m)} = ${m.value(f.actual)} is not a valid code; this cell accepts only ${m.codes(f.indicator)}.`,
    boolean_as_code: (f, m) =>
      `${self(f, m)} = ${m.value(f.actual)} (a checkbox or a true/false value); this yes/no question needs the code ${m.code(f.indicator, f.expected)}.`,
    code_as_word: (f, m) =>
      `${self(f, m)} = ${m.value(f.actual)} is written as a word; this cell needs the code ${m.code(f.indicator, f.expected)}.`,
    count_as_yes: (f, m) =>
      `${self(f, m)} = ${m.num(f.actual)} is written as a count in the unit “${f.detail.unit}” the form prints, but this row asks yes or no and takes only ${m.codes(f.indicator)}, so it is read as ${m.code(f.indicator, 1)}. Enter the code ${m.code(f.indicator, 1)}; put the count in the note if needed.`,
    flag_blank: (f, m) =>
      f.actual === null
        ? `${self(f, m)} is not answered; choose ${m.codes(f.indicator)}.`
        : `${self(f, m)} = ${m.value(f.actual)} is not an answer; choose ${m.codes(f.indicator)}.`,
    flag_blank_with_note: (f, m) =>
      `${self(f, m)} is blank while its note (${m.cell(f.detail.noteCell)}) reads ${m.value(clip(f.detail.note, 60))}; choose ${m.codes(f.indicator)} to match the note.`,
    value_in_group_row: (f, m) =>
      `${self(f, m)} is a group row and takes no figure; move the value ${m.value(f.actual)} to the detail row below.`,
    unit_mismatch: (f, m) =>
      `The unit (${m.cell(f.cell)}) of ${m.name(f.indicator, f.detail.valueCell)} reads ${m.value(f.actual)}, while the template sets ${m.value(f.expected)}; the figure may be in another unit.`,
    part_exceeds_whole: (f, m) => {
      const parts = namedValues(f.detail.parts, m, true);
      const wholes = namedValues(f.detail.wholes, m, true);
      const blankWholes = f.detail.wholes.length - wholes.length;
      const whole =
        f.detail.wholes.length === 1
          ? wholes[0]
          : blankWholes === 0
            ? `the sum ${wholes.join(" + ")} = ${m.num(f.limit?.value)}`
            : `the sum of cells ${f.detail.wholes.map((w) => (w.cell ? m.cell(w.cell) : w.indicator)).join(", ")} = ${m.num(f.limit?.value)} (${wholes.join(", ")}; ${blankWholes === 1 ? "the other cell" : "the other cells"} blank)`;
      const lead = parts.length === 1 ? parts[0] : `The sum ${parts.join(" + ")} = ${m.num(f.actual)}`;
      return `${lead} is greater than ${whole}.${caveat(f, f.detail.caveat)}`;
    },
    sum_mismatch: (f, m) => {
      const blanks = f.detail.parts.some((p) => p.value === null) ? " (blank parts counted as 0)" : "";
      const parts = namedValues(f.detail.parts, m, true);
      const sum = parts.length > 1 ? ` = ${m.num(f.expected)}` : "";
      return `${self(f, m)} = ${m.num(f.actual)} and the sum of its parts disagree: ${parts.join(" + ")}${sum}${blanks}. Either the total or a part is wrong; compare them and correct the wrong cell (the total is not overwritten).${caveat(f, f.detail.caveat)}`;
    },
    rate_mismatch: (f, m) =>
      `${self(f, m)} = ${m.num(f.actual)}${typedRate(f.detail.typed, m)} does not match ${inputs(f.detail.inputs, m)} = ${m.num(f.expected)}.${caveat(f, null)}`,
    rate_rounded: (f, m) => {
      const how = f.detail.truncated
        ? "is cut short instead of rounded"
        : `agrees only when rounded to ${f.detail.decimals === 0 ? "a whole number" : `${f.detail.decimals} decimal${f.detail.decimals === 1 ? "" : "s"}`}`;
      return `${self(f, m)} = ${m.num(f.actual)}${typedRate(f.detail.typed, m)} ${how}: ${inputs(f.detail.inputs, m)} = ${m.num(f.expected)}. The appendix writes rates with 2 decimals, so write ${m.num(f.expected)}.`;
    },
    flag_contradicts_counts: (f, m) =>
      `${self(f, m)} = ${m.code(f.indicator, f.actual)} but ${namedValues(f.detail.counts, m).join(", ")} is above 0.${caveat(f, null)}`,
    note_missing: (f, m) => {
      const hint = f.detail.noteHint;
      const asks = hint ? ` (the template asks: “${hint}”)` : "";
      const state = f.actual === null ? "the note is blank" : "the note only repeats the template's guidance";
      const src = f.detail.source;
      if (src) {
        return `${m.name(src, f.detail.valueCell)} = ${m.num(f.detail.answer)}, so ${m.indicator(f.indicator)?.kind === "group" ? "group row" : "row"} “${m.name(f.indicator)}” needs a note in ${m.cell(f.cell)}${asks}, but ${state}.`;
      }
      return `${m.name(f.indicator, f.detail.valueCell)} = ${m.code(f.indicator, f.detail.answer)} needs a note in ${m.cell(f.cell)}${asks}, but ${state}.`;
    },
    implication_broken: (f, m) => {
      const then = f.detail.then.map((x) => `${m.name(x.indicator, x.cell)} ${x.value === null ? "is blank" : `= ${m.num(x.value)}`}`);
      const blank = f.detail.then.some((x) => x.value === null) ? " (a blank counts as 0)" : "";
      const one = then.length === 1;
      const lead = one ? `${then[0]}${blank}` : `${then.join(", ")}, together 0${blank}`;
      const those = one ? "that row" : "those rows together";
      const why =
        m.indicator(f.indicator)?.kind !== "count"
          ? `with the answer ${m.code(f.indicator, f.actual)}, ${those} must be above 0`
          : `when this row is above 0, ${those} must be above 0 too`;
      return `${self(f, m)} = ${m.code(f.indicator, f.actual)} but ${lead}; ${why}.${caveat(f, null)}`;
    },
    count_rate_disagree: (f, m) => {
      const c = f.detail.count;
      const count = `${m.name(c.indicator, c.cell)} = ${m.num(c.value)}`;
      if (f.actual === null) {
        return `${self(f, m)} is blank while ${count}; with a count, the rate is needed too.`;
      }
      const state =
        c.value === 0
          ? "a count of 0 means a rate of 0 or blank"
          : f.severity === "error"
            ? "a count above 0 means the rate cannot be 0"
            : "a rate of 0 with a count above 0 is unusual";
      return `${self(f, m)} = ${m.num(f.actual)} disagrees with ${count}: the rate is computed from this very count, so ${state}.${caveat(f, null)}`;
    },
    computed_value_missing: (f, m) =>
      `${self(f, m)} is blank; it can be computed as ${m.num(f.expected)} from ${inputs(f.detail.inputs, m)}.`,
    computed_value_conflict: (f, m) =>
      f.fix
        ? `${self(f, m)} = ${m.value(f.actual)} differs from the value computed from other cells: ${m.num(f.expected)} (${f.detail.formula}); the cell is not overwritten unless you confirm.`
        : `${self(f, m)} = ${m.value(f.actual)} differs from the value computed from other cells: ${m.num(f.expected)} (${f.detail.formula}); check whether this cell or the cells it is computed from are wrong (the cell is not overwritten).`,
    computed_value_blocked: (f, m) => {
      const toFix = f.detail.toFix.map((x) => (x.value === null ? m.name(x.indicator, x.cell) : `${m.name(x.indicator, x.cell)} = ${m.num(x.value)}`)).join(", ");
      return f.detail.reason === "inputs_in_error"
        ? `${self(f, m)} is not filled in: the figures it is computed from have errors (${toFix}); fix those cells first.`
        : `${self(f, m)} is not filled in: ${toFix} give ${m.num(f.detail.value)}, which is not a valid value for this indicator; check those cells.`;
    },
    rate_denominator_blank: (f, m) =>
      `${self(f, m)} cannot be computed: the denominator ${m.name(f.detail.denominator.indicator, f.detail.denominator.cell)} is blank.`,
    rate_denominator_zero: (f, m) =>
      `${self(f, m)} cannot be computed: the denominator ${m.name(f.detail.denominator.indicator, f.detail.denominator.cell)} is 0.`,
    period_not_cumulative: (f, m) => {
      const d = f.detail;
      const days = d.from && d.to ? ` (${dayText(d.from)} to ${dayText(d.to)})` : "";
      const rows = d.rows.slice(0, 3).map((r) => m.name(r.indicator, r.cell));
      const more = d.rows.length > 3 ? ` and ${d.rows.length - 3} more rows` : "";
      const since = d.since ? `from ${dayText(d.since)}` : "from the start of the year";
      const relaxed = d.relaxed.length ? ` The checks between cumulative figures and the period's own (${d.relaxed.length}) are therefore only warnings.` : "";
      return `The ${periodLabel(d.period, "en")} report${days} is not cumulative, while ${rows.join(", ")}${more} are cumulative ${since}; write these rows cumulatively and the others for the period only.${relaxed}`;
    },
    period_dates_mismatch: (f, m) => {
      const d = f.detail;
      const label = periodLabel(d.period, "en");
      const how = isCumulativePeriod(d.period.kind) ? "cumulative from 15/12 of the year before" : "not cumulative";
      return `The title (${m.cell(f.cell)}) writes ${label} as ${dayText(d.written.from)} to ${dayText(d.written.to)}, but ${label} runs from ${dayText(d.expected.from)} to ${dayText(d.expected.to)} (${how}); check the report's period and which period the figures were written for.`;
    },
    value_column_ambiguous: (f, m) => {
      const cols = f.detail.columns.map((c) => `${m.column(c.col)}${c.heading ? ` (“${c.heading}”)` : ""}`).join(", ");
      const checked = f.detail.columns.find((c) => c.checked);
      return `The table has several value columns: ${cols}; nothing says which is the report's period, so column ${checked ? m.column(checked.col) : ""} (heading in ${m.cell(f.cell)}) is checked. Choose the report's column (command line: --column).`;
    },
  },
  fix: (f, m) => {
    if (!f.fix) return "";
    if (f.fix.formula) return `Fill in the formula ${f.fix.formula} (= ${m.num(f.fix.value)})`;
    if (f.code === "code_as_word" || f.code === "boolean_as_code") return `Change to the code ${m.num(f.fix.value)}`;
    return `Change to the number ${m.num(f.fix.value)}`;
  },
};
