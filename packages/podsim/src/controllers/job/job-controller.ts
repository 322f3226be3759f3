/**
 * job-controller of kube-controller-manager (k8s pkg/controller/job/job_controller.go, 1.32): watches
 * Jobs and their pods and syncs a Job on every change. The sync itself (job-sync.ts) is a lazy part.
 */
import { LazyPart } from '../../lazy/part.js';
import type { ControllerContext } from '../shared/context.js';
import type { Informer } from '../shared/informer.js';
import { LazySync } from '../shared/lazy-sync.js';
import { controllerOf } from '../shared/owners.js';
import { WorkQueue, keyOf } from '../shared/work-queue.js';
import part from './job.lazy.js';
import type { JobObj, PodObj } from './job-sync.js';

const SYNC = new LazyPart('job-controller', part);

export class JobController {
  private readonly queue: WorkQueue;
  private readonly jobs: Informer<JobObj>;
  private readonly pods: Informer<PodObj>;
  private readonly syncer;

  constructor(ctx: ControllerContext) {
    this.queue = new WorkQueue(ctx.clock, (key) => this.syncer.run(key, (k) => this.queue.add(k)));
    this.jobs = ctx.informers.for('jobs');
    this.pods = ctx.informers.for('pods');
    this.syncer = new LazySync(SYNC, (p) => new p.JobSync(ctx, this.queue, this.jobs, this.pods));
  }

  start(): void {
    this.jobs.onChange((type, job) => {
      if (type === 'DELETED') this.syncer.current?.forget(job.metadata.uid ?? '');
      this.queue.add(keyOf(job));
    });
    this.pods.onChange((_t, pod, old) => {
      const ref = controllerOf(pod) ?? (old && controllerOf(old));
      if (ref?.kind === 'Job') this.queue.add(`${pod.metadata.namespace}/${ref.name}`);
    });
  }
}
