/** docker.io/library/fedora: GNU userland, bash, dnf (yum is the same program), per release. */
import { SIGNALS } from '../kernel/signals.js';
import { PACKAGE_MANAGERS } from '../programs/packages/managers.js';
import { fedoraOsRelease } from './families/os-release.js';
import { imageSize } from './families/sizes.js';
import { splitTag } from './families/version.js';
import { DEFAULT_PATH, type Image } from './types.js';
import { debianBase, merge } from './userland.js';

export function fedoraImage(repository: string, tag: string): Image {
  const release = splitTag(tag).version.split('.')[0] || '41';
  const base = debianBase(undefined, fedoraOsRelease(release));
  delete base.binaries['/usr/bin/apt-get'];
  delete base.binaries['/usr/bin/apt'];
  delete base.files['/etc/debian_version'];
  return {
    name: repository,
    tags: [tag],
    ...merge(base, { binaries: { '/usr/bin/dnf': PACKAGE_MANAGERS.dnf, '/usr/bin/yum': PACKAGE_MANAGERS.dnf } }),
    config: { cmd: ['/bin/bash'], env: { PATH: DEFAULT_PATH, DISTTAG: `f${release}container`, FGC: `f${release}`, container: 'oci' }, workingDir: '/', stopSignal: SIGNALS.SIGTERM, exposedPorts: [], user: '' },
    size: imageSize(repository, '', 62_900_000),
    flavor: 'gnu',
  };
}
