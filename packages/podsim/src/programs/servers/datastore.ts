/**
 * One program for the database and broker images (postgres, mysql, mariadb, mongo, memcached,
 * rabbitmq): the entrypoint's checks of required settings, the startup log lines at their delays,
 * the port opened at the readiness line, and the shutdown lines on the image's stop signal.
 * What differs per server is data (images/datastores.ts).
 */
import type { Listener } from '../../kernel/net.js';
import type { Proc, Program } from '../../kernel/process.js';
import { SIGNALS } from '../../kernel/signals.js';
import { forever, sleep, wait } from '../../kernel/waitable.js';
import { execInPlace } from '../exec-in-place.js';
import { bindPort } from '../http-server.js';

/** A log line made when it is written: `t` is the virtual time in ms, `pid` the server's. */
export type Line = (t: number, pid: number) => string;

export interface DataStore {
  /** Executable names that start the server (`postgres`, `mysqld`, …); others are exec'd as given. */
  servers: string[];
  port: number;
  /** `--version` output. */
  version: string;
  /** The entrypoint's complaint (to stderr, exit 1) when a required setting is missing. */
  missing?(env: Record<string, string>): Line[] | undefined;
  /** Startup: wait `ms`, then write the lines; the port opens with the last step. */
  boot: { ms: number; lines: Line[]; stream?: 'stdout' | 'stderr' }[];
  /** Lines on the stop signal, written `ms` later, then exit 0. */
  shutdown: { ms: number; lines: (signal: number) => Line[] };
  stream: 'stdout' | 'stderr';
  /** The server's own protocol for its clients: made once per server process from its environment. */
  wire?(proc: Proc): Listener['open'];
}

export function dataStoreEntrypoint(store: DataStore, scriptName: string): Program {
  return function* (proc) {
    const argv = proc.argv.slice(1);
    // The docker-library entrypoints treat a leading flag as arguments to the server.
    const args = argv.length === 0 || argv[0].startsWith('-') ? [store.servers[0], ...argv] : argv;
    if (!store.servers.includes(args[0])) return yield* execInPlace(proc, args, scriptName);
    const say = (lines: Line[], stream = store.stream) => {
      for (const l of lines) proc[stream].write(`${l(proc.clock.now(), proc.pid)}\n`);
    };
    const complaint = store.missing?.(proc.env);
    if (complaint) {
      say(complaint, 'stderr');
      return 1;
    }
    proc.argv.splice(0, proc.argv.length, ...args);
    return yield* runServer(proc, store, say);
  };
}

export function dataStoreServer(store: DataStore): Program {
  return function* (proc) {
    if (proc.argv.includes('--version') || proc.argv.includes('-V')) {
      proc.stdout.write(`${store.version}\n`);
      return 0;
    }
    const say = (lines: Line[], stream = store.stream) => {
      for (const l of lines) proc[stream].write(`${l(proc.clock.now(), proc.pid)}\n`);
    };
    return yield* runServer(proc, store, say);
  };
}

function* runServer(proc: Proc, store: DataStore, say: (lines: Line[], stream?: 'stdout' | 'stderr') => void) {
  let stopping = false;
  const stop = (sig: number) => {
    if (stopping) return;
    stopping = true;
    proc.clock.setTimer(store.shutdown.ms, () => {
      say(store.shutdown.lines(sig));
      proc.exit(0);
    });
  };
  for (const sig of [SIGNALS.SIGTERM, SIGNALS.SIGINT, SIGNALS.SIGQUIT]) proc.trap(sig, stop);
  for (const [i, step] of store.boot.entries()) {
    if (step.ms > 0) yield* wait(sleep(proc.clock, step.ms));
    if (i === store.boot.length - 1 && bindPort(proc, store.port, undefined, store.wire?.(proc)) !== 'ok') {
      proc.stderr.write(`bind on TCP port ${store.port}: Address already in use\n`);
      return 1;
    }
    say(step.lines, step.stream);
  }
  yield* wait(forever);
  return 0;
}
