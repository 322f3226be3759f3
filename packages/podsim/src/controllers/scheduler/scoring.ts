/**
 * Node scores for a pod that fits several nodes (k8s NodeResourcesFit LeastAllocated and the
 * default PodTopologySpread by hostname, weight 2): emptier nodes and nodes with fewer pods of the
 * same owner win. Ties are broken by the caller with seeded randomness, as selectHost does.
 */
import type { Node } from '../../api/types.js';
import type { Requests } from './predicates.js';
import { bytes, milliCpu } from './quantity.js';

/** Pods without requests still count this much when scoring (schedutil.DefaultMilliCPURequest/DefaultMemoryRequest). */
export const DEFAULT_MILLI_CPU = 100;
export const DEFAULT_MEMORY = 200 * 1024 * 1024;

export function nonZero(r: Requests): Requests {
  return { milliCpu: r.milliCpu || DEFAULT_MILLI_CPU, memory: r.memory || DEFAULT_MEMORY };
}

/** 0..100: the share of cpu and memory left free once the pod is placed. */
export function leastAllocatedScore(node: Node, requestedNonZero: Requests, pod: Requests): number {
  const alloc = node.status?.allocatable ?? {};
  const free = (total: number, used: number) => (total <= 0 || used > total ? 0 : ((total - used) * 100) / total);
  const cpu = free(milliCpu(alloc.cpu), requestedNonZero.milliCpu + pod.milliCpu);
  const mem = free(bytes(alloc.memory), requestedNonZero.memory + pod.memory);
  return Math.floor((cpu + mem) / 2);
}

/** 0..100 per node: fewer pods of the same owner scores higher. */
export function spreadScores(sameOwnerCounts: number[]): number[] {
  const max = Math.max(0, ...sameOwnerCounts);
  return sameOwnerCounts.map((n) => (max === 0 ? 100 : Math.floor(((max - n) * 100) / max)));
}

export interface Candidate {
  node: Node;
  leastAllocated: number;
  sameOwner: number;
}

/** Indexes of the best-scoring candidates (more than one when tied). */
export function bestCandidates(cands: Candidate[]): number[] {
  const spread = spreadScores(cands.map((c) => c.sameOwner));
  const totals = cands.map((c, i) => c.leastAllocated + 2 * spread[i]);
  const best = Math.max(...totals);
  return totals.flatMap((t, i) => (t === best ? [i] : []));
}
