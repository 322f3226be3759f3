/** docker.io/vish/stress: a scratch image, ENTRYPOINT ["/stress", "-logtostderr"] (vishh/stress's Dockerfile; the CPU task page's image). */
import { SIGNALS } from '../kernel/signals.js';
import { vishStress } from '../programs/servers/vish-stress.js';
import type { FamilyBuild } from './families/index.js';

export const vishStressImage: FamilyBuild = (repository, tag) => ({
  name: repository,
  tags: [tag],
  files: {},
  binaries: { '/stress': vishStress },
  config: { entrypoint: ['/stress', '-logtostderr'], cmd: undefined, env: {}, workingDir: '', stopSignal: SIGNALS.SIGTERM, exposedPorts: [], user: '' },
  size: 3_156_226,
  flavor: 'busybox',
});
