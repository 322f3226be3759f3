/**
 * What a kubeadm cluster's image stores hold before the reader runs anything: `kubeadm config images
 * pull` on the control plane (`kubeadm config images list` for the cluster's release: the control-plane
 * images at its own version, etcd and CoreDNS at kubeadm's versions for 1.32 in cmd/kubeadm/app/constants,
 * the sandbox image pause 3.10), and on every node the sandbox image and kube-proxy (its DaemonSet's pods
 * pull it as the node joins).
 *
 * These references resolve without the registry's tag catalogue: the site's worker loads that
 * catalogue lazily, and the cluster boots (CoreDNS starts from its pre-pulled image) whenever it arrives.
 */
import { VERSION_INFO } from '../version.js';

const REGISTRY = 'registry.k8s.io';
/** The sandbox image (containerd's sandbox_image, kubeadm's pause for 1.32). */
export const SANDBOX_IMAGE = `${REGISTRY}/pause:3.10`;
const KUBE_PROXY = `${REGISTRY}/kube-proxy:${VERSION_INFO.gitVersion}`;
export const COREDNS_IMAGE = `${REGISTRY}/coredns/coredns:v1.11.3`;

export const CONTROL_PLANE_IMAGES: readonly string[] = [
  `${REGISTRY}/kube-apiserver:${VERSION_INFO.gitVersion}`,
  `${REGISTRY}/kube-controller-manager:${VERSION_INFO.gitVersion}`,
  `${REGISTRY}/kube-scheduler:${VERSION_INFO.gitVersion}`,
  KUBE_PROXY,
  COREDNS_IMAGE,
  SANDBOX_IMAGE,
  `${REGISTRY}/etcd:3.5.16-0`,
];

export const WORKER_IMAGES: readonly string[] = [KUBE_PROXY, SANDBOX_IMAGE];

/** Tags per repository of every image some node holds from the start. */
export const NODE_IMAGE_TAGS: ReadonlyMap<string, ReadonlySet<string>> = (() => {
  const tags = new Map<string, Set<string>>();
  for (const ref of [...CONTROL_PLANE_IMAGES, ...WORKER_IMAGES]) {
    const colon = ref.lastIndexOf(':');
    const repository = ref.slice(0, colon);
    tags.set(repository, (tags.get(repository) ?? new Set()).add(ref.slice(colon + 1)));
  }
  return tags;
})();
