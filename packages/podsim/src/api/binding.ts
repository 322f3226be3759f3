import type { Obj } from './kinds/strategy.js';
import { rfc3339 } from './objects.js';
import { conflict } from './status.js';
import type { ApiResult } from './types.js';

/**
 * The pods/binding subresource: the pod as it is once assigned to `node`. Binding also records
 * PodScheduled=True itself (k8s pkg/registry/core/pod/storage BindingREST), so a scheduler needs no
 * second status write.
 */
export function boundPod(old: Obj, node: string, now: number): ApiResult<Obj> {
  const pod = String(old.metadata.name);
  if (old.metadata.deletionTimestamp) return { ok: false, status: conflict('pods/binding', pod, undefined, `pod ${pod} is being deleted, cannot be assigned to a host`) };
  if (old.spec?.nodeName) return { ok: false, status: conflict('pods/binding', pod, undefined, `pod ${pod} is already assigned to node "${old.spec.nodeName}"`) };
  const conditions = (old.status?.conditions ?? []).filter((c: { type?: string }) => c.type !== 'PodScheduled');
  const scheduled = { type: 'PodScheduled', status: 'True', lastProbeTime: null, lastTransitionTime: rfc3339(now) };
  return {
    ok: true,
    value: { ...old, metadata: { ...old.metadata }, spec: { ...old.spec, nodeName: node }, status: { ...(old.status ?? {}), conditions: [...conditions, scheduled] } },
  };
}
