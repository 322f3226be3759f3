/**
 * Objects that storage drops a fixed time after their last write (etcd leases; kube-apiserver
 * `--event-ttl` puts events on one). Each write restarts the object's clock.
 */
import type { Clock, TimerHandle } from '../clock/clock.js';
import type { KubeObject } from './types.js';

export class ObjectTtl {
  private readonly timers = new Map<string, TimerHandle>();

  constructor(
    private readonly clock: Clock,
    private readonly expire: (resource: string, obj: KubeObject) => void,
  ) {}

  private key(resource: string, obj: KubeObject): string {
    return `${resource}/${obj.metadata.namespace}/${obj.metadata.name}`;
  }

  written(resource: string, obj: KubeObject, ttlMs: number): void {
    const key = this.key(resource, obj);
    this.clock.cancel(this.timers.get(key));
    this.timers.set(
      key,
      this.clock.setTimer(ttlMs, () => {
        this.timers.delete(key);
        this.expire(resource, obj);
      }),
    );
  }

  removed(resource: string, obj: KubeObject): void {
    const key = this.key(resource, obj);
    this.clock.cancel(this.timers.get(key));
    this.timers.delete(key);
  }
}
