/**
 * The expression core the one-line interpreters (python -c, node -e, perl -e) share: a tokenizer
 * and a precedence parser over numbers, strings, names, lists, calls, members and indexing, with
 * each language's spelling of operators. Statements are the languages' own (python.ts, node.ts,
 * perl.ts). Anything outside the subset throws ScriptError, which the caller reports honestly.
 */

export class ScriptError extends Error {}

export type Value = number | bigint | string | boolean | null | undefined | Value[] | Fn | { [k: string]: Value };
export type Fn = { call: (args: Value[]) => Value };

export interface Token {
  kind: 'num' | 'str' | 'name' | 'op' | 'var';
  text: string;
  /** Raw string body with its quote, for the language to interpolate. */
  quote?: string;
}

const OPS = ['**', '//', '===', '!==', '==', '!=', '<=', '>=', '&&', '||', '=>', '++', '--', '+=', '-=', '*=', '..', '->', '+', '-', '*', '/', '%', '<', '>', '=', '!', '(', ')', '[', ']', '{', '}', ',', '.', ':', ';', '?', '|'];

export function tokenize(src: string, sigils = false): Token[] {
  const out: Token[] = [];
  let i = 0;
  while (i < src.length) {
    const c = src[i];
    if (/\s/.test(c)) {
      i++;
      continue;
    }
    if (c === '#' && !sigils) break;
    const num = /^(?:\d+(?:\.\d+)?(?:e[+-]?\d+)?|\.\d+)/i.exec(src.slice(i));
    if (num) {
      out.push({ kind: 'num', text: num[0] });
      i += num[0].length;
      continue;
    }
    if (c === '"' || c === "'" || c === '`') {
      let j = i + 1;
      while (j < src.length && src[j] !== c) j += src[j] === '\\' ? 2 : 1;
      if (j >= src.length) throw new ScriptError('unterminated string literal');
      out.push({ kind: 'str', text: src.slice(i + 1, j), quote: c });
      i = j + 1;
      continue;
    }
    const name = /^[A-Za-z_][\w]*/.exec(src.slice(i));
    if (name) {
      out.push({ kind: 'name', text: name[0] });
      i += name[0].length;
      continue;
    }
    if (sigils && (c === '$' || c === '@' || c === '%') && /[\w{]/.test(src[i + 1] ?? '')) {
      const v = /^[$@%]\w+/.exec(src.slice(i));
      if (v) {
        out.push({ kind: 'var', text: v[0] });
        i += v[0].length;
        continue;
      }
    }
    const op = OPS.find((o) => src.startsWith(o, i));
    if (!op) throw new ScriptError(`invalid syntax near '${src.slice(i, i + 10)}'`);
    out.push({ kind: 'op', text: op });
    i += op.length;
  }
  return out;
}

export interface Dialect {
  /** Looks a bare name (or `$x`) up. */
  lookup(name: string): Value;
  /** A string literal's value (escapes, interpolation). */
  string(tok: Token): Value;
  truthy(v: Value): boolean;
  /** `.` joins strings (perl) instead of reading a member. */
  dotConcat?: boolean;
  /** An arrow function or lambda starting at the cursor, when the language has one. */
  fn?(p: Parser): Value | undefined;
  /** `v.name` where the language calls a method without parentheses (ruby); undefined: a plain member. */
  method?(v: Value, name: string, p: Parser): Value | undefined;
  /** Arithmetic the language does its own way (ruby's integer division); undefined: the shared rules. */
  arith?(op: string, a: Value, b: Value): Value | undefined;
  /** A number literal, where the language keeps integers and floats apart (ruby). */
  number?(text: string): Value;
}

const WORD_OPS: Record<string, string> = { and: '&&', or: '||', not: '!', eq: '==', ne: '!=', lt: '<', gt: '>', le: '<=', ge: '>=' };

export class Parser {
  pos = 0;
  constructor(
    readonly toks: Token[],
    readonly d: Dialect,
  ) {}

  peek(o = 0): Token | undefined {
    return this.toks[this.pos + o];
  }

  is(text: string): boolean {
    const t = this.peek();
    return t !== undefined && (t.kind === 'op' || t.kind === 'name') && (t.text === text || WORD_OPS[t.text] === text);
  }

  eat(text: string): boolean {
    if (!this.is(text)) return false;
    this.pos++;
    return true;
  }

  expect(text: string): void {
    if (!this.eat(text)) throw new ScriptError(`expected '${text}'${this.peek() ? ` before '${this.peek()?.text}'` : ' at end of input'}`);
  }

  get done(): boolean {
    return this.pos >= this.toks.length;
  }

  /** The tokens of a `{ … }` body at the cursor (braces balanced), the cursor after its `}`. */
  braceBody(unclosed: string): Token[] {
    this.expect('{');
    const start = this.pos;
    for (let depth = 1; ; this.pos++) {
      const t = this.peek();
      if (!t) throw new ScriptError(unclosed);
      if (t.kind === 'op' && t.text === '{') depth++;
      if (t.kind === 'op' && t.text === '}' && --depth === 0) break;
    }
    return this.toks.slice(start, this.pos++);
  }

  expr(): Value {
    const cond = this.or();
    if (this.eat('?')) {
      const a = this.expr();
      this.expect(':');
      const b = this.expr();
      return this.d.truthy(cond) ? a : b;
    }
    return cond;
  }

  private or(): Value {
    let v = this.and();
    while (this.eat('||')) {
      const r = this.and();
      v = this.d.truthy(v) ? v : r;
    }
    return v;
  }

  private and(): Value {
    let v = this.not();
    while (this.eat('&&')) {
      const r = this.not();
      v = this.d.truthy(v) ? r : v;
    }
    return v;
  }

  private not(): Value {
    if (this.eat('!')) return !this.d.truthy(this.not());
    return this.cmp();
  }

  private cmp(): Value {
    let v = this.add();
    for (;;) {
      const op = ['===', '!==', '==', '!=', '<=', '>=', '<', '>'].find((o) => this.is(o));
      if (!op) return v;
      this.pos++;
      const r = this.add();
      v = compare(op, v, r);
    }
  }

  private add(): Value {
    let v = this.mul();
    for (;;) {
      if (this.eat('+')) {
        const r = this.mul();
        v = this.d.arith?.('+', v, r) ?? plus(v, r);
      } else if (this.eat('-')) {
        const r = this.mul();
        v = this.d.arith?.('-', v, r) ?? arith('-', v, r);
      }
      else if (this.d.dotConcat && this.eat('.')) v = `${show(v)}${show(this.mul())}`;
      else return v;
    }
  }

  private mul(): Value {
    let v = this.unary();
    for (;;) {
      const op = ['*', '//', '/', '%'].find((o) => this.is(o));
      if (!op) return v;
      this.pos++;
      const r = this.unary();
      v = op === '*' && typeof v === 'string' && typeof r === 'number' ? v.repeat(Math.max(0, r)) : (this.d.arith?.(op, v, r) ?? arith(op, v, r));
    }
  }

  private unary(): Value {
    if (this.eat('-')) {
      const r = this.unary();
      return this.d.arith?.('-', 0, r) ?? arith('-', 0, r);
    }
    if (this.eat('+')) return this.unary();
    const base = this.postfix();
    if (this.eat('**')) {
      const r = this.unary();
      return this.d.arith?.('**', base, r) ?? arith('**', base, r);
    }
    return base;
  }

  private postfix(): Value {
    let v = this.primary();
    for (;;) {
      if (!this.d.dotConcat && this.eat('.')) {
        const name = this.next('name').text;
        v = this.d.method?.(v, name, this) ?? member(v, name);
      } else if (this.eat('(')) {
        const args = this.list(')');
        if (!v || typeof v !== 'object' || !('call' in v) || typeof v.call !== 'function') throw new ScriptError('value is not callable');
        v = (v as Fn).call(args);
      } else if (this.is('[') || (this.d.dotConcat && this.is('{') && this.peek(1)?.kind === 'name' && this.peek(2)?.text === '}')) {
        const close = this.is('[') ? ']' : '}';
        this.pos++;
        const key = close === '}' ? this.next('name').text : this.expr();
        this.expect(close);
        v = member(v, key);
      } else return v;
    }
  }

  list(close: string): Value[] {
    const out: Value[] = [];
    while (!this.eat(close)) {
      out.push(this.expr());
      if (!this.eat(',') && !this.is(close)) throw new ScriptError(`expected ',' or '${close}'`);
    }
    return out;
  }

  next(kind?: Token['kind']): Token {
    const t = this.toks[this.pos++];
    if (!t || (kind && t.kind !== kind)) throw new ScriptError(`invalid syntax${t ? ` near '${t.text}'` : ' at end of input'}`);
    return t;
  }

  private primary(): Value {
    const f = this.d.fn?.(this);
    if (f !== undefined) return f;
    const t = this.next();
    if (t.kind === 'num') return this.d.number?.(t.text) ?? Number(t.text);
    if (t.kind === 'str') return this.d.string(t);
    if (t.kind === 'name' || t.kind === 'var') return this.d.lookup(t.text);
    if (t.text === '(') {
      const v = this.expr();
      if (this.eat(',')) return [v, ...this.list(')')];
      this.expect(')');
      return v;
    }
    if (t.text === '[') return this.list(']');
    throw new ScriptError(`invalid syntax near '${t.text}'`);
  }
}

function member(v: Value, key: Value): Value {
  if (typeof v === 'string' && key === 'length') return v.length;
  if (Array.isArray(v)) {
    if (key === 'length') return v.length;
    if (typeof key === 'number') return v[key < 0 ? v.length + key : key];
  }
  if (v && typeof v === 'object' && !Array.isArray(v) && typeof key === 'string') return (v as Record<string, Value>)[key];
  if (typeof v === 'string' && typeof key === 'number') return v[key < 0 ? v.length + key : key];
  throw new ScriptError(`cannot read '${show(key)}' of ${show(v)}`);
}

function plus(a: Value, b: Value): Value {
  if (typeof a === 'string' || typeof b === 'string') return `${show(a)}${show(b)}`;
  if (Array.isArray(a) && Array.isArray(b)) return [...a, ...b];
  return arith('+', a, b);
}

function arith(op: string, a: Value, b: Value): Value {
  if (typeof a === 'bigint' || typeof b === 'bigint') {
    const x = BigInt(a as number);
    const y = BigInt(b as number);
    return op === '+' ? x + y : op === '-' ? x - y : op === '*' ? x * y : op === '**' ? x ** y : op === '%' ? x % y : x / y;
  }
  const x = Number(a);
  const y = Number(b);
  if (Number.isNaN(x) || Number.isNaN(y)) throw new ScriptError(`unsupported operand types for ${op}`);
  switch (op) {
    case '+':
      return x + y;
    case '-':
      return x - y;
    case '*':
      return x * y;
    case '/':
      if (y === 0) throw new ScriptError('division by zero');
      return x / y;
    case '//':
      if (y === 0) throw new ScriptError('integer division or modulo by zero');
      return Math.floor(x / y);
    case '%':
      return ((x % y) + y) % y;
    default:
      return x ** y;
  }
}

function compare(op: string, a: Value, b: Value): boolean {
  switch (op) {
    case '==':
    case '===':
      return a === b;
    case '!=':
    case '!==':
      return a !== b;
    case '<':
      return (a as number) < (b as number);
    case '>':
      return (a as number) > (b as number);
    case '<=':
      return (a as number) <= (b as number);
    default:
      return (a as number) >= (b as number);
  }
}

/** Default printing: numbers without a trailing .0 where the language would (callers refine). */
export function show(v: Value): string {
  if (v === null || v === undefined) return '';
  if (Array.isArray(v)) return v.map(show).join(',');
  if (typeof v === 'object') return '[object]';
  return String(v);
}

/** Splits source at top-level `sep` characters (outside strings and brackets). */
export function splitTop(src: string, seps: string): string[] {
  const out: string[] = [];
  let depth = 0;
  let quote = '';
  let start = 0;
  for (let i = 0; i < src.length; i++) {
    const c = src[i];
    if (quote) {
      if (c === '\\') i++;
      else if (c === quote) quote = '';
    } else if (c === '"' || c === "'" || c === '`') quote = c;
    else if ('([{'.includes(c)) depth++;
    else if (')]}'.includes(c)) depth--;
    else if (depth === 0 && seps.includes(c)) {
      out.push(src.slice(start, i));
      start = i + 1;
    }
  }
  out.push(src.slice(start));
  return out.map((s) => s.trim()).filter((s) => s !== '');
}
