/**
 * Excel number format codes ("0.00%", "#,##0;[Red]-#,##0", "@"), parsed once for every reader of a format: the cell
 * reader (is 0.8723 shown as 87.23%? how many decimals does the user see?), the calculator (does a rate go into
 * this cell as a fraction?), the rate tolerance, and the .xlsx reader's displayed text. Pure and total: any string
 * parses, and a code that says nothing definite reads as General.
 *
 * A code has up to four sections, `positive;negative;zero;text`. Without conditions one section shows every
 * number, two show non-negative / negative, three positive / negative / zero; a section holding `@` is the text
 * section. With conditions (`[>=100]0;[<0]-0;0.00`) the first section whose condition holds shows the number, and a
 * section without a condition shows the rest. Quoted text ("%"), escaped characters (\%), spacing (_%) and fills
 * (*%) are literals, not placeholders; bracketed colours, locales ([$-42A], [$₫-42A]) and conditions are skipped;
 * [h], [mm], [ss] are elapsed time.
 */

/** A condition of a section: `[>=100]`. */
export interface FormatCondition {
  readonly op: "<" | "<=" | ">" | ">=" | "=" | "<>";
  readonly value: number;
}

/** What one section of a format shows. */
export interface FormatSection {
  /**
   * "number": digit placeholders (0 # ?); "general": the word General; "date": date or time parts; "text": `@`;
   * "literal": only literal text, or nothing at all (an empty zero section hides zeros).
   */
  readonly kind: "number" | "general" | "date" | "text" | "literal";
  /** Shown times 100 with a percent sign (a `%` outside quotes and escapes). */
  readonly percent: boolean;
  /**
   * Decimals the section shows: the digit placeholders after its decimal point ("0.0#" gives 2, the most it can
   * show), 0 without a point; null when the section does not fix them (General, a date, scientific, a fraction,
   * text or a literal).
   */
  readonly decimals: number | null;
  /** Thousands separators in the placeholders ("#,##0"). */
  readonly grouping: boolean;
  readonly condition: FormatCondition | null;
}

/** A parsed number format. */
export interface NumberFormat {
  /** The sections for numbers, in order (at most three are used). */
  readonly numeric: readonly FormatSection[];
  /** The section for text (the one holding `@`), null when the code has none. */
  readonly text: FormatSection | null;
}

/** Only the head of a number format is read; real formats are far shorter. */
const MAX_FORMAT = 256;

const GENERAL_SECTION: FormatSection = { kind: "general", percent: false, decimals: null, grouping: false, condition: null };
const GENERAL: NumberFormat = { numeric: [GENERAL_SECTION], text: null };

/** Splits a code at the `;` that are not quoted, escaped or bracketed. */
function splitSections(code: string): string[] {
  const out: string[] = [];
  let cur = "";
  for (let i = 0; i < code.length; i++) {
    const ch = code[i];
    if (ch === '"') {
      const end = code.indexOf('"', i + 1);
      const stop = end < 0 ? code.length : end + 1;
      cur += code.slice(i, stop);
      i = stop - 1;
    } else if (ch === "[") {
      const end = code.indexOf("]", i + 1);
      const stop = end < 0 ? code.length : end + 1;
      cur += code.slice(i, stop);
      i = stop - 1;
    } else if (ch === "\\" || ch === "_" || ch === "*") {
      cur += code.slice(i, i + 2);
      i++;
    } else if (ch === ";") {
      out.push(cur);
      cur = "";
    } else {
      cur += ch;
    }
  }
  out.push(cur);
  return out;
}

const CONDITION = /^(<=|>=|<>|<|>|=)\s*([+-]?(?:\d+\.?\d*|\.\d+)(?:e[+-]?\d+)?)$/i;
const ELAPSED = /^(h+|m+|s+)$/i;
const DATE_LETTERS = "ymdhsYMDHS";

/** Reads one section's tokens; quoted text, escapes, spacing, fills and brackets never count as placeholders. */
function parseSection(section: string): FormatSection {
  let condition: FormatCondition | null = null;
  let placeholders = false;
  let general = false;
  let date = false;
  let text = false;
  let percent = false;
  let grouping = false;
  let scientific = false;
  let fraction = false;
  let point = false;
  let decimals = 0;
  for (let i = 0; i < section.length; i++) {
    const ch = section[i];
    if (ch === '"') {
      const end = section.indexOf('"', i + 1);
      i = end < 0 ? section.length : end;
    } else if (ch === "\\" || ch === "_" || ch === "*") {
      i++;
    } else if (ch === "[") {
      const end = section.indexOf("]", i + 1);
      const inner = section.slice(i + 1, end < 0 ? section.length : end).trim();
      i = end < 0 ? section.length : end;
      const m = CONDITION.exec(inner);
      if (m) condition = { op: m[1] as FormatCondition["op"], value: Number(m[2]) };
      else if (ELAPSED.test(inner)) date = true;
    } else if (ch === "0" || ch === "#" || ch === "?") {
      placeholders = true;
      if (point) decimals++;
    } else if (ch === ".") {
      point = true;
    } else if (ch === ",") {
      if (placeholders && !point) grouping = true;
    } else if (ch === "%") {
      percent = true;
    } else if ((ch === "E" || ch === "e") && (section[i + 1] === "+" || section[i + 1] === "-")) {
      scientific = true;
      i++;
    } else if (ch === "/") {
      if (placeholders) fraction = true;
    } else if (ch === "@") {
      text = true;
    } else if ((ch === "G" || ch === "g") && section.slice(i, i + 7).toLowerCase() === "general") {
      general = true;
      i += 6;
    } else if ((ch === "A" || ch === "a") && /^(am\/pm|a\/p)/i.test(section.slice(i))) {
      date = true;
      i += section[i + 1] === "/" ? 2 : 4;
    } else if (DATE_LETTERS.includes(ch) || ch === "B" || ch === "b") {
      // B1/B2 pick a calendar; the rest are date and time parts.
      if (ch === "B" || ch === "b") {
        if (section[i + 1] === "1" || section[i + 1] === "2") i++;
      } else {
        date = true;
      }
    }
  }
  const kind: FormatSection["kind"] = text
    ? "text"
    : date
      ? "date"
      : placeholders
        ? "number"
        : general
          ? "general"
          : "literal";
  const fixed = kind === "number" && !scientific && !fraction;
  return {
    kind,
    percent: percent && (kind === "number" || kind === "general"),
    decimals: fixed ? decimals : null,
    grouping,
    condition,
  };
}

/** Parses a number format code; General for a missing or empty one. */
function parse(code: string): NumberFormat {
  const head = code.slice(0, MAX_FORMAT);
  if (head.trim() === "" || head.trim().toLowerCase() === "general") return GENERAL;
  const sections = splitSections(head).map(parseSection);
  const textIndex = sections.findIndex((s) => s.kind === "text");
  // With four sections the fourth is for text, whatever it holds.
  const text = textIndex >= 0 ? sections[textIndex] : sections.length >= 4 ? sections[3] : null;
  const numeric = sections.filter((s, i) => i !== textIndex && !(textIndex < 0 && i >= 3)).slice(0, 3);
  return { numeric, text };
}

const cache = new Map<string, NumberFormat>();
const CACHE_SIZE = 512;

/** The parsed format of a code ("0.00%", "#,##0;[Red]-#,##0", "@"); General when absent. Never throws. */
export function numberFormat(code: string | undefined | null): NumberFormat {
  if (typeof code !== "string") return GENERAL;
  let parsed = cache.get(code);
  if (parsed === undefined) {
    parsed = parse(code);
    // A workbook has a handful of formats; a bounded cache keeps a hostile file from growing it.
    if (cache.size >= CACHE_SIZE) cache.clear();
    cache.set(code, parsed);
  }
  return parsed;
}

function holds(c: FormatCondition, value: number): boolean {
  switch (c.op) {
    case "<":
      return value < c.value;
    case "<=":
      return value <= c.value;
    case ">":
      return value > c.value;
    case ">=":
      return value >= c.value;
    case "=":
      return value === c.value;
    case "<>":
      return value !== c.value;
  }
}

/**
 * The section that shows the number `value`. A format whose only section is for text (`@`) shows numbers as
 * General.
 */
export function sectionFor(format: NumberFormat | string | undefined | null, value: number): FormatSection {
  const f = typeof format === "object" && format !== null ? format : numberFormat(format);
  const s = f.numeric;
  if (s.length === 0) return GENERAL_SECTION;
  if (s.some((x) => x.condition !== null)) {
    for (const x of s) if (x.condition === null || holds(x.condition, value)) return x;
    return s[s.length - 1];
  }
  if (value < 0 && s.length >= 2) return s[1];
  if (value === 0 && s.length >= 3) return s[2];
  return s[0];
}

/** True when `value` in a cell of this format is shown as a percentage (0.8723 as 87.23%). */
export function showsPercent(format: string | undefined | null, value: number): boolean {
  return sectionFor(format, value).percent;
}

/**
 * The number format a rate goes into a cell of `format` with: the cell's own when the section showing `value` already
 * shows a number with two decimals (as a percent or not), so a user's "0.00;[Red]-0.00%" or "#,##0.00" stays;
 * otherwise "0.00%" or "0.00", as that section shows a percent or not.
 */
export function rateFormatFor(format: string | undefined | null, value: number): string {
  const section = sectionFor(format, value);
  if (format && section.kind === "number" && section.decimals === 2) return format;
  return section.percent ? "0.00%" : "0.00";
}

/** Decimals the user sees for `value` in a cell of this format; null when the format does not fix them. */
export function shownDecimals(format: string | undefined | null, value: number): number | null {
  return sectionFor(format, value).decimals;
}

/** True when the code makes a cell hold text (`@` alone): a value typed into it is kept as typed. */
export function isTextFormat(format: string | undefined | null): boolean {
  const f = numberFormat(format);
  return f.text !== null && f.numeric.length === 0;
}

/**
 * The number to put in a cell of this format so that it shows `value` as the appendix means it: a fraction where
 * the format shows percentages (87.23 goes in as 0.8723), the value itself elsewhere. The inverse of the cell
 * reader's percent scaling (read.ts), so what is written reads back as `value`.
 */
export function cellNumberFor(value: number, format: string | undefined | null): number {
  if (!showsPercent(format, value)) return value;
  const fraction = Number((value / 100).toPrecision(15));
  return fraction === 0 ? 0 : fraction;
}
