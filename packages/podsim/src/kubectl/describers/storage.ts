/**
 * PersistentVolumes, PersistentVolumeClaims and StorageClasses (describe.go describePersistentVolume,
 * describePersistentVolumeClaim, describeStorageClass).
 */
import type { Event, PersistentVolume, PersistentVolumeClaim, Pod } from 'kubernetes-types/core/v1';
import type { StorageClass } from 'kubernetes-types/storage/v1';
import { ageSince } from '../../format/duration.js';
import { formatLabels } from '../../format/labels.js';
import { accessModes } from '../../tables/config.js';
import { isDefaultClass } from '../../tables/storage.js';
import type { KubeObject } from '../../api/types.js';
import { describeEvents, printAnnotations, printLabels } from './fields.js';
import { LEVEL_0, LEVEL_1, LEVEL_2, PrefixWriter } from './prefix-writer.js';

/** Go's `%v` of a []string. */
const goList = (xs: string[] | undefined) => `[${(xs ?? []).join(' ')}]`;

function status(meta: { deletionTimestamp?: string }, phase: string | undefined, now: number): string {
  return meta.deletionTimestamp ? `Terminating (lasts ${ageSince(meta.deletionTimestamp, now)})` : (phase ?? '');
}

function describeSource(w: PrefixWriter, spec: PersistentVolume['spec']): void {
  if (spec?.hostPath) {
    w.write(LEVEL_2, `Type:\tHostPath (bare host directory volume)\n    Path:\t${spec.hostPath.path}\n    HostPathType:\t${spec.hostPath.type ?? '<none>'}\n`);
  } else if (spec?.nfs) {
    w.write(LEVEL_2, `Type:\tNFS (an NFS mount that lasts the lifetime of a pod)\n    Server:\t${spec.nfs.server}\n    Path:\t${spec.nfs.path}\n    ReadOnly:\t${spec.nfs.readOnly ?? false}\n`);
  } else if (spec?.local) {
    w.write(LEVEL_2, `Type:\tLocalVolume (a persistent volume backed by local storage on a node)\n    Path:\t${spec.local.path}\n`);
  } else if (spec?.csi) {
    w.write(LEVEL_2, `Type:\tCSI (a Container Storage Interface (CSI) volume source)\n    Driver:\t${spec.csi.driver}\n    FSType:\t${spec.csi.fsType ?? ''}\n    VolumeHandle:\t${spec.csi.volumeHandle}\n    ReadOnly:\t${spec.csi.readOnly ?? false}\n`);
  }
}

export function describePersistentVolume(pv: PersistentVolume, events: Event[] | undefined, now: number): string {
  const w = new PrefixWriter();
  const meta = pv.metadata ?? {};
  const ref = pv.spec?.claimRef;
  w.write(LEVEL_0, `Name:\t${meta.name ?? ''}\n`);
  printLabels(w, 'Labels', meta.labels);
  printAnnotations(w, 'Annotations', meta.annotations);
  w.write(LEVEL_0, `Finalizers:\t${goList(meta.finalizers)}\n`);
  w.write(LEVEL_0, `StorageClass:\t${pv.spec?.storageClassName ?? ''}\n`);
  if (pv.spec?.volumeAttributesClassName) w.write(LEVEL_0, `VolumeAttributesClass:\t${pv.spec.volumeAttributesClassName}\n`);
  w.write(LEVEL_0, `Status:\t${status(meta, pv.status?.phase, now)}\n`);
  w.write(LEVEL_0, `Claim:\t${ref ? `${ref.namespace ?? ''}/${ref.name ?? ''}` : ''}\n`);
  w.write(LEVEL_0, `Reclaim Policy:\t${pv.spec?.persistentVolumeReclaimPolicy ?? ''}\n`);
  w.write(LEVEL_0, `Access Modes:\t${accessModes(pv.spec?.accessModes)}\n`);
  if (pv.spec?.volumeMode) w.write(LEVEL_0, `VolumeMode:\t${pv.spec.volumeMode}\n`);
  w.write(LEVEL_0, `Capacity:\t${pv.spec?.capacity?.storage ?? '0'}\n`);
  w.write(LEVEL_0, `Node Affinity:\t${pv.spec?.nodeAffinity ? '' : '<none>'}\n`);
  w.write(LEVEL_0, `Message:\t${pv.status?.message ?? ''}\n`);
  w.write(LEVEL_0, 'Source:\n');
  describeSource(w, pv.spec);
  if (events) describeEvents(w, events, now);
  return w.toString();
}

export function describePersistentVolumeClaim(pvc: PersistentVolumeClaim, users: Pod[], events: Event[] | undefined, now: number): string {
  const w = new PrefixWriter();
  const meta = pvc.metadata ?? {};
  const bound = !!pvc.spec?.volumeName;
  w.write(LEVEL_0, `Name:\t${meta.name ?? ''}\n`);
  w.write(LEVEL_0, `Namespace:\t${meta.namespace ?? ''}\n`);
  w.write(LEVEL_0, `StorageClass:\t${meta.annotations?.['volume.beta.kubernetes.io/storage-class'] ?? pvc.spec?.storageClassName ?? ''}\n`);
  w.write(LEVEL_0, `Status:\t${status(meta, pvc.status?.phase, now)}\n`);
  w.write(LEVEL_0, `Volume:\t${pvc.spec?.volumeName ?? ''}\n`);
  printLabels(w, 'Labels', meta.labels);
  printAnnotations(w, 'Annotations', meta.annotations);
  w.write(LEVEL_0, `Finalizers:\t${goList(meta.finalizers)}\n`);
  w.write(LEVEL_0, `Capacity:\t${bound ? (pvc.status?.capacity?.storage ?? '0') : ''}\n`);
  w.write(LEVEL_0, `Access Modes:\t${bound ? accessModes(pvc.status?.accessModes) : ''}\n`);
  if (pvc.spec?.volumeMode) w.write(LEVEL_0, `VolumeMode:\t${pvc.spec.volumeMode}\n`);
  const names = users.map((p) => p.metadata?.name ?? '').sort();
  w.write(LEVEL_0, `Used By:\t${names.length ? names.join('\n\t') : '<none>'}\n`);
  if (events) describeEvents(w, events, now);
  return w.toString();
}

export function describeStorageClass(sc: StorageClass & KubeObject, events: Event[] | undefined, now: number): string {
  const w = new PrefixWriter();
  w.write(LEVEL_0, `Name:\t${sc.metadata.name ?? ''}\n`);
  w.write(LEVEL_0, `IsDefaultClass:\t${isDefaultClass(sc) ? 'Yes' : 'No'}\n`);
  w.write(LEVEL_0, `Annotations:\t${formatLabels(sc.metadata.annotations)}\n`);
  w.write(LEVEL_0, `Provisioner:\t${sc.provisioner}\n`);
  w.write(LEVEL_0, `Parameters:\t${formatLabels(sc.parameters)}\n`);
  w.write(LEVEL_0, `AllowVolumeExpansion:\t${sc.allowVolumeExpansion === undefined ? '<unset>' : sc.allowVolumeExpansion ? 'True' : 'False'}\n`);
  if (!sc.mountOptions?.length) w.write(LEVEL_0, 'MountOptions:\t<none>\n');
  else {
    w.write(LEVEL_0, 'MountOptions:\n');
    for (const o of sc.mountOptions) w.write(LEVEL_1, `${o}\n`);
  }
  if (sc.reclaimPolicy) w.write(LEVEL_0, `ReclaimPolicy:\t${sc.reclaimPolicy}\n`);
  if (sc.volumeBindingMode) w.write(LEVEL_0, `VolumeBindingMode:\t${sc.volumeBindingMode}\n`);
  if (events) describeEvents(w, events, now);
  return w.toString();
}
