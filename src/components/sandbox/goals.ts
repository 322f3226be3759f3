/**
 * Hands-on checks: each page's exercise is judged from the cluster's state (snapshots), never from
 * what was typed. A check passes only on a steady state of the exercise's own pods: Ready for
 * STEADY_MS of cluster time in a row with no new restart, so a crash loop's few Ready seconds
 * after each restart (or a container's retries before it gives up) never count. History ("crashed,
 * then recovered") and the start of the steady spell are kept in `memory`.
 */
import type { ClusterSnapshot, PodView } from 'podsim';

export type GoalMemory = Record<string, number | boolean | string>;

export interface Goal {
  /** Updates memory from a snapshot and says whether the goal is reached. */
  check(snap: ClusterSnapshot, memory: GoalMemory): boolean;
}

/** How long (cluster time) the exercise's pods must stay Ready with no restart. */
export const STEADY_MS = 30_000;

const allReady = (p: PodView) => p.phase === 'Running' && !p.deleting && p.containers.length > 0 && p.containers.every((c) => c.init || c.ready);

/**
 * True once `state` (undefined: not good) has stayed the same for STEADY_MS. The state names what
 * must not change meanwhile (pods and their restart counts), so a restart starts the count again.
 */
function steady(memory: GoalMemory, snap: ClusterSnapshot, state: string | undefined): boolean {
  if (memory.done === true) return true;
  if (state === undefined || memory.state !== state) {
    memory.state = state ?? '';
    memory.since = snap.now;
    return false;
  }
  if (snap.now - Number(memory.since) < STEADY_MS) return false;
  memory.done = true;
  return true;
}

/** The pods' names and restarts when every pod is Ready (and there is one), else undefined. */
function readyState(pods: PodView[]): string | undefined {
  if (pods.length === 0 || !pods.every(allReady)) return undefined;
  return pods.map((p) => `${p.name}:${p.containers.map((c) => c.restarts).join(',')}`).join(' ');
}

const named = (snap: ClusterSnapshot, name: string) => snap.pods.filter((p) => p.name === name && p.namespace === 'default');

export const GOALS: Record<string, Goal> = {
  /** Pods page: my-pod (the exercise's file) running and Ready. */
  'pod-ready': {
    check: (snap, memory) => steady(memory, snap, readyState(named(snap, 'my-pod'))),
  },
  /** Multi-container page: port-conflict-pod fixed, with at least two (non-init) containers, all Ready. */
  'multi-container-ready': {
    check: (snap, memory) => {
      const pods = named(snap, 'port-conflict-pod').filter((p) => p.containers.filter((c) => !c.init).length >= 2);
      return steady(memory, snap, readyState(pods));
    },
  },
  /** Lifecycle page: crash-pod went into CrashLoopBackOff, and later (changed) runs steadily. */
  'crashloop-then-running': {
    check(snap, memory) {
      const pods = named(snap, 'crash-pod');
      if (pods.some((p) => p.containers.some((c) => c.reason === 'CrashLoopBackOff'))) memory.crashed = true;
      return steady(memory, snap, memory.crashed === true ? readyState(pods) : undefined);
    },
  },
  /** Probes page: every pod of the hello-world Deployment Ready, with passing probes. */
  'probes-fixed': {
    check: (snap, memory) => {
      const pods = snap.pods.filter((p) => /^ReplicaSet\/hello-world-[a-z0-9]+$/.test(p.owner ?? ''));
      const passing = pods.every((p) => p.containers.every((c) => c.probes.readiness !== 'failure' && c.probes.liveness !== 'failure'));
      return steady(memory, snap, passing ? readyState(pods) : undefined);
    },
  },
};
