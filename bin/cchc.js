#!/usr/bin/env node
// Launcher for the `cchc` command: runs the TypeScript sources through tsx (no build step).
require("tsx/cjs");
require("../src/cli/main.ts");
