/** English words of the consolidation (`--lang en`). Indicator labels stay in the official Vietnamese. */
import type { PeriodKind } from "../titleInfo";
import type { ConsolidateMessages } from "./consolidate";

const QUARTER: Readonly<Record<string, string>> = { quy1: "Q1", quy2: "Q2", quy3: "Q3", quy4: "Q4" };

function periodName(kind: PeriodKind, year: number | null): string {
  const y = year === null ? "" : ` ${year}`;
  switch (kind) {
    case "nam":
      return year === null ? "Whole year" : `Year ${year}`;
    case "6thang":
      return `First six months${y}`;
    case "9thang":
      return `Nine months${y}`;
    default:
      return `${QUARTER[kind]}${y}`;
  }
}

/** English. */
export const consolidateEn: ConsolidateMessages = {
  issues: {
    file_unreadable: (i, c) =>
      `The file could not be read${c.text(i.detail?.reason) ? `: ${c.text(i.detail?.reason).replace(/[.\s]+$/, "")}` : ""}; it is left out of the summary.`,
    no_appendix: (i, c) =>
      `${c.text(i.detail?.reason) || "No CCHC statistics appendix was found in the file."} The file is left out of the summary.`,
    duplicate_unit: (i, c) =>
      `This unit was already sent in “${c.text(i.detail?.firstFile)}”; this file is left out of the summary so that its figures are not counted twice.`,
    period_mismatch: (i, c) =>
      `The reporting period is ${c.period(i.detail?.period)}, not the batch's period (${c.period(i.detail?.expected)}).`,
    template_mismatch: (i, c) =>
      `The appendix follows template “${c.text(i.detail?.template)}”, not the batch's template (“${c.text(i.detail?.expected)}”); the file is listed apart and left out of the summary, since the same indicator id names another row in another form (consolidate these files on their own with --form).`,
    unit_name_missing: (i) =>
      `The appendix's title block does not name the reporting unit; the summary uses the file name “${i.unit}” instead.`,
    period_missing: () => "The reporting period is unknown: neither the title block nor the file name gives it.",
    period_year_missing: (i, c) => `The reporting period (${c.period(i.detail?.period)}) gives no year.`,
    period_from_file_name: (i, c) =>
      `The title block gives no reporting period; it was taken from the file name: ${c.period(i.detail?.period)}.`,
    template_rows_differ: (i, c) =>
      `The appendix lacks ${c.num(i.detail?.missing)} indicators of the template and has ${c.num(i.detail?.unrecognized)} rows matching no indicator; the unit may be using another version of the template.`,
    same_figures: (i, c) =>
      `The figures are identical to those of “${c.text(i.detail?.otherFile)}” (${c.text(i.detail?.otherUnit)}); the wrong file may have been sent.`,
    rate_parts_incomplete: (i, c) => {
      const given = c.text(i.detail?.given);
      const num = c.text(i.detail?.numerator);
      const den = c.text(i.detail?.denominator);
      const missing = given === num ? den : num;
      return `${c.name(i.indicator ?? "")}: “${c.name(given)}” is given but “${c.name(missing)}” is not, which skews the overall rate (computed from the summed numerators and denominators).`;
    },
  },
  periodName,
  noPeriod: "Unknown",
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
  cli: {
    help: `cchc consolidate FILE.xlsx [FILE.xlsx ...] -o TONG_HOP.xlsx [--period P] [--force] [--json] [--lang vi|en]

Merges the appendices of many units into one workbook: a “Summary” sheet (one row per indicator in the
official order and wording, one column per unit, a total that adds up counts, rates recomputed from the
summed numerators and denominators, yes/no indicators counted as units answering yes), a “Status” sheet
(unit, file, period, errors, warnings, ready or not) and a “Findings” sheet (every error and warning by
unit and cell). The unit name and period come from the appendix's title block (or the file name). A unit
sent twice, another period or another template is reported. No input file is changed.

  -o, --out OUT   The summary workbook (required, .xlsx)
  --period P      The batch's period, e.g. nam/2023, 6thang/2024, quy1/2024 (default: the one most files give)
  --force         Replace OUT if it exists
  --json          Print one JSON document (each file's status and the issues) instead of text

Exit status: 0 every unit is ready; 1 some unit has an error or a consolidation issue; 2 some file could not
be read or holds no appendix, or the command was used wrongly.
`,
    needArgs: "The consolidate command needs at least one .xlsx file and an output, e.g.: cchc consolidate units/*.xlsx -o TONG_HOP.xlsx",
    progress: (done, total) => `Reading ${done}/${total} files`,
    readLine: (done, total) => `Read ${done}/${total} files.`,
    fileLine: (unit, file, period, errors, warnings, ready) =>
      `${unit} (${file}): ${period}; ${errors} errors, ${warnings} warnings — ${ready ? "ready" : "to review"}`,
    leftOutLine: (file) => `${file}: left out of the summary`,
    issueLine: (text) => `  - ${text}`,
    written: (out, units, ready, marked, left) =>
      `Wrote “${out}”: ${units} units, ${ready} ready, ${marked} to review` + (left ? `, ${left} files left out.` : "."),
    badPeriod: (v) => `Period “${v}” is not valid; write KIND/YEAR with KIND one of nam, 6thang, 9thang, quy1, quy2, quy3, quy4, e.g. nam/2023.`,
    outIsInput: (file) => `The output “${file}” is one of the input files; consolidate never changes an input file.`,
    noUsableFile: "No file held a readable appendix; the summary is still written, with the “Status” sheet saying why.",
  },
};
