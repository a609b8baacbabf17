/**
 * Engine figure: locate + validate + compute (analyze) on the full seed appendix, as one call each time the pane
 * or the command line checks a sheet. Warm-up first (JIT), then the median of many runs.
 */
import { performance } from "perf_hooks";
import { analyze } from "../src/core/analyze";
import { soNganh } from "../src/core/catalog";
import { locate } from "../src/core/locate";
import { seedGrid } from "../test/fixtures/seed";
import { median, percentile, type Figure } from "./figure";

/** Runs and warm-up runs. */
export const ENGINE_RUNS = 200;
export const ENGINE_WARMUP = 50;
/** Budget for one locate + analyze of the appendix, in milliseconds. */
export const ENGINE_BUDGET_MS = 2;

/** One full check of a grid by the engine; throws if the appendix is not found (the bench would be meaningless). */
export function checkOnce(grid = seedGrid()): number {
  const found = locate(grid, soNganh);
  if (!found.ok) throw new Error(`the seed appendix was not located: ${JSON.stringify(found.failure)}`);
  return analyze(grid, soNganh, found.location).findings.length;
}

/** Times of each phase and the whole, in ms, over `runs` runs after `warmup` runs. */
export function engineTimes(runs = ENGINE_RUNS, warmup = ENGINE_WARMUP): { total: number[]; locate: number[]; analyze: number[] } {
  const grid = seedGrid();
  for (let i = 0; i < warmup; i++) checkOnce(grid);
  const total: number[] = [];
  const loc: number[] = [];
  const ana: number[] = [];
  for (let i = 0; i < runs; i++) {
    const t0 = performance.now();
    const found = locate(grid, soNganh);
    const t1 = performance.now();
    if (!found.ok) throw new Error("the seed appendix was not located");
    analyze(grid, soNganh, found.location);
    const t2 = performance.now();
    loc.push(t1 - t0);
    ana.push(t2 - t1);
    total.push(t2 - t0);
  }
  return { total, locate: loc, analyze: ana };
}

/** The engine figure. */
export async function engineFigures(): Promise<Figure[]> {
  const t = engineTimes();
  return [
    {
      name: "engine.locate+validate+compute",
      value: median(t.total),
      unit: "ms",
      budget: ENGINE_BUDGET_MS,
      note: `median of ${ENGINE_RUNS} after ${ENGINE_WARMUP} warm-up; p90 ${percentile(t.total, 90).toFixed(3)} ms; locate ${median(t.locate).toFixed(3)} ms + analyze ${median(t.analyze).toFixed(3)} ms`,
    },
  ];
}
