/**
 * When a workbook was last saved, by its own record: docProps/core.xml's `dcterms:modified`, which Excel, LibreOffice,
 * openpyxl and ExcelJS write on every save and which travels with the file (a copy or an e-mail attachment resets the
 * file system's date, not this one). Browser-safe.
 */
import { PatchRefused } from "./package/refusal";
import { NotUtf8Error, decodeUtf8 } from "./package/utf8";
import { entryBytes, findEntry, readZip } from "./package/zip";

/** The core properties part is a few hundred bytes; anything past this is not one. */
const CORE_PROPERTIES_BUDGET = 64 * 1024;

/**
 * The workbook's last-saved time as ISO 8601 ("2023-12-14T02:30:00.000Z"), or null when the file does not say (no
 * core properties, no date, a date that is not one). The date is a hint for choosing between two files of a unit, so
 * a part this reader refuses (not a zip, not UTF-8, too big) gives null: the workbook reader says what is wrong.
 */
export function documentModified(bytes: Uint8Array): string | null {
  let xml: string;
  try {
    const archive = readZip(bytes);
    const entry = findEntry(archive, "docProps/core.xml");
    if (!entry) return null;
    xml = decodeUtf8(entryBytes(archive, entry, CORE_PROPERTIES_BUDGET));
  } catch (e) {
    if (e instanceof PatchRefused || e instanceof NotUtf8Error) return null;
    throw e;
  }
  const m = /<(?:[A-Za-z_][\w.-]*:)?modified\b[^>]*>\s*([^<\s]+)\s*</.exec(xml);
  if (!m) return null;
  const t = Date.parse(m[1]);
  return Number.isNaN(t) ? null : new Date(t).toISOString();
}
