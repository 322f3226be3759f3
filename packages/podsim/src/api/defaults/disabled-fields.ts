/**
 * Pod spec fields of features whose gate is off on a default 1.32 API server: it drops them on write, so the
 * object is stored (and shown) without them and nothing acts on them (k8s `pkg/api/pod/util.go`
 * dropDisabledFields; the defaults are those of `pkg/features/kube_features.go` at v1.32). The "unless the old
 * object uses it" exception never applies here: with the gates off, no stored object can hold these fields.
 */
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

export function dropDisabledPodFields(spec: Any): void {
  if (!isObject(spec)) return;
  // UserNamespacesSupport (beta since 1.30, off until 1.33).
  delete spec.hostUsers;
  if (isObject(spec.securityContext)) {
    // SupplementalGroupsPolicy (alpha 1.31), SELinuxChangePolicy (alpha 1.32).
    delete spec.securityContext.supplementalGroupsPolicy;
    delete spec.securityContext.seLinuxChangePolicy;
  }
  // PodLevelResources (alpha 1.32).
  delete spec.resources;
  // DynamicResourceAllocation (off in 1.32): the pod's claims and each container's.
  delete spec.resourceClaims;
  for (const c of containers(spec)) {
    // InPlacePodVerticalScaling (alpha until 1.33).
    delete c.resizePolicy;
    if (isObject(c.resources)) delete c.resources.claims;
    // ProcMountType (beta since 1.31, off).
    if (isObject(c.securityContext)) delete c.securityContext.procMount;
  }
  dropImageVolumes(spec);
}
