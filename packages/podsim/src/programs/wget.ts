/** busybox wget: -q, -O FILE / -O-, -T SEC, -S, --spider; messages as busybox 1.36 prints them. */
import { busyboxBanner } from './busybox-release.js';
import { machineOf } from '../kernel/machine.js';
import type { HttpResponse } from '../kernel/net.js';
import type { Program } from '../kernel/process.js';
import { Deferred, race, sleep, wait, type Waitable } from '../kernel/waitable.js';
import type { Clock } from '../clock/clock.js';
import { CONNECT_ERROR_TEXT, HTTP_REASONS, connect, exchange, parseUrl, resolveHost } from './net-client.js';
import { abs, errText, fail } from './util.js';
import { utf8Length } from '../kernel/utf8.js';

interface WgetOptions {
  quiet: boolean;
  output?: string;
  timeoutSec: number;
  headers: boolean;
  spider: boolean;
  urls: string[];
}

function parseArgs(args: string[]): WgetOptions | string {
  const o: WgetOptions = { quiet: false, timeoutSec: 900, headers: false, spider: false, urls: [] };
  for (let i = 0; i < args.length; i++) {
    const a = args[i];
    if (a === '--quiet') o.quiet = true;
    else if (a === '--spider') o.spider = true;
    else if (a === '--server-response') o.headers = true;
    else if (a.startsWith('--output-document=')) o.output = a.slice(18);
    else if (a.startsWith('--timeout=')) o.timeoutSec = Number(a.slice(10));
    else if (a.startsWith('-') && a.length > 1 && !a.startsWith('--')) {
      for (let j = 1; j < a.length; j++) {
        const c = a[j];
        if (c === 'q') o.quiet = true;
        else if (c === 'S') o.headers = true;
        else if (c === 'O' || c === 'T' || c === 'Y' || c === 'U' || c === 'P') {
          const v = j + 1 < a.length ? a.slice(j + 1) : args[++i];
          if (v === undefined) return `option requires an argument -- ${c}`;
          if (c === 'O') o.output = v;
          if (c === 'T') o.timeoutSec = Number(v);
          break;
        } else if (c !== 'c' && c !== 's') return `unrecognized option: ${c}`;
      }
    } else o.urls.push(a);
  }
  return o;
}

function progressLine(name: string, size: number): string {
  return `${name.padEnd(20).slice(0, 20)} 100% |${'*'.repeat(32)}| ${String(size).padStart(5)}  0:00:00 ETA\n`;
}

export const wget: Program = function* (proc) {
  const o = parseArgs(proc.argv.slice(1));
  if (typeof o === 'string') return fail(proc, o);
  if (o.urls.length === 0) {
    proc.stderr.write(`${busyboxBanner(proc)}\n\nUsage: wget [-cqS] [--spider] [-O FILE] [-o LOGFILE] [--header STR]\n\t[--post-data STR | --post-file FILE] [-Y on/off]\n\t[-P DIR] [-U AGENT] [-T SEC] URL...\n`);
    return 1;
  }
  const say = (s: string) => {
    if (!o.quiet) proc.stderr.write(s);
  };
  for (const text of o.urls) {
    const url = parseUrl(text);
    if (!url || (url.scheme !== 'http' && url.scheme !== 'https')) return fail(proc, `not an http or ftp url: ${text}`);
    const ip = resolveHost(proc, url.host);
    if (!ip) return fail(proc, `bad address '${url.host}'`);
    const hostPort = `${url.host}:${url.port}`;
    say(`Connecting to ${hostPort} (${ip}:${url.port})\n`);
    const target = connect(proc, ip, url.port);
    if (typeof target === 'string') {
      if (target === 'ETIMEDOUT') {
        yield* wait(sleep(proc.clock, o.timeoutSec * 1000));
        return fail(proc, 'download timed out');
      }
      return fail(proc, `can't connect to remote host (${ip}): ${CONNECT_ERROR_TEXT[target]}`);
    }
    const pending = exchange(proc, target, { method: o.spider ? 'HEAD' : 'GET', path: url.path, host: url.port === 80 ? url.host : hostPort, userAgent: 'Wget', to: ip });
    const res = yield* withTimeout(pending, proc.clock, o.timeoutSec * 1000);
    if (res === 'timeout') return fail(proc, 'download timed out');
    if (!res) return fail(proc, 'error getting response: Connection reset by peer');
    const statusLine = `HTTP/1.1 ${res.status} ${HTTP_REASONS[res.status] ?? ''}`.trimEnd();
    if (o.headers) say(`  ${statusLine}\n${Object.entries(res.headers ?? {}).map(([k, v]) => `  ${k}: ${v}\n`).join('')}`);
    if (res.status >= 400) return fail(proc, `server returned error: ${statusLine}`);
    if (o.spider) {
      say('remote file exists\n');
      continue;
    }
    const name = o.output ?? (url.path.replace(/[?#].*$/, '').split('/').pop() || 'index.html');
    if (name === '-') {
      say('writing to stdout\n');
      proc.stdout.write(res.body);
      say(progressLine('-', utf8Length(res.body)));
      say('written to stdout\n');
      continue;
    }
    try {
      machineOf(proc).fs.writeFile(abs(proc, name), res.body);
    } catch (e) {
      return fail(proc, `can't open '${name}': ${errText(e)}`);
    }
    say(`saving to '${name}'\n`);
    say(progressLine(name, utf8Length(res.body)));
    say(`'${name}' saved\n`);
  }
  return 0;
};

/** Runs a request generator, giving up after `ms` of virtual time if the server never answers. */
export function* withTimeout(
  gen: Generator<Waitable<unknown>, HttpResponse | undefined, unknown>,
  clock: Clock,
  ms: number,
): Generator<Waitable<unknown>, HttpResponse | undefined | 'timeout', unknown> {
  const deadline = new Deferred<void>();
  const timer = clock.setTimer(ms, () => deadline.resolve());
  try {
    let input: unknown = undefined;
    for (;;) {
      const step = gen.next(input);
      if (step.done) return step.value;
      const r = yield* wait(race([step.value, deadline]));
      if (r.index === 1) return 'timeout';
      input = r.value;
    }
  } finally {
    clock.cancel(timer);
  }
}
