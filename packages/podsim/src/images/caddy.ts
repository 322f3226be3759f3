/**
 * docker.io/library/caddy (caddyserver/caddy-docker): alpine with /usr/bin/caddy, the default
 * Caddyfile serving /usr/share/caddy on :80, XDG dirs under /config and /data, WORKDIR /srv.
 */
import { SIGNALS } from '../kernel/signals.js';
import { caddyProgram } from '../programs/servers/caddy.js';
import type { FamilyBuild } from './families/index.js';
import { imageSize } from './families/sizes.js';
import { fullVersion, splitTag } from './families/version.js';
import { DEFAULT_PATH } from './types.js';
import { alpineBase, dirs, merge } from './userland.js';

/** The image's Caddyfile without its explanatory comments. */
const CADDYFILE = ':80 {\n\troot * /usr/share/caddy\n\tfile_server\n}\n';
/** Abridged: the real welcome page (caddyserver/dist welcome/index.html) is 18.7 KB of styles and logo. */
const WELCOME = '<!DOCTYPE html>\n<html>\n<head>\n\t<title>Caddy works!</title>\n\t<meta charset="utf-8">\n</head>\n<body>\n<h1>Congratulations! 🎊</h1>\n<p>Your web server is working. Now make it work for you. 💪</p>\n</body>\n</html>\n';

export const caddyImage: FamilyBuild = (repository, tag) => {
  const { version, variant } = splitTag(tag);
  const full = `v${fullVersion(repository, version, '2.10.2')}`;
  return {
    name: repository,
    tags: [tag],
    ...merge(alpineBase(), {
      files: { ...dirs(['config/caddy', 'data/caddy', 'srv']), '/etc/caddy/Caddyfile': CADDYFILE, '/usr/share/caddy/index.html': WELCOME },
      binaries: { '/usr/bin/caddy': caddyProgram(full) },
    }),
    config: {
      cmd: ['caddy', 'run', '--config', '/etc/caddy/Caddyfile', '--adapter', 'caddyfile'],
      env: { PATH: DEFAULT_PATH, CADDY_VERSION: full, XDG_CONFIG_HOME: '/config', XDG_DATA_HOME: '/data' },
      workingDir: '/srv',
      stopSignal: SIGNALS.SIGTERM,
      exposedPorts: [80, 443, 2019],
      user: '',
    },
    size: imageSize(repository, variant, 18_900_000),
    flavor: 'busybox',
  };
};
