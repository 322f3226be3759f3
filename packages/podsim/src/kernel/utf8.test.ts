import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { utf8Length } from './utf8.js';

describe('utf8Length', () => {
  it('agrees with TextEncoder on any string, lone surrogates included', () => {
    fc.assert(fc.property(fc.string({ unit: 'binary' }), (s) => utf8Length(s) === new TextEncoder().encode(s).length));
    for (const s of ['', 'abc', 'é', '€', '😀', '\ud800', '\udc00x', 'a\ud83d']) expect(utf8Length(s)).toBe(new TextEncoder().encode(s).length);
  });
});

describe('utf8Length of long texts counted again', () => {
  it('answers for the text given, also after equal-length texts with other bytes and a full ring of others', () => {
    const bytes = (s: string) => new TextEncoder().encode(s).length;
    const ascii = 'a'.repeat(600);
    const accented = 'é'.repeat(600);
    const texts = [ascii, accented, 'b'.repeat(599) + '€', '😀'.repeat(300), 'x'.repeat(700), 'y'.repeat(800), ascii.slice(1) + 'é'];
    for (let round = 0; round < 3; round++) for (const s of texts) expect(utf8Length(s)).toBe(bytes(s));
    fc.assert(fc.property(fc.string({ unit: 'binary', minLength: 256, maxLength: 400 }), (s) => utf8Length(s) === bytes(s) && utf8Length(s) === bytes(s)));
  });
});
