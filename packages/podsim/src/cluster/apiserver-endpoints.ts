/**
 * The `kubernetes` Endpoints and EndpointSlice: the API server publishes its own address behind the `kubernetes`
 * Service (k8s pkg/controlplane/reconcilers), which has no selector for the endpoints controller.
 */
import type { ApiClient } from '../api/types.js';

export const APISERVER_PORT = 6443;

export function publishApiServerEndpoints(api: ApiClient, controlPlaneIP: string): void {
  api.create('endpoints', 'default', {
    apiVersion: 'v1',
    kind: 'Endpoints',
    metadata: { name: 'kubernetes', namespace: 'default', labels: { 'endpointslice.kubernetes.io/skip-mirror': 'true' } },
    subsets: [{ addresses: [{ ip: controlPlaneIP }], ports: [{ name: 'https', port: APISERVER_PORT, protocol: 'TCP' }] }],
  });
  api.create('endpointslices', 'default', {
    apiVersion: 'discovery.k8s.io/v1',
    kind: 'EndpointSlice',
    metadata: { name: 'kubernetes', namespace: 'default', labels: { 'kubernetes.io/service-name': 'kubernetes' } },
    addressType: 'IPv4',
    endpoints: [{ addresses: [controlPlaneIP], conditions: { ready: true } }],
    ports: [{ name: 'https', port: APISERVER_PORT, protocol: 'TCP' }],
  });
}
