/**
 * The Endpoints of a Service from its pods (k8s pkg/controller/endpoint/endpoints_controller.go,
 * pkg/api/v1/endpoints RepackSubsets): ready pods as addresses, unready as notReadyAddresses,
 * target ports resolved per pod (named ports looked up in its containers), pods grouped by port set.
 */
import type { Pod, Service } from '../../api/types.js';
import type { EndpointAddress, EndpointPort, EndpointSubset } from 'kubernetes-types/core/v1';
import { isPodReady, isTerminal } from '../shared/pods.js';

function resolvePort(pod: Pod, target: number | string | undefined, fallback: number): number | undefined {
  if (target === undefined) return fallback;
  if (typeof target === 'number') return target;
  if (/^\d+$/.test(target)) return Number(target);
  for (const c of pod.spec?.containers ?? []) for (const p of c.ports ?? []) if (p.name === target) return p.containerPort;
  return undefined;
}

export function endpointSubsets(svc: Service, pods: Pod[]): EndpointSubset[] {
  const publishNotReady = svc.spec?.publishNotReadyAddresses === true;
  const groups = new Map<string, { ports: EndpointPort[]; ready: EndpointAddress[]; notReady: EndpointAddress[] }>();
  for (const pod of pods) {
    if (!pod.status?.podIP || isTerminal(pod) || (pod.metadata?.deletionTimestamp && !publishNotReady)) continue;
    const ports: EndpointPort[] = [];
    for (const sp of svc.spec?.ports ?? []) {
      const port = resolvePort(pod, sp.targetPort, sp.port);
      if (port === undefined) continue;
      ports.push({ ...(sp.name ? { name: sp.name } : {}), port, protocol: sp.protocol ?? 'TCP' });
    }
    if ((svc.spec?.ports ?? []).length > 0 && ports.length === 0) continue;
    const sig = JSON.stringify(ports);
    let g = groups.get(sig);
    if (!g) groups.set(sig, (g = { ports, ready: [], notReady: [] }));
    // A pod whose subdomain names this Service is published under its hostname (its DNS A record).
    const hostname = pod.spec?.hostname && pod.spec.subdomain === svc.metadata?.name ? pod.spec.hostname : undefined;
    const addr: EndpointAddress = {
      ip: pod.status.podIP,
      ...(hostname ? { hostname } : {}),
      ...(pod.spec?.nodeName ? { nodeName: pod.spec.nodeName } : {}),
      targetRef: { kind: 'Pod', namespace: pod.metadata?.namespace, name: pod.metadata?.name, uid: pod.metadata?.uid },
    };
    (isPodReady(pod) || publishNotReady ? g.ready : g.notReady).push(addr);
  }
  const byIp = (a: EndpointAddress, b: EndpointAddress) => compareIp(a.ip, b.ip);
  return [...groups.values()].map((g) => ({
    ...(g.ready.length ? { addresses: g.ready.sort(byIp) } : {}),
    ...(g.notReady.length ? { notReadyAddresses: g.notReady.sort(byIp) } : {}),
    ...(g.ports.length ? { ports: g.ports } : {}),
  }));
}

function compareIp(a: string, b: string): number {
  const pa = a.split('.').map(Number);
  const pb = b.split('.').map(Number);
  for (let i = 0; i < 4; i++) if (pa[i] !== pb[i]) return (pa[i] ?? 0) - (pb[i] ?? 0);
  return 0;
}

/** Ready (ip, port) pairs serving service port `port` and the node each is on, for the cluster network's round robin. */
export function backendsFor(svc: Service, subsets: readonly EndpointSubset[] | undefined, port: number): { ip: string; port: number; nodeName?: string }[] {
  const sp = (svc.spec?.ports ?? []).find((p) => p.port === port);
  if (!sp) return [];
  const out: { ip: string; port: number; nodeName?: string }[] = [];
  for (const s of subsets ?? []) {
    const ep = (s.ports ?? []).find((p) => (p.name ?? '') === (sp.name ?? ''));
    if (!ep) continue;
    for (const a of s.addresses ?? []) out.push({ ip: a.ip, port: ep.port, nodeName: a.nodeName });
  }
  return out;
}
