/**
 * The server side of RFC 6455, just what kubectl's channel protocols need: the upgrade handshake with
 * subprotocol choice, unfragmented binary/text frames out, masked (possibly fragmented) frames in,
 * ping/pong and the close handshake. Written here rather than pulled in to keep podsim dependency-free.
 */
import { createHash } from 'node:crypto';
import type { IncomingMessage } from 'node:http';
import type { Duplex } from 'node:stream';

const GUID = '258EAFA5-E914-47DA-95CA-C5AB0DC85B11';

export const Opcode = { continuation: 0, text: 1, binary: 2, close: 8, ping: 9, pong: 10 } as const;

export interface Frame {
  fin: boolean;
  opcode: number;
  payload: Buffer;
}

export function acceptKey(key: string): string {
  return createHash('sha1').update(key + GUID).digest('base64');
}

/** One unmasked frame, as a server sends them. */
export function encodeFrame(opcode: number, payload: Buffer = Buffer.alloc(0), fin = true): Buffer {
  const len = payload.length;
  const head = len < 126 ? Buffer.alloc(2) : len < 65536 ? Buffer.alloc(4) : Buffer.alloc(10);
  head[0] = (fin ? 0x80 : 0) | opcode;
  if (len < 126) head[1] = len;
  else if (len < 65536) {
    head[1] = 126;
    head.writeUInt16BE(len, 2);
  } else {
    head[1] = 127;
    head.writeBigUInt64BE(BigInt(len), 2);
  }
  return Buffer.concat([head, payload]);
}

/** Splits a byte stream into frames, unmasking client payloads; keeps partial frames for the next push. */
export class FrameDecoder {
  private buf: Buffer = Buffer.alloc(0);

  push(chunk: Buffer): Frame[] {
    this.buf = this.buf.length ? Buffer.concat([this.buf, chunk]) : chunk;
    const frames: Frame[] = [];
    for (;;) {
      const f = this.next();
      if (!f) return frames;
      frames.push(f);
    }
  }

  private next(): Frame | undefined {
    const b = this.buf;
    if (b.length < 2) return undefined;
    const masked = (b[1] & 0x80) !== 0;
    let len = b[1] & 0x7f;
    let off = 2;
    if (len === 126) {
      if (b.length < 4) return undefined;
      len = b.readUInt16BE(2);
      off = 4;
    } else if (len === 127) {
      if (b.length < 10) return undefined;
      len = Number(b.readBigUInt64BE(2));
      off = 10;
    }
    const maskOff = off;
    if (masked) off += 4;
    if (b.length < off + len) return undefined;
    const payload = Buffer.from(b.subarray(off, off + len));
    if (masked) for (let i = 0; i < len; i++) payload[i] ^= b[maskOff + (i % 4)];
    this.buf = b.subarray(off + len);
    return { fin: (b[0] & 0x80) !== 0, opcode: b[0] & 0x0f, payload };
  }
}

/** An open WebSocket over an upgraded socket: whole messages in, binary messages out. */
export class WebSocket {
  private readonly decoder = new FrameDecoder();
  private fragments: Buffer[] = [];
  private closed = false;
  private readonly messageListeners: ((data: Buffer) => void)[] = [];
  private readonly closeListeners: (() => void)[] = [];
  private readonly pongListeners: ((data: Buffer) => void)[] = [];

  constructor(private readonly socket: Duplex) {
    socket.on('data', (chunk: Buffer) => this.receive(chunk));
    socket.on('close', () => this.finish());
    socket.on('error', () => this.finish());
  }

  onMessage(fn: (data: Buffer) => void): void {
    this.messageListeners.push(fn);
  }

  onClose(fn: () => void): void {
    if (this.closed) fn();
    else this.closeListeners.push(fn);
  }

  /** Pongs are how a peer proves it has read everything sent before the matching ping. */
  onPong(fn: (data: Buffer) => void): void {
    this.pongListeners.push(fn);
  }

  ping(data: Buffer): void {
    this.send(data, Opcode.ping);
  }

  get isOpen(): boolean {
    return !this.closed;
  }

  send(data: Buffer, opcode: number = Opcode.binary): void {
    if (!this.closed) this.socket.write(encodeFrame(opcode, data));
  }

  /** Starts the close handshake (1000 = normal) and ends the socket. */
  close(code = 1000): void {
    if (this.closed) return;
    const body = Buffer.alloc(2);
    body.writeUInt16BE(code);
    this.socket.end(encodeFrame(Opcode.close, body));
    this.finish();
  }

  private receive(chunk: Buffer): void {
    for (const f of this.decoder.push(chunk)) {
      if (f.opcode === Opcode.ping) this.send(f.payload, Opcode.pong);
      else if (f.opcode === Opcode.close) this.close();
      else if (f.opcode === Opcode.pong) for (const l of this.pongListeners) l(f.payload);
      else {
        this.fragments.push(f.payload);
        if (!f.fin) continue;
        const msg = Buffer.concat(this.fragments);
        this.fragments = [];
        for (const l of this.messageListeners) l(msg);
      }
    }
  }

  private finish(): void {
    if (this.closed) return;
    this.closed = true;
    for (const l of this.closeListeners.splice(0)) l();
  }
}

/** Whether the request asks for a WebSocket upgrade. */
export function isWebSocketRequest(req: IncomingMessage): boolean {
  return (req.headers.upgrade ?? '').toLowerCase() === 'websocket' && typeof req.headers['sec-websocket-key'] === 'string';
}

/**
 * Completes the handshake choosing the first of `supported` the client offered (kubectl lists its
 * preference order; servers pick by their own). Returns undefined (after a 400) when none matches.
 */
export function acceptWebSocket(req: IncomingMessage, socket: Duplex, supported: string[]): { ws: WebSocket; protocol: string } | undefined {
  const offered = String(req.headers['sec-websocket-protocol'] ?? '')
    .split(',')
    .map((p) => p.trim())
    .filter(Boolean);
  const protocol = supported.find((p) => offered.includes(p));
  if (!protocol) {
    socket.end('HTTP/1.1 400 Bad Request\r\nContent-Type: text/plain\r\nConnection: close\r\n\r\nunsupported websocket subprotocol\n');
    return undefined;
  }
  const key = String(req.headers['sec-websocket-key']);
  socket.write(
    `HTTP/1.1 101 Switching Protocols\r\nUpgrade: websocket\r\nConnection: Upgrade\r\nSec-WebSocket-Accept: ${acceptKey(key)}\r\nSec-WebSocket-Protocol: ${protocol}\r\n\r\n`,
  );
  return { ws: new WebSocket(socket), protocol };
}
