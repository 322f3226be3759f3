/** ReplicaSet status from its active pods (k8s pkg/controller/replicaset/replica_set_utils.go calculateStatus). */
import type { Pod, ReplicaSet } from '../../api/types.js';
import type { ReplicaSetStatus } from 'kubernetes-types/apps/v1';
import { timestamp } from '../shared/context.js';
import { isPodAvailable, isPodReady, labelsMatchTemplate, msUntilAvailable } from '../shared/pods.js';

/** ReplicaFailure: why the last create or delete of a pod failed (the API's error), kept until one succeeds. */
export interface ReplicaFailure {
  reason: 'FailedCreate' | 'FailedDelete';
  message: string;
}

export function replicaSetStatus(rs: ReplicaSet, active: Pod[], now: number, failure?: ReplicaFailure): { status: ReplicaSetStatus; nextAvailableInMs?: number } {
  const minReady = rs.spec?.minReadySeconds ?? 0;
  const templateLabels = rs.spec?.template?.metadata?.labels;
  let ready = 0;
  let available = 0;
  let next: number | undefined;
  for (const pod of active) {
    if (!isPodReady(pod)) continue;
    ready++;
    if (isPodAvailable(pod, minReady, now)) available++;
    else {
      const wait = msUntilAvailable(pod, minReady, now);
      if (wait !== undefined) next = Math.min(next ?? wait, wait);
    }
  }
  const fullyLabeled = active.filter((p) => labelsMatchTemplate(p.metadata?.labels, templateLabels)).length;
  // Like the Go struct: replicas is always written, the other counts are omitempty.
  const status: ReplicaSetStatus = {
    replicas: active.length,
    ...(fullyLabeled ? { fullyLabeledReplicas: fullyLabeled } : {}),
    ...(ready ? { readyReplicas: ready } : {}),
    ...(available ? { availableReplicas: available } : {}),
    observedGeneration: rs.metadata?.generation ?? 1,
  };
  const kept = rs.status?.conditions ?? [];
  const failed = kept.some((c) => c.type === 'ReplicaFailure');
  const conditions = failure && !failed ? [...kept, { type: 'ReplicaFailure', status: 'True', lastTransitionTime: timestamp(now), ...failure }] : !failure && failed ? kept.filter((c) => c.type !== 'ReplicaFailure') : kept;
  if (conditions.length) status.conditions = conditions;
  return { status, nextAvailableInMs: next === undefined ? undefined : next + 1 };
}

/** Compares counts as the API server stores them (zero counts are omitted in JSON). */
export function statusChanged(old: ReplicaSetStatus | undefined, next: ReplicaSetStatus): boolean {
  const keys: (keyof ReplicaSetStatus)[] = ['replicas', 'fullyLabeledReplicas', 'readyReplicas', 'availableReplicas', 'observedGeneration'];
  return keys.some((k) => (old?.[k] ?? 0) !== (next[k] ?? 0)) || (old?.conditions?.length ?? 0) !== (next.conditions?.length ?? 0);
}
