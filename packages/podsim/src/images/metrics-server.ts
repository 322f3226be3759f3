/**
 * registry.k8s.io/metrics-server/metrics-server: distroless static with `/metrics-server` as
 * ENTRYPOINT, running as nobody (65534) as its Dockerfile says; about 19.5 MB of layers.
 */
import { SIGNALS } from '../kernel/signals.js';
import { metricsServer } from '../programs/servers/metrics-server/metrics-server.js';
import { distrolessStatic } from './distroless.js';
import type { FamilyBuild } from './families/index.js';

export const metricsServerImage: FamilyBuild = (repository, tag) => ({
  name: repository,
  tags: [tag],
  files: distrolessStatic.files,
  binaries: { '/metrics-server': metricsServer },
  config: { entrypoint: ['/metrics-server'], cmd: undefined, env: { PATH: '/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin' }, workingDir: '/', stopSignal: SIGNALS.SIGTERM, exposedPorts: [], user: '65534' },
  size: 19_483_651,
  flavor: 'gnu',
  // Its informers' caches and the scraped points of a small cluster.
  resident: 17 * 2 ** 20,
});
