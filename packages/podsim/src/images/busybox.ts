/** docker.io/library/busybox: applets in /bin, CMD ["sh"] (no stdin → the shell exits 0 at once). */
import { SIGNALS } from '../kernel/signals.js';
import { busyboxBuildOfTag } from '../programs/busybox-release.js';
import { retag, type FamilyBuild } from './families/index.js';
import { DEFAULT_PATH, type Image } from './types.js';
import { dirs, ROOT_DIRS, busyboxUserland, merge } from './userland.js';

/**
 * The accounts docker-library/busybox copies from buildroot's system/skeleton/etc (Dockerfile.builder), as
 * runc's libcontainer tests carry them for their busybox rootfs: root is a member of wheel, so containerd
 * gives a root process groups 0 and 10.
 */
const ACCOUNTS = {
  '/etc/passwd': [
    'root:x:0:0:root:/root:/bin/sh',
    'daemon:x:1:1:daemon:/usr/sbin:/bin/false',
    'bin:x:2:2:bin:/bin:/bin/false',
    'sys:x:3:3:sys:/dev:/bin/false',
    'sync:x:4:100:sync:/bin:/bin/sync',
    'mail:x:8:8:mail:/var/spool/mail:/bin/false',
    'www-data:x:33:33:www-data:/var/www:/bin/false',
    'operator:x:37:37:Operator:/var:/bin/false',
    'nobody:x:65534:65534:nobody:/home:/bin/false',
    '',
  ].join('\n'),
  '/etc/group': `${[
    'root:x:0:', 'daemon:x:1:', 'bin:x:2:', 'sys:x:3:', 'adm:x:4:', 'tty:x:5:', 'disk:x:6:', 'lp:x:7:', 'mail:x:8:', 'kmem:x:9:', 'wheel:x:10:root',
    'cdrom:x:11:', 'dialout:x:18:', 'floppy:x:19:', 'video:x:28:', 'audio:x:29:', 'tape:x:32:', 'www-data:x:33:', 'operator:x:37:', 'utmp:x:43:',
    'plugdev:x:46:', 'staff:x:50:', 'lock:x:54:', 'netdev:x:82:', 'users:x:100:', 'nobody:x:65534:',
  ].join('\n')}\n`,
};

const userland = merge(busyboxUserland('busybox'), { files: { ...dirs(ROOT_DIRS.busybox), ...ACCOUNTS } });

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
