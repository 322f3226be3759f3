/**
 * Tool images the Pod tutorials use for debugging: curlimages/curl (curl as the entrypoint,
 * user curl_user), radial/busyboxplus (busybox plus curl), nicolaka/netshoot (alpine with the
 * network tools; zsh is its CMD), and hello-world (prints its greeting and exits 0).
 */
import type { Program } from '../kernel/process.js';
import { SIGNALS } from '../kernel/signals.js';
import { PROGRAMS } from '../programs/index.js';
import { execInPlace } from '../programs/exec-in-place.js';
import { packageProgram, PACKAGE_KEY_PREFIX, PACKAGES } from '../programs/packages/index.js';
import { DEFAULT_PATH } from './types.js';
import { ash } from './shells.js';
import type { FamilyBuild } from './families/index.js';
import { imageSize } from './families/sizes.js';
import type { ImageConfig } from './types.js';
import { alpineBase, busyboxUserland, dirs, merge, passwd, ROOT_DIRS } from './userland.js';

const config = (c: Partial<ImageConfig>): ImageConfig => ({ env: { PATH: DEFAULT_PATH }, workingDir: '/', stopSignal: SIGNALS.SIGTERM, exposedPorts: [], user: '', ...c });

/** curlimages/curl's entrypoint: arguments that look like curl's go to curl, others run as given. */
const curlEntrypoint: Program = function* (proc) {
  const args = proc.argv.slice(1);
  const argv = args.length === 0 || args[0].startsWith('-') || /^https?:\/\//.test(args[0]) ? ['curl', ...args] : args;
  return yield* execInPlace(proc, argv, '/entrypoint.sh');
};

export const curlImage: FamilyBuild = (repo, tag) => ({
  name: repo,
  tags: [tag],
  ...merge(alpineBase(), { files: { ...passwd([['root', 0, '/root', '/bin/sh'], ['curl_user', 100, '/home/curl_user', '/sbin/nologin']]), '/home/curl_user/': '' }, binaries: { '/usr/bin/curl': PROGRAMS.curl, '/entrypoint.sh': curlEntrypoint } }),
  config: config({ entrypoint: ['/entrypoint.sh'], cmd: ['curl'], user: 'curl_user', workingDir: '/home/curl_user' }),
  size: 5_920_221,
  flavor: 'busybox',
});

export const busyboxplusImage: FamilyBuild = (repo, tag) => ({
  name: repo,
  tags: [tag],
  ...merge(busyboxUserland('busybox'), { files: { ...dirs(ROOT_DIRS.busybox), ...passwd([['root', 0, '/root', '/bin/sh']]) }, binaries: tag === 'base' ? {} : { '/usr/bin/curl': PROGRAMS.curl } }),
  // Its shell prompt, as the transcripts of `kubectl run … --image=radial/busyboxplus:curl -i --tty` show it
  // (tutorials/services/connect-applications-service: `[ root@curl-131556218-9fnch:/ ]$ nslookup my-nginx`): a `$` even for root.
  config: config({ cmd: ['/bin/sh'], env: { PATH: DEFAULT_PATH, PS1: '[ \\u@\\h:\\w ]$ ' } }),
  size: 4_976_245,
  flavor: 'busybox',
});

/** netshoot ships the network packages of the index; their programs are the simulator's own (or say they are not simulated). */
const NETSHOOT_PACKAGES = ['curl', 'bind-tools', 'iputils-ping', 'iproute2', 'net-tools', 'netcat-openbsd', 'jq', 'vim', 'bash', 'procps-ng'];

export const netshootImage: FamilyBuild = (repo, tag) => {
  const binaries: Record<string, Program> = { '/bin/zsh': ash, '/bin/bash': PROGRAMS.bash ?? ash };
  for (const p of PACKAGES.filter((x) => NETSHOOT_PACKAGES.includes(x.names.alpine ?? ''))) {
    for (const bin of p.bins) binaries[`/usr/bin/${bin}`] = packageProgram(`${PACKAGE_KEY_PREFIX}${bin}`) as Program;
  }
  return { name: repo, tags: [tag], ...merge(alpineBase(), { binaries }), config: config({ cmd: ['zsh'] }), size: 183_118_452, flavor: 'busybox' };
};

const HELLO = `
Hello from Docker!
This message shows that your installation appears to be working correctly.

To generate this message, Docker took the following steps:
 1. The Docker client contacted the Docker daemon.
 2. The Docker daemon pulled the "hello-world" image from the Docker Hub.
    (amd64)
 3. The Docker daemon created a new container from that image which runs the
    executable that produces the output you are currently reading.
 4. The Docker daemon streamed that output to the Docker client, which sent it
    to your terminal.

To try something more ambitious, you can run an Ubuntu container with:
 $ docker run -it ubuntu bash

Share images, automate workflows, and more with a free Docker ID:
 https://hub.docker.com/

For more examples and ideas, visit:
 https://docs.docker.com/get-started/

`;

export const helloWorldImage: FamilyBuild = (repo, tag) => ({
  name: repo,
  tags: [tag],
  files: {},
  binaries: {
    '/hello': function* (proc) {
      proc.stdout.write(HELLO);
      return 0;
    },
  },
  config: config({ cmd: ['/hello'] }),
  size: imageSize(repo, '', 13_256),
  flavor: 'busybox',
});
