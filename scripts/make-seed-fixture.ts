/**
 * Writes test/fixtures/seed-appendix.json: the real report's appendix (Sở TTTT Sóc Trăng, 2023) as data, read once
 * from the seed report's text, whose path is given (it is not part of the repository: the seed folder the project was
 * started from, 000_bbdb728f27fe408d.txt). The tests and the sample read only the committed JSON.
 * Run: npx tsx scripts/make-seed-fixture.ts SEED.txt
 *
 * The seed text was extracted from a PDF: some rows are split over two lines at page breaks (a blank line, then a
 * line with no STT carrying the rest of the label, unit or note). Each row keeps its full text; the part printed
 * after the page break is recorded beside it, and a row that merely starts a new page is marked as such.
 */
import * as fs from "fs";
import * as path from "path";
import { cleanText } from "../src/core";

/** The row's text fields as printed. */
export interface SeedCells {
  readonly stt: string;
  readonly label: string;
  readonly unit: string;
  readonly value: string;
  readonly note: string;
}

/** One appendix row: full text (page-break splits joined), and how page breaks cut it. */
export interface SeedFixtureRow extends SeedCells {
  /** The fields' text printed on the next page (already included in the fields above). */
  readonly continuedAfterPageBreak?: Partial<SeedCells>;
  /** True when the row is the first printed on a new page and is whole there. */
  readonly pageBreakBefore?: true;
}

/** The committed fixture. */
export interface SeedFixture {
  readonly source: string;
  readonly generatedBy: string;
  /** The title lines above the table, markup stripped. */
  readonly title: readonly string[];
  /** The header's two lines as printed (tab-separated cells). */
  readonly header: readonly (readonly string[])[];
  /** Appendix rows in printed order, section rows (roman STT) included. */
  readonly rows: readonly SeedFixtureRow[];
  /** The report's own text before the appendix, one line each, as extracted (a sheet that is not the appendix). */
  readonly report: readonly string[];
}

/** Where the fixture goes. */
export const FIXTURE_PATH = path.resolve(__dirname, "../test/fixtures/seed-appendix.json");

const HEADER_START = "STT\tChỉ tiêu thống kê";
const TITLE_START = "**PHỤ LỤC**";
const FIELDS = ["stt", "label", "unit", "value", "note"] as const;

/** Drops the HTML and markdown markup the PDF extraction left, and the spaces it left inside parentheses. */
function stripMarkup(text: string): string {
  return cleanText(
    text
      .replace(/<\/?(b|i|a)\b[^>]*>/g, "")
      .replace(/\*+/g, "")
      .replace(/\(\s+/g, "(")
      .replace(/\s+\)/g, ")"),
  );
}

/** "Có = 1": a unit holding a single code, i.e. half of a code list split by a page break. */
function isLoneCode(unit: string): boolean {
  return /^[^=]+=\s*\d+$/.test(unit);
}

/**
 * A line after a page break continues the row above when it has no STT and either starts mid-sentence (lower case
 * or an opening parenthesis) or completes a code list split in two ("Có = 1" / "Không = 0").
 */
function continues(prev: SeedCells, next: SeedCells): boolean {
  if (next.stt !== "") return false;
  if (/^[\p{Ll}(]/u.test(next.label)) return true;
  return isLoneCode(prev.unit) && isLoneCode(next.unit);
}

function join(a: string, b: string): string {
  return a && b ? `${a} ${b}` : a || b;
}

function cells(line: string): SeedCells {
  const [stt = "", label = "", unit = "", value = "", note = ""] = line.split("\t").map(stripMarkup);
  return { stt, label, unit, value, note };
}

/** The fixture from the seed report's text. */
export function seedFixture(text: string, source: string): SeedFixture {
  const lines = text.normalize("NFC").split(/\r?\n/);
  const head = lines.findIndex((l) => l.startsWith(HEADER_START));
  if (head < 0) throw new Error(`${source} has no appendix header line starting "${HEADER_START}".`);
  const titleAt = lines.findIndex((l) => l.trim().startsWith(TITLE_START));
  if (titleAt < 0 || titleAt > head) throw new Error(`${source} has no appendix title before its table.`);

  const rows: SeedFixtureRow[] = [];
  let afterBlank = false;
  // The header spans two lines; the table starts after the second.
  for (const line of lines.slice(head + 2)) {
    if (line.trim() === "") {
      afterBlank = true;
      continue;
    }
    const row = cells(line);
    const prev = rows[rows.length - 1];
    if (afterBlank && prev && continues(prev, row)) {
      const rest = Object.fromEntries(FIELDS.filter((f) => row[f] !== "").map((f) => [f, row[f]]));
      rows[rows.length - 1] = {
        ...Object.fromEntries(FIELDS.map((f) => [f, join(prev[f], row[f])])),
        continuedAfterPageBreak: rest,
      } as unknown as SeedFixtureRow;
    } else {
      rows.push(afterBlank ? { ...row, pageBreakBefore: true } : row);
    }
    afterBlank = false;
  }
  return {
    source,
    generatedBy: "scripts/make-seed-fixture.ts",
    title: lines.slice(titleAt, head).map(stripMarkup).filter((l) => l !== ""),
    header: lines.slice(head, head + 2).map((l) => l.split("\t").map(stripMarkup)),
    rows,
    report: lines.slice(0, titleAt),
  };
}

/** JSON with one array element (a row, a line) per line, so a change to one row is a one-line diff. */
export function fixtureJson(fixture: SeedFixture): string {
  const entries = Object.entries(fixture).map(([key, value]) => {
    const body = Array.isArray(value) ? `[\n${value.map((v) => `  ${JSON.stringify(v)}`).join(",\n")}\n ]` : JSON.stringify(value);
    return ` ${JSON.stringify(key)}: ${body}`;
  });
  return `{\n${entries.join(",\n")}\n}\n`;
}

if (require.main === module) {
  const given = process.argv[2];
  if (!given || !fs.existsSync(given)) {
    process.stderr.write(`${given ? `Seed report not found at ${path.resolve(given)}` : "No seed report given"}; usage: npx tsx scripts/make-seed-fixture.ts SEED.txt\n`);
    process.exit(2);
  }
  const seedPath = path.resolve(given);
  const fixture = seedFixture(fs.readFileSync(seedPath, "utf8"), `seed/${path.basename(seedPath)}`);
  fs.writeFileSync(FIXTURE_PATH, fixtureJson(fixture));
  process.stdout.write(`wrote ${path.relative(process.cwd(), FIXTURE_PATH)} (${fixture.rows.length} rows)\n`);
}
