/**
 * agnhost (kubernetes test/images/agnhost): one binary, many subcommands — netexec, liveness,
 * serve-hostname, pause, test-webserver, grpc-health-checking. Logs in klog's format.
 */
import { machineOf } from '../../kernel/machine.js';
import type { HttpRequest, HttpResponse } from '../../kernel/net.js';
import type { Proc, Program } from '../../kernel/process.js';
import { SIGNALS } from '../../kernel/signals.js';
import { forever, wait, type Waitable } from '../../kernel/waitable.js';
import { strftime } from '../date.js';
import { installGoSignalDefaults } from '../go-runtime.js';
import { bindPort } from '../http-server.js';

/** `I1127 09:00:00.000000       1 file.go:NN] msg` */
function klog(proc: Proc, where: string, msg: string): void {
  const t = proc.clock.now();
  proc.stderr.write(`I${strftime('%m%d %H:%M:%S', t)}.${String((t % 1000) * 1000).padStart(6, '0')} ${String(proc.pid).padStart(7)} ${where}] ${msg}\n`);
}

function flag(args: string[], name: string, fallback: string): string {
  for (let i = 0; i < args.length; i++) {
    if (args[i] === `--${name}` && args[i + 1] !== undefined) return args[i + 1];
    if (args[i].startsWith(`--${name}=`)) return args[i].slice(name.length + 3);
  }
  return fallback;
}

function* serve(proc: Proc, port: number, handler: (req: HttpRequest) => HttpResponse): Generator<Waitable<unknown>, number, unknown> {
  if (bindPort(proc, port, handler) !== 'ok') {
    proc.stderr.write(`F${strftime('%m%d %H:%M:%S', proc.clock.now())}.000000 ${String(proc.pid).padStart(7)} log.go:245] listen tcp :${port}: bind: address already in use\n`);
    return 255;
  }
  yield* wait(forever);
  return 0;
}

const text = (body: string, status = 200): HttpResponse => ({ status, headers: { 'Content-Type': 'text/plain; charset=utf-8' }, body });

function netexec(proc: Proc, args: string[]) {
  const port = Number(flag(args, 'http-port', '8080'));
  klog(proc, 'log.go:245', `Started HTTP server on port ${port}`);
  klog(proc, 'log.go:245', `Started UDP server on port  ${flag(args, 'udp-port', '8081')}`);
  return serve(proc, port, (req) => {
    const [path, query = ''] = req.path.split('?');
    const params = new URLSearchParams(query);
    klog(proc, 'log.go:245', `GET ${path}`);
    if (path === '/hostname') return text(proc.sys.hostname());
    if (path === '/echo') return text(params.get('msg') ?? '');
    if (path === '/clientip') return text(`${req.remoteAddr}:${40000 + (proc.clock.now() % 20000)}`);
    if (path === '/healthz') return text('');
    if (path === '/exit') {
      const code = Number(params.get('code') ?? '0');
      proc.clock.setTimer(0, () => proc.exit(code));
      return text('');
    }
    if (path === '/' || path === '') return text(`NOW: ${strftime('%Y-%m-%d %H:%M:%S', proc.clock.now())}.${String((proc.clock.now() % 1000) * 1_000_000).padStart(9, '0')} +0000 UTC`);
    return text('404 page not found\n', 404);
  });
}

/** /healthz answers 200 for the first 10 s after start, then 500 (the liveness probe example). */
function liveness(proc: Proc) {
  const started = proc.clock.now();
  return serve(proc, 8080, (req) => {
    const elapsed = (proc.clock.now() - started) / 1000;
    if (req.path.startsWith('/healthz') && elapsed > 10) return text(`error: ${elapsed.toFixed(6).replace(/\.?0+$/, '')}s`, 500);
    if (req.path.startsWith('/healthz')) return text('ok');
    return text('404 page not found\n', 404);
  });
}

function serveHostname(proc: Proc, args: string[]) {
  const port = Number(flag(args, 'port', '9376'));
  klog(proc, 'serve_hostname.go:125', `Serving on port ${port}.`);
  return serve(proc, port, () => text(proc.sys.hostname()));
}

function testWebserver(proc: Proc, args: string[]) {
  const port = Number(flag(args, 'port', '80'));
  klog(proc, 'test_webserver.go:48', `Serving on port ${port}.`);
  return serve(proc, port, (req) => {
    try {
      return text(machineOf(proc).fs.readFile(req.path === '/' ? '/index.html' : req.path));
    } catch {
      return text('404 page not found\n', 404);
    }
  });
}

/** gRPC health on --port (5000), switchable through HTTP on --http-port (8080). */
function grpcHealth(proc: Proc, args: string[]) {
  let serving = true;
  const grpcPort = Number(flag(args, 'port', '5000'));
  const httpPort = Number(flag(args, 'http-port', '8080'));
  klog(proc, 'grpc-health-checking.go:107', `gRPC server starting to listen on :${grpcPort}`);
  klog(proc, 'grpc-health-checking.go:119', `Http server starting to listen on :${httpPort}`);
  // The kubelet's gRPC probe calls /grpc.health.v1.Health/Check; the body carries the status name.
  bindPort(proc, grpcPort, () => text(serving ? 'SERVING' : 'NOT_SERVING', serving ? 200 : 503));
  return serve(proc, httpPort, (req) => {
    if (req.path === '/make-serving') serving = true;
    if (req.path === '/make-not-serving') serving = false;
    return text('');
  });
}

function* pause(proc: Proc): Generator<Waitable<unknown>, number, unknown> {
  proc.stdout.write('Paused\n');
  const down = (sig: number) => {
    proc.stdout.write(`Shutting down after receiving signal: ${sig === SIGNALS.SIGINT ? 'interrupt' : 'terminated'}.\n`);
    proc.exit(0);
  };
  proc.trap(SIGNALS.SIGTERM, down);
  proc.trap(SIGNALS.SIGINT, down);
  yield* wait(forever);
  return 0;
}

export const agnhost: Program = function* (proc) {
  installGoSignalDefaults(proc);
  const [sub, ...args] = proc.argv.slice(1);
  switch (sub) {
    case 'netexec':
      return yield* netexec(proc, args);
    case 'liveness':
      return yield* liveness(proc);
    case 'serve-hostname':
      return yield* serveHostname(proc, args);
    case 'test-webserver':
      return yield* testWebserver(proc, args);
    case 'grpc-health-checking':
      return yield* grpcHealth(proc, args);
    case 'pause':
    case undefined:
      return yield* pause(proc);
    default:
      proc.stderr.write(`Error: unknown command "${sub}" for "agnhost"\nRun 'agnhost --help' for usage.\n`);
      return 1;
  }
};
