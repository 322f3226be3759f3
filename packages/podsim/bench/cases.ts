/**
 * Every benchmark `npm run bench` runs. Adding one = a BenchCase in a file of this folder + one
 * entry in BENCH_CASES (kubectl timings go next to the engine cases).
 */
import { ENGINE_CASES } from './engine-cases.js';
import { kubectlBenchCases } from './kubectl.bench.js';

export interface BenchResult {
  /** The figure as printed, e.g. `12,345×` or `38.2 MB`. */
  value: string;
  ok: boolean;
  /** What the figure is made of (wall time, counts), for the owners when it misses. */
  detail?: string;
}

export interface BenchCase {
  name: string;
  /** The goal as printed, e.g. `≥ 10,000×`. */
  target: string;
  run(): BenchResult;
}

export const BENCH_CASES: BenchCase[] = [...ENGINE_CASES, ...kubectlBenchCases()];
