/**
 * A chunk of its own in the site's worker (lazy/part.ts): the one active (or newest) set takes the whole
 * count, a saturated new set zeroes the old ones, otherwise the difference is shared proportionally to the
 * sets' sizes (k8s pkg/controller/deployment/sync.go scale, GetProportion); then every active set is
 * rewritten, unchanged sizes too, so that all carry the new replica annotations.
 */
import type { Deployment, ReplicaSet } from '../../api/types.js';
import { DESIRED_REPLICAS, MAX_REPLICAS, byCreation, isRollingUpdate, maxSurge, replicasOf, size, specReplicas } from './deployment-util.js';
import type { ScaleStep } from './rollout-plan.js';

function scaleForReplicasChange(d: Deployment, newRS: ReplicaSet | undefined, oldRSs: ReplicaSet[]): ScaleStep[] {
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

export default { scaleForReplicasChange };
