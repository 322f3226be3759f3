/**
 * kubeadm's CoreDNS add-on as `kubeadm init` leaves it on a 1.32 cluster (cmd/kubeadm/app/phases/
 * addons/dns: the coredns ServiceAccount, the `coredns` ConfigMap with the Corefile and the
 * two-replica `coredns` Deployment of registry.k8s.io/coredns/coredns:v1.11.3). `kubeadm init`
 * runs before any worker joins, so the pods land on the control plane; its image was pre-pulled.
 */
import type { ApiServer } from '../api/server.js';
import { COREDNS_IMAGE } from '../images/node-images.js';

export const KUBEADM_COREFILE = `.:53 {
    errors
    health {
       lameduck 5s
    }
    ready
    kubernetes cluster.local in-addr.arpa ip6.arpa {
       pods insecure
       fallthrough in-addr.arpa ip6.arpa
       ttl 30
    }
    prometheus :9153
    forward . /etc/resolv.conf {
       max_concurrent 1000
    }
    cache 30
    loop
    reload
    loadbalance
}
`;

const LABELS = { 'k8s-app': 'kube-dns' };

const POD_SPEC = {
  priorityClassName: 'system-cluster-critical',
  serviceAccountName: 'coredns',
  affinity: {
    podAntiAffinity: {
      preferredDuringSchedulingIgnoredDuringExecution: [
        { weight: 100, podAffinityTerm: { labelSelector: { matchExpressions: [{ key: 'k8s-app', operator: 'In', values: ['kube-dns'] }] }, topologyKey: 'kubernetes.io/hostname' } },
      ],
    },
  },
  tolerations: [
    { key: 'CriticalAddonsOnly', operator: 'Exists' },
    { key: 'node-role.kubernetes.io/control-plane', effect: 'NoSchedule' },
  ],
  nodeSelector: { 'kubernetes.io/os': 'linux' },
  containers: [
    {
      name: 'coredns',
      image: COREDNS_IMAGE,
      imagePullPolicy: 'IfNotPresent',
      resources: { limits: { memory: '170Mi' }, requests: { cpu: '100m', memory: '70Mi' } },
      args: ['-conf', '/etc/coredns/Corefile'],
      volumeMounts: [{ name: 'config-volume', mountPath: '/etc/coredns', readOnly: true }],
      ports: [
        { containerPort: 53, name: 'dns', protocol: 'UDP' },
        { containerPort: 53, name: 'dns-tcp', protocol: 'TCP' },
        { containerPort: 9153, name: 'metrics', protocol: 'TCP' },
      ],
      livenessProbe: { httpGet: { path: '/health', port: 8080, scheme: 'HTTP' }, initialDelaySeconds: 60, timeoutSeconds: 5, successThreshold: 1, failureThreshold: 5 },
      readinessProbe: { httpGet: { path: '/ready', port: 8181, scheme: 'HTTP' } },
      securityContext: { allowPrivilegeEscalation: false, capabilities: { add: ['NET_BIND_SERVICE'], drop: ['ALL'] }, readOnlyRootFilesystem: true },
    },
  ],
  dnsPolicy: 'Default',
  volumes: [{ name: 'config-volume', configMap: { name: 'coredns', items: [{ key: 'Corefile', path: 'Corefile' }] } }],
};

export function installCoreDns(api: ApiServer): void {
  api.create('serviceaccounts', 'kube-system', { apiVersion: 'v1', kind: 'ServiceAccount', metadata: { name: 'coredns', namespace: 'kube-system' } });
  api.create('configmaps', 'kube-system', { apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'coredns', namespace: 'kube-system' }, data: { Corefile: KUBEADM_COREFILE } });
  api.create('deployments', 'kube-system', {
    apiVersion: 'apps/v1',
    kind: 'Deployment',
    metadata: { name: 'coredns', namespace: 'kube-system', labels: LABELS },
    spec: {
      replicas: 2,
      strategy: { type: 'RollingUpdate', rollingUpdate: { maxUnavailable: 1 } },
      selector: { matchLabels: LABELS },
      template: { metadata: { labels: LABELS }, spec: POD_SPEC },
    },
  });
}
