/**
 * Building blocks images share: the busybox userland (alpine and busybox layouts), base /etc
 * files, and merging parts into one image file map.
 */
import type { Program } from '../kernel/process.js';
import { makeBusybox } from '../programs/busybox.js';
import { PROGRAMS } from '../programs/index.js';
import { BUSYBOX_IP, PING } from '../programs/clients/index.js';
import { PACKAGE_MANAGERS } from '../programs/packages/managers.js';
import { ash, bash, dash } from './shells.js';
import { testBinary } from './test-binary.js';

export interface Userland {
  files: Record<string, string>;
  links: Record<string, string>;
  binaries: Record<string, Program>;
}

/** Programs busybox does not have (they come from other packages on Debian). */
const NOT_IN_BUSYBOX = new Set(['curl', 'bash']);

/** Where alpine installs each applet link (everything else lives in /bin). */
const ALPINE_USR_BIN = new Set([
  'basename', 'cut', 'dirname', 'du', 'env', 'expr', 'find', 'free', 'head', 'id', 'killall', 'less', 'nc', 'nslookup', 'printf',
  'seq', 'sort', 'tail', 'tee', 'test', 'tr', 'uniq', 'uptime', 'wc', 'wget', 'which', 'whoami', 'xargs', 'yes', 'top',
]);

export function busyboxApplets(): Record<string, Program> {
  const applets: Record<string, Program> = {};
  for (const [name, p] of Object.entries(PROGRAMS)) if (!NOT_IN_BUSYBOX.has(name)) applets[name] = p;
  applets.ping = PING;
  applets.sh = ash;
  applets.ash = ash;
  applets.test = testBinary;
  applets['['] = testBinary;
  // busybox's own `ip`: the reader's machine and the nodes have iproute2's, which prints otherwise.
  applets.ip = BUSYBOX_IP;
  return applets;
}

export function busyboxUserland(layout: 'alpine' | 'busybox'): Userland {
  const applets = busyboxApplets();
  const links: Record<string, string> = {};
  for (const name of Object.keys(applets)) {
    const dir = layout === 'alpine' && ALPINE_USR_BIN.has(name) ? '/usr/bin' : '/bin';
    links[`${dir}/${name}`] = '/bin/busybox';
  }
  return { files: {}, links, binaries: { '/bin/busybox': makeBusybox(applets) } };
}

export function passwd(users: [name: string, uid: number, home: string, shell: string][]): Record<string, string> {
  return {
    '/etc/passwd': users.map(([n, uid, home, sh]) => `${n}:x:${uid}:${uid}:${n}:${home}:${sh}\n`).join(''),
    '/etc/group': users.map(([n, uid]) => `${n}:x:${uid}:\n`).join(''),
  };
}

/** Top-level directories as `ls /` shows them in each family of images (/dev, /proc, /sys come at run time). */
export const ROOT_DIRS = {
  busybox: ['home', 'lib', 'lib64', 'root', 'tmp', 'usr/sbin', 'var/spool/mail', 'var/www'],
  alpine: ['home', 'lib', 'media', 'mnt', 'opt', 'root', 'run', 'sbin', 'srv', 'tmp', 'usr/local/bin', 'usr/sbin', 'var/cache', 'var/log', 'var/tmp'],
  debian: ['boot', 'home', 'media', 'mnt', 'opt', 'root', 'run', 'srv', 'tmp', 'usr/lib', 'usr/lib64', 'usr/local/bin', 'usr/sbin', 'var/cache', 'var/log', 'var/tmp'],
};

export function dirs(names: string[]): Record<string, string> {
  return Object.fromEntries(names.map((n) => [`/${n}/`, '']));
}

export function merge(...parts: Partial<Userland>[]): Userland {
  const out: Userland = { files: {}, links: {}, binaries: {} };
  for (const p of parts) {
    Object.assign(out.files, p.files ?? {});
    Object.assign(out.links, p.links ?? {});
    Object.assign(out.binaries, p.binaries ?? {});
  }
  return out;
}

export const ALPINE_OS_RELEASE = `NAME="Alpine Linux"
ID=alpine
VERSION_ID=3.21.2
PRETTY_NAME="Alpine Linux v3.21"
HOME_URL="https://alpinelinux.org/"
BUG_REPORT_URL="https://gitlab.alpinelinux.org/alpine/aports/-/issues"
`;

export function alpineBase(): Userland {
  return merge(busyboxUserland('alpine'), {
    binaries: { '/sbin/apk': PACKAGE_MANAGERS.apk },
    files: {
      ...dirs(ROOT_DIRS.alpine),
      '/etc/os-release': ALPINE_OS_RELEASE,
      '/etc/alpine-release': '3.21.2\n',
      ...passwd([
        ['root', 0, '/root', '/bin/sh'],
        ['nobody', 65534, '/', '/sbin/nologin'],
      ]),
      '/etc/shells': '# valid login shells\n/bin/sh\n/bin/ash\n',
    },
  });
}

/** What a debian:bookworm base image has of our programs (no procps: no ps/kill binary; no wget/curl/less). */
export const DEBIAN_BASE_PROGRAMS = [
  'base64', 'basename', 'cat', 'chmod', 'cp', 'date', 'df', 'dirname', 'echo', 'env', 'false', 'getent', 'grep', 'head', 'hostname', 'id', 'ln', 'ls', 'mkdir',
  'md5sum', 'more', 'mv', 'printenv', 'printf', 'pwd', 'rm', 'rmdir', 'seq', 'sha1sum', 'sha224sum', 'sha256sum', 'sha384sum', 'sha512sum', 'sleep', 'sort', 'tail', 'tar', 'tee', 'touch', 'tr', 'true', 'uname', 'uniq', 'cut', 'sed',
  'wc', 'which', 'whoami', 'xargs', 'yes',
];

export const DEBIAN_OS_RELEASE = `PRETTY_NAME="Debian GNU/Linux 12 (bookworm)"
NAME="Debian GNU/Linux"
VERSION_ID="12"
VERSION="12 (bookworm)"
VERSION_CODENAME=bookworm
ID=debian
HOME_URL="https://www.debian.org/"
SUPPORT_URL="https://www.debian.org/support"
BUG_REPORT_URL="https://bugs.debian.org/"
`;

/** A merged-/usr Debian tree: programs in /usr/bin, /bin and /sbin as links, bash and dash as shells. */
export function debianBase(programs: string[] = DEBIAN_BASE_PROGRAMS, osRelease = DEBIAN_OS_RELEASE): Userland {
  const binaries: Record<string, Program> = { '/usr/bin/bash': bash, '/usr/bin/dash': dash, '/usr/bin/apt-get': PACKAGE_MANAGERS['apt-get'], '/usr/bin/apt': PACKAGE_MANAGERS['apt-get'], '/usr/bin/test': testBinary, '/usr/bin/[': testBinary };
  for (const name of programs) binaries[`/usr/bin/${name}`] = PROGRAMS[name];
  return {
    files: {
      ...dirs(ROOT_DIRS.debian),
      '/etc/os-release': osRelease,
      '/etc/debian_version': '12.8\n',
      ...passwd([
        ['root', 0, '/root', '/bin/bash'],
        ['nobody', 65534, '/nonexistent', '/usr/sbin/nologin'],
      ]),
      '/etc/shells': '# /etc/shells: valid login shells\n/bin/sh\n/usr/bin/sh\n/bin/bash\n/usr/bin/bash\n/bin/dash\n/usr/bin/dash\n',
      '/root/.bashrc': '# ~/.bashrc: executed by bash(1) for non-login shells.\n',
    },
    links: { '/bin': 'usr/bin', '/sbin': 'usr/sbin', '/lib': 'usr/lib', '/lib64': 'usr/lib64', '/usr/bin/sh': 'dash' },
    binaries,
  };
}
