/**
 * Caddy 2 (caddyserver/caddy-docker images): `caddy version`, and `caddy run --config FILE --adapter
 * caddyfile` logging its JSON start-up lines, serving the Caddyfile's sites and shutting down on
 * SIGTERM/SIGINT with its real lines and status 0. Log lines as Caddy 2.8+ prints them in these
 * images (issue threads quoting `docker logs` output: abiosoft/caddy-docker#252, linode/docs#5341,
 * lucaslorentz/caddy-docker-proxy#605, element-hq/element-docker-demo#1; shutdown lines as quoted in
 * several compose write-ups).
 */
import { machineOf } from '../../kernel/machine.js';
import type { HttpRequest, HttpResponse } from '../../kernel/net.js';
import type { Proc, Program } from '../../kernel/process.js';
import { SIGNALS } from '../../kernel/signals.js';
import { forever, wait } from '../../kernel/waitable.js';
import { bindPort } from '../http-server.js';
import { CaddyfileError, parseCaddyfile, type Site } from './caddyfile.js';

/** `caddy version` of release builds: the version and its Go module sum, where a real output shows it. */
const MODULE_SUMS: Record<string, string> = {
  'v2.0.0': 'h1:pQSaIJGFluFvu8KDGDODV8u4/QRED/OPyIR+MWYYse8=',
  'v2.5.2': 'h1:eCJdLyEyAGzuQTa5Mh3gETnYWDClo1LjtQm2q9RNZrs=',
  'v2.8.4': 'h1:q3pe0wpBj1OcHFZ3n/1nl4V4bxBrYoSoab7rL9BMYNk=',
};

type Fields = Record<string, unknown>;

function logLine(proc: Proc, level: string, msg: string, fields: Fields = {}, logger?: string): void {
  const ts = proc.clock.now() / 1000;
  const head = { level, ts, ...(logger ? { logger } : {}), msg };
  proc.stderr.write(`${JSON.stringify({ ...head, ...fields })}\n`);
}

function handler(proc: Proc, site: Site): (req: HttpRequest) => HttpResponse {
  const headers = (type: string) => ({ Server: 'Caddy', 'Content-Type': type });
  return (req) => {
    if (site.unsimulated.length > 0) {
      logLine(proc, 'error', `${site.unsimulated.join(', ')}: not simulated in this sandbox`, { method: req.method, uri: req.path }, 'http.log.error');
      return { status: 502, headers: headers('text/plain; charset=utf-8'), body: '' };
    }
    if (site.respond) return { status: site.respond.status, headers: headers('text/plain; charset=utf-8'), body: site.respond.body };
    if (!site.fileServer) return { status: 200, headers: { Server: 'Caddy' }, body: '' };
    const path = `${site.root || '.'}${req.path.split('?')[0]}`;
    const fs = machineOf(proc).fs;
    for (const candidate of path.endsWith('/') ? [`${path}index.html`] : [path, `${path}/index.html`]) {
      try {
        return { status: 200, headers: headers(candidate.endsWith('.html') ? 'text/html; charset=utf-8' : 'text/plain; charset=utf-8'), body: fs.readFile(candidate) };
      } catch {
        // the next candidate, then 404
      }
    }
    return { status: 404, headers: { Server: 'Caddy' }, body: '' };
  };
}

function* run(proc: Proc, args: string[]): ReturnType<Program> {
  const at = args.indexOf('--config');
  const file = at >= 0 ? args[at + 1] : 'Caddyfile';
  const fs = machineOf(proc).fs;
  const path = file.startsWith('/') ? file : `${proc.env.PWD ?? '/'}/${file}`;
  let text: string;
  try {
    text = fs.readFile(path);
  } catch {
    proc.stderr.write(`Error: reading config from file: open ${file}: no such file or directory\n`);
    return 1;
  }
  let sites: Site[];
  try {
    sites = parseCaddyfile(text, file);
  } catch (e) {
    if (!(e instanceof CaddyfileError)) throw e;
    logLine(proc, 'info', 'using config from file', { file });
    proc.stderr.write(`Error: adapting config using caddyfile: ${e.message}\n`);
    return 1;
  }
  logLine(proc, 'info', 'maxprocs: Leaving GOMAXPROCS=2: CPU quota undefined');
  logLine(proc, 'info', 'using config from file', { file });
  logLine(proc, 'info', 'adapted config to JSON', { adapter: 'caddyfile' });
  logLine(proc, 'info', 'admin endpoint started', { address: 'localhost:2019', enforce_origin: false, origins: ['//localhost:2019', '//[::1]:2019', '//127.0.0.1:2019'] }, 'admin');
  for (const [i, site] of sites.entries()) {
    if (bindPort(proc, site.port, handler(proc, site)) !== 'ok') {
      proc.stderr.write(`Error: loading initial config: loading new config: http app module: start: listening on :${site.port}: listen tcp :${site.port}: bind: address already in use\n`);
      return 1;
    }
    logLine(proc, 'warn', 'server is listening only on the HTTP port, so no automatic HTTPS will be applied to this server', { server_name: `srv${i}`, http_port: site.port }, 'http.auto_https');
  }
  logLine(proc, 'info', 'started background certificate maintenance', { cache: '0xc0004e6b80' }, 'tls.cache.maintenance');
  sites.forEach((_, i) => logLine(proc, 'info', 'server running', { name: `srv${i}`, protocols: ['h1', 'h2', 'h3'] }, 'http.log'));
  logLine(proc, 'info', 'autosaved config (load with --resume flag)', { file: `${proc.env.XDG_CONFIG_HOME ?? '/root/.config'}/caddy/autosave.json` });
  logLine(proc, 'info', 'serving initial configuration');
  logLine(proc, 'info', 'cleaning storage unit', { storage: `FileStorage:${proc.env.XDG_DATA_HOME ?? '/root/.local/share'}/caddy` }, 'tls');
  logLine(proc, 'info', 'finished cleaning storage units', {}, 'tls');
  const stop = (signal: 'SIGTERM' | 'SIGINT') => () => {
    logLine(proc, 'info', signal === 'SIGTERM' ? 'shutting down apps, then terminating' : 'shutting down', { signal });
    logLine(proc, 'warn', 'exiting; byeee!! 👋', { signal });
    logLine(proc, 'info', 'servers shutting down with eternal grace period', {}, 'http');
    logLine(proc, 'info', 'stopped previous server', { address: 'localhost:2019' }, 'admin');
    logLine(proc, 'info', 'shutdown complete', { signal, exit_code: 0 });
    proc.exit(0);
  };
  proc.trap(SIGNALS.SIGTERM, stop('SIGTERM'));
  proc.trap(SIGNALS.SIGINT, stop('SIGINT'));
  yield* wait(forever);
  return 0;
}

export function caddyProgram(version: string): Program {
  return function* (proc) {
    const [command, ...args] = proc.argv.slice(1);
    if (command === 'version') {
      proc.stdout.write(`${[version, MODULE_SUMS[version]].filter(Boolean).join(' ')}\n`);
      return 0;
    }
    if (command === 'run') return yield* run(proc, args);
    proc.stderr.write(`caddy: '${command ?? ''}' is not simulated in this sandbox (version and run are)\n`);
    return 1;
  };
}
