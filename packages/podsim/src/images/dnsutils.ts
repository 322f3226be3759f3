/**
 * registry.k8s.io/e2e-test-images/jessie-dnsutils, the image of the docs' dnsutils Pod
 * (admin/dns/dnsutils.yaml): a Debian userland with the dnsutils package (dig, host, nslookup) and
 * getent, run as `sleep infinity`. Its size is an estimate of a Debian base with dnsutils (no manifest at hand).
 */
import { SIGNALS } from '../kernel/signals.js';
import { BIND_TOOLS } from '../programs/bind/index.js';
import type { FamilyBuild } from './families/index.js';
import { DEFAULT_PATH } from './types.js';
import { debianBase, merge } from './userland.js';

export const dnsutilsImage: FamilyBuild = (repo, tag) => ({
  name: repo,
  tags: [tag],
  ...merge(debianBase(), { binaries: Object.fromEntries(Object.entries(BIND_TOOLS).map(([name, program]) => [`/usr/bin/${name}`, program])) }),
  config: { cmd: ['/bin/bash'], env: { PATH: DEFAULT_PATH }, workingDir: '/', stopSignal: SIGNALS.SIGTERM, exposedPorts: [], user: '' },
  size: 107_358_627,
  flavor: 'gnu',
});
