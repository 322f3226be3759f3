/**
 * Read-only REST: what the API server answers to a GET, as text the way it writes it (a compact JSON
 * line, or indented for curl/Wget and ?pretty, /version always indented, "ok" for the health
 * checks). `kubectl get --raw` and `kubectl proxy` serve the reader from it.
 */
import type { HttpRequest, HttpResponse } from '../../kernel/net.js';
import type { Waitable } from '../../kernel/waitable.js';
import { resourceNotFound, unavailable } from '../status.js';
import type { ApiClient, KubeObject, ObjectList, Status } from '../types.js';
import { componentMetricsText, METRICS_CONTENT_TYPE } from '../metrics/component-metrics.js';
import { discovery } from './discovery.js';
import { goJsonText } from './json.js';
import { parseResourcePath } from './path.js';
import { asVersion } from '../versions/index.js';
import { statusReply, type Reply } from './reply.js';

export interface RestGetOptions {
  accept?: string;
  userAgent?: string;
  /** host:port of the API server, for /api's serverAddressByClientCIDRs. */
  serverAddress: string;
}

export interface RestText {
  code: number;
  contentType: string;
  body: string;
}

const HEALTH = new Set(['/healthz', '/livez', '/readyz']);

function withFields(api: ApiClient, resource: string, apiVersion: string, o: KubeObject): KubeObject {
  const entries = api.managedFields?.(o);
  return asVersion(resource, apiVersion, entries ? { ...o, metadata: { ...o.metadata, managedFields: entries } } : o);
}

function resource(api: ApiClient, path: string, q: URLSearchParams): Reply {
  const p = parseResourcePath(path);
  if (!p || (p.subresource && p.subresource !== 'status')) return statusReply(resourceNotFound());
  if (p.name) {
    const r = api.get(p.info.resource, p.namespace, p.name);
    return r.ok ? { code: 200, body: withFields(api, p.info.resource, p.apiVersion, r.value) } : statusReply(r.status);
  }
  const r = api.list(p.info.resource, p.namespace, { labelSelector: q.get('labelSelector') ?? undefined, fieldSelector: q.get('fieldSelector') ?? undefined });
  return r.ok ? { code: 200, body: restList({ ...r.value, apiVersion: p.apiVersion }, (o) => withFields(api, p.info.resource, p.apiVersion, o)) } : statusReply(r.status);
}

/** A list as the apiserver writes it: TypeMeta first, items without their own kind and apiVersion. */
export function restList(list: ObjectList<KubeObject>, item: (o: KubeObject) => KubeObject = (o) => o): Record<string, unknown> {
  const { kind, apiVersion, metadata } = list;
  const items = list.items.map((o) => {
    const copy: Record<string, unknown> = { ...item(o) };
    delete copy.kind;
    delete copy.apiVersion;
    return copy;
  });
  return { kind, apiVersion, metadata, items };
}

/**
 * A proxy subresource's answer for servers that can wait for it (the network listener, kubectl proxy):
 * the backend's, or the refusal written as the server writes a Status. Undefined for other paths.
 */
export function proxyAnswer(api: ApiClient, req: HttpRequest, pretty: boolean): HttpResponse | Waitable<HttpResponse> | undefined {
  const r = api.proxySubresource?.(req);
  if (!r) return undefined;
  if ('answer' in r) return r.answer;
  return { status: r.refused.code ?? 500, headers: { 'Content-Type': 'application/json' }, body: goJsonText(r.refused, pretty) };
}

/** The same for a caller that cannot wait: a backend that does not answer at once is given up on. */
function proxyReply(api: ApiClient, url: URL, opts: RestGetOptions): { text: RestText } | { refused: Status } | undefined {
  const r = api.proxySubresource?.({ method: 'GET', path: url.pathname + url.search, headers: { 'User-Agent': opts.userAgent ?? '', Accept: opts.accept ?? '*/*' }, remoteAddr: '' });
  if (!r || 'refused' in r) return r;
  if ('subscribe' in r.answer) return { refused: unavailable('error trying to reach service: context deadline exceeded') };
  return { text: { code: r.answer.status, contentType: r.answer.headers?.['Content-Type'] ?? 'text/plain; charset=utf-8', body: r.answer.body } };
}

/** The API server's answer to `GET url` (a path with an optional query). */
export function restGet(api: ApiClient, url: string, opts: RestGetOptions): RestText {
  const u = new URL(url, 'http://apiserver');
  const path = u.pathname.replace(/\/+$/, '') || '/';
  if (HEALTH.has(path)) return { code: 200, contentType: 'text/plain; charset=utf-8', body: 'ok' };
  if (path === '/metrics') return { code: 200, contentType: METRICS_CONTENT_TYPE, body: componentMetricsText(api.gates) };
  const proxied = api.proxyGet?.(path + u.search);
  if (proxied) return { code: proxied.code, contentType: proxied.contentType, body: proxied.body };
  const viaProxy = proxyReply(api, u, opts);
  if (viaProxy && 'text' in viaProxy) return viaProxy.text;
  const reply = viaProxy ? statusReply(viaProxy.refused) : discovery(path, opts.accept ?? '', opts.serverAddress, api.aggregated?.()) ?? resource(api, path, u.searchParams);
  // the apiserver indents for humans: ?pretty=true, or a curl/Wget user agent
  const prettyParam = u.searchParams.get('pretty');
  const pretty = path === '/version' || (prettyParam !== null ? prettyParam === 'true' || prettyParam === '1' : /^(curl|Wget)/.test(opts.userAgent ?? ''));
  return { code: reply.code, contentType: reply.contentType ?? 'application/json', body: goJsonText(reply.body, pretty) };
}
