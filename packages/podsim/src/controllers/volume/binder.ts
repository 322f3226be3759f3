/**
 * Which PersistentVolume a claim binds to (k8s pkg/controller/volume/persistentvolume/index.go
 * findMatchingVolume, storage helpers GetPersistentVolumeClaimClass / CheckVolumeModeMismatches).
 */
import type { KubeObject, PersistentVolume, PersistentVolumeClaim } from '../../api/types.js';
import { parseQuantity } from '../../api/quantity.js';
import { selectorMatches } from '../../api/selectors.js';
import type { StorageClass } from 'kubernetes-types/storage/v1';

export type ClaimObj = PersistentVolumeClaim & KubeObject;
export type VolumeObj = PersistentVolume & KubeObject;
export type ClassObj = StorageClass & KubeObject;

export const ANN_BIND_COMPLETED = 'pv.kubernetes.io/bind-completed';
export const ANN_BOUND_BY_CONTROLLER = 'pv.kubernetes.io/bound-by-controller';
/** Set by the scheduler on a WaitForFirstConsumer claim: the node its volume is for. */
export const ANN_SELECTED_NODE = 'volume.kubernetes.io/selected-node';
/** Set by the binder on a claim an external provisioner is to serve (and its beta twin, still written). */
export const ANN_STORAGE_PROVISIONER = 'volume.kubernetes.io/storage-provisioner';
export const ANN_BETA_STORAGE_PROVISIONER = 'volume.beta.kubernetes.io/storage-provisioner';
const ANN_BETA_CLASS = 'volume.beta.kubernetes.io/storage-class';

/** The class a claim asks for: the beta annotation wins over the field; "" is "no class". */
export function claimClass(claim: ClaimObj): string {
  return claim.metadata.annotations?.[ANN_BETA_CLASS] ?? claim.spec?.storageClassName ?? '';
}

export function volumeClass(volume: VolumeObj): string {
  return volume.metadata.annotations?.[ANN_BETA_CLASS] ?? volume.spec?.storageClassName ?? '';
}

export function storageOf(q: unknown): number {
  return parseQuantity(q) ?? 0;
}

/** The volume is reserved for this claim (claimRef by namespace/name and, once set, uid). */
export function isPreboundTo(volume: VolumeObj, claim: ClaimObj): boolean {
  const ref = volume.spec?.claimRef;
  return !!ref && ref.name === claim.metadata.name && (ref.namespace ?? '') === (claim.metadata.namespace ?? '') && (!ref.uid || ref.uid === claim.metadata.uid);
}

function fits(volume: VolumeObj, claim: ClaimObj): boolean {
  if (volume.metadata.deletionTimestamp) return false;
  if (volumeClass(volume) !== claimClass(claim)) return false;
  if ((volume.spec?.volumeMode ?? 'Filesystem') !== (claim.spec?.volumeMode ?? 'Filesystem')) return false;
  if (storageOf(volume.spec?.capacity?.storage) < storageOf(claim.spec?.resources?.requests?.storage)) return false;
  const modes = volume.spec?.accessModes ?? [];
  if (!(claim.spec?.accessModes ?? []).every((m) => modes.includes(m))) return false;
  if (claim.spec?.selector && !selectorMatches(claim.spec.selector, volume.metadata.labels ?? {})) return false;
  return true;
}

/**
 * The smallest volume that satisfies the claim: one reserved for it comes first; any other must be
 * unreserved. Ties keep the informer's order, as the upstream index's sort is stable.
 */
export function findMatchingVolume(claim: ClaimObj, volumes: VolumeObj[]): VolumeObj | undefined {
  const candidates = volumes.filter((v) => fits(v, claim) && (isPreboundTo(v, claim) || !v.spec?.claimRef));
  const prebound = candidates.find((v) => isPreboundTo(v, claim));
  if (prebound) return prebound;
  return candidates.sort((a, b) => storageOf(a.spec?.capacity?.storage) - storageOf(b.spec?.capacity?.storage))[0];
}
