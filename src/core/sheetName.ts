/**
 * A free name for a new sheet, by Excel's rules, so that the template never replaces a sheet and every host accepts
 * the name: at most 31 characters, none of [ ] : * ? / \, not blank, no apostrophe at either end, not "History"
 * (Excel keeps it), and unlike every existing name, compared case-insensitively (and in NFC).
 */

/** Excel's longest sheet name. */
export const MAX_SHEET_NAME = 31;

const key = (name: string) => name.normalize("NFC").toLocaleLowerCase("vi");

/** `base` made a valid sheet name: characters Excel refuses become spaces, end apostrophes go, at most 31 characters. */
export function validSheetName(base: string): string {
  const clean = base
    .normalize("NFC")
    .replace(/[[\]:*?/\\]/g, " ")
    .slice(0, MAX_SHEET_NAME)
    .replace(/^[\s']+|[\s']+$/g, "");
  return clean === "" || key(clean) === "history" ? "Sheet" : clean;
}

/** `base` (made valid), else "base (2)", "base (3)"… shortened to fit: never one of `existing`. */
export function freeSheetName(base: string, existing: readonly string[]): string {
  const clean = validSheetName(base);
  const taken = new Set(existing.map(key));
  if (!taken.has(key(clean))) return clean;
  for (let i = 2; ; i++) {
    const suffix = ` (${i})`;
    const name = clean.slice(0, MAX_SHEET_NAME - suffix.length).replace(/[\s']+$/, "") + suffix;
    if (!taken.has(key(name))) return name;
  }
}
