/**
 * The static pod manifests `kubeadm init` (v1.32) writes to /etc/kubernetes/manifests on the control
 * plane: etcd, kube-apiserver, kube-controller-manager and kube-scheduler, for a cluster made with
 * `--pod-network-cidr=10.244.0.0/16` and the default service subnet, cluster name and certificate folder.
 * From cmd/kubeadm/app/phases/controlplane/manifests.go (GetStaticPodSpecs and the commands: defaults
 * as `--name=value`, sorted), volumes.go (the CA certificate folders an Ubuntu host has), phases/etcd/
 * local.go, util/staticpod/utils.go (ComponentPod, the probes' timings: liveness 8 × 10 s, readiness
 * every second, startup for the 4-minute ControlPlaneComponentHealthCheck) and constants.go (ports,
 * etcd 3.5.16-0).
 */
import { VERSION_INFO } from '../../version.js';
import type { NodeSpec } from '../topology.js';
import { manifestYaml, type ManifestValue } from './manifest-yaml.js';

type ControlPlaneHost = Pick<NodeSpec, 'name' | 'internalIP'>;

const PKI = '/etc/kubernetes/pki';
export const ETCD_IMAGE = 'registry.k8s.io/etcd:3.5.16-0';
export const POD_SUBNET = '10.244.0.0/16';
const SERVICE_SUBNET = '10.96.0.0/12';

const args = (defaults: Record<string, string>): string[] =>
  Object.keys(defaults)
    .sort()
    .map((k) => `--${k}=${defaults[k]}`);

type Kind = 'liveness' | 'readiness' | 'startup';
const TIMING: Record<Kind, Record<string, number>> = {
  liveness: { failureThreshold: 8, initialDelaySeconds: 10, periodSeconds: 10, timeoutSeconds: 15 },
  readiness: { failureThreshold: 3, periodSeconds: 1, timeoutSeconds: 15 },
  startup: { failureThreshold: 24, initialDelaySeconds: 10, periodSeconds: 10, timeoutSeconds: 15 },
};

const probe = (kind: Kind, host: string, path: string, port: number, scheme: string) => ({ ...TIMING[kind], httpGet: { host, path, port, scheme } });

/** hostPath volumes and their mounts, by name (VolumeMapToSlice and VolumeMountMapToSlice sort them so). */
interface Mount {
  name: string;
  path: string;
  type: 'DirectoryOrCreate' | 'FileOrCreate';
  readOnly: boolean;
}

const dir = (name: string, path: string, readOnly = true): Mount => ({ name, path, type: 'DirectoryOrCreate', readOnly });
const CA_CERTS = [
  dir('ca-certs', '/etc/ssl/certs'),
  dir('etc-ca-certificates', '/etc/ca-certificates'),
  dir('k8s-certs', PKI),
  dir('usr-local-share-ca-certificates', '/usr/local/share/ca-certificates'),
  dir('usr-share-ca-certificates', '/usr/share/ca-certificates'),
];
const kubeconfig = (file: string): Mount => ({ name: 'kubeconfig', path: `/etc/kubernetes/${file}`, type: 'FileOrCreate', readOnly: true });

/** ComponentPod: mounts in the order given, volumes by name. */
function componentPod(name: string, container: Record<string, ManifestValue>, mounts: Mount[], annotations?: Record<string, string>): string {
  const byName = [...mounts].sort((a, b) => (a.name < b.name ? -1 : 1));
  return manifestYaml({
    apiVersion: 'v1',
    kind: 'Pod',
    metadata: { annotations, creationTimestamp: null, labels: { component: name, tier: 'control-plane' }, name, namespace: 'kube-system' },
    spec: {
      containers: [
        {
          ...container,
          imagePullPolicy: 'IfNotPresent',
          name,
          volumeMounts: mounts.map((m) => ({ mountPath: m.path, name: m.name, readOnly: m.readOnly || undefined })),
        },
      ],
      hostNetwork: true,
      priority: 2000001000,
      priorityClassName: 'system-node-critical',
      securityContext: { seccompProfile: { type: 'RuntimeDefault' } },
      volumes: byName.map((m) => ({ hostPath: { path: m.path, type: m.type }, name: m.name })),
    },
    status: {},
  });
}

function etcd(host: ControlPlaneHost): string {
  const client = `https://${host.internalIP}:2379`;
  const peer = `https://${host.internalIP}:2380`;
  const command = [
    'etcd',
    ...args({
      'advertise-client-urls': client,
      'cert-file': `${PKI}/etcd/server.crt`,
      'client-cert-auth': 'true',
      'data-dir': '/var/lib/etcd',
      'experimental-initial-corrupt-check': 'true',
      'experimental-watch-progress-notify-interval': '5s',
      'initial-advertise-peer-urls': peer,
      'initial-cluster': `${host.name}=${peer}`,
      'key-file': `${PKI}/etcd/server.key`,
      'listen-client-urls': `https://127.0.0.1:2379,${client}`,
      'listen-metrics-urls': 'http://127.0.0.1:2381',
      'listen-peer-urls': peer,
      name: host.name,
      'peer-cert-file': `${PKI}/etcd/peer.crt`,
      'peer-client-cert-auth': 'true',
      'peer-key-file': `${PKI}/etcd/peer.key`,
      'peer-trusted-ca-file': `${PKI}/etcd/ca.crt`,
      'snapshot-count': '10000',
      'trusted-ca-file': `${PKI}/etcd/ca.crt`,
    }),
  ];
  const data = dir('etcd-data', '/var/lib/etcd', false);
  const certs = dir('etcd-certs', `${PKI}/etcd`, false);
  const container = {
    command,
    image: ETCD_IMAGE,
    livenessProbe: probe('liveness', '127.0.0.1', '/health?exclude=NOSPACE&serializable=true', 2381, 'HTTP'),
    resources: { requests: { cpu: '100m', memory: '100Mi' } },
    startupProbe: probe('startup', '127.0.0.1', '/health?serializable=false', 2381, 'HTTP'),
  };
  return componentPod('etcd', container, [data, certs], { 'kubeadm.kubernetes.io/etcd.advertise-client-urls': client });
}

function apiServer(host: ControlPlaneHost): string {
  const command = [
    'kube-apiserver',
    ...args({
      'advertise-address': host.internalIP,
      'allow-privileged': 'true',
      'authorization-mode': 'Node,RBAC',
      'client-ca-file': `${PKI}/ca.crt`,
      'enable-admission-plugins': 'NodeRestriction',
      'enable-bootstrap-token-auth': 'true',
      'etcd-cafile': `${PKI}/etcd/ca.crt`,
      'etcd-certfile': `${PKI}/apiserver-etcd-client.crt`,
      'etcd-keyfile': `${PKI}/apiserver-etcd-client.key`,
      'etcd-servers': 'https://127.0.0.1:2379',
      'kubelet-client-certificate': `${PKI}/apiserver-kubelet-client.crt`,
      'kubelet-client-key': `${PKI}/apiserver-kubelet-client.key`,
      'kubelet-preferred-address-types': 'InternalIP,ExternalIP,Hostname',
      'proxy-client-cert-file': `${PKI}/front-proxy-client.crt`,
      'proxy-client-key-file': `${PKI}/front-proxy-client.key`,
      'requestheader-allowed-names': 'front-proxy-client',
      'requestheader-client-ca-file': `${PKI}/front-proxy-ca.crt`,
      'requestheader-extra-headers-prefix': 'X-Remote-Extra-',
      'requestheader-group-headers': 'X-Remote-Group',
      'requestheader-username-headers': 'X-Remote-User',
      'secure-port': '6443',
      'service-account-issuer': 'https://kubernetes.default.svc.cluster.local',
      'service-account-key-file': `${PKI}/sa.pub`,
      'service-account-signing-key-file': `${PKI}/sa.key`,
      'service-cluster-ip-range': SERVICE_SUBNET,
      'tls-cert-file': `${PKI}/apiserver.crt`,
      'tls-private-key-file': `${PKI}/apiserver.key`,
    }),
  ];
  const container = {
    command,
    image: `registry.k8s.io/kube-apiserver:${VERSION_INFO.gitVersion}`,
    livenessProbe: probe('liveness', host.internalIP, '/livez', 6443, 'HTTPS'),
    readinessProbe: probe('readiness', host.internalIP, '/readyz', 6443, 'HTTPS'),
    resources: { requests: { cpu: '250m' } },
    startupProbe: probe('startup', host.internalIP, '/livez', 6443, 'HTTPS'),
  };
  return componentPod('kube-apiserver', container, CA_CERTS, { 'kubeadm.kubernetes.io/kube-apiserver.advertise-address.endpoint': `${host.internalIP}:6443` });
}

function controllerManager(): string {
  const conf = '/etc/kubernetes/controller-manager.conf';
  const command = [
    'kube-controller-manager',
    ...args({
      'allocate-node-cidrs': 'true',
      'authentication-kubeconfig': conf,
      'authorization-kubeconfig': conf,
      'bind-address': '127.0.0.1',
      'client-ca-file': `${PKI}/ca.crt`,
      'cluster-cidr': POD_SUBNET,
      'cluster-name': 'kubernetes',
      'cluster-signing-cert-file': `${PKI}/ca.crt`,
      'cluster-signing-key-file': `${PKI}/ca.key`,
      controllers: '*,bootstrapsigner,tokencleaner',
      kubeconfig: conf,
      'leader-elect': 'true',
      'requestheader-client-ca-file': `${PKI}/front-proxy-ca.crt`,
      'root-ca-file': `${PKI}/ca.crt`,
      'service-account-private-key-file': `${PKI}/sa.key`,
      'service-cluster-ip-range': SERVICE_SUBNET,
      'use-service-account-credentials': 'true',
    }),
  ];
  const container = {
    command,
    image: `registry.k8s.io/kube-controller-manager:${VERSION_INFO.gitVersion}`,
    livenessProbe: probe('liveness', '127.0.0.1', '/healthz', 10257, 'HTTPS'),
    resources: { requests: { cpu: '200m' } },
    startupProbe: probe('startup', '127.0.0.1', '/healthz', 10257, 'HTTPS'),
  };
  const mounts = [...CA_CERTS, dir('flexvolume-dir', '/usr/libexec/kubernetes/kubelet-plugins/volume/exec', false), kubeconfig('controller-manager.conf')].sort((a, b) => (a.name < b.name ? -1 : 1));
  return componentPod('kube-controller-manager', container, mounts);
}

function scheduler(): string {
  const conf = '/etc/kubernetes/scheduler.conf';
  const command = ['kube-scheduler', ...args({ 'authentication-kubeconfig': conf, 'authorization-kubeconfig': conf, 'bind-address': '127.0.0.1', kubeconfig: conf, 'leader-elect': 'true' })];
  const container = {
    command,
    image: `registry.k8s.io/kube-scheduler:${VERSION_INFO.gitVersion}`,
    livenessProbe: probe('liveness', '127.0.0.1', '/healthz', 10259, 'HTTPS'),
    resources: { requests: { cpu: '100m' } },
    startupProbe: probe('startup', '127.0.0.1', '/healthz', 10259, 'HTTPS'),
  };
  return componentPod('kube-scheduler', container, [kubeconfig('scheduler.conf')]);
}

/** File name → content, as `ls /etc/kubernetes/manifests` shows them. */
export function staticPodManifests(host: ControlPlaneHost): Record<string, string> {
  return { 'etcd.yaml': etcd(host), 'kube-apiserver.yaml': apiServer(host), 'kube-controller-manager.yaml': controllerManager(), 'kube-scheduler.yaml': scheduler() };
}
