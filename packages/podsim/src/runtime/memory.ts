/**
 * A container's memory cgroup: programs charge what they allocate; going over the limit triggers
 * the OOM killer for the whole container (memory.oom.group, as the kubelet configures cgroup v2).
 */
import type { Proc } from '../kernel/process.js';
import type { MemoryAccount } from '../kernel/container-context.js';

export class MemoryLedger implements MemoryAccount {
  private readonly byProc = new Map<Proc, number>();
  private killed = false;

  constructor(
    /** The cgroup's memory.max; an in-place resize changes it. */
    public limit: number | undefined,
    private readonly onOom: () => void,
  ) {}

  get oomKilled(): boolean {
    return this.killed;
  }

  allocate(proc: Proc, bytes: number): boolean {
    if (this.killed || !proc.alive) return false;
    this.byProc.set(proc, (this.byProc.get(proc) ?? 0) + Math.max(0, bytes));
    if (this.limit !== undefined && this.limit > 0 && this.usage() > this.limit) {
      this.killed = true;
      this.onOom();
      return false;
    }
    return true;
  }

  free(proc: Proc, bytes: number): void {
    const cur = this.byProc.get(proc) ?? 0;
    this.byProc.set(proc, Math.max(0, cur - bytes));
  }

  /** Drops what a process held (it exited). */
  release(proc: Proc): void {
    this.byProc.delete(proc);
  }

  usage(): number {
    let sum = 0;
    for (const v of this.byProc.values()) sum += v;
    return sum;
  }
}
