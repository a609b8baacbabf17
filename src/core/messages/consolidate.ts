/**
 * The words of the consolidation: each consolidation issue as a sentence and the summary workbook's labels, in
 * Vietnamese and English. The command's own lines are the command line's (src/cli/messages.ts).
 */
import type { Template } from "../catalog/model";
import type { ConsolidationIssue, FileModified, UnitFailure } from "../consolidate";
import type { Lang } from "../lang";
import { appendixFailureText } from "./appendix";
import { consolidateEn } from "./consolidate.en";
import { consolidateVi } from "./consolidate.vi";
import type { ConsolidateTexts, IssueContext } from "./consolidateTexts";
import { formatNumber, shortLabel } from "./format";
import { periodLabel } from "./period";
import { unreadableText } from "./unreadable";

export type { ConsolidateTexts, IssueContext } from "./consolidateTexts";

/** The message set of a language. */
export function consolidateMessages(lang: Lang): ConsolidateTexts {
  return lang === "en" ? consolidateEn : consolidateVi;
}

/** The helpers an issue message gets, for one language and template. */
export function issueContext(lang: Lang, template: Template): IssueContext {
  const byId = new Map(template.indicators.map((i) => [i.id, i]));
  return {
    name: (id) => {
      const label = byId.get(id)?.label;
      return label ? shortLabel(label) : id;
    },
    period: (p) => periodLabel(p, lang),
    num: (n) => formatNumber(n, lang),
    unreadable: (u) => unreadableText(u, lang),
    appendix: (f) => appendixFailureText(f, lang, "file"),
    modified: (m) => modifiedText(m, lang),
  };
}

/** "14/12/2023 09:30" in Vietnam's time (UTC+7, no summer time): the clock of the clerks who saved the files. */
export function vietnamTime(iso: string): string {
  const t = Date.parse(iso);
  if (Number.isNaN(t)) return iso;
  const d = new Date(t + 7 * 3600 * 1000);
  const two = (n: number) => String(n).padStart(2, "0");
  return `${two(d.getUTCDate())}/${two(d.getUTCMonth() + 1)}/${d.getUTCFullYear()} ${two(d.getUTCHours())}:${two(d.getUTCMinutes())}`;
}

/** A file's modified date and where it was read, in `lang`. */
export function modifiedText(m: FileModified, lang: Lang): string {
  return `${vietnamTime(m.at)} ${consolidateMessages(lang).modifiedFrom[m.from]}`.normalize("NFC");
}

/** Why a file is no unit at all (unreadable, no appendix, a lock file), as one sentence in `lang`. NFC. */
export function formatUnusable(u: UnitFailure, lang: Lang, template: Template): string {
  const say = consolidateMessages(lang).unusable[u.failure] as (u: UnitFailure, c: IssueContext) => string;
  return say(u, issueContext(lang, template)).normalize("NFC");
}

/** One consolidation issue as a sentence in `lang`. NFC. */
export function formatIssue(issue: ConsolidationIssue, lang: Lang, template: Template): string {
  // The table is keyed by code, so the entry for this issue's code takes this issue.
  const say = consolidateMessages(lang).issues[issue.code] as (i: ConsolidationIssue, c: IssueContext) => string;
  return say(issue, issueContext(lang, template)).normalize("NFC");
}
