/**
 * Indexed completion mode (k8s pkg/controller/job/indexed_job_utils.go): each pod carries an index in
 * 0..completions-1; the Job is done when every index has a succeeded pod. status.completedIndexes is
 * the compressed list (`0-2,5`).
 */
import type { Pod } from '../../api/types.js';
import { MAX_POD_CREATE_DELETE_PER_SYNC, isPodActive, isPodSucceeded } from './job-pods.js';
import type { Any } from '../../api/objects.js';

export const COMPLETION_INDEX_ANNOTATION = 'batch.kubernetes.io/job-completion-index';

export function podIndex(pod: Pod): number | undefined {
  const v = pod.metadata?.annotations?.[COMPLETION_INDEX_ANNOTATION];
  return v !== undefined && /^\d+$/.test(v) ? Number(v) : undefined;
}

export type Intervals = [number, number][];

/** `0-2,5` → [[0,2],[5,5]] */
export function parseIntervals(s: string | undefined): Intervals {
  if (!s) return [];
  return s.split(',').map((part) => {
    const [a, b] = part.split('-').map(Number);
    return [a, b ?? a] as [number, number];
  });
}

/** orderedIntervals.String(): a run of two is written `3,4`, longer runs `3-5`. */
export function formatIntervals(list: Intervals): string {
  return list.map(([a, b]) => (a === b ? String(a) : `${a}${b === a + 1 ? ',' : '-'}${b}`)).join(',');
}

export function mergeIntervals(list: Intervals): Intervals {
  const sorted = [...list].sort((x, y) => x[0] - y[0]);
  const out: [number, number][] = [];
  for (const [a, b] of sorted) {
    const last = out[out.length - 1];
    if (last && a <= last[1] + 1) last[1] = Math.max(last[1], b);
    else out.push([a, b]);
  }
  return out;
}

export interface IndexedPlan {
  completedIndexes: string;
  /** Indexes still without a success. */
  remaining: number;
  /** Indexes with neither a success nor an active pod, lowest first, at most a sync's worth. */
  missing: number[];
}

/** `failed`: indexes given up on (backoffLimitPerIndex), which get no new pods either. */
export function indexedPlan(spec: Any, pods: Pod[], previous: string | undefined, failed: Intervals = []): IndexedPlan {
  const completions: number = spec.completions ?? 0;
  const done = parseIntervals(previous);
  for (const p of pods) {
    const i = podIndex(p);
    if (i !== undefined && i < completions && isPodSucceeded(p)) done.push([i, i]);
  }
  const merged = mergeIntervals(done);
  const doneCount = merged.reduce((n, [a, b]) => n + b - a + 1, 0);
  const busy = new Set(pods.filter(isPodActive).map(podIndex));
  const skip = mergeIntervals([...merged, ...failed]);
  const missing: number[] = [];
  let k = 0;
  for (let i = 0; i < completions && missing.length < MAX_POD_CREATE_DELETE_PER_SYNC; i++) {
    while (k < skip.length && skip[k][1] < i) k++;
    if (k < skip.length && skip[k][0] <= i) {
      i = skip[k][1];
      continue;
    }
    if (!busy.has(i)) missing.push(i);
  }
  return { completedIndexes: formatIntervals(merged), remaining: completions - doneCount, missing };
}
