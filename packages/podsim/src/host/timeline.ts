/**
 * A bounded history of each container, recorded from what the API shows as it changes: state spans
 * (waiting with reason / running / terminated with exit code) on the cluster clock, restarts, and
 * every probe attempt with its result (the kubelets' prober metrics: the kubelet writes an event only
 * for a failure). The cluster view draws it; nothing in the cluster reads it back.
 */
import type { ApiClient, ContainerStatus, KubeObject, Pod, WatchEvent } from '../api/types.js';
import type { ProbeAttempt, ProbeAttemptListener, ProbeKind, ProbeResult } from '../kubelet/probes/types.js';

export interface TimelineSpan {
  from: number;
  /** Unset while this is the container's current state. */
  to?: number;
  state: 'waiting' | 'running' | 'terminated';
  reason?: string;
  exitCode?: number;
}

export interface ProbeTick {
  at: number;
  kind: ProbeKind;
  /** Unknown: the probe could not run (an errored attempt). */
  result: ProbeResult;
}

export interface ContainerTimeline {
  spans: TimelineSpan[];
  /** When each restart (a new instance after the first) was seen. */
  restarts: number[];
  /** Probe attempts, oldest first. */
  probes: ProbeTick[];
}

/** Limits that keep a long session's memory flat: oldest entries go first (probes: 10 min of two 5 s probes). */
export const TIMELINE_LIMITS = { spans: 40, restarts: 40, probes: 240, pods: 60 };

interface PodRecord {
  containers: Map<string, ContainerTimeline & { restartCount: number; key: string }>;
  /** Set once the pod is gone; gone pods are dropped before live ones. */
  goneAt?: number;
}

function stateOf(st: ContainerStatus): Omit<TimelineSpan, 'from' | 'to'> {
  if (st.state?.running) return { state: 'running' };
  const t = st.state?.terminated;
  if (t) return { state: 'terminated', reason: t.reason, exitCode: t.exitCode };
  return { state: 'waiting', reason: st.state?.waiting?.reason };
}

function pushBounded<T>(list: T[], item: T, max: number): void {
  list.push(item);
  if (list.length > max) list.splice(0, list.length - max);
}

export class TimelineRecorder {
  private readonly pods = new Map<string, PodRecord>();

  constructor(
    api: ApiClient,
    private readonly now: () => number,
    probeAttempts: (listener: ProbeAttemptListener) => void,
  ) {
    api.watch<Pod & KubeObject>('pods', undefined, (ev) => this.onPod(ev));
    probeAttempts((a) => this.onProbe(a));
  }

  /** The recorded history of one container (copies, safe to hand out). */
  get(podUid: string, container: string): ContainerTimeline | undefined {
    const c = this.pods.get(podUid)?.containers.get(container);
    return c && { spans: c.spans.map((s) => ({ ...s })), restarts: [...c.restarts], probes: c.probes.map((p) => ({ ...p })) };
  }

  private record(uid: string): PodRecord {
    let r = this.pods.get(uid);
    if (!r) {
      r = { containers: new Map() };
      this.pods.set(uid, r);
      this.prune();
    }
    return r;
  }

  private prune(): void {
    if (this.pods.size <= TIMELINE_LIMITS.pods) return;
    const gone = [...this.pods].filter(([, r]) => r.goneAt !== undefined).sort((a, b) => a[1].goneAt! - b[1].goneAt!);
    const victim = gone[0]?.[0] ?? this.pods.keys().next().value;
    if (victim !== undefined) this.pods.delete(victim);
  }

  private container(uid: string, name: string) {
    const pod = this.record(uid);
    let c = pod.containers.get(name);
    if (!c) pod.containers.set(name, (c = { spans: [], restarts: [], probes: [], restartCount: 0, key: '' }));
    return c;
  }

  private onPod(ev: WatchEvent<Pod>): void {
    const uid = ev.object.metadata?.uid;
    if (!uid) return;
    const now = this.now();
    if (ev.type === 'DELETED') {
      const r = this.pods.get(uid);
      if (!r) return;
      r.goneAt = now;
      for (const c of r.containers.values()) {
        const last = c.spans[c.spans.length - 1];
        if (last && last.to === undefined) last.to = now;
      }
      return;
    }
    const statuses = [...(ev.object.status?.initContainerStatuses ?? []), ...(ev.object.status?.containerStatuses ?? [])];
    for (const st of statuses) {
      const c = this.container(uid, st.name);
      const state = stateOf(st);
      // A restart starts a new span even when the status goes straight from running to running.
      const key = JSON.stringify(state) + (st.restartCount ?? 0);
      if (key !== c.key) {
        const last = c.spans[c.spans.length - 1];
        if (last && last.to === undefined) last.to = now;
        pushBounded(c.spans, { from: now, ...state }, TIMELINE_LIMITS.spans);
        c.key = key;
      }
      const count = st.restartCount ?? 0;
      if (count > c.restartCount) pushBounded(c.restarts, now, TIMELINE_LIMITS.restarts);
      c.restartCount = count;
    }
  }

  private onProbe(a: ProbeAttempt): void {
    // A pod already dropped from the record (or never seen) is not brought back by its probes.
    if (!this.pods.has(a.podUid)) return;
    pushBounded(this.container(a.podUid, a.container).probes, { at: this.now(), kind: a.kind, result: a.result }, TIMELINE_LIMITS.probes);
  }
}
