/**
 * registry.k8s.io's kube-apiserver, kube-controller-manager, kube-scheduler and kube-proxy: the
 * component binary under /usr/local/bin (what kubeadm's manifests run by name) on the layout every
 * unmodelled server image has (families/index.ts idleImage).
 */
import type { Program } from '../kernel/process.js';
import { kubeApiserver, kubeControllerManager, kubeProxy, kubeScheduler } from '../programs/servers/control-plane.js';
import { idleImage, type FamilyBuild } from './families/index.js';

const COMPONENTS: Record<string, Program> = {
  'kube-apiserver': kubeApiserver,
  'kube-controller-manager': kubeControllerManager,
  'kube-scheduler': kubeScheduler,
  'kube-proxy': kubeProxy,
};

export const kubeComponentImage: FamilyBuild = (repository, tag) => {
  const image = idleImage(repository, tag);
  const name = repository.slice(repository.lastIndexOf('/') + 1);
  const program = COMPONENTS[name];
  return program ? { ...image, binaries: { ...image.binaries, [`/usr/local/bin/${name}`]: program } } : image;
};
