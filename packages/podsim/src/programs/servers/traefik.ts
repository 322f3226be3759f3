/**
 * Traefik v2/v3 as the traefik image runs it: `traefik version`, `traefik healthcheck`, and the proxy
 * with the static configuration a Pod tutorial passes as flags (entry points, `--api.insecure`,
 * `--ping`, providers, `--log.level`). Facts from the traefik source (cmd/traefik, cmd/version,
 * cmd/healthcheck, pkg/cli loaders, pkg/config/static SetEffectiveConfiguration, pkg/version,
 * pkg/ping, pkg/server, the kubernetes providers): the default log level is ERROR, so a healthy start
 * prints nothing but v2's "Configuration loaded from flags." (logrus at its default level before the
 * logger is configured); v3 logs through zerolog's console writer in colour. No entry point given:
 * `http` on :80; the internal `traefik` entry point on :8080 when the insecure API or ping is on.
 * Routers from providers (Ingress objects) are not simulated: every entry point answers 404 but for
 * the API and ping. SIGTERM/SIGINT stop the servers gracefully and Traefik exits 0.
 */
import type { HttpRequest, HttpResponse } from '../../kernel/net.js';
import type { Proc, Program } from '../../kernel/process.js';
import { SIGNALS } from '../../kernel/signals.js';
import { forever, wait } from '../../kernel/waitable.js';
import { strftime } from '../date.js';
import { bindPort } from '../http-server.js';
import { connect, exchange } from '../net-client.js';

export interface TraefikRelease {
  version: string;
  codename: string;
  go: string;
  built: string;
}

interface StaticConfig {
  entryPoints: Map<string, number>;
  apiInsecure: boolean;
  ping: boolean;
  providers: string[];
  level: 'error' | 'warn' | 'info' | 'debug';
}

const LEVELS = ['debug', 'info', 'warn', 'error'] as const;
const rfc3339 = (ms: number) => new Date(Math.floor(ms / 1000) * 1000).toISOString().replace('.000Z', 'Z');

/** Flags as paerser reads them: `--a.b=value` or a bare `--a.b` for true, keys case-insensitive. */
function parseFlags(args: string[]): StaticConfig | { unknown: string } {
  const cfg: StaticConfig = { entryPoints: new Map(), apiInsecure: false, ping: false, providers: [], level: 'error' };
  for (const arg of args) {
    const m = /^--?([^=]+)(?:=(.*))?$/.exec(arg);
    if (!m) return { unknown: arg };
    const key = m[1].toLowerCase();
    const value = m[2] ?? 'true';
    const ep = /^entrypoints\.([^.]+)\.address$/.exec(key);
    if (ep) cfg.entryPoints.set(m[1].split('.')[1], Number(/:(\d+)/.exec(value)?.[1] ?? 0));
    else if (key === 'api.insecure') cfg.apiInsecure = value === 'true';
    else if (key === 'ping') cfg.ping = value === 'true';
    else if (key === 'log.level') cfg.level = (LEVELS as readonly string[]).includes(value.toLowerCase()) ? (value.toLowerCase() as StaticConfig['level']) : 'error';
    else if (key.startsWith('providers.')) cfg.providers.push(key.split('.')[1]);
    else if (!/^(api|api\..+|ping\..+|log\..+|accesslog(\..+)?|global\..+|entrypoints\..+|serverstransport\..+|metrics\..+|certificatesresolvers\..+|experimental\..+)$/.test(key)) return { unknown: m[1].split('.')[0] };
  }
  if (cfg.entryPoints.size === 0) cfg.entryPoints.set('http', 80);
  if ((cfg.apiInsecure || cfg.ping) && !cfg.entryPoints.has('traefik')) cfg.entryPoints.set('traefik', 8080);
  return cfg;
}

/** v2: logrus text lines; v3: zerolog console lines (timestamp, level, message, `name=value` fields). */
function logger(proc: Proc, release: TraefikRelease, cfg: StaticConfig) {
  const v3 = release.version.startsWith('3.');
  return (level: 'info' | 'error', msg: string, fields: Record<string, string> = {}) => {
    if (LEVELS.indexOf(level) < LEVELS.indexOf(cfg.level)) return;
    const time = rfc3339(proc.clock.now());
    if (!v3) {
      const extra = Object.entries(fields).map(([k, v]) => ` ${k}=${v}`).join('');
      proc.stdout.write(`time=${JSON.stringify(time)} level=${level} msg=${JSON.stringify(msg)}${extra}\n`);
      return;
    }
    const lvl = level === 'info' ? '\x1b[32mINF\x1b[0m' : '\x1b[31mERR\x1b[0m';
    const extra = Object.entries(fields).map(([k, v]) => ` \x1b[36m${k}=\x1b[0m${/[\s"\\]/.test(v) ? JSON.stringify(v) : v}`).join('');
    proc.stdout.write(`\x1b[90m${time}\x1b[0m ${lvl} ${msg}${extra}\n`);
  };
}

function apiHandler(release: TraefikRelease, cfg: StaticConfig, startedAt: number): (req: HttpRequest) => HttpResponse {
  const plain = { 'Content-Type': 'text/plain; charset=utf-8', 'X-Content-Type-Options': 'nosniff' };
  return (req): HttpResponse => {
    const path = req.path.split('?')[0];
    if (cfg.ping && path === '/ping') return { status: 200, headers: { 'Content-Type': 'text/plain; charset=utf-8' }, body: req.method === 'HEAD' ? '' : 'OK' };
    if (cfg.apiInsecure && path === '/api/version') {
      const body = JSON.stringify({ Version: release.version, Codename: release.codename, startDate: new Date(startedAt).toISOString() });
      return { status: 200, headers: { 'Content-Type': 'application/json; charset=UTF-8' }, body };
    }
    if (cfg.apiInsecure && path === '/') return { status: 302, headers: { Location: '/dashboard/', 'Content-Type': 'text/html; charset=utf-8' }, body: '<a href="/dashboard/">Found</a>.\n\n' };
    if (cfg.apiInsecure && path.startsWith('/dashboard/')) return { status: 200, headers: { 'Content-Type': 'text/html; charset=utf-8' }, body: '<!DOCTYPE html><html><head><title>Traefik</title></head><body><div id=q-app></div></body></html>\n' };
    return { status: 404, headers: plain, body: '404 page not found\n' };
  };
}

function* serve(proc: Proc, release: TraefikRelease, args: string[]): ReturnType<Program> {
  const cfg = parseFlags(args);
  const v3 = release.version.startsWith('3.');
  if ('unknown' in cfg) {
    const error = `command traefik error: failed to decode configuration from flags: field not found, node: ${cfg.unknown}`;
    if (v3) proc.stderr.write(`{"level":"error","error":${JSON.stringify(error)},"time":"${rfc3339(proc.clock.now())}","message":"Command error"}\n`);
    else proc.stderr.write(`${strftime('%Y/%m/%d %H:%M:%S', proc.clock.now())} ${error}\n`);
    return 1;
  }
  if (!v3 && args.length > 0) proc.stdout.write(`time=${JSON.stringify(rfc3339(proc.clock.now()))} level=info msg="Configuration loaded from flags."\n`);
  const log = logger(proc, release, cfg);
  log('info', `Traefik version ${release.version} built on ${release.built}`, v3 ? { version: release.version } : {});
  log('info', '\nStats collection is disabled.\nHelp us improve Traefik by turning this feature on :)\nMore details on: https://doc.traefik.io/traefik/contributing/data-collection/\n');
  const startedAt = proc.clock.now();
  for (const [name, port] of cfg.entryPoints) {
    const handler = name === 'traefik' ? apiHandler(release, cfg, startedAt) : apiHandler(release, { ...cfg, apiInsecure: false, ping: false }, startedAt);
    if (bindPort(proc, port, handler) !== 'ok') {
      const error = `error opening listener: listen tcp :${port}: bind: address already in use`;
      if (v3) log('error', 'Error while starting server', { error, entryPointName: name });
      else proc.stdout.write(`time=${JSON.stringify(rfc3339(proc.clock.now()))} level=error msg=${JSON.stringify(error)} entryPointName=${name}\n`);
      return 1;
    }
  }
  log('info', 'Starting provider aggregator aggregator.ProviderAggregator');
  for (const provider of ['traefik', ...cfg.providers.map((p) => p.replace(/^kubernetes/, ''))]) {
    log('info', `Starting provider *${provider}.Provider`);
    if (provider !== 'ingress') continue;
    log('info', 'ingress label selector is: ""', { providerName: 'kubernetes' });
    log('info', 'Creating in-cluster Provider client', { providerName: 'kubernetes' });
  }
  log('info', 'Starting provider *acme.ChallengeTLSALPN');
  const stop = () => {
    log('info', 'I have to go...');
    log('info', 'Stopping server gracefully');
    log('info', 'Server stopped');
    log('info', 'Shutting down');
    proc.exit(0);
  };
  proc.trap(SIGNALS.SIGTERM, stop);
  proc.trap(SIGNALS.SIGINT, stop);
  yield* wait(forever);
  return 0;
}

function* healthcheck(proc: Proc, args: string[]): ReturnType<Program> {
  const cfg = parseFlags(args);
  if ('unknown' in cfg || !cfg.ping) {
    proc.stdout.write('Error calling healthcheck: please enable `ping` to use health check\n');
    return 1;
  }
  const port = cfg.entryPoints.get('traefik');
  if (port === undefined) {
    proc.stdout.write('Error calling healthcheck: ping: missing traefik entry point\n');
    return 1;
  }
  const url = `http://:${port}/ping`;
  const listener = connect(proc, '127.0.0.1', port);
  const res = typeof listener === 'string' ? undefined : yield* exchange(proc, listener, { method: 'HEAD', path: '/ping', host: `:${port}`, userAgent: 'Go-http-client/1.1', to: '127.0.0.1' });
  if (!res) {
    proc.stdout.write(`Error calling healthcheck: Head "${url}": dial tcp :${port}: connect: connection refused\n`);
    return 1;
  }
  if (res.status !== 200) {
    proc.stdout.write(`Bad healthcheck status: ${res.status}\n`);
    return 1;
  }
  proc.stdout.write(`OK: ${url}\n`);
  return 0;
}

export function traefikProgram(release: TraefikRelease): Program {
  return function* (proc) {
    let args = proc.argv.slice(1);
    // paerser runs the root command when it is named first (`traefik traefik --help`, as the image's entrypoint asks)
    if (args[0] === 'traefik') args = args.slice(1);
    if (args.includes('--help') || args.includes('-h')) {
      if (args[0] !== undefined && !args[0].startsWith('-') && args[0] !== 'version' && args[0] !== 'healthcheck') return 1;
      proc.stdout.write('traefik    Traefik is a modern HTTP reverse proxy and load balancer made to deploy microservices with ease.\nComplete documentation is available at https://traefik.io\n\nUsage: traefik [command] [flags] [arguments]\n\nUse "traefik [command] --help" for help on any command.\n\nCommands:\n    healthcheck                                        Calls Traefik /ping endpoint (disabled by default) to check the health of Traefik.\n    version                                            Shows the current Traefik version.\n');
      return 0;
    }
    if (args[0] === 'version') {
      proc.stdout.write(`Version:      ${release.version}\nCodename:     ${release.codename}\nGo version:   go${release.go}\nBuilt:        ${release.built}\nOS/Arch:      linux/amd64\n`);
      return 0;
    }
    if (args[0] === 'healthcheck') return yield* healthcheck(proc, args.slice(1));
    if (args[0] !== undefined && !args[0].startsWith('-')) {
      proc.stdout.write(`Error: command ${args[0]} not found\n`);
      return 1;
    }
    return yield* serve(proc, release, args);
  };
}
