/**
 * docker.io/library/{postgres,mysql,mariadb,mongo,memcached,rabbitmq} for any published tag:
 * docker-entrypoint.sh in front of the server, version from the tag, alpine or Debian userland.
 */
import type { Program } from '../kernel/process.js';
import { SIGNALS } from '../kernel/signals.js';
import { mongoLegacy, mongosh } from '../programs/clients/mongosh.js';
import { mysqlProgram, type MysqlClient } from '../programs/clients/mysql.js';
import { mysqladminProgram } from '../programs/clients/mysqladmin.js';
import releases from './runtime-releases.generated.json';
import { psqlProgram } from '../programs/clients/psql.js';
import { dataStoreEntrypoint, dataStoreServer, type DataStore } from '../programs/servers/datastore.js';
import { mariadbStore, memcachedStore, mongoStore, mysqlStore, postgresStore, rabbitmqStore } from './datastores.js';
import type { FamilyBuild } from './families/index.js';
import { imageSize } from './families/sizes.js';
import { baseOf, fullVersion, splitTag } from './families/version.js';
import { alpineBase, debianBase, merge } from './userland.js';
import { DEFAULT_PATH } from './types.js';

interface Spec {
  current: string;
  store(version: string, debian: boolean): DataStore;
  /** Where the server binary lives (`{v}` = major version). */
  bin: string;
  env(version: string): Record<string, string>;
  dirs: string[];
  stopSignal?: number;
  user?: string;
  ports: number[];
  /** The image's own client programs by path, for the tag's version. */
  clients?(version: string, debian: boolean): Record<string, Program>;
}

/** MariaDB 11 renamed its client to `mariadb`; 10.x images still have `mysql`. */
function mariadbClients(v: string): Record<string, Program> {
  const major = Number(v.split('.')[0]);
  const info: MysqlClient = { flavor: 'mariadb', version: major >= 11 ? `mariadb from ${v}-MariaDB, client 15.2 for debian-linux-gnu (x86_64) using  EditLine wrapper` : `mysql  Ver 15.1 Distrib ${v}-MariaDB, for debian-linux-gnu (x86_64) using readline 5.2` };
  const client = mysqlProgram(info);
  const admin = mysqladminProgram(info);
  return { '/usr/bin/mariadb': client, '/usr/bin/mariadb-admin': admin, ...(major < 11 ? { '/usr/bin/mysql': client, '/usr/bin/mysqladmin': admin } : {}) };
}

function mysqlClients(v: string): Record<string, Program> {
  const info: MysqlClient = { flavor: 'mysql', version: mysqlClientVersion(v), copyrightYear: MYSQL_YEARS[v] };
  return { '/usr/bin/mysql': mysqlProgram(info), '/usr/bin/mysqladmin': mysqladminProgram(info) };
}

/** The year each MySQL release came out (scripts/gen-runtime-releases.ts): its client's banner ends its copyright there. */
const MYSQL_YEARS: Record<string, string> = releases.mysql;

/** `mysql --version`: 8.0 on prints the server release; 5.x clients their own 14.14 with the release as "Distrib". */
const mysqlClientVersion = (v: string) =>
  Number(v.split('.')[0]) >= 8 ? `mysql  Ver ${v} for Linux on x86_64 (MySQL Community Server - GPL)` : `mysql  Ver 14.14 Distrib ${v}, for Linux (x86_64) using  EditLine wrapper`;

const SPECS: Record<string, Spec> = {
  postgres: {
    current: '17.2',
    store: postgresStore,
    bin: '/usr/lib/postgresql/{v}/bin/postgres',
    env: (v) => ({ PG_MAJOR: v.split('.')[0], PG_VERSION: v, PGDATA: '/var/lib/postgresql/data', LANG: 'en_US.utf8' }),
    dirs: ['/var/lib/postgresql/data/', '/var/run/postgresql/', '/docker-entrypoint-initdb.d/'],
    stopSignal: SIGNALS.SIGINT,
    ports: [5432],
    clients: (v, debian) => ({ '/usr/bin/psql': psqlProgram(`${v}${debian ? ` (Debian ${v}-1.pgdg120+1)` : ''}`) }),
  },
  mysql: { current: '9.1.0', store: mysqlStore, bin: '/usr/sbin/mysqld', env: (v) => ({ MYSQL_MAJOR: v.split('.').slice(0, 2).join('.'), MYSQL_VERSION: `${v}-1.el9` }), dirs: ['/var/lib/mysql/', '/docker-entrypoint-initdb.d/'], ports: [3306, 33060], clients: mysqlClients },
  mariadb: { current: '11.6.2', store: mariadbStore, bin: '/usr/sbin/mariadbd', env: (v) => ({ MARIADB_VERSION: `1:${v}+maria~ubu2404` }), dirs: ['/var/lib/mysql/', '/docker-entrypoint-initdb.d/'], ports: [3306], clients: mariadbClients },
  mongo: {
    current: '8.0.4',
    store: mongoStore,
    bin: '/usr/bin/mongod',
    env: (v) => ({ MONGO_MAJOR: v.split('.').slice(0, 2).join('.'), MONGO_VERSION: v }),
    dirs: ['/data/db/', '/data/configdb/', '/docker-entrypoint-initdb.d/'],
    ports: [27017],
    // The legacy shell went with 6.0; 5.0 images carry both.
    clients: (v) => {
      const major = Number(v.split('.')[0]);
      return { ...(major < 6 ? { '/usr/bin/mongo': mongoLegacy } : {}), ...(major >= 5 ? { '/usr/bin/mongosh': mongosh } : {}) };
    },
  },
  memcached: { current: '1.6.34', store: memcachedStore, bin: '/usr/local/bin/memcached', env: (v) => ({ MEMCACHED_VERSION: v }), dirs: [], user: 'memcache', ports: [11211] },
  rabbitmq: { current: '4.0.5', store: rabbitmqStore, bin: '/opt/rabbitmq/sbin/rabbitmq-server', env: (v) => ({ RABBITMQ_VERSION: v, RABBITMQ_DATA_DIR: '/var/lib/rabbitmq' }), dirs: ['/var/lib/rabbitmq/'], ports: [4369, 5671, 5672, 15691, 15692, 25672] },
};

export const dataStoreImage: FamilyBuild = (repository, tag) => {
  const spec = SPECS[repository.slice(repository.lastIndexOf('/') + 1)];
  const { version: v, variant } = splitTag(tag);
  const version = fullVersion(repository, v, spec.current);
  const alpine = baseOf(variant) === 'alpine';
  const store = spec.store(version, !alpine);
  const bin = spec.bin.replace('{v}', version.split('.')[0]);
  const binDir = bin.slice(0, bin.lastIndexOf('/'));
  return {
    name: repository,
    tags: [tag],
    ...merge(alpine ? alpineBase() : debianBase(), {
      files: Object.fromEntries(spec.dirs.map((d) => [d, ''])),
      binaries: { '/usr/local/bin/docker-entrypoint.sh': dataStoreEntrypoint(store, '/usr/local/bin/docker-entrypoint.sh'), [bin]: dataStoreServer(store), ...spec.clients?.(version, !alpine) },
    }),
    config: {
      entrypoint: ['docker-entrypoint.sh'],
      cmd: [bin.slice(binDir.length + 1)],
      env: { PATH: binDir === '/usr/local/bin' || binDir === '/usr/bin' || binDir === '/usr/sbin' ? DEFAULT_PATH : `${DEFAULT_PATH}:${binDir}`, ...spec.env(version) },
      workingDir: '/',
      stopSignal: spec.stopSignal ?? SIGNALS.SIGTERM,
      exposedPorts: spec.ports,
      user: spec.user ?? '',
    },
    size: imageSize(repository, variant, 100_000_000),
    flavor: alpine ? 'busybox' : 'gnu',
  };
};
