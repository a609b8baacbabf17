/**
 * Engine figure: locate + validate + compute (analyze) on the full seed appendix, as one call each time the pane
 * or the command line checks a sheet. Warm-up first (JIT), then the median of many runs. The budgeted value is the
 * CPU time of a run (process.cpuUsage): on this shared 2-core machine other work preempts the bench and inflates
 * wall time several-fold, while CPU time is what an idle machine's wall time would be (a little more, since V8's
 * GC threads count too). The wall-time median is printed beside it.
 */
import { performance } from "perf_hooks";
import { analyze } from "../src/core/analyze";
import { soNganh } from "../src/core/catalog";
import { checkWorkbook } from "../src/core/checkWorkbook";
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
  const found = checkWorkbook([{ name: "Phụ lục", grid }], [soNganh]);
  if (!found.found) throw new Error(`the seed appendix was not located: ${JSON.stringify(found.failure)}`);
  return found.findings.length;
}

/** Times of each phase and the whole, in ms, over `runs` runs after `warmup` runs. */
export function engineTimes(runs = ENGINE_RUNS, warmup = ENGINE_WARMUP): { cpu: number[]; total: number[]; locate: number[]; analyze: number[] } {
  const grid = seedGrid();
  for (let i = 0; i < warmup; i++) checkOnce(grid);
  const cpu: number[] = [];
  const total: number[] = [];
  const loc: number[] = [];
  const ana: number[] = [];
  for (let i = 0; i < runs; i++) {
    const c0 = process.cpuUsage();
    const t0 = performance.now();
    const found = locate(grid, soNganh);
    const t1 = performance.now();
    if (!found.ok) throw new Error("the seed appendix was not located");
    analyze(grid, soNganh, found.location);
    const t2 = performance.now();
    const c = process.cpuUsage(c0);
    cpu.push((c.user + c.system) / 1000);
    loc.push(t1 - t0);
    ana.push(t2 - t1);
    total.push(t2 - t0);
  }
  return { cpu, total, locate: loc, analyze: ana };
}

/**
 * Median CPU time when every run gets its own copy of the grid (new strings, as each check reads the sheet anew
 * from Excel or a file): the text memo still answers, but each string is hashed once and more garbage is made.
 */
export function freshGridCpu(runs = ENGINE_RUNS, warmup = ENGINE_WARMUP): number {
  const grids = Array.from({ length: runs + warmup }, () => seedGrid());
  const cpu: number[] = [];
  grids.forEach((grid, i) => {
    const c0 = process.cpuUsage();
    checkOnce(grid);
    const c = process.cpuUsage(c0);
    if (i >= warmup) cpu.push((c.user + c.system) / 1000);
  });
  return median(cpu);
}

/** The engine figure. */
export async function engineFigures(): Promise<Figure[]> {
  const t = engineTimes();
  const fresh = freshGridCpu();
  return [
    {
      name: "engine.locate+validate+compute.cpu",
      value: median(t.cpu),
      unit: "ms",
      budget: ENGINE_BUDGET_MS,
      note:
        `median CPU time of ${ENGINE_RUNS} runs after ${ENGINE_WARMUP} warm-up; wall median ${median(t.total).toFixed(3)} ms, ` +
        `min ${Math.min(...t.total).toFixed(3)}, p90 ${percentile(t.total, 90).toFixed(3)}; wall locate ${median(t.locate).toFixed(3)} + analyze ${median(t.analyze).toFixed(3)} ms; ` +
        `a fresh copy of the grid each run: ${fresh.toFixed(3)} ms CPU`,
    },
  ];
}
