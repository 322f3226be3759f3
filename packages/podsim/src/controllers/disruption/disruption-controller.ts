/**
 * The disruption controller of kube-controller-manager (k8s pkg/controller/disruption): a budget is
 * synced when it changes and when a pod its selector covers does; the sync (budget-status.ts) is a lazy
 * part, since budgets only exist once a reader created one.
 */
import type { Budget } from '../../api/eviction-budget.js';
import { selectorMatches } from '../../api/selectors.js';
import type { KubeObject, Pod } from '../../api/types.js';
import { EventRecorder } from '../../events/recorder.js';
import { LazyPart } from '../../lazy/part.js';
import type { ControllerContext } from '../shared/context.js';
import type { Informer } from '../shared/informer.js';
import { WorkQueue, keyOf, splitKey } from '../shared/work-queue.js';
import part from './disruption.lazy.js';

const SYNC = new LazyPart('disruption-controller', part);

export class DisruptionController {
  private readonly queue: WorkQueue;
  private readonly pdbs: Informer<Budget>;
  private readonly pods: Informer<Pod & KubeObject>;
  private readonly recorder: EventRecorder;

  constructor(private readonly ctx: ControllerContext) {
    this.queue = new WorkQueue(ctx.clock, (key) => this.sync(key));
    this.pdbs = ctx.informers.for('poddisruptionbudgets');
    this.pods = ctx.informers.for('pods');
    this.recorder = new EventRecorder(ctx.api, ctx.clock, { component: 'controllermanager' });
  }

  start(): void {
    this.pdbs.onChange((type, pdb) => type !== 'DELETED' && this.queue.add(keyOf(pdb)));
    this.pods.onChange((_, pod) => {
      for (const pdb of this.pdbs.list(pod.metadata.namespace))
        if (selectorMatches(pdb.spec?.selector, pod.metadata.labels)) this.queue.add(keyOf(pdb));
    });
  }

  private sync(key: string): void {
    const { namespace, name } = splitKey(key);
    const pdb = this.pdbs.get(namespace, name);
    if (!pdb) return;
    if (!SYNC.loaded) return this.queue.addAfter(key, 1000);
    const recheck = SYNC.get().syncBudget(this.ctx, this.recorder, pdb, this.pods.list(namespace));
    if (recheck !== undefined) this.queue.addAfter(key, recheck);
  }
}
