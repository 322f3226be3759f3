/**
 * The ControllerRevision history of a StatefulSet or DaemonSet (k8s pkg/controller/history and the
 * daemon controller's constructHistory): the revision equal to the owner's current template is the
 * newest one, renumbered when an older one comes back (a rollback), created otherwise; old revisions beyond
 * revisionHistoryLimit that no live pod uses are deleted.
 */
import type { Any } from '../../api/objects.js';
import { jsonEqual } from '../../api/objects.js';
import type { KubeObject } from '../../api/types.js';
import type { ControllerContext } from './context.js';
import type { Informer } from './informer.js';
import { canonicalJson } from './canonical-json.js';
import { controllerOf } from './owners.js';

export type RevisionObj = KubeObject & { data?: Any; revision?: number };

/**
 * What the controllers record: the pod template as a strategic-merge patch that replaces it, as Go writes
 * it (getPatch: the typed template, whose metadata carries `creationTimestamp: null`, marshalled from a
 * map, so keys sorted). kubectl compares these bytes to skip a rollback to the template already there.
 */
export function templatePatch(owner: KubeObject & { spec?: Any }): Any {
  const template: Any = owner.spec?.template ?? {};
  return JSON.parse(canonicalJson({ spec: { template: { ...template, metadata: { creationTimestamp: null, ...template.metadata }, $patch: 'replace' } } })) as Any;
}

export function ownedRevisions(revisions: Informer<RevisionObj>, owner: KubeObject): RevisionObj[] {
  return revisions
    .list(owner.metadata.namespace)
    .filter((r) => controllerOf(r)?.uid === owner.metadata.uid)
    .sort((a, b) => (a.revision ?? 0) - (b.revision ?? 0));
}

/** The revision of the owner's current template, or undefined when the write failed (try again later). */
export function currentRevision(ctx: ControllerContext, revisions: Informer<RevisionObj>, owner: KubeObject, owned: RevisionObj[], data: Any, fresh: (revision: number) => Any): RevisionObj | undefined {
  const latest = owned[owned.length - 1];
  const next = (latest?.revision ?? 0) + 1;
  const equal = owned.find((r) => jsonEqual(r.data, data));
  if (equal && equal === latest) return equal;
  const ns = owner.metadata.namespace;
  const res = equal ? ctx.api.update<RevisionObj>('controllerrevisions', ns, { ...equal, revision: next }) : ctx.api.create<RevisionObj>('controllerrevisions', ns, fresh(next));
  if (!res.ok) return undefined;
  revisions.store(res.value);
  return res.value;
}

/** Deletes the oldest revisions past `limit` (default 10), keeping those named in `live`. */
export function truncateHistory(ctx: ControllerContext, owned: RevisionObj[], live: Set<string>, limit: number | undefined): void {
  const old = owned.filter((r) => !live.has(r.metadata.name ?? ''));
  for (const r of old.slice(0, Math.max(0, old.length - (limit ?? 10)))) ctx.api.delete('controllerrevisions', r.metadata.namespace, r.metadata.name ?? '');
}
