/**
 * The replica decisions of a rollout as pure functions (k8s pkg/controller/deployment/rolling.go,
 * sync.go scale, util NewRSNewReplicas): each returns how many replicas sets should have; the
 * controller applies them and records ScalingReplicaSet events.
 */
import type { Deployment, ReplicaSet } from '../../api/types.js';
import { DESIRED_REPLICAS, MAX_REPLICAS, availableReplicas, byCreation, isRollingUpdate, maxSurge, maxUnavailable, replicasOf, specReplicas } from './deployment-util.js';

export interface ScaleStep {
  rs: ReplicaSet;
  to: number;
}

const size = (rs: ReplicaSet | undefined) => rs?.spec?.replicas ?? 0;

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
 * A scaling event (spec.replicas changed) in the middle of a rollout: the one active (or newest)
 * set takes the whole count, a saturated new set zeroes the old ones, otherwise the difference is
 * shared proportionally to the sets' sizes (sync.go scale, GetProportion); then every active set is
 * rewritten, unchanged sizes too, so that all carry the new replica annotations.
 */
export function scaleForReplicasChange(d: Deployment, newRS: ReplicaSet | undefined, oldRSs: ReplicaSet[]): ScaleStep[] {
  const desired = replicasOf(d);
  const all = [...(newRS ? [newRS] : []), ...oldRSs];
  const active = all.filter((rs) => size(rs) > 0);
  if (active.length <= 1) {
    const target = active[0] ?? newRS ?? [...all].sort(byCreation).pop();
    return target && size(target) !== desired ? [{ rs: target, to: desired }] : [];
  }
  const saturated = newRS && size(newRS) === desired && Number(newRS.metadata?.annotations?.[DESIRED_REPLICAS]) === desired && (newRS.status?.availableReplicas ?? 0) === desired;
  if (saturated) {
    return oldRSs.filter((rs) => size(rs) > 0).map((rs) => ({ rs, to: 0 }));
  }
  if (!isRollingUpdate(d)) return [];
  const allowed = desired > 0 ? desired + maxSurge(d) : 0;
  const toAdd = allowed - specReplicas(active);
  // Largest first; ties go to the newest when growing, to the oldest when shrinking.
  const sorted = [...active].sort((a, b) => size(b) - size(a) || (toAdd > 0 ? -byCreation(a, b) : byCreation(a, b)));
  const next = new Map<ReplicaSet, number>();
  let added = 0;
  for (const rs of sorted) {
    const p = proportion(rs, d, toAdd, added);
    next.set(rs, size(rs) + p);
    added += p;
  }
  const first = sorted[0];
  next.set(first, Math.max(0, (next.get(first) ?? 0) + toAdd - added));
  return sorted.map((rs) => ({ rs, to: next.get(rs) ?? 0 }));
}

function proportion(rs: ReplicaSet, d: Deployment, toAdd: number, added: number): number {
  if (size(rs) === 0 || toAdd === 0 || toAdd === added) return 0;
  const desired = replicasOf(d);
  let fraction: number;
  if (desired === 0) fraction = -size(rs);
  else {
    const annotated = Number(rs.metadata?.annotations?.[MAX_REPLICAS] ?? d.status?.replicas ?? 0) || 1;
    fraction = Math.round((size(rs) * (desired + maxSurge(d))) / annotated) - size(rs);
  }
  const allowed = toAdd - added;
  return toAdd > 0 ? Math.min(fraction, allowed) : Math.max(fraction, allowed);
}
