/**
 * The Job controller's sync (k8s pkg/controller/job/job_controller.go, 1.32, NonIndexed and Indexed completion):
 * runs pods until `completions` succeed (or, without completions, until one succeeds and the rest end),
 * at most `parallelism` at a time; replaces failed pods after the pod-failure back-off; fails the Job
 * past `backoffLimit` (failed pods, or container restarts with restartPolicy OnFailure) or
 * `activeDeadlineSeconds`; counts each pod once through its tracking finalizer. Indexed Jobs with
 * backoffLimitPerIndex count failures per index instead (per-index.ts). Part of the controller's lazy part (job.lazy.ts).
 */
import type { KubeObject, Pod } from '../../api/types.js';
import { EventRecorder } from '../../events/recorder.js';
import type { ControllerContext } from '../shared/context.js';
import { timestamp } from '../shared/context.js';
import type { Informer } from '../shared/informer.js';
import type { WorkQueue } from '../shared/work-queue.js';
import { controllerOf, controllerRef } from '../shared/owners.js';
import { TokenBucket } from '../shared/rate-limiter.js';
import { sameJson } from '../shared/canonical-json.js';
import { keyOf, splitKey } from '../shared/work-queue.js';
import { podsToDelete } from '../replicaset/deletion-order.js';
import { BACKOFF_LIMIT_EXCEEDED, COMPLETIONS_REACHED, DEADLINE_EXCEEDED, conditionsOf, findCondition, newCondition, type Finish } from './job-conditions.js';
import { applyPodFailurePolicy } from './pod-failure-policy.js';
import { MAX_POD_CREATE_DELETE_PER_SYNC, TRACKING_FINALIZER, finishedTime, hasTrackingFinalizer, isPodActive, isPodFailed, isPodReady, isPodSucceeded, isPodTerminating, pastBackoffLimitOnFailure } from './job-pods.js';
import { nextBackoffRecord, remainingBackoff, type BackoffRecord } from './pod-failure-backoff.js';
import { indexedPlan, COMPLETION_INDEX_ANNOTATION, formatIntervals, podIndex, type Intervals } from './indexed.js';
import { failedIndexes, hasBackoffLimitPerIndex, indexesFailure, intervalsHas, lastFailedPerIndex, remainingForIndex, replacementAnnotations } from './per-index.js';
import type { Any } from '../../api/objects.js';

export type JobObj = KubeObject & { spec?: Any; status?: Any };
export type PodObj = Pod & KubeObject;

const RETRY_MS = 1000;

export class JobSync {
  private readonly recorder: EventRecorder;
  private readonly backoff = new Map<string, BackoffRecord>();
  private readonly throttle: TokenBucket;

  constructor(
    private readonly ctx: ControllerContext,
    private readonly queue: WorkQueue,
    private readonly jobs: Informer<JobObj>,
    private readonly pods: Informer<PodObj>,
  ) {
    this.recorder = new EventRecorder(ctx.api, ctx.clock, { component: 'job-controller' });
    this.throttle = new TokenBucket(ctx.clock);
  }

  forget(uid: string): void {
    this.backoff.delete(uid);
  }

  sync(key: string): void {
    const { namespace, name } = splitKey(key);
    const job = this.jobs.get(namespace, name);
    const owned = (uid: string | undefined): PodObj[] => this.pods.list(namespace).filter((p) => controllerOf(p)?.kind === 'Job' && controllerOf(p)?.name === name && (!uid || controllerOf(p)?.uid === uid));
    if (!job) {
      // Pods of a deleted Job are no longer counted by anyone: let them go.
      this.releasePods(owned(undefined).filter(hasTrackingFinalizer));
      return;
    }
    const pods = owned(job.metadata.uid);
    const now = this.ctx.clock.now();
    const spec: Any = job.spec ?? {};
    const prev: Any = job.status ?? {};
    const conds = conditionsOf(job);
    const done = !!(findCondition(conds, 'Complete') || findCondition(conds, 'Failed'));

    const counted = pods.filter((p) => hasTrackingFinalizer(p) && (isPodSucceeded(p) || isPodFailed(p, spec)));
    const newSucceeded = counted.filter(isPodSucceeded);
    const newFailed = counted.filter((p) => !isPodSucceeded(p));
    const uid = job.metadata.uid ?? '';
    const record = nextBackoffRecord(this.backoff.get(uid) ?? { failuresAfterLastSuccess: 0 }, counted.map((p) => ({ succeeded: isPodSucceeded(p), at: finishedTime(p, now) })));
    this.backoff.set(uid, record);
    const status: Any = { ...prev, conditions: conds };
    status.succeeded = (prev.succeeded ?? 0) + newSucceeded.length;
    const outcomes = newFailed.map((p) => applyPodFailurePolicy(spec.podFailurePolicy, p));
    status.failed = (prev.failed ?? 0) + outcomes.filter((o) => o.count).length;
    const failJob = outcomes.find((o) => o.failJob)?.failJob;
    // Once the Job is finishing, the pods it stops count as failed but give up no index (upstream
    // counts them in the finishing sync and drops their finalizers at once).
    const finishing = !!(findCondition(conds, 'FailureTarget') || findCondition(conds, 'SuccessCriteriaMet'));
    const newlyFailed = finishing ? [] : newFailed.map((pod, i) => ({ pod, outcome: outcomes[i] }));
    const failedIdx = hasBackoffLimitPerIndex(spec) ? failedIndexes(spec, prev.failedIndexes, newlyFailed) : undefined;
    const completedIdx = spec.completionMode === 'Indexed' ? indexedPlan(spec, pods, prev.completedIndexes, failedIdx) : undefined;
    if (completedIdx) status.completedIndexes = completedIdx.completedIndexes || undefined;
    if (failedIdx) status.failedIndexes = formatIntervals(failedIdx);
    let active = pods.filter(isPodActive);

    if (!done) {
      const suspended = spec.suspend === true;
      if (!status.startTime && !suspended) status.startTime = timestamp(now);
      let failure: Finish | undefined = findCondition(conds, 'FailureTarget') as Finish | undefined;
      let success = findCondition(conds, 'SuccessCriteriaMet') !== undefined;
      if (!failure && !success) {
        const deadline = spec.activeDeadlineSeconds !== undefined && status.startTime ? Date.parse(status.startTime) + spec.activeDeadlineSeconds * 1000 : undefined;
        if (failJob) failure = { reason: 'PodFailurePolicy', message: failJob };
        else if (status.failed > (spec.backoffLimit ?? 6) || pastBackoffLimitOnFailure(spec, active)) failure = BACKOFF_LIMIT_EXCEEDED;
        else if (deadline !== undefined && !suspended && now >= deadline) failure = DEADLINE_EXCEEDED;
        else if (deadline !== undefined && !suspended) this.queue.addAfter(key, deadline - now);
        if (!failure && failedIdx && completedIdx) failure = indexesFailure(spec, failedIdx, spec.completions - completedIdx.remaining);
        if (failure) conds.push(newCondition('FailureTarget', failure, now));
        else if (this.completionsReached(spec, status, active, completedIdx?.remaining)) {
          success = true;
          conds.push(newCondition('SuccessCriteriaMet', COMPLETIONS_REACHED, now));
        }
      }
      if (failure || success) active = this.deletePods(job, active);
      else if (suspended) active = this.deletePods(job, active);
      else active = this.manage(job, spec, status, active, pods.filter(isPodTerminating).length, record, completedIdx?.missing, failedIdx && { failed: failedIdx, pods });
      const after = owned(uid);
      const uncounted = after.filter((p) => hasTrackingFinalizer(p) && !counted.some((c) => c.metadata.uid === p.metadata.uid));
      if ((failure || success) && active.length === 0 && uncounted.length === 0 && !after.some(isPodTerminating)) {
        const fin = failure ?? COMPLETIONS_REACHED;
        conds.push(newCondition(failure ? 'Failed' : 'Complete', fin, now));
        if (success) status.completionTime = timestamp(now);
        this.recorder.event(job, failure ? 'Warning' : 'Normal', failure ? fin.reason : 'Completed', failure ? fin.message : 'Job completed');
      }
    }
    status.active = active.length || undefined;
    status.ready = active.filter(isPodReady).length;
    status.terminating = owned(uid).filter(isPodTerminating).length;
    status.uncountedTerminatedPods = {};
    if (!status.conditions.length) delete status.conditions;
    for (const k of ['succeeded', 'failed'] as const) if (!status[k]) delete status[k];
    if (!status.active) delete status.active;
    if (!sameJson(status, prev)) {
      const res = this.ctx.api.updateStatus<JobObj>('jobs', namespace, { ...job, status });
      if (!res.ok) return this.queue.addAfter(key, RETRY_MS);
      this.jobs.store(res.value);
    }
    this.releasePods(counted);
  }

  private completionsReached(spec: Any, status: Any, active: Pod[], remainingIndexes: number | undefined): boolean {
    if (remainingIndexes !== undefined) return remainingIndexes === 0;
    if (spec.completions === undefined || spec.completions === null) return status.succeeded > 0 && active.length === 0;
    return status.succeeded >= spec.completions;
  }

  /** Creates or deletes pods toward the wanted number of active ones; returns the active pods after it. */
  private manage(job: JobObj, spec: Any, status: Any, active: PodObj[], terminating: number, record: BackoffRecord, missingIndexes: number[] | undefined, perIndex?: { failed: Intervals; pods: PodObj[] }): PodObj[] {
    const key = keyOf(job);
    const now = this.ctx.clock.now();
    if (perIndex) {
      // The pods of an index given up on are stopped.
      const doomed = active.filter((p) => intervalsHas(perIndex.failed, podIndex(p) ?? -1));
      if (doomed.length > 0) {
        const kept = new Set(this.deletePods(job, doomed));
        active = active.filter((p) => !doomed.includes(p) || kept.has(p));
      }
    }
    const parallelism = spec.parallelism ?? 1;
    let want: number;
    if (spec.completions === undefined || spec.completions === null) want = status.succeeded > 0 ? active.length : parallelism;
    else want = Math.max(0, Math.min(spec.completions - status.succeeded, parallelism));
    if (active.length > want) {
      const excess = podsToDelete(active, active, active.length - want, this.ctx.clock.now()) as PodObj[];
      const kept = new Set(this.deletePods(job, excess));
      return active.filter((p) => !excess.includes(p) || kept.has(p));
    }
    // With podReplacementPolicy Failed a pod is replaced only once it has fully terminated.
    const diff = want - active.length - (spec.podReplacementPolicy === 'Failed' ? terminating : 0);
    if (diff <= 0) return active;
    // Per-index back-off replaces the Job-wide one.
    const wait = perIndex ? 0 : remainingBackoff(record, now);
    if (wait > 0) {
      this.queue.addAfter(key, wait);
      return active;
    }
    let candidates = missingIndexes;
    let lastFailed: Map<number, PodObj> | undefined;
    if (perIndex && missingIndexes) {
      const activeIdx = new Set(active.map(podIndex));
      lastFailed = lastFailedPerIndex(spec, perIndex.pods, (i) => activeIdx.has(i) || intervalsHas(perIndex.failed, i), now);
      const pending = missingIndexes.slice(0, diff);
      const waits = pending.map((i) => remainingForIndex(lastFailed?.get(i), now));
      candidates = pending.filter((_i, n) => waits[n] === 0);
      if (candidates.length === 0) {
        const soonest = Math.min(...waits);
        if (Number.isFinite(soonest)) this.queue.addAfter(key, soonest);
        return active;
      }
    }
    const granted = this.throttle.take(Math.min(candidates ? Math.min(diff, candidates.length) : diff, MAX_POD_CREATE_DELETE_PER_SYNC));
    if (granted < diff) this.queue.addAfter(key, Math.max(this.throttle.msUntilNext(), 1));
    const created: PodObj[] = [];
    const indexes = candidates ? candidates.slice(0, granted) : undefined;
    for (let i = 0; i < granted; i++) {
      const replaced = indexes && lastFailed?.get(indexes[i]);
      const counts = perIndex ? replacementAnnotations(replaced, replaced ? applyPodFailurePolicy(spec.podFailurePolicy, replaced) : undefined) : undefined;
      const pod = this.createPod(job, spec, indexes?.[i], counts);
      if (!pod) {
        this.queue.addAfter(key, RETRY_MS);
        break;
      }
      created.push(pod);
    }
    return [...active, ...created];
  }

  private createPod(job: JobObj, spec: Any, index: number | undefined, extraAnnotations?: Record<string, string>): PodObj | undefined {
    const template: Any = spec.template ?? {};
    const annotations = { ...(template.metadata?.annotations ?? {}), ...(extraAnnotations ?? {}) };
    const labels = { ...(template.metadata?.labels ?? {}) };
    const podSpec = structuredClone(template.spec ?? {});
    const name = job.metadata.name ?? '';
    if (index !== undefined) {
      annotations[COMPLETION_INDEX_ANNOTATION] = String(index);
      labels[COMPLETION_INDEX_ANNOTATION] = String(index);
      podSpec.hostname ??= `${name}-${index}`;
      for (const c of [...(podSpec.initContainers ?? []), ...(podSpec.containers ?? [])])
        c.env = [...(c.env ?? []), { name: 'JOB_COMPLETION_INDEX', valueFrom: { fieldRef: { fieldPath: `metadata.labels['${COMPLETION_INDEX_ANNOTATION}']` } } }];
    }
    const pod = {
      apiVersion: 'v1',
      kind: 'Pod',
      metadata: {
        generateName: index === undefined ? `${name}-` : `${name}-${index}-`,
        namespace: job.metadata.namespace,
        labels,
        ...(Object.keys(annotations).length ? { annotations } : {}),
        ownerReferences: [controllerRef(job)],
        finalizers: [TRACKING_FINALIZER],
      },
      spec: podSpec,
    };
    const res = this.ctx.api.create<PodObj>('pods', job.metadata.namespace, pod);
    if (!res.ok) {
      this.recorder.event(job, 'Warning', 'FailedCreate', `Error creating: ${res.status.message ?? ''}`);
      return undefined;
    }
    this.pods.store(res.value);
    this.recorder.event(job, 'Normal', 'SuccessfulCreate', `Created pod: ${res.value.metadata.name}`);
    return res.value;
  }

  /** Deletes pods (at most a sync's worth); returns those still active. */
  private deletePods(job: JobObj, pods: PodObj[]): PodObj[] {
    const left: PodObj[] = [];
    pods.forEach((pod, i) => {
      if (i >= MAX_POD_CREATE_DELETE_PER_SYNC) return left.push(pod);
      const res = this.ctx.api.delete<PodObj>('pods', pod.metadata.namespace, pod.metadata.name ?? '');
      if (!res.ok && res.status.reason !== 'NotFound') return left.push(pod);
      if (res.ok) this.pods.store(res.value);
      this.recorder.event(job, 'Normal', 'SuccessfulDelete', `Deleted pod: ${pod.metadata.name}`);
    });
    if (left.length) this.queue.addAfter(keyOf(job), RETRY_MS);
    return left;
  }

  /** Drops the tracking finalizer of pods already counted in the Job's status. */
  private releasePods(pods: PodObj[]): void {
    for (const pod of pods) {
      const finalizers = (pod.metadata.finalizers ?? []).filter((f) => f !== TRACKING_FINALIZER);
      const res = this.ctx.api.patch<PodObj>('pods', pod.metadata.namespace, pod.metadata.name ?? '', 'merge', { metadata: { finalizers: finalizers.length ? finalizers : null } });
      if (res.ok) this.pods.store(res.value);
    }
  }
}
