/**
 * BaseControllerRefManager.ClaimObject (k8s pkg/controller/controller_ref_manager.go), for pods and
 * ControllerRevisions: what an owner controls once it has adopted the orphans its selector matches and
 * released those it controls that stopped matching. Nothing is adopted while the owner or the object is
 * being deleted, nor released while the owner is. `member` narrows what the owner may claim (a
 * StatefulSet only its `<set>-<ordinal>` pods).
 */
import type { LabelSelector } from 'kubernetes-types/meta/v1';
import type { KubeObject } from '../../api/types.js';
import { selectorMatches } from '../../api/selectors.js';
import type { ControllerContext } from './context.js';
import type { Informer } from './informer.js';
import { controllerOf, withControllerRef, withoutOwner } from './owners.js';

type Owner = KubeObject & { spec?: { selector?: LabelSelector | null } };

/** What `owner` controls after claiming; undefined when a write failed (the owner syncs again). */
export function claim<T extends KubeObject>(ctx: ControllerContext, objects: Informer<T>, owner: Owner, member: (obj: T) => boolean = () => true): T[] | undefined {
  const owned: T[] = [];
  const deleting = !!owner.metadata.deletionTimestamp;
  for (const obj of objects.list(owner.metadata.namespace)) {
    const matches = member(obj) && selectorMatches(owner.spec?.selector, obj.metadata.labels);
    const ref = controllerOf(obj);
    if (ref && ref.uid !== owner.metadata.uid) continue;
    if (ref && matches) owned.push(obj);
    else if (ref && !deleting) {
      if (!patchOwners(ctx, objects, obj, withoutOwner(obj, owner.metadata.uid ?? ''))) return undefined;
    } else if (!ref && matches && !deleting && !obj.metadata.deletionTimestamp) {
      const adopted = patchOwners(ctx, objects, obj, withControllerRef(obj, owner));
      if (!adopted) return undefined;
      owned.push(adopted);
    }
  }
  return owned;
}

function patchOwners<T extends KubeObject>(ctx: ControllerContext, objects: Informer<T>, obj: T, ownerReferences: unknown[]): T | undefined {
  const res = ctx.api.patch<T>(objects.resource, obj.metadata.namespace, obj.metadata.name ?? '', 'merge', { metadata: { ownerReferences } });
  if (!res.ok) return undefined;
  objects.store(res.value);
  return res.value;
}

/**
 * Whether claiming would adopt an orphan. ClaimObject re-reads the owner from the API server first
 * (RecheckDeletionTimestamp, an uncached GET), then patches the orphan: a controller acts on what it
 * adopts only after those round trips.
 */
export function adoptsOrphans<T extends KubeObject>(objects: Informer<T>, owner: Owner, member: (obj: T) => boolean = () => true): boolean {
  if (owner.metadata.deletionTimestamp) return false;
  return objects.list(owner.metadata.namespace).some((obj) => !controllerOf(obj) && !obj.metadata.deletionTimestamp && member(obj) && selectorMatches(owner.spec?.selector, obj.metadata.labels));
}

/** The owners whose selector matches an orphan pod: they sync to see whether one adopts it (addPod/updatePod). */
export function ownersOfOrphan<O extends Owner>(owners: Informer<O>, pod: KubeObject): O[] {
  return owners.list(pod.metadata.namespace).filter((o) => selectorMatches(o.spec?.selector, pod.metadata.labels));
}
