/**
 * Writes the built-in form as files: forms/so-nganh-soc-trang-2023.xlsx and .json, from the catalog
 * (src/core/catalog/soNganh.ts), its facts (src/core/forms/builtin.ts) and the reasons of docs/RULES.md.
 * Run after changing any of them: `npx tsx scripts/make-forms.ts`; test/core/forms/builtinFile.test.ts says when
 * the files are out of date.
 */
import * as fs from "fs";
import * as path from "path";
import { formDocument, formJson, soNganh, soNganhFacts } from "../src/core";
import { formWorkbookBytes } from "../src/xlsx/formWorkbook";
import { rulesReasons } from "./formSources";

const root = path.join(__dirname, "..");

/** The built-in form's document, as the files hold it. */
export function builtinDocument() {
  const reasons = rulesReasons(fs.readFileSync(path.join(root, "docs/RULES.md"), "utf8"));
  return formDocument(soNganhFacts, soNganh, { reasons });
}

/** Base name of the built-in form's files in forms/. */
export const BUILTIN_FORM_FILE = "so-nganh-soc-trang-2023";

async function main(): Promise<void> {
  const doc = builtinDocument();
  const dir = path.join(root, "forms");
  fs.mkdirSync(dir, { recursive: true });
  fs.writeFileSync(path.join(dir, `${BUILTIN_FORM_FILE}.json`), formJson(doc));
  fs.writeFileSync(path.join(dir, `${BUILTIN_FORM_FILE}.xlsx`), await formWorkbookBytes(doc));
  process.stdout.write(`forms/${BUILTIN_FORM_FILE}.xlsx, .json: ${doc.indicators.length} chỉ tiêu, ${doc.relations.length} quan hệ\n`);
}

if (require.main === module) {
  main().catch((e: unknown) => {
    process.stderr.write(`${e instanceof Error ? e.message : String(e)}\n`);
    process.exitCode = 1;
  });
}
