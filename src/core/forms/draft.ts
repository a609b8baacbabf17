/**
 * A draft form from an appendix a clerk already has (blank or filled): the outline from STT and labels
 * (I, 1, 1.1, a), "- "), kinds from units ("%" a rate, "Không = 0 Có = 1" a yes/no, "A = 0 B = 1 C = 2" a coded
 * choice, other units counts), and draft relations where the structure says so, each marked for a person to
 * confirm; plus a list of what could not be decided. The draft is a form like any other: check it, edit it, share it.
 */
import { codesOf, printedCumulative } from "../catalog/define";
import type { IndicatorKind, Section } from "../catalog/model";
import { cellAt, rowCount, type Grid } from "../grid";
import { findHeader } from "../locate/header";
import { cleanText, foldDiacritics } from "../text";
import { formDraftTexts } from "../messages/formDraft";
import { FORM_FORMAT, FORM_FORMAT_VERSION, type FormDocument, type FormFacts, type FormIndicator, type FormRelation } from "./model";
import type { NamedGrid } from "./sheets";

/** Something the draft could not decide, for the person finishing the form. */
export type Undecided =
  | { readonly code: "no_unit"; readonly row: number; readonly id: string; readonly label: string; readonly assumed: string }
  | { readonly code: "yes_no_with_count_unit"; readonly row: number; readonly id: string; readonly unit: string }
  | { readonly code: "repeated_stt"; readonly row: number; readonly id: string; readonly stt: string }
  | { readonly code: "rate_inputs"; readonly row: number; readonly id: string }
  | { readonly code: "total_or_parts"; readonly row: number; readonly id: string }
  | { readonly code: "note_as_hint"; readonly row: number; readonly id: string; readonly note: string }
  | { readonly code: "row_skipped"; readonly row: number; readonly text: string }
  | { readonly code: "no_stt_column" }
  | { readonly code: "clerk_notes"; readonly count: number }
  | { readonly code: "facts_to_fill" };

/** A drafted form and what is left to decide. */
export interface Draft {
  readonly document: FormDocument;
  readonly undecided: readonly Undecided[];
  /** The sheet the outline was read from. */
  readonly sheet: string;
}

const ROMAN = /^(I|II|III|IV|V|VI|VII|VIII|IX|X|XI|XII|XIII|XIV|XV)$/;
/** "I. CÔNG TÁC …", "II- CẢI CÁCH …": a section written in the label column. */
const SECTION_IN_LABEL = /^(I|II|III|IV|V|VI|VII|VIII|IX|X|XI|XII)\s*[.\-–)]\s+(.+)$/;

/** Words of a rate's denominator (the plan, the total, what was due) rather than its numerator. */
const DENOMINATOR = /(de ra|ke hoach|tong so|duoc giao|phai|can|tiep nhan)/;

/**
 * The table's columns and first row, on the sheet that holds the most rows under a header: a visible sheet, or a
 * hidden one when no visible sheet holds a table (a workbook whose appendix is only on a hidden sheet).
 */
function table(all: readonly DraftSheet[]): { sheet: NamedGrid; row: number; stt: number; label: number; unit: number; value: number; note: number } | null {
  const visible = all.filter((s) => !s.hidden);
  return (visible.length ? tableOf(visible) : null) ?? tableOf(all.filter((s) => s.hidden));
}

function tableOf(sheets: readonly NamedGrid[]): { sheet: NamedGrid; row: number; stt: number; label: number; unit: number; value: number; note: number } | null {
  let best: { sheet: NamedGrid; row: number; stt: number; label: number; unit: number; value: number; note: number; rows: number } | null = null;
  for (const sheet of sheets) {
    const h = findHeader(sheet.grid);
    if (!h) continue;
    const col = (role: "stt" | "label" | "unit" | "value" | "note") => h.roles.get(role)?.col ?? -1;
    const rows = rowCount(sheet.grid) - h.row;
    if (!best || rows > best.rows) best = { sheet, row: h.row + 1, stt: col("stt"), label: col("label"), unit: col("unit"), value: col("value"), note: col("note"), rows };
  }
  return best;
}

function text(grid: Grid, r: number, c: number): string {
  if (c < 0) return "";
  const v = cellAt(grid, { row: grid.origin.row + r, col: grid.origin.col + c }).value;
  return v === null || typeof v === "boolean" ? "" : cleanText(String(v));
}

/** The kind a unit says; null for a blank unit (group or text, decided by the rows under it). */
function kindOfUnit(unit: string): IndicatorKind | null {
  const codes = codesOf(unit);
  if (unit === "%") return "percent";
  if (codes.length === 2 && codes.every((c) => c.value === 0 || c.value === 1)) return "flag";
  if (codes.length > 0) return "choice";
  return unit === "" ? null : "count";
}

interface Row {
  readonly sheetRow: number;
  readonly id: string;
  readonly section: string;
  readonly stt: string;
  readonly label: string;
  readonly unit: string;
  readonly note: string;
  readonly dashed: boolean;
}

/** A sheet of the appendix workbook, and whether it is hidden. */
export type DraftSheet = NamedGrid & { readonly hidden?: boolean };

/** Drafts a form from the sheets of an appendix workbook; null when no table with a "Chỉ tiêu" heading is found. */
export function draftForm(sheets: readonly DraftSheet[], facts: Partial<FormFacts> = {}): Draft | null {
  const t = table(sheets);
  if (!t) return null;
  const grid = t.sheet.grid;
  const undecided: Undecided[] = [];
  const sections: Section[] = [];
  const rows: Row[] = [];
  let section: string | null = null;
  let top: string | null = null;
  let middle: string | null = null;
  const children = new Map<string, number>();
  const used = new Set<string>();
  let blanks = 0;
  // Without an STT column the outline is guessed from the units: a row without a unit opens a group, the rows with a
  // unit under it are its rows ("- …" under the row above), all in one section the person names.
  const noStt = t.stt < 0;
  let group: string | null = null;
  if (noStt) undecided.push({ code: "no_stt_column" });
  for (let r = t.row; r < rowCount(grid); r++) {
    const sheetRow = grid.origin.row + r + 1;
    let stt = text(grid, r, t.stt);
    let label = text(grid, r, t.label);
    const unit = text(grid, r, t.unit);
    if (!label && !stt) {
      if (++blanks >= 10 && rows.length) break;
      continue;
    }
    blanks = 0;
    // The column-number row under the header ("1 | 2 | 3 | 4 | 5") and repeated headers are not rows of the form.
    if (/^\(?\d+\)?$/.test(label) || /^chi tieu( thong ke)?$/.test(foldDiacritics(label))) continue;
    const inLabel = !stt ? SECTION_IN_LABEL.exec(label) : null;
    if (inLabel) {
      stt = inLabel[1];
      label = inLabel[2];
    }
    if (ROMAN.test(stt) && !unit) {
      section = stt;
      if (sections.some((s) => s.id === section)) section = `${stt}${sections.length + 1}`;
      sections.push({ id: section, stt, label });
      top = middle = group = null;
      continue;
    }
    if (!section && noStt) {
      section = "I";
      sections.push({ id: section, stt: section, label: formDraftTexts.sectionWithoutStt });
    }
    if (!section) {
      undecided.push({ code: "row_skipped", row: sheetRow, text: label || stt });
      continue;
    }
    const dashed = /^[-–+•]/.test(label) || stt === "-";
    const key = stt.replace(/[.)]+$/, "");
    let id: string;
    if (noStt) {
      const parent = dashed && middle ? middle : unit ? group : null;
      const under = parent ?? section;
      const n = (children.get(under) ?? 0) + 1;
      children.set(under, n);
      id = `${under}.${n}`;
      if (!parent) group = unit ? null : id;
    } else if (key && /^[a-zđ]$/i.test(key) && /\)$/.test(stt) && top) id = `${top}.${key}`;
    else if (key && key !== "-" && /^[0-9]+(\.[0-9]+)*$/.test(key)) id = `${section}.${key}`;
    else {
      const parent = dashed && middle ? middle : top;
      if (!parent) {
        undecided.push({ code: "row_skipped", row: sheetRow, text: label });
        continue;
      }
      const n = (children.get(parent) ?? 0) + 1;
      children.set(parent, n);
      id = `${parent}.${n}`;
    }
    if (used.has(id)) {
      // A printed STT repeated (section VII prints "2" three times): the repeat gets a letter, as docs/TEMPLATE.md does.
      let suffix = 98; // "b"
      while (used.has(`${id}${String.fromCharCode(suffix)}`)) suffix++;
      id = `${id}${String.fromCharCode(suffix)}`;
      undecided.push({ code: "repeated_stt", row: sheetRow, id, stt });
    }
    const parentId = id.slice(0, id.lastIndexOf("."));
    if (parentId !== section && !used.has(parentId)) {
      undecided.push({ code: "row_skipped", row: sheetRow, text: label });
      continue;
    }
    used.add(id);
    const depth = id.split(".").length - 2;
    if (depth === 0) {
      top = id;
      middle = null;
    } else if (depth === 1) middle = dashed ? null : id;
    rows.push({ sheetRow, id, section, stt, label, unit, note: text(grid, r, t.note), dashed });
  }
  if (rows.length === 0) return null;

  const childrenOf = (id: string) => rows.filter((x) => x.id.slice(0, x.id.lastIndexOf(".")) === id);
  const indicators: FormIndicator[] = [];
  const kinds = new Map<string, IndicatorKind>();
  let clerkNotes = 0;
  for (const row of rows) {
    let kind = kindOfUnit(row.unit);
    let unit = row.unit;
    let acceptedUnits: string[] | undefined;
    if (!kind) {
      const parent = indicators.find((i) => i.id === row.id.slice(0, row.id.lastIndexOf(".")));
      if (childrenOf(row.id).length) kind = "group";
      else if (parent?.kind === "count" && parent.unit) {
        // "- Trong đơn vị …" printed without a unit under a count: a part of it, in its unit.
        kind = "count";
        unit = parent.unit;
        acceptedUnits = [""];
        undecided.push({ code: "no_unit", row: row.sheetRow, id: row.id, label: row.label, assumed: `count:${unit}` });
      } else if (/^(tong )?so\b/.test(foldDiacritics(row.label.replace(/^[-–+•]\s*/, "")))) {
        kind = "count";
        undecided.push({ code: "no_unit", row: row.sheetRow, id: row.id, label: row.label, assumed: "count" });
      } else {
        kind = "text";
        undecided.push({ code: "no_unit", row: row.sheetRow, id: row.id, label: row.label, assumed: "text" });
      }
    }
    if (kind === "count" && /^có\s/i.test(row.label)) undecided.push({ code: "yes_no_with_count_unit", row: row.sheetRow, id: row.id, unit: row.unit });
    kinds.set(row.id, kind);
    // A note printed in a blank appendix is the form's guidance ("Quyết định số ...", "Ghi rõ …"); one citing a
    // numbered document or a figure is the clerk's own and stays out of the form.
    const hint = row.note && (/(\.\.\.|…)/.test(row.note) || !/\d/.test(row.note)) ? row.note : "";
    if (hint) undecided.push({ code: "note_as_hint", row: row.sheetRow, id: row.id, note: hint });
    else if (row.note) clerkNotes++;
    indicators.push({
      id: row.id,
      section: row.section,
      stt: row.stt,
      label: row.label,
      unit,
      kind,
      ...(printedCumulative(row.label) && kind !== "group" && kind !== "text" ? { cumulative: true } : {}),
      ...(acceptedUnits ? { acceptedUnits } : {}),
      ...(hint ? { noteHint: hint } : {}),
    });
  }

  // Draft relations where the structure says so.
  const relations: FormRelation[] = [];
  const counts = (id: string) => childrenOf(id).filter((c) => kinds.get(c.id) === "count");
  const key = (id: string) => id.toLowerCase().replace(/[^a-z0-9]+/g, "_");
  for (const row of rows) {
    const kind = kinds.get(row.id);
    const parts = counts(row.id);
    if (kind === "percent" && /^t[yỷi]\s*l[eệ]/i.test(foldDiacritics(row.label)) && parts.length >= 2) {
      // "Tỷ lệ …" with counts under it: the plan (or total) and what was done.
      const [a, b] = parts;
      const aIsTotal = DENOMINATOR.test(foldDiacritics(a.label)) || !DENOMINATOR.test(foldDiacritics(b.label));
      const [denominator, numerator] = aIsTotal ? [a, b] : [b, a];
      relations.push(draft(`${key(row.id)}_rate`, "rate", [row.id], [numerator.id, denominator.id], "error",
        formDraftTexts.rate(row.label, numerator.label, denominator.label)));
      relations.push(draft(`${key(row.id)}_part_le_whole`, "part_of_whole", [denominator.id], [numerator.id], "error",
        formDraftTexts.numeratorLeDenominator(numerator.label, denominator.label)));
      if (parts.length > 2) undecided.push({ code: "rate_inputs", row: row.sheetRow, id: row.id });
    } else if (kind === "count" && parts.length > 0) {
      const dashedParts = parts.filter((p) => p.dashed);
      if (dashedParts.length >= 2) {
        relations.push(draft(`${key(row.id)}_parts_le_total`, "part_of_whole", [row.id], dashedParts.map((p) => p.id), "error",
          formDraftTexts.dashedPartsLeTotal(row.label)));
        undecided.push({ code: "total_or_parts", row: row.sheetRow, id: row.id });
      } else {
        // A row under a count is often a part of it, but may only be related to it: a warning until confirmed.
        for (const p of parts) {
          relations.push(draft(`${key(p.id)}_le_${key(row.id)}`, "part_of_whole", [row.id], [p.id], "warning",
            formDraftTexts.partOf(p.label, row.label)));
        }
      }
    } else if (kind === "flag" && parts.length > 0) {
      const no = codesOf(row.unit).find((c) => /^(khong|chua)/.test(foldDiacritics(c.label)))?.value ?? 0;
      relations.push({
        ...draft(`${key(row.id)}_no_then_zero`, "flag_counts", [row.id], parts.map((p) => p.id), "warning",
          formDraftTexts.noThenZero(row.label)),
        condition: { equals: [no] },
      });
    }
  }

  if (clerkNotes) undecided.push({ code: "clerk_notes", count: clerkNotes });
  undecided.push({ code: "facts_to_fill" });
  const document: FormDocument = {
    format: FORM_FORMAT,
    formatVersion: FORM_FORMAT_VERSION,
    facts: {
      id: facts.id ?? "mau-nhap",
      title: facts.title ?? formDraftTexts.facts.title,
      issuer: facts.issuer ?? formDraftTexts.facts.issuer,
      document: facts.document ?? formDraftTexts.facts.document,
      level: facts.level ?? "so_nganh",
      province: facts.province ?? formDraftTexts.facts.province,
      version: facts.version ?? formDraftTexts.facts.version,
      status: "draft",
      ...(facts.source ? { source: facts.source } : {}),
      notes: [formDraftTexts.facts.note],
    },
    sections,
    indicators,
    relations,
  };
  return { document, undecided, sheet: t.sheet.name };
}

function draft(id: string, kind: string, target: string[], inputs: string[], severity: "error" | "warning", vi: string): FormRelation {
  return { id, kind, target, inputs, severity, reason: { vi }, draft: true };
}
