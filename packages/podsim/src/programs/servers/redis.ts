/**
 * redis-server 7.4 (docker-library/redis): the startup banner lines, TCP port 6379 (no HTTP), and a
 * graceful shutdown on SIGTERM/SIGINT with status 0. Its clients reach the data through engines/redis.ts.
 */
import type { Proc, Program } from '../../kernel/process.js';
import { SIGNALS } from '../../kernel/signals.js';
import { forever, wait } from '../../kernel/waitable.js';
import { strftime } from '../date.js';
import { machineOf } from '../../kernel/machine.js';
import { contextAs, credentialsOf } from '../accounts.js';
import { execInPlace } from '../exec-in-place.js';
import { bindPort } from '../http-server.js';
import { RedisEngine } from './engines/redis.js';
import { RedisConfig } from './engines/redis-config.js';
import { resolvePath } from '../../kernel/paths.js';
import { errText } from '../util.js';

export const REDIS_VERSION = '7.4.1';

function line(proc: Proc, role: string, mark: string, msg: string): void {
  const t = proc.clock.now();
  proc.stdout.write(`${proc.pid}:${role} ${strftime('%d %b %Y %H:%M:%S', t)}.${String(t % 1000).padStart(3, '0')} ${mark} ${msg}\n`);
}

/** gosu is a Go program: its runtime threads take PIDs before it execs the server. */
const GOSU_THREADS = 4;
/** redis-server's threads beside the main one: bio close-file, AOF fsync, lazy free, and jemalloc's background thread. */
const SERVER_THREADS = 4;

/**
 * docker-library/redis's docker-entrypoint.sh: a leading flag or `*.conf` is the server's argument; as
 * root it gives /data to redis (`find . \! -user redis -exec chown redis '{}' +`) and runs itself again
 * through `gosu redis`, so the server runs as redis while `kubectl exec` gets the image's root.
 */
export const redisEntrypoint: Program = function* (proc) {
  const argv = proc.argv.slice(1);
  const args = argv[0] !== undefined && (argv[0].startsWith('-') || argv[0].endsWith('.conf')) ? ['redis-server', ...argv] : argv;
  if (args[0] === 'redis-server' && credentialsOf(proc).uid === 0) {
    proc.ns.reservePid();
    proc.ctx = contextAs(machineOf(proc), 'redis');
    for (let n = 0; n < GOSU_THREADS; n++) proc.ns.reservePid();
  }
  return yield* execInPlace(proc, args, '/usr/local/bin/docker-entrypoint.sh');
};

export const redisServer: Program = function* (proc) {
  if (proc.argv.includes('--version') || proc.argv.includes('-v')) {
    proc.stdout.write(`Redis server v=${REDIS_VERSION} sha=00000000:0 malloc=jemalloc-5.3.0 bits=64 build=a1d5a2a1b7a7f7a4\n`);
    return 0;
  }
  const config = new RedisConfig();
  const file = proc.argv[1] !== undefined && !proc.argv[1].startsWith('--') ? proc.argv[1] : undefined;
  if (file !== undefined) {
    let text: string;
    try {
      text = machineOf(proc).fs.readFile(resolvePath(proc.cwd, file));
    } catch (e) {
      line(proc, 'C', '#', `Fatal error, can't open config file '${resolvePath(proc.cwd, file)}': ${errText(e)}`);
      return 1;
    }
    const bad = config.load(text, REDIS_VERSION);
    if (bad) {
      proc.stderr.write(bad);
      return 1;
    }
  }
  // `--port 7000` and the like, after the file: one directive each, its words up to the next `--`.
  const options = proc.argv.slice(file === undefined ? 1 : 2).join(' ').split(/(?:^|\s)--(?=\S)/).filter((o) => o.trim() !== '');
  for (const o of options) {
    const [name, ...args] = o.trim().split(/\s+/);
    const bad = config.set(name, args);
    if (bad) {
      proc.stderr.write(`\n*** FATAL CONFIG FILE ERROR (Redis ${REDIS_VERSION}) ***\nReading the configuration file, at line 2\n>>> '${name} ${args.join(' ')}'\n${bad}\n`);
      return 1;
    }
  }
  const port = config.port();
  line(proc, 'C', '#', "WARNING Memory overcommit must be enabled! Without it, a background save or replication may fail under low memory condition. Being disabled, it can also cause failures without low memory condition, see https://github.com/jemalloc/jemalloc/issues/1328. To fix this issue add 'vm.overcommit_memory = 1' to /etc/sysctl.conf and then reboot or run the command 'sysctl vm.overcommit_memory=1' for this to take effect.");
  line(proc, 'C', '*', 'oO0OoO0OoO0Oo Redis is starting oO0OoO0OoO0Oo');
  line(proc, 'C', '*', `Redis version=${REDIS_VERSION}, bits=64, commit=00000000, modified=0, pid=${proc.pid}, just started`);
  // server.c: with any argument (a file or options) it says the configuration was loaded.
  if (proc.argv.length > 1) line(proc, 'C', '*', 'Configuration loaded');
  else line(proc, 'C', '#', 'Warning: no config file specified, using the default config. In order to specify a config file use redis-server /path/to/redis.conf');
  line(proc, 'M', '*', 'monotonic clock: POSIX clock_gettime');
  const engine = new RedisEngine(proc.clock, config);
  if (bindPort(proc, port, undefined, () => engine.session()) !== 'ok') {
    line(proc, 'M', '#', `Warning: Could not create server TCP listening socket *:${port}: bind: Address already in use`);
    line(proc, 'M', '#', `Failed listening on port ${port} (tcp), aborting.`);
    return 1;
  }
  // The process title redis sets (proc-title-template "{title} {listen-addr} {server-mode}").
  proc.argv.splice(0, proc.argv.length, proc.argv[0] ?? 'redis-server', `*:${port}`);
  for (let n = 0; n < SERVER_THREADS; n++) proc.ns.reservePid();
  line(proc, 'M', '*', `Running mode=standalone, port=${port}.`);
  line(proc, 'M', '*', 'Server initialized');
  line(proc, 'M', '*', 'Ready to accept connections tcp');
  const shutdown = (sig: number) => {
    proc.stdout.write(`${proc.pid}:signal-handler (${Math.floor(proc.clock.now() / 1000)}) Received ${sig === SIGNALS.SIGINT ? 'SIGINT' : 'SIGTERM'} scheduling shutdown...\n`);
    proc.clock.setTimer(100, () => {
      line(proc, 'M', '*', 'User requested shutdown...');
      line(proc, 'M', '*', 'Saving the final RDB snapshot before exiting.');
      line(proc, 'M', '*', 'DB saved on disk');
      line(proc, 'M', '#', 'Redis is now ready to exit, bye bye...');
      proc.exit(0);
    });
  };
  proc.trap(SIGNALS.SIGTERM, shutdown);
  proc.trap(SIGNALS.SIGINT, shutdown);
  yield* wait(forever);
  return 0;
};
