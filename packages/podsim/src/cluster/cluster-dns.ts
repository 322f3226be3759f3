/**
 * The `kube-dns` Service kubeadm's CoreDNS add-on installs in kube-system (cmd/kubeadm/app/phases/addons/dns
 * manifests): 10.96.0.10 (the tenth address of the default service range), ports dns 53/UDP, dns-tcp 53/TCP,
 * metrics 9153/TCP, selecting `k8s-app: kube-dns`, with its Endpoints and EndpointSlice as the controllers
 * keep them. Their UIDs and names come from a stream of their own, so the cluster's other identifiers
 * stay as they were for a given seed.
 */
import type { ApiServer } from '../api/server.js';
import { CLUSTER_DNS_IP } from '../api/kinds/service.js';
import { Random } from '../random/random.js';
import { installCoreDns } from './coredns-addon.js';

export const DNS_LABELS = { 'k8s-app': 'kube-dns', 'kubernetes.io/cluster-service': 'true', 'kubernetes.io/name': 'CoreDNS' };

const PORTS = [
  { name: 'dns', port: 53, protocol: 'UDP', targetPort: 53 },
  { name: 'dns-tcp', port: 53, protocol: 'TCP', targetPort: 53 },
  { name: 'metrics', port: 9153, protocol: 'TCP', targetPort: 9153 },
];

/**
 * Installs the Service and the CoreDNS add-on; `settle` runs the controllers until its pods exist,
 * still drawing names from the add-on's stream.
 */
export function installClusterDns(api: ApiServer, seed: number, settle: () => void): void {
  api.withIdentities(new Random(seed ^ 0x6b756265), () => {
    install(api);
    installCoreDns(api);
    settle();
  });
}

function install(api: ApiServer): void {
  const svc = api.create('services', 'kube-system', {
    apiVersion: 'v1',
    kind: 'Service',
    metadata: { name: 'kube-dns', namespace: 'kube-system', labels: DNS_LABELS, annotations: { 'prometheus.io/port': '9153', 'prometheus.io/scrape': 'true' } },
    spec: { clusterIP: CLUSTER_DNS_IP, ports: PORTS, selector: { 'k8s-app': 'kube-dns' } },
  });
  if (!svc.ok) return;
  api.create('endpoints', 'kube-system', {
    apiVersion: 'v1',
    kind: 'Endpoints',
    metadata: { name: 'kube-dns', namespace: 'kube-system', labels: DNS_LABELS },
  });
  api.create('endpointslices', 'kube-system', {
    apiVersion: 'discovery.k8s.io/v1',
    kind: 'EndpointSlice',
    metadata: {
      generateName: 'kube-dns-',
      namespace: 'kube-system',
      labels: { ...DNS_LABELS, 'endpointslice.kubernetes.io/managed-by': 'endpointslice-controller.k8s.io', 'kubernetes.io/service-name': 'kube-dns' },
      ownerReferences: [{ apiVersion: 'v1', kind: 'Service', name: 'kube-dns', uid: svc.value.metadata.uid ?? '', controller: true, blockOwnerDeletion: true }],
    },
    addressType: 'IPv4',
    endpoints: [],
    ports: [],
  });
}
