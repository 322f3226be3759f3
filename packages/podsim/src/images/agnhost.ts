/** registry.k8s.io/e2e-test-images/agnhost: busybox base plus /agnhost, ENTRYPOINT ["/agnhost"], CMD ["pause"]. */
import { SIGNALS } from '../kernel/signals.js';
import { agnhost as agnhostProgram } from '../programs/servers/agnhost.js';
import { DEFAULT_PATH, type Image } from './types.js';
import { dirs, ROOT_DIRS, busyboxUserland, merge } from './userland.js';

/**
 * The user and group agnhost's Dockerfile adds for the supplemental-groups tests (`adduser -u 1000 -D
 * user-defined-in-image`, `addgroup -g 50000 group-defined-in-image`, then the user into the group), as
 * the security-context docs page shows them with agnhost:2.45.
 */
const SUPPLEMENTAL_GROUPS_USERS = {
  '/etc/passwd': 'root:x:0:0:root:/root:/bin/sh\nnobody:x:65534:65534:nobody:/home:/bin/false\nuser-defined-in-image:x:1000:1000:Linux User,,,:/home/user-defined-in-image:/bin/sh\n',
  '/etc/group': 'root:x:0:\nnogroup:x:65534:\nuser-defined-in-image:x:1000:\ngroup-defined-in-image:x:50000:user-defined-in-image\n',
  '/home/user-defined-in-image/': '',
};

export const agnhost: Image = {
  name: 'registry.k8s.io/e2e-test-images/agnhost',
  tags: ['2.53', '2.52', '2.51', '2.50', '2.48', '2.47', '2.45', '2.43', '2.40', '2.39', '2.33', '2.21'],
  ...merge(busyboxUserland('busybox'), { files: { ...dirs(ROOT_DIRS.busybox), ...SUPPLEMENTAL_GROUPS_USERS }, binaries: { '/agnhost': agnhostProgram } }),
  config: { entrypoint: ['/agnhost'], cmd: ['pause'], env: { PATH: DEFAULT_PATH }, workingDir: '/', stopSignal: SIGNALS.SIGTERM, exposedPorts: [80, 8080, 8081, 9376], user: '' },
  size: 53_716_112,
  flavor: 'busybox',
};
