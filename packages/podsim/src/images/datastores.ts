/**
 * The database and broker images as data for the data-store program: ports, version, the
 * docker-library entrypoints' texts for missing settings, startup and readiness lines, shutdown.
 * Texts follow the docker-library entrypoint scripts and the servers' own logs; delays are typical.
 */
import { SIGNALS } from '../kernel/signals.js';
import { strftime } from '../programs/date.js';
import type { DataStore, Line } from '../programs/servers/datastore.js';
import { MongoEngine } from '../programs/servers/engines/mongo.js';
import { mysqldRuntime } from '../programs/servers/engines/mysqld-options.js';
import { SqlEngine, type SqlServerInfo } from '../programs/servers/engines/sql.js';

const ms3 = (t: number) => String(t % 1000).padStart(3, '0');
const iso = (t: number, frac: string) => `${strftime('%Y-%m-%dT%H:%M:%S', t)}.${frac}`;

const set = (env: Record<string, string>, ...names: string[]) => names.some((n) => (env[n] ?? '') !== '');

function sqlWire(info: SqlServerInfo) {
  const engine = new SqlEngine(info);
  return (remoteAddr: string) => engine.session(remoteAddr);
}

/** Accounts and database from the mysql/mariadb entrypoints' variables (MARIADB_* before MYSQL_*). */
function mysqlServer(env: Record<string, string>, version: string, now: () => number, prefix = 'MYSQL'): SqlServerInfo {
  const get = (name: string) => env[`${prefix}_${name}`] ?? env[`MYSQL_${name}`];
  const users: Record<string, string> = { root: get('ROOT_PASSWORD') ?? '' };
  const user = get('USER');
  if (user) users[user] = get('PASSWORD') ?? '';
  const db = get('DATABASE');
  return { dialect: 'mysql', version, users, superuser: 'root', databases: db ? [db] : [], now };
}

export function postgresStore(version: string, debian: boolean): DataStore {
  const at = (t: number, pid: number, msg: string) => `${strftime('%Y-%m-%d %H:%M:%S', t)}.${ms3(t)} UTC [${pid}] ${msg}`;
  const log = (msg: string): Line => (t, pid) => at(t, pid, msg);
  const build = debian ? `(Debian ${version}-1.pgdg120+1) on x86_64-pc-linux-gnu, compiled by gcc (Debian 12.2.0-14) 12.2.0, 64-bit` : 'on x86_64-pc-linux-musl, compiled by gcc (Alpine 13.2.1_git20240309) 13.2.1 20240309, 64-bit';
  const text = (s: string): Line[] => s.split('\n').map((l) => () => l);
  return {
    wire: (proc) => {
      const user = proc.env.POSTGRES_USER || 'postgres';
      const db = proc.env.POSTGRES_DB || user;
      return sqlWire({ dialect: 'postgres', version: `PostgreSQL ${version} ${build}`, users: { [user]: proc.env.POSTGRES_PASSWORD ?? '' }, superuser: user, databases: ['postgres', 'template0', 'template1', db], now: () => proc.clock.now() });
    },
    servers: ['postgres'],
    port: 5432,
    version: `postgres (PostgreSQL) ${version}${debian ? ` (Debian ${version}-1.pgdg120+1)` : ''}`,
    stream: 'stdout',
    missing: (env) =>
      set(env, 'POSTGRES_PASSWORD') || env.POSTGRES_HOST_AUTH_METHOD === 'trust'
        ? undefined
        : text(`Error: Database is uninitialized and superuser password is not specified.
       You must specify POSTGRES_PASSWORD to a non-empty value for the
       superuser. For example, "-e POSTGRES_PASSWORD=password" on "docker run".

       You may also use "POSTGRES_HOST_AUTH_METHOD=trust" to allow all
       connections without a password. This is *not* recommended.

       See PostgreSQL documentation about "trust":
       https://www.postgresql.org/docs/current/auth-trust.html`),
    boot: [
      {
        ms: 50,
        lines: text(`The files belonging to this database system will be owned by user "postgres".
This user must also own the server process.

The database cluster will be initialized with locale "en_US.utf8".
The default database encoding has accordingly been set to "UTF8".
The default text search configuration will be set to "english".

Data page checksums are disabled.

fixing permissions on existing directory /var/lib/postgresql/data ... ok
creating subdirectories ... ok
selecting dynamic shared memory implementation ... posix
selecting default max_connections ... 100
selecting default shared_buffers ... 128MB
selecting default time zone ... Etc/UTC
creating configuration files ... ok
running bootstrap script ... ok
performing post-bootstrap initialization ... ok
syncing data to disk ... ok


Success. You can now start the database server using:

    pg_ctl -D /var/lib/postgresql/data -l logfile start
`),
      },
      { ms: 1200, lines: [() => 'PostgreSQL init process complete; ready for start up.', () => ''] },
      {
        ms: 100,
        lines: [
          log(`LOG:  starting PostgreSQL ${version} ${build}`),
          log('LOG:  listening on IPv4 address "0.0.0.0", port 5432'),
          log('LOG:  listening on IPv6 address "::", port 5432'),
          log('LOG:  listening on Unix socket "/var/run/postgresql/.s.PGSQL.5432"'),
          (t, pid) => at(t, pid + 61, `LOG:  database system was shut down at ${strftime('%Y-%m-%d %H:%M:%S', t - 200)} UTC`),
          log('LOG:  database system is ready to accept connections'),
        ],
      },
    ],
    shutdown: {
      ms: 100,
      lines: (sig) => [
        log(`LOG:  received ${sig === SIGNALS.SIGTERM ? 'smart' : 'fast'} shutdown request`),
        ...(sig === SIGNALS.SIGTERM ? [] : [log('LOG:  aborting any active transactions')]),
        log('LOG:  background worker "logical replication launcher" (PID 67) exited with exit code 1'),
        (t, pid) => at(t, pid + 59, 'LOG:  shutting down'),
        (t, pid) => at(t, pid + 59, 'LOG:  checkpoint starting: shutdown immediate'),
        log('LOG:  database system is shut down'),
      ],
    },
  };
}

function entrypointNote(t: number, type: string, msg: string): string {
  return `${strftime('%Y-%m-%d %H:%M:%S', t)}+00:00 [${type}] [Entrypoint]: ${msg}`;
}

export function mysqlStore(version: string): DataStore {
  const server = (level: string, code: string, msg: string): Line => (t) => `${iso(t, `${ms3(t)}000`)}Z 0 [${level}] [${code}] [Server] ${msg}`;
  const note = (msg: string): Line => (t) => entrypointNote(t, 'Note', msg);
  return {
    wire: (proc) => sqlWire({ ...mysqlServer(proc.env, version, () => proc.clock.now()), ...mysqldRuntime(proc, version) }),
    servers: ['mysqld'],
    port: 3306,
    version: `/usr/sbin/mysqld  Ver ${version} for Linux on x86_64 (MySQL Community Server - GPL)`,
    stream: 'stdout',
    missing: (env) =>
      set(env, 'MYSQL_ROOT_PASSWORD', 'MYSQL_ALLOW_EMPTY_PASSWORD', 'MYSQL_RANDOM_ROOT_PASSWORD')
        ? undefined
        : [
            note(`Entrypoint script for MySQL Server ${version}-1.el9 started.`),
            note("Switching to dedicated user 'mysql'"),
            note(`Entrypoint script for MySQL Server ${version}-1.el9 started.`),
            (t) => entrypointNote(t, 'ERROR', 'Database is uninitialized and password option is not specified'),
            () => '    You need to specify one of the following as an environment variable:',
            () => '    - MYSQL_ROOT_PASSWORD',
            () => '    - MYSQL_ALLOW_EMPTY_PASSWORD',
            () => '    - MYSQL_RANDOM_ROOT_PASSWORD',
          ],
    boot: [
      { ms: 20, lines: [note(`Entrypoint script for MySQL Server ${version}-1.el9 started.`), note("Switching to dedicated user 'mysql'"), note(`Entrypoint script for MySQL Server ${version}-1.el9 started.`), note('Initializing database files')] },
      { ms: 9000, lines: [note('Database files initialized'), note('Starting temporary server'), note('Temporary server started.'), note('Stopping temporary server'), note('Temporary server stopped'), () => '', note('MySQL init process done. Ready for start up.'), () => ''] },
      {
        ms: 1500,
        lines: [
          server('System', 'MY-010116', `/usr/sbin/mysqld (mysqld ${version}) starting as process 1`),
          server('System', 'MY-013576', '[InnoDB] InnoDB initialization has started.'),
          server('System', 'MY-013577', '[InnoDB] InnoDB initialization has ended.'),
          server('System', 'MY-011323', "X Plugin ready for connections. Bind-address: '::' port: 33060, socket: /var/run/mysqld/mysqlx.sock"),
          server('System', 'MY-010931', `/usr/sbin/mysqld: ready for connections. Version: '${version}'  socket: '/var/run/mysqld/mysqld.sock'  port: 3306  MySQL Community Server - GPL.`),
        ],
      },
    ],
    shutdown: {
      ms: 1200,
      lines: () => [
        server('System', 'MY-013172', `Received SHUTDOWN from user <via user signal>. Shutting down mysqld (Version: ${version}).`),
        server('System', 'MY-010910', `/usr/sbin/mysqld: Shutdown complete (mysqld ${version})  MySQL Community Server - GPL.`),
      ],
    },
  };
}

export function mariadbStore(version: string): DataStore {
  const note = (msg: string): Line => (t) => entrypointNote(t, 'Note', msg);
  const server = (msg: string): Line => (t) => `${strftime('%Y-%m-%d %k:%M:%S', t)} 0 [Note] ${msg}`;
  const started = note(`Entrypoint script for MariaDB Server 1:${version}+maria~ubu2404 started.`);
  return {
    wire: (proc) => sqlWire(mysqlServer(proc.env, `${version}-MariaDB-ubu2404`, () => proc.clock.now(), 'MARIADB')),
    servers: ['mariadbd', 'mysqld'],
    port: 3306,
    version: `mariadbd  Ver ${version}-MariaDB-ubu2404 for debian-linux-gnu on x86_64 (mariadb.org binary distribution)`,
    stream: 'stdout',
    missing: (env) =>
      set(env, 'MARIADB_ROOT_PASSWORD', 'MARIADB_ROOT_PASSWORD_HASH', 'MARIADB_ALLOW_EMPTY_ROOT_PASSWORD', 'MARIADB_RANDOM_ROOT_PASSWORD', 'MYSQL_ROOT_PASSWORD', 'MYSQL_ALLOW_EMPTY_PASSWORD', 'MYSQL_RANDOM_ROOT_PASSWORD')
        ? undefined
        : [
            started,
            note("Switching to dedicated user 'mysql'"),
            started,
            (t) => entrypointNote(t, 'ERROR', 'Database is uninitialized and password option is not specified'),
            () => '\tYou need to specify one of MARIADB_ROOT_PASSWORD, MARIADB_ROOT_PASSWORD_HASH, MARIADB_ALLOW_EMPTY_ROOT_PASSWORD and MARIADB_RANDOM_ROOT_PASSWORD',
          ],
    boot: [
      { ms: 20, lines: [started, note("Switching to dedicated user 'mysql'"), started, note('Initializing database files')] },
      { ms: 3000, lines: [note('Database files initialized'), note('Starting temporary server'), note('Temporary server started.'), note('Stopping temporary server'), note('Temporary server stopped'), () => '', note('MariaDB init process done. Ready for start up.'), () => ''] },
      {
        ms: 800,
        lines: [
          server(`Starting MariaDB ${version}-MariaDB-ubu2404 source revision  server_uid  as process 1`),
          server('InnoDB: Buffer pool(s) load completed at 000000  0:00:00'),
          server("Server socket created on IP: '0.0.0.0'."),
          server("Server socket created on IP: '::'."),
          server('mariadbd: ready for connections.'),
          () => `Version: '${version}-MariaDB-ubu2404'  socket: '/run/mysqld/mysqld.sock'  port: 3306  mariadb.org binary distribution`,
        ],
      },
    ],
    shutdown: { ms: 500, lines: () => [server('mariadbd (initiated by: unknown): Normal shutdown'), server('InnoDB: Shutdown completed; log sequence number 47629; transaction id 14'), server('mariadbd: Shutdown complete'), () => ''] },
  };
}

export function mongoStore(version: string): DataStore {
  const json = (c: string, id: number, ctx: string, msg: string, attr?: string): Line => (t) =>
    `{"t":{"$date":"${iso(t, ms3(t))}+00:00"},"s":"I",  "c":"${c}",${' '.repeat(Math.max(1, 9 - c.length))}"id":${id},${' '.repeat(Math.max(1, 8 - String(id).length))}"ctx":"${ctx}","msg":"${msg}"${attr ? `,"attr":${attr}` : ''}}`;
  const text = (c: string, ctx: string, msg: string): Line => (t) => `${iso(t, ms3(t))}+0000 I  ${c.padEnd(8)} [${ctx}] ${msg}`;
  const modern = Number(version.split('.')[0]) * 100 + Number(version.split('.')[1] ?? 0) >= 404;
  return {
    wire: (proc) => {
      const engine = new MongoEngine(version, () => proc.clock.now());
      return () => engine.session();
    },
    servers: ['mongod'],
    port: 27017,
    version: `db version v${version}`,
    stream: 'stdout',
    boot: [
      {
        ms: 800,
        lines: modern
          ? [
              json('CONTROL', 23285, 'main', 'Automatically disabling TLS 1.0, to force-enable TLS 1.0 specify --sslDisabledProtocols \'none\''),
              json('CONTROL', 4615611, 'initandlisten', 'MongoDB starting', `{"pid":1,"port":27017,"dbPath":"/data/db","architecture":"64-bit","host":"mongo"}`),
              json('NETWORK', 23015, 'listener', 'Listening on', '{"address":"0.0.0.0"}'),
              json('NETWORK', 23016, 'listener', 'Waiting for connections', '{"port":27017,"ssl":"off"}'),
            ]
          : [text('CONTROL', 'initandlisten', `MongoDB starting : pid=1 port=27017 dbpath=/data/db 64-bit host=mongo`), text('CONTROL', 'initandlisten', `db version v${version}`), text('NETWORK', 'initandlisten', 'waiting for connections on port 27017')],
      },
    ],
    shutdown: {
      ms: 300,
      lines: (sig) =>
        modern
          ? [json('CONTROL', 23377, 'SignalHandler', 'Received signal', `{"signal":${sig},"error":"${sig === SIGNALS.SIGINT ? 'Interrupt' : 'Terminated'}"}`), json('CONTROL', 20565, 'SignalHandler', 'Now exiting'), json('CONTROL', 23138, 'SignalHandler', 'Shutting down', '{"exitCode":0}')]
          : [text('CONTROL', 'signalProcessingThread', `got signal ${sig} (${sig === SIGNALS.SIGINT ? 'Interrupt' : 'Terminated'}), will terminate after current cmd ends`), text('CONTROL', 'signalProcessingThread', 'shutting down with code:0')],
    },
  };
}

export function memcachedStore(version: string): DataStore {
  return { servers: ['memcached'], port: 11211, version: `memcached ${version}`, stream: 'stderr', boot: [{ ms: 5, lines: [] }], shutdown: { ms: 0, lines: (sig) => [() => `Signal handled: ${sig === SIGNALS.SIGINT ? 'Interrupt' : 'Terminated'}.`] } };
}

export function rabbitmqStore(version: string): DataStore {
  const info = (msg: string): Line => (t) => `${strftime('%Y-%m-%d %H:%M:%S', t)}.${ms3(t)}000+00:00 [info] <0.230.0> ${msg}`;
  return {
    servers: ['rabbitmq-server'],
    port: 5672,
    version: `RabbitMQ ${version}`,
    stream: 'stdout',
    boot: [
      { ms: 2500, lines: [info('Starting RabbitMQ ' + version + ' on Erlang 26.2.5'), info(' node           : rabbit@' + 'localhost'), info('Running boot step database defined_by: rabbit')] },
      { ms: 4000, lines: [info('started TCP listener on [::]:5672'), info(' Server startup complete; 4 plugins started.'), info(' * rabbitmq_prometheus'), info(' * rabbitmq_federation'), info(' * rabbitmq_management_agent'), info(' * rabbitmq_web_dispatch'), info('Time to start RabbitMQ: 6500 ms')] },
    ],
    shutdown: { ms: 1500, lines: () => [info('RabbitMQ is asked to stop...'), info('Successfully stopped RabbitMQ and its dependencies')] },
  };
}
