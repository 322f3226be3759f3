/** docker.io/library/debian and ubuntu: coreutils, bash (CMD), dash as /bin/sh; no procps, curl or wget. */
import { SIGNALS } from '../kernel/signals.js';
import { DEFAULT_PATH } from '../runtime/exec-path.js';
import type { Image } from './types.js';
import { debianBase } from './userland.js';

export const debian: Image = {
  name: 'docker.io/library/debian',
  tags: ['latest', 'bookworm', '12', '12.8', 'bookworm-slim', '12-slim', 'stable', 'stable-slim'],
  ...debianBase(),
  config: { cmd: ['bash'], env: { PATH: DEFAULT_PATH }, workingDir: '/', stopSignal: SIGNALS.SIGTERM, exposedPorts: [], user: '' },
  size: 48_494_272,
  flavor: 'gnu',
};

const UBUNTU_OS_RELEASE = `PRETTY_NAME="Ubuntu 24.04.1 LTS"
NAME="Ubuntu"
VERSION_ID="24.04"
VERSION="24.04.1 LTS (Noble Numbat)"
VERSION_CODENAME=noble
ID=ubuntu
ID_LIKE=debian
HOME_URL="https://www.ubuntu.com/"
SUPPORT_URL="https://help.ubuntu.com/"
BUG_REPORT_URL="https://bugs.launchpad.net/ubuntu/"
PRIVACY_POLICY_URL="https://www.ubuntu.com/legal/terms-and-policies/privacy-policy"
UBUNTU_CODENAME=noble
LOGO=ubuntu-logo
`;

export const ubuntu: Image = {
  name: 'docker.io/library/ubuntu',
  tags: ['latest', '24.04', 'noble', 'rolling', '22.04', 'jammy'],
  ...debianBase(undefined, UBUNTU_OS_RELEASE),
  config: { cmd: ['/bin/bash'], env: { PATH: DEFAULT_PATH }, workingDir: '/', stopSignal: SIGNALS.SIGTERM, exposedPorts: [], user: '' },
  size: 29_754_290,
  flavor: 'gnu',
};
