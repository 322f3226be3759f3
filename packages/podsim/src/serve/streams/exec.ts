/**
 * pods/exec and pods/attach over the WebSocket channel protocol: the client's stdin channel feeds a
 * Pipe into the process, its stdout/stderr go back as channel messages, the exit code comes last on
 * the error channel. A client that disconnects closes the process's stdin and never stalls the cluster.
 */
import type { IncomingMessage } from 'node:http';
import type { Duplex } from 'node:stream';
import { badRequest } from '../../api/status.js';
import type { PodStreams, Status } from '../../api/types.js';
import type { Proc } from '../../kernel/process.js';
import { Pipe, type InputStream, type OutputStream } from '../../kernel/streams.js';
import { openPty } from '../../host/pty.js';
import type { TimeDriver } from '../pacing.js';
import { Channel, CHANNEL_PROTOCOLS, exitStatus, finish, sendChannel } from './channels.js';
import { acceptWebSocket, isWebSocketRequest, type WebSocket } from './websocket.js';

export type StartStream = (stdio: { stdin: InputStream; stdout: OutputStream; stderr: OutputStream; tty: boolean }) => { ok: true; proc: Proc } | { ok: false; status: Status };

/** Rejects the upgrade with a Status body (kubectl prints it like any API error). */
export function refuse(socket: Duplex, status: Status): void {
  const body = JSON.stringify(status);
  socket.end(`HTTP/1.1 ${status.code ?? 500} ${status.reason ?? 'Error'}\r\nContent-Type: application/json\r\nContent-Length: ${Buffer.byteLength(body)}\r\nConnection: close\r\n\r\n${body}`);
}

/** Wall milliseconds between the 101 response and the first message sent. */
const CLIENT_READY_MS = 50;

/** Client-side stdio: a Pipe fed by the stdin channel, outputs sent on their channels (queued until the handshake is done). */
function clientStdio(tty: boolean): { stdin: Pipe; out: (channel: number) => OutputStream; connect: (ws: WebSocket) => void } {
  const stdin = new Pipe();
  let ws: WebSocket | undefined;
  const early: [number, string][] = [];
  return {
    stdin,
    out: (channel) => ({ write: (d: string) => (ws ? sendChannel(ws, channel, d) : early.push([channel, d])), isTTY: tty }),
    connect(sock) {
      ws = sock;
      for (const [channel, d] of early.splice(0)) sendChannel(sock, channel, d);
    },
  };
}

/** `{"Width":120,"Height":40}` on the resize channel. */
function parseSize(msg: Buffer): { cols: number; rows: number } | undefined {
  try {
    const v = JSON.parse(msg.toString('utf8')) as { Width?: unknown; Height?: unknown };
    return typeof v.Width === 'number' && typeof v.Height === 'number' ? { cols: v.Width, rows: v.Height } : undefined;
  } catch {
    return undefined;
  }
}

export function serveRemoteCommand(req: IncomingMessage, socket: Duplex, time: TimeDriver, argv: string[], q: URLSearchParams, start: StartStream): void {
  const tty = q.get('tty') === 'true';
  const client = clientStdio(tty);
  if (q.get('stdin') !== 'true') client.stdin.close();
  // With -t the process gets a terminal (line discipline, echo, ^C) whose screen goes back on stdout.
  const pty = tty ? openPty({ stdin: client.stdin, stdout: client.out(Channel.stdout) }) : undefined;
  const stdio = pty
    ? { stdin: pty.stdin, stdout: pty.stdout, stderr: pty.stderr, tty }
    : { stdin: client.stdin, stdout: client.out(Channel.stdout), stderr: client.out(Channel.stderr), tty };
  const started = start(stdio);
  if (!started.ok) {
    pty?.close();
    return refuse(socket, started.status);
  }
  const proc = started.proc;
  const accepted = isWebSocketRequest(req) ? acceptWebSocket(req, socket, CHANNEL_PROTOCOLS) : undefined;
  if (!accepted) {
    // Not a WebSocket (kubectl's SPDY fallback) or no common subprotocol: nothing runs.
    proc.kill(9);
    pty?.close();
    if (!isWebSocketRequest(req)) refuse(socket, badRequest('podsim serves streaming subresources over WebSocket only'));
    return;
  }
  const sock = accepted.ws;
  // client-go registers its channel streams only after the handshake; a message that arrives first is
  // dropped ("Unknown stream id 3"), so output and the final status wait a moment of wall time.
  let exitCode: number | undefined;
  let connected = false;
  const ready = setTimeout(() => {
    connected = true;
    client.connect(sock);
    if (exitCode !== undefined && sock.isOpen) finish(sock, exitStatus(exitCode, argv));
  }, CLIENT_READY_MS);
  sock.onMessage((msg) => {
    if (msg.length === 0) return;
    const ch = msg[0];
    if (ch === Channel.stdin) client.stdin.write(msg.subarray(1).toString('utf8'));
    else if (ch === Channel.close && msg[1] === Channel.stdin) client.stdin.close();
    else if (ch === Channel.resize) {
      const size = parseSize(msg.subarray(1));
      if (size && pty) pty.tty.resize(size.cols, size.rows);
    }
    time.settle();
  });
  sock.onClose(() => {
    clearTimeout(ready);
    client.stdin.close();
    pty?.close();
  });
  proc.exited.subscribe((code) => {
    pty?.close();
    exitCode = code;
    if (connected && sock.isOpen) finish(sock, exitStatus(code, argv));
  });
  time.settle();
  time.runUntil(() => proc.exited.isSettled || !sock.isOpen);
}

/** Routes `exec`/`attach` upgrades of one pod to the cluster's streams. */
export function serveExecLike(kind: 'exec' | 'attach', streams: PodStreams, req: IncomingMessage, socket: Duplex, time: TimeDriver, namespace: string, pod: string, q: URLSearchParams): void {
  const container = q.get('container') || undefined;
  const argv = q.getAll('command');
  if (kind === 'exec') {
    if (argv.length === 0) return refuse(socket, badRequest('you must specify at least 1 command'));
    return serveRemoteCommand(req, socket, time, argv, q, (stdio) => streams.exec(namespace, pod, container, argv, stdio));
  }
  if (!streams.attach) return refuse(socket, badRequest('attach is not supported'));
  const attach = streams.attach.bind(streams);
  return serveRemoteCommand(req, socket, time, argv, q, (stdio) => attach(namespace, pod, container, stdio));
}
