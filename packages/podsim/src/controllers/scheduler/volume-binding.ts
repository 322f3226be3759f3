/**
 * The VolumeBinding plugin's PreFilter (k8s pkg/scheduler/framework/plugins/volumebinding): a pod
 * whose claims are missing, being deleted, or not yet bound with Immediate binding fits no node; the
 * reason is reported once for the whole cluster, not per node.
 */
import type { Pod } from '../../api/types.js';
import type { Informer } from '../shared/informer.js';
import { claimClass, type ClaimObj, type ClassObj } from '../volume/binder.js';

export function unboundClaimsMessage(pod: Pod, claims: Informer<ClaimObj>, classes: Informer<ClassObj>): string | undefined {
  const ns = pod.metadata?.namespace;
  let unboundImmediate = false;
  for (const v of pod.spec?.volumes ?? []) {
    const name = v.persistentVolumeClaim?.claimName;
    if (!name) continue;
    const claim = claims.get(ns, name);
    if (!claim) return `persistentvolumeclaim ${JSON.stringify(name)} not found`;
    if (claim.metadata.deletionTimestamp) return `persistentvolumeclaim ${JSON.stringify(name)} is being deleted`;
    if (claim.spec?.volumeName) continue;
    const className = claimClass(claim);
    // Without a class, or with an unknown one, binding is Immediate.
    if (classes.get(undefined, className)?.volumeBindingMode !== 'WaitForFirstConsumer') unboundImmediate = true;
  }
  return unboundImmediate ? 'pod has unbound immediate PersistentVolumeClaims' : undefined;
}
