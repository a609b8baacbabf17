/**
 * What a form file may not carry. A form is shared between offices and loaded into the add-in, so its text is
 * treated as hostile until shown otherwise: no formulas (a cell that computes, or text that Excel would run as
 * one when written back), no markup or script, no control characters, nothing of unbounded size.
 */

/** A form file is refused above this many bytes (the built-in form is about 60 KB as .xlsx, 80 KB as JSON). */
export const FORM_MAX_BYTES = 1024 * 1024;
/** Longest text in one cell (the longest printed label is about 250 characters). */
export const FORM_MAX_TEXT = 2000;
/** Most indicator rows and most relation rows a form may have (the built-in form: 178 indicators and under 100 relations). */
export const FORM_MAX_ROWS = 3000;

/** Markup or script: an HTML tag that can run or load something, a script URL, an inline event handler. */
const SCRIPT = /<\s*\/?\s*(script|iframe|object|embed|svg|img|style|link|meta|base|form|a|body|html|math)\b|javascript\s*:|vbscript\s*:|data\s*:\s*text\/html|\bon(load|error|click|mouse[a-z]*|focus|blur|submit|change|key[a-z]*|input|wheel|pointer[a-z]*)\s*=/i;
/** Text Excel (or a CSV importer) runs as a formula: "=...", "@...", "+A1", "-2+3" (but not "- Số TTHC", "+ Khác"). */
const FORMULA = /^\s*(=|@|[+-]\s*[^\s\p{L}(\-–])/u;
const CONTROL = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/;

/** True when the text must not be loaded: formula text, markup or script, control characters. */
export function unsafeText(text: string): boolean {
  return FORMULA.test(text) || SCRIPT.test(text) || CONTROL.test(text);
}
