/**
 * PersistentVolumes and StorageClasses (k8s printers.go printPersistentVolume / printStorageClass);
 * claims are in config.ts with the other namespaced small kinds.
 */
import type { PersistentVolume } from 'kubernetes-types/core/v1';
import type { StorageClass } from 'kubernetes-types/storage/v1';
import type { KubeObject } from '../api/types.js';
import { ageSince } from '../format/duration.js';
import { accessModes } from './config.js';
import { columns, type TableHandler } from './types.js';

export const pvTable: TableHandler = {
  columns: columns('Name', 'Capacity', 'Access Modes', 'Reclaim Policy', 'Status', 'Claim', 'StorageClass', 'VolumeAttributesClass', 'Reason', 'Age', 'VolumeMode*'),
  row(obj, ctx) {
    const pv = obj as unknown as PersistentVolume;
    const ref = pv.spec?.claimRef;
    return [
      obj.metadata.name ?? '',
      String(pv.spec?.capacity?.storage ?? ''),
      accessModes(pv.spec?.accessModes),
      pv.spec?.persistentVolumeReclaimPolicy ?? '',
      obj.metadata.deletionTimestamp ? 'Terminating' : (pv.status?.phase ?? ''),
      ref ? `${ref.namespace ?? ''}/${ref.name ?? ''}` : '',
      pv.spec?.storageClassName ?? obj.metadata.annotations?.['volume.beta.kubernetes.io/storage-class'] ?? '',
      pv.spec?.volumeAttributesClassName ?? '<unset>',
      pv.status?.reason ?? '',
      ageSince(obj.metadata.creationTimestamp, ctx.now),
      pv.spec?.volumeMode ?? '<unset>',
    ];
  },
};

/** storageutil.IsDefaultAnnotation: the GA annotation or its beta predecessor set to "true". */
export function isDefaultClass(obj: KubeObject): boolean {
  const a = obj.metadata.annotations ?? {};
  return a['storageclass.kubernetes.io/is-default-class'] === 'true' || a['storageclass.beta.kubernetes.io/is-default-class'] === 'true';
}

export const storageClassTable: TableHandler = {
  columns: columns('Name', 'Provisioner', 'ReclaimPolicy', 'VolumeBindingMode', 'AllowVolumeExpansion', 'Age'),
  row(obj, ctx) {
    const sc = obj as unknown as StorageClass;
    return [
      `${obj.metadata.name ?? ''}${isDefaultClass(obj) ? ' (default)' : ''}`,
      sc.provisioner ?? '',
      sc.reclaimPolicy ?? 'Delete',
      sc.volumeBindingMode ?? 'Immediate',
      String(sc.allowVolumeExpansion ?? false),
      ageSince(obj.metadata.creationTimestamp, ctx.now),
    ];
  },
};
