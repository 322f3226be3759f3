/**
 * The functions a kubectl template can call: text/template's builtins (funcs.go) and the two
 * kubectl adds (cli-runtime printers/template.go: `exists`, `base64decode`), each with its Go
 * parameter kinds so arguments are checked and converted as reflect does.
 */
import { sprintf } from './fmt.js';
import { Num, hasKey, int, isMap, sprint, truth, typeName, type GoVal } from './values.js';

/** `value`: reflect.Value (passed as is), `any`: interface{} (nil for no value), `string`: a Go string. */
export type ParamKind = 'value' | 'any' | 'string';

export interface GoFunc {
  fixed: ParamKind[];
  variadic?: ParamKind;
  call(args: GoVal[]): GoVal;
}

/** An error a function returns; the executor reports it as `error calling NAME: …`. */
export class FuncError extends Error {}

/** reflect's indirectInterface: a nil interface{} is no value at all. */
export const unbox = (v: GoVal): GoVal => (v === null ? undefined : v);

type Kind = 'invalid' | 'bool' | 'int' | 'uint' | 'float' | 'string';
function basicKind(v: GoVal): Kind {
  if (typeof v === 'boolean') return 'bool';
  if (typeof v === 'string') return 'string';
  if (v instanceof Num) return v.t === 'float64' ? 'float' : v.t === 'uint8' ? 'uint' : 'int';
  return 'invalid';
}
const num = (v: GoVal): number => (v as Num).v;
const intLike = (k: Kind): boolean => k === 'int' || k === 'uint';

function eq(arg1: GoVal, ...rest: GoVal[]): boolean {
  const a1 = unbox(arg1);
  if (rest.length === 0) throw new FuncError('missing argument for comparison');
  const k1 = basicKind(a1);
  for (const raw of rest) {
    const a = unbox(raw);
    const k2 = basicKind(a);
    let same = false;
    if (k1 !== k2) {
      if (intLike(k1) && intLike(k2)) same = num(a1) === num(a);
      else if (a1 !== undefined && a !== undefined) throw new FuncError('incompatible types for comparison');
    } else if (k1 === 'invalid') {
      if (a1 === undefined || a === undefined) same = a1 === a;
      else if (typeName(a1) !== typeName(a)) throw new FuncError(`non-comparable types ${sprintf('%s', [a1])}: ${typeName(a1)}, ${typeName(a)}: ${sprintf('%s', [a])}`);
      else throw new FuncError(`non-comparable type ${sprintf('%s', [a])}: ${typeName(a)}`);
    } else same = k1 === 'bool' || k1 === 'string' ? a1 === a : num(a1) === num(a);
    if (same) return true;
  }
  return false;
}

function lt(arg1: GoVal, arg2: GoVal): boolean {
  const a1 = unbox(arg1);
  const a2 = unbox(arg2);
  const k1 = basicKind(a1);
  const k2 = basicKind(a2);
  if (k1 === 'invalid' || k2 === 'invalid') throw new FuncError('invalid type for comparison');
  if (k1 !== k2) {
    if (intLike(k1) && intLike(k2)) return num(a1) < num(a2);
    throw new FuncError('incompatible types for comparison');
  }
  if (k1 === 'bool') throw new FuncError('invalid type for comparison');
  return k1 === 'string' ? (a1 as string) < (a2 as string) : num(a1) < num(a2);
}

function indexArg(index: GoVal, cap: number): number {
  const i = unbox(index);
  if (i === undefined) throw new FuncError('cannot index slice/array with nil');
  if (!(i instanceof Num) || i.t === 'float64') throw new FuncError(`cannot index slice/array with type ${typeName(i)}`);
  if (i.v < 0 || i.v > cap) throw new FuncError(`index out of range: ${i.v}`);
  return i.v;
}

const utf8 = (s: string): Uint8Array => new TextEncoder().encode(s);

function index(item: GoVal, ...indexes: GoVal[]): GoVal {
  let v = unbox(item);
  if (v === undefined) throw new FuncError('index of untyped nil');
  for (const ix of indexes) {
    if (v === null || v === undefined) throw new FuncError('index of nil pointer');
    if (Array.isArray(v) || typeof v === 'string') {
      const len: number = typeof v === 'string' ? utf8(v).length : v.length;
      const x = indexArg(ix, len);
      if (x === len) throw new FuncError(`reflect: ${typeof v === 'string' ? 'string' : 'slice'} index out of range`);
      v = typeof v === 'string' ? new Num('uint8', utf8(v)[x]) : v[x];
    } else if (isMap(v)) {
      const k = unbox(ix);
      if (k === undefined) throw new FuncError('value is nil; should be of type string');
      if (typeof k !== 'string') throw new FuncError(`value has type ${typeName(k)}; should be string`);
      v = hasKey(v, k) ? v[k] : null;
    } else throw new FuncError(`can't index item of type ${typeName(v)}`);
  }
  return v;
}

function slice(item: GoVal, ...indexes: GoVal[]): GoVal {
  const v = unbox(item);
  if (v === undefined) throw new FuncError('slice of untyped nil');
  if (indexes.length > 3) throw new FuncError(`too many slice indexes: ${indexes.length}`);
  let len: number;
  if (typeof v === 'string') {
    if (indexes.length === 3) throw new FuncError('cannot 3-index slice a string');
    len = utf8(v).length;
  } else if (Array.isArray(v)) len = v.length;
  else throw new FuncError(`can't slice item of type ${typeName(v)}`);
  const idx = [0, len, len];
  indexes.forEach((ix, i) => (idx[i] = indexArg(ix, len)));
  if (idx[0] > idx[1]) throw new FuncError(`invalid slice index: ${idx[0]} > ${idx[1]}`);
  if (indexes.length === 3 && idx[1] > idx[2]) throw new FuncError(`invalid slice index: ${idx[1]} > ${idx[2]}`);
  return typeof v === 'string' ? new TextDecoder().decode(utf8(v).slice(idx[0], idx[1])) : v.slice(idx[0], idx[1]);
}

function length(item: GoVal): GoVal {
  if (item === undefined) throw new FuncError('reflect: call of reflect.Value.Type on zero Value');
  if (item === null) throw new FuncError('len of nil pointer');
  if (typeof item === 'string') return int(utf8(item).length);
  if (Array.isArray(item)) return int(item.length);
  if (isMap(item)) return int(Object.keys(item).length);
  throw new FuncError(`len of type ${typeName(item)}`);
}

/** evalArgs of html/js/urlquery: one string as is, anything else through fmt.Sprint. */
const argsText = (args: GoVal[]): string => (args.length === 1 && typeof args[0] === 'string' ? args[0] : sprint(args));

function htmlEscape(s: string): string {
  return s.replace(/[\0"'&<>]/g, (c) => ({ '\0': '\uFFFD', '"': '&#34;', "'": '&#39;', '&': '&amp;', '<': '&lt;', '>': '&gt;' })[c]!);
}

function jsEscape(s: string): string {
  let out = '';
  for (const ch of s) {
    const c = ch.codePointAt(0)!;
    const named: Record<string, string> = { '\\': '\\\\', "'": "\\'", '"': '\\"', '<': '\\u003C', '>': '\\u003E', '&': '\\u0026', '=': '\\u003D' };
    if (named[ch]) out += named[ch];
    else if (c < 0x20) out += `\\u00${c.toString(16).toUpperCase().padStart(2, '0')}`;
    else if (c >= 0x80 && !/^[\p{L}\p{M}\p{N}\p{P}\p{S} ]$/u.test(ch)) out += `\\u${c.toString(16).toUpperCase().padStart(4, '0')}`;
    else out += ch;
  }
  return out;
}

/** url.QueryEscape. */
const queryEscape = (s: string): string => encodeURIComponent(s).replace(/[!'()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`).replace(/%20/g, '+');

/** kubectl's exists: whether `index item indices…` would find something non-nil. */
function exists(item: GoVal, ...indices: GoVal[]): boolean {
  // with no indices even a nil item "exists": reflect sees no interface to find nil in
  if (indices.length === 0) return true;
  let v: GoVal = item;
  for (const i of indices) {
    if (v === null) return false;
    if (Array.isArray(v) || typeof v === 'string') {
      if (!(i instanceof Num) || i.t === 'float64') return false;
      const len = typeof v === 'string' ? utf8(v).length : v.length;
      if (i.v < 0 || i.v >= len) return false;
      v = typeof v === 'string' ? new Num('uint8', utf8(v)[i.v]) : v[i.v];
    } else if (isMap(v)) {
      if (typeof i !== 'string' && i !== null) return false;
      v = typeof i === 'string' && hasKey(v, i) ? v[i] : null;
    } else return false;
  }
  return v !== null;
}

const B64 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';

/** encoding/base64 StdEncoding.DecodeString, with its CorruptInputError offsets; newlines are skipped. */
function base64decode(v: GoVal): GoVal {
  const src = utf8(v as string);
  const bad = (at: number) => new FuncError(`base64 decode failed: illegal base64 data at input byte ${at}`);
  const isNl = (c: number) => c === 10 || c === 13;
  const out: number[] = [];
  let si = 0;
  for (;;) {
    const dbuf = [0, 0, 0, 0];
    let dlen = 4;
    let end = false;
    for (let j = 0; j < 4; j++) {
      if (si === src.length) {
        if (j === 0) return new TextDecoder().decode(Uint8Array.from(out));
        throw bad(si - j);
      }
      const c = src[si++];
      const d = B64.indexOf(String.fromCharCode(c));
      if (c < 128 && d >= 0) {
        dbuf[j] = d;
        continue;
      }
      if (isNl(c)) {
        j--;
        continue;
      }
      if (c !== 61 || j < 2) throw bad(si - 1);
      if (j === 2) {
        while (si < src.length && isNl(src[si])) si++;
        if (si === src.length) throw bad(src.length);
        if (src[si] !== 61) throw bad(si - 1);
        si++;
      }
      while (si < src.length && isNl(src[si])) si++;
      if (si < src.length) throw bad(si);
      dlen = j;
      end = true;
      break;
    }
    const n = (dbuf[0] << 18) | (dbuf[1] << 12) | (dbuf[2] << 6) | dbuf[3];
    out.push(...[(n >> 16) & 255, (n >> 8) & 255, n & 255].slice(0, dlen - 1));
    if (end) return new TextDecoder().decode(Uint8Array.from(out));
  }
}

const bool = (f: (...a: GoVal[]) => boolean) => (args: GoVal[]) => f(...args);

export const FUNCS: Record<string, GoFunc> = {
  and: { fixed: ['value'], variadic: 'value', call: (a) => a[a.length - 1] },
  or: { fixed: ['value'], variadic: 'value', call: (a) => a[a.length - 1] },
  not: { fixed: ['value'], call: ([a]) => !truth(unbox(a)) },
  call: {
    fixed: ['value'],
    variadic: 'value',
    call: ([name, fn]) => {
      throw new FuncError(unbox(fn) === undefined ? 'call of nil' : `non-function ${name as string} of type ${typeName(unbox(fn))}`);
    },
  },
  html: { fixed: [], variadic: 'any', call: (a) => htmlEscape(argsText(a)) },
  index: { fixed: ['value'], variadic: 'value', call: ([item, ...ix]) => index(item, ...ix) },
  slice: { fixed: ['value'], variadic: 'value', call: ([item, ...ix]) => slice(item, ...ix) },
  js: { fixed: [], variadic: 'any', call: (a) => jsEscape(argsText(a)) },
  len: { fixed: ['value'], call: ([a]) => length(a) },
  print: { fixed: [], variadic: 'any', call: (a) => sprint(a) },
  printf: { fixed: ['string'], variadic: 'any', call: ([f, ...a]) => sprintf(f as string, a) },
  println: { fixed: [], variadic: 'any', call: (a) => `${a.map((x) => sprint([x])).join(' ')}\n` },
  urlquery: { fixed: [], variadic: 'any', call: (a) => queryEscape(argsText(a)) },
  eq: { fixed: ['value'], variadic: 'value', call: ([a, ...b]) => eq(a, ...b) },
  ge: { fixed: ['value', 'value'], call: bool((a, b) => !lt(a, b)) },
  gt: { fixed: ['value', 'value'], call: bool((a, b) => !(lt(a, b) || eq(a, b))) },
  le: { fixed: ['value', 'value'], call: bool((a, b) => lt(a, b) || eq(a, b)) },
  lt: { fixed: ['value', 'value'], call: bool(lt) },
  ne: { fixed: ['value', 'value'], call: bool((a, b) => !eq(a, b)) },
  exists: { fixed: ['any'], variadic: 'any', call: ([item, ...ix]) => exists(item, ...ix) },
  base64decode: { fixed: ['string'], call: ([v]) => base64decode(v) },
};
