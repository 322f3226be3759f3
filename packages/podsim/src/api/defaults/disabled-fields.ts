/**
 * Pod spec fields of features whose gate is off (on a default 1.32 API server, or one started without
 * the gate the page needs): the server drops them on write, so the object is stored (and shown) without
 * them and nothing acts on them (k8s `pkg/api/pod/util.go` dropDisabledFields, called from the pod's and
 * every workload's PrepareForCreate/PrepareForUpdate). The "unless the old object uses it" exception never
 * applies here: the gates are set when the cluster starts, so no stored object can hold a disabled field.
 */
import type { FeatureGates } from '../feature-gates.js';
import { isObject, type Any } from '../objects.js';

function containers(spec: Any): Any[] {
  return [...(spec.initContainers ?? []), ...(spec.containers ?? []), ...(spec.ephemeralContainers ?? [])].filter(isObject);
}

/** ImageVolume (alpha in 1.31, off): the image volumes go, and every mount of them (dropImageVolumes). */
function dropImageVolumes(spec: Any): void {
  if (!Array.isArray(spec.volumes)) return;
  const names = new Set(spec.volumes.filter((v: Any) => isObject(v) && v.image !== undefined).map((v: Any) => v.name));
  if (names.size === 0) return;
  spec.volumes = spec.volumes.filter((v: Any) => !names.has(v?.name));
  if (spec.volumes.length === 0) delete spec.volumes;
  for (const c of containers(spec)) {
    if (!Array.isArray(c.volumeMounts)) continue;
    c.volumeMounts = c.volumeMounts.filter((m: Any) => !names.has(m?.name));
    if (c.volumeMounts.length === 0) delete c.volumeMounts;
  }
}

export function dropDisabledPodFields(spec: Any, gates: FeatureGates): void {
  if (!isObject(spec)) return;
  // UserNamespacesSupport (beta since 1.30, off until 1.33).
  if (!gates.enabled('UserNamespacesSupport')) delete spec.hostUsers;
  if (isObject(spec.securityContext)) {
    // SupplementalGroupsPolicy (alpha 1.31), SELinuxChangePolicy (alpha 1.32).
    if (!gates.enabled('SupplementalGroupsPolicy')) delete spec.securityContext.supplementalGroupsPolicy;
    if (!gates.enabled('SELinuxChangePolicy')) delete spec.securityContext.seLinuxChangePolicy;
  }
  // PodLevelResources (alpha 1.32).
  if (!gates.enabled('PodLevelResources')) delete spec.resources;
  const dra = gates.enabled('DynamicResourceAllocation');
  // DynamicResourceAllocation (off in 1.32): the pod's claims and each container's.
  if (!dra) delete spec.resourceClaims;
  for (const c of containers(spec)) {
    // InPlacePodVerticalScaling (alpha until 1.33).
    if (!gates.enabled('InPlacePodVerticalScaling')) delete c.resizePolicy;
    if (isObject(c.resources) && !dra) delete c.resources.claims;
    // ProcMountType (beta since 1.31, off).
    if (isObject(c.securityContext) && !gates.enabled('ProcMountType')) delete c.securityContext.procMount;
  }
  if (!gates.enabled('ImageVolume')) dropImageVolumes(spec);
}

/** The pod specs an object of any kind carries: a pod's own, a workload's template, a CronJob's job's template. */
export function podSpecsOf(kind: string, obj: Any): Any[] {
  if (kind === 'Pod') return [obj.spec];
  if (kind === 'PodTemplate') return [obj.template?.spec];
  if (kind === 'CronJob') return [obj.spec?.jobTemplate?.spec?.template?.spec];
  return TEMPLATED.has(kind) ? [obj.spec?.template?.spec] : [];
}

const TEMPLATED = new Set(['Deployment', 'ReplicaSet', 'DaemonSet', 'StatefulSet', 'Job', 'ReplicationController']);
