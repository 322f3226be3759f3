/**
 * One forwarded TCP connection inside the pod: the byte stream kubectl tunnels on a port-forward data
 * stream, delivered to the container's listener. HTTP listeners get the stream parsed by an unbound
 * Node http.Server (so keep-alive, pipelining, HEAD and malformed requests behave like a real HTTP/1.1
 * server) and answer through `listener.http()`, with virtual time moving while a reply is pending.
 * Plain-TCP listeners (redis) accept the connection and stay silent, as a server waiting for a
 * command it cannot parse would.
 */
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { Duplex } from 'node:stream';
import type { HttpRequest, HttpResponse, Listener } from '../../kernel/net.js';
import type { Waitable } from '../../kernel/waitable.js';
import type { TimeDriver } from '../pacing.js';

/** The pod's current listener on the forwarded port; undefined once it is gone (container stopped). */
export type ListenerLookup = () => Listener | undefined;

/** `user-agent` → `User-Agent`: the spelling podsim's servers look headers up by. */
function canonicalName(name: string): string {
  return name.toLowerCase().replace(/(^|-)([a-z])/g, (_m, sep: string, c: string) => sep + c.toUpperCase());
}

function requestHeaders(raw: string[]): Record<string, string> {
  const headers: Record<string, string> = {};
  for (let i = 0; i + 1 < raw.length; i += 2) {
    const name = canonicalName(raw[i]);
    headers[name] = name in headers ? `${headers[name]}, ${raw[i + 1]}` : raw[i + 1];
  }
  return headers;
}

function readBody(req: IncomingMessage): Promise<string | undefined> {
  return new Promise((resolve) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => resolve(chunks.length ? Buffer.concat(chunks).toString('utf8') : undefined));
    req.on('error', () => resolve(undefined));
  });
}

function isWaitable(r: HttpResponse | Waitable<HttpResponse>): r is Waitable<HttpResponse> {
  return typeof (r as Waitable<HttpResponse>).subscribe === 'function';
}

/** The response, once virtual time has brought it (undefined if the client left first). */
function settle(r: HttpResponse | Waitable<HttpResponse>, time: TimeDriver, res: ServerResponse): Promise<HttpResponse | undefined> {
  if (!isWaitable(r)) return Promise.resolve(r);
  return new Promise((resolve) => {
    let done = false;
    const cancel = r.subscribe((v) => {
      done = true;
      resolve(v);
    });
    if (done) return;
    res.once('close', () => {
      cancel();
      done = true;
      resolve(undefined);
    });
    time.runUntil(() => done);
  });
}

function respond(res: ServerResponse, r: HttpResponse): void {
  const headers: Record<string, string> = { ...r.headers };
  if (!Object.keys(headers).some((h) => h.toLowerCase() === 'content-length')) headers['Content-Length'] = String(Buffer.byteLength(r.body));
  res.writeHead(r.status, headers);
  res.end(r.body);
}

/** One request: the listener's answer, or the connection dropped when there is none to give. */
async function answer(req: IncomingMessage, res: ServerResponse, conn: Duplex, lookup: ListenerLookup, time: TimeDriver): Promise<void> {
  const body = await readBody(req);
  // The container may have stopped since the connection was opened: its socket is gone.
  const http = lookup()?.http;
  if (!http) return void conn.destroy();
  const request: HttpRequest = { method: req.method ?? 'GET', path: req.url ?? '/', headers: requestHeaders(req.rawHeaders), body, remoteAddr: '127.0.0.1' };
  const reply = await settle(http(request), time, res);
  time.settle();
  if (reply && !res.destroyed) respond(res, reply);
}

function serveHttp(conn: Duplex, lookup: ListenerLookup, time: TimeDriver): void {
  const server = createServer({ requestTimeout: 0, headersTimeout: 0, keepAliveTimeout: 0 }, (req, res) => {
    // A listener that throws or answers with a malformed header drops this connection only.
    answer(req, res, conn, lookup, time).catch(() => conn.destroy());
  });
  // A client that half-closes after its request (`nc`, HTTP/1.0 tools) still gets the answer.
  (server as unknown as { httpAllowHalfOpen: boolean }).httpAllowHalfOpen = true;
  server.emit('connection', conn);
}

/** Hands `conn` to whatever listens on the port; the connection ends when either side ends it. */
export function connectToListener(conn: Duplex, lookup: ListenerLookup, time: TimeDriver): void {
  const listener = lookup();
  if (listener?.http) return serveHttp(conn, lookup, time);
  conn.resume();
  conn.once('end', () => conn.end());
}
