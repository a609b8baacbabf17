/**
 * LibreOffice headless for the tests: recalculate a workbook on load (the setting is forced in a throw-away
 * user profile, so a formula's cached value cannot survive) and convert it. Missing LibreOffice fails loudly.
 */
import { execFileSync } from "child_process";
import * as fs from "fs";
import * as path from "path";
import { tempDir } from "../fixtures/tempDir";

/** The `soffice` binary, or a thrown error saying how to install it (the tests must not skip silently). */
export function sofficePath(): string {
  for (const dir of (process.env.PATH ?? "").split(path.delimiter)) {
    const candidate = path.join(dir, "soffice");
    if (dir && fs.existsSync(candidate)) return candidate;
  }
  throw new Error("LibreOffice (soffice) is not installed: these tests need it. Debian: apt-get install libreoffice-calc");
}

// OOXMLRecalcMode / ODFRecalcMode: 0 = always recalculate on load, 1 = never, 2 = ask.
const PROFILE_SETTINGS = `<?xml version="1.0" encoding="UTF-8"?>
<oor:items xmlns:oor="http://openoffice.org/2001/registry" xmlns:xs="http://www.w3.org/2001/XMLSchema" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">
<item oor:path="/org.openoffice.Office.Calc/Formula/Load"><prop oor:name="OOXMLRecalcMode" oor:op="fuse"><value>0</value></prop></item>
<item oor:path="/org.openoffice.Office.Calc/Formula/Load"><prop oor:name="ODFRecalcMode" oor:op="fuse"><value>0</value></prop></item>
</oor:items>
`;

/**
 * Opens `file` in LibreOffice with recalculation on load forced, saves it as `format` ("xlsx", "pdf", "csv")
 * into a fresh directory and returns the output path. Each call uses its own profile so parallel runs never collide.
 */
export function convertWithLibreOffice(file: string, format: string): string {
  const soffice = sofficePath();
  const work = tempDir("cchc-lo-");
  const profile = path.join(work, "profile");
  fs.mkdirSync(path.join(profile, "user"), { recursive: true });
  fs.writeFileSync(path.join(profile, "user", "registrymodifications.xcu"), PROFILE_SETTINGS);
  const outDir = path.join(work, "out");
  fs.mkdirSync(outDir);
  execFileSync(
    soffice,
    [`-env:UserInstallation=file://${profile}`, "--headless", "--norestore", "--convert-to", format, "--outdir", outDir, file],
    { stdio: "pipe", timeout: 120000 },
  );
  const out = path.join(outDir, `${path.basename(file, path.extname(file))}.${format.split(":")[0]}`);
  if (!fs.existsSync(out)) throw new Error(`LibreOffice did not write ${out} when converting ${file} to ${format}`);
  return out;
}

/**
 * Every sheet of `file` as LibreOffice displays it after recalculating on load: sheet name -> CSV of the displayed
 * texts (the "as shown" export, token 9 true; token 12 = -1 writes every sheet to its own file).
 */
export function displayedSheets(file: string): Map<string, string> {
  const soffice = sofficePath();
  const work = tempDir("cchc-lo-");
  const profile = path.join(work, "profile");
  fs.mkdirSync(path.join(profile, "user"), { recursive: true });
  fs.writeFileSync(path.join(profile, "user", "registrymodifications.xcu"), PROFILE_SETTINGS);
  const outDir = path.join(work, "out");
  fs.mkdirSync(outDir);
  const filter = "csv:Text - txt - csv (StarCalc):44,34,76,1,,0,false,true,false,false,false,-1";
  execFileSync(soffice, [`-env:UserInstallation=file://${profile}`, "--headless", "--norestore", "--convert-to", filter, "--outdir", outDir, file], { stdio: "pipe", timeout: 120000 });
  const base = path.basename(file, path.extname(file));
  const sheets = new Map<string, string>();
  for (const f of fs.readdirSync(outDir)) {
    if (f.startsWith(`${base}-`) && f.endsWith(".csv")) sheets.set(f.slice(base.length + 1, -4).normalize("NFC"), fs.readFileSync(path.join(outDir, f), "utf8"));
  }
  fs.rmSync(work, { recursive: true, force: true });
  if (sheets.size === 0) throw new Error(`LibreOffice wrote no sheet of ${file}`);
  return sheets;
}
