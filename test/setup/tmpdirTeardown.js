/** Fails the run when a test left its `cchc-*` temporary files behind (see tmpdir.js), then removes the run's folder. */
"use strict";
const fs = require("fs");

module.exports = async function teardown() {
  const dir = process.env.CCHC_TEST_TMPDIR;
  if (!dir || !fs.existsSync(dir)) return;
  const left = fs.readdirSync(dir).filter((name) => name.startsWith("cchc-"));
  fs.rmSync(dir, { recursive: true, force: true });
  if (left.length > 0) {
    throw new Error(`Tests left ${left.length} temporary item(s) behind: ${left.sort().join(", ")}. Remove them in afterAll/finally.`);
  }
};
