/**
 * Which BusyBox a container's applets come from, by its image: the docker library's busybox tags name
 * the release (and the libc variant); the old Kubernetes test image (registry.k8s.io/busybox,
 * k8s.gcr.io/busybox, gcr.io/google-containers/busybox) is BusyBox 1.27 or older. Other images (alpine,
 * the reader's machine) ship a current BusyBox of their own build, except radial/busyboxplus: a buildroot
 * image of 2014-15 whose nslookup is the C library's (pre-1.29) one, as its transcripts on kubernetes.io
 * (tutorials/services/connect-applications-service) and elsewhere show (`Address 1: 10.96.0.10 kube-dns…`).
 */
import { containerContextOf } from '../kernel/container-context.js';
import type { Proc } from '../kernel/process.js';
import { busyboxBuild, type BusyboxBuild } from './busybox-applets.js';

export const BUSYBOX_BANNER = 'BusyBox v1.37.0 (2024-09-30 10:39:57 UTC) multi-call binary.';

const OLD_BUSYBOX = new Set(['registry.k8s.io/busybox', 'k8s.gcr.io/busybox', 'gcr.io/google-containers/busybox', 'gcr.io/google_containers/busybox', 'docker.io/radial/busyboxplus']);

/** The docker library busybox build behind `tag` ('1.28', '1.36.1-musl', 'latest', 'uclibc'). */
export function busyboxBuildOfTag(tag: string): BusyboxBuild {
  const m = /^(\d+\.\d+(?:\.\d+)?)?-?(glibc|musl|uclibc)?$/.exec(tag);
  return busyboxBuild(m?.[1], m?.[2] ?? 'glibc');
}

/** The docker library build the process runs from, or undefined when its BusyBox is not one of those. */
export function busyboxBuildOf(proc: Proc): BusyboxBuild | undefined {
  const image = containerContextOf(proc)?.container.image ?? '';
  const at = image.lastIndexOf(':');
  const tagged = at > image.lastIndexOf('/');
  const repo = tagged ? image.slice(0, at) : image;
  return repo === 'docker.io/library/busybox' ? busyboxBuildOfTag(tagged ? image.slice(at + 1) : 'latest') : undefined;
}

/** [major, minor] of the BusyBox the process runs from. */
export function busyboxRelease(proc: Proc): [number, number] {
  const image = containerContextOf(proc)?.container.image ?? '';
  const at = image.lastIndexOf(':');
  if (OLD_BUSYBOX.has(at > image.lastIndexOf('/') ? image.slice(0, at) : image)) return [1, 27];
  const [major, minor] = (busyboxBuildOf(proc)?.release ?? '1.37').split('.').map(Number);
  return [major, minor];
}

/** First line of busybox's usage texts: the version and build time of the running binary. */
export function busyboxBanner(proc: Proc): string {
  const build = busyboxBuildOf(proc);
  return build ? `BusyBox v${build.release} (${build.time} UTC) multi-call binary.` : BUSYBOX_BANNER;
}
