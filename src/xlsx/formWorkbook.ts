/**
 * Form files: reading a form (.xlsx workbook or .json document, at most 1 MB) and writing a form workbook.
 * Browser-safe: the pane loads form files outside Excel too. Reading never throws: every way a file can be wrong
 * is a problem the surfaces turn into a sentence.
 */
import ExcelJS from "exceljs";
import {
  compileFormJson, compileFormSheets, type CompileResult, FORM_MAX_BYTES, FORM_SHEET_NAMES, type FormDocument,
  formSheets, INDICATOR_COLUMNS, problem, RELATION_COLUMNS,
} from "../core";
import { inspectWorkbookBytes } from "./limits";
import { loadWorkbook, WorkbookReadError, worksheetGrid, type WorkbookBytes } from "./readWorkbook";

/** A form has a few thousand cells; a file with far more is not one (and must not cost the memory of one). */
export const FORM_MAX_CELLS = 100_000;
export const FORM_MAX_EXPANDED_BYTES = 32 * 1024 * 1024;

const refuse = (body: Parameters<typeof problem>[1]): CompileResult => ({ ok: false, problems: [problem({ file: true }, body)] });

/** True when the bytes are a JSON document rather than a workbook (a zip starts with "PK"). */
function looksLikeJson(bytes: Uint8Array, fileName: string): boolean {
  if (/\.json$/i.test(fileName)) return true;
  let i = bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf ? 3 : 0;
  while (i < bytes.length && (bytes[i] === 0x20 || bytes[i] === 0x0a || bytes[i] === 0x0d || bytes[i] === 0x09)) i++;
  return bytes[i] === 0x7b; // "{"
}

/** Reads and compiles a form file's bytes. `fileName` only tells JSON from a workbook when the bytes do not. */
export async function readFormBytes(data: WorkbookBytes, fileName = ""): Promise<CompileResult> {
  const bytes = data instanceof Uint8Array ? data : new Uint8Array(data);
  if (bytes.length > FORM_MAX_BYTES) return refuse({ code: "file_too_large", bytes: bytes.length, limit: FORM_MAX_BYTES });
  if (looksLikeJson(bytes, fileName)) {
    let text: string;
    try {
      text = new TextDecoder("utf-8", { fatal: true }).decode(bytes).replace(/^\uFEFF/, "");
    } catch {
      return refuse({ code: "not_utf8" });
    }
    return compileFormJson(text);
  }
  const inspected = inspectWorkbookBytes(bytes);
  // Cells beyond a form's, or bytes that unpack far past any form's (a compression bomb): each said as what it is
  // (the file's own size is within the limit).
  if (!inspected.ok && inspected.failure.reason === "too_much_data") return refuse({ code: "file_unpacks_too_large", limit: FORM_MAX_EXPANDED_BYTES });
  if (inspected.ok && inspected.stats.cells > FORM_MAX_CELLS) return refuse({ code: "file_too_many_cells", cells: inspected.stats.cells, limit: FORM_MAX_CELLS });
  if (inspected.ok && inspected.stats.expandedBytes > FORM_MAX_EXPANDED_BYTES) {
    return refuse({ code: "file_unpacks_too_large", bytes: inspected.stats.expandedBytes, limit: FORM_MAX_EXPANDED_BYTES });
  }
  let workbook: ExcelJS.Workbook;
  try {
    workbook = await loadWorkbook(bytes);
  } catch (e) {
    if (e instanceof WorkbookReadError) return refuse({ code: "not_a_form" });
    throw e;
  }
  return compileFormSheets(workbook.worksheets.map((ws) => ({ name: ws.name, grid: worksheetGrid(ws) })));
}

const FONT = { name: "Times New Roman", size: 11 };

/** The form as a workbook of three sheets: headings bold and frozen, long texts wrapped, every cell text. */
export function formWorkbook(doc: FormDocument): ExcelJS.Workbook {
  const sheets = formSheets(doc);
  const wb = new ExcelJS.Workbook();
  wb.creator = "cchc";
  // Fixed dates: a form made twice from the same data is the same workbook.
  wb.created = new Date(Date.UTC(2024, 0, 1));
  wb.modified = wb.created;
  const add = (name: string, rows: readonly (readonly string[])[], widths: readonly number[]) => {
    const ws = wb.addWorksheet(name, { views: [{ state: "frozen", ySplit: 1, topLeftCell: "A2", activeCell: "A2" }] });
    ws.columns = widths.map((width) => ({ width }));
    rows.forEach((cells, r) => {
      const row = ws.getRow(r + 1);
      cells.forEach((text, c) => {
        if (text === "") return;
        const cell = row.getCell(c + 1);
        // Always a string: a text that starts with "=" stays text (ExcelJS writes formulas only from {formula}).
        cell.value = text;
        cell.font = { ...FONT, bold: r === 0 };
        cell.alignment = { vertical: "top", wrapText: true };
      });
    });
    return ws;
  };
  add(FORM_SHEET_NAMES.facts, sheets.facts, [24, 110]);
  add(FORM_SHEET_NAMES.indicators, sheets.indicators, INDICATOR_COLUMNS.map((c) => c.width));
  add(FORM_SHEET_NAMES.relations, sheets.relations, RELATION_COLUMNS.map((c) => c.width));
  return wb;
}

/** The form workbook's bytes. */
export async function formWorkbookBytes(doc: FormDocument): Promise<Uint8Array> {
  return new Uint8Array(await formWorkbook(doc).xlsx.writeBuffer());
}
