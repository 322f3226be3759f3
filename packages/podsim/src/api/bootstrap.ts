/**
 * What a fresh cluster already holds: the four system namespaces, each with its `default` ServiceAccount and
 * `kube-root-ca.crt` ConfigMap (created for every new namespace too, as the controller-manager's
 * serviceaccount and root-ca-cert-publisher controllers do), and the `kubernetes` Service.
 */
import type { ApiClient } from './types.js';
import { CLUSTER_CERTS } from './cluster-certs.js';
import { KUBERNETES_SERVICE_IP } from './kinds/service.js';

export const SYSTEM_NAMESPACES = ['default', 'kube-node-lease', 'kube-public', 'kube-system'];
/** Namespaces the lifecycle admission plugin refuses to delete. */
export const UNDELETABLE_NAMESPACES = new Set(['default', 'kube-system', 'kube-public']);

const ROOT_CA_DESCRIPTION =
  'Contains a CA bundle that can be used to verify the kube-apiserver when using internal endpoints such as the internal service IP or kubernetes.default.svc. No other usage is guaranteed across distributions of Kubernetes clusters.';

/** The cluster CA (a real certificate structure; its key is a stand-in, never used for TLS). */
export const ROOT_CA = CLUSTER_CERTS.ca;

/** Objects every namespace gets when it is created. */
export function populateNamespace(api: ApiClient, ns: string): void {
  api.create('serviceaccounts', ns, { apiVersion: 'v1', kind: 'ServiceAccount', metadata: { name: 'default', namespace: ns } });
  api.create('configmaps', ns, {
    apiVersion: 'v1',
    kind: 'ConfigMap',
    metadata: { name: 'kube-root-ca.crt', namespace: ns, annotations: { 'kubernetes.io/description': ROOT_CA_DESCRIPTION } },
    data: { 'ca.crt': ROOT_CA },
  });
}

export function bootstrap(api: ApiClient): void {
  for (const ns of SYSTEM_NAMESPACES) api.create('namespaces', undefined, { apiVersion: 'v1', kind: 'Namespace', metadata: { name: ns } });
  api.create('services', 'default', {
    apiVersion: 'v1',
    kind: 'Service',
    metadata: { name: 'kubernetes', namespace: 'default', labels: { component: 'apiserver', provider: 'kubernetes' } },
    spec: { clusterIP: KUBERNETES_SERVICE_IP, ports: [{ name: 'https', port: 443, protocol: 'TCP', targetPort: 6443 }] },
  });
}
