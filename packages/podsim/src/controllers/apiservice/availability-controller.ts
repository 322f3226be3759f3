/**
 * kube-aggregator's AvailableConditionController: an APIService backed by a Service is Available once
 * the Service exists, has a ready endpoint on the port it names, and the backend answers discovery of
 * its group version; otherwise the condition says which check failed. Checks run on every change of
 * an APIService, Service or Endpoints, and again every 30 s (the controller's resync).
 * Models staging/src/k8s.io/kube-aggregator/pkg/controllers/status/remote/remote_available_controller.go.
 */
import { callService } from '../../api/aggregator.js';
import { rfc3339 } from '../../api/objects.js';
import type { Endpoints, KubeObject, Service } from '../../api/types.js';
import type { Network } from '../../kernel/net.js';
import type { ControllerContext } from '../shared/context.js';
import type { Informer } from '../shared/informer.js';
import { WorkQueue, keyOf, splitKey } from '../shared/work-queue.js';

const RESYNC_MS = 30_000;

interface Condition {
  type: string;
  status: string;
  lastTransitionTime?: string;
  reason: string;
  message: string;
}

type ApiServiceObj = KubeObject & {
  spec?: { group?: string; version?: string; service?: { namespace?: string; name?: string; port?: number } };
  status?: { conditions?: Condition[] };
};

export class ApiServiceAvailabilityController {
  private readonly queue: WorkQueue;
  private readonly apiServices: Informer<ApiServiceObj>;
  private readonly services: Informer<Service & KubeObject>;
  private readonly endpoints: Informer<Endpoints & KubeObject>;

  constructor(
    private readonly ctx: ControllerContext,
    private readonly network: Network,
  ) {
    this.queue = new WorkQueue(ctx.clock, (key) => this.sync(key));
    this.apiServices = ctx.informers.for('apiservices');
    this.services = ctx.informers.for('services');
    this.endpoints = ctx.informers.for('endpoints');
  }

  start(): void {
    this.apiServices.onChange((type, o) => {
      if (type !== 'DELETED' && o.spec?.service) this.queue.add(keyOf(o));
    });
    const backing = (o: KubeObject) => {
      for (const a of this.apiServices.list(''))
        if (a.spec?.service?.namespace === o.metadata.namespace && a.spec?.service?.name === o.metadata.name) this.queue.add(keyOf(a));
    };
    this.services.onChange((_t, o) => backing(o));
    this.endpoints.onChange((_t, o) => backing(o));
  }

  private check(a: ApiServiceObj): Omit<Condition, 'type' | 'lastTransitionTime'> {
    const ref = a.spec?.service ?? {};
    const where = `service/${ref.name} in "${ref.namespace}"`;
    const svc = this.services.get(ref.namespace ?? '', ref.name ?? '');
    if (!svc) return { status: 'False', reason: 'ServiceNotFound', message: `${where} is not present` };
    const port = (svc.spec?.ports ?? []).find((p) => p.port === (ref.port ?? 443));
    if (!port) return { status: 'False', reason: 'ServicePortError', message: `${where} is not listening on port ${ref.port ?? 443}` };
    const ep = this.endpoints.get(ref.namespace ?? '', ref.name ?? '');
    if (!ep) return { status: 'False', reason: 'EndpointsNotFound', message: `cannot find endpoints for ${where}` };
    const ready = (ep.subsets ?? []).some((s) => (s.addresses ?? []).length && (s.ports ?? []).some((p) => (p.name ?? '') === (port.name ?? '')));
    if (!ready) return { status: 'False', reason: 'MissingEndpoints', message: `endpoints for ${where} have no addresses with port name "${port.name ?? ''}"` };
    const path = `/apis/${a.spec?.group}/${a.spec?.version}`;
    const url = `https://${svc.spec?.clusterIP}:${port.port}${path}`;
    const r = callService(this.ctx.api, this.network, ref, path);
    if (typeof r === 'string') return { status: 'False', reason: 'FailedDiscoveryCheck', message: `failing or missing response from ${url}: ${r}` };
    if (r.status !== 200) return { status: 'False', reason: 'FailedDiscoveryCheck', message: `failing or missing response from ${url}: bad status from ${url}: ${r.status}` };
    return { status: 'True', reason: 'Passed', message: 'all checks passed' };
  }

  private sync(key: string): void {
    const { name } = splitKey(key);
    const a = this.apiServices.get('', name);
    if (!a?.spec?.service) return;
    const next = this.check(a);
    const cur = a.status?.conditions?.find((c) => c.type === 'Available');
    if (!cur || cur.status !== next.status || cur.reason !== next.reason || cur.message !== next.message) {
      const lastTransitionTime = cur && cur.status === next.status ? cur.lastTransitionTime : rfc3339(this.ctx.clock.now());
      const conditions = [{ type: 'Available', status: next.status, lastTransitionTime, reason: next.reason, message: next.message }];
      this.ctx.api.updateStatus('apiservices', undefined, { ...a, status: { ...a.status, conditions } });
    }
    this.queue.addAfter(key, RESYNC_MS);
  }
}
