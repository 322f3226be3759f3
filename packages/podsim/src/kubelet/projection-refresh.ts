/**
 * ConfigMap and Secret changes reach a running pod's volumes at its next periodic sync, not at once.
 * The kubelet's pod worker requeues a pod after each sync with wait.Jitter(resync 1 min, factor 0.5)
 * (pod_workers.go workerResyncIntervalJitterFactor), so syncs fall 60–90 s apart from the pod's start,
 * and a change waits for the next one: between a moment and 90 s, as the documentation warns.
 */
import type { Clock, TimerHandle } from '../clock/clock.js';
import type { Random } from '../random/random.js';

/** The kubelet's --sync-frequency (1 min). */
export const SYNC_PERIOD_MS = 60_000;
/** pod_workers.go workerResyncIntervalJitterFactor. */
const JITTER = 0.5;

export type ProjectedKind = 'configmaps' | 'secrets';

export class ProjectionRefresh {
  private readonly stale = new Set<string>();
  private timer: TimerHandle | undefined;
  /** The pod's last periodic sync: its start, then each sync after it. */
  private lastSync: number;

  constructor(
    private readonly clock: Clock,
    private readonly random: Random,
    private readonly refresh: (kind: ProjectedKind, name: string) => void,
  ) {
    this.lastSync = clock.now();
  }

  changed(kind: ProjectedKind, name: string): void {
    this.stale.add(`${kind}/${name}`);
    if (this.timer) return;
    let next = this.lastSync + this.interval();
    while (next <= this.clock.now()) {
      this.lastSync = next;
      next += this.interval();
    }
    this.timer = this.clock.setTimer(next - this.clock.now(), () => {
      this.timer = undefined;
      this.lastSync = next;
      const keys = [...this.stale];
      this.stale.clear();
      for (const key of keys) {
        const [kind, n] = key.split('/') as [ProjectedKind, string];
        this.refresh(kind, n);
      }
    });
  }

  private interval(): number {
    return Math.round(SYNC_PERIOD_MS * (1 + JITTER * this.random.next()));
  }

  stop(): void {
    this.clock.cancel(this.timer);
    this.stale.clear();
  }
}
