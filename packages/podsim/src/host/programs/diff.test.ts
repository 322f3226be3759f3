/** Expected outputs: GNU diffutils 3.8 `diff` on the same files (2026-12); time stamps are the files' mtimes. */
import { describe, expect, it } from 'vitest';
import { createSandbox } from '../sandbox.js';
import type { SandboxApi } from '../sandbox-types.js';

const FILES = {
  'L/x': 'a\nb\nc\nd\ne\nf\ng\nh\ni\nj\n',
  'M/x': 'a\nb\nc\nD\ne\nf\ng\nh\ni\nj\nk\n',
  'M/y': 'only\n',
  'L/z': 'same\n',
  'M/z': 'same\n',
  p: '1\n2\n3\n',
  q: '0\n1\n3\n4\n',
};

async function run(sb: SandboxApi, line: string): Promise<string> {
  await sb.run(`${line} > out.txt 2>&1; echo rc=$? >> out.txt`);
  return (sb.readFile('out.txt') ?? '').replace(/\t\d{4}-\d\d-\d\d \d\d:\d\d:\d\d\.\d{9} \+0000/g, (m) => (m.startsWith('\t1970') ? m : '\tSTAMP'));
}

describe('diff (GNU diffutils)', () => {
  it('compares two folders entry by entry: -u -N, the plain format, -q', async () => {
    const sb = createSandbox({ seed: 1, files: FILES });
    expect(await run(sb, 'diff -u -N L M')).toBe(
      'diff -u -N L/x M/x\n--- L/x\tSTAMP\n+++ M/x\tSTAMP\n@@ -1,10 +1,11 @@\n a\n b\n c\n-d\n+D\n e\n f\n g\n h\n i\n j\n+k\n' +
        'diff -u -N L/y M/y\n--- L/y\t1970-01-01 00:00:00.000000000 +0000\n+++ M/y\tSTAMP\n@@ -0,0 +1 @@\n+only\nrc=1\n',
    );
    expect(await run(sb, 'diff L M')).toBe('diff L/x M/x\n4c4\n< d\n---\n> D\n10a11\n> k\nOnly in M: y\nrc=1\n');
    expect(await run(sb, 'diff -q L M')).toBe('Files L/x and M/x differ\nOnly in M: y\nrc=1\n');
  });

  it('compares files, with the exit status and errors of GNU diff', async () => {
    const sb = createSandbox({ seed: 1, files: FILES });
    expect(await run(sb, 'diff L/x M/x')).toBe('4c4\n< d\n---\n> D\n10a11\n> k\nrc=1\n');
    expect(await run(sb, 'diff p q')).toBe('0a1\n> 0\n2d2\n< 2\n3a4\n> 4\nrc=1\n');
    expect(await run(sb, 'diff L/z M/z')).toBe('rc=0\n');
    expect(await run(sb, 'diff L/nope M/x')).toBe('diff: L/nope: No such file or directory\nrc=2\n');
    expect(await run(sb, 'diff L')).toBe("diff: missing operand after 'L'\ndiff: Try 'diff --help' for more information.\nrc=2\n");
    expect(await run(sb, 'diff --bogus L M')).toBe("diff: unrecognized option '--bogus'\ndiff: Try 'diff --help' for more information.\nrc=2\n");
    expect(await run(sb, 'diff a b c')).toBe("diff: extra operand 'c'\ndiff: Try 'diff --help' for more information.\nrc=2\n");
  });
});
