/** Entry point of `cchc` (npm run cchc, bin/cchc.js). Anything unexpected is one sentence and exit 2, never a stack trace. */
import { cliMessages } from "./messages";
import { run } from "./run";

const argv = process.argv.slice(2);
const lang = argv.some((a, i) => (a === "--lang" && argv[i + 1] === "en") || a === "--lang=en") ? "en" : "vi";

run(argv, { out: (t) => process.stdout.write(t), err: (t) => process.stderr.write(t) }, new Date(), process.env)
  .then((code) => {
    process.exitCode = code;
  })
  .catch((e: unknown) => {
    process.stderr.write(`${cliMessages(lang).unexpected(e instanceof Error ? e.message : String(e))}\n`);
    if (process.env.CCHC_DEBUG) process.stderr.write(`${e instanceof Error ? e.stack : ""}\n`);
    process.exitCode = 2;
  });
