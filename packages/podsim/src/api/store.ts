/**
 * Versioned object storage: one table per resource keyed `namespace/name`, one global resourceVersion
 * counter (etcd revision), lists in etcd key order (namespace, then name). Stored objects are frozen.
 */
import type { KubeObject } from './types.js';
import type { WatchHub } from './watch.js';

export class ObjectStore {
  private rv = 0;
  private readonly tables = new Map<string, Map<string, KubeObject>>();
  /** Sorted keys per resource, rebuilt lazily after adds/removes (modifications keep the order). */
  private readonly order = new Map<string, string[]>();

  constructor(private readonly hub: WatchHub) {}

  /** The latest resourceVersion handed out, as lists report it. */
  resourceVersion(): string {
    return String(this.rv);
  }

  nextResourceVersion(): string {
    return String(++this.rv);
  }

  private table(resource: string): Map<string, KubeObject> {
    let t = this.tables.get(resource);
    if (!t) this.tables.set(resource, (t = new Map()));
    return t;
  }

  get(resource: string, namespace: string, name: string): KubeObject | undefined {
    return this.tables.get(resource)?.get(`${namespace}/${name}`);
  }

  count(resource: string): number {
    return this.tables.get(resource)?.size ?? 0;
  }

  /** Objects of a resource in key order, optionally of one namespace only. */
  list(resource: string, namespace?: string): KubeObject[] {
    const t = this.tables.get(resource);
    if (!t) return [];
    let keys = this.order.get(resource);
    if (!keys) {
      keys = [...t.keys()].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
      this.order.set(resource, keys);
    }
    const out: KubeObject[] = [];
    const prefix = namespace === undefined ? undefined : `${namespace}/`;
    for (const k of keys) if (prefix === undefined || k.startsWith(prefix)) out.push(t.get(k)!);
    return out;
  }

  /** Stores a frozen object whose resourceVersion the caller already set, and notifies watchers. */
  put(resource: string, obj: KubeObject): void {
    const t = this.table(resource);
    const key = `${obj.metadata.namespace ?? ''}/${obj.metadata.name}`;
    const old = t.get(key);
    t.set(key, obj);
    if (!old) this.order.delete(resource);
    this.hub.publish(resource, old ? 'MODIFIED' : 'ADDED', obj, old);
  }

  /** Removes an object; `last` (carrying a fresh resourceVersion) is what DELETED watchers get. */
  remove(resource: string, last: KubeObject): void {
    const t = this.table(resource);
    const key = `${last.metadata.namespace ?? ''}/${last.metadata.name}`;
    if (!t.delete(key)) return;
    this.order.delete(resource);
    this.hub.publish(resource, 'DELETED', last);
  }
}
