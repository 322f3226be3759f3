/**
 * A chunk of its own in the site's worker (lazy/part.ts): which pods a ReplicaSet deletes first when it scales down (k8s pkg/controller/controller_utils.go
 * ActivePodsWithRanks.Less, with LogarithmicScaleDown on as in 1.32): unscheduled before scheduled,
 * Pending before Unknown before Running, not ready before ready, lower pod-deletion-cost first,
 * more pods of the set on the same node first, ready for less time first, more restarts first,
 * newer first. Times compare by log2 buckets so near-equal ages fall through to the next rule.
 */
import type { Pod } from '../../api/types.js';
import { isPodReady, podCondition } from '../shared/pods.js';

const PHASE_RANK: Record<string, number> = { Pending: 0, Unknown: 1, Running: 2 };
const DELETION_COST = 'controller.kubernetes.io/pod-deletion-cost';

function restarts(pod: Pod): number {
  return Math.max(0, ...(pod.status?.containerStatuses ?? []).map((c) => c.restartCount ?? 0));
}

function time(s: string | undefined): number | undefined {
  const t = s ? Date.parse(s) : NaN;
  return Number.isFinite(t) ? t : undefined;
}

/** log2 of the age in nanoseconds, -1 when not in the past (logarithmicRankDiff). */
function logAge(t: number, now: number): number {
  const d = (now - t) * 1e6;
  return d > 0 ? Math.floor(Math.log2(d)) : -1;
}

/** Negative when `a` should be deleted before `b`. */
function compare(a: Pod, b: Pod, rank: Map<Pod, number>, now: number): number {
  const assignedA = a.spec?.nodeName ? 1 : 0;
  const assignedB = b.spec?.nodeName ? 1 : 0;
  if (assignedA !== assignedB) return assignedA - assignedB;
  const phaseA = PHASE_RANK[a.status?.phase ?? 'Pending'] ?? 0;
  const phaseB = PHASE_RANK[b.status?.phase ?? 'Pending'] ?? 0;
  if (phaseA !== phaseB) return phaseA - phaseB;
  const readyA = isPodReady(a) ? 1 : 0;
  const readyB = isPodReady(b) ? 1 : 0;
  if (readyA !== readyB) return readyA - readyB;
  const costA = Number(a.metadata?.annotations?.[DELETION_COST] ?? 0) || 0;
  const costB = Number(b.metadata?.annotations?.[DELETION_COST] ?? 0) || 0;
  if (costA !== costB) return costA - costB;
  const rankA = rank.get(a) ?? 0;
  const rankB = rank.get(b) ?? 0;
  if (rankA !== rankB) return rankB - rankA;
  if (readyA && readyB) {
    const ta = time(podCondition(a, 'Ready')?.lastTransitionTime);
    const tb = time(podCondition(b, 'Ready')?.lastTransitionTime);
    if (ta !== undefined && tb !== undefined) {
      const d = logAge(ta, now) - logAge(tb, now);
      if (d !== 0) return d;
    } else if (ta !== tb) return ta === undefined ? -1 : 1;
  }
  const restartsA = restarts(a);
  const restartsB = restarts(b);
  if (restartsA !== restartsB) return restartsB - restartsA;
  const ca = time(a.metadata?.creationTimestamp);
  const cb = time(b.metadata?.creationTimestamp);
  if (ca !== undefined && cb !== undefined) {
    const d = logAge(ca, now) - logAge(cb, now);
    if (d !== 0) return d;
  } else if (ca !== cb) return ca === undefined ? -1 : 1;
  return (a.metadata?.name ?? '').localeCompare(b.metadata?.name ?? '');
}

/** podsToDelete of deletion-order.ts, `count` > 0. */
function podsToDelete(pods: Pod[], related: Pod[], count: number, now: number): Pod[] {
  const perNode = new Map<string, number>();
  for (const p of related) if (p.spec?.nodeName) perNode.set(p.spec.nodeName, (perNode.get(p.spec.nodeName) ?? 0) + 1);
  const rank = new Map<Pod, number>(pods.map((p) => [p, p.spec?.nodeName ? (perNode.get(p.spec.nodeName) ?? 0) : 0]));
  return [...pods].sort((a, b) => compare(a, b, rank, now)).slice(0, count);
}

export default { podsToDelete };
