/**
 * The default StorageClass the playground clusters tutorials run on ship (kind, minikube, Killercoda):
 * rancher/local-path-provisioner's `local-path` class as deploy/local-path-storage.yaml installs it,
 * marked default the way kind marks it. Its provisioner is controllers/volume/local-path-provisioner.
 */
import type { ApiServer } from '../api/server.js';
import { LOCAL_PATH_PROVISIONER } from '../controllers/volume/local-path-provisioner.js';

export function installLocalPathStorageClass(api: ApiServer): void {
  api.create('storageclasses', undefined, {
    apiVersion: 'storage.k8s.io/v1',
    kind: 'StorageClass',
    metadata: { name: 'local-path', annotations: { 'storageclass.kubernetes.io/is-default-class': 'true' } },
    provisioner: LOCAL_PATH_PROVISIONER,
    reclaimPolicy: 'Delete',
    volumeBindingMode: 'WaitForFirstConsumer',
  });
}
