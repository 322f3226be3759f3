/** Controller ownerReferences (apimachinery metav1.GetControllerOf / NewControllerRef). */
import type { KubeObject } from '../../api/types.js';
import type { OwnerReference } from 'kubernetes-types/meta/v1';

export function controllerOf(obj: KubeObject): OwnerReference | undefined {
  return obj.metadata.ownerReferences?.find((r) => r.controller === true);
}

export function isControlledBy(obj: KubeObject, owner: KubeObject): boolean {
  const ref = controllerOf(obj);
  return ref !== undefined && ref.uid === owner.metadata.uid;
}

export function controllerRef(owner: KubeObject): OwnerReference {
  return {
    apiVersion: owner.apiVersion,
    kind: owner.kind,
    name: owner.metadata.name ?? '',
    uid: owner.metadata.uid ?? '',
    controller: true,
    blockOwnerDeletion: true,
  };
}

/** The ownerReferences list after adopting (adding our controller ref) or releasing (removing it). */
export function withControllerRef(obj: KubeObject, owner: KubeObject): OwnerReference[] {
  return [...(obj.metadata.ownerReferences ?? []).filter((r) => r.uid !== owner.metadata.uid), controllerRef(owner)];
}

export function withoutOwner(obj: KubeObject, ownerUid: string): OwnerReference[] {
  return (obj.metadata.ownerReferences ?? []).filter((r) => r.uid !== ownerUid);
}
