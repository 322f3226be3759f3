import { createServer, type Server, type Socket } from 'node:net';
import type { AddressInfo } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { Clock } from '../../clock/clock.js';
import type { HttpRequest, Listener } from '../../kernel/net.js';
import { sleep } from '../../kernel/waitable.js';
import type { TimeDriver } from '../pacing.js';
import { connectToListener, type ListenerLookup } from './portforward-connection.js';

/** Moves the clock only when a session asks for it, like ManualTime, and counts how often. */
function driver(clock: Clock): TimeDriver & { runs: number } {
  return {
    runs: 0,
    settle: () => clock.flush(),
    runUntil(done) {
      this.runs++;
      const pump = () => {
        if (done() || !clock.step()) return;
        setImmediate(pump);
      };
      setImmediate(pump);
    },
    stop: () => undefined,
  };
}

const servers: Server[] = [];
afterEach(() => {
  for (const s of servers.splice(0)) s.close();
});

/** A loopback socket pair: the accepted end goes to the listener (and to `onAccept`), the other is returned. */
async function forwarded(lookup: ListenerLookup, time: TimeDriver, onAccept?: (s: Socket) => void): Promise<Socket> {
  const server = createServer((s) => {
    connectToListener(s, lookup, time);
    onAccept?.(s);
  });
  servers.push(server);
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  const { connect } = await import('node:net');
  const client = connect((server.address() as AddressInfo).port, '127.0.0.1');
  await new Promise((r) => client.once('connect', r));
  return client;
}

function exchange(sock: Socket, request: string, untilText: RegExp): Promise<string> {
  return new Promise((resolve) => {
    let got = '';
    const done = () => resolve(got);
    sock.on('data', (d) => {
      got += d.toString();
      if (untilText.test(got)) done();
    });
    sock.once('close', done);
    sock.write(request);
  });
}

const stripDate = (s: string) => s.replace(/^Date: .*\r\n/m, '');

describe('connectToListener', () => {
  it('answers HTTP/1.1 from listener.http with canonical request headers, keep-alive and HEAD', async () => {
    const seen: HttpRequest[] = [];
    const listener: Listener = { port: 80, owner: 'web', http: (req) => (seen.push(req), { status: 200, headers: { Server: 'demo/1', 'Content-Type': 'text/plain' }, body: `hi ${req.path}\n` }) };
    const sock = await forwarded(() => listener, driver(new Clock()));
    const first = await exchange(sock, 'GET /a?b=1 HTTP/1.1\r\nhost: pod\r\nuser-agent: curl/8.5.0\r\nx-two: 1\r\nX-Two: 2\r\n\r\n', /hi \/a\?b=1\n$/);
    expect(stripDate(first)).toBe('HTTP/1.1 200 OK\r\nServer: demo/1\r\nContent-Type: text/plain\r\nContent-Length: 10\r\nConnection: keep-alive\r\n\r\nhi /a?b=1\n');
    expect(seen[0]).toEqual({ method: 'GET', path: '/a?b=1', headers: { Host: 'pod', 'User-Agent': 'curl/8.5.0', 'X-Two': '1, 2' }, body: undefined, remoteAddr: '127.0.0.1' });
    const head = await exchange(sock, 'HEAD /b HTTP/1.1\r\nHost: pod\r\n\r\n', /\r\n\r\n$/);
    expect(stripDate(head)).toBe('HTTP/1.1 200 OK\r\nServer: demo/1\r\nContent-Type: text/plain\r\nContent-Length: 6\r\nConnection: keep-alive\r\n\r\n');
    const post = await exchange(sock, 'POST /c HTTP/1.1\r\nHost: pod\r\nContent-Length: 5\r\nConnection: close\r\n\r\nhello', /hi \/c\n$/);
    expect(post).toContain('Connection: close\r\n');
    expect(seen[2].body).toBe('hello');
    sock.destroy();
  });

  it('moves virtual time while a reply is pending, and still answers a client that half-closed', async () => {
    const clock = new Clock();
    const time = driver(clock);
    const start = clock.now();
    const slow: Listener = {
      port: 8080,
      owner: 'slow',
      http: () => ({ subscribe: (resume) => sleep(clock, 5000).subscribe(() => resume({ status: 503, body: `after ${clock.now() - start}ms` })) }),
    };
    const sock = await forwarded(() => slow, time);
    const reply = exchange(sock, 'GET / HTTP/1.0\r\n\r\n', /after \d+ms$/);
    sock.end();
    expect(await reply).toMatch(/^HTTP\/1\.1 503 Service Unavailable\r\n[\s\S]*\r\n\r\nafter 5000ms$/);
    expect(time.runs).toBe(1);
  });

  it('drops the connection once the listener is gone (the container stopped)', async () => {
    let current: Listener | undefined = { port: 80, owner: 'web', http: () => ({ status: 200, body: 'ok' }) };
    const sock = await forwarded(() => current, driver(new Clock()));
    expect(await exchange(sock, 'GET / HTTP/1.1\r\nHost: a\r\n\r\n', /ok$/)).toMatch(/ok$/);
    current = undefined;
    expect(await exchange(sock, 'GET / HTTP/1.1\r\nHost: a\r\n\r\n', /never/)).toBe('');
    expect(sock.destroyed || sock.readableEnded).toBe(true);
  });

  it('drops only the connection when the listener throws or answers with a malformed header', async () => {
    const broken: Listener[] = [
      { port: 80, owner: 'a', http: () => { throw new Error('boom'); } },
      { port: 80, owner: 'b', http: () => ({ status: 200, headers: { 'Bad\nName': 'x' }, body: '' }) },
    ];
    for (const l of broken) {
      const sock = await forwarded(() => l, driver(new Clock()));
      expect(await exchange(sock, 'GET / HTTP/1.1\r\nHost: a\r\n\r\n', /never/)).toBe('');
    }
  });

  it('keeps a plain-TCP connection open and silent until the client leaves', async () => {
    let accepted!: (s: Socket) => void;
    const serverSide = new Promise<Socket>((r) => (accepted = r));
    const sock = await forwarded(() => ({ port: 6379, owner: 'redis' }), driver(new Clock()), (s) => accepted(s));
    const pod = await serverSide;
    let got = '';
    sock.on('data', (d) => (got += d.toString()));
    const handled = new Promise<void>((r) => pod.on('data', (d) => d.toString().includes('PING\r\n') && r()));
    sock.write('PING\r\n');
    await handled;
    // TCP keeps order: anything the forwarder wrote in answer to PING arrives before this marker.
    pod.write('<marker>');
    await expect.poll(() => got).toContain('<marker>');
    expect([got, sock.destroyed]).toEqual(['<marker>', false]);
    const closed = new Promise((r) => sock.once('close', r));
    sock.end();
    await closed;
  });
});
