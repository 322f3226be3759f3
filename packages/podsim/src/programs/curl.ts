/**
 * curl (Debian images and the reader's machine): -s -S -f -i -I -o FILE -X METHOD -d DATA -m SEC
 * -w '%{http_code}', -H HEADER, --connect-timeout SEC, --resolve HOST:PORT:ADDR (the name answered without
 * DNS for that port), HTTPS with -k/--insecure and --cacert, with curl 8's error texts
 * (`curl: (7) Failed to connect to …`, the TLS failures of tls-client.ts).
 */
import { machineOf } from '../kernel/machine.js';
import type { Program } from '../kernel/process.js';
import { sleep, wait } from '../kernel/waitable.js';
import { HTTP_REASONS, connect, exchange, parseUrl, resolveHost } from './net-client.js';
import { CA_CERT_HELP, PLAIN_HTTP_TO_TLS, handshake } from './tls-client.js';
import { abs, errText } from './util.js';
import { withTimeout } from './wget.js';
import { utf8Length } from '../kernel/utf8.js';

interface CurlOptions {
  silent: boolean;
  showError: boolean;
  fail: boolean;
  include: boolean;
  head: boolean;
  output?: string;
  /** -O: save under the URL's file name. */
  remoteName?: boolean;
  method?: string;
  data?: string;
  maxTimeSec: number;
  writeOut?: string;
  url?: string;
  /** -H: `Name: value` replaces or adds a header, `Name:` removes one, `Name;` sends it empty. */
  headers: Record<string, string | null>;
  insecure: boolean;
  cacert?: string;
  connectTimeoutSec: number;
  /** --resolve entries: `host:port` → address. */
  resolve: Record<string, string>;
}

const WITH_VALUE = new Set(['-o', '--output', '-X', '--request', '-d', '--data', '-m', '--max-time', '-w', '--write-out', '-H', '--header', '--connect-timeout', '-A', '--user-agent', '--cacert', '--resolve']);

/** One -H argument as curl reads it (lib/http.c): a line without `:` or `;` is not a header and is left out. */
function addHeader(headers: CurlOptions['headers'], line: string): void {
  const colon = line.indexOf(':');
  if (colon > 0) {
    const value = line.slice(colon + 1).trim();
    headers[line.slice(0, colon)] = value === '' ? null : value;
  } else if (line.endsWith(';') && line.length > 1) headers[line.slice(0, -1)] = '';
}

function parse(args: string[]): CurlOptions | string {
  const o: CurlOptions = { silent: false, showError: false, fail: false, include: false, head: false, maxTimeSec: 0, headers: {}, insecure: false, connectTimeoutSec: 0, resolve: {} };
  for (let i = 0; i < args.length; i++) {
    const a = args[i];
    if (WITH_VALUE.has(a)) {
      const v = args[++i];
      if (v === undefined) return `option ${a}: requires parameter`;
      if (a === '-o' || a === '--output') o.output = v;
      else if (a === '-X' || a === '--request') o.method = v;
      else if (a === '-d' || a === '--data') o.data = v;
      else if (a === '-m' || a === '--max-time') o.maxTimeSec = Number(v);
      else if (a === '-w' || a === '--write-out') o.writeOut = v;
      else if (a === '-H' || a === '--header') addHeader(o.headers, v);
      else if (a === '--cacert') o.cacert = v;
      else if (a === '--connect-timeout') o.connectTimeoutSec = Number(v);
      else if (a === '--resolve') {
        const m = /^\+?([^:]+):(\d+):(.+)$/.exec(v);
        if (!m) return `option --resolve: bad argument '${v}'`;
        o.resolve[`${m[1].toLowerCase()}:${m[2]}`] = m[3].replace(/^\[|\]$/g, '');
      }
      else if (a === '-A' || a === '--user-agent') o.headers['User-Agent'] = v;
    } else if (a.startsWith('--')) {
      const flag: Record<string, keyof CurlOptions> = { '--silent': 'silent', '--show-error': 'showError', '--fail': 'fail', '--include': 'include', '--head': 'head', '--remote-name': 'remoteName' };
      if (flag[a]) (o as unknown as Record<string, boolean>)[flag[a]] = true;
      else if (a === '--insecure') o.insecure = true;
      else if (a !== '--location' && a !== '--verbose') return `option ${a}: is unknown`;
    } else if (a.startsWith('-') && a.length > 1) {
      for (const c of a.slice(1)) {
        if (c === 's') o.silent = true;
        else if (c === 'S') o.showError = true;
        else if (c === 'f') o.fail = true;
        else if (c === 'i') o.include = true;
        else if (c === 'I') o.head = true;
        else if (c === 'O') o.remoteName = true;
        else if (c === 'k') o.insecure = true;
        else if (c !== 'L' && c !== 'v') return `option -${c}: is unknown`;
      }
    } else o.url = a;
  }
  return o;
}

export const curl: Program = function* (proc) {
  const o = parse(proc.argv.slice(1));
  const problem = (code: number, msg: string, opts?: CurlOptions) => {
    if (!opts || !opts.silent || opts.showError) proc.stderr.write(`curl: (${code}) ${msg}\n${code === 60 ? CA_CERT_HELP : ''}`);
    return code;
  };
  if (typeof o === 'string') {
    proc.stderr.write(`curl: ${o}\ncurl: try 'curl --help' or 'curl --manual' for more information\n`);
    return 2;
  }
  if (!o.url) {
    proc.stderr.write("curl: no URL specified!\ncurl: try 'curl --help' or 'curl --manual' for more information\n");
    return 2;
  }
  const url = parseUrl(o.url);
  if (!url) return problem(3, 'URL rejected: Malformed input to a URL function', o);
  if (o.remoteName && o.output === undefined) {
    o.output = url.path.replace(/[?#].*$/, '').split('/').pop() ?? '';
    if (o.output === '') {
      if (!o.silent || o.showError) proc.stderr.write('curl: Remote file name has no length!\n');
      return problem(23, 'Failed writing received data to disk/application', o);
    }
  }
  if (url.scheme !== 'http' && url.scheme !== 'https') return problem(1, `Protocol "${url.scheme}" not supported`, o);
  const ip = o.resolve[`${url.host.toLowerCase()}:${url.port}`] ?? resolveHost(proc, url.host);
  if (!ip) return problem(6, `Could not resolve host: ${url.host}`, o);
  const target = connect(proc, ip, url.port);
  if (typeof target === 'string') {
    if (target === 'ETIMEDOUT') {
      // Unanswered SYNs: the first limit given, else the kernel's retries give up after about 134 s.
      const limits = [o.connectTimeoutSec, o.maxTimeSec].filter((sec) => sec > 0);
      const ms = (limits.length ? Math.min(...limits) : 134) * 1000;
      yield* wait(sleep(proc.clock, ms));
      return problem(28, `Failed to connect to ${url.host} port ${url.port} after ${ms} ms: Timeout was reached`, o);
    }
    return problem(7, `Failed to connect to ${url.host} port ${url.port} after 0 ms: Couldn't connect to server`, o);
  }
  if (url.scheme === 'https') {
    const failed = handshake(proc, target, url.host, o);
    if (failed) return problem(failed.code, failed.message, o);
  }
  const method = o.method ?? (o.head ? 'HEAD' : o.data !== undefined ? 'POST' : 'GET');
  const plainToTls = url.scheme === 'http' && target.tls && target.tls.issuer !== 'public';
  const request = { method, path: url.path, host: url.port === 80 ? url.host : `${url.host}:${url.port}`, userAgent: 'curl/8.5.0', body: o.data, to: ip, headers: o.headers };
  const res = plainToTls ? PLAIN_HTTP_TO_TLS : yield* withTimeout(exchange(proc, target, request), proc.clock, (o.maxTimeSec || 1e6) * 1000);
  if (res === 'timeout') return problem(28, `Operation timed out after ${o.maxTimeSec * 1000} milliseconds with 0 bytes received`, o);
  if (!res) return problem(52, 'Empty reply from server', o);
  if (o.fail && res.status >= 400) return problem(22, `The requested URL returned error: ${res.status}`, o);
  const size = utf8Length(res.body);
  const headers = { 'Content-Length': String(size), ...(res.headers ?? {}) };
  const head = `HTTP/1.1 ${res.status} ${HTTP_REASONS[res.status] ?? ''}\r\n${Object.entries(headers).map(([k, v]) => `${k}: ${v}\r\n`).join('')}\r\n`;
  const body = (o.include || o.head ? head : '') + (method === 'HEAD' ? '' : res.body);
  const toFile = o.output !== undefined && o.output !== '-';
  if (toFile && o.output !== '/dev/null') {
    try {
      machineOf(proc).fs.writeFile(abs(proc, o.output as string), body);
    } catch (e) {
      return problem(23, `Failure writing output to destination, passed ${size} returned 0: ${errText(e)}`, o);
    }
  } else if (!toFile) proc.stdout.write(body);
  if (o.writeOut) proc.stdout.write(o.writeOut.replace(/%\{http_code\}/g, String(res.status)).replace(/%\{size_download\}/g, String(size)).replace(/\\n/g, '\n'));
  return 0;
};
