import { PassThrough } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { acceptKey, encodeFrame, FrameDecoder, Opcode, WebSocket } from './websocket.js';

/** A client frame: always masked (RFC 6455 §5.3). */
function clientFrame(opcode: number, payload: Buffer, fin = true): Buffer {
  const mask = Buffer.from([1, 2, 3, 4]);
  const head = encodeFrame(opcode, payload, fin).subarray(0, payload.length < 126 ? 2 : payload.length < 65536 ? 4 : 10);
  head[1] |= 0x80;
  const body = Buffer.from(payload.map((b, i) => b ^ mask[i % 4]));
  return Buffer.concat([head, mask, body]);
}

describe('websocket framing', () => {
  it('computes the accept key of RFC 6455 §1.3', () => {
    expect(acceptKey('dGhlIHNhbXBsZSBub25jZQ==')).toBe('s3pPLMBiTxaQ9kYGzzhZRbK+xOo=');
  });

  it('encodes short, 16-bit and 64-bit lengths', () => {
    expect([...encodeFrame(Opcode.binary, Buffer.from([7]))]).toEqual([0x82, 1, 7]);
    const mid = encodeFrame(Opcode.text, Buffer.alloc(300));
    expect([mid[0], mid[1], mid.readUInt16BE(2), mid.length]).toEqual([0x81, 126, 300, 304]);
    const big = encodeFrame(Opcode.binary, Buffer.alloc(70000));
    expect([big[1], Number(big.readBigUInt64BE(2)), big.length]).toEqual([127, 70000, 70010]);
  });

  it('decodes masked frames split across arbitrary chunks', () => {
    const bytes = Buffer.concat([clientFrame(Opcode.binary, Buffer.from('\x00hello')), clientFrame(Opcode.text, Buffer.alloc(200, 0x61))]);
    const d = new FrameDecoder();
    const frames = [...bytes].flatMap((b) => d.push(Buffer.from([b])));
    expect(frames.map((f) => [f.opcode, f.fin, f.payload.length])).toEqual([
      [Opcode.binary, true, 6],
      [Opcode.text, true, 200],
    ]);
    expect(frames[0].payload.toString()).toBe('\x00hello');
  });

  it('joins fragmented messages, answers pings and closes on a close frame', () => {
    const socket = new PassThrough();
    const written: Buffer[] = [];
    const ws = new WebSocket(socket);
    const origWrite = socket.write.bind(socket);
    socket.write = ((b: Buffer) => (written.push(b), true)) as typeof socket.write;
    socket.end = ((b?: Buffer) => (b && written.push(b), origWrite(Buffer.alloc(0)), socket)) as typeof socket.end;
    const messages: string[] = [];
    let closed = false;
    ws.onMessage((m) => messages.push(m.toString()));
    ws.onClose(() => (closed = true));
    socket.emit('data', clientFrame(Opcode.text, Buffer.from('ab'), false));
    socket.emit('data', clientFrame(Opcode.ping, Buffer.from('p')));
    socket.emit('data', clientFrame(Opcode.continuation, Buffer.from('cd')));
    expect(messages).toEqual(['abcd']);
    expect([...written[0]]).toEqual([0x8a, 1, 0x70]);
    socket.emit('data', clientFrame(Opcode.close, Buffer.from([3, 232])));
    expect(closed).toBe(true);
    expect([...written[1]]).toEqual([0x88, 2, 3, 232]);
  });
});
