/**
 * Every test run gets its own temporary folder (TMPDIR, inherited by workers and the programs tests start: cchc,
 * LibreOffice, Chromium), so what a run leaves behind can be seen and nothing lands in the machine's /tmp.
 * globalTeardown (tmpdirTeardown.js) fails the run when a test left a `cchc-*` folder or file there, then removes it.
 */
"use strict";
const fs = require("fs");
const os = require("os");
const path = require("path");

module.exports = async function setup() {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "jest-cchc-run-"));
  process.env.CCHC_TEST_TMPDIR = dir;
  process.env.TMPDIR = dir;
};
