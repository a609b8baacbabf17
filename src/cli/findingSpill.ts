/**
 * The findings sheet's rows of a consolidation, kept in a temporary file while the units are read. A unit's findings
 * are most of what a consolidation would hold (about 40 KB a unit in memory, 58 findings worded with every part they
 * name), and the summary needs them only once, when the findings sheet is written: each unit's rows are worded and
 * written out as soon as the unit is read, and memory keeps of each finding its severity, its cell and where its row
 * lies. The file is removed when the consolidation is done (on POSIX systems at once: only the open handle holds it,
 * so a killed run leaves nothing behind).
 */
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import type { CellRef, FindingMark, Lang, Template, UnitReport } from "../core";
import { findingRow, type FindingRow } from "../xlsx";

/** What the consolidation keeps of a finding: its mark, and where the findings sheet's row for it lies in the file. */
export interface KeptFinding extends FindingMark {
  readonly cell: CellRef;
  /** byte offset of the row's line in the file, and its length in bytes */
  readonly at: number;
  readonly bytes: number;
}

/** A unit as the command line keeps it while the others are read: no finding in full, no grid, no workbook. */
export type KeptUnit = UnitReport<KeptFinding>;

/** The temporary file could not be made or written: the folder, and the system's code ("ENOSPC"...). */
export class SpillError extends Error {
  constructor(
    readonly folder: string,
    readonly code: string,
  ) {
    super(`findings file in ${folder}: ${code}`);
    this.name = "SpillError";
  }
}

/** Runs a file operation, its failure a `SpillError`. */
function onDisk<T>(folder: string, op: () => T): T {
  try {
    return op();
  } catch (e) {
    const code = e && typeof e === "object" && "code" in e ? String((e as { code: unknown }).code) : String(e);
    throw new SpillError(folder, code);
  }
}

export class FindingSpill {
  private readonly dir: string;
  private readonly file: string;
  private readonly fd: number;
  private size = 0;
  private unlinked = false;

  constructor(private readonly lang: Lang) {
    const tmp = os.tmpdir();
    this.dir = onDisk(tmp, () => fs.mkdtempSync(path.join(tmp, "cchc-findings-")));
    this.file = path.join(this.dir, "rows.jsonl");
    this.fd = onDisk(tmp, () => fs.openSync(this.file, "w+"));
    try {
      fs.unlinkSync(this.file);
      fs.rmdirSync(this.dir);
      this.unlinked = true;
    } catch {
      // Windows keeps an open file's name: it is removed by close().
    }
  }

  /** The unit with its findings' rows worded (with the unit's own form) and written out; their marks kept. */
  keep(unit: UnitReport, template: Template): KeptUnit {
    const lines = unit.findings.map((f) => Buffer.from(`${JSON.stringify(findingRow(f, this.lang, template))}\n`, "utf8"));
    const findings: KeptFinding[] = [];
    let at = this.size;
    for (const [k, f] of unit.findings.entries()) {
      findings.push({ severity: f.severity, cell: f.cell, at, bytes: lines[k].length });
      at += lines[k].length;
    }
    const block = Buffer.concat(lines);
    let written = 0;
    onDisk(os.tmpdir(), () => {
      while (written < block.length) written += fs.writeSync(this.fd, block, written, block.length - written, this.size + written);
    });
    this.size += block.length;
    return { ...unit, findings };
  }

  /** The rows of a unit's findings, read back in one piece (a unit's rows were written together). */
  rows(findings: readonly KeptFinding[]): FindingRow[] {
    if (findings.length === 0) return [];
    const first = findings[0].at;
    const last = findings[findings.length - 1];
    const block = Buffer.alloc(last.at + last.bytes - first);
    let read = 0;
    while (read < block.length) {
      const n = fs.readSync(this.fd, block, read, block.length - read, first + read);
      if (n === 0) throw new Error("the findings file ended early");
      read += n;
    }
    return findings.map((f) => JSON.parse(block.toString("utf8", f.at - first, f.at - first + f.bytes)) as FindingRow);
  }

  /** Closes and removes the file. */
  close(): void {
    fs.closeSync(this.fd);
    if (!this.unlinked) fs.rmSync(this.dir, { recursive: true, force: true });
  }
}
