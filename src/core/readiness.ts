/**
 * Ready to send: the one rule every surface shows (the pane's banner, `cchc check`'s summary, the consolidation's
 * status column). An appendix is ready when it has no error, every indicator due in its period is answered, and
 * every warning left has been acknowledged with a reason. Otherwise the verdict says what is left.
 */
import type { DuePeriod, Indicator, Template } from "./catalog/model";
import type { Finding, IndicatorAt } from "./finding";
import { sameCell, type CellRef } from "./address";
import type { SheetView } from "./sheetView";

/** What is left before the appendix can be sent; all zero (and `ready`) when nothing is. */
export interface Readiness {
  readonly ready: boolean;
  /** errors (never acknowledgeable) */
  readonly errors: number;
  /** due indicators without an answer: a blank value cell, or no row for them on the sheet */
  readonly unanswered: number;
  /**
   * warnings neither acknowledged nor about an unanswered indicator's cell (a blank yes/no question's warning is
   * counted once, as unanswered)
   */
  readonly unreviewed: number;
}

/** The kinds of row that take an answer (group and text rows do not). */
function takesAnswer(i: Indicator): boolean {
  return i.kind === "count" || i.kind === "percent" || i.kind === "flag" || i.kind === "choice";
}

/** Due in `period`: a row without `periods` is due in every period, as is every row when the period is unknown. */
export function isDue(i: Indicator, period: DuePeriod | null): boolean {
  return !i.periods || period === null || i.periods.includes(period);
}

/**
 * The indicators due in the sheet's period that have no answer: no row on the sheet, or a blank value cell ("-" or
 * "không" is an answer: none). A blank total or rate the fill would compute is unanswered until it is filled.
 */
export function unansweredIndicators(sheet: Pick<SheetView, "template" | "cell" | "period">): IndicatorAt[] {
  const period = sheet.period?.kind ?? null;
  return sheet.template.indicators
    .filter((i) => takesAnswer(i) && isDue(i, period))
    .flatMap((i): IndicatorAt[] => {
      const c = sheet.cell(i.id);
      if (!c) return [{ indicator: i.id, cell: null }];
      return c.due && c.reading.kind === "blank" ? [{ indicator: i.id, cell: c.cell }] : [];
    });
}

/** The unanswered indicators of a template with no sheet at all (a form nobody filled in). */
export function allDue(template: Template, period: DuePeriod | null): IndicatorAt[] {
  return template.indicators.filter((i) => takesAnswer(i) && isDue(i, period)).map((i) => ({ indicator: i.id, cell: null }));
}

/**
 * The verdict on a checked appendix. `acknowledged` says which findings the user has accepted with a reason (the
 * workbook's acknowledgements inside Excel, the session's outside; none for a file on the command line). Findings may
 * be any problem with a severity: the consolidation counts its batch issues (no cell) with the appendix's.
 */
export function readiness<F extends Pick<Finding, "severity"> & { readonly cell?: CellRef }>(
  check: { readonly findings: readonly F[]; readonly unanswered: readonly IndicatorAt[] },
  acknowledged: (f: F) => boolean = () => false,
): Readiness {
  const blank = check.unanswered.flatMap((u) => (u.cell === null ? [] : [u.cell]));
  let errors = 0;
  let unreviewed = 0;
  for (const f of check.findings) {
    if (f.severity === "error") errors++;
    else if (f.severity === "warning" && !acknowledged(f) && !blank.some((c) => f.cell && sameCell(c, f.cell))) unreviewed++;
  }
  const unanswered = check.unanswered.length;
  return { ready: errors === 0 && unanswered === 0 && unreviewed === 0, errors, unanswered, unreviewed };
}
