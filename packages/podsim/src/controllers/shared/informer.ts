/**
 * A watched, local copy of one resource (client-go's shared informer): controllers read from it
 * instead of listing the API server on every reconcile. Writers push the object the API returned
 * (`store`) so their next reconcile does not act on a stale copy before the watch event arrives.
 * Cached objects are shared: never mutate them, clone first.
 */
import type { ApiClient, KubeObject, WatchEvent } from '../../api/types.js';
import { keyOf } from './work-queue.js';

export type InformerHandler<T> = (type: WatchEvent['type'], obj: T, old: T | undefined) => void;

export class Informer<T extends KubeObject = KubeObject> {
  private readonly items = new Map<string, T>();
  private readonly byUid = new Map<string, T>();
  private readonly handlers: InformerHandler<T>[] = [];
  private started = false;

  constructor(
    private readonly api: ApiClient,
    readonly resource: string,
  ) {}

  onChange(handler: InformerHandler<T>): void {
    this.handlers.push(handler);
    if (this.started) for (const obj of this.items.values()) handler('ADDED', obj, undefined);
  }

  start(): void {
    if (this.started) return;
    this.started = true;
    const listed = this.api.list<T>(this.resource, undefined);
    const resourceVersion = listed.ok ? listed.value.metadata.resourceVersion : undefined;
    if (listed.ok) for (const obj of listed.value.items) this.apply('ADDED', obj);
    this.api.watch<T>(this.resource, undefined, (ev) => this.apply(ev.type, ev.object), resourceVersion ? { resourceVersion } : undefined);
  }

  get(namespace: string | undefined, name: string): T | undefined {
    return this.items.get(`${namespace ?? ''}/${name}`);
  }

  getByUid(uid: string): T | undefined {
    return this.byUid.get(uid);
  }

  list(namespace?: string): T[] {
    const all = [...this.items.values()];
    return namespace === undefined ? all : all.filter((o) => (o.metadata.namespace ?? '') === namespace);
  }

  /** Write-through of an object just returned by the API server (no handlers run). */
  store(obj: T): void {
    if (!this.isNewer(obj)) return;
    this.put(obj);
  }

  forget(obj: T): void {
    this.remove(obj);
  }

  private apply(type: WatchEvent['type'], obj: T): void {
    const old = this.items.get(keyOf(obj));
    if (type === 'DELETED') this.remove(obj);
    else if (this.isNewer(obj)) this.put(obj);
    else return;
    for (const h of this.handlers) h(type, obj, old);
  }

  private isNewer(obj: T): boolean {
    const old = this.items.get(keyOf(obj));
    if (!old) return true;
    const a = Number(old.metadata.resourceVersion);
    const b = Number(obj.metadata.resourceVersion);
    return !(Number.isFinite(a) && Number.isFinite(b)) || b >= a || old.metadata.uid !== obj.metadata.uid;
  }

  private put(obj: T): void {
    const key = keyOf(obj);
    const old = this.items.get(key);
    if (old?.metadata.uid) this.byUid.delete(old.metadata.uid);
    this.items.set(key, obj);
    if (obj.metadata.uid) this.byUid.set(obj.metadata.uid, obj);
  }

  private remove(obj: T): void {
    const key = keyOf(obj);
    const cur = this.items.get(key);
    if (cur && obj.metadata.uid && cur.metadata.uid !== obj.metadata.uid) return;
    this.items.delete(key);
    if (cur?.metadata.uid) this.byUid.delete(cur.metadata.uid);
  }
}

/** One informer per resource, shared by every controller of a cluster. */
export class Informers {
  private readonly map = new Map<string, Informer>();

  constructor(private readonly api: ApiClient) {}

  for<T extends KubeObject>(resource: string): Informer<T> {
    let inf = this.map.get(resource);
    if (!inf) {
      inf = new Informer(this.api, resource);
      this.map.set(resource, inf);
    }
    return inf as unknown as Informer<T>;
  }

  startAll(): void {
    for (const inf of this.map.values()) inf.start();
  }
}
