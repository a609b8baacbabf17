/** The appendix in a workbook: which sheet and template, and the other sheets that hold one too. */
import type { Template } from "../catalog/model";
import type { Grid } from "../grid";
import type { LocateFailure, Location } from "../location";
import { locate } from "./sheet";

/** Another sheet that also holds an appendix (locateInWorkbook picks one; the surfaces must say the others exist). */
export interface OtherAppendix {
  readonly sheet: string;
  readonly template: string;
  /** rows matched on that sheet */
  readonly matched: number;
}

/** The appendix seems split over two sheets: their matched indicators hardly overlap and together cover more. */
export interface SplitAppendix {
  /** the chosen sheet first, then the one holding the rest */
  readonly sheets: readonly [string, string];
  /** indicators matched on the two sheets together */
  readonly matched: number;
}

/** What locateInWorkbook found. `others` and `split` are never silent choices: the surfaces report them. */
export type WorkbookLocateResult =
  | {
      readonly ok: true;
      readonly sheet: string;
      readonly template: Template;
      readonly location: Location;
      /** other sheets holding an appendix too, most rows first */
      readonly others: readonly OtherAppendix[];
      /** set when the chosen sheet and another one look like two parts of one appendix */
      readonly split: SplitAppendix | null;
    }
  | { readonly ok: false; readonly failure: LocateFailure };

/** Two parts of one appendix share at most this share of the smaller part's indicators (a few fuzzy doubles). */
const SPLIT_OVERLAP = 0.1;

/**
 * Picks the sheet (and template) holding an appendix: the one with the most matched rows; on a tie the first
 * sheet, then the first template. When none qualifies, the failure with the most matched rows. Other sheets that
 * hold an appendix too are listed in `others`; a second sheet holding the rest of the chosen one is `split`.
 */
export function locateInWorkbook(
  sheets: readonly { name: string; grid: Grid }[],
  templates: readonly Template[],
): WorkbookLocateResult {
  const found: { sheet: string; template: Template; location: Location }[] = [];
  let failure: LocateFailure = { reason: "no_header" };
  for (const sheet of sheets) {
    let best: { sheet: string; template: Template; location: Location } | null = null;
    for (const template of templates) {
      const r = locate(sheet.grid, template);
      if (r.ok) {
        if (!best || r.location.matches.length > best.location.matches.length) best = { sheet: sheet.name, template, location: r.location };
      } else if (r.failure.reason === "too_few_rows" && (failure.reason === "no_header" || r.failure.matched > failure.matched)) {
        failure = r.failure;
      }
    }
    if (best) found.push(best);
  }
  if (found.length === 0) return { ok: false, failure };
  // Stable: the first sheet wins a tie.
  const chosen = found.reduce((a, b) => (b.location.matches.length > a.location.matches.length ? b : a));
  const rest = found.filter((f) => f !== chosen);
  const others = rest
    .map((f) => ({ sheet: f.sheet, template: f.template.id, matched: f.location.matches.length }))
    .sort((a, b) => b.matched - a.matched);
  const mine = new Set(chosen.location.matches.map((m) => m.indicator));
  let split: SplitAppendix | null = null;
  for (const f of rest) {
    if (f.template !== chosen.template) continue;
    const theirs = f.location.matches.map((m) => m.indicator);
    const shared = theirs.filter((id) => mine.has(id)).length;
    const union = mine.size + theirs.length - shared;
    if (shared <= SPLIT_OVERLAP * Math.min(mine.size, theirs.length) && union > mine.size && (!split || union > split.matched)) {
      split = { sheets: [chosen.sheet, f.sheet], matched: union };
    }
  }
  return { ok: true, ...chosen, others, split };
}
