/** English words of the consolidation (`--lang en`). Indicator labels stay in the official Vietnamese. */
import type { FileModified, KeepReason } from "../consolidate";
import type { ConsolidateTexts, IssueContext } from "./consolidateTexts";

/** Why the file kept was chosen, said of the kept file ("this file") or of the other ("that file"). */
function why(reason: KeepReason, kept: string, modified: FileModified | null, other: FileModified | null, c: IssueContext): string {
  switch (reason) {
    case "preferred":
      return "as chosen by the person consolidating";
    case "period":
      return `because the reporting period written in ${kept} is the batch's`;
    case "modified":
      return `because ${kept} was saved later (${modified ? c.modified(modified) : "?"}; the other: ${other ? c.modified(other) : "?"})`;
    default:
      return "because no saved date tells which is newer, so the file given first is used";
  }
}

/** English. */
export const consolidateEn: ConsolidateTexts = {
  issues: {
    duplicate_unit: ({ detail: d }, c) =>
      d.why === "same_file"
        ? "This file was given twice; it is counted once."
        : `The unit sent two files for the same period; the summary uses “${d.keptFile}” ${why(d.why, "that file", d.keptModified, d.modified, c)}. This file is left out so that the figures are not counted twice; you may choose to use this file instead.`,
    kept_over: ({ detail: d }, c) =>
      `The unit also sent “${d.otherFile}” for the same period; the summary uses this file ${why(d.why, "this file", d.modified, d.otherModified, c)}.`,
    other_period: ({ detail: d }, c) =>
      `This file is the unit's report for ${c.period(d.period)}, another period than “${d.keptFile}”${d.keptPeriod ? ` (${c.period(d.keptPeriod)})` : ""}, which the summary uses: a report of another period, not a second copy, so it is left out.`,
    hidden_sheet_only: ({ detail: d }) =>
      `The appendix is only on the hidden sheet “${d.sheet}” (a hidden sheet is, as a rule, last period's copy); the file is left out of the summary until you choose to use that sheet.`,
    hidden_sheet_included: ({ detail: d }) => `The appendix on the hidden sheet “${d.sheet}” is consolidated, as you chose.`,
    period_mismatch: (i, c) => `The reporting period is ${c.period(i.detail.period)}, not the batch's period (${c.period(i.detail.expected)}).`,
    template_mismatch: ({ detail: d }) =>
      d.template === d.expected && d.version !== d.expectedVersion
        ? `The appendix follows version ${d.version ?? "(none)"} of the form “${d.templateTitle}”, not the batch's version (${d.expectedVersion ?? "(none)"}); the file is listed apart and left out of the summary, since two versions of a form may differ in rows and indicators (consolidate these files on their own with --form).`
        : `The appendix follows the form “${d.templateTitle === d.expectedTitle ? `${d.templateTitle} (${d.template})` : d.templateTitle}”, not the batch's form (“${d.templateTitle === d.expectedTitle ? `${d.expectedTitle} (${d.expected})` : d.expectedTitle}”); the file is listed apart and left out of the summary, since the same indicator id names another row in another form (consolidate these files on their own with --form).`,
    unit_name_missing: (i) =>
      `The appendix's title block does not name the reporting unit; the summary uses the file name “${i.unit}” instead.`,
    period_missing: () => "The reporting period is unknown: neither the title block nor the file name gives it.",
    period_year_missing: (i, c) => `The reporting period (${c.period(i.detail.period)}) gives no year.`,
    period_from_file_name: (i, c) => `The title block gives no reporting period; it was taken from the file name: ${c.period(i.detail.period)}.`,
    template_rows_differ: (i, c) =>
      `The appendix lacks ${c.num(i.detail.missing)} indicators of the template and has ${c.num(i.detail.unrecognized)} rows matching no indicator; the unit may be using another version of the template.`,
    same_figures: (i) =>
      `The figures are identical to those of “${i.detail.otherFile}” (${i.detail.otherUnit}); the wrong file may have been sent.`,
    rate_parts_incomplete: (i, c) => {
      const { given, numerator, denominator } = i.detail;
      const missing = given === numerator ? denominator : numerator;
      return `${c.name(i.indicator ?? "")}: “${c.name(given)}” is given but “${c.name(missing)}” is not, which skews the overall rate (computed from the summed numerators and denominators).`;
    },
  },
  unusable: {
    unreadable: (u, c) => c.unreadable(u.unreadable),
    no_appendix: (u, c) => c.appendix(u.appendix),
    lock_file: () => "This is the lock file Excel or LibreOffice writes while a workbook is open, not an appendix: skipped.",
  },
  modifiedFrom: { properties: "by the file's properties", file_system: "by the file system's date" },
  setAside: { duplicate: "Not used (another file of the same period)", other_period: "Not used (another period)", other_form: "Not used (another form)", hidden_sheet: "Not used yet (appendix on a hidden sheet)" },
  severity: { error: "Error", warning: "Warning", info: "Info" },
  yes: "Yes",
  no: "No",
  workbook: {
    summarySheet: "Summary",
    statusSheet: "Status",
    findingsSheet: "Findings",
    title: "CONSOLIDATED STATISTICS APPENDIX OF THE ADMINISTRATIVE REFORM REPORTS",
    periodLine: (p, form) => `Reporting period: ${p} · Form: ${form}`,
    unitsLine: (units, ready, marked, aside, unusable) =>
      `${units} units in the table: ${ready} ready, ${marked} to review (shaded columns)` +
      (aside ? `; ${aside} files not used (see the “Status” sheet)` : "") +
      (unusable ? `; ${unusable} files could not be read (see the “Files not read” sheet)` : ""),
    legend:
      "“Total” column: counts are added up; rates are recomputed from the summed numerators and denominators (never averaged); yes/no indicators: number of units answering code 1; choices: number of units per code.",
    stt: "No.",
    indicator: "Indicator",
    unit: "Unit of measure",
    total: "Total",
    reported: "Units reporting",
    method: "How the total is made",
    unitState: "State",
    ready: "Ready",
    notReady: "To review",
    methodSum: "Sum over units",
    methodRate: (num, den) => `Sum of “${num}” / sum of “${den}” × 100`,
    methodYes: (yes) => `Units answering ${yes} (code 1)`,
    methodChoice: "Units per choice",
    methodNone: "Not added up",
    methodNoneRate: "Not added up (a rate without numerator and denominator)",
    statusHeaders: {
      stt: "No.",
      unit: "Unit",
      file: "File",
      period: "Reporting period",
      template: "Template",
      errors: "Errors",
      warnings: "Warnings",
      infos: "Infos",
      ready: "Ready",
      column: "Column in the summary",
      issues: "Consolidation issues",
    },
    unusableSheet: "Files not read",
    unusableHeaders: { stt: "No.", file: "File", reason: "Reason" },
    findingsHeaders: {
      unit: "Unit",
      file: "File",
      sheet: "Sheet",
      cell: "Cell",
      severity: "Severity",
      indicator: "Indicator",
      message: "Message",
      code: "Code (technical)",
    },
    wholeFile: "(whole file)",
  },
};
