/**
 * One unit's file as the consolidation keeps it: its checked appendix reduced to figures, findings, unit name and
 * period (the workbook can be dropped once this is made), or why the file could not be used, as data.
 */
import { missingIndicators, type FoundCheck } from "../checkWorkbook";
import type { CellRef, Finding, IndicatorAt } from "../finding";
import type { Grid } from "../grid";
import type { AppendixFailure } from "../location";
import type { Period } from "../period";
import { inspectCell } from "../rules";
import { sheetView } from "../sheetView";
import { cleanText } from "../text";
import { periodFromFileName, titleOrSheetPeriod, titleInfo } from "../titleInfo";
import type { Unreadable } from "../unreadable";

/**
 * What the consolidation itself reads of a unit's finding: its severity (the counts) and its cell (the verdict leaves
 * out a warning on a cell already counted as unanswered). A surface may keep no more than this of each finding (the
 * command line keeps the findings sheet's rows on disk), or the whole finding (the pane lists them).
 */
export interface FindingMark {
  readonly severity: Finding["severity"];
  readonly cell?: CellRef;
}

/** A unit's appendix reduced to what the consolidation needs: the workbook can be dropped once this is made. */
export interface UnitReport<F extends FindingMark = Finding> {
  readonly file: string;
  readonly sheet: string;
  readonly templateId: string;
  /** The version of the form the appendix was located with (absent for a template without one). */
  readonly templateVersion?: string;
  /**
   * `sheet` is hidden: "fallback" when no visible sheet holds the appendix (the consolidation sets the file aside
   * until the user includes it), "chosen" when the user named the sheet; null or absent: the sheet is visible.
   */
  readonly hidden?: "chosen" | "fallback" | null;
  /** From the title block; null when it names no unit. */
  readonly unitName: string | null;
  readonly period: Period | null;
  readonly periodFrom: "title" | "sheet" | "file" | null;
  /** Indicator id -> the value the cell is meant to hold (1 for "Có", 87 for 0.87 in a % row), or the calculator's value for a blank total/rate; absent when blank or unreadable. */
  readonly values: Readonly<Record<string, number | string>>;
  /** Ids whose value came from the calculator (the unit left the cell blank). */
  readonly computed: readonly string[];
  readonly findings: readonly F[];
  /** Indicators due in the period left without an answer (core/readiness.ts): part of the unit's readiness. */
  readonly unanswered: readonly IndicatorAt[];
  /** Template rows the sheet lacks, and sheet rows that match no template row: signs of another version. */
  readonly rowsMissing: number;
  readonly rowsUnrecognized: number;
  /** When the file was last saved, to tell which of a unit's two files is newer; absent or null when unknown. */
  readonly modified?: FileModified | null;
}

/**
 * When a file was last saved: the workbook's own record (docProps/core.xml, which travels with the file through
 * e-mail and copies), else the file system's date (which a copy may reset).
 */
export interface FileModified {
  /** ISO 8601 ("2023-12-14T09:30:00Z"). */
  readonly at: string;
  readonly from: "properties" | "file_system";
}

/**
 * A file that could not be consolidated, and why, as data (the surfaces word it): unreadable (the file system, the
 * browser or the reader refused it), no appendix found in it (the reason every surface gives for that), or skipped
 * unread because it is an office lock file ("~$Báo cáo.xlsx", which a "*.xlsx" pattern catches while Báo cáo.xlsx is
 * open). None of them is a unit: they are listed apart, never counted as a unit with an error.
 */
export type UnitFailure =
  | { readonly file: string; readonly failure: "unreadable"; readonly unreadable: Unreadable }
  | { readonly file: string; readonly failure: "no_appendix"; readonly appendix: AppendixFailure }
  | { readonly file: string; readonly failure: "lock_file" };

/** Whether `file` names a lock file Excel ("~$name.xlsx") or LibreOffice (".~lock.name.xlsx#") writes beside an open workbook. */
export function isLockFileName(file: string): boolean {
  const base = file.replace(/^.*[\\/]/, "");
  return base.startsWith("~$") || /^\.~lock\..*#$/.test(base);
}

/** True for a file that could not be consolidated. */
export function isFailure<F extends FindingMark>(u: UnitReport<F> | UnitFailure): u is UnitFailure {
  return "failure" in u;
}

/** The file's base name without folder or extension: what a unit without a name is called. */
export function fileBaseName(file: string): string {
  return cleanText(file.replace(/^.*[\\/]/, "").replace(/\.[A-Za-z0-9]+$/, "").normalize("NFC")) || file;
}

/**
 * Reduces one checked appendix (the grid of its sheet and the check) to a `UnitReport`: the value of each indicator as the rules read it, the
 * calculator's value where the unit left a total or rate blank, the findings, the title block's unit and period
 * (the file name's period when the title gives none), and when the file was last saved (`modified`, from the adapter).
 */
export function unitReport(
  file: string,
  grid: Grid,
  check: FoundCheck,
  modified: FileModified | null = null,
  restGrid: Grid | null = null,
): UnitReport {
  const { template, location } = check;
  // An appendix split over two sheets is one unit's appendix: its values come from both (never "another version").
  const second = check.rest && restGrid ? { primary: check.sheet, sheet: check.rest.sheet, grid: restGrid, location: check.rest.location } : null;
  const view = sheetView(grid, template, location, inspectCell, null, second);
  const values: Record<string, number | string> = {};
  const computed: string[] = [];
  const patched = new Map(check.patches.map((p) => [p.indicator, p.value]));
  for (const ind of template.indicators) {
    if (ind.kind === "group") continue;
    if (ind.kind === "text") {
      const raw = view.cell(ind.id)?.raw.value;
      const text = raw === null || raw === undefined ? "" : cleanText(String(raw));
      if (text !== "") values[ind.id] = text;
      continue;
    }
    const n = view.number(ind.id);
    if (n.state === "value") values[ind.id] = n.value;
    else if (n.state === "blank" && patched.has(ind.id)) {
      values[ind.id] = patched.get(ind.id) as number;
      computed.push(ind.id);
    }
  }
  const title = titleInfo(grid, location);
  const sheetPeriod = titleOrSheetPeriod(title, check.sheet);
  const filePeriod = sheetPeriod ? null : periodFromFileName(file);
  return {
    file,
    sheet: check.sheet,
    templateId: template.id,
    ...(template.version === undefined ? {} : { templateVersion: template.version }),
    hidden: check.hidden,
    unitName: title.unitName,
    period: sheetPeriod ?? filePeriod,
    periodFrom: title.period ? "title" : sheetPeriod ? "sheet" : filePeriod ? "file" : null,
    values,
    computed,
    findings: check.findings,
    unanswered: check.unanswered,
    rowsMissing: missingIndicators(check).length,
    rowsUnrecognized: location.unrecognized.length + (check.rest?.location.unrecognized.length ?? 0),
    modified,
  };
}
