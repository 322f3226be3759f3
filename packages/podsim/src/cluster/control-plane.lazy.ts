/**
 * What `kubeadm init` leaves in kube-system besides CoreDNS: the control plane's static pod manifests
 * and the kube-proxy add-on. A chunk of its own in the site's worker (lazy/part.ts): the cluster boots
 * without it, and the control-plane kubelet finds the manifests when the part arrives, as a real
 * kubelet creates the mirror pods a few seconds after it starts.
 */
import { FileSystem } from '../kernel/fs.js';
import { MANIFESTS_DIR } from '../kubelet/node-files.js';
import { Random } from '../random/random.js';
import type { Cluster } from './cluster.js';
import { installKubeProxy } from './kubeadm/kube-proxy.js';
import { staticPodManifests } from './kubeadm/static-pods.js';

/** `settle` runs the controllers and kubelets until the add-on's pods are bound and started. */
export default function kubeadmInit(cluster: Cluster, seed: number, settle: () => void): void {
  const node = cluster.nodes[0];
  const fs = new FileSystem(() => cluster.clock.now(), cluster.kubelet(node.name)!.root);
  // Identifiers of their own, as the other add-ons', so that a seed gives the reader's objects the same names.
  cluster.random.aside(new Random(seed ^ 0x6b756265616d), () => {
    for (const [file, text] of Object.entries(staticPodManifests(node))) fs.writeFile(`${MANIFESTS_DIR}/${file}`, text);
    installKubeProxy(cluster.api, `https://${node.name}:6443`);
    settle();
  });
}
