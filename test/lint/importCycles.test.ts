/**
 * No import circles in src, type-only imports included: a file that imports a file which (through others) imports
 * it back cannot be read on its own, and its message tables or types have no clear home. Circles are found as the
 * strongly connected components of the import graph, read with the TypeScript parser.
 */
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import * as ts from "typescript";

const ROOT = path.join(__dirname, "../..");

function sourceFiles(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const full = path.join(dir, e.name);
    if (e.isDirectory()) return sourceFiles(full);
    return /\.tsx?$/.test(e.name) && !e.name.endsWith(".d.ts") ? [full] : [];
  });
}

/** The relative imports and re-exports of a file, resolved to files (static ones and import() alike). */
function importsOf(file: string, text: string): string[] {
  const sf = ts.createSourceFile(file, text, ts.ScriptTarget.Latest, true);
  const specs: string[] = [];
  const visit = (node: ts.Node): void => {
    if ((ts.isImportDeclaration(node) || ts.isExportDeclaration(node)) && node.moduleSpecifier && ts.isStringLiteral(node.moduleSpecifier)) {
      specs.push(node.moduleSpecifier.text);
    } else if (ts.isCallExpression(node) && node.expression.kind === ts.SyntaxKind.ImportKeyword && ts.isStringLiteral(node.arguments[0])) {
      specs.push(node.arguments[0].text);
    }
    ts.forEachChild(node, visit);
  };
  visit(sf);
  return specs
    .filter((s) => s.startsWith("."))
    .map((s) => {
      const abs = path.resolve(path.dirname(file), s);
      return [`${abs}.ts`, `${abs}.tsx`, path.join(abs, "index.ts"), path.join(abs, "index.tsx")].find((c) => fs.existsSync(c));
    })
    .filter((f): f is string => f !== undefined);
}

/** The circles of a graph: its strongly connected components of more than one node, or a node importing itself. */
function circles(graph: ReadonlyMap<string, readonly string[]>): string[][] {
  let next = 0;
  const index = new Map<string, number>();
  const low = new Map<string, number>();
  const stack: string[] = [];
  const onStack = new Set<string>();
  const found: string[][] = [];
  const connect = (v: string): void => {
    index.set(v, next);
    low.set(v, next);
    next++;
    stack.push(v);
    onStack.add(v);
    for (const w of graph.get(v) ?? []) {
      if (!index.has(w)) {
        connect(w);
        low.set(v, Math.min(low.get(v)!, low.get(w)!));
      } else if (onStack.has(w)) low.set(v, Math.min(low.get(v)!, index.get(w)!));
    }
    if (low.get(v) === index.get(v)) {
      const component: string[] = [];
      let w: string;
      do {
        w = stack.pop()!;
        onStack.delete(w);
        component.push(w);
      } while (w !== v);
      if (component.length > 1 || (graph.get(v) ?? []).includes(v)) found.push(component.sort());
    }
  };
  for (const v of graph.keys()) if (!index.has(v)) connect(v);
  return found;
}

test("the circle finder finds a circle through type-only imports and leaves a chain alone", () => {
  expect(circles(new Map([["a", ["b"]], ["b", ["c"]], ["c", []]]))).toEqual([]);
  expect(circles(new Map([["a", ["b"]], ["b", ["c"]], ["c", ["a"]], ["d", ["a"]]]))).toEqual([["a", "b", "c"]]);
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "cchc-cycles-"));
  try {
    fs.writeFileSync(path.join(dir, "table.ts"), `import type { Texts } from "./texts";\nexport const t: Texts = {};\n`);
    fs.writeFileSync(path.join(dir, "texts.ts"), `import { t } from "./table";\nexport type Texts = object;\nexport const all = () => import("./table").then(() => t);\n`);
    const graph = new Map(sourceFiles(dir).map((f) => [f, importsOf(f, fs.readFileSync(f, "utf8"))]));
    expect(circles(graph).map((c) => c.map((f) => path.basename(f)))).toEqual([["table.ts", "texts.ts"]]);
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
});

test("src has no import circles, type-only imports included", () => {
  const files = sourceFiles(path.join(ROOT, "src"));
  const graph = new Map(files.map((f) => [f, importsOf(f, fs.readFileSync(f, "utf8"))]));
  expect(files.length).toBeGreaterThan(100);
  expect(circles(graph).map((c) => c.map((f) => path.relative(ROOT, f)))).toEqual([]);
});
