// Preload (node -r) for the bad-file tests: on exit, writes the process's peak resident memory (kB) to $CCHC_MAX_RSS_FILE.
/* eslint-disable @typescript-eslint/no-require-imports -- a plain CommonJS preload */
const fs = require("fs");
process.on("exit", () => {
  if (process.env.CCHC_MAX_RSS_FILE) fs.writeFileSync(process.env.CCHC_MAX_RSS_FILE, String(process.resourceUsage().maxRSS));
});
