/** Jest: TypeScript through ts-jest; node by default, jsdom for the pane's component tests (per-file docblock). */
module.exports = {
  testEnvironment: "node",
  roots: ["<rootDir>/test"],
  testMatch: ["**/*.test.ts", "**/*.test.tsx"],
  transform: {
    "^.+\\.tsx?$": ["ts-jest", { tsconfig: "tsconfig.json" }],
  },
  moduleFileExtensions: ["ts", "tsx", "js", "json"],
  testTimeout: 30000,
  // One temporary folder per run; the run fails if a test leaves its cchc-* files behind (test/setup/tmpdir.js).
  globalSetup: "<rootDir>/test/setup/tmpdir.js",
  globalTeardown: "<rootDir>/test/setup/tmpdirTeardown.js",
};
