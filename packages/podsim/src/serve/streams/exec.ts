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
import { Pipe, type OutputStream } from '../../kernel/streams.js';
import type { TimeDriver } from '../pacing.js';
import { Channel, CHANNEL_PROTOCOLS, exitStatus, finish, sendChannel } from './channels.js';
import { acceptWebSocket } from './websocket.js';

export type StartStream = (stdio: { stdin: Pipe; stdout: OutputStream; stderr: OutputStream; tty: boolean }) => { ok: true; proc: Proc } | { ok: false; status: Status };

/** Rejects the upgrade with a Status body (kubectl prints it like any API error). */
export function refuse(socket: Duplex, status: Status): void {
  const body = JSON.stringify(status);
  socket.end(`HTTP/1.1 ${status.code ?? 500} ${status.reason ?? 'Error'}\r\nContent-Type: application/json\r\nContent-Length: ${Buffer.byteLength(body)}\r\nConnection: close\r\n\r\n${body}`);
}

export function serveRemoteCommand(req: IncomingMessage, socket: Duplex, time: TimeDriver, argv: string[], q: URLSearchParams, start: StartStream): void {
  const tty = q.get('tty') === 'true';
  const wantsStdin = q.get('stdin') === 'true';
  const stdin = new Pipe();
  if (!wantsStdin) stdin.close();
  let ws: ReturnType<typeof acceptWebSocket>;
  // Output written before the handshake completes waits here.
  const early: [number, string][] = [];
  const out = (channel: number): OutputStream => ({
    write: (d: string) => (ws ? sendChannel(ws.ws, channel, d) : early.push([channel, d])),
    isTTY: tty,
  });
  const started = start({ stdin, stdout: out(Channel.stdout), stderr: out(tty ? Channel.stdout : Channel.stderr), tty });
  if (!started.ok) return refuse(socket, started.status);
  ws = acceptWebSocket(req, socket, CHANNEL_PROTOCOLS);
  if (!ws) {
    started.proc.kill(9);
    return;
  }
  const { ws: sock } = ws;
  for (const [channel, d] of early) sendChannel(sock, channel, d);
  const proc = started.proc;
  sock.onMessage((msg) => {
    if (msg.length === 0) return;
    const ch = msg[0];
    if (ch === Channel.stdin) stdin.write(msg.subarray(1).toString('utf8'));
    else if (ch === Channel.close && msg[1] === Channel.stdin) stdin.close();
    time.settle();
  });
  sock.onClose(() => stdin.close());
  proc.exited.subscribe((code) => {
    if (sock.isOpen) finish(sock, exitStatus(code, argv));
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
