/**
 * kompose 1.34's ConfigVolumes: each Compose volume becomes a PersistentVolumeClaim (`<service>-claim<N>`,
 * or the named volume's name), an emptyDir or a hostPath (`--volumes`, label `kompose.volume.type`),
 * and a host file or non-empty directory that exists becomes a ConfigMap mounted in its place.
 */
import type { ServiceConfig } from './compose.js';
import { meta, selector, type KObject } from './meta.js';
import type { TransformOptions } from './objects.js';

/** What kompose reads of the reader's files for a volume's host path. */
export interface VolumeHost {
  /** `file`, `dir` (with its regular files' names and contents) or undefined when the path does not exist. */
  stat(path: string): { kind: 'file'; text: string } | { kind: 'dir'; files: [string, string][] } | undefined;
}

export interface Volumes {
  mounts: Record<string, unknown>[];
  volumes: Record<string, unknown>[];
  /** The PVCs and ConfigMaps the volumes need. */
  objects: KObject[];
}

const base = (p: string) => p.slice(p.lastIndexOf('/') + 1);

export function volumes(s: ServiceConfig, o: TransformOptions): Volumes {
  const out: Volumes = { mounts: [], volumes: [], objects: [] };
  const type = s.labels['kompose.volume.type'] ?? o.volumes;
  if (!['emptyDir', 'hostPath', 'configMap', 'persistentVolumeClaim'].includes(type)) {
    throw new Error(`k.ConfigVolumes failed: invalid volume type ${type} specified in label 'kompose.volume.type' in service ${s.name}`);
  }
  for (const v of s.volumes) {
    const readOnly = v.mode === 'ro' || v.mode === 'rox';
    const mountHost = v.host || `${v.host}:${v.container}`;
    // A host file, or a directory holding files, is configuration: kompose ships it as a ConfigMap.
    const found = mountHost === '' || mountHost.endsWith('.sock') ? undefined : o.host.stat(mountHost);
    if (mountHost.endsWith('.sock')) {
      o.warn(`Skip file in path ${v.host} `);
      continue;
    }
    if (found === undefined) o.warn(`File don't exist or failed to check if the directory is empty: stat ${mountHost}: no such file or directory`);
    const configMap = found !== undefined && (found.kind === 'file' || found.files.length > 0);
    const kind = configMap ? 'configMap' : type;
    const name = v.volumeName || v.pvcName.replace('claim', { emptyDir: 'empty', hostPath: 'hostpath', configMap: 'cm' }[kind] ?? 'claim');
    const mount: Record<string, unknown> = { name, readOnly: readOnly || undefined, mountPath: v.container, subPath: undefined };
    if (kind === 'emptyDir') out.volumes.push({ name, emptyDir: {} });
    else if (kind === 'hostPath') out.volumes.push({ name, hostPath: { path: v.host } });
    else if (kind === 'configMap' && found !== undefined) {
      const single = found.kind === 'file';
      const data = single ? { [base(mountHost)]: found.text } : Object.fromEntries([...found.files].sort());
      out.objects.push({
        kind: 'ConfigMap',
        apiVersion: 'v1',
        metadata: meta(name, selector(s.key), single ? { 'use-subpath': 'true' } : undefined) as KObject['metadata'],
        data,
      });
      const items = single ? [{ key: base(mountHost), path: base(v.container) }] : undefined;
      out.volumes.push({ name, configMap: { name, items } });
      if (single) mount.subPath = base(v.container);
    } else {
      out.volumes.push({ name, persistentVolumeClaim: { claimName: name, readOnly: readOnly || undefined } });
      out.objects.push({
        kind: 'PersistentVolumeClaim',
        apiVersion: 'v1',
        metadata: meta(name, selector(name)) as KObject['metadata'],
        spec: {
          accessModes: [readOnly ? 'ReadOnlyMany' : 'ReadWriteOnce'],
          resources: { requests: { storage: s.labels['kompose.volume.size'] ?? (o.pvcRequestSize || '100Mi') } },
          storageClassName: s.labels['kompose.volume.storage-class-name'],
        },
        status: {},
      });
    }
    if (s.labels['kompose.volume.subpath'] !== undefined) mount.subPath = s.labels['kompose.volume.subpath'];
    out.mounts.push(mount);
    if (v.host && kind !== 'hostPath' && kind !== 'configMap') o.warn(`Volume mount on the host "${v.host}" isn't supported - ignoring path on the host`);
  }
  return out;
}
