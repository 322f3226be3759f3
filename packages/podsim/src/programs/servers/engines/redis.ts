/**
 * The data side of redis-server for its clients: strings, counters, lists and key expiry in
 * virtual time, with redis 7's replies and error texts. A command outside this set gets redis's
 * own "unknown command" error.
 */
import type { Clock } from '../../../clock/clock.js';
import type { Session } from '../../../kernel/net.js';
import { globMatch, RedisConfig } from './redis-config.js';

export type Reply =
  | { t: 'status'; v: string }
  | { t: 'error'; v: string }
  | { t: 'int'; v: number }
  | { t: 'bulk'; v: string }
  | { t: 'nil' }
  | { t: 'array'; v: Reply[] };

const ok: Reply = { t: 'status', v: 'OK' };
const err = (v: string): Reply => ({ t: 'error', v });
const WRONGTYPE = err('WRONGTYPE Operation against a key holding the wrong kind of value');
const NOT_INT = err('ERR value is not an integer or out of range');

/** Arity as redis's command table gives it: exact N, or at least N (negative). */
const ARITY: Record<string, number> = {
  ping: -1, echo: 2, set: -3, get: 2, del: -2, exists: -2, incr: 2, decr: 2, incrby: 3, decrby: 3, append: 3, keys: 2, dbsize: 1,
  flushall: -1, flushdb: -1, expire: 3, ttl: 2, lpush: -3, rpush: -3, lpop: -2, rpop: -2, llen: 2, lrange: 4, type: 2, mget: -2, setex: 4,
  config: -2,
};


export class RedisEngine {
  private readonly data = new Map<string, string | string[]>();
  private readonly expires = new Map<string, number>();

  constructor(
    private readonly clock: Clock,
    private readonly config = new RedisConfig(),
  ) {}

  session(): Session {
    return { protocol: 'redis', request: (argv) => this.run(argv as string[]) };
  }

  private live(key: string): string | string[] | undefined {
    const at = this.expires.get(key);
    if (at !== undefined && at <= this.clock.now()) {
      this.data.delete(key);
      this.expires.delete(key);
    }
    return this.data.get(key);
  }

  private counter(key: string, by: number): Reply {
    const v = this.live(key) ?? '0';
    if (Array.isArray(v)) return WRONGTYPE;
    if (!/^-?\d+$/.test(v)) return NOT_INT;
    const n = Number(v) + by;
    this.data.set(key, String(n));
    return { t: 'int', v: n };
  }

  private list(key: string): string[] | Reply | undefined {
    const v = this.live(key);
    return typeof v === 'string' ? WRONGTYPE : v;
  }

  /** CONFIG GET pattern… and CONFIG SET name value, with redis 7's subcommand arity errors. */
  private configCommand(args: string[]): Reply {
    const sub = args[0].toLowerCase();
    const arity: Record<string, number> = { get: 3, set: 4 };
    if (!(sub in arity)) return err(`ERR unknown subcommand '${args[0]}'. Try CONFIG HELP.`);
    if (args.length + 1 < arity[sub] || (sub === 'set' && args.length % 2 === 0)) return err(`ERR wrong number of arguments for 'config|${sub}' command`);
    if (sub === 'get') return { t: 'array', v: this.config.get(args.slice(1)).map((v) => ({ t: 'bulk', v })) };
    const bad = this.config.set(args[1], [args[2]]);
    return bad ? err(`ERR CONFIG SET failed (possibly related to argument '${args[1]}') - ${bad}`) : ok;
  }

  run(argv: string[]): Reply {
    const name = (argv[0] ?? '').toLowerCase();
    const args = argv.slice(1);
    const arity = ARITY[name];
    if (arity === undefined) return err(`ERR unknown command '${argv[0] ?? ''}', with args beginning with: ${args.map((a) => `'${a}' `).join('')}`);
    if (arity > 0 ? argv.length !== arity : argv.length < -arity) return err(`ERR wrong number of arguments for '${name}' command`);
    const int = (s: string) => (/^-?\d+$/.test(s) ? Number(s) : undefined);
    switch (name) {
      case 'ping':
        return args.length > 1 ? err("ERR wrong number of arguments for 'ping' command") : args[0] !== undefined ? { t: 'bulk', v: args[0] } : { t: 'status', v: 'PONG' };
      case 'echo':
        return { t: 'bulk', v: args[0] };
      case 'set':
      case 'setex': {
        const [key, value] = name === 'setex' ? [args[0], args[2]] : args;
        let ttl: number | undefined = name === 'setex' ? int(args[1]) : undefined;
        for (let i = 2; name === 'set' && i < args.length; i++) {
          const opt = args[i].toUpperCase();
          if ((opt === 'EX' || opt === 'PX') && int(args[i + 1] ?? '') !== undefined) ttl = (int(args[++i]) ?? 0) / (opt === 'PX' ? 1000 : 1);
          else return err('ERR syntax error');
        }
        this.data.set(key, value);
        if (ttl !== undefined) this.expires.set(key, this.clock.now() + ttl * 1000);
        else this.expires.delete(key);
        return ok;
      }
      case 'get': {
        const v = this.live(args[0]);
        return v === undefined ? { t: 'nil' } : Array.isArray(v) ? WRONGTYPE : { t: 'bulk', v };
      }
      case 'mget':
        return { t: 'array', v: args.map((k) => { const v = this.live(k); return typeof v === 'string' ? { t: 'bulk', v } : { t: 'nil' }; }) };
      case 'del':
      case 'exists':
        return { t: 'int', v: args.filter((k) => this.live(k) !== undefined && (name === 'exists' || this.data.delete(k))).length };
      case 'incr':
      case 'decr':
        return this.counter(args[0], name === 'incr' ? 1 : -1);
      case 'incrby':
      case 'decrby': {
        const by = int(args[1]);
        return by === undefined ? NOT_INT : this.counter(args[0], name === 'incrby' ? by : -by);
      }
      case 'append': {
        const v = this.live(args[0]) ?? '';
        if (Array.isArray(v)) return WRONGTYPE;
        this.data.set(args[0], v + args[1]);
        return { t: 'int', v: v.length + args[1].length };
      }
      case 'keys':
        return { t: 'array', v: [...this.data.keys()].filter((k) => this.live(k) !== undefined && globMatch(args[0], k)).map((v) => ({ t: 'bulk', v })) };
      case 'dbsize':
        return { t: 'int', v: [...this.data.keys()].filter((k) => this.live(k) !== undefined).length };
      case 'flushall':
      case 'flushdb':
        this.data.clear();
        this.expires.clear();
        return ok;
      case 'expire': {
        const s = int(args[1]);
        if (s === undefined) return NOT_INT;
        if (this.live(args[0]) === undefined) return { t: 'int', v: 0 };
        this.expires.set(args[0], this.clock.now() + s * 1000);
        return { t: 'int', v: 1 };
      }
      case 'ttl': {
        if (this.live(args[0]) === undefined) return { t: 'int', v: -2 };
        const at = this.expires.get(args[0]);
        return { t: 'int', v: at === undefined ? -1 : Math.ceil((at - this.clock.now()) / 1000) };
      }
      case 'type': {
        const v = this.live(args[0]);
        return { t: 'status', v: v === undefined ? 'none' : Array.isArray(v) ? 'list' : 'string' };
      }
      case 'lpush':
      case 'rpush': {
        const l = this.list(args[0]) ?? [];
        if (!Array.isArray(l)) return l;
        for (const v of args.slice(1)) if (name === 'lpush') l.unshift(v); else l.push(v);
        this.data.set(args[0], l);
        return { t: 'int', v: l.length };
      }
      case 'lpop':
      case 'rpop': {
        const l = this.list(args[0]);
        if (l === undefined) return { t: 'nil' };
        if (!Array.isArray(l)) return l;
        const v = name === 'lpop' ? l.shift() : l.pop();
        if (l.length === 0) this.data.delete(args[0]);
        return v === undefined ? { t: 'nil' } : { t: 'bulk', v };
      }
      case 'config':
        return this.configCommand(args);
      case 'llen': {
        const l = this.list(args[0]) ?? [];
        return Array.isArray(l) ? { t: 'int', v: l.length } : l;
      }
      default: {
        // lrange
        const l = this.list(args[0]) ?? [];
        if (!Array.isArray(l)) return l;
        const [a, b] = [int(args[1]), int(args[2])];
        if (a === undefined || b === undefined) return NOT_INT;
        const from = a < 0 ? Math.max(0, l.length + a) : a;
        const to = b < 0 ? l.length + b : Math.min(b, l.length - 1);
        return { t: 'array', v: l.slice(from, to + 1).map((v) => ({ t: 'bulk', v })) };
      }
    }
  }
}
