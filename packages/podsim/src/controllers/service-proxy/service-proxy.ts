/**
 * kube-proxy on every node (iptables mode, kubeadm's default) and the cluster's load-balancer provider
 * (MetalLB in layer 2 mode, as kind's documentation installs it): Services of type NodePort and
 * LoadBalancer answer on the nodes and on an address of the nodes' network. Cluster IPs are the
 * endpoints controller's business. The rules themselves (proxy-rules.ts) are a lazy part: they only
 * ever run for Services a reader exposed outside the cluster.
 */
import type { Endpoints, KubeObject, Service } from '../../api/types.js';
import type { HttpRequest, HttpResponse, Network } from '../../kernel/net.js';
import { LazyPart } from '../../lazy/part.js';
import type { ControllerContext } from '../shared/context.js';
import type { Informer } from '../shared/informer.js';
import { WorkQueue, keyOf, splitKey } from '../shared/work-queue.js';
import type { NodeAddress, ProxyRules } from './proxy-rules.js';
import part from './service-proxy.lazy.js';

const RULES = new LazyPart('service-proxy', part);

/** kube-proxy's --metrics-bind-address port (kubeadm: 127.0.0.1:10249). */
const METRICS_PORT = 10249;
const RETRY_MS = 1000;
const TEXT = { 'Content-Type': 'text/plain; charset=utf-8', 'X-Content-Type-Options': 'nosniff' };

/** The metrics server's own paths (cmd/kube-proxy/app/server.go serveMetrics): the mode and a health check. */
function metricsAnswer(req: HttpRequest): HttpResponse {
  const path = req.path.split('?')[0];
  if (path === '/proxyMode') return { status: 200, headers: TEXT, body: 'iptables' };
  if (path === '/healthz') return { status: 200, headers: TEXT, body: 'ok' };
  return { status: 404, headers: TEXT, body: '404 page not found\n' };
}

export class ServiceProxy {
  private readonly queue: WorkQueue;
  private readonly services: Informer<Service & KubeObject>;
  private readonly endpoints: Informer<Endpoints & KubeObject>;
  private rules: ProxyRules | undefined;

  constructor(
    private readonly ctx: ControllerContext,
    private readonly network: Network,
    private readonly nodes: () => readonly NodeAddress[],
  ) {
    this.queue = new WorkQueue(ctx.clock, (key) => this.sync(key));
    this.services = ctx.informers.for('services');
    this.endpoints = ctx.informers.for('endpoints');
  }

  start(): void {
    this.services.onChange((_t, svc) => this.queue.add(keyOf(svc)));
    // Which node announces a Local load balancer follows where its endpoints are.
    this.endpoints.onChange((_t, ep) => this.queue.add(keyOf(ep)));
  }

  /** The node's kube-proxy starts: its metrics server listens on the node. */
  addNode(ip: string): void {
    this.network.namespaceOf(ip)?.listen({ port: METRICS_PORT, owner: 'kube-proxy', http: metricsAnswer });
  }

  private sync(key: string): void {
    const { namespace, name } = splitKey(key);
    const svc = this.services.get(namespace, name);
    const exposed = svc?.spec?.type === 'NodePort' || svc?.spec?.type === 'LoadBalancer';
    if (!this.rules && !exposed) return;
    if (!RULES.loaded) return this.queue.addAfter(key, RETRY_MS);
    this.rules ??= new (RULES.get().ProxyRules)(this.ctx, this.network, this.nodes, this.services, this.endpoints);
    this.rules.sync(key, svc);
  }
}
