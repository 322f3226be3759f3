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

  it('runs a burst that fits in one period\'s quota at full speed, and throttles the next one queued behind it (kernel sched-bwc.rst: cpu.max is quota per 100 ms period)', () => {
    const { clock, ledger } = setup(0.5);
    // 40 ms of work fits in the 50 ms a half-core quota allows per period.
    expect(ledger.spend(40)).toBe(40);
    // At once another 40: 80 ms queued is more than a period allows, so it drains at the quota's rate.
    expect(ledger.spend(40)).toBe(160);
    clock.advance(1_000);
    expect(ledger.usage()).toBeCloseTo(80);
    // An idle group has its period's share again.
    expect(ledger.spend(40)).toBe(40);
  });
});
