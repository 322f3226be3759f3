/**
 * kube-aggregator's proxy: an APIService backed by a Service (`spec.service`) adds its group version
 * to the API once its Available condition is True, and requests under `/apis/GROUP/VERSION` go to
 * one of the Service's endpoints, whose answer is passed back as is. The availability checks call
 * the backend's discovery through the same path (see controllers/apiservice).
 * Models staging/src/k8s.io/kube-aggregator/pkg/apiserver/handler_proxy.go.
 */
import type { HttpResponse, Network } from '../kernel/net.js';
import type { ApiClient, KubeObject, ResourceInfo, Service } from './types.js';

export interface AggregatedGroup {
  group: string;
  version: string;
  resources: ResourceInfo[];
}

/** What the apiserver answers when it proxies a request (`code` and the backend's body). */
export interface ProxiedText {
  code: number;
  contentType: string;
  body: string;
}

interface ApiServiceObj extends KubeObject {
  spec?: { group?: string; version?: string; service?: { namespace?: string; name?: string; port?: number } };
  status?: { conditions?: { type: string; status: string }[] };
}

/** How the aggregator dials a Service: its ClusterIP and port (443 unless the APIService says). */
export function callService(api: ApiClient, network: Network, ref: { namespace?: string; name?: string; port?: number }, path: string): HttpResponse | string {
  const svc = api.get<Service & KubeObject>('services', ref.namespace ?? '', ref.name ?? '');
  if (!svc.ok) return `service "${ref.name}" not found`;
  const port = ref.port ?? 443;
  const ip = svc.value.spec?.clusterIP;
  const listener = ip ? network.connect(ip, port) : 'ECONNREFUSED';
  if (typeof listener === 'string') return `dial tcp ${ip}:${port}: connect: connection refused`;
  if (!listener.http) return `Get "https://${ip}:${port}${path}": EOF`;
  const r = listener.http({ method: 'GET', path, headers: { Host: `${ref.name}.${ref.namespace}.svc:${port}`, 'User-Agent': 'kube-aggregator/v1.32.0', Accept: 'application/json' }, remoteAddr: '10.244.0.1' });
  // A backend that does not answer at once is one the proxy gives up on.
  if ('subscribe' in r) return `Get "https://${ip}:${port}${path}": context deadline exceeded`;
  return r;
}

function isAvailable(o: ApiServiceObj): boolean {
  return !!o.spec?.service && (o.status?.conditions ?? []).some((c) => c.type === 'Available' && c.status === 'True');
}

export class Aggregator {
  constructor(
    private readonly api: ApiClient,
    private readonly network: Network,
  ) {}

  private services(): ApiServiceObj[] {
    const r = this.api.list<ApiServiceObj>('apiservices', undefined);
    return r.ok ? r.value.items.filter(isAvailable) : [];
  }

  /** The group versions served by available APIServices, their resources from the backends' discovery. */
  groups(): AggregatedGroup[] {
    const out: AggregatedGroup[] = [];
    for (const s of this.services()) {
      const group = s.spec?.group ?? '';
      const version = s.spec?.version ?? '';
      const r = callService(this.api, this.network, s.spec?.service ?? {}, `/apis/${group}/${version}`);
      if (typeof r === 'string' || r.status !== 200) continue;
      let list: { resources?: { name: string; singularName?: string; namespaced?: boolean; kind?: string; verbs?: string[]; shortNames?: string[] }[] };
      try {
        list = JSON.parse(r.body) as typeof list;
      } catch {
        continue;
      }
      const resources = (list.resources ?? [])
        .filter((x) => !x.name.includes('/'))
        .map((x) => ({ resource: x.name, singular: x.singularName || x.name.replace(/s$/, ''), kind: x.kind ?? '', group, version, namespaced: !!x.namespaced, shortNames: x.shortNames ?? [], verbs: x.verbs ?? [] }));
      out.push({ group, version, resources });
    }
    return out;
  }

  /** The backend's answer to a GET under an available aggregated group version; undefined for other paths. */
  proxyGet(pathAndQuery: string): ProxiedText | undefined {
    const m = /^\/apis\/([^/]+)\/([^/?]+)(?:[/?]|$)/.exec(pathAndQuery);
    if (!m) return undefined;
    const s = this.services().find((x) => x.spec?.group === m[1] && x.spec?.version === m[2]);
    if (!s) return undefined;
    const r = callService(this.api, this.network, s.spec?.service ?? {}, pathAndQuery);
    if (typeof r === 'string') return { code: 503, contentType: 'text/plain; charset=utf-8', body: `error trying to reach service: ${r}\n` };
    return { code: r.status, contentType: r.headers?.['Content-Type'] ?? 'application/json', body: r.body };
  }
}
