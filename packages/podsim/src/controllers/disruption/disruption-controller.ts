/**
 * The disruption controller of kube-controller-manager (k8s pkg/controller/disruption): a budget is
 * synced when it changes and when a pod its selector covers does (budget-sync.ts). Only the hook is
 * here: the controller itself is a lazy part, started by the first budget, which only a reader's
 * request can create, after the parts have arrived.
 */
import type { Budget } from '../../api/eviction-budget.js';
import { LazyPart } from '../../lazy/part.js';
import type { ControllerContext } from '../shared/context.js';
import part from './disruption.lazy.js';

const CONTROLLER = new LazyPart('disruption-controller', part);

export class DisruptionController {
  constructor(private readonly ctx: ControllerContext) {}

  start(): void {
    const pdbs = this.ctx.informers.for<Budget>('poddisruptionbudgets');
    let sync: ((pdb: Budget) => void) | undefined;
    pdbs.onChange((type, pdb) => type !== 'DELETED' && (sync ??= CONTROLLER.get().startBudgetSync(this.ctx, pdbs))(pdb));
  }
}
