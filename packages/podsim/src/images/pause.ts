/** registry.k8s.io/pause: just /pause (no shell), ENTRYPOINT ["/pause"], user 65535. */
import { SIGNALS } from '../kernel/signals.js';
import { pauseProgram } from '../programs/servers/pause.js';
import type { Image } from './types.js';

export const pause: Image = {
  name: 'registry.k8s.io/pause',
  tags: ['3.10', '3.9', '3.8', 'latest'],
  files: { '/etc/passwd': 'root:x:0:0:root:/root:/sbin/nologin\nnobody:x:65534:65534:nobody:/nonexistent:/sbin/nologin\n' },
  binaries: { '/pause': pauseProgram },
  config: { entrypoint: ['/pause'], env: { PATH: '/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin' }, workingDir: '/', stopSignal: SIGNALS.SIGTERM, exposedPorts: [], user: '65535:65535' },
  size: 320_368,
  flavor: 'busybox',
};
