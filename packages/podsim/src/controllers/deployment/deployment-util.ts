/**
 * Deployment bookkeeping shared by the rollout strategies (k8s pkg/controller/deployment/util/
 * deployment_util.go): revision and replica annotations, replica counts over sets, conditions.
 */
import type { Deployment, ReplicaSet } from '../../api/types.js';
import type { DeploymentCondition, DeploymentStatus } from 'kubernetes-types/apps/v1';
import { timestamp } from '../shared/context.js';
import { resolveFenceposts } from './fenceposts.js';

export const REVISION = 'deployment.kubernetes.io/revision';
export const REVISION_HISTORY = 'deployment.kubernetes.io/revision-history';
export const DESIRED_REPLICAS = 'deployment.kubernetes.io/desired-replicas';
export const MAX_REPLICAS = 'deployment.kubernetes.io/max-replicas';
const LAST_APPLIED = 'kubectl.kubernetes.io/last-applied-configuration';

/** Annotations the controller owns on a ReplicaSet, never copied from the Deployment. */
const NOT_COPIED = new Set([LAST_APPLIED, REVISION, REVISION_HISTORY, DESIRED_REPLICAS, MAX_REPLICAS, 'deprecated.deployment.rollback.to']);

export function replicasOf(d: Deployment): number {
  return d.spec?.replicas ?? 1;
}

export function isRollingUpdate(d: Deployment): boolean {
  return (d.spec?.strategy?.type ?? 'RollingUpdate') === 'RollingUpdate';
}

export function maxSurge(d: Deployment): number {
  if (!isRollingUpdate(d)) return 0;
  const r = resolveFenceposts(d.spec?.strategy?.rollingUpdate?.maxSurge, d.spec?.strategy?.rollingUpdate?.maxUnavailable, replicasOf(d));
  return r.ok ? r.maxSurge : 0;
}

export function maxUnavailable(d: Deployment): number {
  if (!isRollingUpdate(d) || replicasOf(d) === 0) return 0;
  const r = resolveFenceposts(d.spec?.strategy?.rollingUpdate?.maxSurge, d.spec?.strategy?.rollingUpdate?.maxUnavailable, replicasOf(d));
  return r.ok ? Math.min(r.maxUnavailable, replicasOf(d)) : 0;
}

export function revisionOf(obj: { metadata?: { annotations?: Record<string, string> } } | undefined): number {
  const v = Number(obj?.metadata?.annotations?.[REVISION] ?? 0);
  return Number.isInteger(v) && v > 0 ? v : 0;
}

/** A set's spec.replicas. */
export const size = (rs: ReplicaSet | undefined) => rs?.spec?.replicas ?? 0;

export function specReplicas(sets: (ReplicaSet | undefined)[]): number {
  return sets.reduce((n, rs) => n + (rs?.spec?.replicas ?? 0), 0);
}

export function actualReplicas(sets: (ReplicaSet | undefined)[]): number {
  return sets.reduce((n, rs) => n + (rs?.status?.replicas ?? 0), 0);
}

export function readyReplicas(sets: (ReplicaSet | undefined)[]): number {
  return sets.reduce((n, rs) => n + (rs?.status?.readyReplicas ?? 0), 0);
}

export function availableReplicas(sets: (ReplicaSet | undefined)[]): number {
  return sets.reduce((n, rs) => n + (rs?.status?.availableReplicas ?? 0), 0);
}

/**
 * The annotations SetNewReplicaSetAnnotations gives the new set on each sync: the Deployment's own
 * (change-cause included) and a raised revision. An old set keeps what it had, so its history stays.
 */
export function newSetAnnotations(d: Deployment, existing: Record<string, string> | undefined, revision: number): Record<string, string> {
  const out: Record<string, string> = { ...(existing ?? {}) };
  for (const [k, v] of Object.entries(d.metadata?.annotations ?? {})) if (!NOT_COPIED.has(k)) out[k] = v;
  if (revisionOf({ metadata: { annotations: out } }) < revision) out[REVISION] = String(revision);
  return out;
}

/**
 * The desired/max replica annotations, written only when a set is created or scaled (SetReplicasAnnotations):
 * proportional scaling divides by the max-replicas a set was last sized for.
 */
export function withReplicaAnnotations(d: Deployment, annotations: Record<string, string> | undefined): Record<string, string> {
  return { ...(annotations ?? {}), [DESIRED_REPLICAS]: String(replicasOf(d)), [MAX_REPLICAS]: String(replicasOf(d) + maxSurge(d)) };
}

/** Oldest first, then by name (controller.ReplicaSetsByCreationTimestamp). */
export function byCreation(a: ReplicaSet, b: ReplicaSet): number {
  const ta = a.metadata?.creationTimestamp ?? '';
  const tb = b.metadata?.creationTimestamp ?? '';
  return ta === tb ? (a.metadata?.name ?? '').localeCompare(b.metadata?.name ?? '') : ta < tb ? -1 : 1;
}

export function condition(status: DeploymentStatus | undefined, type: string): DeploymentCondition | undefined {
  return status?.conditions?.find((c) => c.type === type);
}

export function newCondition(type: string, status: 'True' | 'False' | 'Unknown', reason: string, message: string, now: number): DeploymentCondition {
  const t = timestamp(now);
  return { type, status, lastUpdateTime: t, lastTransitionTime: t, reason, message };
}

/** SetDeploymentCondition: same status and reason is a no-op; same status keeps the transition time. */
export function setCondition(status: DeploymentStatus, cond: DeploymentCondition): void {
  const cur = condition(status, cond.type);
  if (cur && cur.status === cond.status && cur.reason === cond.reason) return;
  const next = cur && cur.status === cond.status ? { ...cond, lastTransitionTime: cur.lastTransitionTime } : cond;
  status.conditions = [...(status.conditions ?? []).filter((c) => c.type !== cond.type), next];
}

export function removeCondition(status: DeploymentStatus, type: string): void {
  status.conditions = (status.conditions ?? []).filter((c) => c.type !== type);
}

export function deploymentComplete(d: Deployment, s: DeploymentStatus): boolean {
  const n = replicasOf(d);
  return (s.updatedReplicas ?? 0) === n && (s.replicas ?? 0) === n && (s.availableReplicas ?? 0) === n && (s.observedGeneration ?? 0) >= (d.metadata?.generation ?? 0);
}

export function deploymentProgressing(d: Deployment, s: DeploymentStatus): boolean {
  const old = d.status ?? {};
  const oldOld = (old.replicas ?? 0) - (old.updatedReplicas ?? 0);
  const newOld = (s.replicas ?? 0) - (s.updatedReplicas ?? 0);
  return (s.updatedReplicas ?? 0) > (old.updatedReplicas ?? 0) || newOld < oldOld || (s.readyReplicas ?? 0) > (old.readyReplicas ?? 0) || (s.availableReplicas ?? 0) > (old.availableReplicas ?? 0);
}
