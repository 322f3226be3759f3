/**
 * The small kinds: namespaces, configmaps, secrets, serviceaccounts, persistentvolumeclaims, resourcequotas
 * (k8s printers.go printNamespace / printConfigMap / printSecret / printServiceAccount /
 * printPersistentVolumeClaim).
 */
import type { ConfigMap, PersistentVolumeClaim, Secret, ServiceAccount } from 'kubernetes-types/core/v1';
import type { KubeObject } from '../api/types.js';
import { ageSince } from '../format/duration.js';
import { columns, type TableContext, type TableHandler } from './types.js';

const age = (obj: KubeObject, ctx: TableContext) => ageSince(obj.metadata.creationTimestamp, ctx.now);
const count = (m: object | undefined) => Object.keys(m ?? {}).length;

export const namespaceTable: TableHandler = {
  columns: columns('Name', 'Status', 'Age'),
  row: (obj, ctx) => [obj.metadata.name ?? '', String((obj.status as { phase?: string } | undefined)?.phase ?? ''), age(obj, ctx)],
};

export const configMapTable: TableHandler = {
  columns: columns('Name', 'Data', 'Age'),
  row(obj, ctx) {
    const cm = obj as unknown as ConfigMap;
    return [obj.metadata.name ?? '', String(count(cm.data) + count(cm.binaryData)), age(obj, ctx)];
  },
};

export const secretTable: TableHandler = {
  columns: columns('Name', 'Type', 'Data', 'Age'),
  row(obj, ctx) {
    const s = obj as unknown as Secret;
    return [obj.metadata.name ?? '', s.type ?? '', String(count(s.data)), age(obj, ctx)];
  },
};

export const serviceAccountTable: TableHandler = {
  columns: columns('Name', 'Secrets', 'Age'),
  row: (obj, ctx) => [obj.metadata.name ?? '', String((obj as unknown as ServiceAccount).secrets?.length ?? 0), age(obj, ctx)],
};

const ACCESS_MODES: [string, string][] = [
  ['ReadWriteOnce', 'RWO'],
  ['ReadOnlyMany', 'ROX'],
  ['ReadWriteMany', 'RWX'],
  ['ReadWriteOncePod', 'RWOP'],
];

export function accessModes(modes: string[] | undefined): string {
  return ACCESS_MODES.filter(([m]) => (modes ?? []).includes(m))
    .map(([, short]) => short)
    .join(',');
}

export const pvcTable: TableHandler = {
  columns: columns('Name', 'Status', 'Volume', 'Capacity', 'Access Modes', 'StorageClass', 'VolumeAttributesClass', 'Age', 'VolumeMode*'),
  row(obj, ctx) {
    const pvc = obj as unknown as PersistentVolumeClaim;
    const bound = !!pvc.spec?.volumeName;
    const storageClass = pvc.spec?.storageClassName ?? obj.metadata.annotations?.['volume.beta.kubernetes.io/storage-class'] ?? '';
    return [
      obj.metadata.name ?? '',
      obj.metadata.deletionTimestamp ? 'Terminating' : (pvc.status?.phase ?? ''),
      pvc.spec?.volumeName ?? '',
      bound ? (pvc.status?.capacity?.storage ?? '') : '',
      bound ? accessModes(pvc.status?.accessModes) : '',
      storageClass,
      pvc.spec?.volumeAttributesClassName ?? '<unset>',
      age(obj, ctx),
      pvc.spec?.volumeMode ?? '<unset>',
    ];
  },
};

/** printResourceQuota: `<resource>: <used>/<hard>` per resource in status.hard, sorted; `limits.*` go to LIMIT. */
export const resourceQuotaTable: TableHandler = {
  columns: columns('Name', 'Age', 'Request', 'Limit'),
  row(obj, ctx) {
    const status = (obj.status ?? {}) as { hard?: Record<string, string>; used?: Record<string, string> };
    const request: string[] = [];
    const limit: string[] = [];
    for (const r of Object.keys(status.hard ?? {}).sort()) {
      (r.split('.')[0] === 'limits' && r.includes('.') ? limit : request).push(`${r}: ${status.used?.[r] ?? '0'}/${status.hard![r]}`);
    }
    return [obj.metadata.name ?? '', age(obj, ctx), request.join(', '), limit.join(', ')];
  },
};
