/** English words of the consolidation (`--lang en`). Indicator labels stay in the official Vietnamese. */
import type { ConsolidateTexts } from "./consolidateTexts";

/** English. */
export const consolidateEn: ConsolidateTexts = {
  issues: {
    file_unreadable: (i, c) => `${c.unreadable(i.detail)} It is left out of the summary.`,
    no_appendix: (i, c) => `${c.appendix(i.detail)} The file is left out of the summary.`,
    duplicate_unit: (i) =>
      `This unit was already sent in “${i.detail.firstFile}”; this file is left out of the summary so that its figures are not counted twice.`,
    period_mismatch: (i, c) => `The reporting period is ${c.period(i.detail.period)}, not the batch's period (${c.period(i.detail.expected)}).`,
    template_mismatch: (i) =>
      `The appendix follows template “${i.detail.template}”, not the batch's template (“${i.detail.expected}”); the file is listed apart and left out of the summary, since the same indicator id names another row in another form (consolidate these files on their own with --form).`,
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
  severity: { error: "Error", warning: "Warning", info: "Info" },
  yes: "Yes",
  no: "No",
  workbook: {
    summarySheet: "Summary",
    statusSheet: "Status",
    findingsSheet: "Findings",
    title: "CONSOLIDATED STATISTICS APPENDIX OF THE ADMINISTRATIVE REFORM REPORTS",
    periodLine: (p) => `Reporting period: ${p}`,
    unitsLine: (units, ready, marked, left) =>
      `${units} units in the table: ${ready} ready, ${marked} to review (shaded columns)` +
      (left ? `; ${left} files left out (see the “Status” sheet)` : ""),
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
    leftOut: "Left out",
    findingsHeaders: {
      unit: "Unit",
      file: "File",
      sheet: "Sheet",
      cell: "Cell",
      severity: "Severity",
      code: "Code",
      message: "Message",
    },
    wholeFile: "(whole file)",
  },
};
