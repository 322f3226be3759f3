/** The CPU cgroup: busy cores and bursts, throttled by the quota. */
import { describe, expect, it } from 'vitest';
import { Clock } from '../clock/clock.js';
import { PidNamespace, type Proc } from '../kernel/process.js';
import { forever, wait } from '../kernel/waitable.js';
import { CpuLedger } from './cpu.js';

function setup(quota: number) {
  const clock = new Clock(0);
  const ns = new PidNamespace(true);
  const spawn = (): Proc =>
    ns.spawn({
      argv: ['x'],
      program: function* () {
        yield* wait(forever);
        return 0;
      },
      sys: { clock, hostname: () => 'h', resolve: () => undefined },
    } as unknown as Parameters<PidNamespace['spawn']>[0]);
  return { clock, ledger: new CpuLedger(quota, () => clock.now()), spawn };
}

describe('CpuLedger', () => {
  it('counts busy cores over time, capped at the quota (throttling)', () => {
    const { clock, ledger, spawn } = setup(0.5);
    const a = spawn();
    ledger.busy(a, 2);
    clock.advance(10_000);
    expect(ledger.usage()).toBeCloseTo(5_000);
    ledger.busy(a, 0.25);
    clock.advance(4_000);
    expect(ledger.usage()).toBeCloseTo(6_000);
    ledger.release(a);
    clock.advance(4_000);
    expect(ledger.usage()).toBeCloseTo(6_000);
  });

  it('runs bursts of work in the spare quota, so a queue of them is throttled too', () => {
    const { clock, ledger, spawn } = setup(1);
    const a = spawn();
    ledger.busy(a, 0.5);
    ledger.spend(2_000);
    clock.advance(2_000);
    // 1000 from the busy half core, 1000 of the burst in the other half; 1000 of it still queued.
    expect(ledger.usage()).toBeCloseTo(2_000);
    clock.advance(10_000);
    expect(ledger.usage()).toBeCloseTo(2_000 + 5_000 + 1_000);
  });
});
