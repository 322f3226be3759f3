/**
 * ttl-after-finished-controller (k8s pkg/controller/ttlafterfinished): deletes a finished Job, with its
 * pods in the foreground, `ttlSecondsAfterFinished` after it completed or failed.
 */
import type { KubeObject } from '../../api/types.js';
import { finishTime, isJobFinished } from '../job/job-conditions.js';
import type { ControllerContext } from '../shared/context.js';
import type { Informer } from '../shared/informer.js';
import { WorkQueue, keyOf, splitKey } from '../shared/work-queue.js';

type JobObj = KubeObject & { spec?: { ttlSecondsAfterFinished?: number } };

export class TtlAfterFinishedController {
  private readonly queue: WorkQueue;
  private readonly jobs: Informer<JobObj>;

  constructor(private readonly ctx: ControllerContext) {
    this.queue = new WorkQueue(ctx.clock, (key) => this.sync(key));
    this.jobs = ctx.informers.for('jobs');
  }

  start(): void {
    this.jobs.onChange((type, job) => {
      if (type !== 'DELETED' && job.spec?.ttlSecondsAfterFinished !== undefined && !job.metadata.deletionTimestamp) this.queue.add(keyOf(job));
    });
  }

  private sync(key: string): void {
    const { namespace, name } = splitKey(key);
    const job = this.jobs.get(namespace, name);
    const ttl = job?.spec?.ttlSecondsAfterFinished;
    if (!job || ttl === undefined || job.metadata.deletionTimestamp || !isJobFinished(job)) return;
    const finished = finishTime(job);
    if (finished === undefined) return;
    const left = finished + ttl * 1000 - this.ctx.clock.now();
    if (left > 0) return this.queue.addAfter(key, left);
    this.ctx.api.delete('jobs', namespace, name, { propagationPolicy: 'Foreground' });
  }
}
