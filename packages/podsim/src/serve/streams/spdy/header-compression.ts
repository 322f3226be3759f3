/**
 * SPDY/3 header block compression: one zlib stream per direction for the whole session, primed with
 * the SPDY dictionary, each block ending in a sync flush so the peer can decode it at once. Node's
 * zlib streams are asynchronous, so blocks go through a queue to keep the stream's order.
 */
import { constants, createDeflate, createInflate, type Deflate, type Inflate } from 'node:zlib';
import { SPDY3_DICTIONARY } from './dictionary.js';

/** One direction's zlib stream: `process` feeds a header block and resolves with the other form of it. */
export class HeaderZlib {
  private tail: Promise<unknown> = Promise.resolve();
  private failure: Error | undefined;
  private rejectCurrent: ((e: Error) => void) | undefined;

  constructor(private readonly z: Deflate | Inflate) {
    // A corrupt stream errors instead of calling the flush callback.
    z.on('error', (e: Error) => {
      this.failure = e;
      this.rejectCurrent?.(e);
    });
  }

  /** Feeds `input`, sync-flushes, and resolves with everything the stream produced for it. */
  process(input: Buffer): Promise<Buffer> {
    const next = this.tail.then(
      () =>
        new Promise<Buffer>((resolve, reject) => {
          if (this.failure) return reject(this.failure);
          this.rejectCurrent = reject;
          this.z.write(input);
          this.z.flush(constants.Z_SYNC_FLUSH, () => {
            this.rejectCurrent = undefined;
            if (this.failure) return reject(this.failure);
            const out: Buffer[] = [];
            for (let c: Buffer | null; (c = this.z.read() as Buffer | null) !== null; ) out.push(c);
            resolve(Buffer.concat(out));
          });
        }),
    );
    this.tail = next.catch(() => undefined);
    return next;
  }

  close(): void {
    this.z.destroy();
  }
}

/** Compresses the header blocks this side sends. */
export function headerCompressor(): HeaderZlib {
  return new HeaderZlib(createDeflate({ dictionary: SPDY3_DICTIONARY }));
}

/** Decompresses the header blocks the peer sends; a corrupt stream rejects (a session error). */
export function headerDecompressor(): HeaderZlib {
  return new HeaderZlib(createInflate({ dictionary: SPDY3_DICTIONARY }));
}
