/** docker.io/library/redis (Debian): docker-entrypoint.sh + redis-server on 6379, redis-cli. */
import { SIGNALS } from '../kernel/signals.js';
import { redisCli } from '../programs/clients/redis-cli.js';
import { redisEntrypoint, redisServer, REDIS_VERSION } from '../programs/servers/redis.js';
import { DEFAULT_PATH, type Image } from './types.js';
import { debianBase, merge, type Userland } from './userland.js';

/** The Dockerfile's `groupadd -r -g 999 redis; useradd -r -g redis -u 999 redis` (Debian's useradd: /home/redis, /bin/sh). */
function withRedisUser(u: Userland): Userland {
  u.files['/etc/passwd'] += 'redis:x:999:999::/home/redis:/bin/sh\n';
  u.files['/etc/group'] += 'redis:x:999:\n';
  return u;
}

export const redis: Image = {
  name: 'docker.io/library/redis',
  tags: ['latest', '7', '7.4', REDIS_VERSION, 'bookworm', '7.4-bookworm', '7.2', '6'],
  ...withRedisUser(
    merge(debianBase(), {
      files: { '/data/': '' },
      binaries: { '/usr/local/bin/docker-entrypoint.sh': redisEntrypoint, '/usr/local/bin/redis-server': redisServer, '/usr/local/bin/redis-cli': redisCli },
    }),
  ),
  config: { entrypoint: ['docker-entrypoint.sh'], cmd: ['redis-server'], env: { PATH: DEFAULT_PATH, GOSU_VERSION: '1.17', REDIS_VERSION }, workingDir: '/data', stopSignal: SIGNALS.SIGTERM, exposedPorts: [6379], user: '' },
  size: 45_062_133,
  flavor: 'gnu',
};
