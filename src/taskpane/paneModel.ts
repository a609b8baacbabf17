/** What the pane derives from a check, kept out of the components so it can be tested and reused. */
import type { Section, Template } from "../core/catalog/model";
import type { Finding, Severity } from "../core/finding";
import type { Patch } from "../core/patch";
import type { WorkbookSettings } from "./host";
import { HostError, type HostErrorCode } from "./host";

/** Acknowledged warnings as the settings keep them. */
export type Acknowledged = NonNullable<WorkbookSettings["acknowledged"]>;

/** The settings key of a finding: code|indicator|cell. */
export function ackKey(f: Finding): string {
  return `${f.code}|${f.indicator}|${f.cell}`;
}

function stable(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(stable);
  if (value && typeof value === "object") {
    const obj = value as Record<string, unknown>;
    return Object.keys(obj)
      .sort()
      .map((k) => [k, stable(obj[k])]);
  }
  return value;
}

/**
 * The values behind a finding (what it saw, expected, and the inputs it names): an acknowledgement holds only while
 * these stay the same.
 */
export function fingerprint(f: Finding): string {
  return JSON.stringify(stable([f.cells, f.actual, f.expected, f.detail ?? null]));
}

/** Only warnings can be acknowledged: an error is certainly wrong. */
export function canAcknowledge(f: Finding): boolean {
  return f.severity === "warning";
}

/** Findings split into those still to deal with and the acknowledged warnings (with their reasons). */
export interface SplitFindings {
  readonly active: readonly Finding[];
  readonly acknowledged: readonly { readonly finding: Finding; readonly reason: string }[];
}

/** Applies the acknowledgements whose fingerprint still matches. */
export function splitAcknowledged(findings: readonly Finding[], acknowledged: Acknowledged | undefined): SplitFindings {
  const active: Finding[] = [];
  const acked: { finding: Finding; reason: string }[] = [];
  for (const f of findings) {
    const a = acknowledged?.[ackKey(f)];
    if (a && canAcknowledge(f) && a.fingerprint === fingerprint(f)) acked.push({ finding: f, reason: a.reason });
    else active.push(f);
  }
  return { active, acknowledged: acked };
}

/**
 * The acknowledgements still valid for these findings: an entry whose warning is gone or whose values changed is
 * dropped. Returns the same object when nothing was dropped, so callers can skip saving.
 */
export function pruneAcknowledged(acknowledged: Acknowledged | undefined, findings: readonly Finding[]): Acknowledged {
  const current = acknowledged ?? {};
  const valid = new Map(findings.filter(canAcknowledge).map((f) => [ackKey(f), fingerprint(f)]));
  const kept = Object.entries(current).filter(([key, a]) => valid.get(key) === a.fingerprint);
  return kept.length === Object.keys(current).length ? current : Object.fromEntries(kept);
}

/** Numbers of findings by severity. */
export function countBySeverity(findings: readonly Finding[]): Record<Severity, number> {
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

/** The patch that writes a conflict's computed formula over the user's value, once the user confirms it. */
export function conflictPatch(f: Finding, patches: readonly Patch[]): Patch | null {
  const planned = patches.find((p) => p.cell === f.cell);
  if (planned) return planned;
  if (!f.fix?.formula || typeof f.fix.value !== "number") return null;
  return {
    cell: f.fix.cell,
    indicator: f.indicator,
    formula: f.fix.formula,
    value: f.fix.value,
    relation: f.relation ?? "",
    ...(f.fix.numberFormat ? { numberFormat: f.fix.numberFormat } : {}),
  };
}

/** The reason code of anything a host threw: a HostError's own code, otherwise "generic". */
export function errorCode(e: unknown): HostErrorCode {
  return e instanceof HostError ? e.code : "generic";
}
