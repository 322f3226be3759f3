/**
 * The PodDisruptionBudget side of pods/eviction (k8s pkg/registry/core/pod/storage/eviction.go, 1.32):
 * at most one budget may cover the pod; an unready pod goes without touching the budget when the policy
 * or the budget's health allows it; otherwise checkAndDecrement refuses with 429 while no disruption is
 * allowed, or takes one and records the pod in status.disruptedPods for the disruption controller.
 */
import type { Status } from 'kubernetes-types/meta/v1';
import { rfc3339 } from './objects.js';
import type { LabelSelector } from './selectors.js';
import { internalError } from './status.js';
import type { ApiClient, KubeObject, Pod } from './types.js';

export interface Budget extends KubeObject {
  spec?: { unhealthyPodEvictionPolicy?: string; selector?: LabelSelector };
  status?: { observedGeneration?: number; disruptionsAllowed?: number; currentHealthy?: number; desiredHealthy?: number; expectedPods?: number; disruptedPods?: Record<string, string>; conditions?: Condition[] };
}

export interface Condition {
  type: string;
  status: string;
  observedGeneration?: number;
  lastTransitionTime?: string;
  reason: string;
  message: string;
}

const TOO_MANY = "Cannot evict pod as it would violate the pod's disruption budget.";

function tooManyRequests(message: string, details: NonNullable<Status['details']>): Status {
  return { kind: 'Status', apiVersion: 'v1', metadata: {}, status: 'Failure', message, reason: 'TooManyRequests', details, code: 429 };
}

const isReady = (pod: Pod) => (pod.status?.conditions ?? []).some((c) => c.type === 'Ready' && c.status === 'True');

/** pdbhelper.UpdateDisruptionAllowedCondition: the condition follows disruptionsAllowed, its transition time only a change of status. */
export function withDisruptionAllowedCondition(status: NonNullable<Budget['status']>, now: number): Condition[] {
  const allowed = (status.disruptionsAllowed ?? 0) > 0;
  const next: Condition = { type: 'DisruptionAllowed', status: allowed ? 'True' : 'False', observedGeneration: status.observedGeneration, reason: allowed ? 'SufficientPods' : 'InsufficientPods', message: '' };
  const old = (status.conditions ?? []).find((c) => c.type === next.type);
  const lastTransitionTime = old && old.status === next.status ? old.lastTransitionTime : rfc3339(now);
  return [...(status.conditions ?? []).filter((c) => c.type !== next.type), { ...next, lastTransitionTime }];
}

/** undefined when the eviction may delete the pod (the budget already charged), else the Status to answer with. */
export function budgetAllowsEviction(api: ApiClient, pod: Pod & KubeObject, budgets: Budget[], dryRun: boolean, now: number): Status | undefined {
  if (budgets.length > 1) return internalError('This pod has more than one PodDisruptionBudget, which the eviction subresource does not support.');
  const pdb = budgets[0];
  const s = pdb.status ?? {};
  if (!isReady(pod) && (pdb.spec?.unhealthyPodEvictionPolicy === 'AlwaysAllow' || ((s.currentHealthy ?? 0) >= (s.desiredHealthy ?? 0) && (s.desiredHealthy ?? 0) > 0))) return undefined;
  if ((s.observedGeneration ?? 0) < (pdb.metadata.generation ?? 0))
    return tooManyRequests(`${TOO_MANY} The disruption budget ${pdb.metadata.name} is still being processed by the server.`, { retryAfterSeconds: 10 });
  if ((s.disruptionsAllowed ?? 0) === 0)
    return tooManyRequests(TOO_MANY, { causes: [{ reason: 'DisruptionBudget', message: `The disruption budget ${pdb.metadata.name} needs ${s.desiredHealthy ?? 0} healthy pods and has ${s.currentHealthy ?? 0} currently` }] });
  if (dryRun) return undefined;
  const status = { ...s, disruptionsAllowed: (s.disruptionsAllowed ?? 0) - 1, disruptedPods: { ...s.disruptedPods, [pod.metadata.name ?? '']: rfc3339(now) } };
  if (status.disruptionsAllowed === 0) status.conditions = withDisruptionAllowedCondition(status, now);
  const r = api.updateStatus('poddisruptionbudgets', pdb.metadata.namespace, { ...pdb, status } as KubeObject);
  return r.ok ? undefined : r.status;
}
