/**
 * The VolumeBinding plugin (k8s pkg/scheduler/framework/plugins/volumebinding). PreFilter: a pod
 * whose claims are missing, being deleted, or not yet bound with Immediate binding fits no node; the
 * reason is reported once for the whole cluster, not per node. Filter: a node outside a bound
 * volume's node affinity does not fit. Claims of a WaitForFirstConsumer class are left to PreBind.
 */
import type { Node, Pod } from '../../api/types.js';
import type { Informer } from '../shared/informer.js';
import { claimClass, type ClaimObj, type ClassObj, type VolumeObj } from '../volume/binder.js';
import { termMatches } from './predicates.js';

export const VOLUME_NODE_CONFLICT = 'node(s) had volume node affinity conflict';

function podClaims(pod: Pod, claims: Informer<ClaimObj>): (ClaimObj | undefined)[] {
  return (pod.spec?.volumes ?? []).flatMap((v) => (v.persistentVolumeClaim?.claimName ? [claims.get(pod.metadata?.namespace, v.persistentVolumeClaim.claimName)] : []));
}

function isDelayed(claim: ClaimObj, classes: Informer<ClassObj>): boolean {
  return classes.get(undefined, claimClass(claim))?.volumeBindingMode === 'WaitForFirstConsumer';
}

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
    // Without a class, or with an unknown one, binding is Immediate.
    if (!isDelayed(claim, classes)) unboundImmediate = true;
  }
  return unboundImmediate ? 'pod has unbound immediate PersistentVolumeClaims' : undefined;
}

/** The pod's claims still waiting for their first consumer: binding them is the scheduler's job. */
export function delayedClaims(pod: Pod, claims: Informer<ClaimObj>, classes: Informer<ClassObj>): ClaimObj[] {
  return podClaims(pod, claims).filter((c): c is ClaimObj => !!c && !c.spec?.volumeName && isDelayed(c, classes));
}

/** A bound volume whose node affinity excludes the node (a local volume pins its pods). */
export function volumeNodeConflict(pod: Pod, node: Node, claims: Informer<ClaimObj>, volumes: Informer<VolumeObj>): boolean {
  return podClaims(pod, claims).some((claim) => {
    const volumeName = claim?.spec?.volumeName;
    if (!volumeName) return false;
    const terms = volumes.get(undefined, volumeName)?.spec?.nodeAffinity?.required?.nodeSelectorTerms;
    return !!terms && !terms.some((t) => termMatches(t, node));
  });
}
