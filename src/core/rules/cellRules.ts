/**
 * Rules on one cell, from the indicator's kind. A value rule is a small factory returning a plain object that says
 * what it expects; `inspectCell` is the one shared runner that turns a reading into a number (or a finding) and
 * hands the number to the kind's value rule.
 */
import type { Indicator, IndicatorKind } from "../catalog/model";
import type { Finding, FindingValue, Fix } from "../finding";
import type { Reading } from "../reading";
import { writeTarget } from "../cellWrite";
import { cellNumberFor } from "../numberFormat";
import { cleanText, foldDiacritics } from "../text";
import { isWhole, roundTo, typedDecimals } from "./numbers";
import { printedCountUnit } from "./unitRule";
import type { CellCheck, CellNumber, IndicatorCell } from "../sheetView";

/** A check on a number a cell holds, for one indicator kind. */
export interface ValueRule {
  readonly kind: "value";
  /** Rule name, for docs and debugging. */
  readonly type: string;
  /** What a valid value looks like, in words. */
  readonly expects: string;
  /** True when `n` is a valid value (used to pick among the candidates of an ambiguous reading). */
  readonly accepts: (n: number, indicator: Indicator) => boolean;
  /** The finding for an invalid value, null when the value is valid. */
  readonly check: (n: number, c: IndicatorCell) => Finding | null;
}

type NumericKind = "count" | "percent" | "flag" | "choice";

/** The value as the user typed it, for a finding's `actual`. */
export function actualOf(reading: Reading): FindingValue {
  switch (reading.kind) {
    case "blank":
      return null;
    case "none":
    case "text":
    case "ambiguous":
      return reading.text;
    case "error":
      return reading.code;
    case "date":
      return reading.text;
    case "boolean":
      return reading.value ? "TRUE" : "FALSE";
    case "uncomputed":
      return reading.formula;
    case "number":
      return reading.stored === "text" && reading.text !== undefined ? reading.text : reading.value;
  }
}

/** What a cell rule says about a finding of one code; the rest comes from the cell. */
type OnCell<F> = F extends Finding
  ? Pick<F, "code" | "severity" | "detail"> & Partial<Pick<F, "expected" | "expectedKind" | "limit" | "fix" | "actual">>
  : never;

/** A finding on the indicator's value cell: the common fields filled in from the cell. */
function cellFinding(c: IndicatorCell, f: OnCell<Finding>): Finding {
  return { indicator: c.indicator.id, cell: c.cell, cells: [c.cell], actual: actualOf(c.reading), expected: null, fix: null, ...f };
}

/** The indicator's allowed codes, for a finding's detail. */
function codeList(indicator: Indicator): number[] {
  return (indicator.codes ?? []).map((k) => k.value);
}

/**
 * 1.248 in a count: a thousands dot read as a decimal point (a number typed in an English-language Excel, or pasted)
 * gives exactly three decimals after 1-3 digits. The thousands it may have meant, or null.
 */
export function thousandsSlip(n: number): number | null {
  if (!(n > 0 && n < 1000) || isWhole(n)) return null;
  const thousands = roundTo(n * 1000, 6);
  return isWhole(thousands) && !isWhole(roundTo(n * 100, 6)) ? Math.round(thousands) : null;
}

/**
 * A count is a whole number >= 0. A count that is not whole has no expected value: 2.5 or 1.248 says nothing sure
 * about the count meant (1.248 may be 1248 with its thousands dot read as decimals; the message says so).
 */
export const wholeNumber = (): ValueRule => ({
  kind: "value",
  type: "whole_number",
  expects: "a whole number >= 0",
  accepts: (n) => n >= 0 && isWhole(n),
  // A bound, not an answer: -3 says the count is wrong, not that it is 0; 1,5 people says nothing of 1 or 2.
  check: (n, c) =>
    n < 0
      ? cellFinding(c, { code: "count_negative", severity: "error", actual: n, limit: { bound: "min", value: 0 } })
      : isWhole(n)
        ? null
        : cellFinding(c, { code: "count_not_whole", severity: "error", actual: n, detail: { thousands: thousandsSlip(n) } }),
});

/**
 * A percentage, in percent points, lies in 0..100. A rate against a plan (`mayExceed100`: "% so với kế hoạch năm")
 * may pass 100 when more was done than planned: above 100 is then a warning, and the value stays usable.
 */
export const percentRange = (): ValueRule => ({
  kind: "value",
  type: "percent_range",
  expects: "a number from 0 to 100 (percent points); above 100 too for a rate against a plan",
  accepts: (n, indicator) => n >= 0 && (n <= 100 || indicator.mayExceed100 === true),
  check: (n, c) =>
    n >= 0 && n <= 100
      ? null
      : n > 100 && c.indicator.mayExceed100
        ? cellFinding(c, { code: "percent_above_plan", severity: "warning", actual: n })
        : cellFinding(c, {
            code: "percent_out_of_range",
            severity: "error",
            actual: n,
            limit: n < 0 ? { bound: "min", value: 0 } : { bound: "max", value: 100 },
          }),
});

/** A flag or coded choice holds one of its codes. */
export const oneOfCodes = (): ValueRule => ({
  kind: "value",
  type: "one_of_codes",
  expects: "one of the indicator's codes",
  accepts: (n, indicator) => (indicator.codes ?? []).some((k) => k.value === n),
  check: (n, c) =>
    (c.indicator.codes ?? []).some((k) => k.value === n)
      ? null
      : cellFinding(c, { code: "code_not_allowed", severity: "error", actual: n, detail: { codes: codeList(c.indicator) } }),
});

/** The value rule of each numeric kind. */
export const valueRules: Readonly<Record<NumericKind, ValueRule>> = {
  count: wholeNumber(),
  percent: percentRange(),
  flag: oneOfCodes(),
  choice: oneOfCodes(),
};

/** The code a typed word stands for ("Có" -> 1), matched without case or diacritics against the label and words. */
export function codeForWord(text: string, indicator: Indicator): number | undefined {
  const key = foldDiacritics(cleanText(text));
  for (const code of indicator.codes ?? []) {
    const words = [code.label, ...(code.words ?? [])].map((w) => foldDiacritics(cleanText(w)));
    if (words.includes(key)) return code.value;
  }
  return undefined;
}

/** "1 (Có)", "Có (1)", "Có = 1", "1 - Có": a code's number and its word, in either order. */
const NUMBER_AND_WORD = [
  /^(\d+)\s*\(\s*([^()]+?)\s*\)$/,
  /^(\d+)\s*[=:\-–]\s*(.+)$/,
] as const;
const WORD_AND_NUMBER = [
  /^([^()]+?)\s*\(\s*(\d+)\s*\)$/,
  /^(.+?)\s*[=:\-–]\s*(\d+)$/,
] as const;

/**
 * A code written with more than its word, as clerks answer (docs/READING.md): a trailing stop ("Có."), the code's
 * number and word together ("1 (Có)", "Không (0)", "Có = 1"; a number and a word that disagree name none), and in a
 * yes/no row an answer that opens with its word ("Có thực hiện", "Đã ban hành", "Không tổ chức", "Chưa thực hiện").
 */
export function codeInText(text: string, indicator: Indicator): number | undefined {
  const key = foldDiacritics(cleanText(text)).replace(/[.;,!]+$/, "").trim();
  const word = codeForWord(key, indicator);
  if (word !== undefined) return word;
  for (const re of NUMBER_AND_WORD) {
    const m = re.exec(key);
    if (m && codeForWord(m[2], indicator) === Number(m[1])) return Number(m[1]);
  }
  for (const re of WORD_AND_NUMBER) {
    const m = re.exec(key);
    if (m && codeForWord(m[1], indicator) === Number(m[2])) return Number(m[2]);
  }
  if (!isYesNo(indicator)) return undefined;
  const first = /^(co|da|khong|chua)\s+[a-z]/.exec(key);
  return first ? (first[1] === "co" || first[1] === "da" ? 1 : 0) : undefined;
}

/**
 * A fix that gives the indicator `value`: the cell gets the number that reads back as `value` in its format (a
 * fraction in a cell formatted as %, or under the fix's own format when it sets one).
 */
function valueFix(c: IndicatorCell, value: number, numberFormat?: string): Fix {
  return {
    ...writeTarget(c.cell),
    value,
    cellValue: cellNumberFor(value, numberFormat ?? c.raw.numberFormat),
    ...(numberFormat ? { numberFormat } : {}),
  };
}

const BLANK: CellNumber = { state: "blank" };
const UNUSABLE: CellNumber = { state: "unusable" };

function valueOf(n: number, decimals: number | null): CellNumber {
  return { state: "value", value: n, decimals };
}

/**
 * A note that explains why the cell is blank ("thực hiện vào cuối năm", "chưa thực hiện", "không phát sinh") answers
 * nothing: it is not a note the answer should be made to match.
 */
const EXPLAINS_BLANK =
  /\b(cuoi nam|chua (thuc hien|to chuc|trien khai|den ky|den thoi diem|co ket qua|phat sinh)|khong phat sinh|se (thuc hien|to chuc|bao cao)|dang (thuc hien|trien khai)|bao cao (sau|trong ky sau|vao cuoi))/;

/** True when a note says why its row is blank instead of what the answer is. */
export function explainsBlank(note: string): boolean {
  return EXPLAINS_BLANK.test(foldDiacritics(cleanText(note)));
}

/**
 * An unanswered flag or choice; a note that cites something suggests the answer was meant to be given. Out of its
 * period (a row due only in the year's report, in a quarter's report) a blank is not asked for.
 */
function blankAnswer(c: IndicatorCell): Finding[] {
  if (!c.due) return [];
  return [blankFinding(c)];
}

function blankFinding(c: IndicatorCell): Finding {
  return c.noteFilled && c.noteCell !== null && !explainsBlank(c.note)
    ? cellFinding(c, {
        code: "flag_blank_with_note",
        severity: "warning",
        detail: { note: c.note, noteCell: c.noteCell, codes: codeList(c.indicator) },
      })
    : cellFinding(c, { code: "flag_blank", severity: "warning", detail: { codes: codeList(c.indicator) } });
}

function wordAsCode(c: IndicatorCell, code: number): CellCheck {
  return {
    findings: [
      cellFinding(c, { code: "code_as_word", severity: "warning", expected: code, fix: valueFix(c, code) }),
    ],
    number: valueOf(code, 0),
  };
}

function isAnswer(kind: IndicatorKind): boolean {
  return kind === "flag" || kind === "choice";
}

/**
 * A yes/no row: two codes, 1 for yes ("Có", "Đã thực hiện") and 0 for no ("Không", "Chưa thực hiện"). TRUE and FALSE
 * (a checkbox, a typed boolean) answer it; in another flag ("Tốt = 1 Có vi phạm = 0") TRUE names no code for sure.
 */
export function isYesNo(indicator: Indicator): boolean {
  const codes = indicator.codes ?? [];
  if (indicator.kind !== "flag" || codes.length !== 2) return false;
  const word = (v: number) => foldDiacritics(cleanText(codes.find((k) => k.value === v)?.label ?? ""));
  const yes = word(1);
  const no = word(0);
  return (yes === "co" || yes.startsWith("da ")) && (no === "khong" || no.startsWith("chua "));
}

/**
 * A checkbox typed as a symbol or as the text of a boolean: "✓", "✔", "☑", "✅" and "TRUE" are ticked, "☐", "□" and
 * "FALSE" are not; undefined for anything else. "x" and "☒" are left out: a cross says "none" as often as "yes".
 */
export function tickMark(text: string): boolean | undefined {
  const t = cleanText(text).toLowerCase();
  if (["✓", "✔", "☑", "✅", "🗹", "true"].includes(t)) return true;
  if (["☐", "□", "false"].includes(t)) return false;
  return undefined;
}

/** TRUE or FALSE: the yes/no code it stands for (a warning with the code as its fix), or not a valid answer. */
function inspectBoolean(c: IndicatorCell, value: boolean): CellCheck {
  const kind = c.indicator.kind;
  if (isYesNo(c.indicator)) {
    const code = value ? 1 : 0;
    return {
      findings: [cellFinding(c, { code: "boolean_as_code", severity: "warning", expected: code, fix: valueFix(c, code) })],
      number: valueOf(code, 0),
    };
  }
  if (isAnswer(kind)) {
    return {
      findings: [cellFinding(c, { code: "code_not_allowed", severity: "error", detail: { codes: codeList(c.indicator) } })],
      number: UNUSABLE,
    };
  }
  return { findings: [cellFinding(c, { code: "text_not_number", severity: "error" })], number: UNUSABLE };
}

/** A readable number: the text and fraction warnings, then the kind's value rule. */
function inspectNumber(c: IndicatorCell, r: Extract<Reading, { kind: "number" }>, rule: ValueRule): CellCheck {
  const kind = c.indicator.kind;
  // 0.87 in a plain cell of a % row: the user typed a fraction where the appendix wants percent points.
  if (kind === "percent" && !r.percent && r.value > 0 && r.value < 1) {
    const fixed = roundTo(r.value * 100, 2);
    const fix = valueFix(c, fixed, "0.00");
    // The fraction's decimals less two are the rate's: 0.872 is 87.2, right to one decimal (±0.05), not to two.
    const decimals = Math.min(Math.max((r.decimals ?? typedDecimals(r.value)) - 2, 0), 2);
    return {
      findings: [cellFinding(c, { code: "percent_as_fraction", severity: "warning", expected: fixed, expectedKind: "reading", fix })],
      number: valueOf(fixed, decimals),
    };
  }
  // "100%" (or 1 shown as 100%) in a count of people: a percent where a count belongs; no count follows from it.
  if (kind === "count" && r.percent) {
    return { findings: [cellFinding(c, { code: "percent_in_count", severity: "error" })], number: UNUSABLE };
  }
  const findings: Finding[] = [];
  const countUnit = kind === "flag" && !r.percent ? printedCountUnit(c) : null;
  if (r.stored === "text") {
    findings.push(
      cellFinding(c, {
        code: "number_stored_as_text",
        severity: "warning",
        expected: r.value,
        fix: valueFix(c, r.value),
        ...(r.words ? { detail: { words: r.words } } : {}),
      }),
    );
  }
  // A yes/no row printed with a count unit ("Tin, bài" on I.3.4) holding a count: the clerk counted what the row asks
  // about, so more than one is a yes. 0 and 1 are the codes themselves.
  if (countUnit !== null && isWhole(r.value) && r.value > 1) {
    findings.push(cellFinding(c, { code: "count_as_yes", severity: "warning", actual: r.value, expected: 1, detail: { unit: countUnit } }));
    return { findings, number: valueOf(1, 0) };
  }
  const invalid = rule.check(r.value, c);
  if (invalid) findings.push(invalid);
  // One slip, one finding: a value its own row rejects (1.248 people, -3, 120%) feeds no relation, which would only
  // repeat the slip as a broken total or rate. A warning (a rate above its plan) leaves the value usable.
  return { findings, number: invalid?.severity === "error" ? UNUSABLE : valueOf(r.value, r.decimals) };
}

/** The shared runner: every cell rule for one located indicator. */
export function inspectCell(c: IndicatorCell): CellCheck {
  const kind = c.indicator.kind;
  const r = c.reading;
  if (kind === "text") return { findings: [], number: UNUSABLE };
  if (kind === "group") {
    if (r.kind === "blank" || r.kind === "none") return { findings: [], number: BLANK };
    return { findings: [cellFinding(c, { code: "value_in_group_row", severity: "warning" })], number: UNUSABLE };
  }
  const rule = valueRules[kind];
  switch (r.kind) {
    case "blank":
      return { findings: isAnswer(kind) ? blankAnswer(c) : [], number: BLANK };
    case "none": {
      // "không" arrives as an explicit none; for a flag it is the word for code 0.
      const code = isAnswer(kind) ? codeForWord(r.text, c.indicator) : undefined;
      if (code !== undefined) return wordAsCode(c, code);
      return { findings: isAnswer(kind) ? blankAnswer(c) : [], number: BLANK };
    }
    case "error":
      return { findings: [cellFinding(c, { code: "excel_error", severity: "error" })], number: UNUSABLE };
    case "uncomputed":
      // The relations that read this cell are skipped; validate names them in the detail.
      return {
        findings: [cellFinding(c, { code: "formula_no_result", severity: "warning", detail: { formula: r.formula, skipped: [] } })],
        number: UNUSABLE,
      };
    case "date":
      return { findings: [cellFinding(c, { code: "date_not_number", severity: "error", detail: { date: r.text } })], number: UNUSABLE };
    case "boolean":
      return inspectBoolean(c, r.value);
    case "text": {
      if (isAnswer(kind)) {
        const code = codeInText(r.text, c.indicator);
        if (code !== undefined) return wordAsCode(c, code);
        const ticked = tickMark(r.text);
        if (ticked !== undefined) return inspectBoolean(c, ticked);
        return {
          findings: [cellFinding(c, { code: "code_not_allowed", severity: "error", detail: { codes: codeList(c.indicator) } })],
          number: UNUSABLE,
        };
      }
      // "không" alone is flag code 0 to the reader; in a count or % row it can only mean "none".
      if (foldDiacritics(cleanText(r.text)) === "khong") return { findings: [], number: BLANK };
      return { findings: [cellFinding(c, { code: "text_not_number", severity: "error" })], number: UNUSABLE };
    }
    case "ambiguous": {
      const valid = [...new Set(r.candidates.filter((n) => rule.accepts(n, c.indicator)))];
      const candidates = r.candidates;
      if (valid.length === 1) {
        const fix = valueFix(c, valid[0]);
        return {
          findings: [
            cellFinding(c, {
              code: "ambiguous_number_resolved",
              severity: "warning",
              expected: valid[0],
              fix,
              detail: { candidates },
            }),
          ],
          number: valueOf(valid[0], null),
        };
      }
      return {
        findings: [cellFinding(c, { code: "ambiguous_number", severity: "error", detail: { candidates } })],
        number: UNUSABLE,
      };
    }
    case "number":
      return inspectNumber(c, r, rule);
  }
}
