import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { utf8Length } from './utf8.js';

describe('utf8Length', () => {
  it('agrees with TextEncoder on any string, lone surrogates included', () => {
    fc.assert(fc.property(fc.string({ unit: 'binary' }), (s) => utf8Length(s) === new TextEncoder().encode(s).length));
    for (const s of ['', 'abc', 'é', '€', '😀', '\ud800', '\udc00x', 'a\ud83d']) expect(utf8Length(s)).toBe(new TextEncoder().encode(s).length);
  });
});
