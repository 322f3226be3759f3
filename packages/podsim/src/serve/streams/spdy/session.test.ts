import { describe, expect, it } from 'vitest';
import { controlFrame, dataFrame, decodeHeaderBlock, encodeHeaderBlock, Flag, FrameReader, FrameType, GoAwayStatus, pingFrame, rstStreamFrame, RstStatus, type Frame, type HeaderList } from './framing.js';
import { headerCompressor, headerDecompressor } from './header-compression.js';
import { SpdySession, type SpdyStream } from './session.js';

/** A hand-driven client: sends frames the way spdystream does and decodes what the server says. */
function harness(accept: (s: SpdyStream) => boolean = () => true) {
  const out: Frame[] = [];
  const reader = new FrameReader();
  const streams: SpdyStream[] = [];
  let ended = false;
  let closed = false;
  const session = new SpdySession(
    { write: (b) => out.push(...reader.push(b)), end: () => (ended = true) },
    { accept, onStream: (s) => streams.push(s), onClose: () => (closed = true) },
  );
  const compressor = headerCompressor();
  const decompressor = headerDecompressor();
  const flush = () => new Promise((r) => setImmediate(r)).then(() => session.idle()).then(() => new Promise((r) => setImmediate(r)));
  return {
    session,
    out,
    streams,
    get ended() {
      return ended;
    },
    get closed() {
      return closed;
    },
    flush,
    async syn(id: number, headers: HeaderList, flags = 0): Promise<void> {
      await this.control(FrameType.synStream, 10, id, headers, flags);
    },
    /** SYN_STREAM has 10 bytes before its header block, HEADERS 4. */
    async control(type: number, fixedSize: number, id: number, headers: HeaderList, flags = 0): Promise<void> {
      const block = await compressor.process(encodeHeaderBlock(headers));
      const fixed = Buffer.alloc(fixedSize);
      fixed.writeUInt32BE(id, 0);
      session.receive(controlFrame(type, flags, Buffer.concat([fixed, block])));
      await flush();
    },
    async send(b: Buffer): Promise<void> {
      session.receive(b);
      await flush();
    },
    async replyHeaders(f: Frame) {
      if (!f.control) throw new Error('not a control frame');
      return decodeHeaderBlock(await decompressor.process(f.payload.subarray(4)));
    },
  };
}

const control = (f: Frame | undefined) => (f && f.control ? { type: f.type, flags: f.flags, payload: f.payload.toString('hex') } : f);

describe('SpdySession', () => {
  it('accepts a stream with an empty SYN_REPLY, then carries DATA both ways and FIN', async () => {
    const h = harness();
    await h.syn(1, [['streamtype', 'data'], ['port', '80']]);
    expect(h.streams.map((s) => [s.id, s.header('streamType'), s.header('PORT')])).toEqual([[1, 'data', '80']]);
    const reply = h.out.shift();
    expect(control(reply)).toMatchObject({ type: FrameType.synReply, flags: 0 });
    expect(await h.replyHeaders(reply!)).toEqual(new Map());
    const got: string[] = [];
    h.streams[0].on('data', (d: Buffer) => got.push(d.toString()));
    await h.send(Buffer.concat([dataFrame(1, 0, Buffer.from('GET ')), dataFrame(1, Flag.fin, Buffer.from('/')), dataFrame(1, Flag.fin, Buffer.from('late'))]));
    expect(got.join('')).toBe('GET /');
    expect(h.streams[0].readableEnded).toBe(true);
    h.streams[0].end('answer');
    await h.flush();
    expect(h.out).toEqual([
      { control: false, streamId: 1, flags: 0, data: Buffer.from('answer') },
      { control: false, streamId: 1, flags: Flag.fin, data: Buffer.alloc(0) },
    ]);
  });

  it('resets a stream destroyed early, but not one both sides finished', async () => {
    const h = harness();
    await h.syn(1, [['streamtype', 'data']]);
    await h.syn(3, [['streamtype', 'data']]);
    h.out.length = 0;
    const [early, clean] = h.streams;
    early.destroy();
    clean.resume();
    clean.end();
    await h.send(dataFrame(3, Flag.fin, Buffer.alloc(0)));
    expect([clean.destroyed, h.out.map(control)]).toEqual([
      true,
      [{ type: FrameType.rstStream, flags: 0, payload: '00000001' + '0000000' + RstStatus.cancel }, { control: false, streamId: 3, flags: Flag.fin, data: Buffer.alloc(0) }],
    ]);
  });

  it('splits large writes into 32 KiB DATA frames', async () => {
    const h = harness();
    await h.syn(1, [['streamtype', 'data']]);
    h.out.length = 0;
    h.streams[0].write(Buffer.alloc(70_000, 7));
    await h.flush();
    expect(h.out.map((f) => (f.control ? -1 : f.data.length))).toEqual([32768, 32768, 4464]);
  });

  it("echoes the client's pings and ignores answers to pings it never sent", async () => {
    const h = harness();
    await h.send(Buffer.concat([pingFrame(1), pingFrame(2), pingFrame(3)]));
    expect(h.out.map(control)).toEqual([
      { type: FrameType.ping, flags: 0, payload: '00000001' },
      { type: FrameType.ping, flags: 0, payload: '00000003' },
    ]);
  });

  it('refuses unwanted streams and streams with server-side (even) or reused ids', async () => {
    const h = harness((s) => s.header('streamtype') === 'data');
    await h.syn(1, [['streamtype', 'bogus']]);
    await h.syn(2, [['streamtype', 'data']]);
    await h.syn(5, [['streamtype', 'data']]);
    await h.syn(3, [['streamtype', 'data']]);
    expect(h.out.map(control)).toEqual([
      { type: FrameType.rstStream, flags: 0, payload: '00000001' + '0000000' + RstStatus.refusedStream },
      { type: FrameType.rstStream, flags: 0, payload: '00000002' + '0000000' + RstStatus.protocolError },
      expect.objectContaining({ type: FrameType.synReply }),
      { type: FrameType.rstStream, flags: 0, payload: '00000003' + '0000000' + RstStatus.protocolError },
    ]);
    expect(h.streams.map((s) => s.id)).toEqual([5]);
  });

  it('destroys a stream the client resets, and ignores DATA for streams it does not know', async () => {
    const h = harness();
    await h.syn(1, [['streamtype', 'data']]);
    await h.send(Buffer.concat([rstStreamFrame(1, RstStatus.cancel), dataFrame(9, 0, Buffer.from('x'))]));
    expect(h.streams[0].destroyed).toBe(true);
    expect(h.session.isOpen).toBe(true);
  });

  it('keeps the header context across HEADERS frames and ends a stream on their FIN', async () => {
    const h = harness();
    await h.syn(1, [['streamtype', 'data']]);
    h.streams[0].resume();
    await h.control(FrameType.headers, 4, 1, [['x-extra', 'ignored']], Flag.fin);
    await h.syn(3, [['streamtype', 'error']]);
    expect(h.streams.map((s) => [s.id, s.readableEnded, s.header('streamtype')])).toEqual([[1, true, 'data'], [3, false, 'error']]);
    expect(h.session.isOpen).toBe(true);
  });

  it('answers a corrupt header block with GOAWAY PROTOCOL_ERROR and ends the session', async () => {
    const h = harness();
    await h.syn(1, [['streamtype', 'data']]);
    h.out.length = 0;
    await h.send(controlFrame(FrameType.synStream, 0, Buffer.concat([Buffer.from('00000003000000000000', 'hex'), Buffer.from('garbage')])));
    expect(h.out.map(control)).toEqual([{ type: FrameType.goAway, flags: 0, payload: '00000001' + '0000000' + GoAwayStatus.protocolError }]);
    expect([h.ended, h.closed, h.session.isOpen, h.streams[0].destroyed]).toEqual([true, true, false, true]);
  });

  it('turns a failing stream handler into GOAWAY INTERNAL_ERROR for this session only', async () => {
    const h = harness(() => {
      throw new Error('handler bug');
    });
    await h.syn(1, [['streamtype', 'data']]);
    expect(h.out.map(control)).toEqual([{ type: FrameType.goAway, flags: 0, payload: '00000001' + '0000000' + GoAwayStatus.internalError }]);
    expect([h.ended, h.session.isOpen]).toEqual([true, false]);
  });

  it('destroys every stream when the transport goes away, and sends nothing after', async () => {
    const h = harness();
    await h.syn(1, [['streamtype', 'data']]);
    h.out.length = 0;
    h.session.transportClosed();
    h.streams[0].write('late');
    await h.send(pingFrame(5));
    expect([h.streams[0].destroyed, h.closed, h.out]).toEqual([true, true, []]);
  });
});
