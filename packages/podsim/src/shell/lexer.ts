/**
 * Splits shell source into words and operators (POSIX token recognition), building each word's
 * parts (quotes, $-expansions, command substitutions) as it goes. Here-document bodies are read
 * at the first token after the newline that follows their `<<` operator.
 */
import type { ParamOp, Word, WordPart } from './ast.js';
import { ShellSyntaxError } from './syntax-error.js';

export type Token =
  | { kind: 'word'; word: Word; start: number; end: number }
  | { kind: 'op'; op: string; fd?: number; start: number; end: number }
  /** `(( expr ))`: bash's arithmetic command. */
  | { kind: 'arith'; expr: Word; start: number; end: number }
  | { kind: 'newline'; start: number; end: number }
  | { kind: 'eof'; start: number; end: number };

const OPERATORS = ['<<<', '&>>', '<<-', '&&', '||', ';;', '<<', '>>', '>&', '<&', '&>', '>|', '<>', '|&', ';', '&', '|', '(', ')', '<', '>'];
const PARAM_OPS: ParamOp[] = [':-', ':=', ':+', ':?', '##', '%%', '//', '-', '=', '+', '?', '#', '%', '/'];
const SPECIAL_PARAMS = '?$!#@*-0123456789';

interface PendingHeredoc {
  delimiter: string;
  /** Line of the `<<` operator, for bash's end-of-file warning. */
  line: number;
  strip: boolean;
  expand: boolean;
  fill: (body: Word) => void;
}

/** A here-document the source ended inside: bash runs it with what was read, and warns. */
export interface UnterminatedHeredoc {
  line: number;
  delimiter: string;
}

export type WordMode = 'normal' | 'dquote' | 'heredoc' | 'param-arg';

export class Lexer {
  pos = 0;
  line = 1;
  private heredocs: PendingHeredoc[] = [];
  private afterNewline = false;
  readonly unterminated: UnterminatedHeredoc[] = [];

  constructor(readonly src: string) {}

  error(problem: ConstructorParameters<typeof ShellSyntaxError>[0]): ShellSyntaxError {
    return new ShellSyntaxError(problem, this.line);
  }

  addHeredoc(h: PendingHeredoc): void {
    this.heredocs.push(h);
  }

  get hasPendingHeredocs(): boolean {
    return this.heredocs.length > 0;
  }

  next(): Token {
    if (this.afterNewline) {
      this.afterNewline = false;
      this.readHeredocs();
    }
    const s = this.src;
    for (;;) {
      const c = s[this.pos];
      if (c === ' ' || c === '\t') this.pos++;
      else if (c === '\\' && s[this.pos + 1] === '\n') {
        this.pos += 2;
        this.line++;
      } else if (c === '#') {
        while (this.pos < s.length && s[this.pos] !== '\n') this.pos++;
      } else break;
    }
    const start = this.pos;
    if (this.pos >= s.length) {
      for (const h of this.heredocs.splice(0)) {
        this.unterminated.push({ line: h.line, delimiter: h.delimiter });
        h.fill({ parts: [], raw: '' });
      }
      return { kind: 'eof', start, end: start };
    }
    if (s[this.pos] === '\n') {
      this.pos++;
      this.line++;
      this.afterNewline = true;
      return { kind: 'newline', start, end: this.pos };
    }
    const io = /^\d+(?=[<>])/.exec(s.slice(this.pos, this.pos + 4));
    if (io) {
      this.pos += io[0].length;
      const op = OPERATORS.find((o) => s.startsWith(o, this.pos))!;
      this.pos += op.length;
      return { kind: 'op', op, fd: Number(io[0]), start, end: this.pos };
    }
    if (s.startsWith('((', this.pos)) {
      const close = s.indexOf('))', this.pos + 2);
      if (close >= 0 && !s.slice(this.pos + 2, close).includes('\n')) {
        const expr = new Lexer(s.slice(this.pos + 2, close)).readAll('heredoc');
        this.pos = close + 2;
        return { kind: 'arith', expr, start, end: this.pos };
      }
    }
    const op = OPERATORS.find((o) => s.startsWith(o, this.pos));
    if (op) {
      this.pos += op.length;
      return { kind: 'op', op, start, end: this.pos };
    }
    const word = this.readWord('normal');
    return { kind: 'word', word, start, end: this.pos };
  }

  private readHeredocs(): void {
    for (const h of this.heredocs.splice(0)) {
      const lines: string[] = [];
      for (;;) {
        if (this.pos >= this.src.length) {
          this.unterminated.push({ line: h.line, delimiter: h.delimiter });
          break;
        }
        let nl = this.src.indexOf('\n', this.pos);
        if (nl < 0) nl = this.src.length;
        let text = this.src.slice(this.pos, nl);
        this.pos = Math.min(nl + 1, this.src.length);
        this.line++;
        if (h.strip) text = text.replace(/^\t+/, '');
        if (text === h.delimiter) break;
        lines.push(text + '\n');
      }
      const body = lines.join('');
      h.fill(h.expand ? new Lexer(body).readAll('heredoc') : { parts: [{ type: 'lit', text: body, quoted: true }], raw: body });
    }
  }

  /** Reads the whole source as one word in the given mode (here-doc bodies, ${x:-word} args). */
  readAll(mode: WordMode): Word {
    return this.readWord(mode, true);
  }

  /** Reads one word; in `whole` mode up to the end of the source. */
  readWord(mode: WordMode, whole = false): Word {
    const s = this.src;
    const start = this.pos;
    const parts: WordPart[] = [];
    let lit = '';
    let litQuoted = false;
    const flush = () => {
      if (lit) parts.push({ type: 'lit', text: lit, quoted: litQuoted });
      lit = '';
    };
    const add = (text: string, quoted: boolean) => {
      if (quoted !== litQuoted) flush();
      litQuoted = quoted;
      lit += text;
    };
    const inQuotes = mode === 'dquote' || mode === 'heredoc';
    if (mode === 'normal' && s[this.pos] === '~') {
      const m = /^~([A-Za-z0-9_.-]*)(?=\/|$|[\s;&|<>()])/.exec(s.slice(this.pos));
      if (m) {
        parts.push({ type: 'tilde', user: m[1] });
        this.pos += m[0].length;
      }
    }
    while (this.pos < s.length) {
      const c = s[this.pos];
      if (!whole && mode === 'normal' && /[\s;&|<>()]/.test(c)) break;
      if (mode === 'dquote' && c === '"') break;
      if (c === '\\') {
        const n = s[this.pos + 1];
        if (n === undefined) {
          add('\\', inQuotes);
          this.pos++;
        } else if (n === '\n') {
          this.pos += 2;
          this.line++;
        } else if (mode === 'normal' || mode === 'param-arg' || ('$`"\\'.includes(n) && (mode !== 'heredoc' || n !== '"'))) {
          add(n, true);
          this.pos += 2;
        } else {
          add('\\' + n, inQuotes);
          this.pos += 2;
        }
        continue;
      }
      if (c === "'" && (mode === 'normal' || mode === 'param-arg')) {
        const end = s.indexOf("'", this.pos + 1);
        if (end < 0) throw this.error({ kind: 'unterminated', match: "'" });
        const text = s.slice(this.pos + 1, end);
        this.line += text.split('\n').length - 1;
        flush();
        parts.push({ type: 'lit', text, quoted: true });
        this.pos = end + 1;
        continue;
      }
      if (c === '"' && (mode === 'normal' || mode === 'param-arg')) {
        flush();
        this.pos++;
        const inner = this.readWord('dquote');
        if (s[this.pos] !== '"') throw this.error({ kind: 'unterminated', match: '"' });
        this.pos++;
        parts.push({ type: 'dq', parts: inner.parts.length ? inner.parts : [{ type: 'lit', text: '', quoted: true }] });
        continue;
      }
      if (c === '`') {
        flush();
        const end = this.findBacktick(this.pos + 1);
        const source = s.slice(this.pos + 1, end).replace(/\\([$`\\])/g, '$1');
        parts.push({ type: 'cmd', source });
        this.pos = end + 1;
        continue;
      }
      if (c === '$') {
        const part = this.readDollar();
        if (part) {
          flush();
          parts.push(part);
          continue;
        }
      }
      if (c === '\n') this.line++;
      add(c, inQuotes);
      this.pos++;
    }
    flush();
    return { parts, raw: s.slice(start, this.pos) };
  }

  private findBacktick(from: number): number {
    for (let i = from; i < this.src.length; i++) {
      if (this.src[i] === '\\') i++;
      else if (this.src[i] === '`') return i;
    }
    throw this.error({ kind: 'unterminated', match: '`' });
  }

  /** Index of the `close` matching an opener just before `from`, skipping quotes and nesting. */
  private findClose(from: number, open: string, close: string): number {
    const s = this.src;
    let depth = 1;
    for (let i = from; i < s.length; i++) {
      const c = s[i];
      if (c === '\\') i++;
      else if (c === "'") {
        const e = s.indexOf("'", i + 1);
        if (e < 0) break;
        i = e;
      } else if (c === '"') {
        for (i++; i < s.length && s[i] !== '"'; i++) if (s[i] === '\\') i++;
        if (i >= s.length) break;
      } else if (c === open) depth++;
      else if (c === close && --depth === 0) return i;
    }
    throw this.error({ kind: 'unterminated', match: close });
  }

  private readDollar(): WordPart | undefined {
    const s = this.src;
    const n = s[this.pos + 1];
    if (n === '(' && s[this.pos + 2] === '(') {
      const end = this.findClose(this.pos + 3, '(', ')');
      if (s[end + 1] === ')') {
        const text = s.slice(this.pos + 3, end);
        this.pos = end + 2;
        return { type: 'arith', expr: new Lexer(text).readAll('heredoc') };
      }
    }
    if (n === '(') {
      const end = this.findClose(this.pos + 2, '(', ')');
      const source = s.slice(this.pos + 2, end);
      this.line += source.split('\n').length - 1;
      this.pos = end + 1;
      return { type: 'cmd', source };
    }
    if (n === '{') {
      const end = this.findClose(this.pos + 2, '{', '}');
      const inner = s.slice(this.pos + 2, end);
      this.pos = end + 1;
      return parseBraced(inner, this);
    }
    if (n !== undefined && SPECIAL_PARAMS.includes(n)) {
      this.pos += 2;
      return { type: 'param', name: n };
    }
    const m = /^[A-Za-z_][A-Za-z0-9_]*/.exec(s.slice(this.pos + 1, this.pos + 200));
    if (m) {
      this.pos += 1 + m[0].length;
      return { type: 'param', name: m[0] };
    }
    return undefined;
  }
}

function subscript(text: string): Word {
  return text === '@' || text === '*' ? { parts: [{ type: 'lit', text, quoted: true }], raw: text } : new Lexer(text).readAll('heredoc');
}

function parseBraced(inner: string, at: Lexer): WordPart {
  const counted = /^#([A-Za-z_][A-Za-z0-9_]*)\[([^\]]*)\]$/.exec(inner);
  if (counted) return { type: 'param', name: counted[1], length: true, index: subscript(counted[2]) };
  if (/^#[A-Za-z_0-9?@*#$!]/.test(inner) && /^#([A-Za-z_][A-Za-z0-9_]*|[0-9]+|[?@*#$!])$/.test(inner)) {
    return { type: 'param', name: inner.slice(1), length: true };
  }
  const m = /^([A-Za-z_][A-Za-z0-9_]*|[0-9]+|[?@*#$!-])/.exec(inner);
  if (!m) throw at.error({ kind: 'token', token: '${' + inner + '}' });
  const name = m[1];
  const sub = /^\[([^\]]*)\]/.exec(inner.slice(name.length));
  const index = sub ? subscript(sub[1]) : undefined;
  const rest = inner.slice(name.length + (sub?.[0].length ?? 0));
  if (rest === '') return { type: 'param', name, ...(index ? { index } : {}) };
  const op = PARAM_OPS.find((o) => rest.startsWith(o));
  if (!op) throw at.error({ kind: 'token', token: '${' + inner + '}' });
  const arg = new Lexer(rest.slice(op.length)).readAll('param-arg');
  return { type: 'param', name, op, arg, ...(index ? { index } : {}) };
}
