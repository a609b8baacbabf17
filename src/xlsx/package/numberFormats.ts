/**
 * Excel's built-in number formats (the ids a style may name without declaring them), as ExcelJS lists them:
 * the reader gives a cell the same format text ExcelJS would, and the writer reuses a built-in id rather than
 * declaring a format Excel already has.
 */
export const BUILTIN_NUMBER_FORMATS: Readonly<Record<number, string>> = {
  0: "General",
  1: "0",
  2: "0.00",
  3: "#,##0",
  4: "#,##0.00",
  9: "0%",
  10: "0.00%",
  11: "0.00E+00",
  12: "# ?/?",
  13: "# ??/??",
  14: "mm-dd-yy",
  15: "d-mmm-yy",
  16: "d-mmm",
  17: "mmm-yy",
  18: "h:mm AM/PM",
  19: "h:mm:ss AM/PM",
  20: "h:mm",
  21: "h:mm:ss",
  22: 'm/d/yy "h":mm',
  37: "#,##0 ;(#,##0)",
  38: "#,##0 ;[Red](#,##0)",
  39: "#,##0.00 ;(#,##0.00)",
  40: "#,##0.00 ;[Red](#,##0.00)",
  45: "mm:ss",
  46: "[h]:mm:ss",
  47: "mmss.0",
  48: "##0.0E+0",
  49: "@",
};

/** The built-in id of a format text, if Excel has one. */
export function builtinFormatId(code: string): number | undefined {
  for (const [id, f] of Object.entries(BUILTIN_NUMBER_FORMATS)) if (f === code) return Number(id);
  return undefined;
}

/** Whether a format shows a date or time (ExcelJS's test: y, m, d, h, s or b outside quotes and brackets). */
export function isDateFormat(code: string): boolean {
  return /[ymdhMsb]+/.test(code.replace(/\[[^\]]*]/g, "").replace(/"[^"]*"/g, ""));
}
