/** `test` and `[`: file, string and integer tests with bash's error texts. */
import { R, W, X } from '../../kernel/access.js';
import type { FileSystem } from '../../kernel/fs.js';
import type { Builtin } from './types.js';

class TestError extends Error {}

/** What -r, -w and -x ask access(2) for. */
const ACCESS: Record<string, number> = { '-r': R, '-w': W, '-x': X };

/** A file test (-e -f -d -s -r -w -x -L -h) on an absolute path; `[[` uses it too. */
export function fileTest(fs: FileSystem, op: string, path: string): boolean {
  try {
    const st = fs.stat(path);
    const want = ACCESS[op];
    if (want) fs.access(path, want);
    switch (op) {
      case '-e':
      case '-r':
      case '-w':
      case '-x':
        return true;
      case '-f':
        return st.kind === 'file';
      case '-d':
        return st.kind === 'dir';
      case '-s':
        return st.size > 0;
      case '-L':
      case '-h':
        return st.kind === 'link';
    }
  } catch {
    return false;
  }
  return false;
}

export const FILE_OPS = ['-e', '-f', '-d', '-s', '-r', '-w', '-x', '-L', '-h'];
const INT_OPS: Record<string, (a: number, b: number) => boolean> = {
  '-eq': (a, b) => a === b,
  '-ne': (a, b) => a !== b,
  '-lt': (a, b) => a < b,
  '-le': (a, b) => a <= b,
  '-gt': (a, b) => a > b,
  '-ge': (a, b) => a >= b,
};

/** Evaluates test arguments; throws TestError with the message after `test: `. */
export function evaluateTest(args: string[], fs: FileSystem, cwd: string): boolean {
  let i = 0;
  const abs = (p: string) => (p.startsWith('/') ? p : `${cwd}/${p}`);
  const int = (s: string) => {
    if (!/^\s*-?\d+\s*$/.test(s)) throw new TestError(`${s}: integer expression expected`);
    return Number(s);
  };
  function primary(): boolean {
    const a = args[i];
    if (a === undefined) throw new TestError('argument expected');
    if (a === '!') {
      i++;
      return !primary();
    }
    if (a === '(' && args.length - i > 2) {
      i++;
      const v = or();
      if (args[i++] !== ')') throw new TestError("`)' expected");
      return v;
    }
    const op = args[i + 1];
    if (op !== undefined && args[i + 2] !== undefined && (op in INT_OPS || ['=', '==', '!=', '<', '>'].includes(op))) {
      const b = args[i + 2];
      i += 3;
      if (op in INT_OPS) return INT_OPS[op](int(a), int(b));
      if (op === '=' || op === '==') return a === b;
      if (op === '!=') return a !== b;
      return op === '<' ? a < b : a > b;
    }
    if ((a === '-z' || a === '-n') && args[i + 1] !== undefined) {
      i += 2;
      return a === '-z' ? args[i - 1] === '' : args[i - 1] !== '';
    }
    if (FILE_OPS.includes(a) && args[i + 1] !== undefined) {
      i += 2;
      return fileTest(fs, a, abs(args[i - 1]));
    }
    i++;
    return a !== '';
  }
  function and(): boolean {
    let v = primary();
    while (args[i] === '-a') {
      i++;
      v = primary() && v;
    }
    return v;
  }
  function or(): boolean {
    let v = and();
    while (args[i] === '-o') {
      i++;
      v = and() || v;
    }
    return v;
  }
  if (args.length === 0) return false;
  const v = or();
  if (i < args.length) throw new TestError(`${args[i]}: ${args.length > 3 ? 'too many arguments' : 'binary operator expected'}`);
  return v;
}

export const test: Builtin = function* (sh, argv, io) {
  let args = argv.slice(1);
  const name = argv[0];
  if (name === '[') {
    if (args[args.length - 1] !== ']') {
      sh.error("[: missing `]'", io);
      return 2;
    }
    args = args.slice(0, -1);
  }
  try {
    return evaluateTest(args, sh.fs, sh.cwd) ? 0 : 1;
  } catch (e) {
    if (!(e instanceof TestError)) throw e;
    sh.error(`${name}: ${e.message}`, io);
    return 2;
  }
};
