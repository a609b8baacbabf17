/**
 * File names as users have them. A Vietnamese name typed or pasted in one Unicode form (NFD, as macOS keyboards
 * and some archives give it) finds the file stored in the other (NFC), and the reverse; Excel's lock files
 * (`~$name.xlsx`, written beside a workbook while it is open) are told apart from workbooks.
 */
import * as fs from "fs";
import * as path from "path";

/**
 * `file` as it exists on disk: itself when it exists, else the entry of its folder (each folder on the way
 * resolved the same way) whose name is the same text in another Unicode form. Unchanged when none is found.
 */
export function existingName(file: string): string {
  if (fs.existsSync(file)) return file;
  const dir = path.dirname(file);
  const base = path.basename(file);
  if (dir === file || base === "") return file;
  const parent = existingName(dir);
  let entries: string[];
  try {
    entries = fs.readdirSync(parent);
  } catch {
    return file;
  }
  const wanted = base.normalize("NFC");
  const match = entries.find((e) => e.normalize("NFC") === wanted);
  return match === undefined ? file : path.join(parent, match);
}

/** Whether `file` is one of Excel's lock files ("~$Báo cáo.xlsx"), not a workbook. */
export function isExcelLockFile(file: string): boolean {
  return path.basename(file).startsWith("~$");
}

/**
 * The lock file showing that `file` is open in Excel or LibreOffice right now, if there is one: Excel writes
 * `~$name` beside it (for long names, `~$` over the name's first two characters), LibreOffice `.~lock.name#`.
 */
export function openLockOf(file: string): string | null {
  const dir = path.dirname(file);
  const base = path.basename(file);
  const candidates = [`~$${base}`, `~$${base.slice(2)}`, `.~lock.${base}#`];
  let entries: string[];
  try {
    entries = fs.readdirSync(dir);
  } catch {
    return null;
  }
  const names = new Set(entries.map((e) => e.normalize("NFC")));
  const found = candidates.find((c) => c.length > 2 && names.has(c.normalize("NFC")));
  return found === undefined ? null : path.join(dir, found);
}
