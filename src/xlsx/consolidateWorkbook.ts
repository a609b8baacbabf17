/**
 * A consolidation -> TONG_HOP.xlsx: the summary sheet (summarySheet.ts), a status sheet and a findings sheet.
 * Browser-safe: it writes into any ExcelJS workbook, including the streaming `WorkbookWriter` the command line uses
 * so that a thousand units never sit in memory as cell objects (every row is committed as soon as it is written).
 */
import ExcelJS from "exceljs";
import {
  cellA1, columnLetters, consolidateMessages, type Consolidation, type Finding, type FindingMark, formatFinding, formatIssue, formKey,
  formatUnusable, type Lang, periodLabel, type Severity, type Template, type UnitStatus,
} from "../core";
import { MARKED_FILL, READY_FILL, writeSteps, writeTable, type Value } from "./sheetWriting";
import { SUMMARY_COLUMNS, SUMMARY_FIRST_ROW, SUMMARY_HEADER_ROW, UNIT_COL, writeSummary } from "./summarySheet";

export { SUMMARY_COLUMNS, SUMMARY_FIRST_ROW, SUMMARY_HEADER_ROW, UNIT_COL } from "./summarySheet";

function* statusRows<F extends FindingMark>(c: Consolidation<F>, lang: Lang): Generator<{ values: Value[]; fill?: ExcelJS.Fill }> {
  const m = consolidateMessages(lang);
  let n = 0;
  for (const s of c.statuses) {
    yield {
      values: [
        ++n,
        s.unit,
        s.file,
        periodLabel(s.period, lang),
        s.templateTitle,
        s.errors,
        s.warnings,
        s.infos,
        s.ready ? m.yes : m.no,
        s.column === null ? m.setAside[s.setAside ?? "duplicate"] : columnLetters(UNIT_COL - 1 + s.column),
        s.issues.map((i) => `${m.severity[i.severity]}: ${formatIssue(i, lang, c.template)}`).join("\n") || null,
      ],
      fill: s.ready ? READY_FILL : MARKED_FILL,
    };
  }
}

/** A finding's row on the findings sheet, after its unit, file and sheet: the cell, severity, indicator, sentence and code. */
export interface FindingRow {
  readonly cell: string;
  readonly severity: Severity;
  /** the indicator's id (its label is written only when the unit is on the summary's form) */
  readonly indicator: string | null;
  readonly message: string;
  readonly code: string;
}

/** A finding as its row on the findings sheet says it, in `lang`, worded with `template`. */
export function findingRow(f: Finding, lang: Lang, template: Template): FindingRow {
  return { cell: cellA1(f.cell), severity: f.severity, indicator: f.indicator ?? null, message: formatFinding(f, lang, template), code: f.code };
}

/** Findings are named by the indicator's official label (its code only in the last column, for whoever needs it). */
function* findingRows<F extends FindingMark>(c: Consolidation<F>, lang: Lang, rowsOf: (s: UnitStatus<F>) => Iterable<FindingRow>): Generator<{ values: Value[] }> {
  const m = consolidateMessages(lang);
  const labelOf = new Map(c.template.indicators.map((i) => [i.id, i.label]));
  for (const s of c.statuses) {
    // A file on another form: its ids name rows of that form, not of this one.
    const label = (id: string | null | undefined) => (id && formKey({ id: s.templateId, version: s.templateVersion }) === formKey(c.template) ? labelOf.get(id) ?? null : null);
    for (const i of s.issues) {
      yield { values: [s.unit, s.file, s.sheet, m.workbook.wholeFile, m.severity[i.severity], label(i.indicator), formatIssue(i, lang, c.template), i.code] };
    }
    for (const f of rowsOf(s)) yield { values: [s.unit, s.file, s.sheet, f.cell, m.severity[f.severity], label(f.indicator), f.message, f.code] };
  }
}

function* unusableRows<F extends FindingMark>(c: Consolidation<F>, lang: Lang): Generator<{ values: Value[]; fill?: ExcelJS.Fill }> {
  let n = 0;
  for (const u of c.unusable) yield { values: [++n, u.file, formatUnusable(u, lang, c.template)], fill: MARKED_FILL };
}

/**
 * Adds the summary, status and findings sheets of `c` to `workbook`. Every formula carries its computed value,
 * so the file reads right before any recalculation; the values are the model's, the same the formulas give.
 */
export function writeConsolidation(workbook: ExcelJS.Workbook, c: Consolidation, lang: Lang = "vi"): void {
  writeSteps(consolidationSteps(workbook, c, lang, (s) => s.findings.map((f) => findingRow(f, lang, c.template))));
}

/**
 * `writeConsolidation` a row at a time: each step is a row written. The streaming writer holds a written row's XML
 * until its zip reads it, which happens only between turns of the event loop; a caller that waits between steps
 * now and then (the command line) keeps a thousand units' sheets from piling up in memory. `rowsOf` gives a unit's
 * rows on the findings sheet: a caller that kept only the findings' marks keeps their rows elsewhere.
 */
export function* consolidationSteps<F extends FindingMark>(
  workbook: ExcelJS.Workbook,
  c: Consolidation<F>,
  lang: Lang,
  rowsOf: (s: UnitStatus<F>) => Iterable<FindingRow>,
): Generator<void, void, undefined> {
  const w = consolidateMessages(lang).workbook;
  // Frozen headers on screen; landscape A4, fit to width, header rows repeated on every printed page.
  const sheet = (xSplit: number, ySplit: number, titleRows: string): Partial<ExcelJS.AddWorksheetOptions> => ({
    views: [{ state: "frozen", xSplit, ySplit, topLeftCell: `${columnLetters(xSplit)}${ySplit + 1}` }],
    pageSetup: { paperSize: 9, orientation: "landscape", fitToPage: true, fitToWidth: 1, fitToHeight: 0, printTitlesRow: titleRows },
  });
  const summary = workbook.addWorksheet(
    w.summarySheet,
    sheet(SUMMARY_COLUMNS.total, SUMMARY_FIRST_ROW - 1, `${SUMMARY_HEADER_ROW}:${SUMMARY_FIRST_ROW - 1}`),
  );
  yield* writeSummary(summary, c, lang);
  const h = w.statusHeaders;
  yield* writeTable(
    workbook.addWorksheet(w.statusSheet, sheet(0, 1, "1:1")),
    [h.stt, h.unit, h.file, h.period, h.template, h.errors, h.warnings, h.infos, h.ready, h.column, h.issues],
    [6, 36, 30, 20, 16, 8, 10, 10, 10, 14, 80],
    statusRows(c, lang),
  );
  const f = w.findingsHeaders;
  yield* writeTable(
    workbook.addWorksheet(w.findingsSheet, sheet(0, 1, "1:1")),
    [f.unit, f.file, f.sheet, f.cell, f.severity, f.indicator, f.message, f.code],
    [30, 26, 14, 8, 12, 48, 90, 26],
    findingRows(c, lang, rowsOf),
  );
  // Files that are no unit (not read, no appendix, lock files): a sheet of their own, only when there are some.
  if (c.unusable.length > 0) {
    const u = w.unusableHeaders;
    yield* writeTable(workbook.addWorksheet(w.unusableSheet, sheet(0, 1, "1:1")), [u.stt, u.file, u.reason], [6, 40, 100], unusableRows(c, lang));
  }
}

/** A new in-memory workbook holding the consolidation (the pane; small batches). */
export function consolidationWorkbook(c: Consolidation, lang: Lang = "vi"): ExcelJS.Workbook {
  const workbook = new ExcelJS.Workbook();
  workbook.creator = "cchc";
  writeConsolidation(workbook, c, lang);
  return workbook;
}
