/**
 * Reading every sheet of the workbook: one round trip when Excel allows it, and fallbacks, each logged. Past
 * MAX_SHEETS sheets the rest are read by name in one more read (names first: 2 trips more). A host that refuses the
 * getNextOrNullObject chain (null objects not propagated) gets the names first, then the sheets (2 trips); past
 * Excel's 5 MB response limit, the sheets are read one per round trip. Conditional formats Excel cannot load
 * (office-js#5222) never fail the read: it is made again without the marks, and `marksError` says so.
 */
import type { Batches, Extra } from "./batches";
import { ExcelHostError } from "./errors";
import { MAX_SHEETS, queueAllSheets, queueNamedSheets, type SheetRead, type SheetReadOptions } from "./readSheets";

/** What a read of every sheet gave: the sheets, and why their marks could not be read (then `reads` have none). */
export interface AllSheets {
  readonly reads: SheetRead[];
  readonly marksError: ExcelHostError | null;
}

/** Whether a failed read failed on conditional formats (their location, e.g. "ConditionalFormatCollection.getItemAt"). */
export function isMarksFailure(e: unknown): boolean {
  return e instanceof ExcelHostError && /^(Custom)?ConditionalFormat/.test(e.location ?? "");
}

/**
 * Runs `read` with the marks when asked; if Excel cannot load some conditional format, runs it again without them
 * (one read more) and reports why.
 */
export async function withoutBrokenMarks<T>(options: SheetReadOptions, read: (options: SheetReadOptions) => Promise<T>): Promise<{ value: T; marksError: ExcelHostError | null }> {
  try {
    return { value: await read(options), marksError: null };
  } catch (e) {
    if (!options.marks || !(e instanceof ExcelHostError) || !isMarksFailure(e)) throw e;
    console.warn("Excel could not load a conditional format; the sheets are read again without the marks", e.excelCode, e.location, e.detail);
    return { value: await read({ ...options, marks: false }), marksError: e };
  }
}

/** Every sheet, in one read where Excel allows it; `extra` loads more in that read (not on the fallbacks). */
export async function readAllSheets(batches: Batches, extra?: Extra, options: SheetReadOptions = {}): Promise<AllSheets> {
  let extraTaken = false;
  const { value, marksError } = await withoutBrokenMarks(options, (opts) =>
    readEverySheet(batches, opts, extraTaken ? undefined : (context) => {
      const more = extra?.(context);
      return () => {
        extraTaken = true;
        more?.();
      };
    }),
  );
  return { reads: value, marksError };
}

async function readEverySheet(batches: Batches, options: SheetReadOptions, extra?: Extra): Promise<SheetRead[]> {
  let first: { reads: SheetRead[]; more: boolean };
  try {
    first = await batches.read(async (context) => {
      const q = queueAllSheets(context, options);
      const more = extra?.(context);
      await context.sync();
      more?.();
      return q.resolve();
    });
  } catch (e) {
    if (!(e instanceof ExcelHostError) || isMarksFailure(e)) throw e;
    if (e.reason === "payload_too_large") return readOneByOne(batches, await sheetNames(batches), options);
    if (e.reason !== "excel_failed" && e.reason !== "sheet_missing" && e.reason !== "changed_meanwhile") throw e;
    console.warn("the one-trip read of all sheets was refused; reading the sheet names first", e.excelCode, e.detail);
    return readNamed(batches, await sheetNames(batches), options);
  }
  if (!first.more) return first.reads;
  // More sheets than one read walks: the rest by name (the names first), so an appendix on sheet 31 is found too.
  const names = await sheetNames(batches);
  return [...first.reads, ...(await readNamed(batches, names.slice(MAX_SHEETS), options))];
}

/** The named sheets in one read; past the 5 MB limit, one read each. */
async function readNamed(batches: Batches, names: readonly string[], options: SheetReadOptions): Promise<SheetRead[]> {
  try {
    return await batches.read(async (context) => {
      const q = queueNamedSheets(context, names, options);
      await context.sync();
      return q.resolve();
    });
  } catch (e) {
    if (e instanceof ExcelHostError && e.reason === "payload_too_large") return readOneByOne(batches, names, options);
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
async function readOneByOne(batches: Batches, names: readonly string[], options: SheetReadOptions): Promise<SheetRead[]> {
  const reads: SheetRead[] = [];
  for (const name of names) {
    reads.push(
      ...(await batches.read(async (context) => {
        const q = queueNamedSheets(context, [name], options);
        await context.sync();
        return q.resolve();
      })),
    );
  }
  return reads;
}
