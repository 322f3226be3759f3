/**
 * A controller's queue of object keys (`namespace/name`). Like client-go's workqueue, a key queued
 * several times before it is processed is reconciled once; processing happens on the virtual clock
 * (zero delay), never synchronously inside the watch handler that queued it.
 */
import type { Clock, TimerHandle } from '../../clock/clock.js';

/**
 * A key reconciled this often within one virtual instant is fighting another writer (or itself);
 * deferring it keeps a bug from freezing the whole simulation in a zero-time loop.
 */
const MAX_SYNCS_PER_INSTANT = 50;
const HOT_KEY_DEFER_MS = 1000;

export class WorkQueue {
  private readonly queued = new Set<string>();
  private readonly later = new Map<string, { due: number; timer: TimerHandle }>();
  private drainTimer: TimerHandle | undefined;
  private instant = NaN;
  private readonly syncsThisInstant = new Map<string, number>();

  constructor(
    private readonly clock: Clock,
    private readonly reconcile: (key: string) => void,
  ) {}

  add(key: string): void {
    if (this.queued.has(key)) return;
    this.queued.add(key);
    this.drainTimer ??= this.clock.setTimer(0, () => this.drain());
  }

  /** Queues `key` after `ms`; an earlier pending request for the same key wins. */
  addAfter(key: string, ms: number): void {
    if (ms <= 0) return this.add(key);
    const due = this.clock.now() + ms;
    const existing = this.later.get(key);
    if (existing && existing.due <= due) return;
    if (existing) this.clock.cancel(existing.timer);
    const timer = this.clock.setTimer(ms, () => {
      this.later.delete(key);
      this.add(key);
    });
    this.later.set(key, { due, timer });
  }

  /** Queues every delayed key now: work that happened before the clock started (the cluster's bootstrap). */
  hurry(): void {
    for (const [key, { timer }] of this.later) {
      this.clock.cancel(timer);
      this.add(key);
    }
    this.later.clear();
  }

  get length(): number {
    return this.queued.size;
  }

  private drain(): void {
    this.drainTimer = undefined;
    const keys = [...this.queued];
    this.queued.clear();
    if (this.clock.now() !== this.instant) {
      this.instant = this.clock.now();
      this.syncsThisInstant.clear();
    }
    for (const key of keys) {
      const n = (this.syncsThisInstant.get(key) ?? 0) + 1;
      this.syncsThisInstant.set(key, n);
      if (n > MAX_SYNCS_PER_INSTANT) this.addAfter(key, HOT_KEY_DEFER_MS);
      else this.reconcile(key);
    }
  }
}

export function keyOf(obj: { metadata: { namespace?: string; name?: string } }): string {
  return `${obj.metadata.namespace ?? ''}/${obj.metadata.name ?? ''}`;
}

export function splitKey(key: string): { namespace: string; name: string } {
  const i = key.indexOf('/');
  return { namespace: key.slice(0, i), name: key.slice(i + 1) };
}
