/**
 * endpoint-controller: keeps one Endpoints object per Service with a selector, and programs the
 * cluster Network (what kube-proxy and CoreDNS do): the ClusterIP balances round-robin over the
 * ready endpoints, and `svc.ns.svc.cluster.local` resolves to it (to every ready endpoint for a
 * headless Service, with `hostname.svc.ns.svc.cluster.local` for endpoints that have a hostname); the
 * short names come from the search list of each pod's /etc/resolv.conf.
 */
import type { Endpoints, KubeObject, Pod, Service } from '../../api/types.js';
import { selectorMatches } from '../../api/selectors.js';
import { CLUSTER_DOMAIN } from '../../kernel/dns.js';
import type { Network } from '../../kernel/net.js';
import { sameJson } from '../shared/canonical-json.js';
import type { ControllerContext } from '../shared/context.js';
import { timestamp } from '../shared/context.js';
import type { Informer } from '../shared/informer.js';
import { WorkQueue, keyOf, splitKey } from '../shared/work-queue.js';
import { backendsFor, endpointSubsets } from './endpoint-subsets.js';
import { endpointName, serviceSrv } from './service-srv.js';

type SvcObj = Service & KubeObject;
type EpObj = Endpoints & KubeObject;
type PodObj = Pod & KubeObject;

const TRIGGER_TIME = 'endpoints.kubernetes.io/last-change-trigger-time';
const RETRY_MS = 1000;

export class EndpointsController {
  private readonly queue: WorkQueue;
  private readonly services: Informer<SvcObj>;
  private readonly endpoints: Informer<EpObj>;
  private readonly pods: Informer<PodObj>;
  /** What we programmed per service key, to undo it when the service goes. */
  private readonly programmed = new Map<string, { ip?: string; names: string[]; srv: string[] }>();

  constructor(
    private readonly ctx: ControllerContext,
    private readonly network: Network,
  ) {
    this.queue = new WorkQueue(ctx.clock, (key) => this.sync(key));
    this.services = ctx.informers.for('services');
    this.endpoints = ctx.informers.for('endpoints');
    this.pods = ctx.informers.for('pods');
  }

  start(): void {
    this.services.onChange((_t, svc) => this.queue.add(keyOf(svc)));
    this.pods.onChange((_t, pod, old) => {
      for (const svc of this.services.list(pod.metadata.namespace ?? '')) {
        if (!svc.spec?.selector) continue;
        const sel = { matchLabels: svc.spec.selector };
        if (selectorMatches(sel, pod.metadata.labels) || (old && selectorMatches(sel, old.metadata.labels))) this.queue.add(keyOf(svc));
      }
    });
  }

  private sync(key: string): void {
    const { namespace, name } = splitKey(key);
    const svc = this.services.get(namespace, name);
    if (!svc) return this.serviceGone(key, namespace, name);
    const headless = svc.spec?.clusterIP === 'None';
    let subsets = this.endpoints.get(namespace, name)?.subsets;
    if (svc.spec?.selector) {
      const sel = { matchLabels: svc.spec.selector };
      const pods = this.pods.list(namespace).filter((p) => selectorMatches(sel, p.metadata.labels)).sort((a, b) => (a.metadata.name ?? '').localeCompare(b.metadata.name ?? ''));
      subsets = endpointSubsets(svc, pods);
      if (!this.writeEndpoints(svc, subsets, headless)) this.queue.addAfter(key, RETRY_MS);
    }
    this.program(key, svc, headless, subsets);
  }

  private writeEndpoints(svc: SvcObj, subsets: Endpoints['subsets'], headless: boolean): boolean {
    const ns = svc.metadata.namespace ?? '';
    const name = svc.metadata.name ?? '';
    const cur = this.endpoints.get(ns, name);
    const labels = { ...(svc.metadata.labels ?? {}), ...(headless ? { 'service.kubernetes.io/headless': '' } : {}) };
    const same = cur && sameJson(cur.subsets ?? [], subsets ?? []) && sameJson(cur.metadata.labels ?? {}, labels);
    if (same) return true;
    const metadata = { ...(cur?.metadata ?? {}), name, namespace: ns, labels, annotations: { ...(cur?.metadata.annotations ?? {}), [TRIGGER_TIME]: timestamp(this.ctx.clock.now()) } };
    const obj = { apiVersion: 'v1', kind: 'Endpoints', metadata, ...(subsets?.length ? { subsets } : {}) };
    const res = cur ? this.ctx.api.update<EpObj>('endpoints', ns, obj) : this.ctx.api.create<EpObj>('endpoints', ns, obj);
    if (res.ok) this.endpoints.store(res.value);
    return res.ok;
  }

  private program(key: string, svc: SvcObj, headless: boolean, subsets: Endpoints['subsets']): void {
    const ns = svc.metadata.namespace ?? '';
    const name = svc.metadata.name ?? '';
    const fqdn = `${name}.${ns}.svc.${CLUSTER_DOMAIN}`;
    const prev = this.programmed.get(key);
    const clusterIP = svc.spec?.clusterIP;
    if (prev?.ip && prev.ip !== clusterIP) this.network.setService(prev.ip, undefined);
    const srv = serviceSrv(svc, fqdn, headless || !clusterIP, subsets);
    for (const n of prev?.srv ?? []) if (!srv.has(n)) this.network.dns.setSrv(n, []);
    for (const [n, records] of srv) this.network.dns.setSrv(n, records);
    if (headless || !clusterIP) {
      for (const n of prev?.names ?? []) this.network.dns.set(n, []);
      const ready = subsets?.flatMap((s) => s.addresses ?? []) ?? [];
      // Each endpoint has a name under the Service: its hostname, else its dashed address (CoreDNS).
      const nameOf = new Map(ready.map((a) => [a.ip, endpointName(a, fqdn)]));
      this.network.dns.set(fqdn, [...nameOf.keys()], (ip) => nameOf.get(ip));
      for (const [ip, n] of nameOf) this.network.dns.set(n, [ip]);
      this.programmed.set(key, { names: [fqdn, ...nameOf.values()], srv: [...srv.keys()] });
      return;
    }
    const names = [fqdn];
    if (prev?.ip === clusterIP) {
      this.programmed.set(key, { ...prev, srv: [...srv.keys()] });
      return;
    }
    let next = 0;
    const route = {
      pick: (port: number) => {
        const live = this.services.get(ns, name) ?? svc;
        const backends = backendsFor(live, this.endpoints.get(ns, name)?.subsets, port);
        if (backends.length === 0) return undefined;
        return backends[next++ % backends.length];
      },
    };
    this.network.setService(clusterIP, route);
    for (const n of names) this.network.dns.set(n, [clusterIP]);
    this.programmed.set(key, { ip: clusterIP, names, srv: [...srv.keys()] });
  }

  private serviceGone(key: string, namespace: string, name: string): void {
    const prev = this.programmed.get(key);
    if (prev?.ip) this.network.setService(prev.ip, undefined);
    for (const n of prev?.names ?? []) this.network.dns.set(n, []);
    for (const n of prev?.srv ?? []) this.network.dns.setSrv(n, []);
    this.programmed.delete(key);
    const ep = this.endpoints.get(namespace, name);
    if (ep) {
      const res = this.ctx.api.delete('endpoints', namespace, name);
      if (res.ok || res.status.reason === 'NotFound') this.endpoints.forget(ep);
    }
  }
}
