/**
 * pods/exec and pods/attach over the WebSocket channel protocol: the client's stdin channel feeds a
 * Pipe into the process, its stdout/stderr go back as channel messages, the final Status comes last on
 * the error channel. A client that disconnects closes the process's stdin and never stalls the cluster.
 *
 * Errors are placed where a 1.32 cluster puts them: the API server's own checks (no such pod, invalid
 * container, no host) refuse the upgrade with a JSON Status; a kubelet refusal (container not running)
 * comes after the 101 on the error channel, as the API server's WebSocket→SPDY stream translator reports
 * it (`Internal error occurred: unable to upgrade connection: container not found ("x")`); a client
 * without v5 (plain SPDY) gets the kubelet's own plain-text answer instead.
 */
import type { IncomingMessage } from 'node:http';
import type { Duplex } from 'node:stream';
import { StringDecoder } from 'node:string_decoder';
import { badRequest, internalError } from '../../api/status.js';
import type { PodStreams, Status } from '../../api/types.js';
import type { Proc } from '../../kernel/process.js';
import { Deferred } from '../../kernel/waitable.js';
import { Pipe, type InputStream, type OutputStream } from '../../kernel/streams.js';
import { openPty } from '../../kernel/pty.js';
import type { TimeDriver } from '../pacing.js';
import { attachStatus, Channel, CHANNEL_PROTOCOLS, ChannelWriter, exitStatus } from './channels.js';
import { acceptWebSocket, isWebSocketRequest } from './websocket.js';

export type StartStream = (stdio: { stdin: InputStream; stdout: OutputStream; stderr: OutputStream; tty: boolean }) => { ok: true; proc: Proc } | { ok: false; status: Status };

/** Rejects the upgrade with a Status body (kubectl prints it like any API error). */
export function refuse(socket: Duplex, status: Status): void {
  const body = JSON.stringify(status);
  socket.end(`HTTP/1.1 ${status.code ?? 500} ${status.reason ?? 'Error'}\r\nContent-Type: application/json\r\nContent-Length: ${Buffer.byteLength(body)}\r\nConnection: close\r\n\r\n${body}`);
}

/** The kubelet's streaming server answers a failed upgrade with the bare error text (streaming.WriteError). */
function refuseAsKubelet(socket: Duplex, text: string): void {
  socket.end(`HTTP/1.1 500 Internal Server Error\r\nContent-Type: text/plain; charset=utf-8\r\nContent-Length: ${Buffer.byteLength(text)}\r\nConnection: close\r\n\r\n${text}`);
}

const INTERNAL_PREFIX = 'Internal error occurred: ';

/** A kubelet refusal is a 500 whose message is the kubelet's bare text; in-stream failures already carry the InternalError wording. */
function isUpgradeRefusal(s: Status): boolean {
  return s.code === 500 && !(s.message ?? '').startsWith(INTERNAL_PREFIX);
}

/** What the stream translator reports on the error channel when its SPDY call to the kubelet fails. */
function translatedStatus(s: Status): Status {
  return isUpgradeRefusal(s) ? internalError(`unable to upgrade connection: ${s.message ?? ''}`) : s;
}

function offersV5(req: IncomingMessage): boolean {
  return isWebSocketRequest(req) && String(req.headers['sec-websocket-protocol'] ?? '').split(',').some((p) => p.trim() === CHANNEL_PROTOCOLS[0]);
}

/** Client-side stdio: a Pipe fed by the stdin channel; outputs held here until the channel writer exists. */
function clientStdio(tty: boolean): { stdin: Pipe; out: (channel: number) => OutputStream; connect: (w: ChannelWriter | undefined) => void } {
  const stdin = new Pipe();
  let writer: ChannelWriter | undefined;
  let connected = false;
  const early: [number, string][] = [];
  return {
    stdin,
    out: (channel) => ({ write: (d: string) => void (writer ? writer.send(channel, d) : connected || early.push([channel, d])), isTTY: tty }),
    /** Hands the held output to the session's writer; without one (no session) output is dropped from now on. */
    connect(w) {
      writer = w;
      connected = true;
      const held = early.splice(0);
      if (w) for (const [channel, d] of held) w.send(channel, d);
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

/** Answers a start failure where the real cluster does (see the module comment). */
function refuseStart(req: IncomingMessage, socket: Duplex, status: Status): void {
  if (status.code !== 500) return refuse(socket, status);
  if (offersV5(req)) {
    const accepted = acceptWebSocket(req, socket, CHANNEL_PROTOCOLS);
    if (accepted) new ChannelWriter(accepted.ws).finish(translatedStatus(status));
    return;
  }
  if (isUpgradeRefusal(status)) return refuseAsKubelet(socket, status.message ?? '');
  refuse(socket, status);
}

/** How long a finished process's session waits for a client still sending input (wall ms). */
const INPUT_GRACE_MS = 1000;

export interface RemoteCommand {
  kind: 'exec' | 'attach';
  argv: string[];
  start: StartStream;
  /** Called once the client's input has ended (closed, disconnected, or never asked for). */
  onInputEnd?: () => void;
}

export function serveRemoteCommand(req: IncomingMessage, socket: Duplex, time: TimeDriver, q: URLSearchParams, cmd: RemoteCommand): void {
  const tty = q.get('tty') === 'true';
  const client = clientStdio(tty);
  let inputOpen = true;
  const inputEnded = new Deferred<void>();
  const endInput = (): void => {
    client.stdin.close();
    if (inputOpen) cmd.onInputEnd?.();
    inputOpen = false;
    inputEnded.resolve();
  };
  if (q.get('stdin') !== 'true') endInput();
  // With -t the process gets a terminal (line discipline, echo, ^C) whose screen goes back on stdout.
  const pty = tty ? openPty({ stdin: client.stdin, stdout: client.out(Channel.stdout) }) : undefined;
  const stdio = pty
    ? { stdin: pty.stdin, stdout: pty.stdout, stderr: pty.stderr, tty }
    : { stdin: client.stdin, stdout: client.out(Channel.stdout), stderr: client.out(Channel.stderr), tty };
  const started = cmd.start(stdio);
  if (!started.ok) {
    pty?.close();
    endInput();
    return refuseStart(req, socket, started.status);
  }
  const proc = started.proc;
  const accepted = isWebSocketRequest(req) ? acceptWebSocket(req, socket, CHANNEL_PROTOCOLS) : undefined;
  if (!accepted) {
    // Not a WebSocket (kubectl's SPDY fallback) or no common subprotocol: an exec stops, an attached container runs on unwatched.
    client.connect(undefined);
    endInput();
    if (cmd.kind === 'exec') proc.kill(9);
    pty?.close();
    if (!isWebSocketRequest(req)) refuse(socket, badRequest('podsim serves streaming subresources over WebSocket only'));
    return;
  }
  const sock = accepted.ws;
  const writer = new ChannelWriter(sock);
  const input = new StringDecoder('utf8');
  client.connect(writer);
  sock.onMessage((msg) => {
    if (msg.length === 0) return;
    const ch = msg[0];
    // One decoder per session: a character split across two messages (a big kubectl cp archive) stays whole.
    if (ch === Channel.stdin) client.stdin.write(input.write(msg.subarray(1)));
    else if (ch === Channel.close && msg[1] === Channel.stdin) endInput();
    else if (ch === Channel.resize) {
      const size = parseSize(msg.subarray(1));
      if (size && pty) pty.tty.resize(size.cols, size.rows);
    }
    time.settle();
  });
  sock.onClose(() => {
    endInput();
    pty?.close();
  });
  proc.exited.subscribe((code) => {
    pty?.close();
    const finish = (): void => {
      if (sock.isOpen) writer.finish(cmd.kind === 'attach' ? attachStatus() : exitStatus(code, cmd.argv));
    };
    if (!inputOpen || tty) return finish();
    // A simulated process ends in no time, often before kubectl has sent its last stdin frame and the
    // stdin close (kubectl cp's archive trailer): closing now makes client-go log "websocket: close sent".
    // The session ends once the client's input has, or after a short grace for a client that keeps it open.
    const grace = setTimeout(finish, INPUT_GRACE_MS);
    inputEnded.subscribe(() => {
      clearTimeout(grace);
      finish();
    });
  });
  time.settle();
  time.runUntil(() => proc.exited.isSettled || !sock.isOpen);
}

/** Routes `exec`/`attach` upgrades of one pod to the cluster's streams; `onInputEnd` as in RemoteCommand. */
export function serveExecLike(kind: 'exec' | 'attach', streams: PodStreams, req: IncomingMessage, socket: Duplex, time: TimeDriver, namespace: string, pod: string, q: URLSearchParams, onInputEnd?: () => void): void {
  const container = q.get('container') || undefined;
  const argv = q.getAll('command');
  if (kind === 'exec') {
    if (argv.length === 0) {
      onInputEnd?.();
      return refuse(socket, badRequest('you must specify at least 1 command'));
    }
    return serveRemoteCommand(req, socket, time, q, { kind, argv, start: (stdio) => streams.exec(namespace, pod, container, argv, stdio), onInputEnd });
  }
  if (!streams.attach) {
    onInputEnd?.();
    return refuse(socket, badRequest('attach is not supported'));
  }
  const attach = streams.attach.bind(streams);
  return serveRemoteCommand(req, socket, time, q, { kind, argv, start: (stdio) => attach(namespace, pod, container, stdio), onInputEnd });
}
