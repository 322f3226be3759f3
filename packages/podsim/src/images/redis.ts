/** docker.io/library/redis (Debian): docker-entrypoint.sh + redis-server on 6379, redis-cli. */
import { SIGNALS } from '../kernel/signals.js';
import { redisCli } from '../programs/clients/redis-cli.js';
import { redisEntrypoint, redisServer, REDIS_VERSION } from '../programs/servers/redis.js';
import { DEFAULT_PATH, type Image } from './types.js';
import { debianBase, merge } from './userland.js';

export const redis: Image = {
  name: 'docker.io/library/redis',
  tags: ['latest', '7', '7.4', REDIS_VERSION, 'bookworm', '7.4-bookworm', '7.2', '6'],
  ...merge(debianBase(), {
    files: { '/data/': '' },
    binaries: { '/usr/local/bin/docker-entrypoint.sh': redisEntrypoint, '/usr/local/bin/redis-server': redisServer, '/usr/local/bin/redis-cli': redisCli },
  }),
  config: { entrypoint: ['docker-entrypoint.sh'], cmd: ['redis-server'], env: { PATH: DEFAULT_PATH, GOSU_VERSION: '1.17', REDIS_VERSION }, workingDir: '/data', stopSignal: SIGNALS.SIGTERM, exposedPorts: [6379], user: '' },
  size: 45_062_133,
  flavor: 'gnu',
};
