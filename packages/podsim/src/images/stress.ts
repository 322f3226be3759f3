/** docker.io/polinux/stress: alpine with stress 1.0.4 in /usr/local/bin (the memory-limit task page's image). */
import { SIGNALS } from '../kernel/signals.js';
import { stress } from '../programs/servers/stress.js';
import { DEFAULT_PATH, type Image } from './types.js';
import { alpineBase, merge } from './userland.js';

export const polinuxStress: Image = {
  name: 'docker.io/polinux/stress',
  tags: ['latest', '1.0.4'],
  ...merge(alpineBase(), { binaries: { '/usr/local/bin/stress': stress } }),
  config: { cmd: ['stress', '--help'], env: { PATH: DEFAULT_PATH }, workingDir: '/', stopSignal: SIGNALS.SIGTERM, exposedPorts: [], user: '' },
  size: 4_141_824,
  flavor: 'busybox',
};
