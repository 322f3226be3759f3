/**
 * ingress-nginx's controller (registry.k8s.io/ingress-nginx/controller, /nginx-ingress-controller):
 * serves the Ingresses of its classes (IngressClasses whose spec.controller is its --controller-class,
 * k8s.io/ingress-nginx by default) on ports 80 and 443 — the pod's hostPorts in minikube's add-on —
 * proxying to the backend Service, with nginx's own 404 page when no rule matches and 503 when the
 * Service has no ready endpoint; /healthz on 10254 for its probes. As its status sync does
 * (internal/ingress/status, UpdateInterval 60 s, first run when it leads), it writes the address of
 * the node it runs on (InternalIP with --report-node-internal-ip-address, else ExternalIP) into each
 * Ingress's status.loadBalancer, or --publish-status-address when given.
 */
import { machineOf } from '../../../kernel/machine.js';
import type { HttpRequest, HttpResponse, Listener } from '../../../kernel/net.js';
import type { Proc, Program } from '../../../kernel/process.js';
import { SIGNALS } from '../../../kernel/signals.js';
import { sleep, wait } from '../../../kernel/waitable.js';
import { bindPort } from '../../http-server.js';
import { connect } from '../../net-client.js';
import { inClusterClient, type InCluster } from './in-cluster.js';
import { routeRequest, type IngressRuleSource, type Route } from './routing.js';
import { flagValues } from './flags.js';

const STATUS_INTERVAL_MS = 60_000;
const HEALTH_PORT = 10254;
const USER_AGENT = 'nginx-ingress-controller/v1.11.3';
/** The certificate ingress-nginx serves HTTPS with when an Ingress names none: its self-signed fake one. */
const FAKE_CERTIFICATE = { issuer: 'self', names: ['ingress.local'] };

/** nginx's built-in error page for `code`, as it answers with server_tokens off. */
function nginxError(code: number, reason: string): HttpResponse {
  const title = `${code} ${reason}`;
  return { status: code, headers: { 'Content-Type': 'text/html', Server: 'nginx' }, body: `<html>\r\n<head><title>${title}</title></head>\r\n<body>\r\n<center><h1>${title}</h1></center>\r\n<hr><center>nginx</center>\r\n</body>\r\n</html>\r\n` };
}

type IngressObj = IngressRuleSource & { metadata: { namespace?: string; name?: string; annotations?: Record<string, string> }; spec?: IngressRuleSource['spec'] & { ingressClassName?: string }; status?: { loadBalancer?: { ingress?: { ip?: string; hostname?: string }[] } } };

class Controller {
  constructor(
    private readonly proc: Proc,
    private readonly api: InCluster,
    private readonly controllerClass: string,
    private readonly statusAddress: string | undefined,
    private readonly internalIP: boolean,
  ) {}

  /** The Ingresses this controller serves: those naming one of its classes. */
  ingresses(): IngressObj[] {
    const classes = this.api('GET', '/apis/networking.k8s.io/v1/ingressclasses');
    const mine = new Set(((classes?.json.items ?? []) as { metadata: { name: string }; spec?: { controller?: string } }[]).filter((c) => c.spec?.controller === this.controllerClass).map((c) => c.metadata.name));
    const list = this.api('GET', '/apis/networking.k8s.io/v1/ingresses');
    const items = (list?.json.items ?? []) as IngressObj[];
    return items.filter((i) => mine.has(i.spec?.ingressClassName ?? i.metadata.annotations?.['kubernetes.io/ingress.class'] ?? ''));
  }

  /** The Service's cluster IP and the port number a backend names (by number or by the Service port's name). */
  private backend(route: Route): { ip: string; port: number } | undefined {
    const svc = this.api('GET', `/api/v1/namespaces/${route.namespace}/services/${route.service}`);
    const spec = (svc?.status === 200 ? svc.json.spec : undefined) as { clusterIP?: string; ports?: { name?: string; port: number }[] } | undefined;
    const port = typeof route.port === 'number' ? route.port : spec?.ports?.find((p) => p.name === route.port)?.port;
    return spec?.clusterIP && port !== undefined ? { ip: spec.clusterIP, port } : undefined;
  }

  serve(req: HttpRequest, scheme: 'http' | 'https', port: number): ReturnType<NonNullable<Listener['http']>> {
    const route = routeRequest(this.ingresses(), req.headers.Host ?? req.headers.host ?? '', req.path);
    if (!route) return nginxError(404, 'Not Found');
    const to = this.backend(route);
    const target = to ? connect(this.proc, to.ip, to.port) : 'ECONNREFUSED';
    if (typeof target === 'string' || !target.http) return nginxError(503, 'Service Temporarily Unavailable');
    const host = (req.headers.Host ?? '').replace(/:\d+$/, '');
    // The headers ingress-nginx's template sets on the proxied request.
    const headers = { ...req.headers, 'X-Real-IP': req.remoteAddr, 'X-Forwarded-For': req.remoteAddr, 'X-Forwarded-Host': host, 'X-Forwarded-Port': String(port), 'X-Forwarded-Proto': scheme, 'X-Forwarded-Scheme': scheme, 'X-Scheme': scheme };
    return target.http({ ...req, headers, remoteAddr: '' });
  }

  /** The address to publish: the flag's, else the node this pod runs on. */
  private address(): string | undefined {
    if (this.statusAddress) return this.statusAddress;
    const pod = this.api('GET', `/api/v1/namespaces/${this.proc.env.POD_NAMESPACE ?? ''}/pods/${this.proc.env.POD_NAME ?? ''}`);
    const nodeName = (pod?.json.spec as { nodeName?: string } | undefined)?.nodeName;
    const node = nodeName ? this.api('GET', `/api/v1/nodes/${nodeName}`) : undefined;
    const addresses = ((node?.json.status as { addresses?: { type: string; address: string }[] } | undefined)?.addresses ?? []);
    const want = this.internalIP ? 'InternalIP' : 'ExternalIP';
    return addresses.find((a) => a.type === want)?.address ?? addresses.find((a) => a.type === 'InternalIP')?.address;
  }

  syncStatus(): void {
    const address = this.address();
    if (!address) return;
    const entry = /^[\d.]+$|:/.test(address) ? { ip: address } : { hostname: address };
    for (const ing of this.ingresses()) {
      const now = ing.status?.loadBalancer?.ingress ?? [];
      if (now.length === 1 && now[0].ip === entry.ip && now[0].hostname === (entry as { hostname?: string }).hostname) continue;
      this.api('PUT', `/apis/networking.k8s.io/v1/namespaces/${ing.metadata.namespace}/ingresses/${ing.metadata.name}/status`, { ...ing, apiVersion: 'networking.k8s.io/v1', kind: 'Ingress', status: { loadBalancer: { ingress: [entry] } } });
    }
  }
}

export const ingressNginxController: Program = function* (proc) {
  const flags = flagValues(proc.argv.slice(1));
  const api = inClusterClient(proc, USER_AGENT);
  if (typeof api === 'string') {
    proc.stderr.write(`error while initiating a connection to the Kubernetes API server: ${api}\n`);
    return 255;
  }
  const c = new Controller(proc, api, flags.get('controller-class') ?? 'k8s.io/ingress-nginx', flags.get('publish-status-address'), flags.get('report-node-internal-ip-address') === 'true');
  bindPort(proc, 80, (req) => c.serve(req, 'http', 80));
  const net = machineOf(proc).net;
  const https: Listener = { port: 443, owner: `${proc.comm}/${proc.pid}`, tls: FAKE_CERTIFICATE, http: (req) => c.serve(req, 'https', 443) };
  if (net?.listen(https) === 'ok') proc.exited.subscribe(() => net.close(443, https));
  bindPort(proc, HEALTH_PORT, () => ({ status: 200, headers: { 'Content-Type': 'text/plain; charset=utf-8' }, body: 'ok' }));
  // nginx drains its connections and the controller exits 0 on SIGTERM (its preStop /wait-shutdown waits for that).
  for (const sig of [SIGNALS.SIGTERM, SIGNALS.SIGINT, SIGNALS.SIGQUIT]) proc.trap(sig, () => proc.exit(0));
  for (;;) {
    c.syncStatus();
    yield* wait(sleep(proc.clock, STATUS_INTERVAL_MS));
  }
};
