/**
 * PersistentVolume, PersistentVolumeClaim (k8s pkg/registry/core/persistentvolume{,claim}) and
 * storage.k8s.io StorageClass, with the admission plugins that touch them on create:
 * StorageObjectInUseProtection (the protection finalizers) and DefaultStorageClass.
 */
import { isObject, rfc3339, type Any } from '../objects.js';
import {
  validatePersistentVolume,
  validatePersistentVolumeClaim,
  validatePersistentVolumeClaimUpdate,
  validatePersistentVolumeUpdate,
  validateStorageClass,
  validateStorageClassUpdate,
} from '../validation/storage.js';
import type { KindStrategy, Obj, StrategyContext } from './strategy.js';

export const PV_PROTECTION = 'kubernetes.io/pv-protection';
export const PVC_PROTECTION = 'kubernetes.io/pvc-protection';
export const DEFAULT_CLASS_ANNOTATION = 'storageclass.kubernetes.io/is-default-class';

function addFinalizer(o: Obj, finalizer: string): void {
  const list = o.metadata.finalizers ?? [];
  if (!list.includes(finalizer)) o.metadata.finalizers = [...list, finalizer];
}

/** The newest StorageClass marked default (DefaultStorageClass admission picks the newest of several). */
function defaultClass(ctx: StrategyContext): string | undefined {
  const defaults = ctx.store
    .list('storageclasses')
    .filter((sc) => sc.metadata.annotations?.[DEFAULT_CLASS_ANNOTATION] === 'true')
    .sort((a, b) => (b.metadata.creationTimestamp ?? '').localeCompare(a.metadata.creationTimestamp ?? ''));
  return defaults[0]?.metadata.name;
}

const volumeBase = { topLevel: ['spec', 'status'], statusSubresource: true, generation: false, nameRule: 'subdomain' } as const;

export const pvStrategy: KindStrategy = {
  ...volumeBase,
  defaults(pv) {
    const spec: Any = isObject(pv.spec) ? pv.spec : (pv.spec = {});
    spec.persistentVolumeReclaimPolicy ??= 'Retain';
    spec.volumeMode ??= 'Filesystem';
    if (isObject(spec.hostPath)) spec.hostPath.type ??= '';
  },
  prepareForCreate(pv, ctx) {
    addFinalizer(pv, PV_PROTECTION);
    pv.status = { phase: 'Pending', lastPhaseTransitionTime: rfc3339(ctx.clock.now()) };
  },
  validate: validatePersistentVolume,
  validateUpdate: validatePersistentVolumeUpdate,
};

export const pvcStrategy: KindStrategy = {
  ...volumeBase,
  defaults(pvc) {
    const spec: Any = isObject(pvc.spec) ? pvc.spec : (pvc.spec = {});
    spec.volumeMode ??= 'Filesystem';
  },
  prepareForCreate(pvc, ctx) {
    addFinalizer(pvc, PVC_PROTECTION);
    if (pvc.spec.storageClassName === undefined && !pvc.metadata.annotations?.['volume.beta.kubernetes.io/storage-class']) {
      const name = defaultClass(ctx);
      if (name) pvc.spec.storageClassName = name;
    }
    pvc.status = { phase: 'Pending' };
  },
  validate: validatePersistentVolumeClaim,
  validateUpdate: validatePersistentVolumeClaimUpdate,
};

export const storageClassStrategy: KindStrategy = {
  topLevel: ['provisioner', 'parameters', 'reclaimPolicy', 'mountOptions', 'allowVolumeExpansion', 'volumeBindingMode', 'allowedTopologies'],
  statusSubresource: false,
  generation: false,
  nameRule: 'subdomain',
  defaults(sc) {
    sc.reclaimPolicy ??= 'Delete';
    sc.volumeBindingMode ??= 'Immediate';
  },
  validate: validateStorageClass,
  validateUpdate: validateStorageClassUpdate,
};
