/**
 * Word expansion in POSIX order: tilde, parameters, command substitution and arithmetic, then
 * field splitting on IFS, then pathname expansion; quote removal falls out of the chunk model.
 */
import type { FileSystem } from '../kernel/fs.js';
import type { Task } from '../kernel/waitable.js';
import { ArithError, evaluate } from './arith.js';
import type { Word, WordPart } from './ast.js';
import { globPaths, hasGlob, patternSource, type PatternChunk } from './pattern.js';

export interface ExpandContext {
  getVar(name: string): string | undefined;
  setVar(name: string, value: string): void;
  /** A bash indexed array's elements (undefined when `name` is not an array). */
  getArray(name: string): string[] | undefined;
  /** $@ as separate words. */
  positional(): string[];
  /** Values of ?, $, !, #, -, 0 (undefined when unset, like $! before any background job). */
  special(name: string): string | undefined;
  home(user: string): string | undefined;
  /** Runs `source` in a subshell and returns its standard output. */
  commandSubst(source: string): Task<string>;
  fs: FileSystem;
  cwd: string;
  nounset: boolean;
}

/** Raised for `${x:?msg}`, bad arithmetic and `set -u`: the shell prints it and the command fails. */
export class ExpansionError extends Error {
  constructor(
    message: string,
    /** ${x:?} and `set -u` failures end a non-interactive shell. */
    readonly fatal = false,
  ) {
    super(message);
  }
}

type Chunk = PatternChunk;
interface Field {
  chunks: Chunk[];
  /** A quoted part was seen, so an empty result still counts as a field ("" → one empty arg). */
  quoted: boolean;
}

/** Expands words into argv fields with splitting and globbing. */
export function* expandWords(ctx: ExpandContext, words: Word[]): Task<string[]> {
  const out: string[] = [];
  for (const w of words) {
    const fields = yield* fieldsOf(ctx, w.parts, true);
    for (const f of fields) {
      if (f.chunks.length === 0 && !f.quoted) continue;
      const text = f.chunks.map((c) => c.text).join('');
      if (hasGlob(f.chunks)) {
        const matches = globPaths(ctx.fs, ctx.cwd, f.chunks);
        if (matches.length > 0) {
          out.push(...matches);
          continue;
        }
      }
      out.push(text);
    }
  }
  return out;
}

/** One string, no splitting or globbing (assignments, redirection targets, here-docs, case words). */
export function* expandString(ctx: ExpandContext, w: Word): Task<string> {
  const fields = yield* fieldsOf(ctx, w.parts, false);
  return fields.map((f) => f.chunks.map((c) => c.text).join('')).join(' ');
}

/** A pattern (case items, ${x#pat}): quoted parts match literally. */
export function* expandPattern(ctx: ExpandContext, w: Word): Task<Chunk[]> {
  const fields = yield* fieldsOf(ctx, w.parts, false);
  return fields.flatMap((f) => f.chunks);
}

function* fieldsOf(ctx: ExpandContext, parts: WordPart[], split: boolean, inDq = false): Task<Field[]> {
  const fields: Field[] = [{ chunks: [], quoted: false }];
  const cur = () => fields[fields.length - 1];
  const addText = (text: string, quoted: boolean, glob: boolean) => {
    if (quoted) cur().quoted = true;
    if (text) cur().chunks.push({ text, glob });
  };
  /** Adds an expansion result, splitting it on IFS unless quoted. */
  const addExpansion = (value: string, quoted: boolean) => {
    if (quoted || !split) return addText(value, quoted, !quoted && !split ? false : !quoted);
    const ifs = ctx.getVar('IFS') ?? ' \t\n';
    if (ifs === '') return addText(value, false, true);
    const ws = [...ifs].filter((c) => ' \t\n'.includes(c)).join('');
    const re = new RegExp(`[${escapeClass(ifs)}]`);
    const trimmed = ws ? value.replace(new RegExp(`^[${escapeClass(ws)}]+|[${escapeClass(ws)}]+$`, 'g'), '') : value;
    const leadingSplit = value !== trimmed && /^\s/.test(value);
    const pieces = trimmed === '' ? [] : trimmed.split(ws ? new RegExp(`[${escapeClass(ws)}]*${re.source}[${escapeClass(ws)}]*|[${escapeClass(ws)}]+`) : re);
    if (pieces.length === 0) {
      if (value !== '' && (cur().chunks.length > 0 || cur().quoted)) fields.push({ chunks: [], quoted: false });
      return;
    }
    if (leadingSplit && (cur().chunks.length > 0 || cur().quoted)) fields.push({ chunks: [], quoted: false });
    pieces.forEach((p, idx) => {
      if (idx > 0) fields.push({ chunks: [], quoted: false });
      addText(p, false, true);
    });
    if (value !== trimmed && /\s$/.test(value)) fields.push({ chunks: [], quoted: false });
  };

  for (const part of parts) {
    switch (part.type) {
      case 'lit':
        addText(part.text, part.quoted || inDq, !part.quoted && !inDq);
        break;
      case 'tilde': {
        const home = ctx.home(part.user);
        addText(home ?? `~${part.user}`, true, false);
        break;
      }
      case 'dq': {
        cur().quoted = true;
        const inner = yield* fieldsOf(ctx, part.parts, split, true);
        inner.forEach((f, idx) => {
          if (idx > 0) fields.push({ chunks: [], quoted: true });
          cur().chunks.push(...f.chunks.map((c) => ({ text: c.text, glob: false })));
        });
        break;
      }
      case 'param': {
        const every = part.index?.raw === '@' || (!part.index && part.name === '@');
        if (every && !part.op && !part.length) {
          const args = part.index ? elements(ctx, part.name) : ctx.positional();
          if (inDq && split) {
            args.forEach((a, idx) => {
              if (idx > 0) fields.push({ chunks: [], quoted: true });
              addText(a, true, false);
            });
            if (args.length === 0 && fields.length === 1 && cur().chunks.length === 0) cur().quoted = false;
          } else addExpansion(args.join(' '), inDq);
          break;
        }
        const value = yield* paramValue(ctx, part);
        addExpansion(value, inDq);
        break;
      }
      case 'cmd': {
        const out = yield* ctx.commandSubst(part.source);
        addExpansion(out.replace(/\n+$/, ''), inDq);
        break;
      }
      case 'arith': {
        const text = yield* expandString(ctx, part.expr);
        let v: number;
        try {
          v = evaluate(text, { get: (n) => ctx.getVar(n), set: (n, val) => ctx.setVar(n, val) });
        } catch (e) {
          throw new ExpansionError(e instanceof ArithError ? e.message : String(e));
        }
        addExpansion(String(v), inDq);
        break;
      }
    }
  }
  return fields;
}

function escapeClass(s: string): string {
  return s.replace(/[\]\\^-]/g, '\\$&');
}

function lookup(ctx: ExpandContext, name: string): string | undefined {
  if (name === '*' || name === '@') {
    const args = ctx.positional();
    return args.length ? args.join(' ') : undefined;
  }
  if (/^\d+$/.test(name) && name !== '0') return ctx.positional()[Number(name) - 1];
  if (name.length === 1 && '?$!#-0'.includes(name)) return ctx.special(name);
  return ctx.getVar(name);
}

/** A name's elements: an array's, or a plain variable as an array of one (bash). */
function elements(ctx: ExpandContext, name: string): string[] {
  const v = ctx.getVar(name);
  return ctx.getArray(name) ?? (v === undefined ? [] : [v]);
}

/** `${name[i]}`: the subscript is arithmetic; a negative one counts from the end. */
function* element(ctx: ExpandContext, name: string, index: Word): Task<string | undefined> {
  const all = elements(ctx, name);
  const text = yield* expandString(ctx, index);
  let i: number;
  try {
    i = evaluate(text, { get: (n) => ctx.getVar(n), set: (n, val) => ctx.setVar(n, val) });
  } catch (e) {
    throw new ExpansionError(e instanceof ArithError ? e.message : String(e));
  }
  if (i < 0 && -i > all.length) throw new ExpansionError(`${name}: bad array subscript`);
  return all[i < 0 ? all.length + i : i];
}

function* paramValue(ctx: ExpandContext, p: Extract<WordPart, { type: 'param' }>): Task<string> {
  const all = p.index && (p.index.raw === '@' || p.index.raw === '*');
  if (all && p.length) return String(elements(ctx, p.name).length);
  const v = all ? elements(ctx, p.name).join(' ') : p.index ? yield* element(ctx, p.name, p.index) : lookup(ctx, p.name);
  if (p.length) return String([...(v ?? '')].length);
  if (!p.op) {
    if (v === undefined && ctx.nounset && !'@*'.includes(p.name)) throw new ExpansionError(`${p.name}: unbound variable`, true);
    return v ?? '';
  }
  const arg = () => (p.arg ? expandString(ctx, p.arg) : emptyTask());
  const colon = p.op.startsWith(':');
  const unset = v === undefined || (colon && v === '');
  switch (p.op) {
    case ':-':
    case '-':
      return unset ? yield* arg() : v!;
    case ':=':
    case '=':
      if (unset) {
        const a = yield* arg();
        ctx.setVar(p.name, a);
        return a;
      }
      return v!;
    case ':+':
    case '+':
      return unset ? '' : yield* arg();
    case ':?':
    case '?': {
      if (!unset) return v!;
      const a = yield* arg();
      throw new ExpansionError(`${p.name}: ${a || (p.op === ':?' ? 'parameter null or not set' : 'parameter not set')}`, true);
    }
    case '#':
    case '##':
    case '%':
    case '%%': {
      const pat = p.arg ? yield* expandPattern(ctx, p.arg) : [];
      const src = patternSource(pat, p.op.length === 2);
      const s = v ?? '';
      const re = p.op[0] === '#' ? new RegExp(`^${src}`) : new RegExp(`${src}$`);
      if (p.op[0] === '%') {
        // Shortest suffix: try from the right end.
        const candidates = [...Array(s.length + 1).keys()].map((i) => (p.op === '%' ? s.length - i : i));
        for (const i of candidates) if (new RegExp(`^${src}$`).test(s.slice(i))) return s.slice(0, i);
        return s;
      }
      return s.replace(re, '');
    }
    case '/':
    case '//': {
      const raw = p.arg?.raw ?? '';
      const slash = raw.indexOf('/');
      const pat = slash < 0 ? raw : raw.slice(0, slash);
      const rep = slash < 0 ? '' : raw.slice(slash + 1);
      const re = new RegExp(patternSource([{ text: pat, glob: true }]), p.op === '//' ? 'g' : '');
      return (v ?? '').replace(re, () => rep);
    }
  }
}

function* emptyTask(): Task<string> {
  return '';
}
