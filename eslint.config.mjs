// Lint: typescript-eslint's recommended rules, and the arrows between the folders of src (docs/ARCHITECTURE.md).
import tseslint from "typescript-eslint";

const nodeModules = ["fs", "fs/*", "path", "os", "child_process", "worker_threads", "stream", "util", "zlib", "crypto", "node:*"];
const reactModules = ["react", "react-dom", "react/*", "react-dom/*", "@fluentui/*"];
const officeModules = ["office-addin-mock", "office-js", "@types/office-js"];
const xlsxModules = ["exceljs", "jszip"];
const hostModules = [...reactModules, ...xlsxModules, ...officeModules, ...nodeModules];

/**
 * What each folder of src may import besides itself: "any" file of the folder, or only its "entry" point (the
 * folder's index.ts, imported as the folder). A folder not listed may not be imported at all. `packages` are the
 * libraries it may not import (types included), `globals` the host globals it may not touch.
 */
const layers = {
  core: { imports: {}, packages: hostModules, globals: ["Excel", "Office", "require", "process", "Buffer"] },
  app: { imports: { core: "entry" }, packages: hostModules, globals: ["Excel", "Office", "require", "process", "Buffer"] },
  excel: { imports: { core: "entry", app: "any" }, packages: [...reactModules, ...xlsxModules, ...nodeModules], globals: [] },
  xlsx: { imports: { core: "entry", app: "any" }, packages: [...reactModules, ...officeModules], globals: ["Excel", "Office"] },
  taskpane: { imports: { core: "entry", app: "any", excel: "entry", xlsx: "entry" }, packages: [...xlsxModules, ...nodeModules], globals: ["Excel"] },
  commands: { imports: { core: "entry", app: "any", excel: "entry", xlsx: "entry" }, packages: [...reactModules, ...xlsxModules, ...nodeModules], globals: [] },
  cli: { imports: { core: "entry", app: "any", excel: "entry", xlsx: "entry" }, packages: [...reactModules, ...officeModules], globals: ["Excel", "Office"] },
};

const names = Object.keys(layers);

/** Second entry points of a layer (a folder of it with its own index.ts): src/xlsx/package has no ExcelJS in it. */
const extraEntries = { xlsx: ["package"] };

/** An import path that climbs out of the folder into `layer` (anything under it, or with `deep`, only below its entries). */
function into(layer, deep) {
  const entries = (extraEntries[layer] ?? []).map((e) => `(?!${e}$)`).join("");
  return `^(\\.\\./)+${layer}${deep ? `/${entries}.` : "(/|$)"}`;
}

/**
 * The other ways a file reaches another: import(), a lazy require() and a type written as import("…"). Each as a
 * no-restricted-syntax selector for the paths `regex` matches.
 */
function crossings(regex, message) {
  const re = `/${regex.replace(/\//g, "\\/")}/`;
  return [
    { selector: `ImportExpression[source.value=${re}]`, message },
    { selector: `CallExpression[callee.name='require'][arguments.0.value=${re}]`, message },
    { selector: `TSImportType[argument.literal.value=${re}]`, message },
  ];
}

/** The imports `from` may not make, as no-restricted-imports patterns and the same for import() expressions. */
function forbidden(from) {
  const { imports, packages } = layers[from];
  const arrows = [];
  for (const to of names) {
    if (to === from) continue;
    if (!imports[to]) arrows.push({ regex: into(to, false), message: `src/${from} may not import src/${to}.` });
    else if (imports[to] === "entry") {
      arrows.push({ regex: into(to, true), message: `src/${from} imports src/${to} only through its entry point (src/${to}/index.ts).` });
    }
  }
  const patterns = [...arrows, { group: packages, message: `src/${from} may not import this library (types included).` }];
  const dynamic = arrows.flatMap((a) => crossings(a.regex, a.message));
  return { patterns, dynamic };
}

/** One config per folder of src: its arrows, for static and dynamic imports, and its globals. */
const boundaries = names.map((from) => {
  const { patterns, dynamic } = forbidden(from);
  const { globals } = layers[from];
  return {
    files: [`src/${from}/**/*.ts`, `src/${from}/**/*.tsx`],
    rules: {
      "no-restricted-imports": ["error", { patterns }],
      "no-restricted-syntax": ["error", ...dynamic],
      ...(globals.length ? { "no-restricted-globals": ["error", ...globals] } : {}),
    },
  };
});

/**
 * Inside core, files import each other directly and never core's own index (src/core/index.ts re-exports them: an
 * import of it from inside would be a circle). One config per depth, since "." and ".." mean the index only there.
 */
const coreIndex = (depth) => (depth === 0 ? "^\\.(/index)?$" : `^\\.\\.(/\\.\\.){${depth - 1}}(/index)?$`);
/**
 * Inside core, positions stay structured ({row, col}): A1 text is made at the edges and parsed back only where text
 * comes from outside (adapters, the command line, settings). So no core file takes the A1 parsers of address.ts;
 * core's index re-exports them for those edges.
 */
const noA1Parsing = { regex: "(^|/)address$", importNames: ["fromA1", "columnIndex"], message: "Inside src/core, addresses stay {row, col}: parse A1 text at the edges, not in core." };
const ownIndex = [0, 1, 2].map((depth) => ({
  files: [`src/core/${"*/".repeat(depth)}*.ts`],
  ignores: ["src/core/index.ts"],
  rules: {
    "no-restricted-imports": [
      "error",
      { patterns: [...forbidden("core").patterns, { regex: coreIndex(depth), message: "Inside src/core, import the file itself, not core's index." }, noA1Parsing] },
    ],
  },
}));

/**
 * Tests and tools stand outside core too and import it through its index; only the tests of core itself
 * (test/core) and the engine benchmark, which times core's steps one by one, reach into its files.
 */
const outsideCore = {
  files: ["test/**/*.ts", "test/**/*.tsx", "bench/**/*.ts", "scripts/**/*.ts"],
  ignores: ["test/core/**", "bench/engine.ts"],
  rules: {
    "no-restricted-imports": [
      "error",
      { patterns: [{ regex: "^(\\.\\./)+src/core/.", message: "Outside src/core, import core through its entry point (src/core/index.ts)." }] },
    ],
    "no-restricted-syntax": ["error", ...crossings("^(\\.\\./)+src/core/.", "Outside src/core, import core through its entry point (src/core/index.ts).")],
  },
};

export default tseslint.config(
  { ignores: ["dist/**", "node_modules/**", "coverage/**", "*.config.js", "*.config.mjs"] },
  ...tseslint.configs.recommended,
  ...boundaries,
  ...ownIndex,
  outsideCore,
  {
    // Node scripts run as CommonJS without a build step.
    files: ["**/*.js"],
    languageOptions: { sourceType: "commonjs", globals: { require: "readonly", module: "writable", process: "readonly", __dirname: "readonly", console: "readonly" } },
    rules: { "@typescript-eslint/no-require-imports": "off" },
  },
  {
    rules: {
      "@typescript-eslint/no-unused-vars": ["error", { argsIgnorePattern: "^_", varsIgnorePattern: "^_" }],
    },
  },
);
