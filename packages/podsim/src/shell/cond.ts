/**
 * `[[ … ]]` (bash, and busybox ash with its bash compatibility; dash has none): the conditional
 * expression parsed from the words and operators between `[[` and `]]`, and its evaluation:
 * words are expanded without field splitting or globbing, the right side of == / != is a
 * pattern, =~ a regular expression (BASH_REMATCH), -eq… compare integers, < > strings.
 */
import { resolvePath, type FileSystem } from '../kernel/fs.js';
import type { Task } from '../kernel/waitable.js';
import type { Word } from './ast.js';
import { evaluate } from './arith.js';
import { FILE_OPS, fileTest } from './builtins/test.js';
import { expandPattern, expandString } from './expand.js';
import { CLASSES, matchPattern } from './pattern.js';

export type CondExpr =
  | { k: 'and' | 'or'; a: CondExpr; b: CondExpr }
  | { k: 'not'; a: CondExpr }
  | { k: 'unary'; op: string; w: Word }
  | { k: 'binary'; op: string; a: Word; b: Word }
  | { k: 'word'; w: Word };

/** What the parser hands over: the words and operators between `[[` and `]]`. */
export type CondToken = { word: Word; text?: string } | { op: string };

const UNARY = new Set(['-n', '-z', '-v', '-a', ...FILE_OPS]);
const BINARY = new Set(['==', '=', '!=', '=~', '-eq', '-ne', '-lt', '-le', '-gt', '-ge', '<', '>']);

export class CondSyntaxError extends Error {}

export function parseCond(toks: CondToken[]): CondExpr {
  let i = 0;
  const text = (t: CondToken | undefined) => (t && 'op' in t ? t.op : t?.text);
  const fail = (): never => {
    const t = toks[i];
    throw new CondSyntaxError(t ? `syntax error in conditional expression: unexpected token \`${text(t) ?? (t as { word: Word }).word.raw}'` : 'unexpected argument to conditional binary operator');
  };
  const word = (): Word => {
    const t = toks[i];
    if (!t || 'op' in t) return fail();
    i++;
    return t.word;
  };
  const primary = (): CondExpr => {
    const t = toks[i];
    if (!t) return fail();
    if ('op' in t && t.op === '(') {
      i++;
      const e = or();
      if (text(toks[i]) !== ')') fail();
      i++;
      return e;
    }
    if (text(t) === '!') {
      i++;
      return { k: 'not', a: primary() };
    }
    if (!('op' in t) && t.text !== undefined && UNARY.has(t.text) && toks[i + 1] && !('op' in toks[i + 1] && ['&&', '||', ')'].includes(text(toks[i + 1])!))) {
      i++;
      return { k: 'unary', op: t.text, w: word() };
    }
    const a = word();
    const op = text(toks[i]);
    if (op !== undefined && BINARY.has(op)) {
      i++;
      return { k: 'binary', op, a, b: word() };
    }
    return { k: 'word', w: a };
  };
  const and = (): CondExpr => {
    let e = primary();
    while (text(toks[i]) === '&&') {
      i++;
      e = { k: 'and', a: e, b: primary() };
    }
    return e;
  };
  const or = (): CondExpr => {
    let e = and();
    while (text(toks[i]) === '||') {
      i++;
      e = { k: 'or', a: e, b: and() };
    }
    return e;
  };
  if (toks.length === 0) throw new CondSyntaxError("syntax error near `]]'");
  const e = or();
  if (i < toks.length) fail();
  return e;
}

export interface CondContext {
  expand: Parameters<typeof expandString>[0];
  fs: FileSystem;
  cwd: string;
  getVar(name: string): string | undefined;
  setVar(name: string, value: string): void;
  setArray(name: string, values: string[]): void;
}

/** Whether the expression holds; a bad integer operand throws arith's error. */
export function* evalCond(c: CondContext, e: CondExpr): Task<boolean> {
  switch (e.k) {
    case 'and':
      return (yield* evalCond(c, e.a)) && (yield* evalCond(c, e.b));
    case 'or':
      return (yield* evalCond(c, e.a)) || (yield* evalCond(c, e.b));
    case 'not':
      return !(yield* evalCond(c, e.a));
    case 'word':
      return (yield* expandString(c.expand, e.w)) !== '';
    case 'unary': {
      const v = yield* expandString(c.expand, e.w);
      if (e.op === '-n') return v !== '';
      if (e.op === '-z') return v === '';
      if (e.op === '-v') return c.getVar(v) !== undefined;
      return fileTest(c.fs, e.op === '-a' ? '-e' : e.op, resolvePath(c.cwd, v));
    }
    case 'binary': {
      const a = yield* expandString(c.expand, e.a);
      if (e.op === '==' || e.op === '=' || e.op === '!=') {
        const hit = matchPattern(yield* expandPattern(c.expand, e.b), a);
        return e.op === '!=' ? !hit : hit;
      }
      const b = yield* expandString(c.expand, e.b);
      if (e.op === '=~') {
        let re: RegExp;
        try {
          // POSIX bracket classes ([[:space:]]) as the C library's regcomp reads them.
          re = new RegExp(b.replace(/\[:(\w+):\]/g, (m, n: string) => CLASSES[n] ?? m));
        } catch {
          return false;
        }
        const m = re.exec(a);
        // Element 0 is the whole match, element n the nth group (empty when it took no part); no match empties it.
        c.setArray('BASH_REMATCH', m ? [...m].map((g) => g ?? '') : []);
        return m !== null;
      }
      if (e.op === '<') return a < b;
      if (e.op === '>') return a > b;
      const num = (s: string) => evaluate(s === '' ? '0' : s, { get: (n) => c.getVar(n), set: (n, v) => c.setVar(n, v) });
      const [x, y] = [num(a), num(b)];
      return { '-eq': x === y, '-ne': x !== y, '-lt': x < y, '-le': x <= y, '-gt': x > y, '-ge': x >= y }[e.op] ?? false;
    }
  }
}
