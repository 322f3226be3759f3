/**
 * nginx as the official image runs it: /docker-entrypoint.sh prints its configuration steps and
 * execs `nginx -g 'daemon off;'`; the master forks one worker per CPU, serves files from the root
 * in /etc/nginx/conf.d/default.conf, logs requests in the combined format on stdout, errors on
 * stderr; SIGQUIT (the image's STOPSIGNAL) and SIGTERM both end it with status 0.
 */
import { FsError } from '../../kernel/fs.js';
import { machineOf } from '../../kernel/machine.js';
import type { HttpRequest, HttpResponse } from '../../kernel/net.js';
import type { Proc, Program } from '../../kernel/process.js';
import { SIGNALS } from '../../kernel/signals.js';
import { forever, sleep, wait } from '../../kernel/waitable.js';
import { strftime } from '../date.js';
import { contextAs } from '../accounts.js';
import { execInPlace } from '../exec-in-place.js';
import { bindPort } from '../http-server.js';
import { utf8Length } from '../../kernel/utf8.js';

export interface NginxBuild {
  version: string;
  /** `built by gcc 12.2.0 (Debian 12.2.0-14) ` line (the trailing space is nginx's). */
  builtBy: string;
  /** The entrypoint scripts this tag ships, in run order. */
  scripts: string[];
}

export const NGINX_HTML_ROOT = '/usr/share/nginx/html';

const errTime = (proc: Proc) => strftime('%Y/%m/%d %H:%M:%S', proc.clock.now());

const ENTRYPOINT_HELPER_PIDS = 21;

export function nginxEntrypoint(build: NginxBuild): Program {
  return function* (proc) {
    const args = proc.argv.slice(1);
    if (args[0] === 'nginx' || args[0] === 'nginx-debug') {
      const say = (s: string) => proc.stdout.write(`${s}\n`);
      say('/docker-entrypoint.sh: /docker-entrypoint.d/ is not empty, will attempt to perform configuration');
      say('/docker-entrypoint.sh: Looking for shell scripts in /docker-entrypoint.d/');
      for (const s of build.scripts) {
        say(s.endsWith('.envsh') ? `/docker-entrypoint.sh: Sourcing /docker-entrypoint.d/${s}` : `/docker-entrypoint.sh: Launching /docker-entrypoint.d/${s}`);
        if (s.startsWith('10-listen-on-ipv6')) {
          say(`${s}: info: Getting the checksum of /etc/nginx/conf.d/default.conf`);
          say(`${s}: info: Enabled listen on IPv6 in /etc/nginx/conf.d/default.conf`);
        }
      }
      say('/docker-entrypoint.sh: Configuration complete; ready for start up');
      // The processes the scripts ran (find, sort, sed, envsubst…) used PIDs up: in a container of its
      // own, after runc's init threads took 2–7, nginx logs `start worker process 29` as the real image does.
      for (let n = 0; n < ENTRYPOINT_HELPER_PIDS; n++) proc.ns.reservePid();
    }
    return yield* execInPlace(proc, args, '/docker-entrypoint.sh');
  };
}

interface SiteConfig {
  port: number;
  root: string;
}

function siteConfig(proc: Proc): SiteConfig {
  const text = machineOf(proc).fs.readFileOr('/etc/nginx/conf.d/default.conf');
  const port = /^\s*listen\s+(\d+)/m.exec(text);
  const root = /^\s*root\s+([^;\s]+)/m.exec(text);
  return { port: port ? Number(port[1]) : 80, root: root ? root[1] : NGINX_HTML_ROOT };
}

function page(status: number, reason: string, version: string): string {
  return `<html>\r\n<head><title>${status} ${reason}</title></head>\r\n<body>\r\n<center><h1>${status} ${reason}</h1></center>\r\n<hr><center>nginx/${version}</center>\r\n</body>\r\n</html>\r\n`;
}

/** What a request path names under the root, with the headers of a 200 for it. */
interface Target {
  /** The decoded path (a directory's redirect names it). */
  path: string;
  file: string;
  found: Readonly<Record<string, string>>;
}

function contentType(file: string): string {
  return /\.html?$/.test(file) ? 'text/html' : /\.css$/.test(file) ? 'text/css' : /\.js$/.test(file) ? 'application/javascript' : /\.json$/.test(file) ? 'application/json' : 'text/plain';
}

/** Resolves request paths once each (probes ask for the same one every period); null for a broken %-escape. */
function targetResolver(site: SiteConfig, server: string): (reqPath: string) => Target | null {
  const memo = new Map<string, Target | null>();
  const resolve = (reqPath: string): Target | null => {
    const bare = /[?#]/.test(reqPath) ? reqPath.replace(/[?#].*$/, '') : reqPath;
    let path = bare;
    try {
      if (bare.includes('%')) path = decodeURIComponent(bare);
    } catch {
      return null;
    }
    const file = `${site.root}${path.endsWith('/') ? `${path}index.html` : path}`;
    // Shared by every response for this path: readers copy headers, none changes them.
    return { path, file, found: Object.freeze({ Server: server, 'Content-Type': contentType(file) }) };
  };
  return (reqPath) => {
    let t = memo.get(reqPath);
    if (t === undefined) {
      t = resolve(reqPath);
      if (memo.size >= 256) memo.clear();
      memo.set(reqPath, t);
    }
    return t;
  };
}

function serveFile(proc: Proc, target: Target | null, req: HttpRequest, version: string, workerPid: number): HttpResponse {
  const headers = { Server: `nginx/${version}` };
  // A broken %-escape: nginx's URI parser rejects the request.
  if (!target) return { status: 400, headers: { ...headers, 'Content-Type': 'text/html' }, body: page(400, 'Bad Request', version) };
  const { fs } = machineOf(proc);
  const { path, file } = target;
  try {
    return { status: 200, headers: target.found, body: fs.readFile(file) };
  } catch (e) {
    if (e instanceof FsError && e.code === 'EISDIR') {
      return { status: 301, headers: { ...headers, Location: `http://${req.headers.Host ?? 'localhost'}${path}/`, 'Content-Type': 'text/html' }, body: page(301, 'Moved Permanently', version) };
    }
    const logError = (what: string) =>
      proc.stderr.write(`${errTime(proc)} [error] ${workerPid}#${workerPid}: *1 ${what}, client: ${req.remoteAddr}, server: localhost, request: "${req.method} ${req.path} HTTP/1.1", host: "${req.headers.Host ?? ''}"\n`);
    if (path.endsWith('/')) {
      // The index module found no index.html: an existing directory without autoindex is forbidden.
      const dir = file.slice(0, -'index.html'.length);
      if (fs.exists(dir) && fs.stat(dir).kind === 'dir') {
        logError(`directory index of "${dir}" is forbidden`);
        return { status: 403, headers: { ...headers, 'Content-Type': 'text/html' }, body: page(403, 'Forbidden', version) };
      }
      logError(`"${file}" is not found (2: No such file or directory)`);
    } else logError(`open() "${file}" failed (2: No such file or directory)`);
    return { status: 404, headers: { ...headers, 'Content-Type': 'text/html' }, body: page(404, 'Not Found', version) };
  }
}

/** An access line's text on either side of its time, for the request it was made for. */
interface AccessParts {
  remoteAddr: string;
  method: string;
  path: string;
  agent: string;
  status: number;
  size: number;
  head: string;
  tail: string;
}

/** Combined-format access lines; a probe sends the same request every period, so the last one's parts are kept. */
function accessLogger(): (proc: Proc, req: HttpRequest, res: HttpResponse) => string {
  let last: AccessParts | undefined;
  return (proc, req, res) => {
    const size = utf8Length(res.body);
    const agent = req.headers['User-Agent'] ?? '-';
    let p = last;
    if (!p || p.remoteAddr !== req.remoteAddr || p.method !== req.method || p.path !== req.path || p.agent !== agent || p.status !== res.status || p.size !== size) {
      const tail = `] "${req.method} ${req.path} HTTP/1.1" ${res.status} ${size} "-" "${agent}" "-"\n`;
      p = last = { remoteAddr: req.remoteAddr, method: req.method, path: req.path, agent, status: res.status, size, head: `${req.remoteAddr} - - [`, tail };
    }
    return p.head + strftime('%d/%b/%Y:%H:%M:%S +0000', proc.clock.now()) + p.tail;
  };
}

export function nginxBinary(build: NginxBuild): Program {
  return function* (proc) {
    const args = proc.argv.slice(1);
    if (args.includes('-v') || args.includes('-V')) {
      proc.stderr.write(`nginx version: nginx/${build.version}\n`);
      return 0;
    }
    if (args.includes('-t')) {
      proc.stderr.write('nginx: the configuration file /etc/nginx/nginx.conf syntax is ok\nnginx: configuration file /etc/nginx/nginx.conf test is successful\n');
      return 0;
    }
    const foreground = args.some((a, i) => args[i - 1] === '-g' && /daemon\s+off/.test(a));
    const log = (pid: number, msg: string) => proc.stderr.write(`${errTime(proc)} [notice] ${pid}#${pid}: ${msg}\n`);
    const site = siteConfig(proc);
    const targetOf = targetResolver(site, `nginx/${build.version}`);
    const accessLine = accessLogger();
    const workers: Proc[] = [];
    const serve = (req: HttpRequest) => {
      const worker = workers[0]?.pid ?? proc.pid;
      const res = serveFile(proc, targetOf(req.path), req, build.version, worker);
      proc.stdout.write(accessLine(proc, req, res));
      return res;
    };
    // ngx_open_listening_sockets: five tries 500 ms apart over both listen lines (IPv4 and the IPv6 one
    // the entrypoint enabled), each failure logged to the error log and, at emerg level, to stderr.
    const emerg = (msg: string) => proc.stderr.write(`${errTime(proc)} [emerg] ${proc.pid}#${proc.pid}: ${msg}\nnginx: [emerg] ${msg}\n`);
    let bound = bindPort(proc, site.port, serve);
    for (let tries = 5; bound !== 'ok'; ) {
      for (const addr of ['0.0.0.0', '[::]']) emerg(`bind() to ${addr}:${site.port} failed (98: Address already in use)`);
      log(proc.pid, 'try again to bind() after 500ms');
      yield* wait(sleep(proc.clock, 500));
      if (--tries === 0) {
        emerg('still could not bind()');
        return 1;
      }
      bound = bindPort(proc, site.port, serve);
    }
    if (!foreground) return 0;
    proc.argv.splice(0, proc.argv.length, `nginx: master process ${['nginx', ...args].join(' ')}`);
    const me = proc.pid;
    log(me, 'using the "epoll" event method');
    log(me, `nginx/${build.version}`);
    log(me, build.builtBy);
    log(me, 'OS: Linux 6.8.0-1015-gcp');
    log(me, 'getrlimit(RLIMIT_NOFILE): 1048576:1048576');
    const workerCtx = contextAs(machineOf(proc), 'nginx');
    const startWorkers = () => {
      log(me, 'start worker processes');
      for (let i = 0; i < 2; i++) {
        // A forked worker keeps the master's name (/proc/PID/comm); only its command line is retitled.
        const w = proc.ns.spawn({ argv: ['nginx: worker process'], comm: 'nginx', program: idle, parent: proc, sys: proc.sys, ctx: workerCtx, stdin: proc.stdin, stdout: proc.stdout, stderr: proc.stderr });
        workers.push(w);
        log(me, `start worker process ${w.pid}`);
      }
    };
    startWorkers();
    const shutdown = (sig: number) => {
      if (sig === SIGNALS.SIGQUIT) log(me, 'signal 3 (SIGQUIT) received, shutting down');
      else log(me, `signal ${sig} (${sig === SIGNALS.SIGINT ? 'SIGINT' : 'SIGTERM'}) received, exiting`);
      for (const w of workers) {
        if (sig === SIGNALS.SIGQUIT) log(w.pid, 'gracefully shutting down');
        log(w.pid, 'exiting');
        log(w.pid, 'exit');
        w.exit(0);
      }
      for (const w of workers) {
        log(me, `signal 17 (SIGCHLD) received from ${w.pid}`);
        log(me, `worker process ${w.pid} exited with code 0`);
      }
      log(me, 'exit');
      proc.exit(0);
    };
    for (const sig of [SIGNALS.SIGQUIT, SIGNALS.SIGTERM, SIGNALS.SIGINT]) proc.trap(sig, shutdown);
    // Reconfiguring: new workers start on the configuration read again, the old ones finish gracefully.
    proc.trap(SIGNALS.SIGHUP, () => {
      log(me, 'signal 1 (SIGHUP) received from 0, reconfiguring');
      log(me, 'reconfiguring');
      log(me, 'using the "epoll" event method');
      const old = workers.splice(0);
      startWorkers();
      for (const w of old) {
        for (const m of ['gracefully shutting down', 'exiting', 'exit']) log(w.pid, m);
        w.exit(0);
        log(me, `signal 17 (SIGCHLD) received from ${w.pid}`);
        log(me, `worker process ${w.pid} exited with code 0`);
      }
      log(me, 'signal 29 (SIGIO) received');
    });
    proc.trap(SIGNALS.SIGUSR1, () => log(me, 'signal 10 (SIGUSR1) received from 0, reopening logs'));
    yield* wait(forever);
    return 0;
  };
}

const idle: Program = function* () {
  yield* wait(forever);
  return 0;
};
