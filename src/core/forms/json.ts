/**
 * A form as one JSON document (schemas/form.schema.json): reading it with every shape checked (a tool's file
 * may be anything), and writing it. Reading hands the document to compile.ts, so a JSON form is judged like a
 * workbook; problems name a JSON path ("indicators[12].unit").
 */
import type { Caveat, DuePeriod, IndicatorKind, Relation, Section, Template } from "../catalog/model";
import { langs } from "../lang";
import { compileDocument, reversedFlagUnit, type CompileResult, type FormPlacer } from "./compile";
import {
  FORM_FORMAT,
  FORM_FORMAT_VERSION,
  type Form,
  type FormCondition,
  type FormDocument,
  type FormFacts,
  type FormIndicator,
  type FormRelation,
} from "./model";
import { problem, type FormProblem } from "./problems";
import { formRelationOf } from "./relationKinds";
import { FORM_MAX_BYTES } from "./safety";

/** Where the published schema sits, relative to a form file in forms/ (written into the files we make). */
export const FORM_SCHEMA_REF = "../schemas/form.schema.json";

type Json = unknown;

class Shape {
  readonly problems: FormProblem[] = [];
  fail(path: string, expected: string): void {
    this.problems.push(problem({ path }, { code: "json_invalid", expected }));
  }
  object(v: Json, path: string): Record<string, Json> | null {
    if (v !== null && typeof v === "object" && !Array.isArray(v)) return v as Record<string, Json>;
    this.fail(path, "object");
    return null;
  }
  array(v: Json, path: string): Json[] {
    if (Array.isArray(v)) return v;
    this.fail(path, "array");
    return [];
  }
  string(v: Json, path: string): string {
    if (typeof v === "string") return v.normalize("NFC");
    this.fail(path, "string");
    return "";
  }
  optString(v: Json, path: string): string | undefined {
    return v === undefined ? undefined : this.string(v, path);
  }
  strings(v: Json, path: string): string[] {
    return this.array(v, path).map((x, i) => this.string(x, `${path}[${i}]`));
  }
  optStrings(v: Json, path: string): string[] | undefined {
    return v === undefined ? undefined : this.strings(v, path);
  }
  number(v: Json, path: string): number {
    if (typeof v === "number" && Number.isFinite(v)) return v;
    this.fail(path, "number");
    return 0;
  }
  /** Keys the schema does not know are refused: a typo ("acceptedUnit") must not be ignored. */
  only(o: Record<string, Json>, keys: readonly string[], path: string): void {
    for (const k of Object.keys(o)) if (!keys.includes(k)) this.fail(`${path}.${k}`, `one of ${keys.join(", ")}`);
  }
}

const FACT_KEYS = ["id", "title", "issuer", "document", "level", "province", "version", "validFrom", "validTo", "status", "source", "notes"];
const INDICATOR_KEYS = ["id", "section", "stt", "label", "unit", "kind", "aliases", "acceptedUnits", "periods", "periodsSource", "cumulative", "noteHint", "mayExceed100", "askedUnlessZero"];
const RELATION_KEYS = ["id", "kind", "target", "inputs", "condition", "severity", "caveat", "reason", "draft"];

function readDocument(value: Json, s: Shape): FormDocument | null {
  const root = s.object(value, "$");
  if (!root) return null;
  s.only(root, ["$schema", "format", "formatVersion", "facts", "sections", "indicators", "relations"], "$");
  if (root.format !== FORM_FORMAT) {
    s.fail("$.format", `"${FORM_FORMAT}"`);
    return null;
  }
  const version = s.number(root.formatVersion, "$.formatVersion");
  if (version !== FORM_FORMAT_VERSION) {
    s.problems.push(problem({ path: "$.formatVersion" }, { code: "format_version", version }));
    return null;
  }
  const f = s.object(root.facts, "facts") ?? {};
  s.only(f, FACT_KEYS, "facts");
  const facts: FormFacts = {
    id: s.string(f.id ?? "", "facts.id"),
    title: s.string(f.title ?? "", "facts.title"),
    issuer: s.string(f.issuer ?? "", "facts.issuer"),
    document: s.string(f.document ?? "", "facts.document"),
    level: s.string(f.level ?? "", "facts.level") as FormFacts["level"],
    province: s.string(f.province ?? "", "facts.province"),
    version: s.string(f.version ?? "", "facts.version"),
    ...(f.validFrom !== undefined ? { validFrom: s.string(f.validFrom, "facts.validFrom") } : {}),
    ...(f.validTo !== undefined ? { validTo: s.string(f.validTo, "facts.validTo") } : {}),
    status: s.string(f.status ?? "", "facts.status") as FormFacts["status"],
    ...(f.source !== undefined ? { source: s.string(f.source, "facts.source") } : {}),
    ...(f.notes !== undefined ? { notes: s.strings(f.notes, "facts.notes") } : {}),
  };
  const sections: Section[] = s.array(root.sections, "sections").map((x, i) => {
    const o = s.object(x, `sections[${i}]`) ?? {};
    s.only(o, ["id", "stt", "label"], `sections[${i}]`);
    return { id: s.string(o.id, `sections[${i}].id`), stt: s.string(o.stt, `sections[${i}].stt`), label: s.string(o.label, `sections[${i}].label`) };
  });
  const indicators: FormIndicator[] = s.array(root.indicators, "indicators").map((x, i) => {
    const p = `indicators[${i}]`;
    const o = s.object(x, p) ?? {};
    s.only(o, INDICATOR_KEYS, p);
    const aliases = s.optStrings(o.aliases, `${p}.aliases`);
    const acceptedUnits = s.optStrings(o.acceptedUnits, `${p}.acceptedUnits`);
    const periods = s.optStrings(o.periods, `${p}.periods`) as DuePeriod[] | undefined;
    const noteHint = s.optString(o.noteHint, `${p}.noteHint`);
    const periodsSource = s.optString(o.periodsSource, `${p}.periodsSource`);
    if (o.cumulative !== undefined && typeof o.cumulative !== "boolean") s.fail(`${p}.cumulative`, "boolean");
    if (o.mayExceed100 !== undefined && typeof o.mayExceed100 !== "boolean") s.fail(`${p}.mayExceed100`, "boolean");
    const askedUnlessZero = s.optStrings(o.askedUnlessZero, `${p}.askedUnlessZero`);
    return {
      id: s.string(o.id, `${p}.id`),
      section: s.string(o.section, `${p}.section`),
      stt: s.string(o.stt ?? "", `${p}.stt`),
      label: s.string(o.label, `${p}.label`),
      unit: s.string(o.unit ?? "", `${p}.unit`),
      kind: s.string(o.kind, `${p}.kind`) as IndicatorKind,
      ...(aliases ? { aliases } : {}),
      ...(acceptedUnits ? { acceptedUnits } : {}),
      ...(periods ? { periods } : {}),
      ...(periodsSource !== undefined ? { periodsSource } : {}),
      ...(o.cumulative === true ? { cumulative: true } : {}),
      ...(noteHint !== undefined ? { noteHint } : {}),
      ...(o.mayExceed100 === true ? { mayExceed100: true } : {}),
      ...(askedUnlessZero?.length ? { askedUnlessZero } : {}),
    };
  });
  const relations: FormRelation[] = s.array(root.relations ?? [], "relations").map((x, i) => {
    const p = `relations[${i}]`;
    const o = s.object(x, p) ?? {};
    s.only(o, RELATION_KEYS, p);
    let condition: FormCondition | undefined;
    if (o.condition !== undefined) {
      const c = s.object(o.condition, `${p}.condition`) ?? {};
      s.only(c, ["equals", "above", "unlessZero", "blankIsZero"], `${p}.condition`);
      condition = {
        ...(c.equals !== undefined ? { equals: s.array(c.equals, `${p}.condition.equals`).map((v, j) => s.number(v, `${p}.condition.equals[${j}]`)) } : {}),
        ...(c.above !== undefined ? { above: s.number(c.above, `${p}.condition.above`) } : {}),
        ...(c.unlessZero !== undefined ? { unlessZero: s.strings(c.unlessZero, `${p}.condition.unlessZero`) } : {}),
        ...(c.blankIsZero === true ? { blankIsZero: true } : {}),
      };
    }
    let reason: FormRelation["reason"];
    if (o.reason !== undefined) {
      const r = s.object(o.reason, `${p}.reason`) ?? {};
      s.only(r, langs, `${p}.reason`);
      reason = { ...(r.vi !== undefined ? { vi: s.string(r.vi, `${p}.reason.vi`) } : {}), ...(r.en !== undefined ? { en: s.string(r.en, `${p}.reason.en`) } : {}) };
    }
    if (o.draft !== undefined && typeof o.draft !== "boolean") s.fail(`${p}.draft`, "boolean");
    return {
      id: s.string(o.id, `${p}.id`),
      kind: s.string(o.kind, `${p}.kind`),
      target: s.strings(o.target, `${p}.target`),
      inputs: s.strings(o.inputs ?? [], `${p}.inputs`),
      ...(condition ? { condition } : {}),
      severity: s.string(o.severity, `${p}.severity`) as FormRelation["severity"],
      ...(o.caveat !== undefined ? { caveat: s.string(o.caveat, `${p}.caveat`) as Caveat } : {}),
      ...(reason ? { reason } : {}),
      ...(o.draft === true ? { draft: true } : {}),
    };
  });
  return { format: FORM_FORMAT, formatVersion: FORM_FORMAT_VERSION, facts, sections, indicators, relations };
}

const jsonPlacer: FormPlacer = {
  fact: (field) => ({ path: `facts.${field}` }),
  section: (i, field) => ({ path: `sections[${i}]${field ? `.${field}` : ""}` }),
  indicator: (i, field) => ({ path: `indicators[${i}]${field ? `.${field}` : ""}` }),
  relation: (i, field) => ({ path: `relations[${i}]${field && !field.startsWith("reason") ? `.${field}` : field ? `.reason.${field.slice(6).toLowerCase()}` : ""}` }),
};

/** Reads and compiles a JSON form from its text. Never throws. */
export function compileFormJson(text: string): CompileResult {
  if (text.length > FORM_MAX_BYTES) {
    return { ok: false, problems: [problem({ file: true }, { code: "file_too_large", bytes: text.length, limit: FORM_MAX_BYTES })] };
  }
  let value: Json;
  try {
    value = JSON.parse(text);
  } catch (e) {
    return { ok: false, problems: [problem({ file: true }, { code: "not_a_form", detail: e instanceof Error ? e.message : String(e) })] };
  }
  const s = new Shape();
  const doc = readDocument(value, s);
  if (!doc || s.problems.length) return { ok: false, problems: s.problems.length ? s.problems : [problem({ file: true }, { code: "not_a_form" })] };
  return compileDocument(doc, jsonPlacer);
}

/** The form document of a template and its facts (the built-in catalog, an imported draft). */
export function formDocument(
  facts: FormFacts,
  template: Template,
  extra: { reasons?: Form["reasons"]; drafts?: readonly string[] } = {},
): FormDocument {
  const indicators: FormIndicator[] = template.indicators.map((i) => {
    const accepted = [...(i.acceptedUnits ?? [])];
    if (i.kind === "flag" && accepted[accepted.length - 1] === reversedFlagUnit(i.unit)) accepted.pop();
    return {
      id: i.id,
      section: i.section,
      stt: i.stt,
      label: i.label,
      unit: i.unit,
      kind: i.kind,
      ...(i.aliases?.length ? { aliases: [...i.aliases] } : {}),
      ...(accepted.length ? { acceptedUnits: accepted } : {}),
      ...(i.periods?.length ? { periods: [...i.periods] } : {}),
      ...(i.periodsSource ? { periodsSource: i.periodsSource } : {}),
      ...(i.cumulative ? { cumulative: true } : {}),
      ...(i.noteHint ? { noteHint: i.noteHint } : {}),
      ...(i.mayExceed100 ? { mayExceed100: true } : {}),
      ...(i.askedUnlessZero?.length ? { askedUnlessZero: [...i.askedUnlessZero] } : {}),
    };
  });
  const relations: FormRelation[] = template.relations.map((r: Relation) => {
    const reason = extra.reasons?.[r.id];
    return {
      ...formRelationOf(r),
      ...(reason && (reason.vi || reason.en) ? { reason: { ...reason } } : {}),
      ...(extra.drafts?.includes(r.id) ? { draft: true } : {}),
    };
  });
  return {
    format: FORM_FORMAT,
    formatVersion: FORM_FORMAT_VERSION,
    facts,
    sections: template.sections.map((s) => ({ ...s })),
    indicators,
    relations,
  };
}

/** The document as the JSON text we write: two-space indented, `$schema` first, a final newline. */
export function formJson(doc: FormDocument, schemaRef: string = FORM_SCHEMA_REF): string {
  return `${JSON.stringify({ $schema: schemaRef, ...doc }, null, 2)}\n`;
}
