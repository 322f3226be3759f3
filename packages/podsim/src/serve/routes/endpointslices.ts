/**
 * discovery.k8s.io/v1 EndpointSlices, which `kubectl describe service` (1.32) reads for its
 * Endpoints line. podsim's controllers keep core Endpoints; each subset is shown as one slice.
 */
import type { ApiServer } from '../../api/server.js';
import { parseLabelSelector } from '../../api/selectors.js';
import { badRequest } from '../../api/status.js';
import type { Endpoints, KubeObject } from '../../api/types.js';
import { statusReply, type Reply } from '../http.js';

const SLICES_PATH = /^\/apis\/discovery\.k8s\.io\/v1\/(?:namespaces\/([^/]+)\/)?endpointslices$/;

function slicesOf(ep: Endpoints & KubeObject): KubeObject[] {
  const svc = ep.metadata.name ?? '';
  return (ep.subsets ?? []).map((s, i) => ({
    apiVersion: 'discovery.k8s.io/v1',
    kind: 'EndpointSlice',
    metadata: {
      name: `${svc}-${i}`,
      namespace: ep.metadata.namespace,
      labels: { 'endpointslice.kubernetes.io/managed-by': 'endpointslice-controller.k8s.io', 'kubernetes.io/service-name': svc },
      creationTimestamp: ep.metadata.creationTimestamp,
      resourceVersion: ep.metadata.resourceVersion,
    },
    addressType: 'IPv4',
    endpoints: [
      ...(s.addresses ?? []).map((a) => ({ addresses: [a.ip], conditions: { ready: true, serving: true, terminating: false }, nodeName: a.nodeName, targetRef: a.targetRef })),
      ...(s.notReadyAddresses ?? []).map((a) => ({ addresses: [a.ip], conditions: { ready: false, serving: false, terminating: false }, nodeName: a.nodeName, targetRef: a.targetRef })),
    ],
    ports: (s.ports ?? []).map((p) => ({ name: p.name ?? '', port: p.port, protocol: p.protocol ?? 'TCP' })),
  }));
}

export function endpointSlices(api: ApiServer, path: string, q: URLSearchParams): Reply | undefined {
  const m = SLICES_PATH.exec(path);
  if (!m) return undefined;
  const sel = parseLabelSelector(q.get('labelSelector') ?? '');
  if (!sel.ok) return statusReply(badRequest(sel.message));
  const eps = api.list<Endpoints & KubeObject>('endpoints', m[1] ? decodeURIComponent(m[1]) : undefined);
  if (!eps.ok) return statusReply(eps.status);
  const items = eps.value.items.flatMap(slicesOf).filter((s) => sel.matches(s.metadata.labels));
  return { code: 200, body: { kind: 'EndpointSliceList', apiVersion: 'discovery.k8s.io/v1', metadata: { resourceVersion: eps.value.metadata.resourceVersion }, items } };
}
