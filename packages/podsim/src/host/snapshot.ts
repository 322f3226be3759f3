/** The cluster as the page's cluster view shows it: nodes, pods with containers and probe results, events. */
import type { ApiClient, ContainerStatus, Event, KubeObject, Node, Pod } from '../api/types.js';
import { podSummary } from '../kubectl/tables/pods.js';
import type { ClusterSnapshot, ContainerView, EventView, PodView } from './sandbox-types.js';

export type ProbeLookup = (node: string | undefined, podUid: string) => Record<string, { liveness?: string; readiness?: string; startup?: string }>;

function containerView(name: string, image: string, init: boolean, st: ContainerStatus | undefined, probes: ContainerView['probes']): ContainerView {
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
  };
}

function podView(pod: Pod, probes: ProbeLookup): PodView {
  const s = podSummary(pod);
  const results = probes(pod.spec?.nodeName, pod.metadata?.uid ?? '');
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
      ...(pod.spec?.initContainers ?? []).map((c) => containerView(c.name, c.image ?? '', true, statuses.get(c.name), results[c.name] ?? {})),
      ...(pod.spec?.containers ?? []).map((c) => containerView(c.name, c.image ?? '', false, statuses.get(c.name), results[c.name] ?? {})),
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

export function clusterSnapshot(api: ApiClient, now: number, speed: number, probes: ProbeLookup): ClusterSnapshot {
  const list = <T extends KubeObject>(r: string) => {
    const res = api.list<T>(r, undefined);
    return res.ok ? res.value.items : [];
  };
  const nodes = list<Node & KubeObject>('nodes').map((n) => ({
    name: n.metadata.name ?? '',
    ready: (n.status?.conditions ?? []).some((c) => c.type === 'Ready' && c.status === 'True'),
    controlPlane: Object.hasOwn(n.metadata.labels ?? {}, 'node-role.kubernetes.io/control-plane'),
  }));
  const pods = list<Pod & KubeObject>('pods').map((p) => podView(p, probes));
  const events = list<Event & KubeObject>('events')
    .map(eventView)
    .sort((a, b) => a.time - b.time);
  return { now, speed, nodes, pods, events };
}
