import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { get, type IncomingHttpHeaders } from 'node:http';
import { connect, type Socket } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { KubeObject, Pod } from '../../api/types.js';
import { Cluster } from '../../cluster/cluster.js';
import { writeKubeconfig } from '../kubeconfig.js';
import { ManualTime } from '../pacing.js';
import { startServer, type PodsimServer } from '../server.js';
import { controlFrame, dataFrame, encodeHeaderBlock, Flag, FrameReader, FrameType, type Frame } from './spdy/framing.js';
import { headerCompressor } from './spdy/header-compression.js';
import { withRealKubectl } from '../../../test/support/real-kubectl.js';

const KUBECTL = '/usr/bin/kubectl';
const NGINX_TITLE = '<title>Welcome to nginx!</title>';
const podSpec = (name: string, image: string, extra: object = {}) => ({ apiVersion: 'v1', kind: 'Pod', metadata: { name, labels: { app: name } }, spec: { containers: [{ name: 'main', image }], ...extra } });

let cluster: Cluster;
let server: PodsimServer;
let dir: string;
const children = new Set<ChildProcess>();

interface Forward {
  child: ChildProcess;
  /** Local ports in the order kubectl printed them. */
  ports: number[];
  output: () => string;
  exited: Promise<number>;
}

/** Starts `kubectl port-forward ARGS` and waits for `lines` `Forwarding from …` lines (or its exit). */
function portForward(args: string[], env: Record<string, string> = {}, lines = 2): Promise<Forward> {
  const child = spawn(KUBECTL, ['port-forward', ...args], { env: { ...process.env, KUBECONFIG: join(dir, 'kc'), HOME: dir, ...env } });
  children.add(child);
  let out = '';
  const exited = new Promise<number>((resolve) => child.once('exit', (code, signal) => resolve(code ?? (signal ? 128 : 1))));
  void exited.then(() => children.delete(child));
  return new Promise((resolve) => {
    const ports = (): number[] => [...out.matchAll(/^Forwarding from 127\.0\.0\.1:(\d+) -> \d+$/gm)].map((m) => Number(m[1]));
    const onData = (d: Buffer) => {
      out += d.toString();
      if ((out.match(/^Forwarding from .*\n/gm) ?? []).length >= lines) resolve({ child, ports: ports(), output: () => out, exited });
    };
    child.stdout.on('data', onData);
    child.stderr.on('data', onData);
    void exited.then(() => resolve({ child, ports: ports(), output: () => out, exited }));
  });
}

/** One request on its own connection (`Connection: close`, no keep-alive pool). */
function fetchOnce(port: number, path = '/'): Promise<{ status: number; headers: IncomingHttpHeaders; body: string } | { error: string }> {
  return new Promise((resolve) => {
    const req = get({ host: '127.0.0.1', port, path, agent: false, headers: { 'User-Agent': 'curl/8.5.0' } }, (res) => {
      let body = '';
      res.setEncoding('utf8');
      res.on('data', (c: string) => (body += c));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body }));
      res.on('error', (e) => resolve({ error: e.message }));
    });
    req.on('error', (e) => resolve({ error: (e as NodeJS.ErrnoException).code ?? e.message }));
  });
}

async function stop(f: Forward): Promise<number> {
  f.child.kill('SIGINT');
  return f.exited;
}

function podState(name: string): string {
  const p = cluster.api.get<Pod & KubeObject>('pods', 'default', name);
  if (!p.ok) return p.status.message ?? '';
  return `${p.value.status?.phase} restarts=${p.value.status?.containerStatuses?.[0]?.restartCount}`;
}

async function until(check: () => boolean, ms = 3000): Promise<void> {
  for (let t = 0; t < ms && !check(); t += 20) await new Promise((r) => setTimeout(r, 20));
}

describe.skipIf(!withRealKubectl('kubectl port-forward against podsim serve'))('kubectl port-forward against podsim serve', () => {
  beforeAll(async () => {
    cluster = new Cluster({ seed: 11 });
    cluster.clock.flush();
    server = await startServer({ cluster, time: new ManualTime(cluster) });
    dir = mkdtempSync(join(tmpdir(), 'podsim-portforward-'));
    writeKubeconfig(join(dir, 'kc'), server.url);
    cluster.api.create('pods', 'default', podSpec('web', 'nginx'));
    cluster.api.create('pods', 'default', podSpec('cache', 'redis'));
    cluster.api.create('pods', 'default', podSpec('doomed', 'nginx'));
    cluster.api.create('pods', 'default', podSpec('stuck', 'nginx', { nodeSelector: { disk: 'none' } }));
    cluster.api.create('services', 'default', { apiVersion: 'v1', kind: 'Service', metadata: { name: 'web' }, spec: { selector: { app: 'web' }, ports: [{ port: 8080, targetPort: 80 }] } });
    cluster.api.create('deployments', 'default', { apiVersion: 'apps/v1', kind: 'Deployment', metadata: { name: 'hello' }, spec: { replicas: 1, selector: { matchLabels: { app: 'hello' } }, template: { metadata: { labels: { app: 'hello' } }, spec: { containers: [{ name: 'hello', image: 'gcr.io/google-samples/hello-app:1.0' }] } } } });
    cluster.advance(30_000);
  });
  afterEach(() => {
    for (const c of children) c.kill('SIGKILL');
  });
  afterAll(async () => {
    await server.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it("tunnels SPDY over WebSocket to nginx: its real page and headers, one connection per request", async () => {
    const f = await portForward(['pod/web', ':80']);
    const [port] = f.ports;
    expect(f.output()).toBe(`Forwarding from 127.0.0.1:${port} -> 80\nForwarding from [::1]:${port} -> 80\n`);
    const first = await fetchOnce(port);
    expect(first).toMatchObject({ status: 200, headers: { server: 'nginx/1.27.3', 'content-type': 'text/html', 'content-length': '615', connection: 'close' } });
    expect('body' in first && first.body).toContain(NGINX_TITLE);
    const second = await fetchOnce(port, '/missing.html');
    expect(second).toMatchObject({ status: 404, body: expect.stringContaining('<head><title>404 Not Found</title></head>') });
    await until(() => (f.output().match(/Handling connection/g) ?? []).length === 2);
    expect(f.output()).toContain(`Handling connection for ${port}\nHandling connection for ${port}\n`);
    expect(await stop(f)).toBe(0);
    expect(f.output()).not.toMatch(/^E\d{4} /m);
    await until(() => server.activity().streams === 0);
    expect(server.activity().streams).toBe(0);
    expect(podState('web')).toBe('Running restarts=0');
    const logs = cluster.streams.logs('default', 'web', undefined, {});
    expect(logs.ok ? logs.log.lines().map((l) => l.text).join('') : logs.status.message).toMatch(/127\.0\.0\.1 - - \[[^\]]+\] "GET \/missing\.html HTTP\/1\.1" 404 153 "-" "curl\/8\.5\.0" "-"/);
  });

  it('falls back to a plain SPDY upgrade, forwards several ports, deploy/ and svc/ forms, --address', async () => {
    const off = { KUBECTL_PORT_FORWARD_WEBSOCKETS: 'false' };
    const dep = await portForward(['deploy/hello', ':8080', ':8080', '--address', '127.0.0.1'], off, 2);
    expect(dep.output()).toBe(dep.ports.map((p) => `Forwarding from 127.0.0.1:${p} -> 8080\n`).join(''));
    for (const p of dep.ports) expect(await fetchOnce(p, '/x?y=1')).toMatchObject({ status: 200, body: expect.stringMatching(/^Hello, world!\nVersion: 1\.0\.0\nHostname: hello-[a-z0-9]+-[a-z0-9]{5}\n$/) });
    const svc = await portForward(['svc/web', ':8080'], off);
    expect(svc.output()).toMatch(/^Forwarding from 127\.0\.0\.1:\d+ -> 80\n/);
    expect(await fetchOnce(svc.ports[0])).toMatchObject({ status: 200, body: expect.stringContaining(NGINX_TITLE) });
    expect(await Promise.all([stop(dep), stop(svc)])).toEqual([0, 0]);
  });

  it('serves many concurrent connections through one session', async () => {
    const f = await portForward(['pod/web', ':80']);
    const all = await Promise.all(Array.from({ length: 25 }, (_, i) => fetchOnce(f.ports[0], i % 2 ? '/' : '/50x.html')));
    expect(all.map((r) => ('status' in r ? r.status : r.error))).toEqual(Array.from({ length: 25 }, () => 200));
    expect(await stop(f)).toBe(0);
    expect(f.output().match(/^Handling connection for \d+$/gm)).toHaveLength(25);
    expect(f.output()).not.toMatch(/^E\d{4} /m);
  });

  it('reports a port with no listener the way a real cluster does, then kubectl gives up', async () => {
    const f = await portForward(['pod/web', ':8080']);
    const port = f.ports[0];
    expect('error' in (await fetchOnce(port))).toBe(true);
    expect(await f.exited).toBe(1);
    const sandbox = f.output().match(/to pod ([0-9a-f]{64}), uid/)?.[1];
    expect(f.output()).toMatch(
      new RegExp(
        `^Forwarding from 127\\.0\\.0\\.1:${port} -> 8080\\nForwarding from \\[::1\\]:${port} -> 8080\\nHandling connection for ${port}\\n` +
          `E\\d{4} \\d\\d:\\d\\d:\\d\\d\\.\\d{6} +\\d+ portforward\\.go:\\d+\\] "Unhandled Error" err="an error occurred forwarding ${port} -> 8080: error forwarding port 8080 to pod ${sandbox}, uid : ` +
          `failed to execute portforward in network namespace \\\\"/var/run/netns/cni-[0-9a-f-]{36}\\\\": failed to connect to localhost:8080 inside namespace \\\\"${sandbox}\\\\", ` +
          `IPv4: dial tcp4 127\\.0\\.0\\.1:8080: connect: connection refused IPv6 dial tcp6 \\[::1\\]:8080: connect: connection refused "\\n` +
          `error: lost connection to pod\\n$`,
      ),
    );
    expect(podState('web')).toBe('Running restarts=0');
  });

  it('keeps the session bound to its sandbox: after the pod is deleted, the runtime no longer finds it', async () => {
    const f = await portForward(['pod/doomed', ':80']);
    expect(await fetchOnce(f.ports[0])).toMatchObject({ status: 200 });
    cluster.api.delete('pods', 'default', 'doomed', { gracePeriodSeconds: 0 });
    cluster.advance(5_000);
    expect(podState('doomed')).toBe('pods "doomed" not found');
    expect('error' in (await fetchOnce(f.ports[0]))).toBe(true);
    expect(await f.exited).toBe(1);
    expect(f.output()).toMatch(/portforward\.go:\d+\] "Unhandled Error" err="an error occurred forwarding \d+ -> 80: error forwarding port 80 to pod ([0-9a-f]{64}), uid : failed to find sandbox \\"\1\\" in store: not found"\nerror: lost connection to pod\n$/);
  });

  it('checks the pod before forwarding: not found, not running', async () => {
    const missing = await portForward(['pod/nope', '8080:80']);
    expect([await missing.exited, missing.output()]).toEqual([1, 'Error from server (NotFound): pods "nope" not found\n']);
    const stuck = await portForward(['pod/stuck', '8080:80']);
    expect([await stuck.exited, stuck.output()]).toEqual([1, 'error: unable to forward port because pod is not running. Current status=Pending\n']);
  });

  it('keeps plain-TCP connections open without answering (redis waits for a command it gets as bytes)', async () => {
    const f = await portForward(['pod/cache', ':6379']);
    const sock = connect(f.ports[0], '127.0.0.1');
    let received = '';
    sock.on('data', (d) => (received += d.toString()));
    sock.write('PING\r\n');
    await expect.poll(() => f.output()).toMatch(/^Handling connection for /m);
    // Silence has no event to wait for, and the pod side is out of reach behind the real kubectl: a
    // short window after the stream is open is the one wall-clock wait left in these tests.
    await new Promise((r) => setTimeout(r, 300));
    expect([received, sock.destroyed]).toEqual(['', false]);
    sock.destroy();
    expect(await stop(f)).toBe(0);
  });

  it('survives clients that vanish mid-request and a kubectl killed mid-connection', async () => {
    const f = await portForward(['pod/web', ':80']);
    // kubectl prints "Handling connection" once it has opened the stream to the pod for a connection.
    const handled = () => (f.output().match(/^Handling connection for /gm) ?? []).length;
    const half = connect(f.ports[0], '127.0.0.1');
    half.write('GET / HTTP/1.1\r\nHost: x\r\n');
    await expect.poll(handled).toBe(1);
    half.destroy();
    const open = connect(f.ports[0], '127.0.0.1');
    open.write('GET / HTT');
    await expect.poll(handled).toBe(2);
    f.child.kill('SIGKILL');
    await f.exited;
    open.destroy();
    await until(() => server.activity().streams === 0);
    expect(server.activity().streams).toBe(0);
    cluster.advance(60_000);
    expect(podState('web')).toBe('Running restarts=0');
    const again = await portForward(['pod/web', ':80']);
    expect(await fetchOnce(again.ports[0])).toMatchObject({ status: 200, body: expect.stringContaining(NGINX_TITLE) });
    expect(await stop(again)).toBe(0);
  });
});

/** A raw upgrade request; resolves with the response head and the socket to keep talking on. */
function upgrade(port: number, path: string, headers: string): Promise<{ head: string; sock: Socket; rest: Buffer }> {
  return new Promise((resolve) => {
    const sock = connect(port, '127.0.0.1');
    let buf = Buffer.alloc(0);
    const onData = (d: Buffer) => {
      buf = Buffer.concat([buf, d]);
      const end = buf.indexOf('\r\n\r\n');
      if (end < 0) return;
      sock.off('data', onData);
      resolve({ head: buf.subarray(0, end).toString(), sock, rest: buf.subarray(end + 4) });
    };
    sock.on('data', onData);
    sock.write(`POST ${path} HTTP/1.1\r\nHost: x\r\nContent-Length: 0\r\n${headers}\r\n`);
  });
}

describe('the port-forward upgrade, spoken by hand', () => {
  let cluster2: Cluster;
  let server2: PodsimServer;
  beforeAll(async () => {
    cluster2 = new Cluster({ seed: 3 });
    server2 = await startServer({ cluster: cluster2, time: new ManualTime(cluster2) });
    cluster2.api.create('pods', 'default', podSpec('web', 'nginx'));
    cluster2.api.create('pods', 'default', podSpec('unscheduled', 'nginx', { nodeSelector: { disk: 'none' } }));
    cluster2.advance(30_000);
  });
  afterAll(() => server2.close());

  const SPDY = 'Connection: Upgrade\r\nUpgrade: SPDY/3.1\r\nX-Stream-Protocol-Version: portforward.k8s.io\r\n';

  it('refuses before upgrading like the API server: no such pod, no node, unknown protocol', async () => {
    const missing = await upgrade(server2.port, '/api/v1/namespaces/default/pods/nope/portforward', SPDY);
    expect(missing.head).toMatch(/^HTTP\/1\.1 404 /);
    const unscheduled = await upgrade(server2.port, '/api/v1/namespaces/default/pods/unscheduled/portforward', SPDY);
    expect(unscheduled.head).toMatch(/^HTTP\/1\.1 400 /);
    const v4 = await upgrade(server2.port, '/api/v1/namespaces/default/pods/web/portforward', 'Connection: Upgrade\r\nUpgrade: SPDY/3.1\r\nX-Stream-Protocol-Version: v4.channel.k8s.io\r\n');
    expect(v4.head).toMatch(/^HTTP\/1\.1 400 /);
    for (const r of [missing, unscheduled, v4]) r.sock.destroy();
  });

  it('answers the SPDY upgrade with 101 and forwards an error/data stream pair to nginx', async () => {
    const { head, sock, rest } = await upgrade(server2.port, '/api/v1/namespaces/default/pods/web/portforward', SPDY);
    expect(head).toBe('HTTP/1.1 101 Switching Protocols\r\nConnection: Upgrade\r\nUpgrade: SPDY/3.1\r\nX-Stream-Protocol-Version: portforward.k8s.io');
    const reader = new FrameReader();
    const frames: Frame[] = [...reader.push(rest)];
    sock.on('data', (d: Buffer) => frames.push(...reader.push(d)));
    const compressor = headerCompressor();
    const syn = async (id: number, type: string, flags = 0) => {
      const fixed = Buffer.alloc(10);
      fixed.writeUInt32BE(id, 0);
      const block = await compressor.process(encodeHeaderBlock([['streamtype', type], ['port', '80'], ['requestid', '0']]));
      sock.write(controlFrame(FrameType.synStream, flags, Buffer.concat([fixed, block])));
    };
    await syn(1, 'error', Flag.fin);
    await syn(3, 'data');
    sock.write(dataFrame(3, Flag.fin, Buffer.from('GET /index.html HTTP/1.1\r\nHost: localhost\r\n\r\n')));
    await until(() => frames.some((f) => !f.control && f.streamId === 1 && (f.flags & Flag.fin) !== 0));
    const replies = frames.filter((f) => f.control).map((f) => (f.control ? f.type : 0));
    const body = Buffer.concat(frames.flatMap((f) => (!f.control && f.streamId === 3 ? [f.data] : []))).toString();
    const errorText = Buffer.concat(frames.flatMap((f) => (!f.control && f.streamId === 1 ? [f.data] : []))).toString();
    expect(replies).toEqual([FrameType.synReply, FrameType.synReply]);
    expect(body).toMatch(/^HTTP\/1\.1 200 OK\r\nServer: nginx\/1\.27\.3\r\n[\s\S]*<title>Welcome to nginx!<\/title>/);
    expect(errorText).toBe('');
    compressor.close();
    sock.destroy();
    await until(() => server2.activity().streams === 0);
    expect(server2.activity().streams).toBe(0);
  });
});
