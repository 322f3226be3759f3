/**
 * endpointslice-controller (k8s pkg/controller/endpointslice): keeps the EndpointSlices of every Service
 * with a selector, beside the Endpoints the endpoints controller writes. Slices are named
 * `<service>-<suffix>`, labelled with the service name and this controller as manager (and as headless when
 * the Service has no cluster IP), owned by the Service.
 */
import type { KubeObject, Node, Pod, Service } from '../../api/types.js';
import { selectorMatches } from '../../api/selectors.js';
import { sameJson } from '../shared/canonical-json.js';
import type { ControllerContext } from '../shared/context.js';
import { timestamp } from '../shared/context.js';
import type { Informer } from '../shared/informer.js';
import { controllerRef } from '../shared/owners.js';
import { WorkQueue, keyOf, splitKey } from '../shared/work-queue.js';
import { sliceGroups } from './slice-endpoints.js';
import type { Any } from '../../api/objects.js';

type SliceObj = KubeObject & Any;

export const SERVICE_NAME_LABEL = 'kubernetes.io/service-name';
const MANAGED_BY_LABEL = 'endpointslice.kubernetes.io/managed-by';
const MANAGER = 'endpointslice-controller.k8s.io';
const HEADLESS_LABEL = 'service.kubernetes.io/headless';
const ZONE_LABEL = 'topology.kubernetes.io/zone';
const TRIGGER_TIME = 'endpoints.kubernetes.io/last-change-trigger-time';
const RETRY_MS = 1000;

export class EndpointSliceController {
  private readonly queue: WorkQueue;
  private readonly services: Informer<Service & KubeObject>;
  private readonly pods: Informer<Pod & KubeObject>;
  private readonly slices: Informer<SliceObj>;
  private readonly nodes: Informer<Node & KubeObject>;

  constructor(private readonly ctx: ControllerContext) {
    this.queue = new WorkQueue(ctx.clock, (key) => this.sync(key));
    this.services = ctx.informers.for('services');
    this.pods = ctx.informers.for('pods');
    this.slices = ctx.informers.for('endpointslices');
    this.nodes = ctx.informers.for('nodes');
  }

  start(): void {
    this.services.onChange((_t, svc) => this.queue.add(keyOf(svc)));
    this.pods.onChange((_t, pod, old) => {
      for (const svc of this.services.list(pod.metadata.namespace ?? '')) {
        const sel = svc.spec?.selector && { matchLabels: svc.spec.selector };
        if (sel && (selectorMatches(sel, pod.metadata.labels) || (old && selectorMatches(sel, old.metadata.labels)))) this.queue.add(keyOf(svc));
      }
    });
  }

  private sync(key: string): void {
    const { namespace, name } = splitKey(key);
    const svc = this.services.get(namespace, name);
    const mine = this.slices.list(namespace).filter((s) => s.metadata.labels?.[SERVICE_NAME_LABEL] === name && s.metadata.labels?.[MANAGED_BY_LABEL] === MANAGER);
    // Slices of a deleted Service go with it through their owner reference (garbage collector).
    if (!svc || !svc.spec?.selector) return;
    const sel = { matchLabels: svc.spec.selector };
    const pods = this.pods.list(namespace).filter((p) => selectorMatches(sel, p.metadata.labels));
    const groups = sliceGroups(svc, pods, (node) => this.nodes.get('', node)?.metadata.labels?.[ZONE_LABEL] || undefined);
    if (groups.length === 0) groups.push({ ports: [], endpoints: [] });
    let ok = true;
    groups.forEach((g, i) => (ok = this.write(svc, mine[i], g) && ok));
    for (const extra of mine.slice(groups.length)) {
      const res = this.ctx.api.delete('endpointslices', namespace, extra.metadata.name ?? '');
      if (res.ok) this.slices.forget(extra);
    }
    if (!ok) this.queue.addAfter(key, RETRY_MS);
  }

  private write(svc: Service & KubeObject, cur: SliceObj | undefined, g: { ports: Any[]; endpoints: Any[] }): boolean {
    const ns = svc.metadata.namespace;
    const headless = !svc.spec?.clusterIP || svc.spec.clusterIP === 'None';
    const labels = { ...(svc.metadata.labels ?? {}), ...(headless ? { [HEADLESS_LABEL]: '' } : {}), [MANAGED_BY_LABEL]: MANAGER, [SERVICE_NAME_LABEL]: svc.metadata.name ?? '' };
    const endpoints = [...g.endpoints].sort((a, b) => String(a.addresses[0]).localeCompare(String(b.addresses[0]), undefined, { numeric: true }));
    if (cur && sameJson(cur.endpoints ?? [], endpoints) && sameJson(cur.ports ?? [], g.ports) && sameJson(cur.metadata.labels ?? {}, labels)) return true;
    const metadata = {
      ...(cur ? cur.metadata : { generateName: `${svc.metadata.name}-`, namespace: ns, ownerReferences: [controllerRef(svc)] }),
      labels,
      annotations: { ...(cur?.metadata.annotations ?? {}), [TRIGGER_TIME]: timestamp(this.ctx.clock.now()) },
    };
    const body: Any = { apiVersion: 'discovery.k8s.io/v1', kind: 'EndpointSlice', metadata, addressType: 'IPv4', endpoints, ports: g.ports };
    const res = cur ? this.ctx.api.update<SliceObj>('endpointslices', ns, body) : this.ctx.api.create<SliceObj>('endpointslices', ns, body);
    if (res.ok) this.slices.store(res.value);
    return res.ok;
  }
}
