/**
 * A form document -> the engine's `Template`, checking everything a form can get wrong and saying where. The two
 * readers (sheets.ts for a workbook, json.ts for a JSON document) produce a `FormDocument` and a `FormPlacer` that
 * names the cell (or JSON path) of each field; this module does the rest, so both inputs are judged alike.
 */
import { codesOf } from "../catalog/define";
import type { Indicator, IndicatorKind, Relation, Section, Template } from "../catalog/model";
import {
  FORM_LEVELS,
  FORM_PERIODS,
  FORM_STATUSES,
  type Form,
  type FormDocument,
  type FormFacts,
  type FormIndicator,
  type FormRelation,
} from "./model";
import { hasErrors, problem, type FormPlace, type FormProblem, type FormProblemBody } from "./problems";
import { relationKind, RELATION_KINDS } from "./relationKinds";
import { FORM_MAX_ROWS, FORM_MAX_TEXT, unsafeText } from "./safety";
import { CAVEATS } from "./vocabulary";

/** Names the place of each field, so a problem points at the cell (or JSON path) the user must change. */
export interface FormPlacer {
  fact(field: string): FormPlace;
  section(index: number, field?: string): FormPlace;
  indicator(index: number, field?: string): FormPlace;
  relation(index: number, field?: string): FormPlace;
}

/** A compiled form and its warnings, or every problem found. */
export type CompileResult =
  | { readonly ok: true; readonly form: Form; readonly document: FormDocument; readonly problems: readonly FormProblem[] }
  | { readonly ok: false; readonly problems: readonly FormProblem[] };

const FORM_ID = /^[a-z0-9][a-z0-9._-]{0,79}$/i;
const SECTION_ID = /^[A-Z0-9]{1,8}$/i;
const SEGMENT = /^[A-Za-z0-9]{1,8}$/;
const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

/** A real calendar date written YYYY-MM-DD. */
export function isIsoDate(text: string): boolean {
  const m = ISO_DATE.exec(text);
  if (!m) return false;
  const d = new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3])));
  return d.getUTCFullYear() === Number(m[1]) && d.getUTCMonth() === Number(m[2]) - 1 && d.getUTCDate() === Number(m[3]);
}

/** A yes/no flag's codes are two, 0 and 1. */
function isFlagUnit(unit: string): boolean {
  const codes = codesOf(unit);
  return codes.length === 2 && codes.every((c) => c.value === 0 || c.value === 1) && codes[0].value !== codes[1].value;
}

/** The same codes in the other order: "Không = 0 Có = 1" -> "Có = 1 Không = 0" (the table prints both). */
export function reversedFlagUnit(unit: string): string {
  return [...codesOf(unit)].reverse().map((c) => `${c.label} = ${c.value}`).join(" ");
}

/** Checks a compiled-or-authored form document and builds its template. Never throws. */
export function compileDocument(doc: FormDocument, at: FormPlacer): CompileResult {
  const problems: FormProblem[] = [];
  const say = (place: FormPlace, body: FormProblemBody) => problems.push(problem(place, body));
  const text = (place: FormPlace, value: string | undefined) => {
    if (value === undefined) return;
    if (value.length > FORM_MAX_TEXT) say(place, { code: "text_too_long", limit: FORM_MAX_TEXT });
    else if (unsafeText(value)) say(place, { code: "unsafe_text", text: value.slice(0, 60) });
  };

  checkFacts(doc.facts, at, say, text);

  // Sections.
  const sectionIds = new Set<string>();
  doc.sections.forEach((s, i) => {
    if (!SECTION_ID.test(s.id)) say(at.section(i, "id"), { code: "section_invalid", id: s.id });
    else if (sectionIds.has(s.id)) say(at.section(i, "id"), { code: "section_duplicate", id: s.id });
    sectionIds.add(s.id);
    if (!s.label) say(at.section(i, "label"), { code: "label_missing" });
    text(at.section(i, "label"), s.label);
    text(at.section(i, "stt"), s.stt);
  });

  // Indicators.
  if (doc.indicators.length === 0) say(at.indicator(0), { code: "no_indicators" });
  if (doc.indicators.length > FORM_MAX_ROWS) say(at.indicator(FORM_MAX_ROWS), { code: "too_many_rows", limit: FORM_MAX_ROWS });
  const byId = new Map<string, { index: number; ind: FormIndicator; level: number }>();
  const indicators: Indicator[] = [];
  const hasChildren = new Set(doc.indicators.map((i) => parentOf(i.id)));
  doc.indicators.slice(0, FORM_MAX_ROWS).forEach((ind, i) => {
    const place = (field?: string) => at.indicator(i, field);
    for (const [field, value] of [["label", ind.label], ["unit", ind.unit], ["stt", ind.stt], ["noteHint", ind.noteHint]] as const) {
      text(place(field), value);
    }
    ind.aliases?.forEach((a) => text(place("aliases"), a));
    ind.acceptedUnits?.forEach((u) => text(place("acceptedUnits"), u));
    if (!ind.label) say(place("label"), { code: "label_missing" });

    const segments = ind.id.split(".");
    const parent = parentOf(ind.id);
    if (segments.length < 2 || !segments.slice(1).every((s) => SEGMENT.test(s))) {
      say(place("id"), { code: "id_invalid", id: ind.id });
      return;
    }
    if (byId.has(ind.id)) {
      say(place("id"), { code: "id_duplicate", id: ind.id });
      return;
    }
    if (segments[0] !== ind.section || !sectionIds.has(ind.section)) {
      say(place("id"), { code: "id_wrong_section", id: ind.id, section: ind.section });
      return;
    }
    let level = 0;
    if (parent !== ind.section) {
      const up = byId.get(parent);
      if (!up) {
        say(place("id"), { code: "parent_missing", id: ind.id, parent });
        return;
      }
      level = up.level + 1;
    }
    byId.set(ind.id, { index: i, ind, level });

    if (!INDICATOR_KINDS.includes(ind.kind)) {
      say(place("kind"), { code: "kind_unknown", value: String(ind.kind) });
      return;
    }
    for (const p of ind.periods ?? []) if (!FORM_PERIODS.includes(p)) say(place("periods"), { code: "period_unknown", value: String(p) });
    if (ind.periodsSource && !ind.periods?.length) say(place("periodsSource"), { code: "periods_source_without_periods" });
    const unit = ind.unit;
    const codes = codesOf(unit);
    const kindOk =
      (ind.kind === "flag" && isFlagUnit(unit)) ||
      (ind.kind === "choice" && codes.length > 0) ||
      (ind.kind !== "flag" && ind.kind !== "choice");
    if (!kindOk) say(place("kind"), { code: "kind_unit_mismatch", kind: ind.kind, unit });
    if (ind.kind === "count" && unit === "") say(place("unit"), { code: "unit_missing" });
    if (ind.kind === "group" && !hasChildren.has(ind.id) && unit !== "") say(place("kind"), { code: "kind_unit_mismatch", kind: ind.kind, unit });

    const accepted = [...(ind.acceptedUnits ?? [])];
    if (ind.kind === "flag" && kindOk) {
      const reversed = reversedFlagUnit(unit);
      if (!accepted.includes(reversed)) accepted.push(reversed);
    }
    indicators.push({
      id: ind.id,
      section: ind.section,
      stt: ind.stt,
      label: ind.label,
      unit,
      kind: ind.kind,
      ...(codes.length ? { codes } : {}),
      level,
      ...(parent !== ind.section ? { parent } : {}),
      ...(ind.aliases?.length ? { aliases: [...ind.aliases] } : {}),
      ...(accepted.length ? { acceptedUnits: accepted } : {}),
      ...(ind.noteHint ? { noteHint: ind.noteHint } : {}),
      ...(ind.periods?.length ? { periods: sortPeriods(ind.periods) } : {}),
      ...(ind.periods?.length && ind.periodsSource ? { periodsSource: ind.periodsSource } : {}),
      ...(ind.cumulative ? { cumulative: true } : {}),
      ...(ind.mayExceed100 ? { mayExceed100: true } : {}),
      ...(ind.askedUnlessZero?.length ? { askedUnlessZero: [...ind.askedUnlessZero] } : {}),
    });
    if (ind.mayExceed100 && ind.kind !== "percent") say(place("mayExceed100"), { code: "exceed_not_percent", kind: ind.kind });
  });
  // Rows a question depends on, once every row is known: count rows of the form.
  doc.indicators.slice(0, FORM_MAX_ROWS).forEach((ind, i) => {
    for (const id of ind.askedUnlessZero ?? []) {
      const found = byId.get(id);
      if (!found) say(at.indicator(i, "askedUnlessZero"), { code: "relation_indicator_unknown", id });
      else if (found.ind.kind !== "count") {
        say(at.indicator(i, "askedUnlessZero"), { code: "relation_indicator_kind", id, kind: found.ind.kind, expected: ["count"] });
      }
    }
  });

  // Relations.
  if (doc.relations.length > FORM_MAX_ROWS) say(at.relation(FORM_MAX_ROWS), { code: "too_many_rows", limit: FORM_MAX_ROWS });
  const relationIds = new Set<string>();
  const relations: Relation[] = [];
  const reasons: Record<string, { vi?: string; en?: string }> = {};
  const drafts: string[] = [];
  doc.relations.slice(0, FORM_MAX_ROWS).forEach((r, i) => {
    const built = checkRelation(r, i, at, byId, say, text);
    if (!r.id) return;
    if (relationIds.has(r.id)) {
      say(at.relation(i, "id"), { code: "relation_id_duplicate", id: r.id });
      return;
    }
    relationIds.add(r.id);
    if (!built) return;
    relations.push(built);
    if (r.reason?.vi || r.reason?.en) reasons[r.id] = { ...(r.reason.vi ? { vi: r.reason.vi } : {}), ...(r.reason.en ? { en: r.reason.en } : {}) };
    if (r.draft) {
      drafts.push(r.id);
      say(at.relation(i), { code: "relation_draft", id: r.id });
    }
  });

  if (hasErrors(problems)) return { ok: false, problems };
  const sections: Section[] = doc.sections.map((s) => ({ id: s.id, stt: s.stt, label: s.label }));
  const template: Template = { id: doc.facts.id, title: doc.facts.title, version: doc.facts.version, sections, indicators, relations };
  return { ok: true, form: { facts: doc.facts, template, reasons, drafts }, document: doc, problems };
}

/** "I.1.2" -> "I.1"; "I.1" -> "I". */
function parentOf(id: string): string {
  const dot = id.lastIndexOf(".");
  return dot < 0 ? "" : id.slice(0, dot);
}

function sortPeriods<T extends string>(periods: readonly T[]): T[] {
  const order = FORM_PERIODS as readonly string[];
  return [...new Set(periods)].sort((a, b) => order.indexOf(a) - order.indexOf(b));
}

type Say = (place: FormPlace, body: FormProblemBody) => void;
type CheckText = (place: FormPlace, value: string | undefined) => void;

const REQUIRED_FACTS = ["id", "title", "issuer", "document", "level", "province", "version", "status"] as const;

function checkFacts(facts: FormFacts, at: FormPlacer, say: Say, text: CheckText): void {
  for (const field of REQUIRED_FACTS) {
    if (!facts[field]) say(at.fact(field), { code: "fact_missing", field });
  }
  if (facts.id && !FORM_ID.test(facts.id)) say(at.fact("id"), { code: "fact_invalid", field: "id", value: facts.id });
  if (facts.level && !FORM_LEVELS.includes(facts.level)) say(at.fact("level"), { code: "fact_invalid", field: "level", value: facts.level });
  if (facts.status && !FORM_STATUSES.includes(facts.status)) say(at.fact("status"), { code: "fact_invalid", field: "status", value: facts.status });
  for (const field of ["validFrom", "validTo"] as const) {
    const v = facts[field];
    if (v !== undefined && !isIsoDate(v)) say(at.fact(field), { code: "fact_invalid", field, value: v });
  }
  if (facts.validFrom && facts.validTo && isIsoDate(facts.validFrom) && isIsoDate(facts.validTo) && facts.validTo < facts.validFrom) {
    say(at.fact("validTo"), { code: "dates_reversed", from: facts.validFrom, to: facts.validTo });
  }
  for (const field of ["title", "issuer", "document", "province", "version", "source"] as const) text(at.fact(field), facts[field]);
  facts.notes?.forEach((n) => text(at.fact("notes"), n));
}

function checkRelation(
  r: FormRelation,
  i: number,
  at: FormPlacer,
  byId: ReadonlyMap<string, { ind: FormIndicator }>,
  say: Say,
  text: CheckText,
): Relation | null {
  const place = (field?: string) => at.relation(i, field);
  text(place("reasonVi"), r.reason?.vi);
  text(place("reasonEn"), r.reason?.en);
  let ok = true;
  const fail = (field: string, body: FormProblemBody) => {
    say(place(field), body);
    ok = false;
  };
  if (!r.id || /\s/.test(r.id) || r.id.length > 100) fail("id", { code: "relation_id_missing" });
  const spec = relationKind(r.kind);
  if (!spec) {
    fail("kind", { code: "relation_kind_unknown", value: r.kind, known: RELATION_KINDS.map((k) => k.words[0]) });
    return null;
  }
  if (r.severity !== "error" && r.severity !== "warning" && r.severity !== "info") fail("severity", { code: "severity_invalid", value: String(r.severity) });
  if (r.caveat !== undefined && !CAVEATS.entries.some((e) => e.value === r.caveat)) {
    fail("caveat", { code: "caveat_invalid", value: String(r.caveat) });
  }
  for (const [side, ids, arity, kinds] of [
    ["target", r.target, spec.target, spec.targetKinds],
    ["inputs", r.inputs, spec.inputs, spec.inputKinds],
  ] as const) {
    if (ids.length < arity.min || ids.length > arity.max) {
      const expected = arity.min === arity.max ? String(arity.min) : `≥${arity.min}`;
      fail(side, { code: "relation_arity", kind: spec.words[0], expected, count: ids.length });
      continue;
    }
    for (const id of ids) {
      const found = byId.get(id);
      if (!found) fail(side, { code: "relation_indicator_unknown", id });
      else if (!kinds.includes(found.ind.kind)) fail(side, { code: "relation_indicator_kind", id, kind: found.ind.kind, expected: kinds });
    }
  }
  const c = r.condition;
  const hasCondition = c !== undefined && (c.equals !== undefined || c.above !== undefined);
  if (spec.condition === "none" && hasCondition) fail("condition", { code: "condition_unused", kind: spec.words[0] });
  if (spec.condition === "required" && !hasCondition) fail("condition", { code: "condition_missing", kind: spec.words[0] });
  if (c?.equals && c.equals.some((v) => !Number.isInteger(v))) fail("condition", { code: "condition_invalid", value: c.equals.join(", ") });
  if (c?.above !== undefined && !Number.isFinite(c.above)) fail("condition", { code: "condition_invalid", value: String(c.above) });
  if (c?.blankIsZero && spec.kind !== "implies_positive" && spec.kind !== "count_rate_zero") fail("condition", { code: "condition_invalid", value: "ô trống tính là 0" });
  if (c?.unlessZero) {
    if (spec.kind !== "note_required") fail("condition", { code: "condition_invalid", value: c.unlessZero.join(" + ") });
    for (const id of c.unlessZero) {
      const found = byId.get(id);
      if (!found) fail("condition", { code: "relation_indicator_unknown", id });
      else if (found.ind.kind !== "count") fail("condition", { code: "relation_indicator_kind", id, kind: found.ind.kind, expected: ["count"] });
    }
  }
  if (spec.kind === "flag_counts" && c?.equals && c.equals.length !== 1) fail("condition", { code: "condition_invalid", value: c.equals.join(", ") });
  // An answer code the target cannot hold is a slip (a "no" code of 2 on a 0/1 flag).
  const target = byId.get(r.target[0]);
  if (ok && target && c?.equals && (target.ind.kind === "flag" || target.ind.kind === "choice")) {
    const values = codesOf(target.ind.unit).map((x) => x.value);
    for (const v of c.equals) if (!values.includes(v)) fail("condition", { code: "condition_code_unknown", id: target.ind.id, value: v });
  }
  if (!r.reason?.vi) say(place("reasonVi"), { code: "reason_missing" });
  return ok ? spec.toRelation(r) : null;
}

/** Kinds a row can have, in the order docs/TEMPLATE.md lists them. */
export const INDICATOR_KINDS: readonly IndicatorKind[] = ["count", "percent", "flag", "choice", "group", "text"];
