/**
 * The ingress-nginx add-on's images. The controller image is Alpine-based with dumb-init as its
 * ENTRYPOINT and /nginx-ingress-controller as CMD, running as www-data (101) (ingress-nginx
 * rootfs/Dockerfile); kube-webhook-certgen is a static binary on distroless, run as nonroot.
 * Digests are the ones minikube v1.35 pins (pkg/minikube/assets/addons.go); the sizes are rough
 * (about 105 MB and 24 MB compressed), not read from the registry.
 */
import { SIGNALS } from '../kernel/signals.js';
import { ingressNginxController } from '../programs/servers/ingress-nginx/controller.js';
import { webhookCertgen } from '../programs/servers/ingress-nginx/certgen.js';
import { idleServer } from '../programs/servers/idle.js';
import { execInPlace } from '../programs/exec-in-place.js';
import type { Program } from '../kernel/process.js';
import { distrolessStatic } from './distroless.js';
import type { FamilyBuild } from './families/index.js';
import { DEFAULT_PATH } from './types.js';
import { alpineBase, merge, passwd } from './userland.js';

/** dumb-init as PID 1 running its command (here in its own process's place). */
const dumbInit: Program = function* (proc) {
  const argv = proc.argv.slice(1);
  return yield* execInPlace(proc, argv[0] === '--' ? argv.slice(1) : argv, 'dumb-init');
};

export const ingressNginxImage: FamilyBuild = (repository, tag) => ({
  name: repository,
  tags: [tag],
  ...merge(alpineBase(), {
    binaries: { '/usr/bin/dumb-init': dumbInit, '/nginx-ingress-controller': ingressNginxController, '/wait-shutdown': idleServer, '/usr/bin/nginx': idleServer },
    files: passwd([
      ['root', 0, '/root', '/bin/sh'],
      ['www-data', 101, '/home/www-data', '/sbin/nologin'],
    ]),
  }),
  config: { entrypoint: ['/usr/bin/dumb-init', '--'], cmd: ['/nginx-ingress-controller'], env: { PATH: DEFAULT_PATH }, workingDir: '/etc/nginx', stopSignal: SIGNALS.SIGTERM, exposedPorts: [80, 443], user: 'www-data' },
  size: 105_000_000,
  digests: { 'v1.11.3': 'sha256:d56f135b6462cfc476447cfe564b83a45e8bb7da2774963b00d12161112270b7' },
  flavor: 'busybox',
});

export const webhookCertgenImage: FamilyBuild = (repository, tag) => ({
  name: repository,
  tags: [tag],
  files: distrolessStatic.files,
  binaries: { '/kube-webhook-certgen': webhookCertgen },
  config: { entrypoint: ['/kube-webhook-certgen'], cmd: undefined, env: { PATH: DEFAULT_PATH }, workingDir: '/', stopSignal: SIGNALS.SIGTERM, exposedPorts: [], user: '65532' },
  size: 24_000_000,
  digests: { 'v1.4.4': 'sha256:a9f03b34a3cbfbb26d103a14046ab2c5130a80c3d69d526ff8063d2b37b9fd3f' },
  flavor: 'gnu',
});
