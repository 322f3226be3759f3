/**
 * The CronJob controller's sync (k8s pkg/controller/cronjob/cronjob_controllerv2.go, 1.32): at each scheduled time
 * creates a Job `<cronjob>-<unix minutes>` from the job template, honouring suspend,
 * startingDeadlineSeconds and concurrencyPolicy (Allow, Forbid, Replace); tracks active Jobs, records
 * lastScheduleTime / lastSuccessfulTime and prunes finished Jobs past the history limits. Times are UTC. Part of the controller's lazy part (cronjob.lazy.ts).
 */
import { parseCronSchedule } from '../../api/cron/schedule.js';
import type { KubeObject } from '../../api/types.js';
import { EventRecorder } from '../../events/recorder.js';
import { conditionsOf, findCondition, finishTime, isJobFinished } from '../job/job-conditions.js';
import type { ControllerContext } from '../shared/context.js';
import { timestamp } from '../shared/context.js';
import type { Informer } from '../shared/informer.js';
import { controllerOf, controllerRef } from '../shared/owners.js';
import { sameJson } from '../shared/canonical-json.js';
import { splitKey, type WorkQueue } from '../shared/work-queue.js';
import type { Any } from '../../api/objects.js';

export type Obj = KubeObject & { spec?: Any; status?: Any };

const SCHEDULED_TIMESTAMP = 'batch.kubernetes.io/cronjob-scheduled-timestamp';
/** Past this many missed start times the controller gives up on catching up (mostRecentScheduleTime). */
const MAX_MISSED = 100;
/** The controller requeues a little after the scheduled minute (nextScheduleTimeDuration's 100 ms). */
const AFTER_SCHEDULE_MS = 100;
const RETRY_MS = 1000;

export class CronJobSync {
  private readonly recorder: EventRecorder;

  constructor(
    private readonly ctx: ControllerContext,
    private readonly queue: WorkQueue,
    private readonly cronJobs: Informer<Obj>,
    private readonly jobs: Informer<Obj>,
  ) {
    this.recorder = new EventRecorder(ctx.api, ctx.clock, { component: 'cronjob-controller' });
  }

  sync(key: string): void {
    const { namespace, name } = splitKey(key);
    const cj = this.cronJobs.get(namespace, name);
    if (!cj || cj.metadata.deletionTimestamp) return;
    const spec: Any = cj.spec ?? {};
    const now = this.ctx.clock.now();
    const owned = this.jobs.list(namespace).filter((j) => controllerOf(j)?.uid === cj.metadata.uid);
    const status: Any = { ...(cj.status ?? {}) };
    const active = this.syncActive(cj, owned, status);
    this.pruneHistory(cj, owned);

    const parsed = parseCronSchedule(spec.schedule ?? '');
    let requeue: number | undefined;
    if (parsed.ok && spec.suspend !== true) {
      const since = Date.parse(status.lastScheduleTime ?? cj.metadata.creationTimestamp ?? '') || now;
      const { latest, missed } = this.mostRecent(parsed.schedule, since, now);
      const next = parsed.schedule.next(now);
      if (next !== undefined) requeue = next - now + AFTER_SCHEDULE_MS;
      if (missed > MAX_MISSED)
        this.recorder.event(cj, 'Warning', 'TooManyMissedTimes', 'too many missed start times. Set or decrease .spec.startingDeadlineSeconds or check clock skew');
      if (latest !== undefined) this.run(cj, spec, status, active, latest, now);
    }
    if (!sameJson(status, cj.status ?? {})) {
      const res = this.ctx.api.updateStatus<Obj>('cronjobs', namespace, { ...cj, status });
      if (res.ok) this.cronJobs.store(res.value);
      else requeue = RETRY_MS;
    }
    if (requeue !== undefined) this.queue.addAfter(key, requeue);
  }

  /** The newest activation in (since, now] and how many were missed (mostRecentScheduleTime). */
  private mostRecent(schedule: { next(ms: number): number | undefined }, since: number, now: number): { latest?: number; missed: number } {
    let latest: number | undefined;
    let missed = 0;
    for (let t = schedule.next(since); t !== undefined && t <= now; t = schedule.next(t)) {
      latest = t;
      if (++missed > MAX_MISSED + 1) {
        return { latest: this.lastBefore(schedule, now), missed };
      }
    }
    return { latest, missed };
  }

  /** The last activation at or before `now`, found by stepping back a minute at a time (a catch-up of many missed times). */
  private lastBefore(schedule: { next(ms: number): number | undefined }, now: number): number | undefined {
    for (let back = 60_000; back <= 366 * 24 * 3600_000; back *= 2) {
      let t = schedule.next(now - back);
      let last: number | undefined;
      while (t !== undefined && t <= now) {
        last = t;
        t = schedule.next(t);
      }
      if (last !== undefined) return last;
    }
    return undefined;
  }

  /** Starts the Job of `scheduled` unless it exists, is too late, or the concurrency policy says no. */
  private run(cj: Obj, spec: Any, status: Any, active: Obj[], scheduled: number, now: number): void {
    const jobName = `${cj.metadata.name}-${Math.floor(scheduled / 60_000)}`;
    if (spec.startingDeadlineSeconds !== undefined && scheduled + spec.startingDeadlineSeconds * 1000 < now) {
      this.recorder.event(cj, 'Warning', 'MissSchedule', `Missed scheduled time to start a job: ${new Date(scheduled).toISOString().replace('.000Z', 'Z')}`);
      return;
    }
    if (active.some((j) => j.metadata.name === jobName) || this.jobs.get(cj.metadata.namespace, jobName)) return;
    if (spec.concurrencyPolicy === 'Forbid' && active.length > 0) {
      this.recorder.event(cj, 'Normal', 'JobAlreadyActive', 'Not starting job because prior execution is running and concurrency policy is Forbid');
      return;
    }
    if (spec.concurrencyPolicy === 'Replace') {
      for (const j of active) {
        const res = this.ctx.api.delete('jobs', j.metadata.namespace, j.metadata.name ?? '', { propagationPolicy: 'Background' });
        if (!res.ok && res.status.reason !== 'NotFound') return;
        this.recorder.event(cj, 'Normal', 'SuccessfulDelete', `Deleted job ${j.metadata.name}`);
      }
      status.active = (status.active ?? []).filter((r: Any) => !active.some((j) => j.metadata.uid === r.uid));
    }
    const template: Any = spec.jobTemplate ?? {};
    const body = {
      apiVersion: 'batch/v1',
      kind: 'Job',
      metadata: {
        name: jobName,
        namespace: cj.metadata.namespace,
        ...(template.metadata?.labels ? { labels: { ...template.metadata.labels } } : {}),
        annotations: { ...(template.metadata?.annotations ?? {}), [SCHEDULED_TIMESTAMP]: timestamp(scheduled) },
        ownerReferences: [controllerRef(cj)],
      },
      spec: structuredClone(template.spec ?? {}),
    };
    const res = this.ctx.api.create<Obj>('jobs', cj.metadata.namespace, body);
    if (!res.ok) {
      if (res.status.reason !== 'AlreadyExists') this.recorder.event(cj, 'Warning', 'FailedCreate', `Error creating job: ${res.status.message ?? ''}`);
      return;
    }
    this.jobs.store(res.value);
    this.recorder.event(cj, 'Normal', 'SuccessfulCreate', `Created job ${jobName}`);
    const m = res.value.metadata;
    status.active = [...(status.active ?? []), { apiVersion: 'batch/v1', kind: 'Job', name: m.name, namespace: m.namespace, resourceVersion: m.resourceVersion, uid: m.uid }];
    status.lastScheduleTime = timestamp(scheduled);
  }

  /** Drops finished or vanished Jobs from status.active (SawCompletedJob) and returns the running ones. */
  private syncActive(cj: Obj, owned: Obj[], status: Any): Obj[] {
    const refs: Any[] = status.active ?? [];
    const kept: Any[] = [];
    for (const ref of refs) {
      const job = owned.find((j) => j.metadata.uid === ref.uid);
      if (job && !isJobFinished(job)) kept.push(ref);
      else if (job) {
        const complete = findCondition(conditionsOf(job), 'Complete');
        this.recorder.event(cj, 'Normal', 'SawCompletedJob', `Saw completed job: ${job.metadata.name}, condition: ${complete ? 'Complete' : 'Failed'}`);
        const done = finishTime(job);
        if (complete && done !== undefined && (!status.lastSuccessfulTime || Date.parse(status.lastSuccessfulTime) < done)) status.lastSuccessfulTime = timestamp(done);
      }
    }
    if (kept.length) status.active = kept;
    else delete status.active;
    return owned.filter((j) => !isJobFinished(j) && !j.metadata.deletionTimestamp);
  }

  /** Deletes the oldest finished Jobs past successfulJobsHistoryLimit / failedJobsHistoryLimit. */
  private pruneHistory(cj: Obj, owned: Obj[]): void {
    const spec: Any = cj.spec ?? {};
    const finished = owned.filter((j) => isJobFinished(j) && !j.metadata.deletionTimestamp).sort((a, b) => (finishTime(a) ?? 0) - (finishTime(b) ?? 0));
    const succeeded = finished.filter((j) => findCondition(conditionsOf(j), 'Complete'));
    const failed = finished.filter((j) => !findCondition(conditionsOf(j), 'Complete'));
    for (const [list, limit] of [[succeeded, spec.successfulJobsHistoryLimit], [failed, spec.failedJobsHistoryLimit]] as const) {
      if (limit === undefined || limit === null) continue;
      for (const j of list.slice(0, Math.max(0, list.length - limit))) {
        const res = this.ctx.api.delete('jobs', j.metadata.namespace, j.metadata.name ?? '', { propagationPolicy: 'Background' });
        if (res.ok) this.recorder.event(cj, 'Normal', 'SuccessfulDelete', `Deleted job ${j.metadata.name}`);
      }
    }
  }
}
