/**
 * The differential suite: every scenario through the real kubectl v1.32 against `podsim serve` and
 * through podsim's own kubectl, compared after normalising ages and generated values. Writes
 * REPORT.md (match rate per command and overall, with each mismatch's diff). Skipped without kubectl.
 */
import { execFileSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { renderReport, type Row } from './report.js';
import { normalise, runScenario } from './runner.js';
import { SCENARIOS } from './scenarios.js';

function kubectlPresent(): boolean {
  try {
    execFileSync('kubectl', ['version', '--client'], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
}

const hasKubectl = kubectlPresent();
/** Scenarios run this many at a time (each has its own cluster, server and kubectl processes). */
const PARALLEL = 3;
/** The floor this suite enforces; REPORT.md has the measured rate. */
const MIN_MATCH_RATE = 0.9;

describe.skipIf(!hasKubectl)('real kubectl against podsim serve vs podsim kubectl', () => {
  it('matches after normalisation', { timeout: 150_000 }, async () => {
    const rows: Row[] = [];
    const queue = [...SCENARIOS];
    const worker = async (): Promise<void> => {
      for (let s = queue.shift(); s; s = queue.shift()) {
        for (const o of await runScenario(s)) rows.push({ scenario: s.name, ...o, match: normalise(o.ours) === normalise(o.real) });
      }
    };
    await Promise.all(Array.from({ length: PARALLEL }, worker));
    const order = new Map(SCENARIOS.map((s, i) => [s.name, i]));
    rows.sort((a, b) => order.get(a.scenario)! - order.get(b.scenario)!);
    const report = renderReport(rows);
    writeFileSync(join(dirname(fileURLToPath(import.meta.url)), 'REPORT.md'), report.text);
    expect(rows.length).toBeGreaterThan(100);
    expect(report.rate).toBeGreaterThanOrEqual(MIN_MATCH_RATE);
  });
});
