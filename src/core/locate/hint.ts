/**
 * Whether a text suggests an appendix: a label heading ("Chỉ tiêu thống kê", which every header needs) or a
 * template row's label, exactly or with its diacritics folded. A file reader asks it of the first rows of each
 * sheet so that sheets that cannot hold an appendix are never read whole; it must never rule out a sheet that
 * `locate` would find (a sheet without header and without one exact label is the one case left: docs/LOCATE.md).
 */
import type { Template } from "../catalog/model";
import { foldLabel } from "../similarity";
import { labelKey } from "../text";
import { headerRole } from "./header";
import { catalogOf } from "./labels";

/** The test for `templates`: true for a text that may belong to an appendix of one of them. */
export function appendixHint(templates: readonly Template[]): (text: string) => boolean {
  const catalogs = templates.map(catalogOf);
  return (text) => {
    if (typeof text !== "string" || text.length === 0 || text.length > 400) return false;
    if (headerRole(text)?.role === "label") return true;
    const key = labelKey(text);
    const folded = foldLabel(text);
    return catalogs.some((c) => c.byKey.has(key) || c.byFolded.has(folded));
  };
}
