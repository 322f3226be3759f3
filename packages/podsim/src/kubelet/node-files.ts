/**
 * The files a kubeadm node holds for its kubelet: /var/lib/kubelet/config.yaml as `kubeadm init`/`join`
 * write it (KubeletConfiguration v1beta1, zero durations meaning "the kubelet's default"), and the
 * static pod folder it names, /etc/kubernetes/manifests.
 */
import { yaml } from '../format/yaml-parser.js';
import type { FileSystem } from '../kernel/fs.js';

export const KUBELET_CONFIG_PATH = '/var/lib/kubelet/config.yaml';
export const MANIFESTS_DIR = '/etc/kubernetes/manifests';

/** The logging section kubeadm marshals into every component configuration it writes (component-base's LoggingConfiguration, all defaults empty). */
export const KUBEADM_LOGGING = `logging:
  flushFrequency: 0
  options:
    json:
      infoBufferSize: "0"
    text:
      infoBufferSize: "0"
  verbosity: 0`;

/** As a kubeadm 1.32 node's config.yaml reads (observed on kubeadm clusters: cat /var/lib/kubelet/config.yaml). */
export const KUBEADM_KUBELET_CONFIG = `apiVersion: kubelet.config.k8s.io/v1beta1
authentication:
  anonymous:
    enabled: false
  webhook:
    cacheTTL: 0s
    enabled: true
  x509:
    clientCAFile: /etc/kubernetes/pki/ca.crt
authorization:
  mode: Webhook
  webhook:
    cacheAuthorizedTTL: 0s
    cacheUnauthorizedTTL: 0s
cgroupDriver: systemd
clusterDNS:
- 10.96.0.10
clusterDomain: cluster.local
containerRuntimeEndpoint: ""
cpuManagerReconcilePeriod: 0s
crashLoopBackOff: {}
evictionPressureTransitionPeriod: 0s
fileCheckFrequency: 0s
healthzBindAddress: 127.0.0.1
healthzPort: 10248
httpCheckFrequency: 0s
imageMaximumGCAge: 0s
imageMinimumGCAge: 0s
kind: KubeletConfiguration
${KUBEADM_LOGGING}
memorySwap: {}
nodeStatusReportFrequency: 0s
nodeStatusUpdateFrequency: 0s
resolvConf: /run/systemd/resolve/resolv.conf
rotateCertificates: true
runtimeRequestTimeout: 0s
shutdownGracePeriod: 0s
shutdownGracePeriodCriticalPods: 0s
staticPodPath: ${MANIFESTS_DIR}
streamingConnectionIdleTimeout: 0s
syncFrequency: 0s
volumeStatsAggPeriod: 0s
`;

/**
 * The top-level directories of an Ubuntu server (a kubeadm node's usual OS) that pages have the reader use
 * on a node: `sudo mkdir /mnt/data` for a hostPath volume needs /mnt to be there.
 */
const UBUNTU_DIRS = ['/home', '/media', '/mnt', '/opt', '/root', '/srv', '/tmp', '/usr/local/bin', '/var/log'];

/** Lays out a freshly joined node's files. */
export function writeNodeFiles(fs: FileSystem, nodeName: string): void {
  fs.mkdir(MANIFESTS_DIR, true);
  fs.mkdir('/var/lib/kubelet', true);
  for (const dir of UBUNTU_DIRS) fs.mkdir(dir, true);
  fs.writeFile(KUBELET_CONFIG_PATH, KUBEADM_KUBELET_CONFIG);
  fs.writeFile('/etc/hostname', nodeName + '\n');
}

export interface KubeletFileConfig {
  staticPodPath?: string;
  /** fileCheckFrequency in ms; 0s (or unset) is the kubelet's default of 20 s. */
  fileCheckMs: number;
}

/** FileCheckFrequency's default in the kubelet's config defaults (pkg/kubelet/apis/config/v1beta1/defaults.go). */
export const FILE_CHECK_DEFAULT_MS = 20_000;

/** What kubeadm's config.yaml above gives the kubelet (node-files.test.ts parses it to check). */
export const KUBEADM_FILE_CONFIG: KubeletFileConfig = { staticPodPath: MANIFESTS_DIR, fileCheckMs: FILE_CHECK_DEFAULT_MS };

/** What the kubelet takes from its config file when it starts; an unreadable file leaves the defaults. */
export function readKubeletConfig(fs: FileSystem): KubeletFileConfig {
  const unreadable = { fileCheckMs: FILE_CHECK_DEFAULT_MS };
  let text: string;
  try {
    text = fs.readFile(KUBELET_CONFIG_PATH);
  } catch {
    return unreadable;
  }
  // Every kubelet starts as the cluster boots, before the YAML parser (a lazy part) is there in the site's
  // worker; only a file someone changed since kubeadm wrote it needs parsing.
  if (text === KUBEADM_KUBELET_CONFIG) return { ...KUBEADM_FILE_CONFIG };
  const { parse } = yaml();
  let doc: unknown;
  try {
    doc = parse(text);
  } catch {
    return unreadable;
  }
  const c = (doc ?? {}) as Record<string, unknown>;
  const path = typeof c.staticPodPath === 'string' && c.staticPodPath !== '' ? c.staticPodPath : undefined;
  const m = /^(\d+)s$/.exec(String(c.fileCheckFrequency ?? ''));
  const ms = m && Number(m[1]) > 0 ? Number(m[1]) * 1000 : FILE_CHECK_DEFAULT_MS;
  return { staticPodPath: path, fileCheckMs: ms };
}
