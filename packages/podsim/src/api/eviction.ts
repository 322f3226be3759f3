/**
 * pods/eviction as the API server answers it (pkg/registry/core/pod/storage/eviction.go): a pod that is
 * pending, finished or already being deleted goes at once; otherwise the PodDisruptionBudgets whose
 * non-empty selector covers it decide (eviction-budget.ts, part of the policy part). Then the pod gets
 * the DisruptionTarget condition, which Job pod failure policies match on, and is deleted with the
 * eviction's options.
 */
import type { PodCondition } from 'kubernetes-types/core/v1';
import type { Budget } from './eviction-budget.js';
import { POLICY_API } from './kinds/policy.js';
import { rfc3339 } from './objects.js';
import { selectorMatches, type LabelSelector } from './selectors.js';
import type { ApiClient, ApiResult, DeleteOptions, KubeObject, Pod } from './types.js';

const DISRUPTION_TARGET: Omit<PodCondition, 'lastTransitionTime'> = { type: 'DisruptionTarget', status: 'True', reason: 'EvictionByEvictionAPI', message: 'Eviction API: evicting' };

export function evictPod(api: ApiClient, namespace: string, name: string, opts: DeleteOptions, now: number): ApiResult<KubeObject> {
  const got = api.get<Pod & KubeObject>('pods', namespace, name);
  if (!got.ok) return got;
  const pod = got.value;
  const phase = pod.status?.phase;
  if (phase !== 'Pending' && phase !== 'Succeeded' && phase !== 'Failed' && !pod.metadata.deletionTimestamp) {
    const listed = api.list<Budget>('poddisruptionbudgets', namespace);
    // An empty selector covers no pod here, though the disruption controller counts every pod for it.
    const covers = (sel: LabelSelector | undefined) => !!(Object.keys(sel?.matchLabels ?? {}).length || sel?.matchExpressions?.length) && selectorMatches(sel, pod.metadata.labels);
    const budgets = listed.ok ? listed.value.items.filter((b) => covers(b.spec?.selector)) : [];
    const refused = budgets.length > 0 && POLICY_API.get().budgetAllowsEviction(api, pod, budgets, opts.dryRun === true, now);
    if (refused) return { ok: false, status: refused };
  }
  if (!opts.dryRun) {
    const conditions = (pod.status?.conditions ?? []).filter((c) => c.type !== DISRUPTION_TARGET.type);
    const updated = api.updateStatus('pods', namespace, { ...pod, status: { ...pod.status, conditions: [...conditions, { ...DISRUPTION_TARGET, lastTransitionTime: rfc3339(now) }] } });
    if (!updated.ok) return updated;
  }
  return api.delete('pods', namespace, name, opts);
}
