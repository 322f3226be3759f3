/**
 * A container's CPU cgroup (cpu.max and cpu.stat's usage_usec): processes keep some cores busy or
 * queue bursts of work; the quota (the container's CPU limit, else the node's cores) caps how fast
 * either runs, so a container over its limit is throttled, and bursts wait for the spare quota.
 * Usage is integrated lazily, at each change and each read, so an idle container costs nothing.
 */
import type { Proc } from '../kernel/process.js';
import type { CpuAccount } from '../kernel/container-context.js';

/**
 * cpu.max's period (cfs_period_us, 100 ms by default): the quota is what the group may run in each
 * period (Documentation/scheduler/sched-bwc.rst), so a short burst runs at a core's full speed and
 * only work beyond one period's share waits for later periods.
 */
const CFS_PERIOD_MS = 100;

export class CpuLedger implements CpuAccount {
  private readonly demand = new Map<Proc, number>();
  private steadyCores = 0;
  /** Queued burst work, in core-milliseconds. */
  private backlog = 0;
  private usedCoreMs = 0;
  private last: number;

  constructor(
    /** cpu.max as cores: the limit, else what the node has. */
    private quotaCores: number,
    private readonly now: () => number,
  ) {
    this.last = now();
  }

  busy(proc: Proc, cores: number): void {
    this.catchUp();
    if (cores > 0 && proc.alive) this.demand.set(proc, cores);
    else this.demand.delete(proc);
    this.steadyCores = [...this.demand.values()].reduce((a, b) => a + b, 0);
  }

  spend(coreMs: number): number {
    this.catchUp();
    this.backlog += Math.max(0, coreMs);
    // One thread of work takes at least its own cost; queued behind others, as long as the spare quota needs,
    // unless all of it fits in what one period lets the group run.
    const spare = this.quotaCores - Math.min(this.steadyCores, this.quotaCores);
    if (spare <= 0) return Number.POSITIVE_INFINITY;
    return this.backlog <= spare * CFS_PERIOD_MS ? coreMs : Math.max(coreMs, this.backlog / spare);
  }

  /** cpu.max rewritten (an in-place resize): what ran so far counts at the old quota. */
  setQuota(cores: number): void {
    this.catchUp();
    this.quotaCores = cores;
  }

  /** A process exited: it keeps nothing busy any more. */
  release(proc: Proc): void {
    if (this.demand.has(proc)) this.busy(proc, 0);
  }

  /** Cumulative CPU time used since the container started, in core-milliseconds. */
  usage(): number {
    this.catchUp();
    return this.usedCoreMs;
  }

  private catchUp(): void {
    const t = this.now();
    const dt = t - this.last;
    if (dt <= 0) return;
    this.last = t;
    const steady = Math.min(this.steadyCores, this.quotaCores);
    const drained = Math.min(this.backlog, (this.quotaCores - steady) * dt);
    this.backlog -= drained;
    this.usedCoreMs += steady * dt + drained;
  }
}
