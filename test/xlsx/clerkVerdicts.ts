/**
 * What `cchc check --json` says of a workbook of test/xlsx/clerks, as the reviewer's verdict tables compare it: the
 * sheet and column checked, the period its title names, and each finding in one line (indicator, code, severity,
 * what the cell holds and the value expected) — without cells, so a layout that moves the rows says the same.
 */
import * as fs from "fs";
import { run } from "../../src/cli/run";
import { checkWorkbook, periodKey, titleOrSheetPeriod, templates, titleInfo } from "../../src/core";
import { readWorkbookSheets } from "../../src/xlsx/package";

export interface Verdict {
  readonly sheet: string;
  readonly column: string;
  readonly period: string | null;
  readonly missing: readonly string[];
  readonly findings: readonly string[];
  readonly unanswered: number;
}

interface JsonFinding {
  readonly indicator: string;
  readonly code: string;
  readonly severity: string;
  readonly actual: unknown;
  readonly expected: unknown;
}

export const line = (f: JsonFinding): string =>
  `${f.indicator} ${f.code} ${f.severity} ${JSON.stringify(f.actual)}${f.expected === null ? "" : ` -> ${JSON.stringify(f.expected)}`}`;

export async function verdictOf(file: string): Promise<Verdict> {
  let out = "";
  const code = await run(["check", file, "--json"], { out: (t) => (out += t), err: () => undefined });
  if (code > 1) throw new Error(`cchc check ${file} exited ${code}`);
  const j = JSON.parse(out).files[0];
  const sheets = readWorkbookSheets(fs.readFileSync(file)).sheets.map((s) => ({ name: s.name, grid: s.grid }));
  const found = checkWorkbook(sheets, templates);
  if (!found.found) throw new Error(`no appendix in ${file}`);
  const period = titleOrSheetPeriod(titleInfo(sheets.find((s) => s.name === found.sheet)!.grid, found.location), found.sheet);
  return {
    sheet: j.sheet,
    column: j.valueColumn.checked,
    period: period ? periodKey(period) : null,
    missing: j.missing,
    findings: (j.findings as JsonFinding[]).map(line),
    unanswered: j.readiness.unanswered,
  };
}

/** What `findings` adds to and drops from `base`, each a sorted list (a multiset difference). */
export function delta(base: readonly string[], findings: readonly string[]): { added: string[]; removed: string[] } {
  const left = [...base];
  const added: string[] = [];
  for (const f of findings) {
    const i = left.indexOf(f);
    if (i >= 0) left.splice(i, 1);
    else added.push(f);
  }
  return { added: added.sort(), removed: left.sort() };
}
