import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { controlFrame, dataFrame, decodeHeaderBlock, encodeHeaderBlock, Flag, FrameReader, FrameType, goAwayFrame, parseIdAndValue, parsePingId, parseSynStream, pingFrame, rstStreamFrame, RstStatus, synReplyPayload } from './framing.js';

const hex = (s: string) => Buffer.from(s.replace(/\s+/g, ''), 'hex');

describe('SPDY/3.1 frames against the spec layout', () => {
  it('encodes control frames: version 3, type, flags, 24-bit length', () => {
    expect(pingFrame(1).toString('hex')).toBe('80030006' + '00000004' + '00000001');
    expect(rstStreamFrame(5, RstStatus.cancel).toString('hex')).toBe('80030003' + '00000008' + '00000005' + '00000005');
    expect(goAwayFrame(7, 0).toString('hex')).toBe('80030007' + '00000008' + '00000007' + '00000000');
    expect(controlFrame(FrameType.synReply, Flag.fin, synReplyPayload(3, hex('abcd'))).toString('hex')).toBe('80030002' + '01000006' + '00000003' + 'abcd');
  });

  it('encodes data frames: stream id, FIN flag, length', () => {
    expect(dataFrame(1, Flag.fin, Buffer.from('hi')).toString('hex')).toBe('00000001' + '01000002' + '6869');
    expect(dataFrame(0x7fffffff, 0, Buffer.alloc(0)).toString('hex')).toBe('7fffffff' + '00000000');
  });

  it('reads frames split anywhere and several per chunk', () => {
    const wire = Buffer.concat([pingFrame(9), dataFrame(3, Flag.fin, Buffer.from('body')), rstStreamFrame(3, RstStatus.cancel)]);
    for (let cut = 0; cut <= wire.length; cut++) {
      const r = new FrameReader();
      const frames = [...r.push(wire.subarray(0, cut)), ...r.push(wire.subarray(cut))];
      expect(frames).toEqual([
        { control: true, version: 3, type: FrameType.ping, flags: 0, payload: hex('00000009') },
        { control: false, streamId: 3, flags: Flag.fin, data: Buffer.from('body') },
        { control: true, version: 3, type: FrameType.rstStream, flags: 0, payload: hex('00000003 00000005') },
      ]);
    }
  });

  it('parses the fixed fields of the frames kubectl sends', () => {
    // SYN_STREAM from kubectl 1.32 (captured): stream 1, no associated stream, priority 0, slot 0.
    const syn = new FrameReader().push(hex('80030001 0000003d 00000001 00000000 0000 78f9e3c6a7c202253a703a2b294a4dcc851625aca9a0808614cb45a024cc6461c0c0c0c0590489c44c50e2663400000000ffff'));
    expect(syn).toHaveLength(1);
    const f = syn[0];
    if (!f.control) throw new Error('expected a control frame');
    expect([f.type, f.flags]).toEqual([FrameType.synStream, 0]);
    expect(parseSynStream(f.payload)).toMatchObject({ streamId: 1, associatedTo: 0, priority: 0 });
    expect(parseSynStream(f.payload)?.block.subarray(0, 6).toString('hex')).toBe('78f9e3c6a7c2');
    expect(parseSynStream(hex('00000001'))).toBeUndefined();
    expect(parseIdAndValue(hex('80000003 00000005'))).toEqual({ id: 3, value: 5 });
    expect(parsePingId(hex('00000001'))).toBe(1);
    expect(parsePingId(hex('0001'))).toBeUndefined();
  });
});

describe('header blocks', () => {
  it('lays out a count, then length-prefixed lowercase names and values', () => {
    expect(encodeHeaderBlock([['Port', '80']]).toString('hex')).toBe('00000001' + '00000004' + Buffer.from('port').toString('hex') + '00000002' + '3830');
    expect(encodeHeaderBlock([]).toString('hex')).toBe('00000000');
  });

  it('splits NUL-joined values and rejects truncated or overlong blocks', () => {
    const block = encodeHeaderBlock([['a', 'x\0y'], ['b', '']]);
    expect(decodeHeaderBlock(block)).toEqual(new Map([['a', ['x', 'y']], ['b', ['']]]));
    expect(decodeHeaderBlock(block.subarray(0, block.length - 1))).toBeUndefined();
    expect(decodeHeaderBlock(Buffer.concat([block, Buffer.from([0])]))).toBeUndefined();
    expect(decodeHeaderBlock(hex('00000005'))).toBeUndefined();
  });

  it('round-trips any list of distinct names', () => {
    const name = fc.stringMatching(/^[a-z][a-z0-9-]{0,15}$/);
    const value = fc.string({ maxLength: 40 }).filter((v) => !v.includes('\0'));
    fc.assert(
      fc.property(fc.uniqueArray(fc.tuple(name, value), { selector: (t) => t[0], maxLength: 8 }), (pairs) => {
        expect(decodeHeaderBlock(encodeHeaderBlock(pairs))).toEqual(new Map(pairs.map(([n, v]) => [n, [v]])));
      }),
    );
  });

  it('round-trips frames through the reader', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 0x7fffffff }), fc.uint8Array({ maxLength: 300 }), fc.boolean(), (id, bytes, fin) => {
        const [f] = new FrameReader().push(dataFrame(id, fin ? Flag.fin : 0, Buffer.from(bytes)));
        expect(f).toEqual({ control: false, streamId: id, flags: fin ? Flag.fin : 0, data: Buffer.from(bytes) });
      }),
    );
  });
});
