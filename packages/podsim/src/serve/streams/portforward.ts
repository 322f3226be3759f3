/**
 * pods/portforward, as kubectl 1.32 speaks it: SPDY/3.1 tunnelled in binary WebSocket messages
 * (subprotocol `SPDY/3.1+portforward.k8s.io`, KUBECTL_PORT_FORWARD_WEBSOCKETS on by default), or, when
 * that upgrade is refused, a plain `Upgrade: SPDY/3.1` with `X-Stream-Protocol-Version:
 * portforward.k8s.io`. Either way the session carries the portforward.k8s.io v1 protocol: per local
 * connection the client opens an `error` stream, then a `data` stream, both with `port` and
 * `requestID` headers. The data stream's bytes reach the pod's port (portforward-connection.ts); a
 * failure (nothing listening) is the kubelet's message on the error stream, after which both streams
 * end, as the kubelet's httpstream handler does. Nothing a client does here reaches the cluster beyond
 * the listener's own requests.
 */
import type { IncomingMessage } from 'node:http';
import type { Duplex } from 'node:stream';
import { badRequest } from '../../api/status.js';
import type { PodStreams } from '../../api/types.js';
import type { TimeDriver } from '../pacing.js';
import { refuse } from './exec.js';
import { connectToListener } from './portforward-connection.js';
import { SpdySession, type SessionOptions, type SpdyStream, type SpdyTransport } from './spdy/session.js';
import { acceptWebSocket, isWebSocketRequest } from './websocket.js';

const PORT_FORWARD_PROTOCOL = 'portforward.k8s.io';
const TUNNEL_PROTOCOL = `SPDY/3.1+${PORT_FORWARD_PROTOCOL}`;

interface Target {
  streams: PodStreams;
  namespace: string;
  pod: string;
  time: TimeDriver;
  /** The pod sandbox the kubelet resolved the pod to when the session opened. */
  sandbox: string | undefined;
}

/** Opens the SPDY session over whichever upgrade the client asked for; undefined after refusing it. */
function openTransport(req: IncomingMessage, socket: Duplex): { transport: SpdyTransport; wire: (s: SpdySession) => void } | undefined {
  if (isWebSocketRequest(req)) {
    const accepted = acceptWebSocket(req, socket, [TUNNEL_PROTOCOL]);
    if (!accepted) return undefined;
    const ws = accepted.ws;
    return {
      transport: { write: (b) => ws.send(b), end: () => ws.close() },
      wire: (s) => {
        ws.onMessage((m) => s.receive(m));
        ws.onClose(() => s.transportClosed());
      },
    };
  }
  const upgrade = String(req.headers.upgrade ?? '').toLowerCase();
  const offered = String(req.headers['x-stream-protocol-version'] ?? '').split(',').map((p) => p.trim());
  if (upgrade !== 'spdy/3.1' || !offered.includes(PORT_FORWARD_PROTOCOL)) {
    refuse(socket, badRequest(upgrade === 'spdy/3.1' ? `unable to upgrade: unable to negotiate protocol: client supports ${JSON.stringify(offered)}, server supports ["${PORT_FORWARD_PROTOCOL}"]` : 'unable to upgrade connection: missing upgrade headers in request'));
    return undefined;
  }
  socket.write(`HTTP/1.1 101 Switching Protocols\r\nConnection: Upgrade\r\nUpgrade: SPDY/3.1\r\nX-Stream-Protocol-Version: ${PORT_FORWARD_PROTOCOL}\r\n\r\n`);
  return {
    transport: { write: (b) => void socket.write(b), end: () => void socket.end() },
    wire: (s) => {
      socket.on('data', (b: Buffer) => s.receive(b));
      socket.on('close', () => s.transportClosed());
    },
  };
}

/**
 * The kubelet's text for a connection it could not make (written on the error stream). The session
 * stays bound to the sandbox it started with: once the pod is gone, the runtime no longer knows it.
 */
function forwardError(t: Target, port: number): string | undefined {
  const r = t.streams.portForward(t.namespace, t.pod, port);
  if (r.ok) return undefined;
  if (r.status.code !== 500 && t.sandbox) return `error forwarding port ${port} to pod ${t.sandbox}, uid : failed to find sandbox "${t.sandbox}" in store: not found`;
  return r.status.message ?? '';
}

/** One forwarded connection: its error stream and data stream, paired by requestID. */
function forward(t: Target, port: number, error: SpdyStream, data: SpdyStream): void {
  // The client only ever half-closes its error stream; reading it lets the stream finish.
  error.resume();
  const failure = forwardError(t, port);
  if (failure !== undefined) {
    error.end(failure);
    data.resume();
    data.end();
    return;
  }
  // The kubelet closes both streams once the connection inside the pod is over.
  data.once('close', () => error.end());
  connectToListener(data, () => {
    const r = t.streams.portForward(t.namespace, t.pod, port);
    return r.ok ? r.listener : undefined;
  }, t.time);
  t.time.settle();
}

function portOf(s: SpdyStream): number | undefined {
  const text = s.header('port') ?? '';
  const n = Number(text);
  return /^\d+$/.test(text) && n > 0 && n <= 65535 ? n : undefined;
}

function typeOf(s: SpdyStream): 'error' | 'data' | undefined {
  const t = s.header('streamtype');
  return t === 'error' || t === 'data' ? t : undefined;
}

/** Old clients sent no requestID: the kubelet pairs a data stream with the stream opened before it. */
function requestOf(s: SpdyStream): string {
  return s.header('requestid') ?? String(typeOf(s) === 'data' ? s.id - 2 : s.id);
}

/** Takes well-formed streams, one of each type per requestID, and forwards each completed pair. */
function pairStreams(target: Target): SessionOptions {
  const pending = new Map<string, { error?: SpdyStream; data?: SpdyStream }>();
  return {
    accept(s) {
      const type = typeOf(s);
      return type !== undefined && portOf(s) !== undefined && !pending.get(requestOf(s))?.[type];
    },
    onStream(s) {
      const id = requestOf(s);
      const pair = pending.get(id) ?? {};
      pair[typeOf(s) ?? 'data'] = s;
      pending.set(id, pair);
      s.once('close', () => {
        if (pending.get(id) === pair) pending.delete(id);
      });
      if (pair.error && pair.data) {
        pending.delete(id);
        forward(target, portOf(pair.data) ?? 0, pair.error, pair.data);
      }
    },
  };
}

export function servePortForward(streams: PodStreams, req: IncomingMessage, socket: Duplex, time: TimeDriver, namespace: string, pod: string): void {
  // The API server's own checks come before the upgrade: the pod must exist and have a node. Port 0
  // never has a listener, so a pod the kubelet can reach answers with its 500, which names the sandbox.
  const probe = streams.portForward(namespace, pod, 0);
  time.settle();
  if (!probe.ok && probe.status.code !== 500) return refuse(socket, probe.status);
  const sandbox = probe.ok ? undefined : /to pod ([0-9a-f]+), uid/.exec(probe.status.message ?? '')?.[1];
  const opened = openTransport(req, socket);
  if (!opened) return;
  // The API server's sockets allow half-open connections: a kubectl that exits without a goodbye
  // (Ctrl+C, kill) only ends its side, so end ours to let the socket close.
  socket.once('end', () => socket.end());
  opened.wire(new SpdySession(opened.transport, pairStreams({ streams, namespace, pod, time, sandbox })));
}
