/**
 * The cluster as the page's cluster view shows it: nodes, pods with containers and probe results, events.
 * Objects of the cluster's own namespaces (kube-system's CoreDNS, …) are left out, as `kubectl get`
 * leaves them out without -A: the view, the hands-on checks and the demo steps' waits are about the reader's.
 */
import { SYSTEM_NAMESPACES } from '../api/bootstrap.js';
import type { ApiClient, ContainerStatus, Deployment, Event, KubeObject, Node, Pod, ReplicaSet } from '../api/types.js';
import { podSummary } from '../tables/pods.js';
import type { ClusterSnapshot, ContainerView, EventView, PodView, WorkloadView } from './sandbox-types.js';
import type { ContainerTimeline } from './timeline.js';

export type ProbeLookup = (node: string | undefined, podUid: string) => Record<string, { liveness?: string; readiness?: string; startup?: string }>;
export type TimelineLookup = (podUid: string, container: string) => ContainerTimeline | undefined;

const GO_DURATION_PART = /(\d+(?:\.\d+)?)(h|ms|m|s)/g;
const UNIT_MS: Record<string, number> = { h: 3_600_000, m: 60_000, s: 1000, ms: 1 };

/** Milliseconds of a Go duration string (`40s`, `2m40s`, `5m0s`). */
export function goDurationMs(text: string): number {
  let ms = 0;
  for (const [, n, unit] of text.matchAll(GO_DURATION_PART)) ms += Number(n) * UNIT_MS[unit];
  return ms;
}

/**
 * The kubelet restarts a crash-looping container once its back-off has passed since the last exit
 * (the waiting message names the back-off; the timeline knows the exit to the millisecond).
 */
function backoffOf(st: ContainerStatus | undefined, timeline: ContainerTimeline | undefined): ContainerView['backoff'] {
  const w = st?.state?.waiting;
  const d = w?.reason === 'CrashLoopBackOff' ? /^back-off (\S+) /.exec(w.message ?? '')?.[1] : undefined;
  if (!d) return undefined;
  const exited = [...(timeline?.spans ?? [])].reverse().find((s) => s.state === 'terminated')?.from ?? Date.parse(String(st?.lastState?.terminated?.finishedAt ?? ''));
  if (!Number.isFinite(exited)) return undefined;
  const ms = goDurationMs(d);
  return { ms, until: exited + ms };
}

function containerView(name: string, image: string, init: boolean, st: ContainerStatus | undefined, probes: ContainerView['probes'], timeline: ContainerTimeline | undefined): ContainerView {
  const state = st?.state?.running ? 'running' : st?.state?.terminated ? 'terminated' : 'waiting';
  return {
    name,
    init,
    image,
    state,
    reason: st?.state?.waiting?.reason ?? st?.state?.terminated?.reason,
    exitCode: st?.state?.terminated?.exitCode,
    ready: st?.ready ?? false,
    restarts: st?.restartCount ?? 0,
    probes,
    timeline,
    backoff: backoffOf(st, timeline),
  };
}

function podView(pod: Pod, probes: ProbeLookup, timelines: TimelineLookup): PodView {
  const s = podSummary(pod);
  const uid = pod.metadata?.uid ?? '';
  const results = probes(pod.spec?.nodeName, uid);
  const view = (c: { name: string; image?: string }, init: boolean) => containerView(c.name, c.image ?? '', init, statuses.get(c.name), results[c.name] ?? {}, timelines(uid, c.name));
  const statuses = new Map([...(pod.status?.containerStatuses ?? []), ...(pod.status?.initContainerStatuses ?? [])].map((c) => [c.name, c]));
  const owner = pod.metadata?.ownerReferences?.[0];
  return {
    namespace: pod.metadata?.namespace ?? 'default',
    name: pod.metadata?.name ?? '',
    node: pod.spec?.nodeName,
    ip: pod.status?.podIP,
    phase: pod.status?.phase ?? 'Pending',
    status: pod.metadata?.deletionTimestamp ? 'Terminating' : s.reason,
    ready: `${s.ready}/${s.total}`,
    restarts: s.restarts,
    deleting: !!pod.metadata?.deletionTimestamp,
    owner: owner ? `${owner.kind}/${owner.name}` : undefined,
    containers: [
      ...(pod.spec?.initContainers ?? []).map((c) => view(c, true)),
      ...(pod.spec?.containers ?? []).map((c) => view(c, false)),
    ],
  };
}

function eventView(e: Event): EventView {
  const t = e.lastTimestamp ?? e.eventTime ?? e.metadata?.creationTimestamp;
  const o = e.involvedObject;
  return {
    time: t ? Date.parse(String(t)) : 0,
    type: e.type ?? 'Normal',
    reason: e.reason ?? '',
    object: `${(o?.kind ?? '').toLowerCase()}/${o?.name ?? ''}`,
    message: e.message ?? '',
    count: e.count ?? 1,
  };
}

function workloadView(kind: WorkloadView['kind'], o: (Deployment | ReplicaSet) & KubeObject): WorkloadView {
  const owner = o.metadata.ownerReferences?.find((r) => r.controller) ?? o.metadata.ownerReferences?.[0];
  return {
    kind,
    namespace: o.metadata.namespace ?? 'default',
    name: o.metadata.name ?? '',
    owner: owner ? `${owner.kind}/${owner.name}` : undefined,
    replicas: o.spec?.replicas ?? 1,
    ready: o.status?.readyReplicas ?? 0,
  };
}

function readers(o: KubeObject): boolean {
  const ns = o.metadata.namespace ?? 'default';
  return ns === 'default' || !SYSTEM_NAMESPACES.includes(ns);
}

export function clusterSnapshot(api: ApiClient, now: number, speed: number, probes: ProbeLookup, timelines: TimelineLookup = () => undefined): ClusterSnapshot {
  const list = <T extends KubeObject>(r: string) => {
    const res = api.list<T>(r, undefined);
    return res.ok ? res.value.items.filter(readers) : [];
  };
  const nodes = list<Node & KubeObject>('nodes').map((n) => ({
    name: n.metadata.name ?? '',
    ready: (n.status?.conditions ?? []).some((c) => c.type === 'Ready' && c.status === 'True'),
    controlPlane: Object.hasOwn(n.metadata.labels ?? {}, 'node-role.kubernetes.io/control-plane'),
  }));
  const pods = list<Pod & KubeObject>('pods').map((p) => podView(p, probes, timelines));
  const workloads = [
    ...list<Deployment & KubeObject>('deployments').map((d) => workloadView('Deployment', d)),
    ...list<ReplicaSet & KubeObject>('replicasets').map((r) => workloadView('ReplicaSet', r)),
  ];
  const events = list<Event & KubeObject>('events')
    .map(eventView)
    .sort((a, b) => a.time - b.time);
  return { now, speed, nodes, pods, workloads, events };
}
