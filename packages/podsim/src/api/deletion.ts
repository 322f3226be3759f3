/**
 * What a delete request does to an object (apiserver `pkg/registry/rest/delete.go` BeforeDelete, pod
 * CheckGracefulDelete): pods on a node get a grace period and stay until the kubelet's final delete;
 * a later request may only shorten it; deletion finalizers keep objects until they are removed.
 */
import type { Obj } from './kinds/strategy.js';
import { jsonEqual, parseRfc3339, rfc3339 } from './objects.js';
import type { DeleteOptions, ResourceInfo } from './types.js';

/**
 * `remove` with a deletionTimestamp the object did not carry yet (a pod deleted with grace 0, or the kubelet's
 * final delete shortening the grace to 0): the store first writes that mark (a MODIFIED watch event), then
 * removes the object (DELETED) — the two phases of registry Store.Delete for graceful kinds.
 */
export type DeletionPlan = { kind: 'unchanged' } | { kind: 'remove'; next: Obj } | { kind: 'mark'; next: Obj };

/** Whether a `remove` plan first records the deletion mark, as Store.updateForGracefulDeletionAndFinalizers does. */
export function marksBeforeRemoval(old: Obj, next: Obj): boolean {
  const m = next.metadata;
  return !!m.deletionTimestamp && (m.deletionTimestamp !== old.metadata.deletionTimestamp || m.deletionGracePeriodSeconds !== old.metadata.deletionGracePeriodSeconds);
}

/** Pod CheckGracefulDelete: unscheduled or finished pods go at once; otherwise options, then the spec, then 30 s. */
function podGracePeriod(pod: Obj, opts: DeleteOptions): number {
  if (!pod.spec?.nodeName) return 0;
  if (pod.status?.phase === 'Succeeded' || pod.status?.phase === 'Failed') return 0;
  let grace = typeof opts.gracePeriodSeconds === 'number' ? opts.gracePeriodSeconds : (pod.spec?.terminationGracePeriodSeconds ?? 30);
  if (!Number.isFinite(grace)) grace = 30;
  return grace < 0 ? 1 : Math.floor(grace);
}

const PROPAGATION_FINALIZER: Record<string, string> = { Foreground: 'foregroundDeletion', Orphan: 'orphan' };

export function planDeletion(info: ResourceInfo, old: Obj, opts: DeleteOptions, now: number): DeletionPlan {
  const grace = info.resource === 'pods' ? podGracePeriod(old, opts) : 0;
  const next: Obj = { ...old, metadata: { ...old.metadata } };
  const m = next.metadata;
  const finalizers = [...(m.finalizers ?? [])];
  const added = opts.propagationPolicy ? PROPAGATION_FINALIZER[opts.propagationPolicy] : undefined;
  if (added && !finalizers.includes(added)) finalizers.push(added);
  if (finalizers.length) m.finalizers = finalizers;
  if (m.deletionTimestamp) {
    // Already terminating: a shorter grace period moves the deadline forward, measured from the first request.
    const current = m.deletionGracePeriodSeconds ?? 0;
    if (grace >= current && jsonEqual(m.finalizers, old.metadata.finalizers)) return { kind: 'unchanged' };
    if (grace < current) {
      const requested = (parseRfc3339(m.deletionTimestamp) ?? now) - current * 1000;
      m.deletionTimestamp = rfc3339(requested + grace * 1000);
      m.deletionGracePeriodSeconds = grace;
    }
  } else if (grace > 0 || finalizers.length || info.resource === 'namespaces' || info.resource === 'pods') {
    m.deletionTimestamp = rfc3339(now + grace * 1000);
    m.deletionGracePeriodSeconds = grace;
    if (m.generation) m.generation++;
  }
  const gone = !m.deletionTimestamp || (!finalizers.length && !m.deletionGracePeriodSeconds);
  return { kind: gone && info.resource !== 'namespaces' ? 'remove' : 'mark', next };
}
