/**
 * garbage-collector (k8s pkg/controller/garbagecollector): deletes objects whose owners are all
 * gone (background cascade), drops references to vanished owners when another owner remains, and
 * serves the two deletion finalizers: `orphan` (strip the owner reference from dependents) and
 * `foregroundDeletion` (delete dependents first, then let the owner go).
 */
import type { KubeObject } from '../../api/types.js';
import type { ControllerContext } from '../shared/context.js';
import type { Informer } from '../shared/informer.js';
import { withoutOwner } from '../shared/owners.js';
import { WorkQueue, keyOf, splitKey } from '../shared/work-queue.js';

const ORPHAN = 'orphan';
const FOREGROUND = 'foregroundDeletion';
const RETRY_MS = 1000;

/** Kinds whose objects we track, as owners and as dependents. */
const RESOURCE_OF_KIND: Record<string, string> = { Deployment: 'deployments', ReplicaSet: 'replicasets', DaemonSet: 'daemonsets', StatefulSet: 'statefulsets', ControllerRevision: 'controllerrevisions', Job: 'jobs', CronJob: 'cronjobs', Pod: 'pods', Service: 'services', EndpointSlice: 'endpointslices' };

export class GarbageCollector {
  private readonly queue: WorkQueue;
  private readonly informers: Map<string, Informer>;

  constructor(private readonly ctx: ControllerContext) {
    this.queue = new WorkQueue(ctx.clock, (item) => this.process(item));
    this.informers = new Map(Object.values(RESOURCE_OF_KIND).map((r) => [r, ctx.informers.for(r)]));
  }

  start(): void {
    for (const [resource, inf] of this.informers) {
      inf.onChange((type, obj) => {
        if (type === 'DELETED') this.ownerGone(obj);
        else {
          if (obj.metadata.ownerReferences?.length) this.queue.add(`${resource}|${keyOf(obj)}`);
          if (obj.metadata.deletionTimestamp && hasFinalizer(obj, ORPHAN, FOREGROUND)) this.queue.add(`owner|${resource}|${keyOf(obj)}`);
        }
        // A dependent that went away may unblock an owner deleted in the foreground.
        for (const ref of obj.metadata.ownerReferences ?? []) {
          const owner = this.byUid(ref.kind, ref.uid);
          if (owner?.metadata.deletionTimestamp) this.queue.add(`owner|${RESOURCE_OF_KIND[ref.kind]}|${keyOf(owner)}`);
        }
      });
    }
  }

  private ownerGone(owner: KubeObject): void {
    const uid = owner.metadata.uid;
    for (const [resource, inf] of this.informers) {
      for (const dep of inf.list(owner.metadata.namespace)) {
        if (dep.metadata.ownerReferences?.some((r) => r.uid === uid)) this.queue.add(`${resource}|${keyOf(dep)}`);
      }
    }
  }

  private byUid(kind: string, uid: string): KubeObject | undefined {
    const resource = RESOURCE_OF_KIND[kind];
    return resource ? this.informers.get(resource)?.getByUid(uid) : undefined;
  }

  private process(item: string): void {
    const parts = item.split('|');
    if (parts[0] === 'owner') return this.processOwner(parts[1], parts[2]);
    const [resource, key] = parts;
    const { namespace, name } = splitKey(key);
    const obj = this.informers.get(resource)?.get(namespace, name);
    if (!obj || obj.metadata.deletionTimestamp) return;
    const refs = obj.metadata.ownerReferences ?? [];
    if (refs.length === 0) return;
    const states = refs.map((r) => this.ownerState(r.kind, r.name, r.uid, namespace));
    if (states.includes('unknown')) return;
    const foregroundOwner = refs.some((r, i) => states[i] === 'deleting-foreground' && r.blockOwnerDeletion);
    if (states.every((s) => s === 'absent') || foregroundOwner) {
      const res = this.ctx.api.delete(resource, namespace, name, { propagationPolicy: 'Background' });
      if (!res.ok && res.status.reason !== 'NotFound') this.queue.addAfter(item, RETRY_MS);
      return;
    }
    const dangling = refs.filter((_r, i) => states[i] === 'absent');
    if (dangling.length === 0) return;
    const remaining = refs.filter((_r, i) => states[i] !== 'absent');
    const res = this.ctx.api.patch(resource, namespace, name, 'merge', { metadata: { ownerReferences: remaining } });
    if (!res.ok && res.status.reason !== 'NotFound') this.queue.addAfter(item, RETRY_MS);
  }

  /** An owner's existence is checked against the API server before acting, as the real GC does. */
  private ownerState(kind: string, name: string, uid: string, namespace: string): 'present' | 'absent' | 'deleting-foreground' | 'unknown' {
    const resource = RESOURCE_OF_KIND[kind];
    if (!resource) return 'unknown';
    const cached = this.informers.get(resource)?.getByUid(uid);
    const owner = cached ?? (() => {
      const res = this.ctx.api.get(resource, namespace, name);
      return res.ok && res.value.metadata.uid === uid ? res.value : undefined;
    })();
    if (!owner) return 'absent';
    return owner.metadata.deletionTimestamp && hasFinalizer(owner, FOREGROUND) ? 'deleting-foreground' : 'present';
  }

  private processOwner(resource: string, key: string): void {
    const { namespace, name } = splitKey(key);
    const owner = this.informers.get(resource)?.get(namespace, name);
    if (!owner?.metadata.deletionTimestamp) return;
    const uid = owner.metadata.uid ?? '';
    const dependents = [...this.informers].flatMap(([r, inf]) => inf.list(namespace).filter((d) => d.metadata.ownerReferences?.some((ref) => ref.uid === uid)).map((d) => ({ r, d })));
    if (hasFinalizer(owner, ORPHAN)) {
      for (const { r, d } of dependents) {
        const res = this.ctx.api.patch(r, namespace, d.metadata.name ?? '', 'merge', { metadata: { ownerReferences: withoutOwner(d, uid) } });
        if (!res.ok && res.status.reason !== 'NotFound') return this.queue.addAfter(`owner|${resource}|${key}`, RETRY_MS);
      }
      return this.removeFinalizer(resource, owner, ORPHAN);
    }
    if (hasFinalizer(owner, FOREGROUND)) {
      for (const { r, d } of dependents) if (!d.metadata.deletionTimestamp) this.ctx.api.delete(r, namespace, d.metadata.name ?? '', { propagationPolicy: 'Foreground' });
      if (dependents.length === 0) this.removeFinalizer(resource, owner, FOREGROUND);
    }
  }

  private removeFinalizer(resource: string, owner: KubeObject, finalizer: string): void {
    const finalizers = (owner.metadata.finalizers ?? []).filter((f) => f !== finalizer);
    this.ctx.api.patch(resource, owner.metadata.namespace, owner.metadata.name ?? '', 'merge', { metadata: { finalizers } });
  }
}

function hasFinalizer(obj: KubeObject, ...names: string[]): boolean {
  return (obj.metadata.finalizers ?? []).some((f) => names.includes(f));
}
