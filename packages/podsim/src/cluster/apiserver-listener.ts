/**
 * The API server on the network: HTTPS on the advertise address, port 6443, reached by pods through the
 * `kubernetes` Service (https://kubernetes.default.svc) and by the reader's machine through the
 * kubeconfig's https://controlplane:6443. Its serving certificate is signed by the cluster CA and names
 * what kubeadm puts in it. Authentication as the real server's chain decides it
 * (k8s.io/apiserver pkg/authentication/request/bearertoken, pkg/kubeapiserver/authenticator): no bearer
 * token is system:anonymous, whom kubeadm's RBAC lets see only the health checks and /version; a token
 * no authenticator accepts is 401 Unauthorized, never anonymous; a service account's token reads what
 * `kubectl get --raw` reads.
 */
import { ROOT_CA } from '../api/bootstrap.js';
import { KUBERNETES_SERVICE_IP } from '../api/kinds/service.js';
import { parseResourcePath } from '../api/rest/path.js';
import { restGet } from '../api/rest/get.js';
import { goJsonText } from '../api/rest/json.js';
import { unauthorized } from '../api/status.js';
import { authenticateToken, type UserInfo } from '../api/token-authn.js';
import type { ApiClient, Status } from '../api/types.js';
import type { Clock } from '../clock/clock.js';
import type { HttpRequest, HttpResponse, Network, ServerCertificate } from '../kernel/net.js';
import { CLUSTER_DOMAIN } from '../kubelet/dns-config.js';
import { APISERVER_PORT } from './apiserver-endpoints.js';

/** system:public-info-viewer's non-resource URLs. */
const PUBLIC = /^\/(healthz|livez|readyz|version)\/?$/;

const ANONYMOUS: UserInfo = { username: 'system:anonymous', groups: ['system:unauthenticated'] };

/** kubeadm's apiserver certificate: the node name, the `kubernetes` Service's names and address, the advertise address. */
export function apiServerCertificate(nodeName: string, advertiseIP: string): ServerCertificate {
  const svc = ['kubernetes', 'kubernetes.default', 'kubernetes.default.svc', `kubernetes.default.svc.${CLUSTER_DOMAIN}`];
  return { issuer: ROOT_CA, names: [nodeName, ...svc, KUBERNETES_SERVICE_IP, advertiseIP] };
}

/** A header by name, as HTTP compares them: without regard to case. */
function header(req: HttpRequest, name: string): string | undefined {
  const key = Object.keys(req.headers).find((k) => k.toLowerCase() === name.toLowerCase());
  return key === undefined ? undefined : req.headers[key];
}

/**
 * The user a request authenticates as; 'invalid' for a bearer token no authenticator accepts. A
 * header that is not `Bearer TOKEN` (another scheme, an empty token) is left to the anonymous one.
 */
function authenticate(api: ApiClient, req: HttpRequest, nowMs: number): UserInfo | 'invalid' {
  const parts = (header(req, 'Authorization') ?? '').trim().split(' ');
  if (parts.length < 2 || parts[0].toLowerCase() !== 'bearer' || parts[1] === '') return ANONYMOUS;
  return authenticateToken(api, parts[1], nowMs) ?? 'invalid';
}

/** RBAC's refusal, worded as the authorizer words it for a resource or a non-resource URL. */
function forbidden(user: UserInfo, path: string, query: URLSearchParams): Status {
  const p = parseResourcePath(path);
  const verb = p?.name ? 'get' : query.get('watch') === 'true' ? 'watch' : 'list';
  const who = `User "${user.username}"`;
  const message = p
    ? `${p.info.group ? `${p.info.resource}.${p.info.group}` : p.info.resource}${p.name ? ` "${p.name}"` : ''} is forbidden: ${who} cannot ${verb} resource "${p.info.resource}" in API group "${p.info.group}" ${p.namespace ? `in the namespace "${p.namespace}"` : 'at the cluster scope'}`
    : `forbidden: ${who} cannot get path "${path}"`;
  const details = p ? { ...(p.name ? { name: p.name } : {}), ...(p.info.group ? { group: p.info.group } : {}), kind: p.info.resource } : {};
  return { kind: 'Status', apiVersion: 'v1', metadata: {}, status: 'Failure', message, reason: 'Forbidden', details, code: 403 };
}

export function serveApiInCluster(api: ApiClient, clock: Pick<Clock, 'now'>, network: Network, nodeName: string, advertiseIP: string): void {
  const net = network.namespaceOf(advertiseIP);
  if (!net) return;
  const serverAddress = `${advertiseIP}:${APISERVER_PORT}`;
  const http = (req: HttpRequest): HttpResponse => {
    const u = new URL(req.path, 'https://apiserver');
    const userAgent = header(req, 'User-Agent');
    const pretty = /^(curl|Wget)/.test(userAgent ?? '');
    const fail = (s: Status): HttpResponse => ({ status: s.code ?? 500, headers: { 'Content-Type': 'application/json' }, body: goJsonText(s, pretty) });
    const user = authenticate(api, req, clock.now());
    if (user === 'invalid') return fail(unauthorized());
    if (user === ANONYMOUS && !PUBLIC.test(u.pathname)) return fail(forbidden(user, u.pathname, u.searchParams));
    const r = restGet(api, req.path, { accept: header(req, 'Accept'), userAgent, serverAddress });
    return { status: r.code, headers: { 'Content-Type': r.contentType }, body: r.body };
  };
  net.listen({ port: APISERVER_PORT, owner: 'kube-apiserver', tls: apiServerCertificate(nodeName, advertiseIP), http });
}
