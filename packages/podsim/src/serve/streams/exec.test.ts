import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { request } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Duplex } from 'node:stream';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Cluster } from '../../cluster/cluster.js';
import type { PodsimServer } from '../server.js';
import { serveCluster, type Served } from '../testing.js';
import { encodeFrame, FrameDecoder, Opcode } from './websocket.js';
import { withRealKubectl } from '../../../test/support/real-kubectl.js';

let served: Served;
let cluster: Cluster;
let server: PodsimServer;

function pod(name: string, image: string, command?: string[]) {
  return { apiVersion: 'v1', kind: 'Pod', metadata: { name }, spec: { containers: [{ name: 'c', image, command, stdin: true }] } };
}

beforeAll(async () => {
  served = await serveCluster(11);
  ({ cluster, server } = served);
  cluster.api.create('pods', 'default', pod('web', 'nginx'));
  cluster.api.create('pods', 'default', pod('broken', 'no-such-image-anywhere'));
  cluster.api.create('pods', 'default', pod('talker', 'busybox', ['sh', '-c', 'echo before; sleep 60; echo tick; sleep 10; echo tock; exit 3']));
  cluster.advance(30_000);
});
afterAll(() => served.close());

/** A bare WebSocket client that answers pings only when told, to see what the server sends before. */
class RawClient {
  readonly messages: Buffer[] = [];
  readonly pings: Buffer[] = [];
  readonly pongs: Buffer[] = [];
  closed = false;
  private readonly decoder = new FrameDecoder();
  private waiters: (() => void)[] = [];
  constructor(
    private readonly socket: Duplex,
    head: Buffer,
  ) {
    const receive = (chunk: Buffer): void => {
      for (const f of this.decoder.push(chunk)) {
        if (f.opcode === Opcode.ping) this.pings.push(f.payload);
        else if (f.opcode === Opcode.pong) this.pongs.push(f.payload);
        else if (f.opcode === Opcode.close) this.closed = true;
        else this.messages.push(f.payload);
      }
      for (const w of this.waiters.splice(0)) w();
    };
    receive(head);
    socket.on('data', receive);
    socket.on('close', () => {
      this.closed = true;
      for (const w of this.waiters.splice(0)) w();
    });
  }

  send(opcode: number, payload: Buffer): void {
    const mask = Buffer.from([9, 8, 7, 6]);
    const frame = encodeFrame(opcode, payload);
    const head = frame.subarray(0, frame.length - payload.length);
    head[1] |= 0x80;
    this.socket.write(Buffer.concat([head, mask, Buffer.from(payload.map((b, i) => b ^ mask[i % 4]))]));
  }

  pong(): void {
    this.send(Opcode.pong, this.pings[0]);
  }

  until(cond: () => boolean): Promise<void> {
    return cond() ? Promise.resolve() : new Promise((r) => this.waiters.push(() => void this.until(cond).then(r)));
  }

  text(channel: number): string {
    return this.messages.filter((m) => m[0] === channel).map((m) => m.subarray(1).toString()).join('');
  }
}

type Upgrade = { code: number; body: string; client?: RawClient };

function upgrade(path: string, headers: Record<string, string>): Promise<Upgrade> {
  return new Promise((resolve, reject) => {
    const req = request(server.url + path, { method: headers.Upgrade === 'websocket' ? 'GET' : 'POST', headers: { Connection: 'Upgrade', ...headers } });
    req.on('upgrade', (res, socket, head) => resolve({ code: res.statusCode ?? 0, body: '', client: new RawClient(socket, head) }));
    req.on('response', (res) => {
      let body = '';
      res.on('data', (d: Buffer) => (body += d.toString()));
      res.on('end', () => resolve({ code: res.statusCode ?? 0, body: `${res.headers['content-type']}|${body}` }));
    });
    req.on('error', reject);
    req.end();
  });
}

const WS = { Upgrade: 'websocket', 'Sec-WebSocket-Key': 'dGhlIHNhbXBsZSBub25jZQ==', 'Sec-WebSocket-Version': '13', 'Sec-WebSocket-Protocol': 'v5.channel.k8s.io,v4.channel.k8s.io' };
const SPDY = { Upgrade: 'SPDY/3.1', 'X-Stream-Protocol-Version': 'v4.channel.k8s.io' };

describe('exec and attach streams', () => {
  it('holds output and the exit status until the client answers the ping sent after the 101', async () => {
    const r = await upgrade('/api/v1/namespaces/default/pods/web/exec?command=sh&command=-c&command=echo%20hi%3B%20exit%205&stdout=true&stderr=true', WS);
    const c = r.client!;
    await c.until(() => c.pings.length > 0);
    // The server answers our own ping in order: whatever it sent before, we hold when its pong arrives.
    c.send(Opcode.ping, Buffer.from('probe'));
    await c.until(() => c.pongs.length > 0);
    expect(c.messages).toEqual([]);
    c.pong();
    await c.until(() => c.closed);
    expect(c.text(1)).toBe('hi\n');
    expect(JSON.parse(c.text(3))).toMatchObject({ status: 'Failure', reason: 'NonZeroExitCode', details: { causes: [{ reason: 'ExitCode', message: '5' }] } });
    expect(c.messages.map((m) => m[0])).toEqual([1, 3]);
  });

  it('reports a container that is not running after the 101, as the API server stream translator does', async () => {
    const r = await upgrade('/api/v1/namespaces/default/pods/broken/exec?command=ls&stdout=true', WS);
    expect(r.code).toBe(101);
    const c = r.client!;
    await c.until(() => c.pings.length > 0);
    c.pong();
    await c.until(() => c.closed);
    expect(JSON.parse(c.text(3))).toMatchObject({ status: 'Failure', code: 500, reason: 'InternalError', message: 'Internal error occurred: unable to upgrade connection: container not found ("c")' });
  });

  it('answers a SPDY upgrade for a container that is not running with the kubelet plain text, and API errors with a Status', async () => {
    expect(await upgrade('/api/v1/namespaces/default/pods/broken/exec?command=ls&stdout=true', SPDY)).toEqual({ code: 500, body: 'text/plain; charset=utf-8|container not found ("c")' });
    const invalid = await upgrade('/api/v1/namespaces/default/pods/web/exec?command=ls&container=x&stdout=true', WS);
    expect([invalid.code, JSON.parse(invalid.body.split('|')[1]).message]).toEqual([400, 'container x is not valid for pod web']);
  });

  it('attach delivers output written while the client gets ready exactly once, not what came before, and ends with Success', async () => {
    const r = await upgrade('/api/v1/namespaces/default/pods/talker/attach?stdout=true&stderr=true', WS);
    const c = r.client!;
    await c.until(() => c.pings.length > 0);
    // The session moves virtual time on its own: tick and tock are written before the client is ready.
    while (cluster.clock.now() < 90_000) await new Promise((done) => setTimeout(done, 5));
    expect(c.messages).toEqual([]);
    c.pong();
    await c.until(() => c.closed);
    expect(c.text(1)).toBe('tick\ntock\n');
    expect(JSON.parse(c.text(3))).toEqual({ metadata: {}, status: 'Success' });
  });
});

describe('exec sessions reading input', () => {
  it('count as busy until the client closes stdin, so a test driver does not move time under them', async () => {
    const before = server.activity().busy;
    const r = await upgrade('/api/v1/namespaces/default/pods/web/exec?command=cat&stdin=true&stdout=true', WS);
    const c = r.client!;
    await c.until(() => c.pings.length > 0);
    c.pong();
    expect(server.activity().busy).toBe(before + 1);
    c.send(Opcode.binary, Buffer.from([0, ...Buffer.from('x\n')]));
    c.send(Opcode.binary, Buffer.from([255, 0]));
    await c.until(() => c.closed);
    expect(c.text(1)).toBe('x\n');
    expect(server.activity().busy).toBe(before);
  });

  it('stay open after the process ends until the client has closed stdin, so its last frames are not refused', async () => {
    const r = await upgrade('/api/v1/namespaces/default/pods/web/exec?command=true&stdin=true&stdout=true', WS);
    const c = r.client!;
    await c.until(() => c.pings.length > 0);
    c.pong();
    // `true` ends at once; a client still sending (kubectl cp's archive trailer) must not meet a closed
    // socket. The server answers pings in order, so its pong comes after anything it sent before.
    c.send(Opcode.ping, Buffer.from('still there?'));
    await c.until(() => c.pongs.length > 0 || c.closed);
    expect(c.closed).toBe(false);
    c.send(Opcode.binary, Buffer.from([0, ...Buffer.from('trailer')]));
    c.send(Opcode.binary, Buffer.from([255, 0]));
    await c.until(() => c.closed);
    expect(JSON.parse(c.text(3))).toEqual({ metadata: {}, status: 'Success' });
  });
});

describe.skipIf(!withRealKubectl('exec with the real kubectl'))('exec with the real kubectl', () => {
  const kubectl = (args: string[], opts?: { input?: string; env?: Record<string, string> }) => served.kubectl(args, opts);

  it('prints command output and passes exit codes through', async () => {
    for (let i = 0; i < 3; i++) expect(await kubectl(['exec', 'web', '--', 'echo', 'hi'])).toEqual({ out: 'hi\n', err: '', code: 0 });
    expect(await kubectl(['exec', 'web', '--', 'sh', '-c', 'echo out; echo err >&2; exit 4'])).toEqual({ out: 'out\n', err: 'err\ncommand terminated with exit code 4\n', code: 4 });
  });

  it('feeds stdin with -i until it ends', async () => {
    expect(await kubectl(['exec', '-i', 'web', '--', 'cat'], { input: 'hello\nworld\n' })).toEqual({ out: 'hello\nworld\n', err: '', code: 0 });
  });

  it('carries kubectl cp both ways: tar over exec with stdin', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'podsim-cp-'));
    writeFileSync(join(dir, 'notes.txt'), 'hello ✓\n');
    expect(await kubectl(['cp', join(dir, 'notes.txt'), 'web:/tmp/notes.txt'])).toEqual({ out: '', err: '', code: 0 });
    expect(await kubectl(['exec', 'web', '--', 'cat', '/tmp/notes.txt'])).toEqual({ out: 'hello ✓\n', err: '', code: 0 });
    expect(await kubectl(['cp', 'web:/tmp/notes.txt', join(dir, 'back.txt')])).toEqual({ out: "tar: Removing leading `/' from member names\n", err: '', code: 0 });
    expect(readFileSync(join(dir, 'back.txt'), 'utf8')).toBe('hello ✓\n');
  });

  it('prints what kubectl 1.32 prints for a container that is not running, over WebSocket and over SPDY', async () => {
    expect(await kubectl(['exec', 'broken', '--', 'ls'])).toEqual({ out: '', err: 'error: Internal error occurred: unable to upgrade connection: container not found ("c")\n', code: 1 });
    expect(await kubectl(['exec', 'broken', '--', 'ls'], { env: { KUBECTL_REMOTE_COMMAND_WEBSOCKETS: 'false' } })).toEqual({ out: '', err: 'error: unable to upgrade connection: container not found ("c")\n', code: 1 });
  });
});
