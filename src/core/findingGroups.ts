/** Findings counted by severity and grouped by section, as a surface lists them. */
import type { Section, Template } from "./catalog/model";
import type { Finding, Severity } from "./finding";

/** Numbers of findings (or anything else with a severity, e.g. consolidation issues) by severity. */
export function countBySeverity(findings: readonly { readonly severity: Severity }[]): Record<Severity, number> {
  const counts: Record<Severity, number> = { error: 0, warning: 0, info: 0 };
  for (const f of findings) counts[f.severity]++;
  return counts;
}

/** Findings of one section (or of the sheet as a whole when `section` is null). */
export interface FindingGroup {
  readonly section: Section | null;
  readonly findings: readonly Finding[];
}

/** Groups findings by the section of their indicator, in the template's order; sheet-wide findings come first. */
export function groupBySection(findings: readonly Finding[], template: Template): FindingGroup[] {
  const sectionOf = new Map(template.indicators.map((i) => [i.id, i.section]));
  const buckets = new Map<string, Finding[]>();
  for (const f of findings) {
    const id = sectionOf.get(f.indicator) ?? f.indicator.split(".")[0] ?? "";
    const key = template.sections.some((s) => s.id === id) ? id : "";
    const list = buckets.get(key) ?? [];
    list.push(f);
    buckets.set(key, list);
  }
  const groups: FindingGroup[] = [];
  const general = buckets.get("");
  if (general) groups.push({ section: null, findings: general });
  for (const s of template.sections) {
    const list = buckets.get(s.id);
    if (list) groups.push({ section: s, findings: list });
  }
  return groups;
}
