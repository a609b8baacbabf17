/** Entry point of `cchc` (npm run cchc, bin/cchc.js). Anything unexpected is one sentence and exit 2, never a stack trace. */
import { cliMessages } from "./messages";
import { run } from "./run";

const argv = process.argv.slice(2);
const lang = argv.some((a, i) => (a === "--lang" && argv[i + 1] === "en") || a === "--lang=en") ? "en" : "vi";

// A reader that stops early (`cchc check … | head`) closes the pipe: the rest of the output has nowhere to go, which
// is not the run's failure. Stop quietly, as other command-line tools do; any other write failure (a full disk under
// `> file`) is one sentence on stderr and exit 2.
for (const stream of [process.stdout, process.stderr]) {
  stream.on("error", (e: NodeJS.ErrnoException) => {
    if (e.code !== "EPIPE") {
      process.stderr.write(`${cliMessages(lang).unexpected(e.message)}\n`);
      process.exit(2);
    }
    process.exit(process.exitCode ?? 0);
  });
}

run(argv, { out: (t) => process.stdout.write(t), err: (t) => process.stderr.write(t) }, new Date(), process.env)
  .then((code) => {
    process.exitCode = code;
  })
  .catch((e: unknown) => {
    process.stderr.write(`${cliMessages(lang).unexpected(e instanceof Error ? e.message : String(e))}\n`);
    if (process.env.CCHC_DEBUG) process.stderr.write(`${e instanceof Error ? e.stack : ""}\n`);
    process.exitCode = 2;
  });
