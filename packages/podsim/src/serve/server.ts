/**
 * `podsim serve`: the simulated cluster behind a real Kubernetes REST API on loopback, for the real
 * kubectl. Plain requests go to discovery, OpenAPI or the resource routes; upgrades to the streaming
 * subresources (exec, attach, port-forward). Virtual time moves through a TimeDriver: paced against
 * wall time by the CLI, by hand in tests.
 */
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Duplex } from 'node:stream';
import { proxyResourcePath } from '../api/proxy-subresource.js';
import { badRequest, internalError, resourceNotFound } from '../api/status.js';
import type { Cluster } from '../cluster/cluster.js';
import { send, statusReply } from './http.js';
import type { TimeDriver } from './pacing.js';
import { advertisedAddress } from '../api/rest/advertise.js';
import { discovery } from '../api/rest/discovery.js';
import { restGet } from '../api/rest/get.js';
import { openapi } from './routes/openapi.js';
import { parseResourcePath } from '../api/rest/path.js';
import { handleResource } from './routes/resources.js';
import { nodeLease } from './routes/lease.js';
import { reviews } from './routes/reviews.js';
import { refuse, serveExecLike } from './streams/exec.js';
import { serveLogs } from './streams/logs.js';
import { servePortForward } from './streams/portforward.js';

/** Answered as the apiserver writes them whatever the client: /version indented, the health checks' `ok`. */
const TEXT_PATHS = new Set(['/version', '/healthz', '/livez', '/readyz', '/metrics']);

export interface ServeOptions {
  cluster: Cluster;
  time: TimeDriver;
  /** 0 (default) picks a free port. */
  port?: number;
}

/** What the server is doing, for test drivers that move virtual time only while kubectl waits on a stream. */
export interface ServerActivity {
  /** Requests received so far (including stream upgrades). */
  requests: number;
  /** Plain requests still being answered, and exec/attach sessions whose client input has not ended. */
  busy: number;
  /** Open long-lived responses: watches, followed logs, exec/attach sessions. */
  streams: number;
}

export interface PodsimServer {
  readonly port: number;
  readonly url: string;
  activity(): ServerActivity;
  close(): Promise<void>;
}

export function startServer(opts: ServeOptions): Promise<PodsimServer> {
  const { cluster, time } = opts;
  const streams = cluster.streams;
  const resourceCtx = { api: cluster.api, settle: () => time.settle() };
  const sockets = new Set<Duplex>();
  let address = '127.0.0.1:0';
  const activity: ServerActivity = { requests: 0, busy: 0, streams: 0 };
  const track = (kind: 'busy' | 'streams', done: { once(ev: 'close', fn: () => void): unknown }): void => {
    activity.requests++;
    activity[kind]++;
    done.once('close', () => activity[kind]--);
  };

  const onRequest = (req: IncomingMessage, res: ServerResponse): void => {
    const url = new URL(req.url ?? '/', 'http://localhost');
    const q = url.searchParams;
    track(q.get('watch') === 'true' || q.get('watch') === '1' || q.get('follow') === 'true' ? 'streams' : 'busy', res);
    const path = url.pathname.replace(/\/+$/, '') || '/';
    // Health checks, and the proxy subresources whose answers are the backends' own bodies.
    if (req.method === 'GET' && (TEXT_PATHS.has(path) || proxyResourcePath(url.pathname))) {
      const r = restGet(cluster.api, req.url ?? '/', { userAgent: req.headers['user-agent'], serverAddress: advertisedAddress(cluster.api) ?? address });
      return send(res, { code: r.code, body: r.body, contentType: r.contentType });
    }
    const proxied = req.method === 'GET' ? cluster.api.proxyGet(path + url.search) : undefined;
    if (proxied) return send(res, { code: proxied.code, body: proxied.body, contentType: proxied.contentType });
    const fixed = discovery(path, String(req.headers.accept ?? ''), advertisedAddress(cluster.api) ?? address, cluster.api.aggregated()) ?? openapi(path, String(req.headers.accept ?? '')) ?? nodeLease(cluster.api, path) ?? reviews(req.method ?? 'GET', path, cluster.clock.now());
    if (fixed) return send(res, fixed);
    const p = parseResourcePath(path);
    if (!p) return send(res, statusReply(resourceNotFound()));
    if (p.info.resource === 'pods' && p.name && p.subresource === 'log') {
      serveLogs(cluster.api, streams, res, p.namespace ?? 'default', p.name, url.searchParams);
      return time.settle();
    }
    handleResource(resourceCtx, req, res, p, url.searchParams).catch((e: unknown) => {
      if (!res.headersSent) send(res, statusReply(badRequest(String(e))));
    });
  };

  const onUpgrade = (req: IncomingMessage, socket: Duplex): void => {
    track('streams', socket);
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
    socket.on('error', () => socket.destroy());
    const url = new URL(req.url ?? '/', 'http://localhost');
    const p = parseResourcePath(url.pathname);
    if (!p || p.info.resource !== 'pods' || !p.name) return refuse(socket, resourceNotFound());
    const ns = p.namespace ?? 'default';
    if (p.subresource === 'exec' || p.subresource === 'attach') {
      // Until the client's input has ended the session is busy, not waiting: a driver must not move time then.
      activity.busy++;
      return serveExecLike(p.subresource, streams, req, socket, time, ns, p.name, url.searchParams, () => activity.busy--);
    }
    if (p.subresource === 'portforward') return servePortForward(streams, req, socket, time, ns, p.name);
    refuse(socket, resourceNotFound());
  };

  // A bug in a route must cost one request (500), never the server and its cluster.
  const server = createServer((req, res) => {
    try {
      onRequest(req, res);
    } catch (e) {
      if (!res.headersSent) send(res, statusReply(internalError(e instanceof Error ? e.message : String(e))));
      else res.destroy();
    }
  });
  server.on('upgrade', onUpgrade);
  server.on('connection', (s) => {
    sockets.add(s);
    s.on('close', () => sockets.delete(s));
  });
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(opts.port ?? 0, '127.0.0.1', () => {
      const port = (server.address() as AddressInfo).port;
      address = `127.0.0.1:${port}`;
      resolve({
        port,
        url: `http://127.0.0.1:${port}`,
        activity: () => ({ ...activity }),
        close: () =>
          new Promise<void>((done) => {
            time.stop();
            for (const s of sockets) s.destroy();
            server.close(() => done());
          }),
      });
    });
  });
}
