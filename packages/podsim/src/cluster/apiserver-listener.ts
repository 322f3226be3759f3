/**
 * The API server as pods reach it: `https://kubernetes.default.svc` (the `kubernetes` Service routes to
 * the advertise address, port 6443). A request carrying a bearer token (a pod's service account token)
 * reads what `kubectl get --raw` reads; without one it is system:anonymous, whom kubeadm's RBAC lets
 * see only the health checks and /version.
 */
import { parseResourcePath } from '../api/rest/path.js';
import { restGet } from '../api/rest/get.js';
import { goJsonText } from '../api/rest/json.js';
import type { ApiClient } from '../api/types.js';
import type { HttpRequest, HttpResponse, Network } from '../kernel/net.js';
import { APISERVER_PORT } from './apiserver-endpoints.js';

/** system:public-info-viewer's non-resource URLs. */
const PUBLIC = /^\/(healthz|livez|readyz|version)\/?$/;

function anonymousForbidden(path: string, query: URLSearchParams): HttpResponse {
  const p = parseResourcePath(path);
  const verb = p?.name ? 'get' : query.get('watch') === 'true' ? 'watch' : 'list';
  const message = p
    ? `${p.info.resource}${p.name ? ` "${p.name}"` : ''} is forbidden: User "system:anonymous" cannot ${verb} resource "${p.info.resource}" in API group "${p.info.group}" ${p.namespace ? `in the namespace "${p.namespace}"` : 'at the cluster scope'}`
    : `forbidden: User "system:anonymous" cannot get path "${path}"`;
  const details = p ? { ...(p.name ? { name: p.name } : {}), ...(p.info.group ? { group: p.info.group } : {}), kind: p.info.resource } : {};
  const status = { kind: 'Status', apiVersion: 'v1', metadata: {}, status: 'Failure', message, reason: 'Forbidden', details, code: 403 };
  return { status: 403, headers: { 'Content-Type': 'application/json' }, body: goJsonText(status, true) + '\n' };
}

export function serveApiInCluster(api: ApiClient, network: Network, advertiseIP: string): void {
  const net = network.namespaceOf(advertiseIP);
  if (!net) return;
  const http = (req: HttpRequest): HttpResponse => {
    const u = new URL(req.path, 'https://apiserver');
    if (!/^Bearer \S/.test(req.headers.Authorization ?? '') && !PUBLIC.test(u.pathname)) return anonymousForbidden(u.pathname, u.searchParams);
    const r = restGet(api, req.path, { accept: req.headers.Accept, userAgent: req.headers['User-Agent'], serverAddress: `${advertiseIP}:${APISERVER_PORT}` });
    return { status: r.code, headers: { 'Content-Type': r.contentType }, body: r.body };
  };
  net.listen({ port: APISERVER_PORT, owner: 'kube-apiserver', http });
}
