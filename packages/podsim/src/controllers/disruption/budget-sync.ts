/**
 * The disruption controller's loop: a work queue of budgets, fed by budget changes and by changes of
 * the pods a budget's selector covers, each key synced by syncBudget and looked at again when an
 * evicted pod's deletion timeout runs out.
 */
import type { Budget } from '../../api/eviction-budget.js';
import { selectorMatches } from '../../api/selectors.js';
import type { KubeObject, Pod } from '../../api/types.js';
import { EventRecorder } from '../../events/recorder.js';
import type { ControllerContext } from '../shared/context.js';
import type { Informer } from '../shared/informer.js';
import { WorkQueue, keyOf, splitKey } from '../shared/work-queue.js';
import { syncBudget } from './budget-status.js';

/** Starts the loop; returns how a budget change enters it. */
export function startBudgetSync(ctx: ControllerContext, pdbs: Informer<Budget>): (pdb: Budget) => void {
  const pods = ctx.informers.for<Pod & KubeObject>('pods');
  const recorder = new EventRecorder(ctx.api, ctx.clock, { component: 'controllermanager' });
  const queue: WorkQueue = new WorkQueue(ctx.clock, (key) => {
    const { namespace, name } = splitKey(key);
    const pdb = pdbs.get(namespace, name);
    const recheck = pdb && syncBudget(ctx, recorder, pdb, pods.list(namespace));
    if (recheck !== undefined) queue.addAfter(key, recheck);
  });
  pods.onChange((_, pod) => {
    for (const pdb of pdbs.list(pod.metadata.namespace)) if (selectorMatches(pdb.spec?.selector, pod.metadata.labels)) queue.add(keyOf(pdb));
  });
  return (pdb) => queue.add(keyOf(pdb));
}
