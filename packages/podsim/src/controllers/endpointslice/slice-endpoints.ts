/**
 * The endpoints and ports of a Service's EndpointSlice from its pods (k8s pkg/controller/endpointslice,
 * staging endpointslice/utils.go podToEndpoint): every pod with an IP, with ready/serving/terminating
 * conditions, named target ports resolved per pod; the hostname of a pod whose subdomain names the
 * Service (ShouldSetHostname), the zone of its node's topology.kubernetes.io/zone label when it has one
 * (a cloud provider sets it; a kubeadm node has none).
 */
import type { Pod, Service } from '../../api/types.js';
import { isPodReady, isTerminal } from '../shared/pods.js';
import type { Any } from '../../api/objects.js';

function targetPort(pod: Pod, target: number | string | undefined, fallback: number): number | undefined {
  if (target === undefined) return fallback;
  if (typeof target === 'number') return target;
  for (const c of pod.spec?.containers ?? []) for (const p of c.ports ?? []) if (p.name === target) return p.containerPort;
  return undefined;
}

/** Slices group pods by their resolved port set; one slice per distinct set. */
export function sliceGroups(svc: Service, pods: Pod[], zoneOf: (node: string) => string | undefined): { ports: Any[]; endpoints: Any[] }[] {
  const groups = new Map<string, { ports: Any[]; endpoints: Any[] }>();
  const publishNotReady = svc.spec?.publishNotReadyAddresses === true;
  for (const pod of pods) {
    if (!pod.status?.podIP || isTerminal(pod)) continue;
    const ports: Any[] = [];
    for (const sp of svc.spec?.ports ?? []) {
      const port = targetPort(pod, sp.targetPort, sp.port);
      if (port !== undefined) ports.push({ name: sp.name ?? '', port, protocol: sp.protocol ?? 'TCP' });
    }
    const sig = JSON.stringify(ports);
    let g = groups.get(sig);
    if (!g) groups.set(sig, (g = { ports, endpoints: [] }));
    const terminating = !!pod.metadata?.deletionTimestamp;
    const ready = isPodReady(pod);
    const hostname = pod.spec?.hostname && pod.spec.subdomain === svc.metadata?.name ? pod.spec.hostname : undefined;
    const zone = pod.spec?.nodeName ? zoneOf(pod.spec.nodeName) : undefined;
    g.endpoints.push({
      addresses: [pod.status.podIP],
      conditions: { ready: publishNotReady || (ready && !terminating), serving: ready, terminating },
      ...(hostname ? { hostname } : {}),
      ...(pod.spec?.nodeName ? { nodeName: pod.spec.nodeName } : {}),
      targetRef: { kind: 'Pod', name: pod.metadata?.name, namespace: pod.metadata?.namespace, uid: pod.metadata?.uid },
      ...(zone ? { zone } : {}),
    });
  }
  return [...groups.values()];
}
