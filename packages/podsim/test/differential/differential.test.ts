/**
 * The differential suite: every scenario through the real kubectl v1.32 against `podsim serve` and
 * through podsim's own kubectl, their bytes compared after normalising only ages and generated values
 * (normalise.ts). Writes REPORT.md (match rate per command and overall, each mismatch's diff and
 * cause). Without kubectl it is skipped with a printed line, and fails in CI.
 */
import { writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { renderReport, type Row } from './report.js';
import { normalise } from './normalise.js';
import { runScenario } from './runner.js';
import { SCENARIOS } from './scenarios.js';
import { withRealKubectl } from '../support/real-kubectl.js';

/** DIFFERENTIAL_ONLY=<regexp> runs the matching scenarios only, and then leaves REPORT.md alone. */
const only = process.env.DIFFERENTIAL_ONLY;
/** Scenarios run this many at a time (each has its own cluster, server and kubectl processes). */
const PARALLEL = 3;
/**
 * Mismatches measured when the gate was last set (10: get --raw /api names its server address, events -A orders kube-system's same-second events otherwise; REPORT.md lists them; 11 allowed, as a run under load may lose one step to the real kubectl's timing, e.g. cp's tar warning or explain's resource lookup): one more mismatch fails the
 * suite. Lower it whenever a fix lands; raise it only with a cause recorded in causes.ts.
 */
const MAX_MISMATCHES = 11;

describe.skipIf(!withRealKubectl('differential suite: real kubectl against podsim serve'))('real kubectl against podsim serve vs podsim kubectl', () => {
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
    expect(rows.filter((r) => !r.match).length, 'mismatches, each listed in REPORT.md').toBeLessThanOrEqual(MAX_MISMATCHES);
  });
});
