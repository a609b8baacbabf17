/**
 * `npm run bench`: every benchmark, one line per figure (`name: value unit (budget ...)`), exit 1 when a figure is
 * over its budget or a benchmark could not run. `npm run bench -- engine excel` runs only the named groups.
 * Not part of `npm test`: timings are noisy; the exact figures (round trips, sizes) are also held by tests.
 * Method and a recorded run: docs/BENCHMARKS.md.
 */
import { cliFigures } from "./cli";
import { engineFigures } from "./engine";
import { excelFigures } from "./excel";
import { fileFigures } from "./files";
import { figureLine, withinBudget, type Figure } from "./figure";
import { paneFigures } from "./pane";

/** The benchmark groups, in the order they run (the slow ones last). */
const GROUPS: Record<string, (log: (line: string) => void) => Promise<Figure[]>> = {
  excel: excelFigures,
  engine: engineFigures,
  pane: paneFigures,
  files: fileFigures,
  cli: cliFigures,
};

async function main(argv: readonly string[]): Promise<number> {
  const unknown = argv.filter((a) => !(a in GROUPS));
  if (unknown.length) {
    process.stderr.write(`unknown benchmark group: ${unknown.join(", ")} (groups: ${Object.keys(GROUPS).join(", ")})\n`);
    return 2;
  }
  const names = argv.length ? argv : Object.keys(GROUPS);
  const log = (line: string) => process.stderr.write(`${line}\n`);
  let over = 0;
  for (const name of names) {
    try {
      for (const f of await GROUPS[name](log)) {
        process.stdout.write(`${figureLine(f)}\n`);
        if (!withinBudget(f)) over++;
      }
    } catch (e) {
      // A benchmark that cannot run is a failure, reported as one line like the figures.
      process.stdout.write(`${name}: FAILED (${e instanceof Error ? e.message : String(e)})\n`);
      over++;
    }
  }
  process.stdout.write(over ? `${over} figure(s) over budget or failed\n` : "all figures within budget\n");
  return over ? 1 : 0;
}

main(process.argv.slice(2)).then((code) => {
  process.exitCode = code;
});
