/** Expected texts: GNU coreutils 9.1 and util-linux 2.38 (Debian's builds) run on the same names. */
import { describe, expect, it } from 'vitest';
import { quoteaf, quotef } from './gnu-quote.js';
import { machine } from './testing.js';

describe('GNU quoting of file names in messages', () => {
  it.each([
    ['ab', 'ab'],
    ['a b', "'a b'"],
    ['x*y', "'x*y'"],
    ["it's", '"it\'s"'],
    ['a=b', "'a=b'"],
    ['a:b', "'a:b'"],
    ['a#b', 'a#b'],
    ['#a', "'#a'"],
    ['a~', 'a~'],
    ['~a', "'~a'"],
    ['a{b}', 'a{b}'],
    ['{', "'{'"],
    ['a]b', 'a]b'],
    ['a[b', "'a[b'"],
    ['a%b@c,d+e', 'a%b@c,d+e'],
    ['é', 'é'],
    ['aé b', "'aé b'"],
    ['a"b', '\'a"b\''],
    ['a\'b"c', "'a'\\''b\"c'"],
    ["it's a", '"it\'s a"'],
    ["it's:", '"it\'s:"'],
    ["#it's", '"#it\'s"'],
    ["it's]", '"it\'s]"'],
    ["it's,é", '"it\'s,é"'],
    ["it's*", "'it'\\''s*'"],
    ["it's#", "'it'\\''s#'"],
    ["it's{", "'it'\\''s{'"],
    ["it's$x", "'it'\\''s$x'"],
    ['a\tb', "'a'$'\\t''b'"],
    ['\ta', "''$'\\t''a'"],
    ['a\t', "'a'$'\\t'"],
    ['\t\t', "''$'\\t\\t'"],
    ['a\x01b', "'a'$'\\001''b'"],
    ["'\t", "''\\'''$'\\t'"],
  ])('cat names %j as %s', (name, shown) => {
    expect(quotef(name)).toBe(shown);
  });

  it('quoteaf quotes every name (head, tail, ls)', () => {
    expect([quoteaf('ab'), quoteaf("it's"), quoteaf('a b')]).toEqual(["'ab'", '"it\'s"', "'a b'"]);
  });
});

describe("GNU tools' words for a file they cannot read", () => {
  const g = machine({ flavor: 'gnu', files: { '/d/': '' } });

  it.each([
    [['cat', 'a b'], "cat: 'a b': No such file or directory"],
    [['cat', 'ab'], 'cat: ab: No such file or directory'],
    [['head', 'ab'], "head: cannot open 'ab' for reading: No such file or directory"],
    [['tail', 'a b'], "tail: cannot open 'a b' for reading: No such file or directory"],
    [['sort', 'ab'], 'sort: cannot read: ab: No such file or directory'],
    [['sort', 'a b'], "sort: cannot read: 'a b': No such file or directory"],
    [['wc', 'a b'], "wc: 'a b': No such file or directory"],
    [['uniq', 'ab'], 'uniq: ab: No such file or directory'],
    [['md5sum', 'a b'], "md5sum: 'a b': No such file or directory"],
    [['base64', 'a b'], "base64: 'a b': No such file or directory"],
    [['rev', 'a b'], 'rev: cannot open a b: No such file or directory'],
    [['tee', '/nonexist/a b'], "tee: '/nonexist/a b': No such file or directory"],
    [['cat', '/d'], 'cat: /d: Is a directory'],
    [['head', '/d'], "head: error reading '/d': Is a directory"],
    [['tail', '/d'], "tail: error reading '/d': Is a directory"],
    [['sort', '/d'], 'sort: read failed: /d: Is a directory'],
    [['uniq', '/d'], "uniq: error reading '/d'"],
    [['base64', '/d'], 'base64: read error: Is a directory'],
    [['md5sum', '/d'], 'md5sum: /d: Is a directory'],
  ])('%j says %s', (argv, line) => {
    expect(g.run(argv).err.text).toBe(`${line}\n`);
  });
});
