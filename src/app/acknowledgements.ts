/**
 * Acknowledged warnings: a warning the user has looked at and accepts, with a reason, kept in the workbook's
 * settings. Every surface applies them the same way: the pane lists them apart, and neither the pane nor the
 * ribbon counts or marks them. An acknowledgement holds only while the values behind its warning stay the same.
 */
import { cellA1, cellKey, type CellRef, type Finding } from "../core";
import type { Acknowledged } from "./settings";

/** The settings key of a finding: code|indicator|cell, the cell as A1 ("D12"). */
export function ackKey(f: Finding): string {
  return `${f.code}|${f.indicator}|${cellA1(f.cell)}`;
}

function isCell(value: object): value is CellRef {
  const keys = Object.keys(value);
  return "row" in value && "col" in value && keys.every((k) => k === "row" || k === "col" || k === "sheet");
}

/** A value in a fixed shape for a fingerprint: keys sorted, cells as A1 text (settings keep text, not positions). */
function stable(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(stable);
  if (value && typeof value === "object") {
    if (isCell(value)) return cellA1(value);
    const obj = value as Record<string, unknown>;
    return Object.keys(obj)
      .sort()
      .map((k) => [k, stable(obj[k])]);
  }
  return value;
}

/**
 * The values behind a finding (what it saw, expected, and the inputs it names): an acknowledgement holds only while
 * these stay the same. Saved in the workbook, so it is text: cells appear as A1.
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

/**
 * The conflicts (computed cells holding another value, `CheckState.conflicts`: findings whose fix writes a formula)
 * the user has not accepted: a conflict is accepted with its acknowledged warning (the same cell and relation).
 */
export function activeConflicts(conflicts: readonly Finding[], findings: readonly Finding[], acknowledged: Acknowledged | undefined): Finding[] {
  const key = (f: Finding) => `${f.relation ?? ""}|${cellKey(f.cell)}`;
  const accepted = new Set(splitAcknowledged(findings, acknowledged).acknowledged.map(({ finding }) => key(finding)));
  return conflicts.filter((c) => !accepted.has(key(c)));
}
