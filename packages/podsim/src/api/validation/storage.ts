/**
 * PersistentVolume, PersistentVolumeClaim and StorageClass validation with the API server's texts
 * (k8s pkg/apis/core/validation ValidatePersistentVolume*, pkg/apis/storage/validation).
 */
import { jsonEqual, type Any } from '../objects.js';
import { parseQuantity } from '../quantity.js';
import { fieldError as fe, type FieldError } from './field.js';

export const ACCESS_MODES = ['ReadOnlyMany', 'ReadWriteMany', 'ReadWriteOnce', 'ReadWriteOncePod'];
const RECLAIM_POLICIES = ['Delete', 'Recycle', 'Retain'];
const VOLUME_MODES = ['Block', 'Filesystem'];
/** The volume sources a PersistentVolume may name (exactly one of them). */
const PV_SOURCES = ['awsElasticBlockStore', 'azureDisk', 'azureFile', 'cephfs', 'cinder', 'csi', 'fc', 'flexVolume', 'flocker', 'gcePersistentDisk', 'glusterfs', 'hostPath', 'iscsi', 'local', 'nfs', 'photonPersistentDisk', 'portworxVolume', 'quobyte', 'rbd', 'scaleIO', 'storageos', 'vsphereVolume'];

function validateAccessModes(modes: unknown, field: string, requiredDetail: string): FieldError[] {
  if (!Array.isArray(modes) || modes.length === 0) return [fe.required(field, requiredDetail)];
  const errs: FieldError[] = [];
  for (const m of modes) if (!ACCESS_MODES.includes(m)) errs.push(fe.notSupported(field, m, ACCESS_MODES));
  if (modes.includes('ReadWriteOncePod') && modes.length > 1) errs.push(fe.forbidden(field, "may not use ReadWriteOncePod with other access modes"));
  return errs;
}

function validateVolumeMode(mode: unknown, field: string): FieldError[] {
  return mode !== undefined && !VOLUME_MODES.includes(mode as string) ? [fe.notSupported(field, mode, VOLUME_MODES)] : [];
}

export function validatePersistentVolume(pv: Any): FieldError[] {
  const spec: Any = pv.spec ?? {};
  const errs = validateAccessModes(spec.accessModes, 'spec.accessModes', '');
  const capacity: Any = spec.capacity ?? {};
  if (Object.keys(capacity).length === 0) errs.push(fe.required('spec.capacity', ''));
  else if (!('storage' in capacity) || Object.keys(capacity).length > 1) errs.push(fe.notSupported('spec.capacity', capacity, ['storage']));
  else if (!((parseQuantity(capacity.storage) ?? 0) > 0)) errs.push(fe.invalid('spec.capacity[storage]', capacity.storage, 'must be greater than zero'));
  if (spec.persistentVolumeReclaimPolicy !== undefined && !RECLAIM_POLICIES.includes(spec.persistentVolumeReclaimPolicy))
    errs.push(fe.notSupported('spec.persistentVolumeReclaimPolicy', spec.persistentVolumeReclaimPolicy, RECLAIM_POLICIES));
  errs.push(...validateVolumeMode(spec.volumeMode, 'spec.volumeMode'));
  const sources = PV_SOURCES.filter((s) => spec[s] !== undefined && spec[s] !== null);
  if (sources.length === 0) errs.push(fe.required('spec', 'must specify a volume type'));
  else if (sources.length > 1) errs.push(fe.forbidden(`spec.${sources[1]}`, 'may not specify more than 1 volume type'));
  if (spec.hostPath && !spec.hostPath.path) errs.push(fe.required('spec.hostPath.path', ''));
  if (spec.hostPath?.path === '/' && spec.persistentVolumeReclaimPolicy === 'Recycle') errs.push(fe.forbidden('spec.persistentVolumeReclaimPolicy', 'may not be \'recycle\' for a hostPath mount of \'/\''));
  if (spec.nfs && !spec.nfs.server) errs.push(fe.required('spec.nfs.server', ''));
  if (spec.nfs && !spec.nfs.path) errs.push(fe.required('spec.nfs.path', ''));
  return errs;
}

export function validatePersistentVolumeClaim(pvc: Any): FieldError[] {
  const spec: Any = pvc.spec ?? {};
  const errs = validateAccessModes(spec.accessModes, 'spec.accessModes', 'at least 1 access mode is required');
  const storage = spec.resources?.requests?.storage;
  if (storage === undefined) errs.push(fe.required('spec.resources[storage]', ''));
  else if (!((parseQuantity(storage) ?? 0) > 0)) errs.push(fe.invalid('spec.resources[storage]', storage, 'must be greater than zero'));
  errs.push(...validateVolumeMode(spec.volumeMode, 'spec.volumeMode'));
  return errs;
}

/** A bound claim's spec may change only in resources.requests; volumeName may be set once (by the binder). */
export function validatePersistentVolumeClaimUpdate(pvc: Any, old: Any): FieldError[] {
  const strip = (s: Any | undefined) => ({ ...(s ?? {}), resources: undefined, volumeName: undefined });
  const errs: FieldError[] = [];
  if (!jsonEqual(strip(pvc.spec), strip(old.spec)) || (old.spec?.volumeName && pvc.spec?.volumeName !== old.spec.volumeName))
    errs.push(fe.forbidden('spec', 'spec is immutable after creation except resources.requests and volumeAttributesClassName for bound claims'));
  return errs;
}

export function validatePersistentVolumeUpdate(pv: Any, old: Any): FieldError[] {
  const errs: FieldError[] = [];
  if (pv.spec?.volumeMode !== old.spec?.volumeMode) errs.push(fe.invalid('spec.volumeMode', pv.spec?.volumeMode, 'field is immutable'));
  const source = (s: Any | undefined) => PV_SOURCES.map((k) => s?.[k] ?? null);
  if (!jsonEqual(source(pv.spec), source(old.spec))) errs.push(fe.forbidden('spec.persistentvolumesource', 'spec.persistentvolumesource is immutable after creation'));
  return errs;
}

export function validateStorageClass(sc: Any): FieldError[] {
  const errs: FieldError[] = [];
  if (!sc.provisioner) errs.push(fe.required('provisioner', ''));
  if (sc.reclaimPolicy !== undefined && !['Delete', 'Retain'].includes(sc.reclaimPolicy)) errs.push(fe.notSupported('reclaimPolicy', sc.reclaimPolicy, ['Delete', 'Retain']));
  if (sc.volumeBindingMode !== undefined && !['Immediate', 'WaitForFirstConsumer'].includes(sc.volumeBindingMode))
    errs.push(fe.notSupported('volumeBindingMode', sc.volumeBindingMode, ['Immediate', 'WaitForFirstConsumer']));
  return errs;
}

export function validateStorageClassUpdate(sc: Any, old: Any): FieldError[] {
  const errs: FieldError[] = [];
  if (!jsonEqual(sc.parameters ?? null, old.parameters ?? null)) errs.push(fe.forbidden('parameters', 'updates to parameters are forbidden.'));
  if (sc.provisioner !== old.provisioner) errs.push(fe.forbidden('provisioner', 'updates to provisioner are forbidden.'));
  if (sc.reclaimPolicy !== old.reclaimPolicy) errs.push(fe.forbidden('reclaimPolicy', 'updates to reclaimPolicy are forbidden.'));
  if (sc.volumeBindingMode !== old.volumeBindingMode) errs.push(fe.invalid('volumeBindingMode', sc.volumeBindingMode, 'field is immutable'));
  return errs;
}
