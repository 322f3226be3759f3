/**
 * redis-cli: one command from the arguments, or a prompt (`host:port> `) reading commands; replies
 * as redis-cli prints them on a terminal (`"v"`, `(integer) 1`, `(nil)`, `1) …`) or raw when the
 * output is a pipe. The server side is programs/servers/engines/redis.ts.
 */
import type { Proc, Program } from '../../kernel/process.js';
import { Host } from '../runtimes/host.js';
import type { Reply } from '../servers/engines/redis.js';
import { openSession, splitWords } from './wire.js';
import { CONNECT_ERROR_TEXT } from '../net-client.js';

function pretty(r: Reply, indent = ''): string {
  switch (r.t) {
    case 'status':
      return r.v;
    case 'error':
      return `(error) ${r.v}`;
    case 'int':
      return `(integer) ${r.v}`;
    case 'nil':
      return '(nil)';
    case 'bulk':
      return JSON.stringify(r.v);
    case 'array': {
      if (r.v.length === 0) return '(empty array)';
      const w = String(r.v.length).length;
      return r.v.map((x, i) => `${i === 0 ? '' : indent}${String(i + 1).padStart(w)}) ${pretty(x, `${indent}${' '.repeat(w + 2)}`)}`).join('\n');
    }
  }
}

function raw(r: Reply): string {
  if (r.t === 'array') return r.v.map(raw).join('\n');
  return r.t === 'nil' ? '' : String(r.v);
}

export const redisCli: Program = function* (proc: Proc) {
  const args = proc.argv.slice(1);
  let host = '127.0.0.1';
  let port = 6379;
  let rawOut: boolean | undefined;
  const rest: string[] = [];
  for (let i = 0; i < args.length; i++) {
    const a = args[i];
    if (a === '-h') host = args[++i] ?? host;
    else if (a === '-p') port = Number(args[++i]);
    else if (a === '-a' || a === '-n' || a === '--user' || a === '--pass') i++;
    else if (a === '--raw') rawOut = true;
    else if (a === '--no-raw') rawOut = false;
    else if (a === '--no-auth-warning') continue;
    else if (a === '-v' || a === '--version') {
      proc.stdout.write('redis-cli 7.4.1\n');
      return 0;
    } else if (rest.length === 0 && a.startsWith('-')) {
      proc.stderr.write(`Unrecognized option or bad number of args for: '${a}'\n`);
      return 1;
    } else rest.push(a);
  }
  const opened = openSession(proc, host, port);
  const where = `${host}:${port}`;
  const refused = opened.ok ? '' : opened.error === 'ENOTFOUND' ? 'Name or service not known' : opened.error === 'EPROTO' ? '' : CONNECT_ERROR_TEXT[opened.error];
  const show = (r: Reply) => proc.stdout.write(`${(rawOut ?? !proc.stdout.isTTY) ? raw(r) : pretty(r)}\n`);
  const send = (argv: string[]): Reply | undefined => {
    if (!opened.ok) {
      proc.stdout.write(opened.error === 'EPROTO' ? 'Error: Protocol error, got "H" as reply type byte\n' : `Could not connect to Redis at ${where}: ${refused}\n`);
      return undefined;
    }
    return opened.session.request(argv) as Reply;
  };
  if (rest.length > 0) {
    const r = send(rest);
    if (!r) return 1;
    show(r);
    return r.t === 'error' ? 1 : 0;
  }
  const lines = new Host(proc);
  const interactive = proc.stdin.isTTY === true;
  if (interactive && !opened.ok) send([]);
  for (;;) {
    if (interactive) proc.stdout.write(opened.ok ? `${where}> ` : 'not connected> ');
    const line = yield* lines.readLine();
    if (line === undefined) return 0;
    const words = splitWords(line);
    if (words === undefined) {
      proc.stdout.write('Invalid argument(s)\n');
      continue;
    }
    if (words.length === 0) continue;
    if (/^(quit|exit)$/i.test(words[0])) return 0;
    const r = send(words);
    if (r) show(r);
    else if (!interactive) return 1;
  }
};
