/**
 * statefulset-controller (k8s pkg/controller/statefulset/stateful_set_control.go): pods `<set>-0…N-1`
 * with their claims; OrderedReady creates the next ordinal only when all before it are Running and
 * Ready and removes surplus pods from the highest ordinal down, one at a time; Parallel does both at
 * once. A RollingUpdate replaces pods from the highest ordinal down to the partition, one healthy pod
 * at a time; OnDelete waits for the user. Templates are kept as ControllerRevisions.
 */
import type { Any } from '../../api/objects.js';
import { EventRecorder } from '../../events/recorder.js';
import type { ControllerContext } from '../shared/context.js';
import type { Informer } from '../shared/informer.js';
import { claim, ownersOfOrphan } from '../shared/claim.js';
import { controllerOf } from '../shared/owners.js';
import { isPodAvailable, isPodReady, isTerminal, msUntilAvailable } from '../shared/pods.js';
import { sameJson } from '../shared/canonical-json.js';
import { WorkQueue, keyOf, splitKey } from '../shared/work-queue.js';
import { newRevision } from './revisions.js';
import { currentRevision, ownedRevisions, templatePatch, truncateHistory, type RevisionObj } from '../shared/revision-history.js';
import { REVISION_LABEL, claimsFor, newStatefulPod, ordinalOf, startOrdinal, type PodObj, type SetObj } from './stateful-pods.js';

const RETRY_MS = 1000;

const terminating = (p: PodObj) => !!p.metadata.deletionTimestamp;
const runningAndReady = (p: PodObj) => p.status?.phase === 'Running' && isPodReady(p);
const revisionOf = (p: PodObj) => p.metadata.labels?.[REVISION_LABEL] ?? '';

/** The set with the template `revision` recorded (history.ApplyRevision); the set itself without one. */
function atRevision(set: SetObj, revision: RevisionObj | undefined): SetObj {
  const recorded = revision?.data?.spec?.template as Any | undefined;
  if (!recorded) return set;
  const template: Any = { ...recorded, metadata: { ...recorded.metadata } };
  delete template.$patch;
  delete template.metadata.creationTimestamp;
  return { ...set, spec: { ...set.spec, template } } as SetObj;
}

export class StatefulSetController {
  private readonly queue: WorkQueue;
  private readonly recorder: EventRecorder;
  private readonly sets: Informer<SetObj>;
  private readonly pods: Informer<PodObj>;
  private readonly revisions: Informer<RevisionObj>;

  constructor(private readonly ctx: ControllerContext) {
    this.queue = new WorkQueue(ctx.clock, (key) => this.sync(key));
    this.recorder = new EventRecorder(ctx.api, ctx.clock, { component: 'statefulset-controller' });
    this.sets = ctx.informers.for('statefulsets');
    this.pods = ctx.informers.for('pods');
    this.revisions = ctx.informers.for('controllerrevisions');
  }

  start(): void {
    this.sets.onChange((type, set) => type !== 'DELETED' && this.queue.add(keyOf(set)));
    this.pods.onChange((type, pod) => {
      const ref = controllerOf(pod);
      if (ref?.kind === 'StatefulSet') this.queue.add(`${pod.metadata.namespace}/${ref.name}`);
      else if (!ref && type !== 'DELETED') for (const set of ownersOfOrphan(this.sets, pod)) this.queue.add(keyOf(set));
    });
  }

  private sync(key: string): void {
    const { namespace, name } = splitKey(key);
    const set = this.sets.get(namespace, name);
    if (!set || set.metadata.deletionTimestamp) return;
    // ListRevisions claims the revisions too: a set recreated over orphans takes their history back.
    if (!claim(this.ctx, this.revisions, set)) return this.queue.addAfter(key, RETRY_MS);
    const revisions = ownedRevisions(this.revisions, set);
    const update = currentRevision(this.ctx, this.revisions, set, revisions, templatePatch(set), (n) => newRevision(set, n))?.metadata.name;
    if (!update) return this.queue.addAfter(key, RETRY_MS);
    const current = revisions.find((r) => r.metadata.name === set.status?.currentRevision)?.metadata.name ?? update;
    // getPodsForStatefulSet: the set adopts orphans named as its own pods (a set deleted with --cascade=orphan, then recreated).
    const owned = claim(this.ctx, this.pods, set, (p) => ordinalOf(set, p) >= 0);
    if (!owned) return this.queue.addAfter(key, RETRY_MS);
    const ok = this.reconcilePods(set, owned, current, update, atRevision(set, revisions.find((r) => r.metadata.name === current)));
    this.updateStatus(set, current, update);
    const live = new Set([current, update, ...this.pods.list(namespace).filter((p) => controllerOf(p)?.uid === set.metadata.uid).map(revisionOf)]);
    truncateHistory(this.ctx, ownedRevisions(this.revisions, set), live, set.spec?.revisionHistoryLimit);
    if (!ok) this.queue.addAfter(key, RETRY_MS);
  }

  /** One pass of updateStatefulSet; false when a write failed and the set must be looked at again. */
  private reconcilePods(set: SetObj, owned: PodObj[], current: string, update: string, currentSet: SetObj): boolean {
    const start = startOrdinal(set);
    const end = start + (set.spec?.replicas ?? 1);
    const monotonic = set.spec?.podManagementPolicy !== 'Parallel';
    const rolling = set.spec?.updateStrategy?.type !== 'OnDelete';
    const partition = rolling ? (set.spec?.updateStrategy?.rollingUpdate?.partition ?? 0) : 0;
    const byOrdinal = new Map(owned.map((p) => [ordinalOf(set, p), p]));
    for (let ord = start; ord < end; ord++) {
      const pod = byOrdinal.get(ord);
      if (pod && isTerminal(pod) && !terminating(pod)) {
        this.recorder.event(set, 'Warning', 'RecreatingFailedPod', `StatefulSet ${set.metadata.namespace}/${set.metadata.name} is recreating failed Pod ${pod.metadata.name}`);
        if (!this.deletePod(set, pod)) return false;
        if (monotonic) return true;
        continue;
      }
      if (!pod) {
        // newVersionedStatefulSetPod: below the partition a pod is made from the current revision's template.
        const old = rolling && ord - start < partition;
        if (!this.createPod(old ? currentSet : set, ord, old ? current : update)) return false;
        if (monotonic) return true;
        continue;
      }
      if (monotonic && (terminating(pod) || !runningAndReady(pod))) return true;
      if (monotonic && !this.available(set, pod)) {
        this.queue.addAfter(keyOf(set), msUntilAvailable(pod, set.spec?.minReadySeconds ?? 0, this.ctx.clock.now()) ?? RETRY_MS);
        return true;
      }
    }
    const condemned = owned.filter((p) => ordinalOf(set, p) < start || ordinalOf(set, p) >= end).sort((a, b) => ordinalOf(set, b) - ordinalOf(set, a));
    for (const pod of condemned) {
      if (terminating(pod)) {
        if (monotonic) return true;
        continue;
      }
      if (!this.deletePod(set, pod)) return false;
      if (monotonic) return true;
    }
    if (!rolling) return true;
    for (let ord = end - 1; ord >= start + partition; ord--) {
      const pod = byOrdinal.get(ord);
      if (!pod) continue;
      if (revisionOf(pod) !== update && !terminating(pod)) return this.deletePod(set, pod);
      if (!runningAndReady(pod) || terminating(pod)) return true;
    }
    return true;
  }

  /** Running, Ready and Ready for at least minReadySeconds (isRunningAndAvailable). */
  private available(set: SetObj, pod: PodObj): boolean {
    return runningAndReady(pod) && isPodAvailable(pod, set.spec?.minReadySeconds ?? 0, this.ctx.clock.now());
  }

  private createPod(set: SetObj, ordinal: number, revision: string): boolean {
    const pod = newStatefulPod(set, ordinal, revision);
    const podName = pod.metadata.name;
    for (const claim of claimsFor(set, ordinal)) {
      if (this.ctx.api.get('persistentvolumeclaims', set.metadata.namespace, claim.metadata.name).ok) continue;
      const res = this.ctx.api.create('persistentvolumeclaims', set.metadata.namespace, claim);
      if (!res.ok) {
        this.recorder.event(set, 'Warning', 'FailedCreate', `create Claim ${claim.metadata.name} for Pod ${podName} in StatefulSet ${set.metadata.name} failed error: ${res.status.message ?? ''}`);
        return false;
      }
      this.recorder.event(set, 'Normal', 'SuccessfulCreate', `create Claim ${claim.metadata.name} Pod ${podName} in StatefulSet ${set.metadata.name} success`);
    }
    const res = this.ctx.api.create<PodObj>('pods', set.metadata.namespace, pod);
    if (!res.ok) {
      this.recorder.event(set, 'Warning', 'FailedCreate', `create Pod ${podName} in StatefulSet ${set.metadata.name} failed error: ${res.status.message ?? ''}`);
      return false;
    }
    this.pods.store(res.value);
    this.recorder.event(set, 'Normal', 'SuccessfulCreate', `create Pod ${podName} in StatefulSet ${set.metadata.name} successful`);
    return true;
  }

  private deletePod(set: SetObj, pod: PodObj): boolean {
    const res = this.ctx.api.delete<PodObj>('pods', pod.metadata.namespace, pod.metadata.name ?? '');
    if (!res.ok && res.status.reason !== 'NotFound') {
      this.recorder.event(set, 'Warning', 'FailedDelete', `delete Pod ${pod.metadata.name} in StatefulSet ${set.metadata.name} failed error: ${res.status.message ?? ''}`);
      return false;
    }
    if (res.ok) this.pods.store(res.value);
    this.recorder.event(set, 'Normal', 'SuccessfulDelete', `delete Pod ${pod.metadata.name} in StatefulSet ${set.metadata.name} successful`);
    return true;
  }

  /** Counts as stateful_set_control.go computes them; a finished rolling update makes the update revision current. */
  private updateStatus(set: SetObj, current: string, update: string): void {
    const pods = this.pods.list(set.metadata.namespace).filter((p) => controllerOf(p)?.uid === set.metadata.uid);
    const live = pods.filter((p) => !terminating(p));
    const ready = pods.filter(runningAndReady).length;
    let currentReplicas = live.filter((p) => revisionOf(p) === current).length;
    const updatedReplicas = live.filter((p) => revisionOf(p) === update).length;
    let currentRevision = current;
    const replicas = pods.length;
    if (set.spec?.updateStrategy?.type !== 'OnDelete' && updatedReplicas === replicas && ready === replicas) {
      currentReplicas = updatedReplicas;
      currentRevision = update;
    }
    const status: Any = {
      observedGeneration: set.metadata.generation,
      replicas,
      readyReplicas: ready || undefined,
      currentReplicas: currentReplicas || undefined,
      updatedReplicas: updatedReplicas || undefined,
      currentRevision,
      updateRevision: update,
      collisionCount: set.status?.collisionCount ?? 0,
      availableReplicas: pods.filter((p) => this.available(set, p)).length,
    };
    for (const k of Object.keys(status)) if (status[k] === undefined) delete status[k];
    // A Ready pod becomes available minReadySeconds later with no event of its own.
    const waits = pods.filter((p) => runningAndReady(p) && !this.available(set, p)).map((p) => msUntilAvailable(p, set.spec?.minReadySeconds ?? 0, this.ctx.clock.now()) ?? RETRY_MS);
    if (waits.length) this.queue.addAfter(keyOf(set), Math.max(1, Math.min(...waits)));
    if (sameJson(status, set.status ?? {})) return;
    const res = this.ctx.api.updateStatus<SetObj>('statefulsets', set.metadata.namespace, { ...set, status });
    if (res.ok) this.sets.store(res.value);
    else this.queue.addAfter(keyOf(set), RETRY_MS);
  }
}
