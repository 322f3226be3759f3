/**
 * The horizontal-pod-autoscaler controller of kube-controller-manager (k8s pkg/controller/podautoscaler/
 * horizontal.go, 1.32): each autoscaler is synced every 15 s, the first time 15 s after it appears.
 * The sync itself (reconciler.ts) is a lazy part: it only ever runs for autoscalers a reader created.
 */
import type { KubeObject, Pod } from '../../api/types.js';
import { LazyPart } from '../../lazy/part.js';
import type { ControllerContext } from '../shared/context.js';
import type { Informer } from '../shared/informer.js';
import { WorkQueue, keyOf, splitKey } from '../shared/work-queue.js';
import part from './hpa.lazy.js';
import type { Hpa, HpaReconciler } from './reconciler.js';

/** --horizontal-pod-autoscaler-sync-period default. */
export const HPA_SYNC_PERIOD_MS = 15_000;

const RECONCILER = new LazyPart('hpa-controller', part);

export class HorizontalPodAutoscalerController {
  private readonly queue: WorkQueue;
  private readonly hpas: Informer<Hpa>;
  private readonly pods: Informer<Pod & KubeObject>;
  private reconciler: HpaReconciler | undefined;

  constructor(private readonly ctx: ControllerContext) {
    this.queue = new WorkQueue(ctx.clock, (key) => this.sync(key));
    this.hpas = ctx.informers.for('horizontalpodautoscalers');
    this.pods = ctx.informers.for('pods');
  }

  start(): void {
    // Every add or change waits out the sync period: the queue's rate limiter is a fixed 15 s.
    this.hpas.onChange((type, hpa) => {
      if (type === 'DELETED') this.reconciler?.forget(keyOf(hpa));
      else this.queue.addAfter(keyOf(hpa), HPA_SYNC_PERIOD_MS);
    });
  }

  private sync(key: string): void {
    const { namespace, name } = splitKey(key);
    const hpa = this.hpas.get(namespace, name);
    if (!hpa) return this.reconciler?.forget(key);
    if (RECONCILER.loaded) {
      this.reconciler ??= new (RECONCILER.get().HpaReconciler)(this.ctx, this.hpas, this.pods);
      this.reconciler.reconcile(key, hpa);
    }
    this.queue.addAfter(key, HPA_SYNC_PERIOD_MS);
  }
}
