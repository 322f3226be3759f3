/**
 * Deployment status from its ReplicaSets (k8s pkg/controller/deployment/sync.go calculateStatus,
 * progress.go syncRolloutStatus): counts, Available and Progressing conditions.
 */
import type { Deployment, ReplicaSet } from '../../api/types.js';
import type { DeploymentStatus } from 'kubernetes-types/apps/v1';
import {
  actualReplicas,
  availableReplicas,
  condition,
  deploymentComplete,
  deploymentProgressing,
  maxUnavailable,
  newCondition,
  readyReplicas,
  removeCondition,
  replicasOf,
  setCondition,
  specReplicas,
} from './deployment-util.js';

export const NEW_RS_AVAILABLE = 'NewReplicaSetAvailable';
export const TIMED_OUT = 'ProgressDeadlineExceeded';

export function calculateStatus(d: Deployment, allRSs: ReplicaSet[], newRS: ReplicaSet | undefined, now: number): DeploymentStatus {
  const available = availableReplicas(allRSs);
  const counts: [keyof DeploymentStatus, number][] = [
    ['replicas', actualReplicas(allRSs)],
    ['updatedReplicas', actualReplicas([newRS])],
    ['readyReplicas', readyReplicas(allRSs)],
    ['availableReplicas', available],
    ['unavailableReplicas', Math.max(0, specReplicas(allRSs) - available)],
  ];
  // Every count is omitempty in the Go type.
  const status: DeploymentStatus = { observedGeneration: d.metadata?.generation ?? 1 };
  for (const [k, v] of counts) if (v) (status as Record<string, number>)[k] = v;
  if (d.status?.collisionCount !== undefined) status.collisionCount = d.status.collisionCount;
  status.conditions = [...(d.status?.conditions ?? [])];
  if (available >= replicasOf(d) - maxUnavailable(d)) {
    setCondition(status, newCondition('Available', 'True', 'MinimumReplicasAvailable', 'Deployment has minimum availability.', now));
  } else {
    setCondition(status, newCondition('Available', 'False', 'MinimumReplicasUnavailable', 'Deployment does not have minimum availability.', now));
  }
  return status;
}

function progressDeadline(d: Deployment): number | undefined {
  const s = d.spec?.progressDeadlineSeconds ?? 600;
  return s === 2147483647 ? undefined : s;
}

/** Status after a rollout step, with the Progressing and ReplicaFailure conditions brought up to date. */
export function rolloutStatus(d: Deployment, allRSs: ReplicaSet[], newRS: ReplicaSet | undefined, now: number): DeploymentStatus {
  const status = calculateStatus(d, allRSs, newRS, now);
  progress(d, status, newRS, now);
  // getReplicaFailures: the new set's failure, else an old set's, as the Deployment's own condition.
  const failure = [newRS, ...allRSs].flatMap((rs) => rs?.status?.conditions ?? []).find((c) => c.type === 'ReplicaFailure');
  if (failure) setCondition(status, { ...failure, lastUpdateTime: failure.lastTransitionTime });
  else removeCondition(status, 'ReplicaFailure');
  return status;
}

function progress(d: Deployment, status: DeploymentStatus, newRS: ReplicaSet | undefined, now: number): void {
  const deadline = progressDeadline(d);
  if (deadline === undefined) return removeCondition(status, 'Progressing');
  const cur = condition(d.status, 'Progressing');
  const complete = status.replicas === status.updatedReplicas && cur?.reason === NEW_RS_AVAILABLE;
  if (complete) return;
  const what = newRS ? `ReplicaSet "${newRS.metadata?.name}"` : `Deployment "${d.metadata?.name}"`;
  if (deploymentComplete(d, status)) {
    setCondition(status, newCondition('Progressing', 'True', NEW_RS_AVAILABLE, `${what} has successfully progressed.`, now));
  } else if (deploymentProgressing(d, status)) {
    const cond = newCondition('Progressing', 'True', 'ReplicaSetUpdated', `${what} is progressing.`, now);
    if (cur?.status === 'True') cond.lastTransitionTime = cur.lastTransitionTime;
    removeCondition(status, 'Progressing');
    setCondition(status, cond);
  } else if (timedOut(d, now)) {
    setCondition(status, newCondition('Progressing', 'False', TIMED_OUT, `${what} has timed out progressing.`, now));
  }
}

/** DeploymentTimedOut: no progress recorded for progressDeadlineSeconds. */
export function timedOut(d: Deployment, now: number): boolean {
  const cur = condition(d.status, 'Progressing');
  const deadline = progressDeadline(d);
  if (!cur || deadline === undefined || cur.reason === NEW_RS_AVAILABLE) return false;
  if (cur.reason === TIMED_OUT) return true;
  return Date.parse(cur.lastUpdateTime ?? '') + deadline * 1000 < now;
}

/** When to look again at a rollout that is neither complete nor timed out (requeueStuckDeployment). */
export function msUntilDeadline(d: Deployment, status: DeploymentStatus, now: number): number | undefined {
  const cur = condition(status, 'Progressing');
  const deadline = progressDeadline(d);
  if (!cur || deadline === undefined || cur.reason === NEW_RS_AVAILABLE || cur.reason === TIMED_OUT || deploymentComplete(d, status)) return undefined;
  return Math.max(0, Date.parse(cur.lastUpdateTime ?? '') + deadline * 1000 - now) + 1000;
}
