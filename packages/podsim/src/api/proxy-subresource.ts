/**
 * The pods/NAME/proxy, services/NAME/proxy and nodes/NAME/proxy subresources: the API server dials the
 * pod's address, one ready endpoint of the Service or the node's kubelet, and passes the answer back (kubectl proxy's and cluster-info's
 * `/api/v1/namespaces/NS/services/NAME:PORT/proxy/` URLs). The ID is `name`, `name:port` or
 * `scheme:name:port`; a Service's port is given by number or name and, left out, is its unnamed port.
 * Models pkg/registry/core/pod/strategy.go, node/strategy.go and pkg/registry/core/service/storage/storage.go
 * ResourceLocation and the proxy handler's "error trying to reach service" answer.
 */
import type { HttpRequest, HttpResponse, Network } from '../kernel/net.js';
import type { Waitable } from '../kernel/waitable.js';
import { badRequest, notFound, unavailable } from './status.js';
import type { ApiClient, KubeObject, Status } from './types.js';

const PROXY_PATH = /^\/api\/v1\/namespaces\/([^/]+)\/(pods|services)\/([^/]+)\/proxy(\/.*)?$/;
const NODE_PROXY_PATH = /^\/api\/v1\/nodes\/([^/]+)\/proxy(\/.*)?$/;

/** What the API server does with a proxy request: refuse it with a Status, or pass the backend's answer on. */
export type ProxyOutcome = { refused: Status } | { answer: HttpResponse | Waitable<HttpResponse> };

interface Target {
  ip: string;
  port: number;
}

/** `name`, `name:port` or `scheme:name:port` (apimachinery util/net SplitSchemeNamePort). */
function splitId(id: string): { name: string; port: string } | undefined {
  const parts = id.split(':');
  if (parts.length === 1) return { name: parts[0], port: '' };
  if (parts.length === 2) return { name: parts[0], port: parts[1] };
  if (parts.length === 3 && ['', 'http', 'https'].includes(parts[0])) return { name: parts[1], port: parts[2] };
  return undefined;
}

type PodObj = KubeObject & { spec?: { containers?: { ports?: { containerPort: number }[] }[] }; status?: { podIP?: string } };

function podTarget(api: ApiClient, ns: string, name: string, port: string): Target | Status {
  const got = api.get<PodObj>('pods', ns, name);
  if (!got.ok) return got.status;
  const ip = got.value.status?.podIP ?? '';
  if (!/^\d+\.\d+\.\d+\.\d+$/.test(ip)) return badRequest('address not allowed');
  const first = (got.value.spec?.containers ?? []).find((c) => c.ports?.length)?.ports?.[0]?.containerPort;
  return { ip, port: Number(port || first || 80) };
}

type SvcObj = KubeObject & { spec?: { ports?: { name?: string; port: number }[] } };
type EndpointsObj = KubeObject & { subsets?: { addresses?: { ip: string }[]; ports?: { name?: string; port: number }[] }[] };

function serviceTarget(api: ApiClient, ns: string, name: string, port: string): Target | Status {
  const svc = api.get<SvcObj>('services', ns, name);
  if (!svc.ok) return svc.status;
  let portName = port;
  if (/^\d+$/.test(port)) {
    const p = (svc.value.spec?.ports ?? []).find((x) => x.port === Number(port));
    if (!p) return unavailable(`no service port ${port} found for service "${name}"`);
    portName = p.name ?? '';
  }
  const eps = api.get<EndpointsObj>('endpoints', ns, name);
  if (!eps.ok) return eps.status.code === 404 ? notFound('endpoints', name) : eps.status;
  for (const ss of eps.value.subsets ?? []) {
    const p = (ss.ports ?? []).find((x) => (x.name ?? '') === portName);
    const addr = ss.addresses?.[0];
    if (p && addr) return { ip: addr.ip, port: p.port };
  }
  return unavailable(`no endpoints available for service "${name}"`);
}

/** The resource part of a proxy path (`/api/v1/namespaces/NS/pods/ID/proxy`), for authorization; else undefined. */
export function proxyResourcePath(path: string): string | undefined {
  const m = PROXY_PATH.exec(path) ?? NODE_PROXY_PATH.exec(path);
  const rest = m?.[m.length - 1] ?? '';
  return m ? path.slice(0, path.length - rest.length) : undefined;
}

type NodeObj = KubeObject & { status?: { addresses?: { type: string; address: string }[]; daemonEndpoints?: { kubeletEndpoint?: { Port?: number } } } };

/** kubeadm's --kubelet-preferred-address-types. */
const KUBELET_ADDRESS_TYPES = ['InternalIP', 'ExternalIP', 'Hostname'];

/** The kubelet of node `name` (nodes/strategy.go ResourceLocation): its preferred address, the port it reports or `port`. */
function nodeTarget(api: ApiClient, name: string, port: string): Target | Status {
  const got = api.get<NodeObj>('nodes', undefined, name);
  if (!got.ok) return got.status;
  const addresses = got.value.status?.addresses ?? [];
  const ip = KUBELET_ADDRESS_TYPES.map((t) => addresses.find((a) => a.type === t)).find((a) => a)?.address ?? '';
  return { ip, port: Number(port || got.value.status?.daemonEndpoints?.kubeletEndpoint?.Port || 10250) };
}

/**
 * What the API server does with `req` (its path relative to the API) when it is for a proxy
 * subresource; undefined for any other path.
 */
export function proxySubresource(api: ApiClient, network: Network, req: HttpRequest): ProxyOutcome | undefined {
  const [path, query] = [req.path.split('?')[0], req.path.includes('?') ? req.path.slice(req.path.indexOf('?')) : ''];
  const node = NODE_PROXY_PATH.exec(path);
  const m = PROXY_PATH.exec(path);
  if (!m && !node) return undefined;
  const [ns, kind, id, rest] = m ? m.slice(1) : ['', 'nodes', node![1], node![2]];
  const split = splitId(decodeURIComponent(id));
  if (!split) return { refused: badRequest(`invalid ${kind.slice(0, -1)} request "${id}"`) };
  const target = kind === 'nodes' ? nodeTarget(api, split.name, split.port) : kind === 'pods' ? podTarget(api, ns, split.name, split.port) : serviceTarget(api, ns, split.name, split.port);
  if (!('ip' in target)) return { refused: target };
  // The API server dials a kubelet over TLS with its apiserver-kubelet-client certificate.
  if (kind === 'nodes') return answer(network, target, { ...req, path: (rest ?? '/') + query, clientCert: 'kube-apiserver-kubelet-client' });
  // The API server dials from the control plane's end of the pod network.
  return answer(network, target, { ...req, path: (rest ?? '/') + query, remoteAddr: '10.244.0.1' });
}

function answer(network: Network, target: Target, req: HttpRequest): ProxyOutcome {
  const listener = network.connect(target.ip, target.port);
  if (typeof listener === 'string' || !listener.http) {
    const why = listener === 'EHOSTUNREACH' ? 'no route to host' : 'connection refused';
    return { refused: unavailable(`error trying to reach service: dial tcp ${target.ip}:${target.port}: connect: ${why}`) };
  }
  return { answer: listener.http(req) };
}
