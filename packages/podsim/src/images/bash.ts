/**
 * docker.io/library/bash (docker-library/bash): alpine with bash built into /usr/local/bin and
 * docker-entrypoint.sh in front of CMD ["bash"]: no arguments or options only run bash with them,
 * anything else runs as given (so `bash -c …` and `command: ["bash", "-c", …]` both reach bash).
 */
import type { Program } from '../kernel/process.js';
import { SIGNALS } from '../kernel/signals.js';
import { execInPlace } from '../programs/exec-in-place.js';
import type { FamilyBuild } from './families/index.js';
import { imageSize } from './families/sizes.js';
import { splitTag } from './families/version.js';
import { bash } from './shells.js';
import { DEFAULT_PATH } from './types.js';
import { alpineBase, merge } from './userland.js';

const entrypoint: Program = function* (proc) {
  const args = proc.argv.slice(1);
  const argv = args.length === 0 || args[0].startsWith('-') ? ['bash', ...args] : args;
  return yield* execInPlace(proc, argv, '/usr/local/bin/docker-entrypoint.sh');
};

export const bashImage: FamilyBuild = (repository, tag) => ({
  name: repository,
  tags: [tag],
  ...merge(alpineBase(), { binaries: { '/usr/local/bin/bash': bash, '/usr/local/bin/docker-entrypoint.sh': entrypoint } }),
  config: { entrypoint: ['docker-entrypoint.sh'], cmd: ['bash'], env: { PATH: DEFAULT_PATH }, workingDir: '/', stopSignal: SIGNALS.SIGTERM, exposedPorts: [], user: '' },
  size: imageSize(repository, splitTag(tag).variant, 6_300_000),
  flavor: 'busybox',
});
