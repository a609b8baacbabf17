#!/usr/bin/env node
// Launcher for the `cchc` command: runs the TypeScript sources through tsx (no build step).
/* eslint-disable @typescript-eslint/no-require-imports -- a plain CommonJS launcher */
require("tsx/cjs");
require("../src/cli/main.ts");
