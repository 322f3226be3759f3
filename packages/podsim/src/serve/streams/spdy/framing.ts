/**
 * SPDY/3.1 frames on the wire (draft-mbelshe-httpbis-spdy-00 §2.2, §2.6): an 8-byte header, then the
 * payload. Control frames: bit 0 set, 15-bit version (3), 16-bit type, 8-bit flags, 24-bit length.
 * Data frames: bit 0 clear, 31-bit stream id, 8-bit flags, 24-bit length. Header blocks (name/value
 * pairs, lengths as 32-bit big-endian) are built and parsed here uncompressed; compression is
 * header-compression.ts's job.
 */

export const SPDY_VERSION = 3;

export const FrameType = { synStream: 1, synReply: 2, rstStream: 3, settings: 4, ping: 6, goAway: 7, headers: 8, windowUpdate: 9 } as const;

export const Flag = { fin: 0x01, unidirectional: 0x02 } as const;

export const RstStatus = { protocolError: 1, invalidStream: 2, refusedStream: 3, unsupportedVersion: 4, cancel: 5, internalError: 6, flowControlError: 7, streamInUse: 8, streamAlreadyClosed: 9 } as const;

export const GoAwayStatus = { ok: 0, protocolError: 1, internalError: 2 } as const;

const HEADER_SIZE = 8;
const MAX_LENGTH = 0xffffff;
const ID_MASK = 0x7fffffff;

export type Frame =
  | { control: false; streamId: number; flags: number; data: Buffer }
  | { control: true; version: number; type: number; flags: number; payload: Buffer };

/** Cuts a byte stream into frames; a partial frame waits for the next chunk. */
export class FrameReader {
  private buf: Buffer = Buffer.alloc(0);

  push(chunk: Buffer): Frame[] {
    this.buf = this.buf.length ? Buffer.concat([this.buf, chunk]) : chunk;
    const frames: Frame[] = [];
    while (this.buf.length >= HEADER_SIZE) {
      const length = this.buf.readUInt32BE(4) & MAX_LENGTH;
      if (this.buf.length < HEADER_SIZE + length) break;
      frames.push(parseFrame(this.buf.subarray(0, HEADER_SIZE + length)));
      this.buf = this.buf.subarray(HEADER_SIZE + length);
    }
    return frames;
  }
}

function parseFrame(b: Buffer): Frame {
  const first = b.readUInt32BE(0);
  const flags = b[4];
  const body = Buffer.from(b.subarray(HEADER_SIZE));
  if (first & 0x80000000) return { control: true, version: (first >>> 16) & 0x7fff, type: first & 0xffff, flags, payload: body };
  return { control: false, streamId: first & ID_MASK, flags, data: body };
}

function header(first: number, flags: number, length: number): Buffer {
  if (length > MAX_LENGTH) throw new RangeError(`SPDY frame payload of ${length} bytes exceeds 24 bits`);
  const h = Buffer.alloc(HEADER_SIZE);
  h.writeUInt32BE(first >>> 0, 0);
  h.writeUInt32BE(((flags << 24) | length) >>> 0, 4);
  return h;
}

export function controlFrame(type: number, flags: number, payload: Buffer): Buffer {
  return Buffer.concat([header(0x80000000 | (SPDY_VERSION << 16) | type, flags, payload.length), payload]);
}

export function dataFrame(streamId: number, flags: number, data: Buffer): Buffer {
  return Buffer.concat([header(streamId & ID_MASK, flags, data.length), data]);
}

function words(...values: number[]): Buffer {
  const b = Buffer.alloc(4 * values.length);
  values.forEach((v, i) => b.writeUInt32BE(v >>> 0, 4 * i));
  return b;
}

/** SYN_REPLY payload: stream id, then the (compressed) header block. */
export function synReplyPayload(streamId: number, block: Buffer): Buffer {
  return Buffer.concat([words(streamId & ID_MASK), block]);
}

export function rstStreamFrame(streamId: number, status: number): Buffer {
  return controlFrame(FrameType.rstStream, 0, words(streamId & ID_MASK, status));
}

export function pingFrame(id: number): Buffer {
  return controlFrame(FrameType.ping, 0, words(id));
}

export function goAwayFrame(lastGoodStreamId: number, status: number): Buffer {
  return controlFrame(FrameType.goAway, 0, words(lastGoodStreamId & ID_MASK, status));
}

export interface SynStream {
  streamId: number;
  associatedTo: number;
  priority: number;
  /** Compressed header block. */
  block: Buffer;
}

/** SYN_STREAM payload: stream id, associated stream id, 3-bit priority, slot, header block. */
export function parseSynStream(payload: Buffer): SynStream | undefined {
  if (payload.length < 10) return undefined;
  return { streamId: payload.readUInt32BE(0) & ID_MASK, associatedTo: payload.readUInt32BE(4) & ID_MASK, priority: payload[8] >> 5, block: payload.subarray(10) };
}

/** The stream (or last-good-stream) id and the 32-bit value after it: RST_STREAM, GOAWAY, WINDOW_UPDATE. */
export function parseIdAndValue(payload: Buffer): { id: number; value: number } | undefined {
  if (payload.length < 8) return undefined;
  return { id: payload.readUInt32BE(0) & ID_MASK, value: payload.readUInt32BE(4) };
}

export function parsePingId(payload: Buffer): number | undefined {
  return payload.length === 4 ? payload.readUInt32BE(0) : undefined;
}

/** Header names are lowercase on the wire; several values of one name are joined by NUL. */
export type HeaderList = [name: string, value: string][];

export function encodeHeaderBlock(headers: HeaderList): Buffer {
  const parts: Buffer[] = [words(headers.length)];
  for (const [name, value] of headers) {
    const n = Buffer.from(name.toLowerCase(), 'utf8');
    const v = Buffer.from(value, 'utf8');
    parts.push(words(n.length), n, words(v.length), v);
  }
  return Buffer.concat(parts);
}

/** Parses a decompressed header block; undefined when it is truncated or has trailing bytes. */
export function decodeHeaderBlock(block: Buffer): Map<string, string[]> | undefined {
  if (block.length < 4) return undefined;
  const count = block.readUInt32BE(0);
  const headers = new Map<string, string[]>();
  let off = 4;
  const field = (): string | undefined => {
    if (off + 4 > block.length) return undefined;
    const len = block.readUInt32BE(off);
    if (off + 4 + len > block.length) return undefined;
    const s = block.toString('utf8', off + 4, off + 4 + len);
    off += 4 + len;
    return s;
  };
  for (let i = 0; i < count; i++) {
    const name = field();
    const value = name === undefined ? undefined : field();
    if (name === undefined || value === undefined) return undefined;
    headers.set(name.toLowerCase(), [...(headers.get(name.toLowerCase()) ?? []), ...value.split('\0')]);
  }
  return off === block.length ? headers : undefined;
}
