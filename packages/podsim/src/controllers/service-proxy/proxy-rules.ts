/**
 * kube-proxy's rules for traffic from outside the cluster (pkg/proxy/iptables, 1.32): every node answers
 * on each node port of a NodePort or LoadBalancer Service, the announcing node on the load balancer's
 * address. With externalTrafficPolicy Cluster a connection may go to any ready endpoint and its source
 * is masqueraded to the node's address; with Local only the node's own endpoints serve, the client's
 * address is kept, and a node without one drops the packets (the client times out). A Local load
 * balancer also gets a health check on its healthCheckNodePort (pkg/proxy/healthcheck/service_health.go).
 */
import type { Endpoints, KubeObject, Service } from '../../api/types.js';
import { NetNamespace, type ConnectError, type HttpRequest, type HttpResponse, type Listener, type Network } from '../../kernel/net.js';
import { backendsFor } from '../endpoints/endpoint-subsets.js';
import type { ControllerContext } from '../shared/context.js';
import type { Informer } from '../shared/informer.js';
import { splitKey } from '../shared/work-queue.js';
import { LoadBalancerProvider } from './load-balancer.js';

type SvcObj = Service & KubeObject;

export interface NodeAddress {
  name: string;
  ip: string;
}

/** The reader's machine as the nodes see it: the gateway of their Docker network. */
const READER_ADDRESS = '172.18.0.1';
const LOOPBACK = /^(127\.|::1$)/;
const OWNER = 'kube-proxy';

/** What one Service has open, to close it again. */
interface Programmed {
  sockets: { net: NetNamespace; port: number; listener: Listener }[];
  balancer?: NetNamespace;
}

export class ProxyRules {
  private readonly programmed = new Map<string, Programmed>();
  private readonly lb: LoadBalancerProvider;
  private next = 0;

  constructor(
    ctx: ControllerContext,
    private readonly network: Network,
    private readonly nodes: () => readonly NodeAddress[],
    private readonly services: Informer<SvcObj>,
    private readonly endpoints: Informer<Endpoints & KubeObject>,
  ) {
    this.lb = new LoadBalancerProvider(ctx, services);
  }

  sync(key: string, svc: SvcObj | undefined): void {
    this.close(key);
    if (!svc) return this.lb.forget(key);
    const ip = this.lb.address(svc);
    const spec = svc.spec ?? {};
    if (spec.type !== 'NodePort' && spec.type !== 'LoadBalancer') return;
    const done: Programmed = { sockets: [] };
    this.programmed.set(key, done);
    const open = (net: NetNamespace | undefined, listener: Listener) => {
      if (net?.listen(listener) === 'ok') done.sockets.push({ net, port: listener.port, listener });
    };
    for (const node of this.nodes()) {
      const net = this.network.namespaceOf(node.ip);
      for (const p of spec.ports ?? []) if (p.nodePort) open(net, { port: p.nodePort, owner: OWNER, forward: () => this.backend(key, p.port, node) });
      if (spec.healthCheckNodePort) open(net, { port: spec.healthCheckNodePort, owner: OWNER, http: () => this.health(key, node) });
    }
    const announcer = ip && this.nodes().find((n) => n.name === this.lb.announcer(svc, ip, this.subsets(key)));
    if (!ip || !announcer || this.network.namespaceOf(ip)) return;
    done.balancer = new NetNamespace(ip, this.network);
    this.network.attach(done.balancer);
    for (const p of spec.ports ?? []) open(done.balancer, { port: p.port, owner: OWNER, forward: () => this.backend(key, p.port, announcer) });
  }

  private close(key: string): void {
    const done = this.programmed.get(key);
    if (!done) return;
    for (const s of done.sockets) s.net.close(s.port, s.listener);
    done.balancer?.destroy();
    this.programmed.delete(key);
  }

  private subsets(key: string): Endpoints['subsets'] {
    const { namespace, name } = splitKey(key);
    return this.endpoints.get(namespace, name)?.subsets;
  }

  /** Where a connection that reached `node` for service port `port` goes, as the node's NAT rules send it. */
  private backend(key: string, port: number, node: NodeAddress): Listener | ConnectError {
    const { namespace, name } = splitKey(key);
    const svc = this.services.get(namespace, name);
    if (!svc) return 'ECONNREFUSED';
    const local = svc.spec?.externalTrafficPolicy === 'Local';
    const ready = backendsFor(svc, this.subsets(key), port);
    const serving = local ? ready.filter((b) => b.nodeName === node.name) : ready;
    // No endpoint at all: REJECT; none on this node for a Local Service: DROP.
    if (serving.length === 0) return ready.length > 0 ? 'ETIMEDOUT' : 'ECONNREFUSED';
    const b = serving[this.next++ % serving.length];
    const target = this.network.namespaceOf(b.ip)?.listener(b.port);
    if (!target) return 'ECONNREFUSED';
    const source = (req: { remoteAddr: string; host?: string }): string => {
      if (!local) return node.ip;
      // A node's own localhost is masqueraded too; the reader's machine reaches the nodes from its gateway.
      if (LOOPBACK.test(req.remoteAddr)) return /^(localhost|127\.)/.test(req.host ?? '') ? node.ip : READER_ADDRESS;
      return req.remoteAddr;
    };
    const http = target.http;
    const open = target.open;
    return {
      ...target,
      ...(http ? { http: (req: HttpRequest) => http({ ...req, remoteAddr: source({ remoteAddr: req.remoteAddr, host: req.headers.Host }) }) } : {}),
      ...(open ? { open: (remoteAddr: string) => open(source({ remoteAddr })) } : {}),
    };
  }

  private health(key: string, node: NodeAddress): HttpResponse {
    const { namespace, name } = splitKey(key);
    const count = (this.subsets(key) ?? []).flatMap((s) => s.addresses ?? []).filter((a) => a.nodeName === node.name).length;
    const body = `{\n\t"service": {\n\t\t"namespace": ${JSON.stringify(namespace)},\n\t\t"name": ${JSON.stringify(name)}\n\t},\n\t"localEndpoints": ${count},\n\t"serviceProxyHealthy": true\n}`;
    return { status: count > 0 ? 200 : 503, headers: { 'Content-Type': 'application/json', 'X-Content-Type-Options': 'nosniff' }, body };
  }
}
