import { posix } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { resolvePath } from './fs.js';

/** Node's own POSIX normalisation is the oracle (without the trailing slash it keeps). */
const oracle = (cwd: string, p: string) => {
  const n = posix.normalize(p.startsWith('/') ? p : `${cwd}/${p}`);
  return n.length > 1 && n.endsWith('/') ? n.slice(0, -1) : n;
};

describe('resolvePath', () => {
  it('normalises like POSIX, whether the path takes the fast path or not', () => {
    const seg = fc.constantFrom('a', 'bc', '.', '..', '', '.x', '..y', 'z.');
    const path = fc.tuple(fc.boolean(), fc.array(seg, { maxLength: 6 })).map(([absolute, segs]) => (absolute ? '/' : '') + segs.join('/'));
    fc.assert(fc.property(path, (p) => resolvePath('/w/d', p) === oracle('/w/d', p)));
    for (const p of ['/', '/a', '/a/', '/a//b', '/a/./b', '/a/../b', '/..', '/.hidden/x', '/x/..y']) expect(resolvePath('/', p)).toBe(oracle('/', p));
  });
});
