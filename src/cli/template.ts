/** `cchc template`: the official appendix laid out in a new workbook, ready to fill. */
import { layoutPlan, type ReportPeriod, type Template } from "../core";
import { templateWorkbook, workbookBytes } from "../xlsx";
import { checkOutputName, FileProblem, writeOutput } from "./workbookFiles";
import type { CliMessages } from "./messages";

/** Writes the template to `output`; exit status 0 when written, 2 otherwise (the sentence goes to `err`). */
export async function runTemplate(
  output: string,
  opts: { readonly unit?: string; readonly year: number; readonly period: ReportPeriod; readonly force: boolean; readonly template: Template },
  m: CliMessages,
  out: (text: string) => void,
  err: (text: string) => void,
): Promise<number> {
  try {
    checkOutputName(output, m, err, [".xlsx"], "phu-luc.xlsx");
    const plan = layoutPlan(opts.template, { unitName: opts.unit, year: opts.year, period: opts.period });
    await writeOutput(output, await workbookBytes(templateWorkbook(plan)), opts.force, m);
    out(`${m.templateWritten(output, plan.names.length, plan.cells.filter((c) => c.formula).length, plan.validations.length)}\n`);
    return 0;
  } catch (e) {
    if (!(e instanceof FileProblem)) throw e;
    err(`${e.message}\n`);
    return 2;
  }
}
