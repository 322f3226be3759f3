/**
 * Which BusyBox a container's applets come from, by its image: the docker library's busybox tags name
 * the release; the old Kubernetes test image (registry.k8s.io/busybox, k8s.gcr.io/busybox,
 * gcr.io/google-containers/busybox) is BusyBox 1.27 or older. Other images ship a current BusyBox.
 */
import { containerContextOf } from '../kernel/container-context.js';
import type { Proc } from '../kernel/process.js';

const OLD_K8S_BUSYBOX = new Set(['registry.k8s.io/busybox', 'k8s.gcr.io/busybox', 'gcr.io/google-containers/busybox', 'gcr.io/google_containers/busybox']);

/** [major, minor] of the BusyBox the process runs from. */
export function busyboxRelease(proc: Proc): [number, number] {
  const image = containerContextOf(proc)?.container.image ?? '';
  const at = image.lastIndexOf(':');
  const repo = at > image.lastIndexOf('/') ? image.slice(0, at) : image;
  const tag = at > image.lastIndexOf('/') ? image.slice(at + 1) : 'latest';
  if (OLD_K8S_BUSYBOX.has(repo)) return [1, 27];
  const m = /^(\d+)\.(\d+)/.exec(tag);
  if (repo === 'docker.io/library/busybox' && m) return [Number(m[1]), Number(m[2])];
  return [1, 37];
}
