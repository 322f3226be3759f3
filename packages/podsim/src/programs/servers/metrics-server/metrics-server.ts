/**
 * metrics-server (registry.k8s.io/metrics-server/metrics-server): lists the nodes from the API server
 * with its service account token, scrapes each node's kubelet (`/metrics/resource` on the address type
 * it prefers, at the port the node's status gives with --kubelet-use-node-status-port) every
 * --metric-resolution, and serves metrics.k8s.io/v1beta1 on --secure-port, where kube-aggregator
 * proxies `kubectl top`'s requests. Ready once it can rate a node (two scrapes apart).
 */
import { resolvePath } from '../../../kernel/fs.js';
import { machineOf } from '../../../kernel/machine.js';
import type { HttpRequest, HttpResponse } from '../../../kernel/net.js';
import type { Program } from '../../../kernel/process.js';
import { SIGNALS } from '../../../kernel/signals.js';
import { sleep, wait } from '../../../kernel/waitable.js';
import { spend } from '../../cpu.js';
import { strftime } from '../../date.js';
import { bindPort } from '../../http-server.js';
import { connect } from '../../net-client.js';
import { GROUP_VERSION, RESOURCE_LIST, list, nodeMetrics, notFound, podMetrics, single } from './api.js';
import { parseResourceMetrics, type NodeScrape } from './scrape.js';
import { MetricsStorage } from './storage.js';

const TOKEN = '/var/run/secrets/kubernetes.io/serviceaccount/token';
const BOOL_FLAGS = new Set(['kubelet-use-node-status-port', 'kubelet-insecure-tls', 'v']);
const VALUE_FLAGS = new Set(['cert-dir', 'secure-port', 'kubelet-preferred-address-types', 'metric-resolution', 'kubelet-port', 'kubelet-certificate-authority', 'tls-cert-file', 'tls-private-key-file', 'kubeconfig', 'authorization-always-allow-paths', 'bind-address', 'profiling']);
/** CPU one scrape costs: the requests, decoding the samples, the storage update (core-ms, per node and per container). */
const SCRAPE_COST = { node: 6, container: 0.4 };

interface Json {
  status: number;
  body: string;
}

interface NodeInfo {
  name: string;
  labels?: Record<string, string>;
  addresses: { type: string; address: string }[];
  port?: number;
}

function goDurationMs(text: string): number | undefined {
  let total = 0;
  const re = /(\d+(?:\.\d+)?)(ms|s|m|h)/gy;
  const unit: Record<string, number> = { ms: 1, s: 1000, m: 60_000, h: 3_600_000 };
  let m: RegExpExecArray | null;
  let end = 0;
  while ((m = re.exec(text))) {
    total += Number(m[1]) * unit[m[2]];
    end = re.lastIndex;
  }
  return end === text.length && end > 0 ? total : undefined;
}

function parseFlags(args: string[]): Record<string, string> | string {
  const out: Record<string, string> = {};
  for (let i = 0; i < args.length; i++) {
    const m = /^--?([\w-]+)(?:=(.*))?$/.exec(args[i]);
    if (!m) continue;
    const [, name, inline] = m;
    if (BOOL_FLAGS.has(name)) out[name] = inline ?? 'true';
    else if (VALUE_FLAGS.has(name)) {
      const v = inline ?? args[++i];
      if (v === undefined) return `flag needs an argument: --${name}`;
      out[name] = v;
    } else return `unknown flag: --${name}`;
  }
  return out;
}

export const metricsServer: Program = function* (proc) {
  const flags = parseFlags(proc.argv.slice(1));
  if (typeof flags === 'string') {
    proc.stderr.write(`Error: ${flags}\n`);
    return 1;
  }
  const resolution = goDurationMs(flags['metric-resolution'] ?? '1m');
  if (resolution === undefined) {
    proc.stderr.write(`Error: invalid argument "${flags['metric-resolution']}" for "--metric-resolution" flag: time: invalid duration "${flags['metric-resolution']}"\n`);
    return 1;
  }
  const klog = (file: string, msg: string) => {
    const t = proc.clock.now();
    proc.stderr.write(`I${strftime('%m%d %H:%M:%S', t)}.${String(Math.floor((t % 1000) * 1000)).padStart(6, '0')} ${String(proc.pid).padStart(7)} ${file}] ${msg}\n`);
  };
  const fs = machineOf(proc).fs;
  const certDir = resolvePath('/', flags['cert-dir'] ?? 'apiserver.local.config/certificates');
  try {
    fs.writeFile(`${certDir}/apiserver.crt`, '-----BEGIN CERTIFICATE-----\n');
    fs.writeFile(`${certDir}/apiserver.key`, '-----BEGIN RSA PRIVATE KEY-----\n');
  } catch {
    proc.stderr.write(`Error: unable to run generate self signed cert: mkdir ${certDir}: read-only file system\n`);
    return 1;
  }
  klog('serving.go:374', `Generated self signed cert (${certDir}/apiserver.crt, ${certDir}/apiserver.key)`);
  let token: string;
  try {
    token = fs.readFile(TOKEN).trim();
  } catch {
    proc.stderr.write(`Error: unable to load configmap based request-header-client-ca-file: open ${TOKEN}: no such file or directory\n`);
    return 1;
  }
  const env = proc.env;
  const apiHost = env.KUBERNETES_SERVICE_HOST ?? '';
  const apiPort = Number(env.KUBERNETES_SERVICE_PORT ?? 443);
  const auth = { Authorization: `Bearer ${token}` };

  const get = (host: string, port: number, path: string): Json | undefined => {
    const l = connect(proc, host, port);
    if (typeof l === 'string' || !l.http) return undefined;
    const r = l.http({ method: 'GET', path, headers: { Host: `${host}:${port}`, 'User-Agent': 'metrics-server/v0.7.2 (linux/amd64) kubernetes/3fc5446', Accept: 'application/json', ...auth }, remoteAddr: machineOf(proc).net?.ip ?? '' });
    return 'subscribe' in r ? undefined : { status: r.status, body: r.body };
  };
  const apiList = <T>(path: string): { items: T[] } | Json | undefined => {
    const r = get(apiHost, apiPort, path);
    if (!r || r.status !== 200) return r;
    return JSON.parse(r.body) as { items: T[] };
  };

  const storage = new MetricsStorage();
  let nodes = new Map<string, NodeInfo>();
  let podLabels = new Map<string, Record<string, string> | undefined>();
  const preferred = (flags['kubelet-preferred-address-types'] ?? 'Hostname,InternalDNS,InternalIP,ExternalDNS,ExternalIP').split(',');
  const usePort = flags['kubelet-use-node-status-port'] === 'true';
  const kubeletPort = Number(flags['kubelet-port'] ?? 10250);

  const scrape = () => {
    type NodeItem = { metadata: { name: string; labels?: Record<string, string> }; status?: { addresses?: NodeInfo['addresses']; daemonEndpoints?: { kubeletEndpoint?: { Port?: number } } } };
    const listed = apiList<NodeItem>('/api/v1/nodes');
    const pods = apiList<{ metadata: { name: string; namespace: string; labels?: Record<string, string> } }>('/api/v1/pods');
    if (!listed || !('items' in listed) || !pods || !('items' in pods)) return;
    nodes = new Map(listed.items.map((n) => [n.metadata.name, { name: n.metadata.name, labels: n.metadata.labels, addresses: n.status?.addresses ?? [], port: n.status?.daemonEndpoints?.kubeletEndpoint?.Port }]));
    podLabels = new Map(pods.items.map((p) => [`${p.metadata.namespace}/${p.metadata.name}`, p.metadata.labels]));
    const scrapes = new Map<string, NodeScrape>();
    let containers = 0;
    for (const n of nodes.values()) {
      const addr = preferred.map((t) => n.addresses.find((a) => a.type === t)).find((a) => a)?.address;
      const r = addr ? get(addr, usePort && n.port ? n.port : kubeletPort, '/metrics/resource') : undefined;
      if (!r || r.status !== 200) continue;
      const s = parseResourceMetrics(r.body);
      for (const c of s.pods.values()) containers += c.size;
      scrapes.set(n.name, s);
    }
    storage.store(scrapes);
    spend(proc, SCRAPE_COST.node * nodes.size + SCRAPE_COST.container * containers);
  };

  // The generic API server's JSON serializer ends each document with a newline.
  const json = (status: number, body: unknown): HttpResponse => ({ status, headers: { 'Content-Type': 'application/json' }, body: JSON.stringify(body) + '\n' });
  /** The pods a selector picks, as the API server's list answers it (an invalid selector: its 400). */
  const selected = (ns: string | undefined, query: URLSearchParams): Set<string> | HttpResponse => {
    const q = ['labelSelector', 'fieldSelector'].flatMap((k) => (query.get(k) ? [`${k}=${encodeURIComponent(query.get(k)!)}`] : [])).join('&');
    const r = apiList<{ metadata: { name: string; namespace: string } }>(`/api/v1/${ns ? `namespaces/${ns}/` : ''}pods${q ? `?${q}` : ''}`);
    if (!r) return json(503, {});
    if (!('items' in r)) return { status: r.status, headers: { 'Content-Type': 'application/json' }, body: r.body };
    return new Set(r.items.map((p) => `${p.metadata.namespace}/${p.metadata.name}`));
  };
  const podItem = (key: string, now: number) => {
    const containers = storage.pod(key);
    if (!containers || !podLabels.has(key)) return undefined;
    const [ns, name] = key.split('/');
    return podMetrics(ns, name, podLabels.get(key), containers, now);
  };

  const http = (req: HttpRequest): HttpResponse => {
    const u = new URL(req.path, 'https://metrics-server');
    const path = u.pathname.replace(/\/+$/, '');
    const now = proc.clock.now();
    spend(proc, 0.5);
    if (path === '/livez' || path === '/healthz') return { status: 200, headers: { 'Content-Type': 'text/plain; charset=utf-8' }, body: 'ok' };
    if (path === '/readyz')
      return storage.ready()
        ? { status: 200, headers: { 'Content-Type': 'text/plain; charset=utf-8' }, body: 'ok' }
        : { status: 500, headers: { 'Content-Type': 'text/plain; charset=utf-8' }, body: '[+]ping ok\n[+]log ok\n[-]metric-storage-ready failed: reason withheld\nreadyz check failed\n' };
    const base = `/apis/${GROUP_VERSION}`;
    if (path === base) return json(200, RESOURCE_LIST);
    const rest = path.startsWith(base + '/') ? path.slice(base.length + 1).split('/') : [];
    if (rest[0] === 'nodes' && rest.length <= 2) {
      if (rest[1]) {
        const usage = storage.node(rest[1]);
        return usage ? json(200, single('NodeMetrics', nodeMetrics(rest[1], nodes.get(rest[1])?.labels, usage, now))) : json(404, notFound('nodemetrics', rest[1]));
      }
      let names = storage.nodeNames();
      if (u.searchParams.get('labelSelector')) {
        const r = apiList<{ metadata: { name: string } }>(`/api/v1/nodes?labelSelector=${encodeURIComponent(u.searchParams.get('labelSelector')!)}`);
        if (!r || !('items' in r)) return r ? { status: r.status, headers: { 'Content-Type': 'application/json' }, body: r.body } : json(503, {});
        const keep = new Set(r.items.map((n) => n.metadata.name));
        names = names.filter((n) => keep.has(n));
      }
      const items = names.sort().flatMap((n) => {
        const usage = storage.node(n);
        return usage ? [nodeMetrics(n, nodes.get(n)?.labels, usage, now)] : [];
      });
      return json(200, list('NodeMetricsList', items));
    }
    const inNs = rest[0] === 'namespaces' && rest[2] === 'pods' ? rest[1] : undefined;
    const podPath = inNs !== undefined ? rest.slice(2) : rest;
    if (podPath[0] === 'pods' && podPath.length <= 2) {
      if (podPath[1] && inNs !== undefined) {
        const item = podItem(`${inNs}/${podPath[1]}`, now);
        return item ? json(200, single('PodMetrics', item)) : json(404, notFound('podmetrics', `${inNs}/${podPath[1]}`));
      }
      let keys = storage.podKeys().filter((k) => inNs === undefined || k.startsWith(`${inNs}/`));
      if (u.searchParams.get('labelSelector') || u.searchParams.get('fieldSelector')) {
        const picked = selected(inNs, u.searchParams);
        if (!(picked instanceof Set)) return picked;
        keys = keys.filter((k) => picked.has(k));
      }
      const items = keys.sort().flatMap((k) => {
        const item = podItem(k, now);
        return item ? [item] : [];
      });
      return json(200, list('PodMetricsList', items));
    }
    return { status: 404, headers: { 'Content-Type': 'text/plain; charset=utf-8' }, body: '404 page not found\n' };
  };

  const port = Number(flags['secure-port'] ?? 10250);
  if (bindPort(proc, port, http) === 'EADDRINUSE') {
    proc.stderr.write(`Error: failed to create listener: failed to listen on 0.0.0.0:${port}: listen tcp 0.0.0.0:${port}: bind: address already in use\n`);
    return 1;
  }
  klog('handler.go:286', 'Adding GroupVersion metrics.k8s.io v1beta1 to ResourceManager');
  klog('secure_serving.go:213', `Serving securely on [::]:${port}`);
  // The generic API server drains its requests and exits cleanly on SIGTERM.
  proc.trap(SIGNALS.SIGTERM, () => proc.exit(0));
  for (;;) {
    scrape();
    yield* wait(sleep(proc.clock, resolution));
  }
};
