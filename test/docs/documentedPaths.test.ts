/**
 * Every file the README and docs/ name (`src/…`, `test/…`, `bench/…`, `scripts/…`, a link to an image…) exists: a
 * file moved or renamed without its doc fails here with the doc and the name. Names with a wildcard are patterns,
 * not files; a name without an extension may be a prefix a command adds to (pdftoppm's output name).
 */
import * as fs from "fs";
import * as path from "path";

const ROOT = path.resolve(__dirname, "../..");
const DOCS = ["README.md", "SECURITY.md", ...fs.readdirSync(path.join(ROOT, "docs")).filter((f) => f.endsWith(".md")).map((f) => `docs/${f}`)];
const NAMED = /(?<![\w/.-])((?:\.\.\/)?(?:src|test|bench|scripts|docs|samples|forms|schemas|assets|bin|\.ci)\/[\w./-]*[\w/])/g;

function exists(file: string): boolean {
  if (fs.existsSync(file)) return true;
  const dir = path.dirname(file);
  return !path.extname(file) && fs.existsSync(dir) && fs.readdirSync(dir).some((f) => f.startsWith(`${path.basename(file)}.`));
}

test.each(DOCS)("the files %s names exist", (doc) => {
  const text = fs.readFileSync(path.join(ROOT, doc), "utf8");
  const names = [...new Set([...text.matchAll(NAMED)].map((m) => m[1]))].filter((name) => !name.includes("*"));
  const missing = names.filter((name) => !exists(path.join(ROOT, name.startsWith("../") ? path.join(path.dirname(doc), name) : name)));
  expect(missing).toEqual([]);
});

test("the check finds names at all (the pattern is not void)", () => {
  const text = fs.readFileSync(path.join(ROOT, "README.md"), "utf8");
  expect([...text.matchAll(NAMED)].map((m) => m[1])).toEqual(expect.arrayContaining(["src/excel/excelHost.ts", "docs/DEPLOY.md", "test/docs/readmeOutput.test.ts"]));
});
