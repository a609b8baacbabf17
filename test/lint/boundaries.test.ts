/**
 * The arrows between the folders of src, as lint holds them: one probe file per arrow, placed (virtually) in the
 * importing folder and linted with the repository's config. Every forbidden arrow is reported, whichever way the
 * file reaches the other (import, import(), a lazy require(), a type written as import("…")); every allowed one is not. Outside core, tests and tools included, core is imported through its index
 * only. The table below states the architecture (docs/ARCHITECTURE.md) on its own, so a config that drifts from it
 * fails here.
 */
import { execFileSync } from "child_process";
import * as path from "path";

const ROOT = path.join(__dirname, "../..");
const folders = ["core", "app", "excel", "xlsx", "taskpane", "commands", "cli"] as const;
type Folder = (typeof folders)[number];

/** What each folder may import: any file ("any"), or only the folder's entry point ("entry"). */
const allowed: Readonly<Record<Folder, Partial<Record<Folder, "any" | "entry">>>> = {
  core: {},
  app: { core: "entry" },
  excel: { core: "entry", app: "any" },
  xlsx: { core: "entry", app: "any" },
  taskpane: { core: "entry", app: "any", excel: "entry", xlsx: "entry" },
  commands: { core: "entry", app: "any", excel: "entry", xlsx: "entry" },
  cli: { core: "entry", app: "any", excel: "entry", xlsx: "entry" },
};

/** Folders with no host at all: no require(), no Node, no Excel. */
const PURE: ReadonlySet<Folder> = new Set(["core", "app"]);

const BOUNDARY_RULES = new Set(["no-restricted-imports", "no-restricted-syntax", "no-restricted-globals"]);

interface Probe {
  readonly name: string;
  readonly path: string;
  readonly code: string;
  readonly forbidden: boolean;
}

/** The ways one file reaches another: import, import(), a lazy require(), a type written as import("…"). */
type How = "static" | "dynamic" | "require" | "type";
const HOWS: readonly How[] = ["static", "dynamic", "require", "type"];

/** One line of code reaching `source` the way `how` says. */
function reach(source: string, how: How): string {
  switch (how) {
    case "static":
      return `import { thing } from "${source}";\nexport const probe = thing;\n`;
    case "dynamic":
      return `export const probe = () => import("${source}");\n`;
    case "require":
      // The disable is what a lazy require in src carries; the boundary must hold regardless.
      return `// eslint-disable-next-line @typescript-eslint/no-require-imports\nexport const probe = () => require("${source}");\n`;
    case "type":
      return `export type Probe = typeof import("${source}").thing;\n`;
  }
}

/** A probe reaching `target` from a file `depth` folders below src/<from>, in one of the ways; each probe has a file name of its own. */
function probe(from: Folder, target: string, forbidden: boolean, how: How, depth = 0): Probe {
  const up = "../".repeat(depth + 1);
  const source = `${up}${target}`;
  const dir = ["src", from, ...Array.from({ length: depth }, (_, i) => `sub${i}`)].join("/");
  const code = reach(source, how);
  return { name: `src/${from}${depth ? "/sub" : ""} -> ${source} (${how})`, path: `${dir}/probe${probes.length}.ts`, code, forbidden };
}

const probes: Probe[] = [];
for (const from of folders) {
  for (const to of folders) {
    if (to === from) continue;
    const arrow = allowed[from][to];
    for (const how of HOWS) {
      // core and app are pure: they have no require() at all, whatever it would load.
      const never = how === "require" && PURE.has(from);
      // A file of the folder, deep inside it: the entry point is the folder itself; "to/index" and "to/file" go past it.
      probes.push(probe(from, `${to}/someFile`, never || arrow !== "any", how));
      probes.push(probe(from, `${to}/sub/someFile`, never || arrow !== "any", how, 1));
      probes.push(probe(from, to, never || arrow === undefined, how));
      probes.push(probe(from, `${to}/index`, never || arrow !== "any", how));
    }
  }
  // Within the folder, anything goes.
  probes.push({ name: `src/${from} -> ./sibling`, path: `src/${from}/probe${probes.length}.ts`, code: `import { thing } from "./sibling";\nexport const probe = thing;\n`, forbidden: false });
  probes.push({ name: `src/${from}/sub -> ../sibling`, path: `src/${from}/sub/probe${probes.length}.ts`, code: `import { thing } from "../sibling";\nexport const probe = thing;\n`, forbidden: false });
}

/** Libraries and host globals by folder: core and app stay pure; the pane never touches ExcelJS or Excel itself. */
const packageProbes: readonly [Folder, string, boolean][] = [
  ["core", `import * as React from "react";\nexport const probe = React;\n`, true],
  ["core", `import type ExcelJS from "exceljs";\nexport type Probe = ExcelJS.Workbook;\n`, true],
  ["core", `import * as fs from "fs";\nexport const probe = fs;\n`, true],
  ["core", `export const probe = () => Excel.run(async () => undefined);\n`, true],
  ["app", `import { Inflate } from "pako";\nimport ExcelJS from "exceljs";\nexport const probe = [ExcelJS, Inflate];\n`, true],
  ["app", `import * as React from "react";\nexport const probe = React;\n`, true],
  ["app", `export const probe = () => Office.onReady();\n`, true],
  ["excel", `import ExcelJS from "exceljs";\nexport const probe = ExcelJS;\n`, true],
  ["excel", `export const probe = () => Excel.run(async () => undefined);\n`, false],
  ["xlsx", `import ExcelJS from "exceljs";\nexport const probe = ExcelJS;\n`, false],
  ["xlsx", `export const probe = () => Excel.run(async () => undefined);\n`, true],
  ["taskpane", `import type ExcelJS from "exceljs";\nexport type Probe = ExcelJS.Workbook;\n`, true],
  ["taskpane", `export const probe = () => Excel.run(async () => undefined);\n`, true],
  ["taskpane", `export const probe = () => Office.onReady();\n`, false],
  ["taskpane", `import * as React from "react";\nexport const probe = React;\n`, false],
  ["commands", `import * as React from "react";\nexport const probe = React;\n`, true],
  ["cli", `import * as fs from "fs";\nexport const probe = fs;\n`, false],
  ["cli", `import * as React from "react";\nexport const probe = React;\n`, true],
];
packageProbes.forEach(([from, code, forbidden], i) => {
  probes.push({ name: `src/${from}: ${code.split("\n")[0]}`, path: `src/${from}/packageProbe${i}.ts`, code, forbidden });
});

/**
 * A probe file beside `file` (from the repository's root; `exact`: that very file) with one import of `source`,
 * static or with import().
 */
let importProbes = 0;
function importProbe(file: string, source: string, forbidden: boolean, how: How = "static", exact = false): Probe {
  const code = reach(source, how);
  const at = exact ? file : file.replace(/\.(tsx?)$/, `Import${importProbes++}.$1`);
  return { name: `${file} -> ${source} (${how})`, path: at, code, forbidden };
}

// Inside core, a file imports the file it needs, never core's own index (which re-exports it: a circle).
probes.push(
  importProbe("src/core/probe.ts", ".", true),
  importProbe("src/core/probe.ts", "./index", true),
  importProbe("src/core/probe.ts", "./grid", false),
  importProbe("src/core/sub/probe.ts", "..", true),
  importProbe("src/core/sub/probe.ts", "../index", true),
  importProbe("src/core/sub/probe.ts", "../grid", false),
  importProbe("src/core/sub/probe.ts", "./index", false),
  importProbe("src/core/sub/deeper/probe.ts", "../..", true),
  importProbe("src/core/sub/deeper/probe.ts", "../../index", true),
  importProbe("src/core/sub/deeper/probe.ts", "..", false),
);

// Inside core, addresses stay {row, col}: no core file parses A1 text (fromA1, columnIndex); it may make it (toA1).
probes.push(
  { name: "src/core/sub -> fromA1 from ../address", path: "src/core/sub/a1Probe0.ts", code: `import { fromA1 } from "../address";\nexport const probe = fromA1;\n`, forbidden: true },
  { name: "src/core -> columnIndex from ./address", path: "src/core/a1Probe1.ts", code: `import { columnIndex } from "./address";\nexport const probe = columnIndex;\n`, forbidden: true },
  { name: "src/core/sub -> toA1 from ../address", path: "src/core/sub/a1Probe2.ts", code: `import { toA1 } from "../address";\nexport const probe = toA1;\n`, forbidden: false },
  { name: "src/xlsx -> fromA1 from ../core", path: "src/xlsx/a1Probe3.ts", code: `import { fromA1 } from "../core";\nexport const probe = fromA1;\n`, forbidden: false },
);

// Tests and tools outside core import it through its index; the tests of core and the engine benchmark may reach in.
for (const how of HOWS) {
  probes.push(
    importProbe("test/xlsx/probe.test.ts", "../../src/core/grid", true, how),
    importProbe("test/xlsx/probe.test.ts", "../../src/core/locate/header", true, how),
    importProbe("test/xlsx/probe.test.ts", "../../src/core/index", true, how),
    importProbe("test/xlsx/probe.test.ts", "../../src/core", false, how),
    importProbe("test/taskpane/probe.test.tsx", "../../src/core/finding", true, how),
    importProbe("test/fixtures/probe.ts", "../../src/core/grid", true, how),
    importProbe("bench/probe.ts", "../src/core/grid", true, how),
    importProbe("scripts/probe.ts", "../src/core/catalog/soNganh", true, how),
    importProbe("test/core/probe.test.ts", "../../src/core/grid", false, how),
    importProbe("test/core/locate/probe.test.ts", "../../../src/core/locate/header", false, how),
  );
}
probes.push(importProbe("bench/engine.ts", "../src/core/analyze", false, "static", true));

test("every probe has a file of its own", () => {
  expect(new Set(probes.map((p) => p.path)).size).toBe(probes.length);
});

let results: Map<string, { ruleId: string | null; message: string }[]>;

beforeAll(() => {
  const out = execFileSync(process.execPath, [path.join(__dirname, "lintTexts.mjs")], {
    cwd: ROOT,
    input: JSON.stringify(probes.map((p) => ({ path: path.join(ROOT, p.path), code: p.code }))),
    encoding: "utf8",
    maxBuffer: 64 * 1024 * 1024,
  });
  const parsed = JSON.parse(out) as { path: string; messages: { ruleId: string | null; message: string }[] }[];
  results = new Map(parsed.map((r) => [r.path, r.messages]));
}, 180_000);

function reported(p: Probe): string[] {
  const messages = results.get(path.join(ROOT, p.path));
  if (!messages) throw new Error(`no lint result for ${p.path}`);
  // A probe that does not parse would pass as "not reported": fail on anything that is not a boundary finding.
  const other = messages.filter((m) => !m.ruleId || !BOUNDARY_RULES.has(m.ruleId));
  if (other.length > 0) throw new Error(`${p.path}: ${other.map((m) => `${m.ruleId}: ${m.message}`).join("; ")}`);
  return messages.map((m) => m.message);
}

test("there is a probe for every arrow, both ways", () => {
  expect(probes.filter((p) => p.forbidden).length).toBeGreaterThan(200);
  expect(probes.filter((p) => !p.forbidden).length).toBeGreaterThan(80);
});

describe.each(probes.map((p) => [p.name, p] as const))("%s", (_name, p) => {
  if (p.forbidden) {
    test("is reported", () => {
      expect(reported(p)).not.toEqual([]);
    });
  } else {
    test("is allowed", () => {
      expect(reported(p)).toEqual([]);
    });
  }
});
