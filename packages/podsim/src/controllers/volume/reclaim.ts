/**
 * The Delete reclaim policy (pv_controller.go deleteVolumeOperation): a provisioned volume goes with
 * its object; a hand-made one only if its plugin can delete it. Of the in-tree plugins the simulator
 * knows, only hostPath deletes, and only under /tmp (pkg/volume/hostpath's deleter).
 */
import type { ApiClient } from '../../api/types.js';
import type { VolumeObj } from './binder.js';

const ANN_PROVISIONED_BY = 'pv.kubernetes.io/provisioned-by';

/** Deletes the volume object, or returns the plugin's error (the volume then goes Failed). */
export function deleteVolume(api: ApiClient, volume: VolumeObj): string | undefined {
  const name = volume.metadata.name ?? '';
  const hostPath = volume.spec?.hostPath?.path;
  if (!volume.metadata.annotations?.[ANN_PROVISIONED_BY]) {
    if (hostPath !== undefined && !/^\/tmp\/.+/.test(hostPath)) return `host_path deleter only supports /tmp/.+ but received provided ${hostPath}`;
    if (hostPath === undefined) return `error getting deleter volume plugin for volume ${JSON.stringify(name)}: no deletable volume plugin matched`;
  }
  api.delete('persistentvolumes', undefined, name);
  return undefined;
}
