import { describe, expect, it } from 'vitest';
import { canonicalJson } from '../shared/canonical-json.js';
import { computeHash, equalIgnoreHash, fnv32a, safeEncodeString } from './template-hash.js';

const template = { metadata: { labels: { app: 'web' } }, spec: { containers: [{ name: 'web', image: 'nginx' }] } };

describe('pod-template-hash', () => {
  it('is FNV-32a (known vectors)', () => {
    expect(fnv32a(new Uint8Array())).toBe(0x811c9dc5);
    expect(fnv32a(new TextEncoder().encode('a'))).toBe(0xe40c292c);
    expect(fnv32a(new TextEncoder().encode('foobar'))).toBe(0xbf9cf968);
  });
  it('maps decimal digits onto 4-9 and b c d f like SafeEncodeString', () => {
    expect(safeEncodeString('0123456789')).toBe('456789bcdf');
  });
  it('gives names of the real shape, stable across key order, changed by collisionCount', () => {
    const h = computeHash(template);
    expect(h).toMatch(/^[456789bcdf]{8,10}$/);
    const reordered = { spec: { containers: [{ image: 'nginx', name: 'web' }] }, metadata: { labels: { app: 'web' } } };
    expect(computeHash(reordered)).toBe(h);
    expect(computeHash(template, 1)).not.toBe(h);
    expect(computeHash({ ...template, spec: { containers: [{ name: 'web', image: 'nginx:1.27' }] } })).not.toBe(h);
  });
  it('compares templates ignoring the hash label', () => {
    const labelled = { ...template, metadata: { labels: { app: 'web', 'pod-template-hash': 'abc' } } };
    expect(equalIgnoreHash(template, labelled)).toBe(true);
    expect(equalIgnoreHash(template, { ...template, spec: {} })).toBe(false);
    expect(canonicalJson({ b: 1, a: [undefined, 2] })).toBe('{"a":[null,2],"b":1}');
  });
});
