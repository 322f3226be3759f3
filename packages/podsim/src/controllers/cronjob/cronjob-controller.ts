/**
 * cronjob-controller of kube-controller-manager (k8s pkg/controller/cronjob/cronjob_controllerv2.go, 1.32):
 * watches CronJobs and their Jobs. The sync itself (cronjob-sync.ts) is a lazy part.
 */
import { LazyPart } from '../../lazy/part.js';
import type { ControllerContext } from '../shared/context.js';
import type { Informer } from '../shared/informer.js';
import { LazySync } from '../shared/lazy-sync.js';
import { controllerOf } from '../shared/owners.js';
import { WorkQueue, keyOf } from '../shared/work-queue.js';
import part from './cronjob.lazy.js';
import type { Obj } from './cronjob-sync.js';

const SYNC = new LazyPart('cronjob-controller', part);

export class CronJobController {
  private readonly queue: WorkQueue;
  private readonly cronJobs: Informer<Obj>;
  private readonly jobs: Informer<Obj>;
  private readonly syncer;

  constructor(ctx: ControllerContext) {
    this.queue = new WorkQueue(ctx.clock, (key) => this.syncer.run(key, (k) => this.queue.add(k)));
    this.cronJobs = ctx.informers.for('cronjobs');
    this.jobs = ctx.informers.for('jobs');
    this.syncer = new LazySync(SYNC, (p) => new p.CronJobSync(ctx, this.queue, this.cronJobs, this.jobs));
  }

  start(): void {
    this.cronJobs.onChange((type, cj) => type !== 'DELETED' && this.queue.add(keyOf(cj)));
    this.jobs.onChange((_t, job) => {
      const ref = controllerOf(job);
      if (ref?.kind === 'CronJob') this.queue.add(`${job.metadata.namespace}/${ref.name}`);
    });
  }
}
