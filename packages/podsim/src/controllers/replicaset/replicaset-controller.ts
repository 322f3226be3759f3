/**
 * Keeps `spec.replicas` active pods per ReplicaSet (k8s pkg/controller/replicaset/replica_set.go):
 * adopts matching orphans, releases pods that stopped matching, creates from the template with
 * generateName `<rs>-`, deletes the lowest-ranked pods, and reports status.
 */
import type { KubeObject, Pod, ReplicaSet } from '../../api/types.js';
import { EventRecorder } from '../../events/recorder.js';
import type { ControllerContext } from '../shared/context.js';
import type { Informer } from '../shared/informer.js';
import { adoptsOrphans, claim, ownersOfOrphan } from '../shared/claim.js';
import { controllerOf, controllerRef, isControlledBy } from '../shared/owners.js';
import { isPodActive } from '../shared/pods.js';
import { ItemBackoff } from '../shared/rate-limiter.js';
import { WorkQueue, keyOf, splitKey } from '../shared/work-queue.js';
import { podsToDelete } from './deletion-order.js';
import { replicaSetStatus, statusChanged } from './replicaset-status.js';

/** Retry delay after a failed write (the real queue's rate limiter starts at 5 ms; we keep it visible). */
const RETRY_MS = 1000;
/**
 * An adoption's round trips (the set's uncached GET, the orphan's PATCH) before the sync acts on what it
 * adopted: longer than a scheduling cycle and its binding, as the ReplicaSet docs page shows (the pods it
 * adopts beyond its replicas are bound, so `Terminating`, when it deletes them).
 */
const ADOPTION_MS = 50;

export class ReplicaSetController {
  private readonly queue: WorkQueue;
  private readonly recorder: EventRecorder;
  private readonly rsInformer: Informer<ReplicaSet & KubeObject>;
  private readonly podInformer: Informer<Pod & KubeObject>;
  private readonly backoff = new ItemBackoff();
  /** When a set that found orphans to adopt has re-read itself and may act, by key. */
  private readonly rechecked = new Map<string, number>();

  constructor(private readonly ctx: ControllerContext) {
    this.queue = new WorkQueue(ctx.clock, (key) => this.sync(key));
    this.recorder = new EventRecorder(ctx.api, ctx.clock, { component: 'replicaset-controller' });
    this.rsInformer = ctx.informers.for('replicasets');
    this.podInformer = ctx.informers.for('pods');
  }

  start(): void {
    this.rsInformer.onChange((_t, rs) => this.queue.add(keyOf(rs)));
    this.podInformer.onChange((type, pod, old) => {
      const ref = controllerOf(pod);
      const oldRef = old && controllerOf(old);
      if (oldRef && oldRef.uid !== ref?.uid && oldRef.kind === 'ReplicaSet') this.queue.add(`${pod.metadata.namespace}/${oldRef.name}`);
      if (ref?.kind === 'ReplicaSet') this.queue.add(`${pod.metadata.namespace}/${ref.name}`);
      else if (!ref && type !== 'DELETED') for (const rs of ownersOfOrphan(this.rsInformer, pod)) this.queue.add(keyOf(rs));
    });
  }

  private sync(key: string): void {
    const { namespace, name } = splitKey(key);
    const rs = this.rsInformer.get(namespace, name);
    if (!rs) return;
    const now = this.ctx.clock.now();
    if (adoptsOrphans(this.podInformer, rs)) {
      const due = this.rechecked.get(key) ?? now + ADOPTION_MS;
      if (now < due) {
        this.rechecked.set(key, due);
        return this.queue.addAfter(key, due - now);
      }
    }
    this.rechecked.delete(key);
    const pods = claim(this.ctx, this.podInformer, rs);
    if (!pods) return this.queue.addAfter(key, RETRY_MS);
    const active = pods.filter(isPodActive);
    const failure = rs.metadata.deletionTimestamp ? undefined : this.manage(rs, active);
    const after = this.podInformer.list(namespace).filter((p) => isPodActive(p) && isControlledBy(p, rs));
    const { status, nextAvailableInMs } = replicaSetStatus(rs, after, now, failure === undefined ? undefined : { reason: active.length < (rs.spec?.replicas ?? 1) ? 'FailedCreate' : 'FailedDelete', message: failure });
    if (statusChanged(rs.status, status)) {
      const res = this.ctx.api.updateStatus<ReplicaSet & KubeObject>('replicasets', namespace, { ...rs, status });
      if (res.ok) this.rsInformer.store(res.value);
      else return this.queue.addAfter(key, RETRY_MS);
    }
    if (failure === undefined) this.backoff.forget(key);
    else this.queue.addAfter(key, this.backoff.when(key));
    if (nextAvailableInMs !== undefined) this.queue.addAfter(key, nextAvailableInMs);
  }

  /** Creates or deletes pods toward spec.replicas; the API's error when a write failed. */
  private manage(rs: ReplicaSet & KubeObject, active: Pod[]): string | undefined {
    const diff = active.length - (rs.spec?.replicas ?? 1);
    if (diff < 0) {
      for (let i = 0; i < -diff; i++) {
        const failed = this.createPod(rs);
        if (failed !== undefined) return failed;
      }
    } else if (diff > 0) {
      for (const pod of podsToDelete(active, active, diff, this.ctx.clock.now())) {
        const meta = pod.metadata ?? {};
        const res = this.ctx.api.delete<Pod & KubeObject>('pods', meta.namespace, meta.name ?? '');
        if (!res.ok && res.status.reason !== 'NotFound') return res.status.message ?? '';
        if (res.ok && res.value.metadata.deletionTimestamp) this.podInformer.store(res.value);
        else this.podInformer.forget(pod as Pod & KubeObject);
        this.recorder.event(rs, 'Normal', 'SuccessfulDelete', `Deleted pod: ${meta.name}`);
      }
    }
    return undefined;
  }

  private createPod(rs: ReplicaSet & KubeObject): string | undefined {
    const template = rs.spec?.template ?? {};
    const pod = {
      apiVersion: 'v1',
      kind: 'Pod',
      metadata: {
        generateName: `${rs.metadata.name}-`,
        namespace: rs.metadata.namespace,
        labels: { ...(template.metadata?.labels ?? {}) },
        ...(template.metadata?.annotations ? { annotations: { ...template.metadata.annotations } } : {}),
        ownerReferences: [controllerRef(rs)],
      },
      spec: structuredClone(template.spec),
    };
    const res = this.ctx.api.create<Pod & KubeObject>('pods', rs.metadata.namespace, pod);
    if (!res.ok) {
      this.recorder.event(rs, 'Warning', 'FailedCreate', `Error creating: ${res.status.message ?? ''}`);
      return res.status.message ?? '';
    }
    this.podInformer.store(res.value);
    this.recorder.event(rs, 'Normal', 'SuccessfulCreate', `Created pod: ${res.value.metadata.name}`);
    return undefined;
  }
}

