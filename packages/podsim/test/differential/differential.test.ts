/**
 * The differential suite: every scenario through the real kubectl v1.32 against `podsim serve` and
 * through podsim's own kubectl, their bytes compared after normalising only ages and generated values
 * (normalise.ts). Writes REPORT.md (match rate per command and overall, each mismatch's diff and
 * cause). Skipped without kubectl.
 */
import { execFileSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { renderReport, type Row } from './report.js';
import { normalise } from './normalise.js';
import { runScenario } from './runner.js';
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
/** DIFFERENTIAL_ONLY=<regexp> runs the matching scenarios only, and then leaves REPORT.md alone. */
const only = process.env.DIFFERENTIAL_ONLY;
/** Scenarios run this many at a time (each has its own cluster, server and kubectl processes). */
const PARALLEL = 3;
/** The floor this suite enforces; REPORT.md has the measured rate. */
const MIN_MATCH_RATE = 0.95;

describe.skipIf(!hasKubectl)('real kubectl against podsim serve vs podsim kubectl', () => {
  it('matches after normalisation', { timeout: 600_000 }, async () => {
    const rows: Row[] = [];
    const queue = SCENARIOS.filter((s) => !only || new RegExp(only).test(s.name));
    const worker = async (): Promise<void> => {
      for (let s = queue.shift(); s; s = queue.shift()) {
        for (const o of await runScenario(s)) rows.push({ scenario: s.name, ...o, match: normalise(o.ours) === normalise(o.real) });
      }
    };
    await Promise.all(Array.from({ length: PARALLEL }, worker));
    const order = new Map(SCENARIOS.map((s, i) => [s.name, i]));
    rows.sort((a, b) => order.get(a.scenario)! - order.get(b.scenario)!);
    const report = renderReport(rows);
    if (only) {
      writeFileSync(join(tmpdir(), 'differential-partial.md'), report.text);
      return;
    }
    writeFileSync(join(dirname(fileURLToPath(import.meta.url)), 'REPORT.md'), report.text);
    expect(rows.length).toBeGreaterThan(100);
    expect(report.rate).toBeGreaterThanOrEqual(MIN_MATCH_RATE);
  });
});
