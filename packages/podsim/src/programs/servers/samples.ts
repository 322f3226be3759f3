/**
 * The small HTTP servers of the Kubernetes docs' sample images: liveness (/server), goproxy,
 * etcd's client port with gRPC health, echoserver, kubernetes-bootcamp and node-hello.
 * Each is a port, startup lines and a response; the shared loop binds, logs and waits.
 */
import type { HttpRequest, HttpResponse } from '../../kernel/net.js';
import type { Proc, Program } from '../../kernel/process.js';
import { forever, wait } from '../../kernel/waitable.js';
import { strftime } from '../date.js';
import { goListenError, goLog, installGoSignalDefaults } from '../go-runtime.js';
import { bindPort } from '../http-server.js';

interface Sample {
  port(proc: Proc): number;
  start?(proc: Proc): void;
  /** `run` is per process: counters and the start time. */
  respond(proc: Proc, req: HttpRequest, run: { startedAt: number; requests: number }): HttpResponse;
  /** Node servers die on SIGTERM by the default disposition; Go ones exit 2 as PID 1. */
  go?: boolean;
}

const plain = (body: string, status = 200): HttpResponse => ({ status, headers: { 'Content-Type': 'text/plain; charset=utf-8' }, body });

function sampleServer(s: Sample): Program {
  return function* (proc) {
    if (s.go) installGoSignalDefaults(proc);
    const run = { startedAt: proc.clock.now(), requests: 0 };
    const port = s.port(proc);
    if (bindPort(proc, port, (req) => (run.requests++, s.respond(proc, req, run))) !== 'ok') {
      goLog(proc, goListenError(String(port)));
      return 1;
    }
    s.start?.(proc);
    yield* wait(forever);
    return 0;
  };
}

/** registry.k8s.io/liveness /server: /healthz is 200 for 10 s after start, then 500 with the age. */
export const livenessServer = sampleServer({
  go: true,
  port: () => 8080,
  respond: (proc, req, run) => {
    const age = (proc.clock.now() - run.startedAt) / 1000;
    if (req.path.startsWith('/healthz') && age > 10) return plain(`error: ${age.toFixed(6)}`, 500);
    return plain('ok');
  },
});

/** registry.k8s.io/goproxy: an HTTP proxy on 8080 (the TCP-probe example only connects). */
export const goproxyServer = sampleServer({ go: true, port: () => 8080, respond: () => plain('') });

function flagValue(argv: string[], name: string): string | undefined {
  const i = argv.findIndex((a) => a === `--${name}` || a.startsWith(`--${name}=`));
  if (i < 0) return undefined;
  return argv[i].includes('=') ? argv[i].slice(argv[i].indexOf('=') + 1) : argv[i + 1];
}

/** etcd: the client port of --listen-client-urls (2379), whose gRPC health service answers SERVING. */
export const etcdServer = sampleServer({
  go: true,
  port: (proc) => Number(/:(\d+)/.exec(flagValue(proc.argv, 'listen-client-urls') ?? '')?.[1] ?? 2379),
  start: (proc) => {
    const ts = strftime('%Y-%m-%dT%H:%M:%S', proc.clock.now());
    const at = /:(\d+)/.exec(flagValue(proc.argv, 'listen-client-urls') ?? '')?.[1] ?? '2379';
    for (const msg of ['ready to serve client requests', 'serving client traffic insecurely; this is strongly discouraged!']) {
      proc.stderr.write(`{"level":"info","ts":"${ts}.000Z","caller":"embed/serve.go:103","msg":"${msg}"${msg.startsWith('serving') ? `,"address":"[::]:${at}"` : ''}}\n`);
    }
  },
  respond: () => plain('SERVING'),
});

/**
 * echoserver: the request described back by its nginx+lua page, the headers sorted by name; the
 * request_uri names the Host without its port, then nginx's own (8080). 1.4 (nginx 1.10) words it as
 * `CLIENT VALUES:`; 1.10 (nginx 1.13) as `Request Information:` with the pod's hostname first.
 */
export function echoServer(release: '1.4' | '1.10'): Program {
  return sampleServer({
    port: () => 8080,
    respond: (proc, req) => {
      const [path, query] = req.path.split('?', 2);
      const uri = `http://${(req.headers.Host ?? 'localhost').replace(/:\d+$/, '')}:8080${req.path}`;
      const headers = Object.entries(req.headers)
        .map(([k, v]) => `${k.toLowerCase()}=${v}`)
        .sort();
      if (release === '1.4')
        return plain(
          `CLIENT VALUES:\nclient_address=${req.remoteAddr}\ncommand=${req.method}\nreal path=${path}\nquery=${query ?? 'nil'}\nrequest_version=1.1\nrequest_uri=${uri}\n\nSERVER VALUES:\nserver_version=nginx: 1.10.0 - lua: 10001\n\nHEADERS RECEIVED:\n${headers.map((h) => `${h}\n`).join('')}BODY:\n-no body in request-`,
        );
      return plain(
        `\n\nHostname: ${proc.sys.hostname()}\n\nPod Information:\n\t-no pod information available-\n\nServer values:\n\tserver_version=nginx: 1.13.3 - lua: 10008\n\nRequest Information:\n\tclient_address=${req.remoteAddr}\n\tmethod=${req.method}\n\treal path=${path}\n\tquery=${query ?? ''}\n\trequest_version=1.1\n\trequest_scheme=http\n\trequest_uri=${uri}\n\nRequest Headers:\n${headers.map((h) => `\t${h}\n`).join('')}\nRequest Body:\n\t-no body in request-\n\n`,
      );
    },
  });
}

/** kubernetes-bootcamp (server.js): a greeting with the pod name and v=N, a log line per request. */
export function bootcampServer(version: string): Program {
  return sampleServer({
    port: () => 8080,
    start: (proc) => proc.stdout.write(`Kubernetes Bootcamp App Started At: ${new Date(proc.clock.now()).toISOString()} | Running On:  ${proc.sys.hostname()} \n\n`),
    respond: (proc, _req, run) => {
      proc.stdout.write(`Running On: ${proc.sys.hostname()} | Total Requests: ${run.requests} | App Uptime: ${(proc.clock.now() - run.startedAt) / 1000} seconds | Log Time: ${new Date(proc.clock.now()).toISOString()}\n`);
      return plain(`Hello Kubernetes bootcamp! | Running on: ${proc.sys.hostname()} | v=${version}\n`);
    },
  });
}

/** node-hello (server.js): "Hello Kubernetes!" on 8080. */
export const nodeHelloServer = sampleServer({ port: () => 8080, respond: () => plain('Hello Kubernetes!') });

/** The `node` of an app image whose CMD is `node server.js`: runs the app, prints its version. */
export function nodeApp(nodeVersion: string, app: Program): Program {
  return function* (proc) {
    const arg = proc.argv[1];
    if (arg === '--version' || arg === '-v') {
      proc.stdout.write(`v${nodeVersion}\n`);
      return 0;
    }
    if (arg === 'server.js' || arg === './server.js') return yield* app(proc);
    proc.stderr.write(`module.js:327\n    throw err;\n    ^\n\nError: Cannot find module '${arg ?? ''}'\n`);
    return 1;
  };
}
