import { inflateSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { SPDY3_DICTIONARY } from './dictionary.js';
import { decodeHeaderBlock, encodeHeaderBlock } from './framing.js';
import { headerCompressor, headerDecompressor } from './header-compression.js';

const hex = (s: string) => Buffer.from(s.replace(/\s+/g, ''), 'hex');

// kubectl 1.32's first two SYN_STREAM header blocks of a port-forward session (captured): the
// error stream, then the data stream, whose block only decodes in the context the first one left.
const ERROR_STREAM_BLOCK = hex('78f9e3c6a7c202253a703a2b294a4dcc851625aca9a0808614cb45a024cc6461c0c0c0c0590489c44c50e2663400000000ffff');
const DATA_STREAM_BLOCK = hex('c2aa15540a2512d209000000ffff');

describe('SPDY/3 header compression', () => {
  it('uses the 1423-byte spec dictionary (Adler-32 e3c6a7c2, as in every SPDY/3 zlib header)', () => {
    expect(SPDY3_DICTIONARY.length).toBe(1423);
    expect(SPDY3_DICTIONARY.subarray(0, 11).toString('latin1')).toBe('\0\0\0\x07options');
    expect(SPDY3_DICTIONARY.subarray(-9).toString('latin1')).toBe(',*,enq=0.');
    expect(ERROR_STREAM_BLOCK.subarray(2, 6).toString('hex')).toBe('e3c6a7c2');
  });

  it("decodes kubectl's blocks in one context per direction", async () => {
    const d = headerDecompressor();
    const first = decodeHeaderBlock(await d.process(ERROR_STREAM_BLOCK));
    const second = decodeHeaderBlock(await d.process(DATA_STREAM_BLOCK));
    expect(first).toEqual(new Map([['port', ['80']], ['requestid', ['0']], ['streamtype', ['error']]]));
    expect(second).toEqual(new Map([['port', ['80']], ['requestid', ['0']], ['streamtype', ['data']]]));
    d.close();
  });

  it('cannot decode a later block without the context of the earlier ones', async () => {
    const fresh = headerDecompressor();
    await expect(fresh.process(DATA_STREAM_BLOCK)).rejects.toThrow();
    fresh.close();
  });

  it('round-trips blocks in order, each flushed so it decodes alone', async () => {
    const c = headerCompressor();
    const d = headerDecompressor();
    const blocks = [[], [['streamtype', 'data'], ['port', '8080']], [['requestid', '12']], []] as [string, string][][];
    const compressed = await Promise.all(blocks.map((b) => c.process(encodeHeaderBlock(b))));
    expect(compressed[0].subarray(0, 6).toString('hex')).toBe('78bbe3c6a7c2');
    for (const block of compressed) expect(block.subarray(-4).toString('hex')).toBe('0000ffff');
    for (const [i, block] of compressed.entries()) expect(decodeHeaderBlock(await d.process(block))).toEqual(new Map(blocks[i].map(([n, v]) => [n, [v]])));
    // The same bytes as one zlib stream, for an independent decoder.
    const all = inflateSync(Buffer.concat(compressed), { dictionary: SPDY3_DICTIONARY, finishFlush: 2 });
    expect(all.length).toBe(blocks.reduce((n, b) => n + encodeHeaderBlock(b).length, 0));
    c.close();
    d.close();
  });
});
