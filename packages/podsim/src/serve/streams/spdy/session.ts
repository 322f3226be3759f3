/**
 * The server end of a SPDY/3.1 session, as the kubelet's streaming server runs it for kubectl: the
 * client opens streams (SYN_STREAM, odd ids), the server accepts each with an empty SYN_REPLY or
 * refuses it with RST_STREAM, answers PINGs, and both sides half-close streams with FIN. Flow control
 * windows are not enforced: the Go client (moby/spdystream) neither sends nor honours WINDOW_UPDATE.
 *
 * Each stream is a Node Duplex: DATA in is readable, writes go out as DATA, end() sends FIN, a peer
 * RST_STREAM or the end of the session destroys it, and destroying it before both sides finished
 * sends RST_STREAM. Header blocks share one zlib context per
 * direction, so frames are handled strictly in order through promise queues.
 */
import { Duplex } from 'node:stream';
import {
  controlFrame,
  dataFrame,
  decodeHeaderBlock,
  encodeHeaderBlock,
  Flag,
  FrameReader,
  FrameType,
  goAwayFrame,
  GoAwayStatus,
  parseIdAndValue,
  parsePingId,
  parseSynStream,
  pingFrame,
  rstStreamFrame,
  RstStatus,
  SPDY_VERSION,
  synReplyPayload,
  type Frame,
} from './framing.js';
import { headerCompressor, headerDecompressor } from './header-compression.js';

/** Where the session's bytes go: a raw upgraded socket or a WebSocket tunnel. */
export interface SpdyTransport {
  write(data: Buffer): void;
  end(): void;
}

const MAX_DATA_CHUNK = 32 * 1024;

export class SpdyStream extends Duplex {
  constructor(
    readonly id: number,
    readonly headers: Map<string, string[]>,
    private readonly session: SpdySession,
  ) {
    super({ allowHalfOpen: true });
  }

  /** First value of a request header (names are case-insensitive). */
  header(name: string): string | undefined {
    return this.headers.get(name.toLowerCase())?.[0];
  }

  /** Set when the peer reset the stream or the session ended: nothing left to tell the peer. */
  private gone = false;
  private finReceived = false;

  /** The session's side of an ending the peer caused. */
  abandon(): void {
    this.gone = true;
    this.destroy();
  }

  override _read(): void {
    // DATA frames are pushed as they arrive
  }

  override _write(chunk: Buffer, _enc: BufferEncoding, done: (err?: Error | null) => void): void {
    // http.Server ends its sockets with an empty write: not worth a frame.
    if (chunk.length === 0) return done();
    this.session.sendData(this.id, chunk, false).then(() => done(), done);
  }

  override _final(done: (err?: Error | null) => void): void {
    this.session.sendData(this.id, Buffer.alloc(0), true).then(() => done(), done);
  }

  /** Destroyed before both sides finished (a listener gone, a parse error): RST_STREAM CANCEL. */
  override _destroy(err: Error | null, done: (err?: Error | null) => void): void {
    if (!this.gone && !(this.readableEnded && this.writableFinished)) this.session.sendReset(this.id, RstStatus.cancel);
    done(err);
  }

  /** Called by the session for the peer's DATA and FIN; anything after a FIN is the peer's error, dropped. */
  receive(data: Buffer, fin: boolean): void {
    if (this.destroyed || this.finReceived) return;
    if (data.length) this.push(data);
    if (fin) {
      this.finReceived = true;
      this.push(null);
    }
  }
}

export interface SessionOptions {
  /** Whether to take a new stream from the client; refused ones get RST_STREAM REFUSED_STREAM. */
  accept(stream: SpdyStream): boolean;
  /** An accepted stream, after its SYN_REPLY is queued (so anything written follows the reply). */
  onStream(stream: SpdyStream): void;
  /** The transport is gone or the session failed. */
  onClose?(): void;
}

export class SpdySession {
  private readonly reader = new FrameReader();
  private readonly compressor = headerCompressor();
  private readonly decompressor = headerDecompressor();
  private readonly streams = new Map<number, SpdyStream>();
  private inbound: Promise<void> = Promise.resolve();
  private outbound: Promise<void> = Promise.resolve();
  private lastStreamId = 0;
  private peerGoingAway = false;
  private closed = false;
  private transportGone = false;

  constructor(
    private readonly transport: SpdyTransport,
    private readonly opts: SessionOptions,
  ) {}

  get isOpen(): boolean {
    return !this.closed;
  }

  /** Bytes from the transport. */
  receive(chunk: Buffer): void {
    if (this.closed) return;
    for (const frame of this.reader.push(chunk)) {
      // A failure in a handler costs this session (GOAWAY INTERNAL_ERROR), never the server.
      this.inbound = this.inbound.then(() => (this.closed ? undefined : this.handle(frame))).catch(() => this.close(GoAwayStatus.internalError));
    }
  }

  /** Resolves once every frame received so far is handled and every frame queued is written. */
  async idle(): Promise<void> {
    for (;;) {
      const [i, o] = [this.inbound, this.outbound];
      await i;
      await o;
      if (i === this.inbound && o === this.outbound) return;
    }
  }

  /** Says GOAWAY and closes the transport (server shutdown or a protocol error). */
  close(status: number = GoAwayStatus.ok): void {
    if (this.closed) return;
    void this.enqueue(() => goAwayFrame(this.lastStreamId, status));
    this.outbound = this.outbound.then(() => this.endTransport());
    this.terminate();
  }

  /** The transport closed under us. */
  transportClosed(): void {
    this.transportGone = true;
    this.terminate();
  }

  sendData(id: number, data: Buffer, fin: boolean): Promise<void> {
    if (data.length <= MAX_DATA_CHUNK) return this.enqueue(() => dataFrame(id, fin ? Flag.fin : 0, data));
    let last: Promise<void> = Promise.resolve();
    for (let off = 0; off < data.length; off += MAX_DATA_CHUNK) {
      const end = Math.min(off + MAX_DATA_CHUNK, data.length);
      last = this.enqueue(() => dataFrame(id, fin && end === data.length ? Flag.fin : 0, data.subarray(off, end)));
    }
    return last;
  }

  sendReset(id: number, status: number): void {
    void this.enqueue(() => rstStreamFrame(id, status));
  }

  /** Frames leave in the order they were queued, header blocks compressed in that order too. */
  private enqueue(make: () => Buffer | Promise<Buffer>): Promise<void> {
    if (this.closed) return Promise.resolve();
    const next = this.outbound.then(async () => {
      const frame = await make();
      if (!this.transportGone) this.transport.write(frame);
    });
    this.outbound = next.catch(() => this.fail());
    return this.outbound;
  }

  private async handle(frame: Frame): Promise<void> {
    if (!frame.control) return this.streams.get(frame.streamId)?.receive(frame.data, (frame.flags & Flag.fin) !== 0);
    if (frame.version !== SPDY_VERSION) return this.close(GoAwayStatus.protocolError);
    switch (frame.type) {
      case FrameType.synStream:
        return this.onSynStream(frame.payload, frame.flags);
      case FrameType.headers:
        return this.onHeaders(frame.payload, frame.flags);
      case FrameType.rstStream: {
        const rst = parseIdAndValue(frame.payload);
        if (rst) this.streams.get(rst.id)?.abandon();
        return;
      }
      case FrameType.ping: {
        const id = parsePingId(frame.payload);
        // Odd ids are the client's pings, to be echoed; even ones would answer pings of ours.
        if (id !== undefined && id % 2 === 1) void this.enqueue(() => pingFrame(id));
        return;
      }
      case FrameType.goAway:
        this.peerGoingAway = true;
        return;
      default:
        // SETTINGS and WINDOW_UPDATE: no flow control here (see the module comment).
        return;
    }
  }

  private async onSynStream(payload: Buffer, flags: number): Promise<void> {
    const syn = parseSynStream(payload);
    if (!syn) return this.close(GoAwayStatus.protocolError);
    const headers = await this.readHeaders(syn.block);
    if (!headers) return;
    if (syn.streamId % 2 === 0 || syn.streamId <= this.lastStreamId || this.peerGoingAway) {
      this.sendReset(syn.streamId, RstStatus.protocolError);
      return;
    }
    this.lastStreamId = syn.streamId;
    const stream = new SpdyStream(syn.streamId, headers, this);
    this.streams.set(stream.id, stream);
    stream.once('close', () => this.streams.delete(stream.id));
    if (flags & Flag.fin) stream.receive(Buffer.alloc(0), true);
    if (!this.opts.accept(stream)) {
      this.sendReset(stream.id, RstStatus.refusedStream);
      stream.abandon();
      return;
    }
    void this.enqueue(async () => controlFrame(FrameType.synReply, 0, synReplyPayload(stream.id, await this.compressor.process(encodeHeaderBlock([])))));
    this.opts.onStream(stream);
  }

  /** HEADERS frames carry nothing port-forward needs, but their blocks keep the zlib context in step. */
  private async onHeaders(payload: Buffer, flags: number): Promise<void> {
    if (payload.length < 4) return this.close(GoAwayStatus.protocolError);
    if (!(await this.readHeaders(payload.subarray(4)))) return;
    if (flags & Flag.fin) this.streams.get(payload.readUInt32BE(0) & 0x7fffffff)?.receive(Buffer.alloc(0), true);
  }

  private async readHeaders(block: Buffer): Promise<Map<string, string[]> | undefined> {
    let headers: Map<string, string[]> | undefined;
    try {
      headers = decodeHeaderBlock(await this.decompressor.process(block));
    } catch {
      headers = undefined;
    }
    if (!headers) this.close(GoAwayStatus.protocolError);
    return headers;
  }

  private fail(): void {
    this.endTransport();
    this.terminate();
  }

  private endTransport(): void {
    if (this.transportGone) return;
    this.transportGone = true;
    this.transport.end();
  }

  private terminate(): void {
    if (this.closed) return;
    this.closed = true;
    // Let a GOAWAY already queued by close() go out before the compressors are torn down.
    void this.outbound.finally(() => {
      this.compressor.close();
      this.decompressor.close();
    });
    for (const s of this.streams.values()) s.abandon();
    this.streams.clear();
    this.opts.onClose?.();
  }
}
