/**
 * Hands-on checks: each page's exercise is judged from the cluster's state (snapshots), never from
 * what was typed. Some goals need history ("crashed, then recovered"), kept in `memory`.
 */
import type { ClusterSnapshot, PodView } from 'podsim';

export type GoalMemory = Record<string, boolean>;

export interface Goal {
  /** Updates memory from a snapshot and says whether the goal is reached. */
  check(snap: ClusterSnapshot, memory: GoalMemory): boolean;
}

const allReady = (p: PodView) => p.phase === 'Running' && !p.deleting && p.containers.length > 0 && p.containers.every((c) => c.init || c.ready);

export const GOALS: Record<string, Goal> = {
  /** Pods page: a pod named my-pod, running and Ready. */
  'pod-ready': {
    check: (snap) => snap.pods.some((p) => p.name === 'my-pod' && allReady(p)),
  },
  /** Multi-container page: one pod with at least two (non-init) containers, all Ready. */
  'multi-container-ready': {
    check: (snap) => snap.pods.some((p) => p.containers.filter((c) => !c.init).length >= 2 && allReady(p)),
  },
  /** Lifecycle page: a pod whose container went into CrashLoopBackOff, later Running and Ready. */
  'crashloop-then-running': {
    check(snap, memory) {
      for (const p of snap.pods) {
        const key = `${p.namespace}/${p.name}`;
        if (p.containers.some((c) => c.reason === 'CrashLoopBackOff')) memory[`crashed:${key}`] = true;
        if (memory[`crashed:${key}`] && allReady(p)) memory.done = true;
      }
      return memory.done === true;
    },
  },
  /** Probes page: the hello-world Deployment's pods Ready, with passing probes. */
  'probes-fixed': {
    check: (snap) => {
      const pods = snap.pods.filter((p) => (p.owner ?? '').includes('hello-world') && !p.deleting);
      return pods.length > 0 && pods.every((p) => allReady(p) && p.containers.every((c) => c.probes.readiness !== 'failure' && c.probes.liveness !== 'failure'));
    },
  },
};
