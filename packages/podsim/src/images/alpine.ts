/** docker.io/library/alpine: busybox userland in alpine's layout, CMD ["/bin/sh"]. */
import { SIGNALS } from '../kernel/signals.js';
import { DEFAULT_PATH } from '../runtime/exec-path.js';
import type { Image } from './types.js';
import { alpineBase } from './userland.js';

export const alpine: Image = {
  name: 'docker.io/library/alpine',
  tags: ['latest', '3', '3.21', '3.21.2', '3.20', '3.20.3', '3.19', 'edge'],
  ...alpineBase(),
  config: { cmd: ['/bin/sh'], env: { PATH: DEFAULT_PATH }, workingDir: '/', stopSignal: SIGNALS.SIGTERM, exposedPorts: [], user: '' },
  size: 3642880,
  flavor: 'busybox',
};
