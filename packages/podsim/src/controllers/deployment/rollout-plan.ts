/**
 * The replica decisions of a rollout as pure functions (k8s pkg/controller/deployment/rolling.go,
 * sync.go scale, util NewRSNewReplicas): each returns how many replicas sets should have; the
 * controller applies them and records ScalingReplicaSet events.
 */
import type { Deployment, ReplicaSet } from '../../api/types.js';
import { LazyPart } from '../../lazy/part.js';
import { availableReplicas, byCreation, isRollingUpdate, maxSurge, maxUnavailable, replicasOf, size, specReplicas } from './deployment-util.js';
import part from './proportional-scaling.lazy.js';

const PROPORTIONAL_SCALING = new LazyPart('proportional-scaling', part);

export interface ScaleStep {
  rs: ReplicaSet;
  to: number;
}

/** Replicas the new set may have now: up to desired, within desired + maxSurge pods overall. */
export function newReplicaSetReplicas(d: Deployment, allRSs: ReplicaSet[], newRS: ReplicaSet | undefined): number {
  if (!isRollingUpdate(d)) return replicasOf(d);
  const current = specReplicas(allRSs);
  const maxTotal = replicasOf(d) + maxSurge(d);
  if (current >= maxTotal) return size(newRS);
  return size(newRS) + Math.min(maxTotal - current, replicasOf(d) - size(newRS));
}

/**
 * Old sets to scale down in one rolling step: first unhealthy replicas (not available), then
 * available ones while at least desired − maxUnavailable stay available (reconcileOldReplicaSets).
 */
export function oldScaleDown(d: Deployment, oldRSs: ReplicaSet[], newRS: ReplicaSet | undefined): ScaleStep[] {
  const olds = oldRSs.filter((rs) => size(rs) > 0).sort(byCreation);
  if (specReplicas(olds) === 0) return [];
  const all = [...oldRSs, ...(newRS ? [newRS] : [])];
  const minAvailable = replicasOf(d) - maxUnavailable(d);
  const newUnavailable = size(newRS) - (newRS?.status?.availableReplicas ?? 0);
  const maxScaledDown = specReplicas(all) - minAvailable - newUnavailable;
  if (maxScaledDown <= 0) return [];
  const target = new Map<ReplicaSet, number>(olds.map((rs) => [rs, size(rs)]));
  let cleaned = 0;
  for (const rs of olds) {
    if (cleaned >= maxScaledDown) break;
    const unhealthy = size(rs) - (rs.status?.availableReplicas ?? 0);
    if (unhealthy <= 0) continue;
    const n = Math.min(maxScaledDown - cleaned, unhealthy);
    target.set(rs, size(rs) - n);
    cleaned += n;
  }
  const available = availableReplicas(all);
  if (available > minAvailable) {
    const budget = available - minAvailable;
    let done = 0;
    for (const rs of olds) {
      if (done >= budget) break;
      const cur = target.get(rs) ?? 0;
      if (cur === 0) continue;
      const n = Math.min(cur, budget - done);
      target.set(rs, cur - n);
      done += n;
    }
  }
  return olds.filter((rs) => target.get(rs) !== size(rs)).map((rs) => ({ rs, to: target.get(rs) ?? 0 }));
}

/**
 * A scaling event (spec.replicas changed) in the middle of a rollout, shared out over the active sets
 * (proportional-scaling.lazy.ts): a lazy part, as nothing scales a Deployment before the reader's first command.
 */
export function scaleForReplicasChange(d: Deployment, newRS: ReplicaSet | undefined, oldRSs: ReplicaSet[]): ScaleStep[] {
  return PROPORTIONAL_SCALING.get().scaleForReplicasChange(d, newRS, oldRSs);
}
