/**
 * A form as a workbook a Sở Nội vụ specialist edits in Excel: three sheets, "Thông tin" (facts: one fact per row,
 * name in A and value in B), "Chỉ tiêu" (the table as printed, one row per section and indicator, plus the columns
 * the engine needs) and "Quan hệ" (one relation per row). Columns are found by their heading, in any order.
 * Reading fills in what the printed table already says (ids from STT and outline, kinds from units) the way
 * docs/TEMPLATE.md describes, so a specialist writes only what the table does not say.
 */
import { codesOf } from "../catalog/define";
import type { DuePeriod, IndicatorKind, Section } from "../catalog/model";
import { cellAt, colCount, rowCount, type CellValue, type Grid } from "../grid";
import { cleanText } from "../text";
import { compileDocument, isIsoDate, reversedFlagUnit, type CompileResult, type FormPlacer } from "./compile";
import { FORM_FORMAT, FORM_FORMAT_VERSION, type FormCondition, type FormDocument, type FormFacts, type FormIndicator, type FormRelation } from "./model";
import { problem, type FormPlace, type FormProblem, type FormProblemBody, type FormSheet } from "./problems";
import { relationKind, RELATION_KINDS } from "./relationKinds";
import { FORM_MAX_ROWS } from "./safety";
import {
  CAVEATS,
  KINDS,
  LEVELS,
  PERIODS,
  readList,
  readWord,
  readYesNo,
  SECTION_WORDS,
  SEVERITIES,
  SHEET_NAMES,
  STATUSES,
  wordKey,
  writeList,
  writeWord,
} from "./vocabulary";

/** One column of a form sheet: its field, its heading in each language, its width in the workbook we write. */
export interface FormColumn {
  readonly field: string;
  readonly vi: string;
  readonly en: string;
  readonly required?: boolean;
  readonly width: number;
}

/** Columns of the "Chỉ tiêu" sheet, in the order a form is written. */
export const INDICATOR_COLUMNS: readonly FormColumn[] = [
  { field: "stt", vi: "STT", en: "No.", required: true, width: 6 },
  { field: "label", vi: "Chỉ tiêu thống kê", en: "Indicator", required: true, width: 60 },
  { field: "unit", vi: "Đơn vị tính", en: "Unit", required: true, width: 18 },
  { field: "kind", vi: "Loại", en: "Kind", width: 11 },
  { field: "id", vi: "Mã chỉ tiêu", en: "Id", width: 12 },
  { field: "aliases", vi: "Tên gọi khác", en: "Other labels", width: 40 },
  { field: "acceptedUnits", vi: "Đơn vị tính khác được chấp nhận", en: "Other accepted units", width: 20 },
  { field: "periods", vi: "Kỳ báo cáo phải có số liệu", en: "Periods due", width: 18 },
  { field: "periodsSource", vi: "Căn cứ kỳ báo cáo", en: "Source of the periods", width: 40 },
  { field: "cumulative", vi: "Lũy kế", en: "Cumulative", width: 8 },
  { field: "noteHint", vi: "Hướng dẫn ghi chú", en: "Note hint", width: 30 },
  { field: "mayExceed100", vi: "Được vượt 100%", en: "May exceed 100%", width: 10 },
  { field: "askedUnlessZero", vi: "Không hỏi khi bằng 0", en: "Not asked when 0", width: 18 },
];

/** Columns of the "Quan hệ" sheet. */
export const RELATION_COLUMNS: readonly FormColumn[] = [
  { field: "id", vi: "Mã quan hệ", en: "Id", required: true, width: 30 },
  { field: "kind", vi: "Loại quan hệ", en: "Kind", required: true, width: 22 },
  { field: "target", vi: "Chỉ tiêu đích", en: "Target", required: true, width: 22 },
  { field: "inputs", vi: "Chỉ tiêu đầu vào", en: "Inputs", required: true, width: 30 },
  { field: "condition", vi: "Điều kiện", en: "Condition", width: 12 },
  { field: "severity", vi: "Mức độ", en: "Severity", required: true, width: 10 },
  { field: "caveat", vi: "Lưu ý", en: "Caveat", width: 18 },
  { field: "reasonVi", vi: "Lý do (tiếng Việt)", en: "Reason (Vietnamese)", width: 60 },
  { field: "reasonEn", vi: "Lý do (tiếng Anh)", en: "Reason (English)", width: 50 },
  { field: "draft", vi: "Cần xác nhận", en: "Needs confirmation", width: 10 },
];

/** Rows of the "Thông tin" sheet: one fact each, name in column A. */
export const FACT_ROWS: readonly FormColumn[] = [
  { field: "id", vi: "Mã mẫu", en: "Form id", required: true, width: 0 },
  { field: "title", vi: "Tên mẫu", en: "Title", required: true, width: 0 },
  { field: "issuer", vi: "Cơ quan ban hành", en: "Issuer", required: true, width: 0 },
  { field: "document", vi: "Văn bản ban hành", en: "Issuing document", required: true, width: 0 },
  { field: "level", vi: "Cấp báo cáo", en: "Level", required: true, width: 0 },
  { field: "province", vi: "Tỉnh, thành phố", en: "Province", required: true, width: 0 },
  { field: "version", vi: "Phiên bản", en: "Version", required: true, width: 0 },
  { field: "validFrom", vi: "Áp dụng từ ngày", en: "Valid from", width: 0 },
  { field: "validTo", vi: "Áp dụng đến ngày", en: "Valid to", width: 0 },
  { field: "status", vi: "Tình trạng", en: "Status", required: true, width: 0 },
  { field: "source", vi: "Nguồn", en: "Source", width: 0 },
  { field: "notes", vi: "Ghi chú", en: "Note", width: 0 },
];

/** The heading row of the facts sheet (skipped when read). */
export const FACT_HEADINGS = { vi: ["Mục", "Nội dung"], en: ["Item", "Value"] } as const;

/** The sheets of a form workbook as rows of cell texts, ready for an adapter to write. */
export interface FormSheets {
  readonly facts: readonly (readonly string[])[];
  readonly indicators: readonly (readonly string[])[];
  readonly relations: readonly (readonly string[])[];
}

/** A worksheet as the engine sees it. */
export interface NamedGrid {
  readonly name: string;
  readonly grid: Grid;
}

// ---------------------------------------------------------------- reading

/** One cell as text; a formula is reported (never its result used). Dates in facts come through `dateText`. */
interface CellReader {
  text(sheet: FormSheet, grid: Grid, row: number, col: number, field: string): string;
  raw(grid: Grid, row: number, col: number): CellValue;
}

const EXCEL_EPOCH_MS = Date.UTC(1899, 11, 30);

/** A date cell (Excel serial) or a written date ("11/3/2022", "2022-03-11") as YYYY-MM-DD; the text as is otherwise. */
function dateText(value: CellValue, text: string): string {
  if (typeof value === "number" && value > 1 && value < 2958466) {
    const d = new Date(EXCEL_EPOCH_MS + Math.round(value) * 86400000);
    return d.toISOString().slice(0, 10);
  }
  const m = /^(\d{1,2})\s*[/.-]\s*(\d{1,2})\s*[/.-]\s*(\d{4})$/.exec(text);
  if (m) {
    const iso = `${m[3]}-${m[2].padStart(2, "0")}-${m[1].padStart(2, "0")}`;
    return isIsoDate(iso) ? iso : text;
  }
  return text;
}

function sheetRow(grid: Grid, r: number): number {
  return grid.origin.row + r + 1;
}

/** The column (or fact) a heading names: its Vietnamese or English heading, or its field name, as `wordKey` folds them. */
function columnNamed(columns: readonly FormColumn[], key: string): FormColumn | undefined {
  return columns.find((x) => wordKey(x.vi) === key || wordKey(x.en) === key || x.field.toLowerCase() === key);
}

/** The grid row (0-based) of the heading row: the one among the first rows naming the most known columns. */
function findHeader(grid: Grid, columns: readonly FormColumn[]): { row: number; cols: Map<string, number>; unknown: { col: number; text: string }[] } | null {
  let best: { row: number; cols: Map<string, number>; unknown: { col: number; text: string }[] } | null = null;
  const width = colCount(grid);
  for (let r = 0; r < Math.min(10, rowCount(grid)); r++) {
    const cols = new Map<string, number>();
    const unknown: { col: number; text: string }[] = [];
    for (let c = 0; c < width; c++) {
      const v = grid.values[r]?.[c];
      if (v === null || v === undefined || v === "") continue;
      const key = wordKey(String(v));
      const col = columnNamed(columns, key);
      if (col && !cols.has(col.field)) cols.set(col.field, c);
      else unknown.push({ col: c, text: cleanText(String(v)) });
    }
    if (cols.size >= 2 && (!best || cols.size > best.cols.size)) best = { row: r, cols, unknown };
  }
  return best;
}

function sheetOf(sheets: readonly NamedGrid[], which: FormSheet): NamedGrid | undefined {
  return sheets.find((s) => readWord(SHEET_NAMES, s.name) === which);
}

function isBlankRow(grid: Grid, r: number): boolean {
  return (grid.values[r] ?? []).every((v) => v === null || v === "" || (typeof v === "string" && v.trim() === ""));
}

const ROMAN = /^[IVXLC]+$/;

/** Reads a form workbook's sheets and compiles them. Never throws; problems name sheet, row and column. */
export function compileFormSheets(sheets: readonly NamedGrid[]): CompileResult {
  const problems: FormProblem[] = [];
  const say = (place: FormPlace, body: FormProblemBody) => problems.push(problem(place, body));
  const cells: CellReader = {
    raw: (grid, r, c) => (c < 0 ? null : (grid.values[r]?.[c] ?? null)),
    text(sheet, grid, r, c, field) {
      if (c < 0) return "";
      const cell = cellAt(grid, { row: grid.origin.row + r, col: grid.origin.col + c });
      if (cell.formula) {
        say({ sheet, row: sheetRow(grid, r), field }, { code: "unsafe_formula" });
        return "";
      }
      const v = cell.value;
      if (v === null) return "";
      return typeof v === "string" ? v.normalize("NFC").replace(/\r\n/g, "\n").trim() : String(v);
    },
  };

  const factsSheet = sheetOf(sheets, "facts");
  const indicatorSheet = sheetOf(sheets, "indicators");
  const relationSheet = sheetOf(sheets, "relations");
  if (!factsSheet && !indicatorSheet && !relationSheet) {
    say({ file: true }, { code: "not_a_form", detail: sheets.map((s) => s.name).join(", ") });
    return { ok: false, problems };
  }
  if (!factsSheet) say({ sheet: "facts" }, { code: "sheet_missing", sheet: "facts" });
  if (!indicatorSheet) say({ sheet: "indicators" }, { code: "sheet_missing", sheet: "indicators" });
  if (!relationSheet) say({ sheet: "relations" }, { code: "relations_sheet_missing" });

  const facts = factsSheet ? readFacts(factsSheet.grid, cells, say) : { facts: emptyFacts(), rows: new Map<string, number>() };
  const table = indicatorSheet ? readIndicators(indicatorSheet.grid, cells, say) : { sections: [], sectionRows: [], indicators: [], rows: [] };
  const rels = relationSheet ? readRelations(relationSheet.grid, cells, say) : { relations: [], rows: [] };

  const doc: FormDocument = {
    format: FORM_FORMAT,
    formatVersion: FORM_FORMAT_VERSION,
    facts: facts.facts,
    sections: table.sections,
    indicators: table.indicators,
    relations: rels.relations,
  };
  const placer: FormPlacer = {
    fact: (field) => {
      const row = facts.rows.get(field);
      return row === undefined ? { sheet: "facts" } : { sheet: "facts", row, field };
    },
    section: (i, field) => ({ sheet: "indicators", row: table.sectionRows[i], field }),
    indicator: (i, field) => ({ sheet: "indicators", row: table.rows[i], field }),
    relation: (i, field) => ({ sheet: "relations", row: rels.rows[i], field }),
  };
  const compiled = compileDocument(doc, placer);
  const all = [...problems, ...compiled.problems];
  if (!compiled.ok || all.some((p) => p.severity === "error")) return { ok: false, problems: all };
  return { ...compiled, problems: all };
}

function emptyFacts(): FormFacts {
  return { id: "", title: "", issuer: "", document: "", level: "" as FormFacts["level"], province: "", version: "", status: "" as FormFacts["status"] };
}

type Say = (place: FormPlace, body: FormProblemBody) => void;

function readFacts(grid: Grid, cells: CellReader, say: Say): { facts: FormFacts; rows: Map<string, number> } {
  const values: Record<string, string> = {};
  const notes: string[] = [];
  const rows = new Map<string, number>();
  const headings = [...FACT_HEADINGS.vi, ...FACT_HEADINGS.en].map(wordKey);
  for (let r = 0; r < rowCount(grid); r++) {
    if (isBlankRow(grid, r)) continue;
    const name = cells.text("facts", grid, r, 0, "name");
    const key = wordKey(name);
    if (headings.includes(key)) continue;
    const fact = columnNamed(FACT_ROWS, key);
    if (!fact) {
      if (key) say({ sheet: "facts", row: sheetRow(grid, r) }, { code: "fact_unknown", key: name });
      continue;
    }
    const text = cleanText(cells.text("facts", grid, r, 1, fact.field));
    if (!rows.has(fact.field)) rows.set(fact.field, sheetRow(grid, r));
    if (fact.field === "notes") {
      if (text) notes.push(text);
      continue;
    }
    if (fact.field === "validFrom" || fact.field === "validTo") values[fact.field] = dateText(cells.raw(grid, r, 1), text);
    else values[fact.field] = text;
  }
  const place = (field: string): FormPlace => ({ sheet: "facts", row: rows.get(field), field });
  const level = values.level ? readWord(LEVELS, values.level) : null;
  if (values.level && !level) say(place("level"), { code: "fact_invalid", field: "level", value: values.level });
  const status = values.status ? readWord(STATUSES, values.status) : null;
  if (values.status && !status) say(place("status"), { code: "fact_invalid", field: "status", value: values.status });
  const facts: FormFacts = {
    id: values.id ?? "",
    title: values.title ?? "",
    issuer: values.issuer ?? "",
    document: values.document ?? "",
    // A value that names no level was reported above; "" keeps compile from saying it again as missing.
    level: (level ?? (values.level ? "so_nganh" : "")) as FormFacts["level"],
    province: values.province ?? "",
    version: values.version ?? "",
    ...(values.validFrom ? { validFrom: values.validFrom } : {}),
    ...(values.validTo ? { validTo: values.validTo } : {}),
    status: (status ?? (values.status ? "draft" : "")) as FormFacts["status"],
    ...(values.source ? { source: values.source } : {}),
    ...(notes.length ? { notes } : {}),
  };
  return { facts, rows };
}

/** Reads the heading row, reporting missing and unknown headings; null when no heading row was found. */
function header(sheet: FormSheet, grid: Grid, columns: readonly FormColumn[], say: Say): { row: number; col: (field: string) => number } | null {
  const found = findHeader(grid, columns);
  if (!found) {
    for (const c of columns.filter((x) => x.required)) say({ sheet, row: 1 }, { code: "column_missing", sheet, field: c.field });
    return null;
  }
  for (const c of columns) if (c.required && !found.cols.has(c.field)) say({ sheet, row: sheetRow(grid, found.row) }, { code: "column_missing", sheet, field: c.field });
  for (const u of found.unknown) say({ sheet, row: sheetRow(grid, found.row) }, { code: "column_unknown", sheet, header: u.text });
  return { row: found.row, col: (field) => found.cols.get(field) ?? -1 };
}

/** The grid rows (0-based) of a table below its heading row, blank rows skipped, at most FORM_MAX_ROWS of them (else said). */
function* tableRows(sheet: FormSheet, grid: Grid, headingRow: number, say: Say): Generator<number> {
  let count = 0;
  for (let r = headingRow + 1; r < rowCount(grid); r++) {
    if (isBlankRow(grid, r)) continue;
    if (++count > FORM_MAX_ROWS) {
      say({ sheet, row: sheetRow(grid, r) }, { code: "too_many_rows", limit: FORM_MAX_ROWS });
      return;
    }
    yield r;
  }
}

interface TableRow {
  readonly r: number;
  readonly stt: string;
  readonly label: string;
  readonly unit: string;
  readonly kindText: string;
  readonly id: string;
}

function readIndicators(
  grid: Grid,
  cells: CellReader,
  say: Say,
): { sections: Section[]; sectionRows: number[]; indicators: FormIndicator[]; rows: number[] } {
  const sections: Section[] = [];
  const sectionRows: number[] = [];
  const indicators: FormIndicator[] = [];
  const rows: number[] = [];
  const h = header("indicators", grid, INDICATOR_COLUMNS, say);
  if (!h) return { sections, sectionRows, indicators, rows };
  const get = (r: number, field: string) => cells.text("indicators", grid, r, h.col(field), field);
  const at = (r: number, field?: string): FormPlace => ({ sheet: "indicators", row: sheetRow(grid, r), field });

  // Pass 1: sections and ids, following the printed outline where the id is not written.
  let section: string | null = null;
  let top: string | null = null;
  let middle: string | null = null;
  const children = new Map<string, number>();
  const pending: { row: TableRow; id: string; section: string }[] = [];
  for (const r of tableRows("indicators", grid, h.row, say)) {
    const row: TableRow = {
      r,
      stt: cleanText(get(r, "stt")),
      label: cleanText(get(r, "label")),
      unit: cleanText(get(r, "unit")),
      kindText: get(r, "kind"),
      id: cleanText(get(r, "id")),
    };
    const kindKey = wordKey(row.kindText);
    const isSection =
      SECTION_WORDS.some((w) => wordKey(w) === kindKey) ||
      (kindKey === "" && row.unit === "" && ROMAN.test(row.stt) && !row.id.includes("."));
    if (isSection) {
      const id = row.id || row.stt;
      sections.push({ id, stt: row.stt || id, label: row.label });
      sectionRows.push(sheetRow(grid, r));
      if (!row.label) say(at(r, "label"), { code: "label_missing" });
      section = id;
      top = middle = null;
      continue;
    }
    if (section === null) {
      say(at(r), { code: "row_before_section" });
      continue;
    }
    // A "- " row sits under the row above it only when that row is not itself a "- " row (docs/TEMPLATE.md).
    const dashed = /^[-–+•]/.test(row.label) || row.stt === "-";
    let id = row.id;
    if (!id) {
      const stt = row.stt.replace(/[.)]+$/, "");
      if (stt && /^[a-zđ]$/i.test(stt) && /\)$/.test(row.stt) && top) id = `${top}.${stt}`;
      else if (stt && stt !== "-") id = `${section}.${stt}`;
      else {
        const parent = dashed && middle ? middle : top;
        if (!parent) {
          say(at(r, "id"), { code: "id_missing" });
          continue;
        }
        const n = (children.get(parent) ?? 0) + 1;
        children.set(parent, n);
        id = `${parent}.${n}`;
      }
    }
    const depth = id.split(".").length - 2;
    const parent = id.slice(0, id.lastIndexOf("."));
    if (depth === 0) {
      top = id;
      middle = null;
    } else if (depth === 1) middle = dashed ? null : id;
    if (row.id) children.set(parent, (children.get(parent) ?? 0) + 1);
    // The section is the one the row is printed in; an id naming another section is reported by compile.
    pending.push({ row, id, section });
  }

  // Pass 2: kinds (a unitless row with rows under it is a group) and the other columns.
  const parents = new Set(pending.map((p) => p.id.slice(0, p.id.lastIndexOf("."))));
  for (const { row, id, section: sec } of pending) {
    const r = row.r;
    let kind: IndicatorKind | null = null;
    if (row.kindText) {
      kind = readWord(KINDS, row.kindText);
      if (!kind) {
        say(at(r, "kind"), { code: "kind_unknown", value: row.kindText });
        continue;
      }
    } else {
      kind = kindFromUnit(row.unit, parents.has(id));
      if (!kind) {
        say(at(r, "kind"), { code: "kind_needed" });
        continue;
      }
    }
    const periods: DuePeriod[] = [];
    for (const p of get(r, "periods").split(/[,;\n]+/).map((s) => s.trim()).filter(Boolean)) {
      const all = ["moi ky", "tat ca", "every period", "all"].includes(wordKey(p));
      const period = readWord(PERIODS, p);
      if (all) continue;
      if (period) periods.push(period);
      else say(at(r, "periods"), { code: "period_unknown", value: p });
    }
    const periodsSource = cleanText(get(r, "periodsSource"));
    if (periodsSource && periods.length === 0) say(at(r, "periodsSource"), { code: "periods_source_without_periods" });
    const cumulativeText = get(r, "cumulative");
    const cumulative = readYesNo(cumulativeText);
    if (cumulative === null) say(at(r, "cumulative"), { code: "yes_no_invalid", value: cumulativeText });
    const aliases = readList(get(r, "aliases"));
    const acceptedUnits = readList(get(r, "acceptedUnits"));
    const noteHint = cleanText(get(r, "noteHint"));
    const exceedText = get(r, "mayExceed100");
    const mayExceed100 = readYesNo(exceedText);
    if (mayExceed100 === null) say(at(r, "mayExceed100"), { code: "yes_no_invalid", value: exceedText });
    // "IV.1.2 + IV.1.4", or with the condition written out: "IV.1.2 + IV.1.4 = 0".
    const askedUnlessZero = readIds(get(r, "askedUnlessZero").replace(/(?:=|bằng|bang)\s*0\s*$/i, ""));
    indicators.push({
      id,
      section: sec,
      stt: row.stt,
      label: row.label,
      unit: row.unit,
      kind,
      ...(aliases.length ? { aliases } : {}),
      ...(acceptedUnits.length ? { acceptedUnits } : {}),
      ...(periods.length ? { periods } : {}),
      ...(periods.length && periodsSource ? { periodsSource } : {}),
      ...(cumulative ? { cumulative: true } : {}),
      ...(noteHint ? { noteHint } : {}),
      ...(mayExceed100 ? { mayExceed100: true } : {}),
      ...(askedUnlessZero.length ? { askedUnlessZero } : {}),
    });
    rows.push(sheetRow(grid, r));
  }
  return { sections, sectionRows, indicators, rows };
}

/** The kind the unit says (docs/TEMPLATE.md): "%", a 0/1 code list, other code lists, blank with rows under it, a unit. */
export function kindFromUnit(unit: string, hasRows: boolean): IndicatorKind | null {
  const codes = codesOf(unit);
  if (unit === "%") return "percent";
  if (codes.length === 2 && codes.every((c) => c.value === 0 || c.value === 1)) return "flag";
  if (codes.length > 0) return "choice";
  if (unit === "") return hasRows ? "group" : null;
  return "count";
}

/** Ids in one cell: "IV.2.2 + IV.3.2", "I.1.2 / I.1.1", one per line... */
function readIds(text: string): string[] {
  return text.split(/[\s+,;/]+/).filter(Boolean);
}

/**
 * "bằng 0", "= 0", "0; 1", "lớn hơn 0", "> 0" -> the condition; "" -> none; anything else -> null. A tail
 * "trừ khi IV.1.2 + IV.1.4 = 0" (or "unless ... = 0") names rows whose sum 0 skips the relation.
 */
export function readCondition(text: string): FormCondition | undefined | null {
  const unless = /^(.*?)[\s;,]*(?:trừ khi|tru khi|unless)\s+(.+?)\s*(?:=|bằng|bang)\s*0\s*$/i.exec(cleanText(text));
  if (unless) {
    const ids = readIds(unless[2]);
    if (ids.length === 0) return null;
    const head = unless[1].trim() === "" ? undefined : readCondition(unless[1]);
    if (head === null) return null;
    return { ...(head ?? {}), unlessZero: ids };
  }
  const blank = /^(.*?)[\s;,]*(?:ô trống tính là 0|o trong tinh la 0|blank is 0)\s*$/i.exec(cleanText(text));
  if (blank) {
    const head = blank[1].trim() === "" ? undefined : readCondition(blank[1]);
    return head === null ? null : { ...(head ?? {}), blankIsZero: true };
  }
  const key = wordKey(text).replace(/\s+/g, " ");
  if (key === "") return undefined;
  const above = /^(?:lon hon|tren|>|greater than|above)\s*(-?\d+(?:[.,]\d+)?)$/.exec(key);
  if (above) return { above: Number(above[1].replace(",", ".")) };
  const equals = /^(?:bang|=|equals?|la)?\s*(-?\d+(?:\s*(?:,|;|hoac|or)\s*-?\d+)*)$/.exec(key);
  if (equals) return { equals: equals[1].split(/\s*(?:,|;|hoac|or)\s*/).map(Number) };
  return null;
}

/** How the form writes a condition. */
export function writeCondition(c: FormCondition | undefined): string {
  if (!c) return "";
  const parts: string[] = [];
  if (c.equals?.length) parts.push(`bằng ${c.equals.join(" hoặc ")}`);
  if (c.above !== undefined) parts.push(`lớn hơn ${c.above}`);
  const tails = [
    ...(c.unlessZero?.length ? [`trừ khi ${c.unlessZero.join(" + ")} = 0`] : []),
    ...(c.blankIsZero ? ["ô trống tính là 0"] : []),
  ];
  return [parts.join(" hoặc "), ...tails].filter(Boolean).join("; ");
}

function readRelations(grid: Grid, cells: CellReader, say: Say): { relations: FormRelation[]; rows: number[] } {
  const relations: FormRelation[] = [];
  const rows: number[] = [];
  const h = header("relations", grid, RELATION_COLUMNS, say);
  if (!h) return { relations, rows };
  const at = (r: number, field?: string): FormPlace => ({ sheet: "relations", row: sheetRow(grid, r), field });
  for (const r of tableRows("relations", grid, h.row, say)) {
    const get = (field: string) => cells.text("relations", grid, r, h.col(field), field);
    const id = cleanText(get("id"));
    const kindText = cleanText(get("kind"));
    const spec = RELATION_KINDS.find((k) => k.kind === kindText || k.words.some((w) => wordKey(w) === wordKey(kindText)));
    const conditionText = get("condition");
    const condition = readCondition(conditionText);
    if (condition === null) say(at(r, "condition"), { code: "condition_invalid", value: conditionText });
    const severityText = get("severity");
    const severity = readWord(SEVERITIES, severityText);
    if (!severity) say(at(r, "severity"), { code: "severity_invalid", value: severityText });
    const caveatText = get("caveat");
    const caveat = caveatText ? readWord(CAVEATS, caveatText) : undefined;
    if (caveat === null) say(at(r, "caveat"), { code: "caveat_invalid", value: caveatText });
    const draftText = get("draft");
    const draft = readYesNo(draftText);
    if (draft === null) say(at(r, "draft"), { code: "yes_no_invalid", value: draftText });
    if (!id) {
      say(at(r, "id"), { code: "relation_id_missing" });
      continue;
    }
    const reasonVi = cleanText(get("reasonVi"));
    const reasonEn = cleanText(get("reasonEn"));
    relations.push({
      id,
      kind: spec?.kind ?? kindText,
      target: readIds(get("target")),
      inputs: readIds(get("inputs")),
      ...(condition ? { condition } : {}),
      severity: severity ?? "error",
      ...(caveat ? { caveat } : {}),
      ...(reasonVi || reasonEn ? { reason: { ...(reasonVi ? { vi: reasonVi } : {}), ...(reasonEn ? { en: reasonEn } : {}) } } : {}),
      ...(draft ? { draft: true } : {}),
    });
    rows.push(sheetRow(grid, r));
  }
  return { relations, rows };
}

// ---------------------------------------------------------------- writing

function displayDate(iso: string | undefined): string {
  if (!iso) return "";
  const [y, m, d] = iso.split("-");
  return `${d}/${m}/${y}`;
}

/** The acceptedUnits a form writes: the reversed order of a yes/no unit goes without saying (compile adds it). */
function writtenAcceptedUnits(ind: FormIndicator): string[] {
  const units = [...(ind.acceptedUnits ?? [])];
  if (ind.kind === "flag" && units.length && units[units.length - 1] === reversedFlagUnit(ind.unit)) units.pop();
  return units;
}

/** The form's three sheets as rows of texts (heading row first), in the form's language: Vietnamese. */
export function formSheets(doc: FormDocument): FormSheets {
  const f = doc.facts;
  const factValue: Record<string, string> = {
    id: f.id,
    title: f.title,
    issuer: f.issuer,
    document: f.document,
    level: writeWord(LEVELS, f.level),
    province: f.province,
    version: f.version,
    validFrom: displayDate(f.validFrom),
    validTo: displayDate(f.validTo),
    status: writeWord(STATUSES, f.status),
    source: f.source ?? "",
  };
  const facts: string[][] = [[...FACT_HEADINGS.vi]];
  for (const row of FACT_ROWS) {
    if (row.field === "notes") for (const n of f.notes ?? []) facts.push([row.vi, n]);
    else facts.push([row.vi, factValue[row.field]]);
  }

  const indicators: string[][] = [INDICATOR_COLUMNS.map((c) => c.vi)];
  const cell = (values: Record<string, string>) => INDICATOR_COLUMNS.map((c) => values[c.field] ?? "");
  for (const s of doc.sections) {
    indicators.push(cell({ stt: s.stt, label: s.label, kind: SECTION_WORDS[0], id: s.id }));
    for (const ind of doc.indicators.filter((i) => i.section === s.id)) {
      indicators.push(
        cell({
          stt: ind.stt,
          label: ind.label,
          unit: ind.unit,
          kind: writeWord(KINDS, ind.kind),
          id: ind.id,
          aliases: writeList(ind.aliases ?? []),
          acceptedUnits: writeList(writtenAcceptedUnits(ind)),
          periods: (ind.periods ?? []).map((p) => writeWord(PERIODS, p)).join(", "),
          periodsSource: ind.periodsSource ?? "",
          cumulative: ind.cumulative ? "Có" : "",
          noteHint: ind.noteHint ?? "",
          mayExceed100: ind.mayExceed100 ? "Có" : "",
          askedUnlessZero: (ind.askedUnlessZero ?? []).join(" + "),
        }),
      );
    }
  }

  const relations: string[][] = [RELATION_COLUMNS.map((c) => c.vi)];
  for (const r of doc.relations) {
    const spec = relationKind(r.kind);
    const values: Record<string, string> = {
      id: r.id,
      kind: spec?.words[0] ?? r.kind,
      target: r.target.join(" + "),
      inputs: r.inputs.join(spec?.inputsJoin ?? " + "),
      condition: writeCondition(r.condition),
      severity: writeWord(SEVERITIES, r.severity),
      caveat: r.caveat ? writeWord(CAVEATS, r.caveat) : "",
      reasonVi: r.reason?.vi ?? "",
      reasonEn: r.reason?.en ?? "",
      draft: r.draft ? "Có" : "",
    };
    relations.push(RELATION_COLUMNS.map((c) => values[c.field] ?? ""));
  }
  return { facts, indicators, relations };
}

/** The sheet names a form workbook is written with. */
export const FORM_SHEET_NAMES: Readonly<Record<FormSheet, string>> = {
  facts: writeWord(SHEET_NAMES, "facts"),
  indicators: writeWord(SHEET_NAMES, "indicators"),
  relations: writeWord(SHEET_NAMES, "relations"),
};
