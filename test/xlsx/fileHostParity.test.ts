/**
 * The pane outside Excel reads a file as the command line does: every .xlsx committed to the repository (samples,
 * forms, every writer's, clerk's, judge's, layout's and sheet's fixture, the refused ones too) is checked through the
 * command line's path (findAppendix, as `cchc check`) and through FileHost.open + check, and both say the same: the
 * same sheet and findings (code, cell, severity), the same sentence for a file without an appendix, the same reason
 * for a file refused.
 */
import { execFileSync } from "child_process";
import * as path from "path";
import { cellA1, type Finding } from "../../src/core";
import { HostError, READ_FAILURE_CODE } from "../../src/app/hostErrors";
import { cliMessages } from "../../src/cli/messages";
import { FileProblem, findAppendix, readBytes } from "../../src/cli/workbookFiles";
import { FileHost } from "../../src/xlsx/fileHost";
import { readAppendixSheets, StreamReadError } from "../../src/xlsx/package";
import { templates } from "../../src/core";

const ROOT = path.resolve(__dirname, "../..");
const FILES = execFileSync("git", ["ls-files", "*.xlsx"], { cwd: ROOT, encoding: "utf8" }).split("\n").filter(Boolean);
const m = cliMessages("vi");

const brief = (findings: readonly Finding[]) => findings.map((f) => `${f.code} ${f.cell.sheet ?? ""}!${cellA1(f.cell)} ${f.severity}`);

type Said = { found: { sheet: string; findings: string[] } } | { notFound: string } | { refused: string };

async function cliSays(file: string): Promise<Said> {
  try {
    // The reader's refusal, as the command line reads it (its sentence is built from this reason).
    readAppendixSheets(readBytes(file, m), templates);
  } catch (e) {
    if (e instanceof StreamReadError) return { refused: READ_FAILURE_CODE[e.reason] };
    throw e;
  }
  try {
    const found = await findAppendix(file, m);
    return { found: { sheet: found.check.sheet, findings: brief(found.check.findings) } };
  } catch (e) {
    if (e instanceof FileProblem) return { notFound: e.message };
    throw e;
  }
}

async function paneSays(file: string, bytes: Buffer): Promise<Said> {
  let host: FileHost;
  try {
    host = await FileHost.open(bytes, path.basename(file));
  } catch (e) {
    if (e instanceof HostError) return { refused: e.code };
    throw e;
  }
  const state = await host.check();
  return state.found ? { found: { sheet: state.sheet, findings: brief(state.findings) } } : { notFound: m.noAppendix(file, state.failure) };
}

describe("the pane outside Excel reads every committed workbook as the command line does", () => {
  it("covers the fixtures of every kind (found, not found, refused)", async () => {
    expect(FILES.length).toBeGreaterThan(100);
  });

  it.each(FILES)("%s", async (file) => {
    const abs = path.join(ROOT, file);
    const cli = await cliSays(abs);
    expect(await paneSays(abs, readBytes(abs, m))).toEqual(cli);
  });
});
