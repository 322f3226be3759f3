/**
 * The Kubernetes components kubeadm runs in pods: kube-apiserver, kube-controller-manager and
 * kube-scheduler (static pods), kube-proxy (its DaemonSet) and etcd's metrics listener. Each binds
 * the ports its flags name on the node's network (the pods are hostNetwork), answers the health
 * paths kubeadm's probes ask for, logs the line the release starts with, and otherwise stays quiet:
 * what the components do for the cluster the simulator's API server and controllers already do.
 * Ports and paths: cmd/kubeadm/app/constants (KubeControllerManagerPort 10257, KubeSchedulerPort
 * 10259, EtcdMetricsPort 2381), pkg/cluster/ports (ProxyStatusPort 10249, ProxyHealthzPort 10256).
 */
import type { HttpRequest, HttpResponse, Listener, ServerCertificate } from '../../kernel/net.js';
import { machineOf } from '../../kernel/machine.js';
import type { Proc, Program } from '../../kernel/process.js';
import { SIGNALS } from '../../kernel/signals.js';
import { forever, wait } from '../../kernel/waitable.js';
import { strftime } from '../date.js';

/** The value of `--name=value` or `--name value`. */
export function flagValue(argv: readonly string[], name: string): string | undefined {
  const i = argv.findIndex((a) => a === `--${name}` || a.startsWith(`--${name}=`));
  if (i < 0) return undefined;
  return argv[i].includes('=') ? argv[i].slice(argv[i].indexOf('=') + 1) : argv[i + 1];
}

/** klog's header: `I1127 09:00:03.000000       1 file.go:12] message`. */
export function klogLine(proc: Proc, severity: 'I' | 'E', where: string, message: string): string {
  const t = proc.clock.now();
  return `${severity}${strftime('%m%d %H:%M:%S', t)}.${String((t % 1000) * 1000).padStart(6, '0')} ${String(proc.pid).padStart(7)} ${where}] ${message}\n`;
}

const text = (body: string, status = 200): HttpResponse => ({ status, headers: { 'Content-Type': 'text/plain; charset=utf-8' }, body });

/** `/healthz`, `/livez`, `/readyz` (and their checks and `?verbose` forms) are ok; the rest is not served here. */
function health(req: HttpRequest): HttpResponse {
  return /^\/(healthz|livez|readyz)(\/|\?|$)/.test(req.path) ? text('ok') : text('404 page not found\n', 404);
}

interface Port {
  port: number;
  tls?: ServerCertificate;
  http(req: HttpRequest): HttpResponse;
}

interface Component {
  ports(proc: Proc): Port[];
  /** The first lines the release logs (stderr), and what it logs when a port is taken. */
  start(proc: Proc): string;
  bindFailed(proc: Proc, port: number): string;
}

/** Binds every port, logs, then runs until SIGTERM/SIGINT (a clean shutdown, exit 0). */
function component(c: Component): Program {
  return function* (proc) {
    for (const sig of [SIGNALS.SIGINT, SIGNALS.SIGTERM]) proc.trap(sig, () => proc.exit(0));
    proc.stderr.write(c.start(proc));
    const net = machineOf(proc).net;
    for (const p of c.ports(proc)) {
      if (!net) break;
      // The simulator itself serves some of a component's sockets from boot, in the component's name
      // (the API server's 6443, kube-proxy's metrics): the container stands for that process.
      if (net.listener(p.port)?.owner === proc.comm) continue;
      const listener: Listener = { port: p.port, owner: `${proc.comm}/${proc.pid}`, tls: p.tls, http: p.http };
      if (net.listen(listener) !== 'ok') {
        proc.stderr.write(c.bindFailed(proc, p.port));
        return 1;
      }
      proc.exited.subscribe(() => net.close(p.port, listener));
    }
    yield* wait(forever);
    return 0;
  };
}

const portOf = (url: string | undefined, fallback: number): number => Number(/:(\d+)\/?$/.exec(url ?? '')?.[1] ?? fallback);

/** A component's own serving certificate, self-signed in memory as kube-controller-manager and kube-scheduler make it. */
const selfSigned = (proc: Proc): ServerCertificate => ({ issuer: `localhost-ca@${Math.floor(proc.clock.now() / 1000)}`, names: ['localhost'] });

/** The secure-port components' start (k8s.io/apiserver options/serving.go) and their run.go failure. */
function secureComponent(defaultPort: number): Program {
  return component({
    ports: (proc) => [{ port: Number(flagValue(proc.argv, 'secure-port') ?? defaultPort), tls: selfSigned(proc), http: health }],
    start: (proc) => klogLine(proc, 'I', 'serving.go:386', 'Generated self-signed cert in-memory'),
    bindFailed: (proc, port) => klogLine(proc, 'E', 'run.go:72', `"command failed" err="failed to create listener: failed to listen on 127.0.0.1:${port}: listen tcp 127.0.0.1:${port}: bind: address already in use"`),
  });
}

export const kubeControllerManager = secureComponent(10257);
export const kubeScheduler = secureComponent(10259);

/** kube-apiserver: its socket is the simulator's API server's (cluster/apiserver-listener.ts). */
export const kubeApiserver = component({
  ports: (proc) => [{ port: Number(flagValue(proc.argv, 'secure-port') ?? 6443), http: health }],
  start: (proc) => klogLine(proc, 'I', 'options.go:238', `external host was not specified, using ${flagValue(proc.argv, 'advertise-address') ?? '0.0.0.0'}`),
  bindFailed: (proc, port) =>
    klogLine(proc, 'E', 'run.go:72', `"command failed" err="failed to create listener: failed to listen on 0.0.0.0:${port}: listen tcp 0.0.0.0:${port}: bind: address already in use"`),
});

/** kube-proxy: metrics on 10249 and the health server on 10256 (server.go), in iptables mode by default. */
export const kubeProxy = component({
  ports: () => [
    { port: 10249, http: (req) => (req.path.startsWith('/metrics') || req.path.startsWith('/healthz') ? text('ok') : text('404 page not found\n', 404)) },
    { port: 10256, http: (req) => (req.path.startsWith('/healthz') || req.path.startsWith('/livez') ? text('{"lastUpdated": "","currentTime": ""}') : text('404 page not found\n', 404)) },
  ],
  start: (proc) => klogLine(proc, 'I', 'server_linux.go:66', '"Using iptables proxy"'),
  bindFailed: (proc, port) => klogLine(proc, 'E', 'server.go:558', `"Failed to start healthz server" err="listen tcp 0.0.0.0:${port}: bind: address already in use"`),
});

/**
 * etcd's side ports as kubeadm configures them: peers on --listen-peer-urls (2380) and the plain-HTTP
 * metrics and health server of --listen-metrics-urls (2381, what kubeadm's probes ask); the client
 * port is the sample server's (samples.ts).
 */
export function etcdSidePorts(argv: readonly string[]): Port[] {
  const ports: Port[] = [];
  const peer = flagValue(argv, 'listen-peer-urls');
  if (peer) ports.push({ port: portOf(peer, 2380), http: () => text('404 page not found\n', 404) });
  const metrics = flagValue(argv, 'listen-metrics-urls');
  const healthy = (req: HttpRequest) => (/^\/(health|livez|readyz)(\?|$)/.test(req.path) ? { status: 200, headers: { 'Content-Type': 'text/plain; charset=utf-8' }, body: '{"health":"true","reason":""}' } : text('404 page not found\n', 404));
  if (metrics) ports.push({ port: portOf(metrics, 2381), http: healthy });
  return ports;
}

/** Binds etcd's side ports, then runs the client server; logs the `Running:` line etcdmain starts with. */
export function etcdMember(client: Program): Program {
  return function* (proc) {
    const ts = `${strftime('%Y-%m-%dT%H:%M:%S', proc.clock.now())}.${String(proc.clock.now() % 1000).padStart(3, '0')}Z`;
    proc.stderr.write(`{"level":"info","ts":"${ts}","caller":"etcdmain/etcd.go:73","msg":"Running: ","args":${JSON.stringify(proc.argv)}}\n`);
    const net = machineOf(proc).net;
    for (const p of etcdSidePorts(proc.argv)) {
      const listener: Listener = { port: p.port, owner: `${proc.comm}/${proc.pid}`, http: p.http };
      if (!net) break;
      if (net.listen(listener) !== 'ok') {
        proc.stderr.write(`{"level":"fatal","ts":"${ts}","caller":"etcdmain/etcd.go:204","msg":"discovery failed","error":"listen tcp :${p.port}: bind: address already in use"}\n`);
        return 1;
      }
      proc.exited.subscribe(() => net.close(p.port, listener));
    }
    return yield* client(proc);
  };
}
