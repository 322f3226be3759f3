/** docker.io/library/debian and ubuntu: coreutils, bash (CMD), dash as /bin/sh; no procps, curl or wget. */
import { SIGNALS } from '../kernel/signals.js';
import { DEFAULT_PATH, type Image } from './types.js';
import { retag } from './families/index.js';
import { DEBIAN_CODENAMES, debianCodename, debianOsRelease, ubuntuOsRelease, ubuntuVersionOf } from './families/os-release.js';
import { splitTag } from './families/version.js';
import { debianBase } from './userland.js';

export const debian: Image = {
  name: 'docker.io/library/debian',
  tags: ['latest', 'bookworm', '12', '12.8', 'bookworm-slim', '12-slim', 'stable', 'stable-slim'],
  ...debianBase(),
  config: { cmd: ['bash'], env: { PATH: DEFAULT_PATH }, workingDir: '/', stopSignal: SIGNALS.SIGTERM, exposedPorts: [], user: '' },
  size: 48_494_272,
  flavor: 'gnu',
};


export const ubuntu: Image = {
  name: 'docker.io/library/ubuntu',
  tags: ['latest', '24.04', 'noble', 'rolling'],
  ...debianBase(undefined, ubuntuOsRelease('24.04')),
  config: { cmd: ['/bin/bash'], env: { PATH: DEFAULT_PATH }, workingDir: '/', stopSignal: SIGNALS.SIGTERM, exposedPorts: [], user: '' },
  size: 29_754_290,
  flavor: 'gnu',
};

/** debian:<tag>: the release named by codename (`bullseye-slim`) or number (`11`, `11.8`). */
export function debianImage(repository: string, tag: string): Image {
  const codename = DEBIAN_CODENAMES.find((c) => tag.includes(c)) ?? debianCodename(splitTag(tag).version) ?? 'bookworm';
  return retag(debian, repository, tag, { files: debianOsRelease(codename) });
}

export function ubuntuImage(repository: string, tag: string): Image {
  return retag(ubuntu, repository, tag, { files: { '/etc/os-release': ubuntuOsRelease(ubuntuVersionOf(tag)) } });
}
