import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parse } from './parser.js';
import { ASH, BASH } from './flavour.js';

const ok = (src: string) => {
  const r = parse(src);
  if (!r.ok) throw new Error(`parse failed: ${r.error.problem.kind}`);
  return r.list;
};
const problem = (src: string) => {
  const r = parse(src);
  if (r.ok) throw new Error('expected a syntax error');
  return r.error.problem;
};

describe('parser', () => {
  it('splits lists, and-or chains, pipelines and background items', () => {
    const l = ok('a && b || c; d | e &\nf');
    expect(l.items.map((i) => [i.text, i.background])).toEqual([
      ['a && b || c', false],
      ['d | e', true],
      ['f', false],
    ]);
    expect(l.items[0].cmd.rest.map((r) => r.op)).toEqual(['&&', '||']);
    expect(l.items[1].cmd.first.cmds).toHaveLength(2);
  });

  it('reads assignments, words and redirections of a simple command', () => {
    const c = ok('A=1 B="x y" cmd arg >out 2>&1 <in').items[0].cmd.first.cmds[0];
    expect(c.type).toBe('simple');
    if (c.type !== 'simple') return;
    expect(c.assigns.map((a) => a.name)).toEqual(['A', 'B']);
    expect(c.words.map((w) => w.raw)).toEqual(['cmd', 'arg']);
    expect(c.redirs.map((r) => [r.op, r.fd, r.target.raw])).toEqual([
      ['>', undefined, 'out'],
      ['>&', 2, '1'],
      ['<', undefined, 'in'],
    ]);
  });

  it('parses compound commands and function definitions', () => {
    const l = ok('if a; then b; elif c; then d; else e; fi; while x; do y; done; for i in 1 2; do :; done; case $v in a|b) x;; *) y;; esac; f() { g; }; (h)');
    expect(l.items.map((i) => i.cmd.first.cmds[0].type)).toEqual(['if', 'while', 'for', 'case', 'function', 'subshell']);
  });

  it('collects here-document bodies after the line', () => {
    const c = ok('cat <<EOF; echo after\nhello $USER\nEOF\n').items[0].cmd.first.cmds[0];
    if (c.type !== 'simple') throw new Error();
    expect(c.redirs[0].heredoc?.expand).toBe(true);
    expect(c.redirs[0].heredoc?.body.raw).toBe('hello $USER\n');
  });

  it('reports the token bash names in its error', () => {
    expect(problem('if true; then fi')).toEqual({ kind: 'token', token: 'fi' });
    expect(problem('echo )')).toEqual({ kind: 'token', token: ')' });
    expect(problem('; ls')).toEqual({ kind: 'token', token: ';' });
  });

  it('flags input that is only unfinished so an interactive shell asks for more', () => {
    for (const src of ["echo 'abc", 'echo "abc', 'if true; then', 'a |', 'a &&', 'echo $(ls', 'for x in a; do']) {
      const r = parse(src);
      expect(r.ok).toBe(false);
      if (!r.ok) expect(r.error.incomplete).toBe(true);
    }
  });

  it('words errors per flavour', () => {
    expect(BASH.syntax({ kind: 'unterminated', match: "'" }, '', true)).toEqual(["unexpected EOF while looking for matching `''"]);
    expect(ASH.syntax({ kind: 'unterminated', match: "'" }, '', true)).toEqual(['syntax error: unterminated quoted string']);
    expect(BASH.syntax({ kind: 'token', token: 'fi' }, 'if true; then fi', false)).toEqual(["syntax error near unexpected token `fi'", "`if true; then fi'"]);
    expect(ASH.syntax({ kind: 'token', token: 'fi' }, '', true)).toEqual(['syntax error: unexpected "fi"']);
    expect(ASH.syntax({ kind: 'eof', expecting: 'fi' }, '', true)).toEqual(['syntax error: unexpected end of file (expecting "fi")']);
  });

  it('never throws or hangs on arbitrary input', () => {
    fc.assert(
      fc.property(fc.string({ unit: fc.constantFrom(...'ab $(){}[]|&;<>\'"`\\\n#=*?~!-0123456789ifthenfidoecas'.split('')), maxLength: 60 }), (src) => {
        const r = parse(src);
        expect(typeof r.ok).toBe('boolean');
      }),
      { numRuns: 2000 },
    );
  });

  it('unbalanced quotes always give the unterminated-quote error', () => {
    fc.assert(
      fc.property(fc.string({ unit: fc.constantFrom('a', ' ', 'b', '$', '-'), maxLength: 20 }), fc.constantFrom("'", '"'), (prefix, q) => {
        const r = parse(`echo ${prefix}${q}${prefix}`);
        expect(r.ok).toBe(false);
        if (!r.ok) expect(r.error.problem).toEqual({ kind: 'unterminated', match: q });
      }),
    );
  });
});
