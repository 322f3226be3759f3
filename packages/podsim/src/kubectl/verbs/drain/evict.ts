/**
 * How drain removes a node's pods (kubectl pkg/drain/drain.go evictPods, deletePods, waitForDelete, 1.32).
 * Eviction runs one loop per pod, side by side: `evicting pod NS/NAME`, then a 429 (a disruption budget
 * in the way) is retried every 5 s, announcing each attempt again, until it succeeds or the global
 * --timeout has passed by the time of an attempt; an evicted pod is then polled every second until it
 * is gone. With --disable-eviction the pods are deleted and polled the same way.
 */
import { evictPod } from '../../../api/eviction.js';
import type { DeleteOptions, KubeObject, Pod } from '../../../api/types.js';
import { goDuration } from '../../../format/duration.js';
import { sleep, wait } from '../../../kernel/waitable.js';
import type { Invocation } from '../../command.js';

type PodObj = Pod & KubeObject;

/** Drain.Helper's EvictErrorRetryDelay default, and waitForDelete's poll interval. */
const RETRY_MS = 5000;
const POLL_MS = 1000;

export interface RemovalOptions {
  deleteOpts: DeleteOptions;
  serverDryRun: boolean;
  disableEviction: boolean;
  /** 0: no limit. */
  timeoutMs: number;
  skipWaitForDeleteSeconds: number;
}

interface Loop {
  pod: PodObj;
  waiting: boolean;
  next: number;
}

/** Removes the pods; the errors utilerrors.NewAggregate would gather, none when all went. */
export function* removePods(inv: Invocation, pods: PodObj[], o: RemovalOptions): Generator<ReturnType<typeof sleep>, string[], unknown> {
  const clock = inv.host.clock;
  const start = clock.now();
  const deadline = o.timeoutMs > 0 ? start + o.timeoutMs : Infinity;
  const errors: string[] = [];
  const key = (p: PodObj): [string, string] => [p.metadata.namespace ?? '', p.metadata.name ?? ''];
  const loops: Loop[] = [];
  if (o.disableEviction) {
    for (const pod of pods) {
      const r = inv.api.delete('pods', ...key(pod), o.deleteOpts);
      if (!r.ok && r.status.reason !== 'NotFound') return [r.status.message ?? ''];
    }
    if (o.serverDryRun) return [];
    loops.push(...pods.map((pod) => ({ pod, waiting: true, next: start })));
  } else loops.push(...pods.map((pod) => ({ pod, waiting: false, next: start })));

  const attempt = (l: Loop, now: number): boolean => {
    const [ns, name] = key(l.pod);
    inv.out(`evicting pod ${ns}/${name}${o.serverDryRun ? ' (server dry run)' : ''}\n`);
    if (now >= deadline) {
      errors.push(`error when evicting pods/${JSON.stringify(name)} -n ${JSON.stringify(ns)}: global timeout reached: ${goDuration(o.timeoutMs)}`);
      return true;
    }
    const r = evictPod(inv.api, ns, name, o.deleteOpts, now);
    if (r.ok) {
      if (o.serverDryRun) return true;
      l.waiting = true;
      return poll(l, now);
    }
    if (r.status.reason === 'NotFound') return true;
    if (r.status.code === 429) {
      inv.err(`error when evicting pods/${JSON.stringify(name)} -n ${JSON.stringify(ns)} (will retry after ${goDuration(RETRY_MS)}): ${r.status.message ?? ''}\n`);
      l.next = now + RETRY_MS;
      return false;
    }
    errors.push(`error when evicting pods/${JSON.stringify(name)} -n ${JSON.stringify(ns)}: ${r.status.message ?? ''}`);
    return true;
  };

  const poll = (l: Loop, now: number): boolean => {
    const [ns, name] = key(l.pod);
    const got = inv.api.get<PodObj>('pods', ns, name);
    if (!got.ok || got.value.metadata.uid !== l.pod.metadata.uid) {
      inv.out(`pod/${name} ${o.disableEviction ? 'deleted' : 'evicted'}\n`);
      return true;
    }
    const since = got.value.metadata.deletionTimestamp ? (now - Date.parse(got.value.metadata.deletionTimestamp)) / 1000 : 0;
    if (o.skipWaitForDeleteSeconds > 0 && Math.floor(since) > o.skipWaitForDeleteSeconds) {
      inv.out(`pod ${JSON.stringify(name)} has DeletionTimestamp older than ${o.skipWaitForDeleteSeconds} seconds, skipping\n`);
      return true;
    }
    if (now >= deadline) {
      errors.push(o.disableEviction ? 'context deadline exceeded' : `error when waiting for pod ${JSON.stringify(name)} in namespace ${JSON.stringify(ns)} to terminate: context deadline exceeded`);
      return true;
    }
    l.next = Math.min(now + POLL_MS, deadline);
    return false;
  };

  let active = loops;
  while (active.length > 0) {
    const now = clock.now();
    active = active.filter((l) => l.next > now || !(l.waiting ? poll(l, now) : attempt(l, now)));
    if (active.length === 0) break;
    yield* wait(sleep(clock, Math.min(...active.map((l) => l.next)) - clock.now()));
  }
  // Deleting waits for all pods together, so a timeout is one error.
  return o.disableEviction ? [...new Set(errors)] : errors;
}
