/** docker.io/library/alpine: busybox userland in alpine's layout, CMD ["/bin/sh"]. */
import { SIGNALS } from '../kernel/signals.js';
import { DEFAULT_PATH, type Image } from './types.js';
import { retag } from './families/index.js';
import { alpineOsRelease } from './families/os-release.js';
import { fullVersion, splitTag } from './families/version.js';
import { alpineBase } from './userland.js';

export const alpine: Image = {
  name: 'docker.io/library/alpine',
  tags: ['latest', '3', '3.21', '3.21.2'],
  ...alpineBase(),
  config: { cmd: ['/bin/sh'], env: { PATH: DEFAULT_PATH }, workingDir: '/', stopSignal: SIGNALS.SIGTERM, exposedPorts: [], user: '' },
  size: 3642880,
  flavor: 'busybox',
};

/** alpine:<tag>: the release the tag names (`3.18` → its newest point release; aliases are the current one). */
export function alpineImage(repository: string, tag: string): Image {
  const version = fullVersion(repository, splitTag(tag).version, '3.21.2');
  return retag(alpine, repository, tag, { files: alpineOsRelease(version) });
}
