/**
 * Who sent an appendix and for which period, read from the title block above its table
 * ("NĂM 2023 CỦA SỞ THÔNG TIN VÀ TRUYỀN THÔNG TỈNH SÓC TRĂNG", "6 THÁNG ĐẦU NĂM 2024", "QUÝ I"...)
 * or, failing that, from the file name. Pure: the consolidation and the CLI both use it.
 */
import type { Grid } from "./grid";
import { cellAt } from "./grid";
import type { Location } from "./location";
import { kindFromMonths, type Period, type PeriodKind } from "./period";
import { cleanText, foldDiacritics } from "./text";

/** What the title block says. */
export interface TitleInfo {
  readonly unitName: string | null;
  readonly period: Period | null;
  /** The title texts read, top to bottom, NFC. */
  readonly lines: readonly string[];
}

/**
 * Folds marks away while keeping every UTF-16 position, so a match in the folded text slices the
 * original at the same place (NFC Vietnamese letters are one unit each).
 */
function foldKeepingLength(text: string): string {
  let out = "";
  for (const ch of text) {
    const f = foldDiacritics(ch);
    out += f.length === ch.length ? f : ch.toLowerCase().length === ch.length ? ch.toLowerCase() : ch;
  }
  return out;
}

const blankOut = (s: string): string => " ".repeat(s.length);

/** A place-and-date line ("Sóc Trăng, ngày 15 tháng 12 năm 2023") names a year that is not the period. */
const SIGNING_DATE = /ngay\s*[\d.…]*\s*thang\s*[\d.…]*\s*nam\s*[\d.…]*/g;

const ROMAN: Readonly<Record<string, number>> = { i: 1, ii: 2, iii: 3, iv: 4, "1": 1, "2": 2, "3": 3, "4": 4, "01": 1, "02": 2, "03": 3, "04": 4 };

const DATE = String.raw`(\d{1,2})\s*[/.-]\s*(\d{1,2})\s*[/.-]\s*(\d{4})`;
const RANGE = new RegExp(String.raw`tu\s+(?:ngay\s+)?${DATE}\s*(?:-|–|—|den\s+ngay|den)\s*${DATE}`);
// "06 tháng" and "Quí" (the older spelling) as clerks type them; "năm: 2026" with its colon; "Q3/2026" in short.
const HALF = /(?:^|[^\d])(0?6|sau)\s+thang(?:\s+dau)?(?:\s+nam)?(?:\s*[/-]?\s*(\d{4}))?/;
const NINE = /(?:^|[^\d])(0?9|chin)\s+thang(?:\s+dau)?(?:\s+nam)?(?:\s*[/-]?\s*(\d{4}))?/;
const QUARTER = /\b(?:qu[yi]\s*(iv|iii|ii|i|0?[1-4])\b|q([1-4])(?=\s*[/.-]\s*\d{4}\b))(?:\s*(?:nam\s*:?\s*|[/.-]\s*)(\d{4}))?/;
const YEAR = /\bnam\s*:?\s*(\d{4})\b/;

/** One period reading of a text, with where its kind was found (-1 for a range only). */
interface PeriodHit {
  readonly kind: PeriodKind;
  readonly year: number | null;
  readonly at: number;
  readonly from?: string;
  readonly to?: string;
  /** true when only "năm YYYY" was seen: weaker than a 6-month or quarter phrase elsewhere */
  readonly yearOnly: boolean;
}

function periodHit(folded: string): PeriodHit | null {
  const text = folded.replace(SIGNING_DATE, blankOut);
  const range = RANGE.exec(text);
  const rangeFields = range
    ? { from: `${+range[1]}/${+range[2]}/${range[3]}`, to: `${+range[4]}/${+range[5]}/${range[6]}` }
    : {};
  // A range's dates must not read as "năm"/quarter phrases; look for the kind outside it.
  const rest = range ? text.slice(0, range.index) + blankOut(range[0]) + text.slice(range.index + range[0].length) : text;
  const yearNear = (from: number): number | null => {
    const m = YEAR.exec(rest.slice(from)) ?? /(?:^|\D)(20\d{2})(?!\d)/.exec(rest.slice(from));
    return m ? Number(m[1]) : range ? Number(range[6]) : null;
  };
  const half = HALF.exec(rest);
  if (half) return { kind: "6thang", year: half[2] ? Number(half[2]) : yearNear(half.index), at: half.index, yearOnly: false, ...rangeFields };
  const nine = NINE.exec(rest);
  if (nine) return { kind: "9thang", year: nine[2] ? Number(nine[2]) : yearNear(nine.index), at: nine.index, yearOnly: false, ...rangeFields };
  const quarter = QUARTER.exec(rest);
  if (quarter) {
    const kind = `quy${ROMAN[quarter[1] ?? quarter[2]]}` as PeriodKind;
    return { kind, year: quarter[3] ? Number(quarter[3]) : yearNear(quarter.index), at: quarter.index, yearOnly: false, ...rangeFields };
  }
  const year = YEAR.exec(rest);
  if (range) {
    const kind = kindFromMonths(Number(range[2]), Number(range[5]));
    if (kind && (!year || kind !== "nam"))
      return { kind, year: Number(range[6]), at: year ? year.index : range.index, yearOnly: false, ...rangeFields };
  }
  if (year) return { kind: "nam", year: Number(year[1]), at: year.index, yearOnly: true, ...rangeFields };
  return null;
}

/** The period a piece of text names ("6 THÁNG ĐẦU NĂM 2024", "Quý I/2024", "từ ngày 15/12/2022 - 14/12/2023"), or null. */
export function periodFromText(text: string): Period | null {
  const hit = periodHit(foldKeepingLength(cleanText(text)));
  return hit ? toPeriod(hit) : null;
}

function toPeriod(hit: PeriodHit): Period {
  const p: Period = { kind: hit.kind, year: hit.year };
  return hit.from ? { ...p, from: hit.from, to: hit.to } : p;
}

/**
 * The report's period: the title's, or else the one its sheet's name gives ("PL Quý III 2026", "6 tháng 2026"); a
 * year alone in a sheet's name ("PL 2024") names no period.
 */
export function titleOrSheetPeriod(title: Pick<TitleInfo, "period">, sheetName: string): Period | null {
  return title.period ?? periodFromText(sheetName);
}

/** The period a file name names ("BC CCHC 6 thang 2024 - So Y te.xlsx", "quy1_2024.xlsx"), or null. */
export function periodFromFileName(fileName: string): Period | null {
  const base = fileName.replace(/^.*[\\/]/, "").replace(/\.[a-z0-9]+$/i, "");
  const spaced = foldKeepingLength(cleanText(base.normalize("NFC")))
    .replace(/[_.+]+/g, " ")
    .replace(/(\d)(thang|nam)/g, "$1 $2")
    .replace(/(quy|nam|thang)(\d)/g, "$1 $2")
    .replace(/\bq([1-4])\b/g, "quy $1");
  const hit = periodHit(spaced);
  if (hit) return toPeriod(hit);
  // "...-2024.xlsx" with nothing else: a year alone says nothing about the kind of report.
  return null;
}

/** Lines that introduce the document being attached to ("Kèm theo Báo cáo số ... của ..."). */
const ATTACHED = /^\(?\s*kem theo\b/;
/** A unit word that starts an organisation name. */
const UNIT_START =
  /^(so|ban|van phong|thanh tra|cong an|bo chi huy|dai|bao hiem|kho bac|cuc|chi cuc|truong|ubnd|uy ban nhan dan|hoi|trung tam|ngan hang|lien doan)\b/;
const NOT_A_SENDER = /^(kinh gui|noi nhan|cong hoa|doc lap|phu luc|thong ke|bao cao|so lieu|so:|so\s+\d)/;
const PROVINCE_AUTHORITY = /^(ubnd|uy ban nhan dan)\s+tinh\b/;
const LABELLED = /^(?:ten\s+)?(?:don vi(?:\s+bao cao)?|co quan(?:\s+bao cao)?)\s*:\s*/;

/** Trims a unit name found after "của": stops at "(", a period phrase, a date or a trailing "./.". */
function trimUnitTail(original: string, folded: string): string | null {
  let end = original.length;
  const stops = [
    folded.indexOf("("),
    folded.search(/[;]|\s-\s/),
    folded.search(/\b(0?6|sau|0?9|chin)\s+thang\b/),
    folded.search(/\bqu[yi]\s*(iv|iii|ii|i|0?[1-4])\b/),
    folded.search(/\bnam\s*:?\s*\d{4}\b/),
    folded.search(/\bngay\s+\d/),
    folded.search(/\bve\s+(viec|tinh hinh|ket qua)\b/),
    folded.search(/\bgui\s+so\b/),
  ];
  for (const s of stops) if (s >= 0 && s < end) end = s;
  const name = original
    .slice(0, end)
    .replace(/[\s.,:;)/…]+$/, "")
    .trim();
  const letters = foldDiacritics(name).replace(/[^a-z]/g, "");
  // Placeholders ("CỦA ...............") and stray words are not names.
  return letters.length >= 4 && name.split(" ").length >= 2 ? name : null;
}

/** The name after the last "của" in a line, or null. */
function unitAfterCua(line: string, folded: string): string | null {
  const re = /\bcua\s+/g;
  let last: RegExpExecArray | null = null;
  for (let m = re.exec(folded); m; m = re.exec(folded)) last = m;
  if (!last) return null;
  const start = last.index + last[0].length;
  return trimUnitTail(line.slice(start), folded.slice(start));
}

const isAllCaps = (s: string): boolean => s === s.toUpperCase() && s !== s.toLowerCase();

/** Prefers a candidate's mixed-case spelling when it names the same unit as the chosen all-caps one. */
function bestSpelling(chosen: string, others: readonly string[]): string {
  if (!isAllCaps(chosen)) return chosen;
  const key = unitKey(chosen);
  return others.find((o) => !isAllCaps(o) && unitKey(o) === key) ?? chosen;
}

/**
 * Unit name and period from title texts (one entry per cell, top to bottom). Table-tested; the same
 * reading applies to a grid's title block through `titleInfo`.
 */
export function titleFromLines(texts: readonly string[]): TitleInfo {
  const lines = texts.map((t) => cleanText(t)).filter((t) => t !== "");
  const byTitle: string[] = [];
  const byLabel: string[] = [];
  const byAttachment: string[] = [];
  const standalone: string[] = [];
  const mainHits: PeriodHit[] = [];
  const attachedHits: PeriodHit[] = [];
  for (const line of lines) {
    const folded = foldKeepingLength(line);
    const attached = ATTACHED.test(folded);
    const hit = periodHit(folded);
    if (hit) (attached ? attachedHits : mainHits).push(hit);
    const labelled = LABELLED.exec(folded);
    if (labelled) {
      const name = trimUnitTail(line.slice(labelled[0].length), folded.slice(labelled[0].length));
      if (name) byLabel.push(name);
      continue;
    }
    if (attached) {
      // Only the report this appendix belongs to names the sender; a guidance letter names Sở Nội vụ.
      if (/\bbao cao\b/.test(folded) && !/\b(cong van|huong dan)\b/.test(folded)) {
        const name = unitAfterCua(line, folded);
        if (name) byAttachment.push(name);
      }
      continue;
    }
    const afterCua = unitAfterCua(line, folded);
    if (afterCua) {
      byTitle.push(afterCua);
      continue;
    }
    if (UNIT_START.test(folded) && !NOT_A_SENDER.test(folded) && !PROVINCE_AUTHORITY.test(folded) && line.length <= 100) {
      const name = trimUnitTail(line, folded);
      if (name) standalone.push(name);
    }
  }
  const candidates = [...byTitle, ...byLabel, ...byAttachment, ...standalone];
  const unitName = candidates.length > 0 ? bestSpelling(candidates[0], candidates.slice(1)) : null;
  return { unitName, period: pickPeriod(mainHits) ?? pickPeriod(attachedHits), lines };
}

/** A 6-month or quarter phrase beats a bare "năm YYYY" on another line; a missing year is taken from any line. */
function pickPeriod(hits: readonly PeriodHit[]): Period | null {
  if (hits.length === 0) return null;
  const strong = hits.find((h) => !h.yearOnly) ?? hits[0];
  const year = strong.year ?? hits.find((h) => h.year !== null)?.year ?? null;
  const ranged = strong.from ? strong : hits.find((h) => h.from);
  return toPeriod({ ...strong, year, from: ranged?.from, to: ranged?.to });
}

/**
 * The title texts above the table: every non-blank cell of the rows above the header, row by row,
 * a merged title's repeated text read once. Stops at the first header row ("Chỉ tiêu thống kê").
 */
export function titleLines(grid: Grid, location: Pick<Location, "headerRow">): string[] {
  const out: string[] = [];
  const top = grid.origin.row;
  const width = grid.values.reduce((w, r) => Math.max(w, r.length), 0);
  for (let row = top; row < location.headerRow; row++) {
    const texts: string[] = [];
    for (let c = 0; c < width; c++) {
      const cell = cellAt(grid, { row, col: grid.origin.col + c });
      const raw = cell.value == null ? "" : typeof cell.value === "string" ? cell.value : cell.text || String(cell.value);
      const text = cleanText(raw);
      if (text !== "" && texts[texts.length - 1] !== text) texts.push(text);
    }
    if (texts.some((t) => /chi tieu thong ke/.test(foldDiacritics(t)))) break;
    out.push(...texts);
  }
  return out;
}

/** Unit name and period from the title block above a located appendix. */
export function titleInfo(grid: Grid, location: Pick<Location, "headerRow">): TitleInfo {
  return titleFromLines(titleLines(grid, location));
}

/**
 * A key that says two names are the same unit: marks, case, punctuation and a trailing
 * "tỉnh Sóc Trăng" dropped ("Sở Y tế tỉnh Sóc Trăng" = "SỞ Y TẾ").
 */
export function unitKey(name: string): string {
  return foldDiacritics(cleanText(name))
    .replace(/[^a-z0-9]+/g, " ")
    .trim()
    .replace(/\s+(tinh|thanh pho|tp)\s+[a-z]+(\s+[a-z]+)?(\s+[a-z]+)?$/, "")
    .trim();
}
