/**
 * A namespace's life beyond the write pipeline, kept in step with the API's writes rather than in a
 * separate loop so that a bare API server (tests, `podsim serve`) behaves like a full cluster:
 * - on creation, the objects every namespace gets (serviceaccount and root-ca-cert-publisher
 *   controllers);
 * - on deletion, the namespace controller's work: phase Terminating, every object inside deleted,
 *   and the namespace itself removed once nothing is left (its `kubernetes` finalizer done).
 * Models pkg/controller/namespace/deletion/namespaced_resources_deleter.go and the
 * NamespaceLifecycle admission plugin (system namespaces cannot be deleted).
 */
import { populateNamespace, UNDELETABLE_NAMESPACES } from './bootstrap.js';
import type { Obj } from './kinds/strategy.js';
import { RESOURCES } from './resources.js';
import { forbidden } from './status.js';
import type { ObjectStore } from './store.js';
import type { ApiClient, ApiResult, ResourceInfo, Status } from './types.js';

const NAMESPACES = RESOURCES.find((r) => r.resource === 'namespaces')!;

/** What the lifecycle needs from the server: its client side and two storage steps. */
export interface NamespaceHost {
  client: ApiClient;
  store: ObjectStore;
  commit(info: ResourceInfo, obj: Obj): Obj;
  removeNow(info: ResourceInfo, obj: Obj): Obj;
}

export class NamespaceLifecycle {
  constructor(private readonly host: NamespaceHost) {}

  created(ns: Obj): void {
    populateNamespace(this.host.client, ns.metadata.name!);
  }

  /** Admission: the system namespaces stay. */
  refuseDeletion(ns: Obj): Status | undefined {
    const name = ns.metadata.name!;
    return UNDELETABLE_NAMESPACES.has(name) ? forbidden('namespaces', name, 'this namespace may not be deleted') : undefined;
  }

  /** The namespace got its deletionTimestamp: Terminating, its content deleted, gone once empty. */
  delete(ns: Obj): ApiResult<Obj> {
    const { host } = this;
    ns.status = { ...(ns.status ?? {}), phase: 'Terminating' };
    const stored = host.commit(NAMESPACES, ns);
    const name = ns.metadata.name!;
    for (const r of RESOURCES) {
      if (!r.namespaced) continue;
      for (const o of host.store.list(r.resource, name)) if (!o.metadata.deletionTimestamp) host.client.delete(r.resource, name, o.metadata.name!);
    }
    this.contentRemoved(name);
    return { ok: true, value: host.store.get('namespaces', '', name) ?? stored };
  }

  /** An object of `name` went away: a terminating namespace left empty is finalised. */
  contentRemoved(name: string): void {
    const { store } = this.host;
    const ns = store.get('namespaces', '', name);
    if (!ns?.metadata.deletionTimestamp) return;
    if (RESOURCES.some((r) => r.namespaced && store.list(r.resource, name).length > 0)) return;
    this.host.removeNow(NAMESPACES, { ...ns, metadata: { ...ns.metadata } });
  }
}
