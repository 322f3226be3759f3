/**
 * pods/eviction as the API server answers it (pkg/registry/core/pod/storage/eviction.go) when no
 * PodDisruptionBudget stands in the way (this cluster has none): the pod gets the DisruptionTarget
 * condition, which Job pod failure policies match on, then it is deleted with the eviction's options.
 */
import type { PodCondition } from 'kubernetes-types/core/v1';
import { rfc3339 } from './objects.js';
import type { ApiClient, ApiResult, DeleteOptions, KubeObject, Pod } from './types.js';

const DISRUPTION_TARGET: Omit<PodCondition, 'lastTransitionTime'> = { type: 'DisruptionTarget', status: 'True', reason: 'EvictionByEvictionAPI', message: 'Eviction API: evicting' };

export function evictPod(api: ApiClient, namespace: string, name: string, opts: DeleteOptions, now: number): ApiResult<KubeObject> {
  const got = api.get<Pod & KubeObject>('pods', namespace, name);
  if (!got.ok) return got;
  if (!opts.dryRun) {
    const pod = got.value;
    const conditions = (pod.status?.conditions ?? []).filter((c) => c.type !== DISRUPTION_TARGET.type);
    const updated = api.updateStatus('pods', namespace, { ...pod, status: { ...pod.status, conditions: [...conditions, { ...DISRUPTION_TARGET, lastTransitionTime: rfc3339(now) }] } });
    if (!updated.ok) return updated;
  }
  return api.delete('pods', namespace, name, opts);
}
