/**
 * The resourcequota controller of kube-controller-manager (k8s pkg/controller/resourcequota): a quota's
 * status.hard follows its spec and status.used is counted from the namespace's objects when the quota is
 * created or changed, when a charged object goes (a pod deleted or finished: replenishment) and every
 * 5 minutes (--resource-quota-sync-period). Creations are charged by the admission plugin.
 */
import type { KubeObject, Pod } from '../../api/types.js';
import { RESOURCE_QUOTA } from '../../api/resource-quota/admission.js';
import { sameJson } from '../shared/canonical-json.js';
import type { ControllerContext } from '../shared/context.js';
import type { Informer } from '../shared/informer.js';
import { isTerminal } from '../shared/pods.js';
import { WorkQueue } from '../shared/work-queue.js';

const RESYNC_MS = 5 * 60_000;
/** The kinds whose deletion gives quota back, besides pods. */
const REPLENISHED = ['services', 'configmaps', 'secrets', 'persistentvolumeclaims'];

type QuotaObj = KubeObject & { spec?: { hard?: Record<string, string> }; status?: { hard?: Record<string, string>; used?: Record<string, string> } };

export class ResourceQuotaController {
  private readonly queue: WorkQueue;
  private readonly quotas: Informer<QuotaObj>;

  constructor(private readonly ctx: ControllerContext) {
    this.queue = new WorkQueue(ctx.clock, (ns) => this.sync(ns));
    this.quotas = ctx.informers.for('resourcequotas');
  }

  start(): void {
    this.quotas.onChange((type, q) => {
      if (type !== 'DELETED' && (!q.status?.used || !sameJson(q.spec?.hard ?? {}, q.status.hard ?? {}))) this.queue.add(q.metadata.namespace ?? '');
    });
    const replenish = (obj: KubeObject) => {
      const ns = obj.metadata.namespace ?? '';
      if (this.quotas.list(ns).length) this.queue.add(ns);
    };
    this.ctx.informers.for<Pod & KubeObject>('pods').onChange((type, pod, old) => {
      if (type === 'DELETED' || (old && isTerminal(pod) && !isTerminal(old))) replenish(pod);
    });
    for (const r of REPLENISHED) this.ctx.informers.for(r).onChange((type, obj) => type === 'DELETED' && replenish(obj));
  }

  private sync(ns: string): void {
    const quotas = this.quotas.list(ns);
    if (!quotas.length) return;
    if (!RESOURCE_QUOTA.loaded) return this.queue.addAfter(ns, 1000);
    for (const q of RESOURCE_QUOTA.get().recount(this.ctx.api, ns, quotas, this.ctx.clock.now())) this.quotas.store(q as QuotaObj);
    this.queue.addAfter(ns, RESYNC_MS);
  }
}
