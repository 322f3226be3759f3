/**
 * backoffLimitPerIndex for Indexed Jobs (k8s pkg/controller/job/indexed_job_utils.go and
 * backoff_utils.go, 1.32): each index may fail backoffLimitPerIndex times (its pods carry the count in
 * an annotation); an index past it, or one whose pod matched a FailIndex rule, is given up and listed
 * in status.failedIndexes. Each index waits its own back-off before its pod is replaced.
 */
import type { Pod } from '../../api/types.js';
import type { Any } from '../../api/objects.js';
import { mergeIntervals, parseIntervals, podIndex, type Intervals } from './indexed.js';
import { finishedTime, isPodFailed } from './job-pods.js';
import { MAX_POD_FAILURE_BACKOFF_MS, POD_FAILURE_BACKOFF_MS } from './pod-failure-backoff.js';
import type { PolicyOutcome } from './pod-failure-policy.js';
import { FAILED_INDEXES, MAX_FAILED_INDEXES_EXCEEDED, type Finish } from './job-conditions.js';

export const INDEX_FAILURE_COUNT = 'batch.kubernetes.io/job-index-failure-count';
export const INDEX_IGNORED_FAILURE_COUNT = 'batch.kubernetes.io/job-index-ignored-failure-count';

export function hasBackoffLimitPerIndex(spec: Any): boolean {
  return spec.completionMode === 'Indexed' && typeof spec.backoffLimitPerIndex === 'number';
}

/** An annotation's count; anything but a non-negative int32 counts as 0, as upstream's parseInt32. */
function count(pod: Pod, key: string): number {
  const v = pod.metadata?.annotations?.[key];
  if (v === undefined || !/^\d+$/.test(v)) return 0;
  const n = Number(v);
  return n > 2147483647 ? 0 : n;
}

/** isIndexFailed: a FailIndex rule matched, or this counted failure was the index's last allowed one. */
export function isIndexFailed(spec: Any, outcome: PolicyOutcome): (pod: Pod) => boolean {
  return (pod) => outcome.failIndex === true || (outcome.count && count(pod, INDEX_FAILURE_COUNT) >= spec.backoffLimitPerIndex);
}

/** calculateFailedIndexes: those already in the status plus those failed since. */
export function failedIndexes(spec: Any, previous: string | undefined, newlyFailed: { pod: Pod; outcome: PolicyOutcome }[]): Intervals {
  const completions: number = spec.completions ?? 0;
  const list = parseIntervals(previous);
  for (const { pod, outcome } of newlyFailed) {
    const i = podIndex(pod);
    if (i !== undefined && i < completions && isIndexFailed(spec, outcome)(pod)) list.push([i, i]);
  }
  return mergeIntervals(list);
}

export const intervalsTotal = (list: Intervals) => list.reduce((n, [a, b]) => n + b - a + 1, 0);
export const intervalsHas = (list: Intervals, i: number) => list.some(([a, b]) => a <= i && i <= b);

const absoluteCount = (p: Pod) => count(p, INDEX_FAILURE_COUNT) + count(p, INDEX_IGNORED_FAILURE_COUNT);

/**
 * getPodsWithDelayedDeletionPerIndex: per index still to run, its newest failed pod (highest failure
 * count, latest finish), which the replacement takes its counts and back-off from.
 */
export function lastFailedPerIndex<P extends Pod>(spec: Any, pods: P[], skip: (i: number) => boolean, now: number): Map<number, P> {
  const out = new Map<number, P>();
  for (const p of pods) {
    const i = podIndex(p);
    if (i === undefined || i >= (spec.completions ?? 0) || skip(i) || !isPodFailed(p, spec)) continue;
    const last = out.get(i);
    if (!last || (absoluteCount(last) <= absoluteCount(p) && finishedTime(p, now) >= finishedTime(last, now))) out.set(i, p);
  }
  return out;
}

/** getNewIndexFailureCounts: the replaced pod's counts, one more in the column its failure counted in. */
export function replacementAnnotations(replaced: Pod | undefined, outcome: PolicyOutcome | undefined): Record<string, string> {
  if (!replaced) return { [INDEX_FAILURE_COUNT]: '0' };
  let failures = count(replaced, INDEX_FAILURE_COUNT);
  let ignored = count(replaced, INDEX_IGNORED_FAILURE_COUNT);
  if (outcome?.count === false) ignored++;
  else failures++;
  return { [INDEX_FAILURE_COUNT]: String(failures), ...(ignored > 0 ? { [INDEX_IGNORED_FAILURE_COUNT]: String(ignored) } : {}) };
}

/** getRemainingTimePerIndex: 10 s doubled per earlier failure of the index, from when its last pod finished. */
export function remainingForIndex(lastFailed: Pod | undefined, now: number): number {
  if (!lastFailed) return 0;
  const delay = Math.min(POD_FAILURE_BACKOFF_MS * 2 ** absoluteCount(lastFailed), MAX_POD_FAILURE_BACKOFF_MS);
  return Math.max(0, finishedTime(lastFailed, now) + delay - now);
}

/** The Job's end once indexes are given up on: too many of them, or every index done one way or the other. */
export function indexesFailure(spec: Any, failed: Intervals, succeeded: number): Finish | undefined {
  const total = intervalsTotal(failed);
  if (typeof spec.maxFailedIndexes === 'number' && total > spec.maxFailedIndexes) return MAX_FAILED_INDEXES_EXCEEDED;
  if (total > 0 && total + succeeded >= (spec.completions ?? 0)) return FAILED_INDEXES;
  return undefined;
}
