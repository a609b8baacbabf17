/** The appendix in a workbook: which sheet and template, and the other sheets that hold one too. */
import type { Template } from "../catalog/model";
import type { Grid } from "../grid";
import type { AppendixFailure, Location } from "../location";
import { locateWithPartial, minimumMatches, type LocateOptions } from "./sheet";

/** Another sheet that also holds an appendix (locateInWorkbook picks one; the surfaces must say the others exist). */
export interface OtherAppendix {
  readonly sheet: string;
  readonly template: string;
  /** rows matched on that sheet */
  readonly matched: number;
  /** the sheet is hidden (Excel's "Ẩn"/"Hide", or very hidden): an older copy, as a rule, never chosen over a visible one */
  readonly hidden: boolean;
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
      /**
       * The chosen sheet is hidden: "chosen" when the user named it (`LocateOptions.sheet`), "fallback" when no
       * visible sheet holds an appendix. Fill and consolidation never use a "fallback" sheet. null: visible.
       */
      readonly hidden: HiddenChoice;
      readonly template: Template;
      readonly location: Location;
      /** other sheets holding an appendix too, most rows first */
      readonly others: readonly OtherAppendix[];
      /** set when the chosen sheet and another one look like two parts of one appendix */
      readonly split: SplitAppendix | null;
      /** with `split`: the second sheet and where the rest of the appendix sits on it (checked with the first as one) */
      readonly rest: { readonly sheet: string; readonly location: Location } | null;
    }
  | { readonly ok: false; readonly failure: AppendixFailure };

/** Whether the sheet checked is hidden, and whether the user chose it (see WorkbookLocateResult.hidden). */
export type HiddenChoice = "chosen" | "fallback" | null;

/** A sheet as the locator takes it: its name, its cells, and whether Excel hides it. */
export interface SheetToLocate {
  readonly name: string;
  readonly grid: Grid;
  /** hidden or very hidden in the workbook (absent: visible) */
  readonly hidden?: boolean;
}

/** Two parts of one appendix share at most this share of the smaller part's indicators (a few fuzzy doubles). */
const SPLIT_OVERLAP = 0.1;

/** Two sets of indicators as parts of one appendix: they hardly overlap; their union, or null when they do. */
function splitUnion(a: ReadonlySet<string>, b: readonly string[]): number | null {
  const shared = b.filter((id) => a.has(id)).length;
  return shared <= SPLIT_OVERLAP * Math.min(a.size, b.length) ? a.size + b.length - shared : null;
}

/** A sheet where a template matched too few rows: what did match. */
interface PartialMatch {
  readonly sheet: string;
  readonly template: Template;
  readonly indicators: readonly string[];
  readonly hidden: boolean;
}

/**
 * Whether a sheet matches `a` (rows of template `ta`) better than `b`: more rows matched; on a tie, the larger share
 * of the template's rows (a sheet of a short form matched in full beats a longer form it only partly covers).
 */
function betterMatch(a: Location, ta: Template, b: Location, tb: Template): boolean {
  if (a.matches.length !== b.matches.length) return a.matches.length > b.matches.length;
  return a.matches.length / ta.indicators.length > b.matches.length / tb.indicators.length;
}

/**
 * Picks the sheet (and template) holding an appendix: a visible sheet before any hidden one (a hidden "PL 2023"
 * beside the visible "PL 2024" is last year's copy); among them the one with the most matched rows; on a tie the
 * template the sheet covers the larger share of, then the first sheet, then the first template. `opts.sheet` (the
 * user's choice) looks at that sheet alone, hidden or not. Other sheets that hold an appendix too are listed in `others`; a second sheet
 * holding the rest of the chosen one is `split`. When no sheet qualifies: two sheets that together would (each
 * holding a real part, see `SPLIT_PART`) are a `split` failure; otherwise the attempt with the most matched rows.
 */
export function locateInWorkbook(sheets: readonly SheetToLocate[], templates: readonly Template[], opts: LocateOptions = {}): WorkbookLocateResult {
  // The user's sheet is the appendix's; the other sheets are still looked at, for the rest of it when it is split.
  const named = opts.sheet;
  if (named !== undefined ? !sheets.some((s) => s.name === named) : sheets.length === 0) return { ok: false, failure: { reason: "no_sheets" } };
  const found: Found[] = [];
  const partials: PartialMatch[] = [];
  for (const sheet of sheets) {
    let best: Found | null = null;
    for (const template of templates) {
      const { result: r, partial } = locateWithPartial(sheet.grid, template, opts);
      if (r.ok) {
        if (!best || betterMatch(r.location, template, best.location, best.template)) {
          best = { sheet: sheet.name, template, location: r.location, hidden: sheet.hidden === true };
        }
      } else if (r.failure.reason === "too_few_rows") {
        partials.push({ sheet: sheet.name, template, indicators: partial, hidden: sheet.hidden === true });
      }
    }
    if (best) found.push(best);
  }
  // Visible sheets first; stable: the first sheet wins a tie. The user's sheet, when named, alone.
  const visible = found.filter((f) => !f.hidden);
  const pool = named !== undefined ? found.filter((f) => f.sheet === named) : visible.length ? visible : found;
  if (pool.length === 0) {
    const { failure, template } = notFound(partials, named);
    return failure.reason === "split" && template ? splitParts(sheets, template, failure, opts) : { ok: false, failure };
  }
  const chosen = pool.reduce((a, b) => (b.location.matches.length > a.location.matches.length ? b : a));
  const rest = found.filter((f) => f !== chosen);
  const others = rest
    .map((f) => ({ sheet: f.sheet, template: f.template.id, matched: f.location.matches.length, hidden: f.hidden }))
    .sort((a, b) => Number(a.hidden) - Number(b.hidden) || b.matched - a.matched);
  const mine = new Set(chosen.location.matches.map((m) => m.indicator));
  let split: SplitAppendix | null = null;
  let second: Found | null = null;
  for (const f of rest) {
    // A hidden sheet is no part of a visible appendix (nor the reverse).
    if (f.template !== chosen.template || f.hidden !== chosen.hidden) continue;
    const union = splitUnion(mine, f.location.matches.map((m) => m.indicator));
    if (union !== null && union > mine.size && (!split || union > split.matched)) {
      split = { sheets: [chosen.sheet, f.sheet], matched: union };
      second = f;
    }
  }
  const hidden: HiddenChoice = !chosen.hidden ? null : opts.sheet !== undefined ? "chosen" : "fallback";
  const restOf = second && { sheet: second.sheet, location: second.location };
  return { ok: true, sheet: chosen.sheet, template: chosen.template, location: chosen.location, hidden, others, split, rest: restOf };
}

/**
 * Two sheets that each hold too few rows but together the appendix (`notFound`'s split): located again with the
 * part's threshold, the larger part first, and checked as one. Should a part not locate so, the split failure stands.
 */
function splitParts(
  sheets: readonly SheetToLocate[],
  template: Template,
  failure: Extract<AppendixFailure, { reason: "split" }>,
  opts: LocateOptions,
): WorkbookLocateResult {
  const minimum = partSize(template);
  const parts = failure.sheets.map((name) => {
    const sheet = sheets.find((s) => s.name === name)!;
    const { result } = locateWithPartial(sheet.grid, template, { ...opts, minimum });
    return result.ok ? { sheet: name, hidden: sheet.hidden === true, location: result.location } : null;
  });
  const [a, b] = parts;
  if (!a || !b) return { ok: false, failure };
  const [first, second] = b.location.matches.length > a.location.matches.length ? [b, a] : [a, b];
  const hidden: HiddenChoice = !first.hidden ? null : opts.sheet !== undefined ? "chosen" : "fallback";
  return {
    ok: true,
    sheet: first.sheet,
    template,
    location: first.location,
    hidden,
    others: [{ sheet: second.sheet, template: template.id, matched: second.location.matches.length, hidden: second.hidden }],
    split: { sheets: [first.sheet, second.sheet], matched: failure.matched },
    rest: { sheet: second.sheet, location: second.location },
  };
}

/** Rows a part of a split appendix holds at least (`SPLIT_PART` of the rows needed, at least 3). */
function partSize(template: Template): number {
  return Math.max(3, Math.ceil(SPLIT_PART * minimumMatches(template)));
}

/** A sheet where a template qualified. */
interface Found {
  readonly sheet: string;
  readonly template: Template;
  readonly location: Location;
  readonly hidden: boolean;
}

/**
 * A part of a split appendix holds at least this share of the rows needed (5 of 20 for the sở/ngành template):
 * a sheet of other data sharing two generic labels with the template is not a part.
 */
const SPLIT_PART = 0.25;

/**
 * Why nothing qualified: a split over two sheets, too few rows (the best attempt), or nothing like the appendix. With
 * `named` (the user's sheet) only that sheet's attempt counts, and a split only with it as one of the parts. The
 * template the failure is about comes with it (two versions of a form share an id: the object, not the id, says which).
 */
function notFound(partials: readonly PartialMatch[], named?: string): { failure: AppendixFailure; template: Template | null } {
  let split: { failure: Extract<AppendixFailure, { reason: "split" }>; template: Template } | null = null;
  for (const [i, a] of partials.entries()) {
    const needed = minimumMatches(a.template);
    const part = partSize(a.template);
    if (a.indicators.length < part) continue;
    const mine = new Set(a.indicators);
    for (const b of partials.slice(i + 1)) {
      if (b.template !== a.template || b.sheet === a.sheet || b.hidden !== a.hidden || b.indicators.length < part) continue;
      if (named !== undefined && a.sheet !== named && b.sheet !== named) continue;
      const union = splitUnion(mine, b.indicators);
      if (union === null || union < needed || (split && union <= split.failure.matched)) continue;
      const total = a.template.indicators.length;
      split = { failure: { reason: "split", sheets: [a.sheet, b.sheet], template: a.template.id, matched: union, needed, total }, template: a.template };
    }
  }
  if (split) return split;
  // Stable: the first attempt wins a tie.
  const attempts = named === undefined ? partials : partials.filter((p) => p.sheet === named);
  const best = attempts.reduce<PartialMatch | null>((x, p) => (!x || p.indicators.length > x.indicators.length ? p : x), null);
  if (!best) return { failure: { reason: "no_header" }, template: null };
  return {
    failure: {
      reason: "too_few_rows",
      sheet: best.sheet,
      template: best.template.id,
      matched: best.indicators.length,
      needed: minimumMatches(best.template),
      total: best.template.indicators.length,
    },
    template: best.template,
  };
}
