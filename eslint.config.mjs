// Lint: typescript-eslint's recommended rules, and the boundary that keeps src/core pure.
import tseslint from "typescript-eslint";

const hostModules = [
  "react", "react-dom", "react/*", "react-dom/*", "@fluentui/*", "exceljs", "jszip",
  "office-addin-mock", "office-js", "@types/office-js",
  "fs", "fs/*", "path", "os", "child_process", "worker_threads", "stream", "util", "zlib", "crypto", "node:*",
];

export default tseslint.config(
  { ignores: ["dist/**", "node_modules/**", "coverage/**", "*.config.js", "*.config.mjs"] },
  ...tseslint.configs.recommended,
  {
    files: ["src/core/**/*.ts"],
    rules: {
      "no-restricted-imports": ["error", {
        patterns: [
          { group: hostModules, message: "src/core stays pure: no office-js, React, xlsx library or Node (types included)." },
          { group: ["../excel/*", "../xlsx/*", "../taskpane/*", "../cli/*", "../commands/*", "../../*"], message: "src/core may not import the adapters." },
        ],
      }],
      "no-restricted-globals": ["error", "Excel", "Office", "require", "process", "Buffer"],
    },
  },
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
