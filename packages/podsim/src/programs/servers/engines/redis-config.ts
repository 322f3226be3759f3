/**
 * redis-server's configuration: the defaults of redis 7.4's config table as the docker-library image
 * builds it (protected-mode patched off), overridden by a redis.conf given as the first argument and by
 * `--name value` options, as CONFIG GET/SET read and change them.
 */

/** Defaults (redis.conf of 7.4 and src/config.c); a directive outside this table is kept as written. */
const DEFAULTS: Record<string, string> = {
  bind: '* -::*',
  port: '6379',
  'protected-mode': 'no',
  timeout: '0',
  'tcp-keepalive': '300',
  daemonize: 'no',
  loglevel: 'notice',
  logfile: '',
  databases: '16',
  save: '3600 1 300 100 60 10000',
  dir: '/data',
  dbfilename: 'dump.rdb',
  requirepass: '',
  maxclients: '10000',
  maxmemory: '0',
  'maxmemory-policy': 'noeviction',
  'maxmemory-samples': '5',
  appendonly: 'no',
  appendfsync: 'everysec',
};

/** Directives whose value is a memory size: redis keeps (and CONFIG GET shows) it in bytes. */
const MEMORY = new Set(['maxmemory']);

const UNITS: Record<string, number> = { b: 1, k: 1000, kb: 1024, m: 1000 ** 2, mb: 1024 ** 2, g: 1000 ** 3, gb: 1024 ** 3 };

/** redis's memtoull: `2mb` is 2097152, `1k` 1000; undefined when it is not a size. */
export function memoryBytes(text: string): number | undefined {
  const m = /^(\d+)([a-z]*)$/i.exec(text.trim());
  const unit = m ? UNITS[m[2].toLowerCase() || 'b'] : undefined;
  return m && unit !== undefined ? Number(m[1]) * unit : undefined;
}

/** A redis.conf line's words: blanks separate them, double or single quotes group them. */
function words(line: string): string[] {
  return [...line.matchAll(/"((?:[^"\\]|\\.)*)"|'([^']*)'|(\S+)/g)].map((m) => m[1] ?? m[2] ?? m[3]);
}

export class RedisConfig {
  private readonly values = new Map(Object.entries(DEFAULTS));

  /** Sets one directive; the error text redis gives for a bad value, when it is one. */
  set(name: string, args: string[]): string | undefined {
    const key = name.toLowerCase();
    const value = args.join(' ');
    if (MEMORY.has(key)) {
      const bytes = memoryBytes(value);
      if (bytes === undefined) return 'argument must be a memory value';
      this.values.set(key, String(bytes));
    } else this.values.set(key, value);
    return undefined;
  }

  /** Reads a redis.conf: the error redis prints (FATAL CONFIG FILE ERROR) for a bad line, if any. */
  load(text: string, version: string): string | undefined {
    const lines = text.split('\n');
    for (let i = 0; i < lines.length; i++) {
      const line = lines[i].trim();
      if (line === '' || line.startsWith('#')) continue;
      const [name, ...args] = words(line);
      const bad = args.length === 0 ? 'wrong number of arguments' : this.set(name, args);
      if (bad) return `\n*** FATAL CONFIG FILE ERROR (Redis ${version}) ***\nReading the configuration file, at line ${i + 1}\n>>> '${line}'\n${bad}\n`;
    }
    return undefined;
  }

  port(): number {
    return Number(this.values.get('port'));
  }

  /** CONFIG GET's pairs for the glob patterns given. */
  get(patterns: string[]): string[] {
    const out: string[] = [];
    for (const [name, value] of this.values)
      if (patterns.some((p) => globMatch(p.toLowerCase(), name))) out.push(name, value);
    return out;
  }
}

export function globMatch(pattern: string, text: string): boolean {
  return new RegExp(`^${pattern.replace(/[.+^${}()|\\]/g, '\\$&').replace(/\*/g, '.*').replace(/\?/g, '.')}$`).test(text);
}
