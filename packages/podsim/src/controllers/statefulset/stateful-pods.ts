/**
 * A StatefulSet pod's identity and storage (k8s pkg/controller/statefulset/stateful_set_utils.go):
 * name `<set>-<ordinal>`, hostname and subdomain for its DNS name, the identity labels, and one claim
 * `<template>-<set>-<ordinal>` per volumeClaimTemplate, mounted in place of the template's volume.
 */
import type { KubeObject, Pod } from '../../api/types.js';
import type { Any } from '../../api/objects.js';
import { controllerRef } from '../shared/owners.js';

export type SetObj = KubeObject & { spec?: Any; status?: Any };
export type PodObj = Pod & KubeObject;

export const REVISION_LABEL = 'controller-revision-hash';
export const POD_NAME_LABEL = 'statefulset.kubernetes.io/pod-name';
export const POD_INDEX_LABEL = 'apps.kubernetes.io/pod-index';

/** The ordinal of a pod named `<set>-<n>`, or -1 when the name is not of that form. */
export function ordinalOf(set: SetObj, pod: KubeObject): number {
  const name = pod.metadata.name ?? '';
  const prefix = `${set.metadata.name}-`;
  if (!name.startsWith(prefix) || !/^(0|[1-9]\d*)$/.test(name.slice(prefix.length))) return -1;
  return Number(name.slice(prefix.length));
}

/** spec.ordinals.start shifts the ordinals (StatefulSetStartOrdinal, on by default since v1.31). */
export function startOrdinal(set: SetObj): number {
  return set.spec?.ordinals?.start ?? 0;
}

export function claimName(template: Any, set: SetObj, ordinal: number): string {
  return `${template.metadata?.name ?? ''}-${set.metadata.name}-${ordinal}`;
}

/** The claims a pod of the set needs, as the controller creates them (labels: selector's plus the template's). */
export function claimsFor(set: SetObj, ordinal: number): Any[] {
  return (set.spec?.volumeClaimTemplates ?? []).map((t: Any) => ({
    apiVersion: 'v1',
    kind: 'PersistentVolumeClaim',
    metadata: {
      name: claimName(t, set, ordinal),
      namespace: set.metadata.namespace,
      labels: { ...(set.spec?.selector?.matchLabels ?? {}), ...(t.metadata?.labels ?? {}) },
      ...(t.metadata?.annotations ? { annotations: { ...t.metadata.annotations } } : {}),
    },
    spec: structuredClone(t.spec ?? {}),
  }));
}

export function newStatefulPod(set: SetObj, ordinal: number, revision: string): Any {
  const template: Any = set.spec?.template ?? {};
  const name = `${set.metadata.name}-${ordinal}`;
  const spec: Any = structuredClone(template.spec ?? {});
  const claims = (set.spec?.volumeClaimTemplates ?? []).map((t: Any) => ({ name: t.metadata?.name, persistentVolumeClaim: { claimName: claimName(t, set, ordinal) } }));
  spec.volumes = [...claims, ...(spec.volumes ?? []).filter((v: Any) => !claims.some((c: Any) => c.name === v.name))];
  if (!spec.volumes.length) delete spec.volumes;
  spec.hostname = name;
  if (set.spec?.serviceName) spec.subdomain = set.spec.serviceName;
  return {
    apiVersion: 'v1',
    kind: 'Pod',
    metadata: {
      name,
      namespace: set.metadata.namespace,
      labels: { ...(template.metadata?.labels ?? {}), [REVISION_LABEL]: revision, [POD_NAME_LABEL]: name, [POD_INDEX_LABEL]: String(ordinal) },
      ...(template.metadata?.annotations ? { annotations: { ...template.metadata.annotations } } : {}),
      ownerReferences: [controllerRef(set)],
    },
    spec,
  };
}
