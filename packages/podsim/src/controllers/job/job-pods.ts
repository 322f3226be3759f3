/** What the Job controller reads off its pods (k8s pkg/controller/job/job_controller.go helpers, 1.32). */
import type { Pod } from '../../api/types.js';
import { podCondition } from '../shared/pods.js';
import type { Any } from '../../api/objects.js';

/** MaxPodCreateDeletePerSync: one sync creates or deletes at most this many pods. */
export const MAX_POD_CREATE_DELETE_PER_SYNC = 500;

/** Kept on every pod until the controller has counted it, so no outcome is lost if the pod is deleted first. */
export const TRACKING_FINALIZER = 'batch.kubernetes.io/job-tracking';

export function hasTrackingFinalizer(pod: Pod): boolean {
  return (pod.metadata?.finalizers ?? []).includes(TRACKING_FINALIZER);
}

/**
 * isPodFailed: Failed pods, and with podReplacementPolicy TerminatingOrFailed also pods being deleted
 * before they succeeded (they may never reach a phase).
 */
export function isPodFailed(pod: Pod, jobSpec: Any): boolean {
  if (pod.status?.phase === 'Failed') return true;
  if (jobSpec.podReplacementPolicy === 'Failed') return false;
  return !!pod.metadata?.deletionTimestamp && pod.status?.phase !== 'Succeeded';
}

export function isPodSucceeded(pod: Pod): boolean {
  return pod.status?.phase === 'Succeeded';
}

/** Not finished and not being deleted: counts in status.active. */
export function isPodActive(pod: Pod): boolean {
  return pod.status?.phase !== 'Succeeded' && pod.status?.phase !== 'Failed' && !pod.metadata?.deletionTimestamp;
}

export function isPodReady(pod: Pod): boolean {
  return podCondition(pod, 'Ready')?.status === 'True';
}

/** Being deleted but not finished: status.terminating. */
export function isPodTerminating(pod: Pod): boolean {
  return !!pod.metadata?.deletionTimestamp && pod.status?.phase !== 'Succeeded' && pod.status?.phase !== 'Failed';
}

/** getFinishedTime: the last container's finishedAt, else the deletion time, else `now`. */
export function finishedTime(pod: Pod, now: number): number {
  let latest: number | undefined;
  for (const s of [...(pod.status?.initContainerStatuses ?? []), ...(pod.status?.containerStatuses ?? [])]) {
    const at = s.state?.terminated?.finishedAt;
    if (at) latest = Math.max(latest ?? 0, Date.parse(at));
  }
  if (latest !== undefined) return latest;
  if (pod.metadata?.deletionTimestamp) return Date.parse(pod.metadata.deletionTimestamp);
  return now;
}

/** Container restarts of the active pods: what backoffLimit counts with restartPolicy OnFailure. */
export function restartsOf(pods: Pod[]): number {
  let n = 0;
  for (const p of pods) for (const s of [...(p.status?.initContainerStatuses ?? []), ...(p.status?.containerStatuses ?? [])]) n += s.restartCount ?? 0;
  return n;
}

/** pastBackoffLimitOnFailure. */
export function pastBackoffLimitOnFailure(jobSpec: Any, active: Pod[]): boolean {
  if (jobSpec.template?.spec?.restartPolicy !== 'OnFailure') return false;
  const restarts = restartsOf(active);
  const limit = jobSpec.backoffLimit ?? 6;
  return limit === 0 ? restarts > 0 : restarts >= limit;
}
