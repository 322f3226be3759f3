/**
 * The cluster's load-balancer provider: MetalLB in layer 2 mode with the address pool kind's
 * documentation gives it (172.18.255.200-172.18.255.250, on the nodes' Docker network, so the reader's
 * machine reaches it). Its controller gives each LoadBalancer Service the lowest free address (or the
 * one spec.loadBalancerIP asks for) and takes it back when the Service stops being one; its speakers
 * elect one node to answer for the address, among the nodes that may carry load-balancer traffic and,
 * for externalTrafficPolicy Local, have a ready endpoint of the Service.
 */
import type { EndpointSubset } from 'kubernetes-types/core/v1';
import type { KubeObject, Node, Service } from '../../api/types.js';
import { EventRecorder } from '../../events/recorder.js';
import type { ControllerContext } from '../shared/context.js';
import type { Informer } from '../shared/informer.js';
import { keyOf } from '../shared/work-queue.js';

type SvcObj = Service & KubeObject;

const POOL_BASE = '172.18.255.';
const POOL_FIRST = 200;
const POOL_LAST = 250;
/** Nodes kubeadm labels so (its control plane) carry no load-balancer traffic; MetalLB's speakers honour it. */
const EXCLUDED = 'node.kubernetes.io/exclude-from-external-load-balancers';

function poolAddress(ip: string | undefined): boolean {
  if (!ip?.startsWith(POOL_BASE)) return false;
  const last = Number(ip.slice(POOL_BASE.length));
  return last >= POOL_FIRST && last <= POOL_LAST;
}

/** FNV-1a: each address gets its own order of candidate nodes, as MetalLB's hash of node and address does. */
function rank(node: string, ip: string): number {
  let h = 0x811c9dc5;
  for (const c of `${node}#${ip}`) h = Math.imul(h ^ c.charCodeAt(0), 0x01000193) >>> 0;
  return h;
}

export class LoadBalancerProvider {
  private readonly controller: EventRecorder;
  private readonly speaker: EventRecorder;
  private readonly nodes: Informer<Node & KubeObject>;
  private readonly announcers = new Map<string, string>();

  constructor(
    private readonly ctx: ControllerContext,
    private readonly services: Informer<SvcObj>,
  ) {
    this.controller = new EventRecorder(ctx.api, ctx.clock, { component: 'metallb-controller' });
    this.speaker = new EventRecorder(ctx.api, ctx.clock, { component: 'metallb-speaker' });
    this.nodes = ctx.informers.for('nodes');
  }

  /** The Service's pool address once it has one; gives it one (a status write, seen as a change) or takes it back. */
  address(svc: SvcObj): string | undefined {
    const ingress = svc.status?.loadBalancer?.ingress ?? [];
    const ours = ingress.find((i) => poolAddress(i.ip))?.ip;
    if (svc.spec?.type !== 'LoadBalancer') {
      if (ours) this.writeIngress(svc, []);
      return undefined;
    }
    if (ours) return ours;
    const ip = this.allocate(svc);
    if (!ip) return undefined;
    if (this.writeIngress(svc, [{ ip }])) this.controller.event(svc, 'Normal', 'IPAllocated', `Assigned IP ${JSON.stringify([ip])}`);
    return undefined;
  }

  private allocate(svc: SvcObj): string | undefined {
    const taken = new Set(this.services.list().flatMap((s) => (s.status?.loadBalancer?.ingress ?? []).map((i) => i.ip)));
    const wanted = svc.spec?.loadBalancerIP;
    if (wanted) {
      if (poolAddress(wanted) && !taken.has(wanted)) return wanted;
      this.controller.event(svc, 'Warning', 'AllocationFailed', `Failed to allocate IP for "${keyOf(svc)}": ${JSON.stringify(wanted)} is not allowed in config`);
      return undefined;
    }
    for (let n = POOL_FIRST; n <= POOL_LAST; n++) if (!taken.has(POOL_BASE + n)) return POOL_BASE + n;
    this.controller.event(svc, 'Warning', 'AllocationFailed', `Failed to allocate IP for "${keyOf(svc)}": no available IPs`);
    return undefined;
  }

  private writeIngress(svc: SvcObj, ingress: { ip: string }[]): boolean {
    return this.ctx.api.updateStatus('services', svc.metadata.namespace, { ...svc, status: { ...svc.status, loadBalancer: ingress.length ? { ingress } : {} } }).ok;
  }

  /** The node that answers for the address (none while a Local Service has no ready endpoint). */
  announcer(svc: SvcObj, ip: string, subsets: readonly EndpointSubset[] | undefined): string | undefined {
    const local = svc.spec?.externalTrafficPolicy === 'Local';
    const serving = new Set((subsets ?? []).flatMap((s) => (s.addresses ?? []).map((a) => a.nodeName)));
    const candidates = this.nodes
      .list()
      .filter((n) => n.metadata.labels?.[EXCLUDED] === undefined && (!local || serving.has(n.metadata.name)))
      .map((n) => n.metadata.name ?? '')
      .sort((a, b) => rank(a, ip) - rank(b, ip));
    const node = candidates[0];
    const key = keyOf(svc);
    if (node && this.announcers.get(key) !== node) this.speaker.event(svc, 'Normal', 'nodeAssigned', `announcing from node ${JSON.stringify(node)} with protocol "layer2"`);
    if (node) this.announcers.set(key, node);
    else this.announcers.delete(key);
    return node;
  }

  forget(key: string): void {
    this.announcers.delete(key);
  }
}
