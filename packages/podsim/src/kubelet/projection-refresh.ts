/**
 * ConfigMap and Secret changes reach a running pod's volumes at its next periodic sync, not at once:
 * changes are collected and applied together a sync period after the first one.
 * Models the kubelet's configmap/secret managers (TTL cache refreshed on the pod's resync).
 */
import type { Clock, TimerHandle } from '../clock/clock.js';

/** How long a ConfigMap/Secret change takes to reach mounted files: the pod's next periodic sync (1 min). */
export const PROJECTION_REFRESH_MS = 60_000;

export type ProjectedKind = 'configmaps' | 'secrets';

export class ProjectionRefresh {
  private readonly stale = new Set<string>();
  private timer: TimerHandle | undefined;

  constructor(
    private readonly clock: Clock,
    private readonly refresh: (kind: ProjectedKind, name: string) => void,
  ) {}

  changed(kind: ProjectedKind, name: string): void {
    this.stale.add(`${kind}/${name}`);
    this.timer ??= this.clock.setTimer(PROJECTION_REFRESH_MS, () => {
      this.timer = undefined;
      const keys = [...this.stale];
      this.stale.clear();
      for (const key of keys) {
        const [kind, n] = key.split('/') as [ProjectedKind, string];
        this.refresh(kind, n);
      }
    });
  }

  stop(): void {
    this.clock.cancel(this.timer);
    this.stale.clear();
  }
}
