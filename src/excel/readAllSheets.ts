/**
 * Reading every sheet of the workbook: one round trip when Excel allows it, and two fallbacks, each logged. A host
 * that refuses the getNextOrNullObject chain (null objects not propagated) gets the names first, then the sheets
 * (2 trips); past Excel's 5 MB response limit, the sheets are read one per round trip.
 */
import type { Batches, Extra } from "./batches";
import { ExcelHostError } from "./errors";
import { queueAllSheets, queueNamedSheets, type SheetRead } from "./readSheets";

/** Every sheet, in one read where Excel allows it; `extra` loads more in that read (not on the fallbacks). */
export async function readAllSheets(batches: Batches, extra?: Extra): Promise<SheetRead[]> {
  try {
    return await batches.read(async (context) => {
      const q = queueAllSheets(context);
      const more = extra?.(context);
      await context.sync();
      more?.();
      return q.resolve();
    });
  } catch (e) {
    if (!(e instanceof ExcelHostError)) throw e;
    if (e.reason === "payload_too_large") return readOneByOne(batches, await sheetNames(batches));
    if (e.reason !== "excel_failed" && e.reason !== "sheet_missing") throw e;
    console.warn("the one-trip read of all sheets was refused; reading the sheet names first", e.excelCode, e.detail);
  }
  const names = await sheetNames(batches);
  try {
    return await batches.read(async (context) => {
      const q = queueNamedSheets(context, names);
      await context.sync();
      return q.resolve();
    });
  } catch (e) {
    if (e instanceof ExcelHostError && e.reason === "payload_too_large") return readOneByOne(batches, names);
    throw e;
  }
}

/** The names of every sheet (one read). */
export function sheetNames(batches: Batches): Promise<string[]> {
  return batches.read(async (context) => {
    const sheets = context.workbook.worksheets;
    sheets.load("items/name");
    await context.sync();
    return sheets.items.map((s) => s.name);
  });
}

/** The named sheets, one read each. */
async function readOneByOne(batches: Batches, names: readonly string[]): Promise<SheetRead[]> {
  const reads: SheetRead[] = [];
  for (const name of names) {
    reads.push(
      ...(await batches.read(async (context) => {
        const q = queueNamedSheets(context, [name]);
        await context.sync();
        return q.resolve();
      })),
    );
  }
  return reads;
}
