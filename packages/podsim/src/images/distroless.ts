/**
 * gcr.io/distroless/static-debian12 and base-debian12: no shell, no coreutils, no ENTRYPOINT/CMD —
 * `kubectl exec … -- sh` fails with the runtime's not-found text and running it bare has no command.
 */
import { SIGNALS } from '../kernel/signals.js';
import type { Image } from './types.js';
import { DEBIAN_OS_RELEASE, passwd } from './userland.js';

const files = {
  '/etc/os-release': DEBIAN_OS_RELEASE.replace('PRETTY_NAME="Debian GNU/Linux 12 (bookworm)"', 'PRETTY_NAME="Distroless"'),
  ...passwd([
    ['root', 0, '/root', '/sbin/nologin'],
    ['nobody', 65534, '/nonexistent', '/sbin/nologin'],
    ['nonroot', 65532, '/home/nonroot', '/sbin/nologin'],
  ]),
  '/tmp/': '',
  '/home/nonroot/': '',
  '/root/': '',
  '/etc/ssl/certs/ca-certificates.crt': '',
};

const config = (user: string) => ({ env: { PATH: '/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin', SSL_CERT_FILE: '/etc/ssl/certs/ca-certificates.crt' }, workingDir: '/', stopSignal: SIGNALS.SIGTERM, exposedPorts: [], user });

export const distrolessStatic: Image = { name: 'gcr.io/distroless/static-debian12', tags: ['latest'], files, binaries: {}, config: config(''), size: 1_027_442, flavor: 'gnu' };
export const distrolessStaticNonroot: Image = { ...distrolessStatic, tags: ['nonroot'], config: config('65532') };
export const distrolessBase: Image = { name: 'gcr.io/distroless/base-debian12', tags: ['latest'], files, binaries: {}, config: config(''), size: 20_652_211, flavor: 'gnu' };
export const distrolessBaseOld: Image = { ...distrolessBase, name: 'gcr.io/distroless/base' };
export const distrolessStaticOld: Image = { ...distrolessStatic, name: 'gcr.io/distroless/static' };
