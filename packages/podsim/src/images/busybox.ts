/** docker.io/library/busybox: applets in /bin, CMD ["sh"] (no stdin → the shell exits 0 at once). */
import { SIGNALS } from '../kernel/signals.js';
import { busyboxBuildOfTag } from '../programs/busybox-release.js';
import { retag, type FamilyBuild } from './families/index.js';
import { DEFAULT_PATH, type Image } from './types.js';
import { dirs, ROOT_DIRS, busyboxUserland, merge, passwd } from './userland.js';

const userland = merge(busyboxUserland('busybox'), {
  files: {
    ...dirs(ROOT_DIRS.busybox),
    ...passwd([
      ['root', 0, '/root', '/bin/sh'],
      ['nobody', 65534, '/home', '/bin/false'],
    ]),
  },
});

export const busybox: Image = {
  name: 'docker.io/library/busybox',
  tags: ['latest'],
  ...userland,
  config: { cmd: ['sh'], env: { PATH: DEFAULT_PATH }, workingDir: '/', stopSignal: SIGNALS.SIGTERM, exposedPorts: [], user: '' },
  size: 2167176,
  flavor: 'busybox',
};

/** A docker library busybox tag: /bin links to every applet of its release and libc variant. */
export const busyboxImage: FamilyBuild = (repository, tag) => {
  const links = Object.fromEntries(busyboxBuildOfTag(tag).applets.map((a) => [`/bin/${a}`, '/bin/busybox']));
  return retag(busybox, repository, tag, { links });
};

/** The old busybox the Kubernetes task pages use (`registry.k8s.io/busybox`, formerly k8s.gcr.io). */
export const busyboxK8s: Image = { ...busybox, name: 'registry.k8s.io/busybox', tags: ['latest', '1.27.2', '1.27', '1.24'], size: 1144547 };
export const busyboxGcr: Image = { ...busyboxK8s, name: 'k8s.gcr.io/busybox' };
