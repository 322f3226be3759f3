/** registry.k8s.io/e2e-test-images/agnhost: busybox base plus /agnhost, ENTRYPOINT ["/agnhost"], CMD ["pause"]. */
import { SIGNALS } from '../kernel/signals.js';
import { agnhost as agnhostProgram } from '../programs/servers/agnhost.js';
import { DEFAULT_PATH, type Image } from './types.js';
import { dirs, ROOT_DIRS, busyboxUserland, merge } from './userland.js';

export const agnhost: Image = {
  name: 'registry.k8s.io/e2e-test-images/agnhost',
  tags: ['2.53', '2.52', '2.51', '2.50', '2.48', '2.47', '2.45', '2.43', '2.40', '2.39', '2.33', '2.21'],
  ...merge(busyboxUserland('busybox'), { files: { ...dirs(ROOT_DIRS.busybox) }, binaries: { '/agnhost': agnhostProgram } }),
  config: { entrypoint: ['/agnhost'], cmd: ['pause'], env: { PATH: DEFAULT_PATH }, workingDir: '/', stopSignal: SIGNALS.SIGTERM, exposedPorts: [80, 8080, 8081, 9376], user: '' },
  size: 53_716_112,
  flavor: 'busybox',
};
