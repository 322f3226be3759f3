/**
 * The API server on the network: HTTPS on the advertise address, port 6443, reached by pods through the
 * `kubernetes` Service (https://kubernetes.default.svc) and by the reader's machine through the
 * kubeconfig's https://controlplane:6443. Its serving certificate is signed by the cluster CA and names
 * what kubeadm puts in it. Authentication as the real server's chain decides it
 * (k8s.io/apiserver pkg/authentication/request/bearertoken, pkg/kubeapiserver/authenticator): no bearer
 * token is system:anonymous; a token no authenticator accepts is 401 Unauthorized, never anonymous.
 * RBAC then decides (anonymous sees only the health checks and /version; a service account what its
 * bindings give, discovery at least), and an allowed GET reads what `kubectl get --raw` reads.
 */
import { ROOT_CA } from '../api/bootstrap.js';
import { KUBERNETES_SERVICE_IP } from '../api/kinds/service.js';
import { parseResourcePath } from '../api/rest/path.js';
import { proxyResourcePath } from '../api/proxy-subresource.js';
import { RbacAuthorizer, type RequestAttributes } from '../api/rbac/authorizer.js';
import { proxyAnswer, restGet } from '../api/rest/get.js';
import { goJsonText } from '../api/rest/json.js';
import { methodNotAllowed, unauthorized } from '../api/status.js';
import { authenticateToken, type UserInfo } from '../api/token-authn.js';
import type { ApiClient, Status } from '../api/types.js';
import type { Clock } from '../clock/clock.js';
import type { HttpRequest, HttpResponse, Network, ServerCertificate } from '../kernel/net.js';
import type { Waitable } from '../kernel/waitable.js';
import { CLUSTER_DOMAIN } from '../kubelet/dns-config.js';
import { APISERVER_PORT } from './apiserver-endpoints.js';
import { LazyPart } from '../lazy/part.js';
import writes from './apiserver-writes.lazy.js';

const WRITES = new LazyPart('apiserver-writes', writes);

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

const WRITE_VERBS: Record<string, string> = { POST: 'create', PUT: 'update', PATCH: 'patch', DELETE: 'delete' };

/** The request's verb and target as the API server's RequestInfoFactory reads them. */
function attributes(method: string, path: string, query: URLSearchParams): RequestAttributes {
  const p = parseResourcePath(proxyResourcePath(path) ?? path);
  if (!p) return { verb: method.toLowerCase(), path };
  const read = p.name ? 'get' : query.get('watch') === 'true' ? 'watch' : 'list';
  const verb = method === 'GET' || method === 'HEAD' ? read : method === 'DELETE' && !p.name ? 'deletecollection' : (WRITE_VERBS[method] ?? method.toLowerCase());
  return { verb, path, resource: { group: p.info.group, resource: p.info.resource, subresource: p.subresource, namespace: p.namespace, name: p.name } };
}

/** RBAC's refusal, worded as the API server words it (endpoints/handlers/responsewriters forbiddenMessage). */
function forbidden(user: UserInfo, a: RequestAttributes): Status {
  const r = a.resource;
  const who = `User "${user.username}" cannot ${a.verb}`;
  if (!r) return { kind: 'Status', apiVersion: 'v1', metadata: {}, status: 'Failure', message: `forbidden: ${who} path "${a.path}"`, reason: 'Forbidden', details: {}, code: 403 };
  const target = `resource "${r.subresource ? `${r.resource}/${r.subresource}` : r.resource}" in API group "${r.group}" ${r.namespace ? `in the namespace "${r.namespace}"` : 'at the cluster scope'}`;
  const message = `${r.group ? `${r.resource}.${r.group}` : r.resource}${r.name ? ` "${r.name}"` : ''} is forbidden: ${who} ${target}`;
  const details = { ...(r.name ? { name: r.name } : {}), ...(r.group ? { group: r.group } : {}), kind: r.resource };
  return { kind: 'Status', apiVersion: 'v1', metadata: {}, status: 'Failure', message, reason: 'Forbidden', details, code: 403 };
}

export function serveApiInCluster(api: ApiClient, clock: Pick<Clock, 'now'>, network: Network, nodeName: string, advertiseIP: string): void {
  const net = network.namespaceOf(advertiseIP);
  if (!net) return;
  const serverAddress = `${advertiseIP}:${APISERVER_PORT}`;
  const rbac = new RbacAuthorizer(api);
  const http = (req: HttpRequest): HttpResponse | Waitable<HttpResponse> => {
    const u = new URL(req.path, 'https://apiserver');
    const userAgent = header(req, 'User-Agent');
    const pretty = /^(curl|Wget)/.test(userAgent ?? '');
    const fail = (s: Status): HttpResponse => ({ status: s.code ?? 500, headers: { 'Content-Type': 'application/json' }, body: goJsonText(s, pretty) });
    const user = authenticate(api, req, clock.now());
    if (user === 'invalid') return fail(unauthorized());
    const attrs = attributes(req.method, u.pathname, u.searchParams);
    if (!rbac.allowed(user, attrs)) return fail(forbidden(user, attrs));
    const proxied = proxyAnswer(api, { ...req, path: u.pathname + u.search }, pretty);
    if (proxied) return proxied;
    // The site provides the part before any input runs, long before an add-on's program writes.
    const written = WRITES.loaded ? WRITES.get().restWrite(api, req.method, u.pathname, req.body) : undefined;
    if (written) return { status: written.code, headers: { 'Content-Type': 'application/json' }, body: goJsonText('status' in written ? written.status : written.value, pretty) };
    if (req.method !== 'GET' && req.method !== 'HEAD') return fail(methodNotAllowed());
    const r = restGet(api, req.path, { accept: header(req, 'Accept'), userAgent, serverAddress });
    return { status: r.code, headers: { 'Content-Type': r.contentType }, body: r.body };
  };
  net.listen({ port: APISERVER_PORT, owner: 'kube-apiserver', tls: apiServerCertificate(nodeName, advertiseIP), http });
}
