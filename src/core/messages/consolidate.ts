/**
 * The words of the consolidation: each consolidation issue as a sentence and the summary workbook's labels, in
 * Vietnamese and English. The command's own lines are the command line's (src/cli/messages.ts).
 */
import type { Template } from "../catalog/model";
import type { ConsolidationIssue } from "../consolidate";
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
  };
}

/** One consolidation issue as a sentence in `lang`. NFC. */
export function formatIssue(issue: ConsolidationIssue, lang: Lang, template: Template): string {
  // The table is keyed by code, so the entry for this issue's code takes this issue.
  const say = consolidateMessages(lang).issues[issue.code] as (i: ConsolidationIssue, c: IssueContext) => string;
  return say(issue, issueContext(lang, template)).normalize("NFC");
}
