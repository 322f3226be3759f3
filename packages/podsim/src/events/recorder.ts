/**
 * Records core/v1 Events the way client-go's `tools/record` does (event.go makeEvent, events_cache.go):
 * names `<object>.<hex unix nanos>` (so listing by name is chronological within an object), identical
 * events (same source, object incl. fieldPath, type, reason, message) patched with count+1 and a new
 * lastTimestamp, and after 10 distinct messages for the same source/object/type/reason within 10 minutes
 * one `(combined from similar events): ` event. The spam filter (burst 25, 1 per 5 min) is not modelled.
 */
import type { Clock } from '../clock/clock.js';
import { rfc3339 } from '../api/objects.js';
import type { ApiClient, KubeObject } from '../api/types.js';

/** Last event timestamp handed out per API server, shared by all recorders so names never collide. */
const lastNanos = new WeakMap<ApiClient, bigint>();

/** client-go events_cache.go aggregation window and threshold. */
const AGGREGATE_WINDOW_MS = 600_000;
const AGGREGATE_MAX_MESSAGES = 10;
const COMBINED_PREFIX = '(combined from similar events): ';
/** client-go keeps its event caches in LRUs of this size. */
const CACHE_ENTRIES = 4096;

/** Sets a key as the most recent entry, dropping the oldest beyond the cache size. */
function remember<K, V>(cache: Map<K, V>, key: K, value: V): void {
  cache.delete(key);
  cache.set(key, value);
  if (cache.size > CACHE_ENTRIES) cache.delete(cache.keys().next().value as K);
}

interface Logged {
  name: string;
  namespace: string;
  count: number;
}

interface Similar {
  messages: Set<string>;
  lastMs: number;
}

export interface EventSource {
  component: string;
  host?: string;
}

export class EventRecorder {
  private readonly logged = new Map<string, Logged>();
  private readonly similar = new Map<string, Similar>();

  constructor(
    private readonly api: ApiClient,
    private readonly clock: Clock,
    private readonly source: EventSource,
  ) {}

  event(obj: KubeObject, type: 'Normal' | 'Warning', reason: string, message: string, fieldPath?: string): void {
    const meta = obj?.metadata ?? {};
    const ref = {
      kind: obj?.kind,
      namespace: meta.namespace,
      name: meta.name,
      uid: meta.uid,
      apiVersion: obj?.apiVersion,
      resourceVersion: meta.resourceVersion,
      fieldPath,
    };
    const namespace = meta.namespace || 'default';
    const host = this.source.host ?? '';
    const objectKey = [this.source.component, host, ref.kind, ref.namespace, ref.name, ref.fieldPath, ref.uid, ref.apiVersion, type, reason].join('\u0000');
    const now = this.clock.now();

    let key = `${objectKey}\u0000${message}`;
    let text = message;
    const sim = this.similar.get(objectKey);
    const group = sim && now - sim.lastMs <= AGGREGATE_WINDOW_MS ? sim : { messages: new Set<string>(), lastMs: now };
    group.messages.add(message);
    group.lastMs = now;
    remember(this.similar, objectKey, group);
    if (group.messages.size >= AGGREGATE_MAX_MESSAGES) {
      key = objectKey;
      text = COMBINED_PREFIX + message;
    }

    const ts = rfc3339(now);
    const prev = this.logged.get(key);
    if (prev) {
      const patched = this.api.patch('events', prev.namespace, prev.name, 'strategic', { count: prev.count + 1, lastTimestamp: ts, message: text });
      if (patched.ok) {
        prev.count++;
        remember(this.logged, key, prev);
        return;
      }
      this.logged.delete(key);
    }
    const name = `${ref.name ?? ''}.${this.nanos(now).toString(16)}`;
    const created = this.api.create('events', namespace, {
      apiVersion: 'v1',
      kind: 'Event',
      metadata: { name, namespace },
      involvedObject: Object.fromEntries(Object.entries(ref).filter(([, v]) => v !== undefined && v !== '')),
      reason,
      message: text,
      source: host ? { component: this.source.component, host } : { component: this.source.component },
      firstTimestamp: ts,
      lastTimestamp: ts,
      count: 1,
      type,
      reportingComponent: this.source.component,
      reportingInstance: host,
    });
    if (created.ok) remember(this.logged, key, { name, namespace, count: 1 });
  }

  /** Virtual unix nanoseconds, strictly increasing so that two events in the same millisecond get distinct names. */
  private nanos(nowMs: number): bigint {
    let n = BigInt(Math.floor(nowMs)) * 1_000_000n;
    const last = lastNanos.get(this.api) ?? 0n;
    if (n <= last) n = last + 1n;
    lastNanos.set(this.api, n);
    return n;
  }
}
